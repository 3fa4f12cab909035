// A live stream ends with the session that opened it (core/session_streams.hpp): logout
// from another client with the same cookie, revoking the person's join link, removing
// the person, and — at heartbeat time — a session that expired or was revoked any other
// way. Streams of other sessions stay open. Also: every 429 carries Retry-After.

#include <gtest/gtest.h>

#include <chrono>

#include "db/database.hpp"
#include "floor_fixture.hpp"
#include "sse_reader.hpp"

namespace enshu::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Reads until the server closes the stream; returns how long that took (or nullopt
// when it was still open after `timeout`).
std::optional<std::chrono::milliseconds> WaitUntilClosed(SseReader& reader, std::chrono::milliseconds timeout) {
    const auto start = Clock::now();
    while (Clock::now() - start < timeout) {
        reader.Next(100ms);
        if (reader.closed()) return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    }
    return std::nullopt;
}

class StreamSessionTest : public FloorFixture {
  protected:
    void SetUp() override {
        OpenServer(
            [](app::AppConfig& config, const std::filesystem::path&) { config.server.stream_heartbeat = 200ms; });
        person_ = CreatePerson(org_a_, "組織A 参加者", "participant");
        colleague_ = CreatePerson(org_a_, "組織A 同僚", "participant");
    }

    std::unique_ptr<SseReader> OpenStream(const net::HttpClient& client) {
        const auto token = client.Cookie("enshu_session");
        EXPECT_TRUE(token);
        auto reader = std::make_unique<SseReader>(server_->port(), exercise_id_, token.value_or(""));
        EXPECT_EQ(reader->ReadHead(), 200) << reader->head();
        return reader;
    }

    FloorPerson person_;
    FloorPerson colleague_;
};

TEST_F(StreamSessionTest, LogoutFromAnotherClientWithTheSameCookieEndsTheStreamWithinASecond) {
    auto browser = Joined(person_.join_token);
    auto other = Joined(colleague_.join_token);
    auto stream = OpenStream(browser);
    auto other_stream = OpenStream(other);
    // A second client (another tab's fetch) logs the same session out.
    net::HttpClient tab = server_->Client();
    tab.SetCookie("enshu_session", *browser.Cookie("enshu_session"));
    auto session = tab.Get("/api/auth/session");
    ASSERT_EQ(StatusOf(session), 200) << BodyOf(session);
    tab.SetCsrfToken(JsonOf(session).value("csrf_token", std::string()));
    auto logout = tab.Post("/api/auth/logout", "{}");
    ASSERT_EQ(StatusOf(logout), 204) << BodyOf(logout);

    const auto closed_after = WaitUntilClosed(*stream, 2000ms);
    ASSERT_TRUE(closed_after) << "the stream of the logged-out session is still open";
    EXPECT_LT(closed_after->count(), 1000);
    // The colleague's stream is untouched.
    EXPECT_FALSE(WaitUntilClosed(*other_stream, 600ms));
    // And the logged-out cookie cannot open a new one.
    SseReader again(server_->port(), exercise_id_, *browser.Cookie("enshu_session"));
    EXPECT_EQ(again.ReadHead(), 401);
}

TEST_F(StreamSessionTest, RevokingTheJoinLinkEndsEveryStreamOfThePerson) {
    auto phone = Joined(person_.join_token);
    auto laptop = Joined(person_.join_token);
    auto other = Joined(colleague_.join_token);
    auto phone_stream = OpenStream(phone);
    auto laptop_stream = OpenStream(laptop);
    auto other_stream = OpenStream(other);
    auto revoked =
        admin_->Send("DELETE", OrganisationPath(org_a_) + "/people/" + std::to_string(person_.id) + "/join-link");
    ASSERT_TRUE(StatusOf(revoked) == 204 || StatusOf(revoked) == 200) << BodyOf(revoked);
    const auto phone_closed = WaitUntilClosed(*phone_stream, 2000ms);
    const auto laptop_closed = WaitUntilClosed(*laptop_stream, 2000ms);
    ASSERT_TRUE(phone_closed && laptop_closed);
    EXPECT_LT(phone_closed->count(), 1000);
    EXPECT_FALSE(WaitUntilClosed(*other_stream, 600ms));
}

TEST_F(StreamSessionTest, RemovingThePersonEndsTheirStream) {
    auto browser = Joined(person_.join_token);
    auto stream = OpenStream(browser);
    auto removed = admin_->Send("DELETE", OrganisationPath(org_a_) + "/people/" + std::to_string(person_.id));
    ASSERT_TRUE(StatusOf(removed) == 204 || StatusOf(removed) == 200) << BodyOf(removed);
    const auto closed_after = WaitUntilClosed(*stream, 2000ms);
    ASSERT_TRUE(closed_after);
    EXPECT_LT(closed_after->count(), 1000);
}

TEST_F(StreamSessionTest, HeartbeatsEndStreamsWhoseSessionExpiredAndKeepTheOthers) {
    auto browser = Joined(person_.join_token);
    auto other = Joined(colleague_.join_token);
    auto stream = OpenStream(browser);
    auto other_stream = OpenStream(other);
    // Several heartbeats pass: valid sessions stay open.
    EXPECT_FALSE(WaitUntilClosed(*stream, 700ms));
    // The session expires (no request tells the server: only the heartbeat check can).
    auto expired = server_->application().database().Write([&](db::Connection& connection) -> Status {
        auto changed = connection.Execute(
            "UPDATE user_session SET expires_at = '2000-01-01T00:00:00.000Z' "
            "WHERE user_id = (SELECT user_id FROM person WHERE id = $1)",
            {person_.id});
        if (!changed) return tl::unexpected(changed.error());
        return Ok();
    });
    ASSERT_TRUE(expired) << expired.error().message;
    const auto closed_after = WaitUntilClosed(*stream, 3000ms);
    ASSERT_TRUE(closed_after) << "the expired session's stream is still open";
    EXPECT_LT(closed_after->count(), 1500);  // within a heartbeat or two
    EXPECT_FALSE(WaitUntilClosed(*other_stream, 600ms));
}

TEST_F(StreamSessionTest, TooManyFailedLoginsAnswer429WithRetryAfterInSeconds) {
    net::HttpClient client = server_->Client();
    const nlohmann::json body = {{"login", "admin"}, {"password", "wrong password!!"}};
    Result<net::HttpResponse> response;
    for (int attempt = 0; attempt < 20; ++attempt) {
        response = client.Post("/api/auth/login", body.dump(), {{"X-Requested-With", "enshu"}});
        if (StatusOf(response) == 429) break;
        ASSERT_EQ(StatusOf(response), 401) << BodyOf(response);
    }
    ASSERT_EQ(StatusOf(response), 429) << BodyOf(response);
    const auto retry_after = response->Header("Retry-After");
    ASSERT_TRUE(retry_after) << "429 without Retry-After";
    const int seconds = std::stoi(*retry_after);
    EXPECT_GE(seconds, 1);
    EXPECT_LE(seconds, 15 * 60);  // the login window
    EXPECT_EQ(JsonOf(response)["error"]["code"], "rate_limited");
}

}  // namespace
}  // namespace enshu::testing
