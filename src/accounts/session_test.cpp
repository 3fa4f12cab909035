// AccountService: password login, rate limiting, logout and Authenticate.

#include <gtest/gtest.h>

#include "accounts/test_support.hpp"

namespace enshu::accounts {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::kPassword;

class SessionTest : public testing::AccountsTest {};

TEST_F(SessionTest, LoginStartsASessionAndAuthenticateFindsIt) {
    const std::int64_t user_id = CreateStaff("organiser");
    auto start = service_->Login("organiser", kPassword, client_);
    ASSERT_TRUE(start) << start.error().message;
    EXPECT_EQ(start->token.size(), 43u);
    EXPECT_EQ(start->principal.user_id, user_id);
    EXPECT_EQ(start->principal.login, "organiser");
    EXPECT_EQ(start->principal.display_name, "職員 organiser");
    EXPECT_EQ(start->principal.csrf_token.size(), 43u);
    EXPECT_NE(start->principal.csrf_token, start->token);

    // Only the hash of the token is stored, with the client's address and agent.
    EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM user_session WHERE token_hash = $1", {start->token}), 0);
    EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM user_session WHERE token_hash = $1", {HashToken(start->token)}), 1);
    EXPECT_EQ(QueryText("SELECT remote_address FROM user_session"), "192.0.2.1");
    EXPECT_EQ(QueryText("SELECT user_agent FROM user_session"), "test-agent");
    EXPECT_EQ(QueryText("SELECT expires_at FROM user_session"), FormatTimestamp(clock_.Now() + hours(12)));

    auto principal = service_->Authenticate(start->token);
    ASSERT_TRUE(principal) << principal.error().message;
    ASSERT_TRUE(principal->has_value());
    EXPECT_EQ((*principal)->user_id, user_id);
    EXPECT_EQ((*principal)->session_id, start->principal.session_id);
    EXPECT_EQ((*principal)->csrf_token, start->principal.csrf_token);
}

TEST_F(SessionTest, LoginIsAuditedWithTheClient) {
    const std::int64_t user_id = CreateStaff("organiser");
    ASSERT_TRUE(service_->Login("organiser", kPassword, client_));
    EXPECT_EQ(AuditCount("session.login"), 1);
    EXPECT_EQ(QueryInt("SELECT actor_user_id FROM audit_log WHERE action = 'session.login'"), user_id);
    EXPECT_EQ(QueryText("SELECT remote_address FROM audit_log WHERE action = 'session.login'"), "192.0.2.1");
    EXPECT_EQ(QueryText("SELECT request_id FROM audit_log WHERE action = 'session.login'"), "req-1");
}

TEST_F(SessionTest, LoginIsCaseInsensitive) {
    CreateStaff("Organiser");
    EXPECT_TRUE(service_->Login("ORGANISER", kPassword, client_));
}

TEST_F(SessionTest, WrongPasswordAndUnknownLoginGiveTheSameError) {
    CreateStaff("organiser");
    auto wrong = service_->Login("organiser", "wrong password!", client_);
    auto unknown = service_->Login("nobody", kPassword, client_);
    ASSERT_FALSE(wrong);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(wrong.error().code, ErrorCode::kUnauthenticated);
    EXPECT_EQ(unknown.error().code, ErrorCode::kUnauthenticated);
    EXPECT_EQ(wrong.error().message, unknown.error().message);
    EXPECT_EQ(wrong.error().field, unknown.error().field);
    // Failed logins are not audited in the table (see README): no unbounded writes.
    EXPECT_EQ(AuditCount("session.login"), 0);
    EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM user_session"), 0);
}

TEST_F(SessionTest, PersonAccountsCannotLogInWithAPassword) {
    CreatePerson(CreateExercise());
    Exec("UPDATE app_user SET login = 'person1', password_hash = 'x' WHERE kind = 'person'");
    auto result = service_->Login("person1", kPassword, client_);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::kUnauthenticated);
}

TEST_F(SessionTest, OversizedInputsAreRejectedBeforeHashing) {
    auto long_login = service_->Login(std::string(65, 'a'), kPassword, client_);
    ASSERT_FALSE(long_login);
    EXPECT_EQ(long_login.error().field, "login");
    auto long_password = service_->Login("organiser", std::string(1025, 'p'), client_);
    ASSERT_FALSE(long_password);
    EXPECT_EQ(long_password.error().field, "password");
    auto empty_password = service_->Login("organiser", "", client_);
    ASSERT_FALSE(empty_password);
    EXPECT_EQ(empty_password.error().field, "password");
}

TEST_F(SessionTest, RateLimitKicksInAndResetsAfterTheWindow) {
    CreateStaff("organiser");
    for (int i = 0; i < 3; ++i) {
        auto failed = service_->Login("organiser", "wrong password!", client_);
        ASSERT_FALSE(failed);
        EXPECT_EQ(failed.error().code, ErrorCode::kUnauthenticated) << i;
    }
    // Even the right password is refused while the login is blocked.
    auto blocked = service_->Login("organiser", kPassword, ClientInfo{"198.51.100.7", "", ""});
    ASSERT_FALSE(blocked);
    EXPECT_EQ(blocked.error().code, ErrorCode::kRateLimited);
    EXPECT_NE(blocked.error().message.find(FormatTimestamp(clock_.Now() + minutes(15))), std::string::npos)
        << blocked.error().message;

    clock_.Advance(minutes(15));
    EXPECT_TRUE(service_->Login("organiser", kPassword, client_));
}

TEST_F(SessionTest, SuccessClearsTheLoginsFailures) {
    CreateStaff("organiser");
    ASSERT_FALSE(service_->Login("organiser", "wrong password!", client_));
    ASSERT_FALSE(service_->Login("organiser", "wrong password!", client_));
    ASSERT_TRUE(service_->Login("organiser", kPassword, client_));
    // Two more failures would block if the earlier two still counted (limit 3).
    ASSERT_FALSE(service_->Login("organiser", "wrong password!", ClientInfo{"198.51.100.7", "", ""}));
    ASSERT_FALSE(service_->Login("organiser", "wrong password!", ClientInfo{"198.51.100.7", "", ""}));
    EXPECT_TRUE(service_->Login("organiser", kPassword, ClientInfo{"198.51.100.7", "", ""}));
}

TEST_F(SessionTest, AddressLimitCoversUnknownLogins) {
    CreateStaff("organiser");
    for (int i = 0; i < 5; ++i) ASSERT_FALSE(service_->Login("guess" + std::to_string(i), kPassword, client_));
    auto blocked = service_->Login("organiser", kPassword, client_);
    ASSERT_FALSE(blocked);
    EXPECT_EQ(blocked.error().code, ErrorCode::kRateLimited);
    EXPECT_TRUE(service_->Login("organiser", kPassword, ClientInfo{"198.51.100.7", "", ""}));
}

TEST_F(SessionTest, DisabledUserCannotLogInAndLosesSessions) {
    CreateStaff("organiser");
    auto start = service_->Login("organiser", kPassword, client_);
    ASSERT_TRUE(start);
    Exec("UPDATE app_user SET disabled = 1 WHERE login = 'organiser'");
    auto principal = service_->Authenticate(start->token);
    ASSERT_TRUE(principal);
    EXPECT_FALSE(principal->has_value());
    auto again = service_->Login("organiser", kPassword, client_);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kUnauthenticated);
    EXPECT_EQ(again.error().message, "account is disabled");
}

TEST_F(SessionTest, UnknownOrMalformedTokensAreNotSessions) {
    for (const std::string& token : {std::string(), std::string("nonsense"), std::string(500, 'a')}) {
        auto principal = service_->Authenticate(token);
        ASSERT_TRUE(principal);
        EXPECT_FALSE(principal->has_value()) << token;
    }
}

TEST_F(SessionTest, SessionExpiresAfterItsLifetimeEvenWhenActive) {
    CreateStaff("organiser");
    auto start = service_->Login("organiser", kPassword, client_);
    ASSERT_TRUE(start);
    for (int i = 0; i < 11; ++i) {
        clock_.Advance(hours(1));
        auto principal = service_->Authenticate(start->token);
        ASSERT_TRUE(principal && principal->has_value()) << "hour " << i + 1;
    }
    clock_.Advance(hours(1));
    auto expired = service_->Authenticate(start->token);
    ASSERT_TRUE(expired);
    EXPECT_FALSE(expired->has_value());
}

TEST_F(SessionTest, IdleSessionExpires) {
    CreateStaff("organiser");
    auto start = service_->Login("organiser", kPassword, client_);
    ASSERT_TRUE(start);
    clock_.Advance(minutes(119));
    auto active = service_->Authenticate(start->token);
    ASSERT_TRUE(active && active->has_value());
    // Use refreshed last_seen_at: another 119 minutes is still fine.
    clock_.Advance(minutes(119));
    active = service_->Authenticate(start->token);
    ASSERT_TRUE(active && active->has_value());
    clock_.Advance(minutes(120));
    auto idle = service_->Authenticate(start->token);
    ASSERT_TRUE(idle);
    EXPECT_FALSE(idle->has_value());
}

TEST_F(SessionTest, LastSeenIsWrittenAtMostOnceAMinute) {
    CreateStaff("organiser");
    auto start = service_->Login("organiser", kPassword, client_);
    ASSERT_TRUE(start);
    const std::string created = QueryText("SELECT last_seen_at FROM user_session");
    clock_.Advance(seconds(59));
    ASSERT_TRUE(service_->Authenticate(start->token));
    EXPECT_EQ(QueryText("SELECT last_seen_at FROM user_session"), created);
    clock_.Advance(seconds(1));
    ASSERT_TRUE(service_->Authenticate(start->token));
    EXPECT_EQ(QueryText("SELECT last_seen_at FROM user_session"), FormatTimestamp(clock_.Now()));
}

TEST_F(SessionTest, LogoutRevokesTheSessionAndIsAudited) {
    CreateStaff("organiser");
    auto start = service_->Login("organiser", kPassword, client_);
    auto other = service_->Login("organiser", kPassword, client_);
    ASSERT_TRUE(start && other);
    ASSERT_TRUE(service_->Logout(start->principal, client_));
    auto principal = service_->Authenticate(start->token);
    ASSERT_TRUE(principal);
    EXPECT_FALSE(principal->has_value());
    // Only that session ends.
    auto still = service_->Authenticate(other->token);
    ASSERT_TRUE(still && still->has_value());
    EXPECT_EQ(AuditCount("session.logout"), 1);
    // A second logout of the same session changes nothing and is not audited again.
    ASSERT_TRUE(service_->Logout(start->principal, client_));
    EXPECT_EQ(AuditCount("session.logout"), 1);
}

TEST_F(SessionTest, StaffMembershipsAreLoaded) {
    const std::int64_t exercise = CreateExercise();
    const std::int64_t other_exercise = CreateExercise();
    const std::int64_t user_id = CreateStaff("ministry-user");
    ASSERT_TRUE(service_->AddMembership(exercise, user_id, Role::kMinistry, "test_ministry", actor_));
    ASSERT_TRUE(service_->AddMembership(other_exercise, user_id, Role::kObserver, std::nullopt, actor_));
    auto start = service_->Login("ministry-user", kPassword, client_);
    ASSERT_TRUE(start);
    const auto& memberships = start->principal.memberships;
    ASSERT_EQ(memberships.size(), 2u);
    EXPECT_EQ(memberships[0].exercise_id, exercise);
    EXPECT_EQ(memberships[0].role, Role::kMinistry);
    EXPECT_EQ(memberships[0].ministry_code, "test_ministry");
    EXPECT_EQ(memberships[1].exercise_id, other_exercise);
    EXPECT_EQ(memberships[1].role, Role::kObserver);
    EXPECT_FALSE(memberships[1].ministry_code.has_value());

    auto principal = service_->Authenticate(start->token);
    ASSERT_TRUE(principal && principal->has_value());
    EXPECT_EQ((*principal)->memberships.size(), 2u);
    EXPECT_TRUE((*principal)->HasRole(exercise, Role::kMinistry));
}

TEST_F(SessionTest, AdminFlagIsLoaded) {
    CreateStaff("admin", /*is_admin=*/true);
    auto start = service_->Login("admin", kPassword, client_);
    ASSERT_TRUE(start);
    EXPECT_TRUE(start->principal.is_admin);
    EXPECT_TRUE(start->principal.IsOrganiser(12345));
}

}  // namespace
}  // namespace enshu::accounts
