#include "world/statement_access.hpp"

#include <gtest/gtest.h>

namespace enshu::world {
namespace {

Principal Member(Role role, std::optional<std::int64_t> organisation_id = std::nullopt) {
    Principal principal;
    principal.user_id = 7;
    Membership membership;
    membership.exercise_id = 1;
    membership.role = role;
    membership.organisation_id = organisation_id;
    principal.memberships.push_back(membership);
    return principal;
}

TEST(StatementAccessTest, DraftsOnlyForTheirOrganisationAndTheOrganiser) {
    EXPECT_EQ(AccessToStatement(Member(Role::kParticipant, 10), 1, 10, StatementState::kDraft), StatementAccess::kFull);
    EXPECT_EQ(AccessToStatement(Member(Role::kOrgLead, 10), 1, 10, StatementState::kDraft), StatementAccess::kFull);
    EXPECT_EQ(AccessToStatement(Member(Role::kOrganiser), 1, 10, StatementState::kDraft), StatementAccess::kFull);
    EXPECT_EQ(AccessToStatement(Member(Role::kParticipant, 11), 1, 10, StatementState::kDraft), StatementAccess::kNone);
    EXPECT_EQ(AccessToStatement(Member(Role::kController), 1, 10, StatementState::kDraft), StatementAccess::kNone);
    EXPECT_EQ(AccessToStatement(Member(Role::kObserver), 1, 10, StatementState::kDraft), StatementAccess::kNone);
    EXPECT_EQ(AccessToStatement(Member(Role::kMinistry), 1, 10, StatementState::kDraft), StatementAccess::kNone);
}

TEST(StatementAccessTest, PublishedForEveryMemberWithdrawnAsTombstoneOutside) {
    EXPECT_EQ(AccessToStatement(Member(Role::kParticipant, 11), 1, 10, StatementState::kPublished),
              StatementAccess::kFull);
    EXPECT_EQ(AccessToStatement(Member(Role::kParticipant, 11), 1, 10, StatementState::kWithdrawn),
              StatementAccess::kTombstone);
    EXPECT_EQ(AccessToStatement(Member(Role::kMinistry), 1, 10, StatementState::kWithdrawn),
              StatementAccess::kTombstone);
    EXPECT_EQ(AccessToStatement(Member(Role::kObserver), 1, 10, StatementState::kWithdrawn), StatementAccess::kFull);
    EXPECT_EQ(AccessToStatement(Member(Role::kParticipant, 10), 1, 10, StatementState::kWithdrawn),
              StatementAccess::kFull);
}

TEST(StatementAccessTest, OtherExercisesSeeNothing) {
    EXPECT_EQ(AccessToStatement(Member(Role::kParticipant, 10), 2, 10, StatementState::kPublished),
              StatementAccess::kNone);
    EXPECT_EQ(AccessToStatement(Member(Role::kOrganiser), 2, 10, StatementState::kPublished), StatementAccess::kNone);
}

}  // namespace
}  // namespace enshu::world
