// AccountService: staff accounts and memberships; ListStaffMemberships.

#include <gtest/gtest.h>

#include "accounts/membership_directory.hpp"
#include "accounts/test_support.hpp"

namespace enshu::accounts {
namespace {

using testing::kPassword;

class StaffUsersTest : public testing::AccountsTest {};

TEST_F(StaffUsersTest, CreateStoresAnArgon2idHashAndAudits) {
    auto created =
        service_->CreateStaffUser(StaffUserInput{"Taro.Yamada", "山田 太郎", kPassword, "taro@example.jp", false},
                                  audit::Actor{std::nullopt, "cli", "", ""});
    ASSERT_TRUE(created) << created.error().message;
    EXPECT_EQ(QueryText("SELECT login FROM app_user WHERE id = $1", {*created}), "taro.yamada");
    EXPECT_EQ(QueryText("SELECT kind FROM app_user WHERE id = $1", {*created}), "staff");
    EXPECT_EQ(QueryText("SELECT email FROM app_user WHERE id = $1", {*created}), "taro@example.jp");
    const std::string hash = QueryText("SELECT password_hash FROM app_user WHERE id = $1", {*created});
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
    EXPECT_EQ(hash.find(kPassword), std::string::npos);
    EXPECT_EQ(AuditCount("user.create"), 1);
    const std::string after = QueryText("SELECT after_summary FROM audit_log WHERE action = 'user.create'");
    EXPECT_EQ(after.find("argon2"), std::string::npos) << after;
    EXPECT_NE(after.find("taro.yamada"), std::string::npos) << after;
    EXPECT_EQ(service_->FindUserIdByLogin("TARO.yamada"), *created);
}

TEST_F(StaffUsersTest, EmptyEmailIsStoredAsNull) {
    const std::int64_t user_id = CreateStaff("organiser");
    EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM app_user WHERE id = $1 AND email IS NULL", {user_id}), 1);
}

TEST_F(StaffUsersTest, DuplicateLoginConflictsCaseInsensitively) {
    CreateStaff("organiser");
    auto again = service_->CreateStaffUser(StaffUserInput{"ORGANISER", "別人", kPassword, "", false}, actor_);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kConflict);
    EXPECT_EQ(again.error().field, "login");
    EXPECT_NE(again.error().message.find("login already exists"), std::string::npos);
    EXPECT_EQ(AuditCount("user.create"), 1);
}

TEST_F(StaffUsersTest, InvalidInputNamesTheField) {
    struct Case {
        StaffUserInput input;
        std::string field;
    };
    const std::vector<Case> cases = {
        {{"ab", "名前", kPassword, "", false}, "login"},
        {{"bad login", "名前", kPassword, "", false}, "login"},
        {{"good-login", "", kPassword, "", false}, "display_name"},
        {{"good-login", std::string(101, 'x'), kPassword, "", false}, "display_name"},
        {{"good-login", "名前", "short", "", false}, "password"},
        {{"good-login", "名前", std::string(257, 'p'), "", false}, "password"},
        {{"good-login", "名前", kPassword, "not-an-email", false}, "email"},
    };
    for (const Case& c : cases) {
        auto created = service_->CreateStaffUser(c.input, actor_);
        ASSERT_FALSE(created) << c.field;
        EXPECT_EQ(created.error().code, ErrorCode::kInvalidArgument) << c.field;
        EXPECT_EQ(created.error().field, c.field);
    }
    EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM app_user"), 0);
}

TEST_F(StaffUsersTest, FindUserIdByLoginUnknownAndOversized) {
    EXPECT_FALSE(service_->FindUserIdByLogin("nobody").has_value());
    EXPECT_FALSE(service_->FindUserIdByLogin(std::string(65, 'a')).has_value());
    EXPECT_FALSE(service_->FindUserIdByLogin("").has_value());
}

TEST_F(StaffUsersTest, AddMembershipIsAuditedAndListed) {
    const std::int64_t exercise = CreateExercise();
    const std::int64_t organiser = CreateStaff("organiser");
    const std::int64_t ministry = CreateStaff("meti-staff");
    ASSERT_TRUE(service_->AddMembership(exercise, organiser, Role::kOrganiser, std::nullopt, actor_));
    ASSERT_TRUE(service_->AddMembership(exercise, ministry, Role::kMinistry, "test_ministry", actor_));
    EXPECT_EQ(AuditCount("membership.add"), 2);
    EXPECT_EQ(
        QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'membership.add' AND exercise_id = $1", {exercise}), 2);

    auto listed = ListStaffMemberships(*database_, exercise);
    ASSERT_TRUE(listed) << listed.error().message;
    ASSERT_EQ(listed->size(), 2u);
    EXPECT_EQ((*listed)[0].login, "organiser");
    EXPECT_EQ((*listed)[0].role, Role::kOrganiser);
    EXPECT_FALSE((*listed)[0].ministry_code.has_value());
    EXPECT_EQ((*listed)[1].login, "meti-staff");
    EXPECT_EQ((*listed)[1].role, Role::kMinistry);
    EXPECT_EQ((*listed)[1].ministry_code, "test_ministry");
    EXPECT_EQ((*listed)[1].display_name, "職員 meti-staff");
}

TEST_F(StaffUsersTest, ListOfUnknownExerciseIsNotFound) {
    auto listed = ListStaffMemberships(*database_, 999);
    ASSERT_FALSE(listed);
    EXPECT_EQ(listed.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(listed.error().field, "exercise_id");
}

TEST_F(StaffUsersTest, AddMembershipRules) {
    const std::int64_t exercise = CreateExercise();
    const std::int64_t user = CreateStaff("staff-user");
    const std::int64_t person_user =
        QueryInt("SELECT user_id FROM person WHERE id = $1", {CreatePerson(exercise, "participant")});

    struct Case {
        std::int64_t exercise_id;
        std::int64_t user_id;
        Role role;
        std::optional<std::string> ministry_code;
        ErrorCode code;
        std::string field;
    };
    const std::vector<Case> cases = {
        {exercise, user, Role::kOrgLead, std::nullopt, ErrorCode::kInvalidArgument, "role"},
        {exercise, user, Role::kParticipant, std::nullopt, ErrorCode::kInvalidArgument, "role"},
        {exercise, user, Role::kMinistry, std::nullopt, ErrorCode::kInvalidArgument, "ministry_code"},
        {exercise, user, Role::kMinistry, "nowhere", ErrorCode::kInvalidArgument, "ministry_code"},
        {exercise, user, Role::kObserver, "test_ministry", ErrorCode::kInvalidArgument, "ministry_code"},
        {999, user, Role::kObserver, std::nullopt, ErrorCode::kNotFound, "exercise_id"},
        {exercise, 999, Role::kObserver, std::nullopt, ErrorCode::kNotFound, "user_id"},
        {exercise, person_user, Role::kObserver, std::nullopt, ErrorCode::kInvalidArgument, "user_id"},
    };
    for (const Case& c : cases) {
        auto added = service_->AddMembership(c.exercise_id, c.user_id, c.role, c.ministry_code, actor_);
        ASSERT_FALSE(added) << c.field;
        EXPECT_EQ(added.error().code, c.code) << c.field << ": " << added.error().message;
        EXPECT_EQ(added.error().field, c.field) << added.error().message;
    }
    EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM membership"), 0);
    EXPECT_EQ(AuditCount("membership.add"), 0);
}

TEST_F(StaffUsersTest, DuplicateMembershipConflicts) {
    const std::int64_t exercise = CreateExercise();
    const std::int64_t user = CreateStaff("staff-user");
    ASSERT_TRUE(service_->AddMembership(exercise, user, Role::kController, std::nullopt, actor_));
    auto again = service_->AddMembership(exercise, user, Role::kController, std::nullopt, actor_);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kConflict);
    EXPECT_EQ(again.error().field, "role");
    // A different role for the same user is fine.
    EXPECT_TRUE(service_->AddMembership(exercise, user, Role::kObserver, std::nullopt, actor_));
    EXPECT_EQ(AuditCount("membership.add"), 2);
}

}  // namespace
}  // namespace enshu::accounts
