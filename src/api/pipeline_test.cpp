#include "api/pipeline.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "api/test_services.hpp"

namespace enshu::api {
namespace {

std::optional<std::string> HeaderOf(const Response& response, std::string_view name) {
    for (const auto& [header, value] : response.headers) {
        if (header == name) return value;
    }
    return std::nullopt;
}

std::string ErrorCodeOf(const Response& response) {
    return nlohmann::json::parse(response.body).at("error").at("code").get<std::string>();
}

Principal TestPrincipal() {
    Principal principal;
    principal.user_id = 7;
    principal.session_id = 70;
    principal.csrf_token = "csrf-123";
    return principal;
}

Result<std::optional<Principal>> TestAuthenticator(std::string_view token) {
    if (token == "good") return std::optional<Principal>(TestPrincipal());
    if (token == "broken") return Fail(ErrorCode::kUnavailable, "database: unavailable");
    return std::optional<Principal>();
}

class PipelineTest : public ::testing::Test {
  protected:
    PipelineTest() : test_services_(Settings()), pipeline_(test_services_.services, Routes(), TestAuthenticator) {}

    static ServerSettings Settings() {
        ServerSettings settings;
        settings.max_body_bytes = 1000;
        return settings;
    }

    std::vector<Route> Routes() {
        return {
            {"GET", "/healthz", "healthz", Access::kPublic, "public",
             [](RequestContext&) -> Result<Response> {
                 return Response::Json({{"status", "ok"}});
             }},
            {"POST", "/api/auth/login", "auth.login", Access::kPublic, "public",
             [](RequestContext& context) -> Result<Response> {
                 return Response::Json({{"signed_in", context.principal.has_value()}});
             }},
            {"GET", "/api/things/{thing_id}", "things.get", Access::kSession, "any",
             [this](RequestContext& context) -> Result<Response> {
                 seen_path_ = context.request.path;
                 seen_query_ = context.request.QueryParam("q").value_or("<none>");
                 auto id = context.PathId("thing_id");
                 if (!id) return tl::unexpected(id.error());
                 auto caller = context.RequireCaller();
                 if (!caller) return tl::unexpected(caller.error());
                 return Response::Json({{"id", *id}, {"user", (*caller)->user_id}});
             }},
            {"POST", "/api/things", "things.create", Access::kSession, "any",
             [](RequestContext& context) -> Result<Response> {
                 auto body = context.JsonBody();
                 if (!body) return tl::unexpected(body.error());
                 return Response::Json(*body, 201);
             }},
            {"DELETE", "/api/things/{thing_id}", "things.delete", Access::kSession, "any",
             [](RequestContext&) -> Result<Response> { return Response::NoContent(); }},
            {"GET", "/api/throws", "throws", Access::kPublic, "public",
             [](RequestContext&) -> Result<Response> { throw std::runtime_error("secret detail"); }},
            {"GET", "/api/internal", "internal", Access::kPublic, "public",
             [](RequestContext&) -> Result<Response> {
                 return Fail(ErrorCode::kInternal, "SQL error near secret_table");
             }},
            {"GET", "/api/missing", "missing", Access::kPublic, "public",
             [](RequestContext&) -> Result<Response> {
                 return Fail(ErrorCode::kNotFound, "thing_id: no such thing", "thing_id");
             }},
        };
    }

    Response Send(std::string method, std::string target, std::map<std::string, std::string> headers = {},
                  std::string body = {}) {
        last_request_ = Request{};
        last_request_.method = std::move(method);
        last_request_.target = std::move(target);
        last_request_.headers = std::move(headers);
        last_request_.body = std::move(body);
        return pipeline_.Handle(last_request_);
    }

    testing::TestServices test_services_;
    Pipeline pipeline_;
    Request last_request_;
    std::string seen_path_;
    std::string seen_query_;
};

TEST_F(PipelineTest, GeneratesAndEchoesRequestId) {
    Response response = Send("GET", "/healthz");
    EXPECT_EQ(response.status, 200);
    auto id = HeaderOf(response, "X-Request-Id");
    ASSERT_TRUE(id);
    EXPECT_EQ(id->size(), 16u);
    EXPECT_EQ(id->find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(last_request_.request_id, *id);
    EXPECT_NE(HeaderOf(Send("GET", "/healthz"), "X-Request-Id"), id);
}

TEST_F(PipelineTest, KeepsValidIncomingRequestIdOnly) {
    EXPECT_EQ(HeaderOf(Send("GET", "/healthz", {{"x-request-id", "abc-DEF_123"}}), "X-Request-Id"), "abc-DEF_123");
    EXPECT_NE(HeaderOf(Send("GET", "/healthz", {{"x-request-id", "bad id"}}), "X-Request-Id"), "bad id");
    std::string too_long(65, 'a');
    EXPECT_NE(HeaderOf(Send("GET", "/healthz", {{"x-request-id", too_long}}), "X-Request-Id"), too_long);
    std::string longest(64, 'a');
    EXPECT_EQ(HeaderOf(Send("GET", "/healthz", {{"x-request-id", longest}}), "X-Request-Id"), longest);
}

TEST_F(PipelineTest, SecurityHeadersOnEveryResponse) {
    for (const Response& response : {Send("GET", "/healthz"), Send("GET", "/api/nope"), Send("GET", "/page")}) {
        EXPECT_EQ(HeaderOf(response, "X-Content-Type-Options"), "nosniff");
        EXPECT_EQ(HeaderOf(response, "X-Frame-Options"), "DENY");
        EXPECT_EQ(HeaderOf(response, "Referrer-Policy"), "same-origin");
        auto policy = HeaderOf(response, "Content-Security-Policy");
        ASSERT_TRUE(policy);
        EXPECT_NE(policy->find("default-src 'self'"), std::string::npos);
        EXPECT_NE(policy->find("frame-ancestors 'none'"), std::string::npos);
    }
    EXPECT_EQ(HeaderOf(Send("GET", "/api/nope"), "Cache-Control"), "no-store");
    EXPECT_EQ(HeaderOf(Send("GET", "/page"), "Cache-Control"), std::nullopt);  // no web root: 404, no store header
}

TEST_F(PipelineTest, UnknownApiPathIs404JsonAndWrongMethodIs405) {
    Response not_found = Send("GET", "/api/unknown/path");
    EXPECT_EQ(not_found.status, 404);
    EXPECT_EQ(ErrorCodeOf(not_found), "not_found");

    Response not_allowed = Send("PUT", "/api/things/3", {{"cookie", "enshu_session=good"}});
    EXPECT_EQ(not_allowed.status, 405);
    EXPECT_EQ(HeaderOf(not_allowed, "Allow"), "DELETE, GET");
}

TEST_F(PipelineTest, NonApiPathsGoToStaticFiles) {
    Response response = Send("GET", "/exercises/3");
    EXPECT_EQ(response.status, 404);  // no web root configured in this test
    std::string metrics = test_services_.metrics.RenderPrometheus();
    EXPECT_NE(metrics.find("enshu_http_requests_total{route=\"static\",status=\"404\"} 1"), std::string::npos);
}

TEST_F(PipelineTest, DecodesPathAndQueryAndPassesPathParameters) {
    Response response = Send("GET", "/api/things/%34%32?q=%E3%81%82+b&x=1", {{"cookie", "enshu_session=good"}});
    ASSERT_EQ(response.status, 200) << response.body;
    auto body = nlohmann::json::parse(response.body);
    EXPECT_EQ(body["id"], 42);
    EXPECT_EQ(body["user"], 7);
    EXPECT_EQ(seen_path_, "/api/things/42");
    EXPECT_EQ(seen_query_, "\xE3\x81\x82 b");
}

TEST_F(PipelineTest, PathIdMustBeAPositiveInteger) {
    for (std::string id : {"0", "-1", "abc", "1x", "%2B1", "99999999999999999999"}) {
        Response response = Send("GET", "/api/things/" + id, {{"cookie", "enshu_session=good"}});
        EXPECT_EQ(response.status, 400) << id;
        auto body = nlohmann::json::parse(response.body);
        EXPECT_EQ(body["error"]["field"], "thing_id") << id;
    }
}

TEST_F(PipelineTest, Limits) {
    Response long_path = Send("GET", "/api/" + std::string(Pipeline::kMaxPathBytes, 'a'));
    EXPECT_EQ(long_path.status, 400);
    EXPECT_NE(long_path.body.find("\"field\":\"path\""), std::string::npos);

    std::string query;
    for (int i = 0; i < 101; ++i) query += "p" + std::to_string(i) + "=1&";
    Response many = Send("GET", "/healthz?" + query);
    EXPECT_EQ(many.status, 400);
    EXPECT_NE(many.body.find("\"field\":\"query\""), std::string::npos);
    query.clear();
    for (int i = 0; i < 100; ++i) query += "p" + std::to_string(i) + "=1&";
    EXPECT_EQ(Send("GET", "/healthz?" + query).status, 200);

    EXPECT_EQ(Send("GET", "/healthz?q=%zz").status, 400);
    EXPECT_EQ(Send("GET", "/health%zz").status, 400);
    EXPECT_EQ(Send("GET", "/api/%00").status, 400);

    Response large = Send("POST", "/api/auth/login", {{"x-requested-with", "enshu"}}, std::string(1001, 'x'));
    EXPECT_EQ(large.status, 413);
    EXPECT_EQ(ErrorCodeOf(large), "payload_too_large");
}

TEST_F(PipelineTest, SessionRoutesNeedAValidSession) {
    EXPECT_EQ(Send("GET", "/api/things/1").status, 401);
    EXPECT_EQ(ErrorCodeOf(Send("GET", "/api/things/1", {{"cookie", "enshu_session=unknown"}})), "unauthenticated");
    EXPECT_EQ(Send("GET", "/api/things/1", {{"cookie", "other=good"}}).status, 401);
    EXPECT_EQ(Send("GET", "/api/things/1", {{"cookie", "enshu_session=good"}}).status, 200);
    EXPECT_EQ(Send("GET", "/api/things/1", {{"cookie", "enshu_session=broken"}}).status, 503);
}

TEST_F(PipelineTest, PublicRoutesSeeTheSessionWhenPresent) {
    Response anonymous =
        Send("POST", "/api/auth/login", {{"x-requested-with", "enshu"}, {"cookie", "enshu_session=x"}});
    EXPECT_EQ(nlohmann::json::parse(anonymous.body)["signed_in"], false);
    // An unreachable session store does not block anonymous public routes.
    EXPECT_EQ(
        Send("POST", "/api/auth/login", {{"x-requested-with", "enshu"}, {"cookie", "enshu_session=broken"}}).status,
        200);
}

TEST_F(PipelineTest, CsrfForSessionRoutes) {
    std::map<std::string, std::string> session = {{"cookie", "enshu_session=good"}};
    Response missing = Send("POST", "/api/things", session, "{}");
    EXPECT_EQ(missing.status, 403);
    EXPECT_EQ(ErrorCodeOf(missing), "csrf_failed");

    auto wrong = session;
    wrong["x-csrf-token"] = "csrf-124";
    EXPECT_EQ(Send("POST", "/api/things", wrong, "{}").status, 403);
    wrong["x-csrf-token"] = "csrf-12";
    EXPECT_EQ(Send("DELETE", "/api/things/1", wrong).status, 403);
    // X-Requested-With is not a substitute for the token on session routes.
    wrong.erase("x-csrf-token");
    wrong["x-requested-with"] = "enshu";
    EXPECT_EQ(Send("DELETE", "/api/things/1", wrong).status, 403);

    auto right = session;
    right["x-csrf-token"] = "csrf-123";
    EXPECT_EQ(Send("POST", "/api/things", right, "{\"a\":1}").status, 201);
    EXPECT_EQ(Send("DELETE", "/api/things/1", right).status, 204);
    // GET needs no token.
    EXPECT_EQ(Send("GET", "/api/things/1", session).status, 200);
}

TEST_F(PipelineTest, CsrfForPublicRoutes) {
    Response missing = Send("POST", "/api/auth/login");
    EXPECT_EQ(missing.status, 403);
    EXPECT_EQ(ErrorCodeOf(missing), "csrf_failed");
    EXPECT_EQ(Send("POST", "/api/auth/login", {{"x-requested-with", "XMLHttpRequest"}}).status, 403);
    EXPECT_EQ(Send("POST", "/api/auth/login", {{"x-requested-with", "enshu"}}).status, 200);
    EXPECT_EQ(Send("POST", "/api/auth/login", {{"cookie", "enshu_session=good"}, {"x-csrf-token", "csrf-123"}}).status,
              200);
}

TEST_F(PipelineTest, JsonBodyErrors) {
    std::map<std::string, std::string> headers = {{"cookie", "enshu_session=good"}, {"x-csrf-token", "csrf-123"}};
    Response bad = Send("POST", "/api/things", headers, "{\"a\":");
    EXPECT_EQ(bad.status, 400);
    auto body = nlohmann::json::parse(bad.body);
    EXPECT_EQ(body["error"]["field"], "body");
    EXPECT_NE(body["error"]["message"].get<std::string>().find("at byte"), std::string::npos);
    EXPECT_EQ(Send("POST", "/api/things", headers, "[1,2]").status, 400);
    EXPECT_EQ(Send("POST", "/api/things", headers, "").status, 400);
    std::string deep = "{\"a\":" + std::string(70, '[') + std::string(70, ']') + "}";
    Response too_deep = Send("POST", "/api/things", headers, deep);
    EXPECT_EQ(too_deep.status, 400);
    EXPECT_NE(too_deep.body.find("deeper"), std::string::npos);
}

TEST_F(PipelineTest, HandlerFailuresAre500WithoutDetails) {
    Response thrown = Send("GET", "/api/throws");
    EXPECT_EQ(thrown.status, 500);
    EXPECT_EQ(ErrorCodeOf(thrown), "internal");
    EXPECT_EQ(thrown.body.find("secret"), std::string::npos);
    EXPECT_NE(thrown.body.find(last_request_.request_id), std::string::npos);

    Response internal = Send("GET", "/api/internal");
    EXPECT_EQ(internal.status, 500);
    EXPECT_EQ(internal.body.find("secret"), std::string::npos);

    Response missing = Send("GET", "/api/missing");
    EXPECT_EQ(missing.status, 404);
    EXPECT_NE(missing.body.find("thing_id: no such thing"), std::string::npos);
}

TEST_F(PipelineTest, RecordsMetricsPerRouteName) {
    Send("GET", "/healthz");
    Send("GET", "/healthz");
    Send("GET", "/api/nope");
    Send("DELETE", "/healthz");
    std::string text = test_services_.metrics.RenderPrometheus();
    EXPECT_NE(text.find("enshu_http_requests_total{route=\"healthz\",status=\"200\"} 2"), std::string::npos);
    EXPECT_NE(text.find("enshu_http_requests_total{route=\"not_found\",status=\"404\"} 1"), std::string::npos);
    EXPECT_NE(text.find("enshu_http_requests_total{route=\"method_not_allowed\",status=\"405\"} 1"), std::string::npos);
}

TEST(RequestIdTest, Validity) {
    EXPECT_TRUE(IsValidRequestId("a"));
    EXPECT_TRUE(IsValidRequestId("A-z_0"));
    EXPECT_FALSE(IsValidRequestId(""));
    EXPECT_FALSE(IsValidRequestId("a b"));
    EXPECT_FALSE(IsValidRequestId("a\n"));
    EXPECT_FALSE(IsValidRequestId(std::string(65, 'x')));
}

TEST(ConstantTimeEqualsTest, ComparesContent) {
    EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
    EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
    EXPECT_FALSE(ConstantTimeEquals("abc", "ab"));
    EXPECT_TRUE(ConstantTimeEquals("", ""));
}

}  // namespace
}  // namespace enshu::api
