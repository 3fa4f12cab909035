#include "api/http.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/context.hpp"

namespace enshu::api {
namespace {

TEST(PercentDecodeTest, DecodesEscapesAndPlus) {
    EXPECT_EQ(PercentDecode("a%20b+c", true), "a b c");
    EXPECT_EQ(PercentDecode("a%20b+c", false), "a b+c");
    EXPECT_EQ(PercentDecode("%E3%81%82", false), "\xE3\x81\x82");
    EXPECT_EQ(PercentDecode("", false), "");
}

TEST(PercentDecodeTest, RejectsMalformedEscapes) {
    EXPECT_EQ(PercentDecode("%", false), std::nullopt);
    EXPECT_EQ(PercentDecode("%4", false), std::nullopt);
    EXPECT_EQ(PercentDecode("ab%zz", false), std::nullopt);
    EXPECT_EQ(PercentDecode("%4g", false), std::nullopt);
}

TEST(ParseQueryTest, SplitsDecodesAndKeepsRepeats) {
    auto query = ParseQuery("q=%E3%81%82+x&page=2&sector=a&sector=b&flag&&=skip&bad=%zz");
    EXPECT_EQ(query.count("q"), 1u);
    EXPECT_EQ(query.find("q")->second, "\xE3\x81\x82 x");
    EXPECT_EQ(query.find("page")->second, "2");
    EXPECT_EQ(query.count("sector"), 2u);
    EXPECT_EQ(query.find("flag")->second, "");
    EXPECT_EQ(query.count(""), 0u);
    EXPECT_EQ(query.count("bad"), 0u);
    EXPECT_EQ(query.size(), 5u);
}

TEST(RequestTest, HeaderCookieAndQueryParam) {
    Request request;
    request.headers["cookie"] = "a=1; enshu_session=tok en ; quoted=\"v\"";
    request.headers["x-thing"] = "yes";
    request.query = ParseQuery("page=3&page=4");
    EXPECT_EQ(request.Header("x-thing"), "yes");
    EXPECT_EQ(request.Header("x-missing"), std::nullopt);
    EXPECT_EQ(request.Cookie("a"), "1");
    EXPECT_EQ(request.Cookie("enshu_session"), "tok en");
    EXPECT_EQ(request.Cookie("quoted"), "v");
    EXPECT_EQ(request.Cookie("enshu"), std::nullopt);
    EXPECT_EQ(request.QueryParam("page"), "3");
    EXPECT_EQ(request.QueryParam("size"), std::nullopt);
}

TEST(HttpStatusTest, MapsEveryCode) {
    EXPECT_EQ(HttpStatusFor(ErrorCode::kInvalidArgument), 400);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kUnauthenticated), 401);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kForbidden), 403);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kCsrf), 403);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kNotFound), 404);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kConflict), 409);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kPayloadTooLarge), 413);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kUnprocessable), 422);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kRateLimited), 429);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kUnavailable), 503);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kInternal), 500);
}

TEST(ResponseTest, FromErrorHasConventionalBody) {
    Response response = Response::FromError(Error{ErrorCode::kCsrf, "X-CSRF-Token: missing", "X-CSRF-Token"});
    EXPECT_EQ(response.status, 403);
    auto body = nlohmann::json::parse(response.body);
    EXPECT_EQ(body["error"]["code"], "csrf_failed");
    EXPECT_EQ(body["error"]["message"], "X-CSRF-Token: missing");
    EXPECT_EQ(body["error"]["field"], "X-CSRF-Token");
    EXPECT_EQ(response.content_type, "application/json; charset=utf-8");
}

TEST(ResponseTest, JsonReplacesInvalidUtf8InsteadOfThrowing) {
    Response response = Response::Json({{"name", std::string("a\xff")}}, 201);
    EXPECT_EQ(response.status, 201);
    EXPECT_EQ(response.body, "{\"name\":\"a\xEF\xBF\xBD\"}");
}

TEST(ResponseTest, NoContentHasNoBodyOrType) {
    Response response = Response::NoContent();
    EXPECT_EQ(response.status, 204);
    EXPECT_TRUE(response.body.empty());
    EXPECT_TRUE(response.content_type.empty());
}

TEST(ResponseTest, DownloadHasAsciiFallbackAndRfc5987Name) {
    Response response = Response::Download("a,b\n", "text/csv; charset=utf-8", "組織 一覧\"2023\".csv");
    ASSERT_EQ(response.headers.size(), 1u);
    EXPECT_EQ(response.headers[0].first, "Content-Disposition");
    EXPECT_EQ(response.headers[0].second,
              "attachment; filename=\"_ __2023_.csv\"; "
              "filename*=UTF-8''%E7%B5%84%E7%B9%94%20%E4%B8%80%E8%A6%A7%222023%22.csv");
    EXPECT_EQ(response.body, "a,b\n");
    EXPECT_EQ(response.content_type, "text/csv; charset=utf-8");
}

TEST(ResponseTest, DownloadNeverEmptyFallback) {
    Response response = Response::Download("", "text/plain", "");
    EXPECT_NE(response.headers[0].second.find("filename=\"download\""), std::string::npos);
}

}  // namespace
}  // namespace enshu::api
