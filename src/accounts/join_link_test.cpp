// AccountService: join links (issue, revoke, expiry) and joining with them.

#include <gtest/gtest.h>

#include "accounts/test_support.hpp"

namespace enshu::accounts {
namespace {

using std::chrono::hours;
using std::chrono::seconds;

class JoinLinkTest : public testing::AccountsTest {
  protected:
    void SetUp() override {
        AccountsTest::SetUp();
        exercise_id_ = CreateExercise();
        person_id_ = CreatePerson(exercise_id_, "org_lead");
    }
    std::int64_t exercise_id_ = 0;
    std::int64_t person_id_ = 0;
};

TEST_F(JoinLinkTest, IssuedLinkStartsASessionForThePerson) {
    auto token = service_->IssueJoinLink(person_id_, actor_);
    ASSERT_TRUE(token) << token.error().message;
    EXPECT_EQ(token->size(), 22u);  // 128 bits, URL-safe base64
    EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM join_link WHERE token_hash = $1", {HashToken(*token)}), 1);
    EXPECT_EQ(QueryText("SELECT expires_at FROM join_link"), FormatTimestamp(clock_.Now() + hours(24 * 60)));

    clock_.Advance(seconds(30));
    auto start = service_->Join(*token, client_);
    ASSERT_TRUE(start) << start.error().message;
    const Principal& principal = start->principal;
    EXPECT_EQ(principal.login, "");
    EXPECT_EQ(principal.user_id, QueryInt("SELECT user_id FROM person WHERE id = $1", {person_id_}));
    ASSERT_EQ(principal.memberships.size(), 1u);
    EXPECT_EQ(principal.memberships[0].exercise_id, exercise_id_);
    EXPECT_EQ(principal.memberships[0].role, Role::kOrgLead);
    EXPECT_EQ(principal.memberships[0].person_id, person_id_);
    EXPECT_EQ(principal.memberships[0].organisation_id,
              QueryInt("SELECT organisation_id FROM person WHERE id = $1", {person_id_}));
    EXPECT_EQ(QueryText("SELECT last_used_at FROM join_link"), FormatTimestamp(clock_.Now()));

    auto authenticated = service_->Authenticate(start->token);
    ASSERT_TRUE(authenticated && authenticated->has_value());
    EXPECT_TRUE((*authenticated)->HasRole(exercise_id_, Role::kOrgLead));
}

TEST_F(JoinLinkTest, LinkMayBeOpenedAgainOnAnotherDevice) {
    auto token = service_->IssueJoinLink(person_id_, actor_);
    ASSERT_TRUE(token);
    auto first = service_->Join(*token, client_);
    auto second = service_->Join(*token, client_);
    ASSERT_TRUE(first && second);
    EXPECT_NE(first->token, second->token);
}

TEST_F(JoinLinkTest, IssueAndJoinAreAudited) {
    const std::int64_t organiser = CreateStaff("organiser");
    auto token = service_->IssueJoinLink(person_id_, audit::Actor{organiser, "事務局", "req-9", "203.0.113.5"});
    ASSERT_TRUE(token);
    ASSERT_TRUE(service_->Join(*token, client_));
    EXPECT_EQ(AuditCount("join_link.issue"), 1);
    EXPECT_EQ(AuditCount("session.join"), 1);
    EXPECT_EQ(QueryInt("SELECT exercise_id FROM audit_log WHERE action = 'join_link.issue'"), exercise_id_);
    EXPECT_EQ(QueryInt("SELECT actor_user_id FROM audit_log WHERE action = 'join_link.issue'"), organiser);
    EXPECT_EQ(QueryText("SELECT entity_id FROM audit_log WHERE action = 'session.join'"), std::to_string(person_id_));
    EXPECT_EQ(QueryInt("SELECT created_by_user_id FROM join_link"), organiser);
    EXPECT_EQ(QueryText("SELECT remote_address FROM audit_log WHERE action = 'join_link.issue'"), "203.0.113.5");
}

TEST_F(JoinLinkTest, ExpiredLinkIsRefused) {
    auto token = service_->IssueJoinLink(person_id_, actor_, hours(1));
    ASSERT_TRUE(token);
    clock_.Advance(hours(1));
    auto start = service_->Join(*token, client_);
    ASSERT_FALSE(start);
    EXPECT_EQ(start.error().code, ErrorCode::kUnauthenticated);
    EXPECT_EQ(start.error().field, "token");
    EXPECT_EQ(AuditCount("session.join"), 0);
}

TEST_F(JoinLinkTest, NewLinkRevokesTheOldOne) {
    auto old_token = service_->IssueJoinLink(person_id_, actor_);
    ASSERT_TRUE(old_token);
    auto new_token = service_->IssueJoinLink(person_id_, actor_);
    ASSERT_TRUE(new_token);
    auto old_join = service_->Join(*old_token, client_);
    ASSERT_FALSE(old_join);
    EXPECT_EQ(old_join.error().code, ErrorCode::kUnauthenticated);
    EXPECT_TRUE(service_->Join(*new_token, client_));
    EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM join_link WHERE revoked_at IS NOT NULL"), 1);
}

TEST_F(JoinLinkTest, IssuingForOnePersonLeavesOthersAlone) {
    const std::int64_t other_person = CreatePerson(exercise_id_, "participant");
    auto other_token = service_->IssueJoinLink(other_person, actor_);
    ASSERT_TRUE(other_token);
    ASSERT_TRUE(service_->IssueJoinLink(person_id_, actor_));
    auto start = service_->Join(*other_token, client_);
    ASSERT_TRUE(start);
    EXPECT_EQ(start->principal.memberships.at(0).role, Role::kParticipant);
}

TEST_F(JoinLinkTest, RevokeRefusesTheLinkAndEndsSessions) {
    auto token = service_->IssueJoinLink(person_id_, actor_);
    ASSERT_TRUE(token);
    auto start = service_->Join(*token, client_);
    ASSERT_TRUE(start);
    ASSERT_TRUE(service_->RevokeJoinLinks(person_id_, actor_));

    auto join = service_->Join(*token, client_);
    ASSERT_FALSE(join);
    EXPECT_EQ(join.error().code, ErrorCode::kUnauthenticated);
    auto principal = service_->Authenticate(start->token);
    ASSERT_TRUE(principal);
    EXPECT_FALSE(principal->has_value());
    EXPECT_EQ(AuditCount("join_link.revoke"), 1);
    EXPECT_EQ(QueryText("SELECT after_summary FROM audit_log WHERE action = 'join_link.revoke'"),
              R"({"links_revoked":1,"sessions_ended":1})");
}

TEST_F(JoinLinkTest, UnknownPersonIsNotFound) {
    auto issued = service_->IssueJoinLink(9999, actor_);
    ASSERT_FALSE(issued);
    EXPECT_EQ(issued.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(issued.error().field, "person_id");
    auto revoked = service_->RevokeJoinLinks(9999, actor_);
    ASSERT_FALSE(revoked);
    EXPECT_EQ(revoked.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(AuditCount("join_link.issue") + AuditCount("join_link.revoke"), 0);
}

TEST_F(JoinLinkTest, LifetimeIsBounded) {
    auto zero = service_->IssueJoinLink(person_id_, actor_, hours(0));
    ASSERT_FALSE(zero);
    EXPECT_EQ(zero.error().field, "ttl");
    auto huge = service_->IssueJoinLink(person_id_, actor_, hours(24 * 401));
    ASSERT_FALSE(huge);
    EXPECT_EQ(huge.error().field, "ttl");
}

TEST_F(JoinLinkTest, IssueInsideACallersTransactionRollsBackWithIt) {
    std::string token;
    auto status = database_->Write([&](db::Connection& connection) -> Status {
        auto issued = service_->IssueJoinLinkIn(connection, person_id_, actor_);
        if (!issued) return tl::unexpected(issued.error());
        token = *issued;
        return Fail(ErrorCode::kConflict, "person: later step failed", "email");
    });
    ASSERT_FALSE(status);
    EXPECT_FALSE(token.empty());
    EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM join_link"), 0);
    EXPECT_EQ(AuditCount("join_link.issue"), 0);
    EXPECT_FALSE(service_->Join(token, client_));
}

TEST_F(JoinLinkTest, RevokeSessionsOfPersonEndsOnlyThatPersonsSessions) {
    const std::int64_t other_person = CreatePerson(exercise_id_, "participant");
    auto token = service_->IssueJoinLink(person_id_, actor_);
    auto other_token = service_->IssueJoinLink(other_person, actor_);
    ASSERT_TRUE(token && other_token);
    auto mine = service_->Join(*token, client_);
    auto theirs = service_->Join(*other_token, client_);
    ASSERT_TRUE(mine && theirs);
    ASSERT_TRUE(database_->Write(
        [&](db::Connection& connection) { return service_->RevokeSessionsOfPerson(connection, person_id_); }));
    auto mine_now = service_->Authenticate(mine->token);
    auto theirs_now = service_->Authenticate(theirs->token);
    ASSERT_TRUE(mine_now && theirs_now);
    EXPECT_FALSE(mine_now->has_value());
    EXPECT_TRUE(theirs_now->has_value());
}

TEST_F(JoinLinkTest, DisabledPersonCannotJoin) {
    auto token = service_->IssueJoinLink(person_id_, actor_);
    ASSERT_TRUE(token);
    Exec("UPDATE app_user SET disabled = 1 WHERE kind = 'person'");
    auto start = service_->Join(*token, client_);
    ASSERT_FALSE(start);
    EXPECT_EQ(start.error().code, ErrorCode::kUnauthenticated);
}

TEST_F(JoinLinkTest, UnknownTokensAreRateLimitedPerAddress) {
    auto token = service_->IssueJoinLink(person_id_, actor_);
    ASSERT_TRUE(token);
    for (int i = 0; i < 5; ++i) {
        auto guess = service_->Join(RandomToken(16), client_);
        ASSERT_FALSE(guess);
        EXPECT_EQ(guess.error().code, ErrorCode::kUnauthenticated) << i;
    }
    auto blocked = service_->Join(*token, client_);
    ASSERT_FALSE(blocked);
    EXPECT_EQ(blocked.error().code, ErrorCode::kRateLimited);
    EXPECT_NE(blocked.error().message.find("retry after"), std::string::npos);
    // Another address is not affected, and the block ends with the window.
    EXPECT_TRUE(service_->Join(*token, ClientInfo{"198.51.100.7", "", ""}));
    clock_.Advance(std::chrono::minutes(15));
    EXPECT_TRUE(service_->Join(*token, client_));
}

TEST_F(JoinLinkTest, OversizedTokenIsRejected) {
    auto start = service_->Join(std::string(65, 'a'), client_);
    ASSERT_FALSE(start);
    EXPECT_EQ(start.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(start.error().field, "token");
}

}  // namespace
}  // namespace enshu::accounts
