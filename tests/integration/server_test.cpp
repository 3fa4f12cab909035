// The real server over TCP: operations endpoints, limits, timeouts, keep-alive,
// static files, security headers, request ids, CSRF and graceful shutdown.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "raw_socket.hpp"
#include "test_server.hpp"

namespace enshu::testing {
namespace {

using namespace std::chrono_literals;

nlohmann::json JsonOf(const net::HttpResponse& response) { return nlohmann::json::parse(response.body); }

void WriteFile(const std::filesystem::path& path, std::string_view content) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

TEST(ServerIntegrationTest, HealthzAndReadyz) {
    TestServer server;
    auto client = server.Client();
    auto health = client.Get("/healthz");
    ASSERT_TRUE(health) << health.error().message;
    EXPECT_EQ(health->status, 200);
    EXPECT_EQ(JsonOf(*health), nlohmann::json({{"status", "ok"}}));

    auto ready = client.Get("/readyz");
    ASSERT_TRUE(ready);
    EXPECT_EQ(ready->status, 200) << ready->body;
    EXPECT_EQ(JsonOf(*ready)["checks"]["database"], "ok");
    EXPECT_EQ(JsonOf(*ready)["checks"]["migrations"], "ok");
}

TEST(ServerIntegrationTest, MetricsCountEarlierRequests) {
    TestServer server;
    auto client = server.Client();
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(client.Get("/healthz"));
    ASSERT_TRUE(client.Get("/api/no-such-thing"));
    auto metrics = client.Get("/metrics");
    ASSERT_TRUE(metrics);
    EXPECT_EQ(metrics->status, 200);
    EXPECT_EQ(metrics->Header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
    const std::string& text = metrics->body;
    EXPECT_NE(text.find("enshu_http_requests_total{route=\"healthz\",status=\"200\"} 3\n"), std::string::npos) << text;
    EXPECT_NE(text.find("enshu_http_requests_total{route=\"not_found\",status=\"404\"} 1\n"), std::string::npos);
    EXPECT_NE(text.find("enshu_http_request_duration_seconds_count{route=\"healthz\"} 3\n"), std::string::npos);
    EXPECT_NE(text.find("enshu_open_connections 1\n"), std::string::npos);
    EXPECT_NE(text.find("enshu_db_connections_total "), std::string::npos);
    EXPECT_NE(text.find("process_start_time_seconds "), std::string::npos);
}

TEST(ServerIntegrationTest, UnknownApiPathIs404Json) {
    TestServer server;
    auto response = server.Client().Get("/api/nothing/here");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 404);
    EXPECT_EQ(response->Header("content-type"), "application/json; charset=utf-8");
    EXPECT_EQ(JsonOf(*response)["error"]["code"], "not_found");
    EXPECT_EQ(response->Header("cache-control"), "no-store");
}

TEST(ServerIntegrationTest, WrongMethodIs405WithAllow) {
    TestServer server;
    auto response = server.Client().Send("PUT", "/api/exercises", "{}");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 405);
    EXPECT_EQ(response->Header("allow"), "GET, POST");
}

TEST(ServerIntegrationTest, BodyOverTheLimitIs413) {
    TestServer server(
        [](app::AppConfig& config, const std::filesystem::path&) { config.server.max_body_bytes = 64 * 1024; });
    auto client = server.Client();
    auto response = client.Post("/api/auth/login", std::string(100 * 1024, 'x'), {{"X-Requested-With", "enshu"}});
    ASSERT_TRUE(response) << response.error().message;
    EXPECT_EQ(response->status, 413);
    EXPECT_EQ(JsonOf(*response)["error"]["code"], "payload_too_large");
    // The server stays usable.
    auto health = server.Client().Get("/healthz");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
}

TEST(ServerIntegrationTest, HeaderTimeoutClosesAnIdleHalfRequest) {
    TestServer server([](app::AppConfig& config, const std::filesystem::path&) {
        config.server.header_timeout = std::chrono::seconds(1);
    });
    RawSocket socket(server.port());
    ASSERT_TRUE(socket.connected());
    ASSERT_TRUE(socket.Send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
    const auto started = std::chrono::steady_clock::now();
    bool closed = false;
    std::string reply = socket.ReadUntilClosed(&closed);
    EXPECT_TRUE(closed);
    EXPECT_EQ(reply, "");
    EXPECT_GE(std::chrono::steady_clock::now() - started, 900ms);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 4s);
}

TEST(ServerIntegrationTest, KeepAliveServesSeveralRequestsOnOneConnection) {
    TestServer server;
    auto client = server.Client();
    for (int i = 0; i < 5; ++i) {
        auto response = client.Get(i % 2 == 0 ? "/healthz" : "/readyz");
        ASSERT_TRUE(response);
        EXPECT_EQ(response->status, 200);
    }
    EXPECT_EQ(client.connections_opened(), 1);
}

class StaticFilesIntegrationTest : public ::testing::Test {
  protected:
    StaticFilesIntegrationTest()
        : server_([](app::AppConfig& config, const std::filesystem::path& directory) {
              WriteFile(directory / "web" / "index.html", "<!doctype html><title>演習</title>");
              WriteFile(directory / "web" / "assets" / "index-3f2a.js", "export const x = 1;");
              WriteFile(directory / "secret.txt", "do not serve");
              config.server.web_root = (directory / "web").string();
          }) {}
    TestServer server_;
};

TEST_F(StaticFilesIntegrationTest, ServesFilesWithTypesAndCaching) {
    auto client = server_.Client();
    auto index = client.Get("/");
    ASSERT_TRUE(index);
    EXPECT_EQ(index->status, 200);
    EXPECT_EQ(index->body, "<!doctype html><title>演習</title>");
    EXPECT_EQ(index->Header("content-type"), "text/html; charset=utf-8");
    EXPECT_EQ(index->Header("cache-control"), "no-cache");

    auto script = client.Get("/assets/index-3f2a.js");
    ASSERT_TRUE(script);
    EXPECT_EQ(script->status, 200);
    EXPECT_EQ(script->Header("content-type"), "text/javascript; charset=utf-8");
    EXPECT_EQ(script->Header("cache-control"), "public, max-age=31536000, immutable");

    auto revalidated = client.Get("/assets/index-3f2a.js", {{"If-None-Match", script->Header("etag").value_or("")}});
    ASSERT_TRUE(revalidated);
    EXPECT_EQ(revalidated->status, 304);
    EXPECT_EQ(revalidated->body, "");

    auto head = client.Send("HEAD", "/");
    ASSERT_TRUE(head);
    EXPECT_EQ(head->status, 200);
    EXPECT_EQ(head->body, "");
}

TEST_F(StaticFilesIntegrationTest, SpaFallbackAndMissingFiles) {
    auto client = server_.Client();
    auto route = client.Get("/exercises/1/organisations?tab=people");
    ASSERT_TRUE(route);
    EXPECT_EQ(route->status, 200);
    EXPECT_EQ(route->body, "<!doctype html><title>演習</title>");
    auto missing = client.Get("/assets/missing-1234.js");
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404);
    auto post = client.Post("/exercises", "{}");
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 405);
}

TEST_F(StaticFilesIntegrationTest, TraversalIsRejected) {
    for (std::string target : {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
                               "/assets/%2E%2E/%2E%2E/secret.txt", "/..%2fsecret.txt", "/index.html%00.js"}) {
        RawSocket socket(server_.port());
        ASSERT_TRUE(socket.Send("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        std::string reply = socket.ReadUntilClosed();
        EXPECT_EQ(reply.find("do not serve"), std::string::npos) << target;
        EXPECT_TRUE(reply.starts_with("HTTP/1.1 404") || reply.starts_with("HTTP/1.1 400")) << target << "\n" << reply;
    }
}

TEST_F(StaticFilesIntegrationTest, SecurityHeadersOnEveryResponse) {
    auto client = server_.Client();
    for (std::string target : {"/", "/healthz", "/api/nothing", "/assets/index-3f2a.js"}) {
        auto response = client.Get(target);
        ASSERT_TRUE(response) << target;
        EXPECT_EQ(response->Header("x-content-type-options"), "nosniff") << target;
        EXPECT_EQ(response->Header("x-frame-options"), "DENY") << target;
        EXPECT_EQ(response->Header("referrer-policy"), "same-origin") << target;
        EXPECT_EQ(response->Header("content-security-policy"),
                  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                  "connect-src 'self'; frame-ancestors 'none'")
            << target;
    }
}

TEST(ServerIntegrationTest, RequestIdIsEchoed) {
    TestServer server;
    auto client = server.Client();
    auto given = client.Get("/healthz", {{"X-Request-Id", "trace-abc_123"}});
    ASSERT_TRUE(given);
    EXPECT_EQ(given->Header("x-request-id"), "trace-abc_123");
    auto generated = client.Get("/healthz", {{"X-Request-Id", "not valid!"}});
    ASSERT_TRUE(generated);
    auto id = generated->Header("x-request-id");
    ASSERT_TRUE(id);
    EXPECT_EQ(id->size(), 16u);
    EXPECT_EQ(id->find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(ServerIntegrationTest, CsrfIsRequiredForStateChangingRequests) {
    TestServer server;
    ASSERT_TRUE(server.CreateStaff("organiser1", "correct horse battery", StaffRole::kAdministrator));

    // Login without X-Requested-With.
    auto anonymous = server.Client();
    auto login = anonymous.Post(
        "/api/auth/login", nlohmann::json({{"login", "organiser1"}, {"password", "correct horse battery"}}).dump());
    ASSERT_TRUE(login);
    EXPECT_EQ(login->status, 403);
    EXPECT_EQ(JsonOf(*login)["error"]["code"], "csrf_failed");

    auto signed_in = server.LoginAs("organiser1", "correct horse battery");
    ASSERT_TRUE(signed_in) << signed_in.error().message;
    auto session = signed_in->Get("/api/auth/session");
    ASSERT_TRUE(session);
    EXPECT_EQ(session->status, 200) << session->body;

    // A client with the session cookie but no or a wrong token.
    auto cookie = signed_in->Cookie("enshu_session");
    ASSERT_TRUE(cookie);
    auto forger = server.Client();
    forger.SetCookie("enshu_session", *cookie);
    auto no_token = forger.Post("/api/exercises", "{}");
    ASSERT_TRUE(no_token);
    EXPECT_EQ(no_token->status, 403);
    EXPECT_EQ(JsonOf(*no_token)["error"]["code"], "csrf_failed");
    forger.SetCsrfToken("wrong-token");
    auto wrong_token = forger.Post("/api/auth/logout", "");
    ASSERT_TRUE(wrong_token);
    EXPECT_EQ(wrong_token->status, 403);

    // The real client logs out; afterwards the session is gone.
    auto logout = signed_in->Post("/api/auth/logout", "");
    ASSERT_TRUE(logout);
    EXPECT_LT(logout->status, 300) << logout->body;
    auto after = forger.Get("/api/auth/session");
    ASSERT_TRUE(after);
    EXPECT_EQ(after->status, 401);
}

TEST(ServerIntegrationTest, GracefulShutdownLetsAnInFlightRequestComplete) {
    TestServer server;
    RawSocket socket(server.port());
    ASSERT_TRUE(socket.connected());
    // Header complete, body half sent: the request is in flight.
    ASSERT_TRUE(
        socket.Send("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    "Content-Length: 10\r\n\r\n{\"login\""));
    std::this_thread::sleep_for(300ms);
    server.RequestStop();
    std::this_thread::sleep_for(300ms);
    // New connections are refused while the old one drains.
    auto refused = server.Client().Get("/healthz");
    EXPECT_FALSE(refused);
    ASSERT_TRUE(socket.Send(":1"));
    std::string reply = socket.ReadUntilClosed();
    // No X-Requested-With: the pipeline answers 403, proving the request was served.
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 403")) << reply;
    EXPECT_NE(reply.find("Connection: close"), std::string::npos) << reply;
    EXPECT_NE(reply.find("csrf_failed"), std::string::npos) << reply;
    server.Stop();
}

}  // namespace
}  // namespace enshu::testing
