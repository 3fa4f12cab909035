#include "world/queue_scope.hpp"

#include <gtest/gtest.h>

namespace enshu::world {
namespace {

Principal WithMembership(Role role, std::optional<std::int64_t> organisation_id = std::nullopt,
                         std::optional<std::string> ministry = std::nullopt) {
    Principal principal;
    principal.user_id = 5;
    principal.display_name = "担当";
    Membership membership;
    membership.exercise_id = 1;
    membership.role = role;
    membership.organisation_id = organisation_id;
    if (organisation_id) membership.person_id = 50;
    membership.ministry_code = ministry;
    principal.memberships.push_back(membership);
    return principal;
}

const CaseFacts kMetiDeskCase{DeskKind::kMinistry, "meti", 7, "meti"};
const CaseFacts kIpaCase{DeskKind::kAgency, "ipa", 7, "meti"};

TEST(QueueScopeTest, ControllersSeeAndActOnEveryDesk) {
    auto viewer = ViewerOf(WithMembership(Role::kController), 1);
    ASSERT_TRUE(viewer);
    EXPECT_EQ(viewer->role, ViewerRole::kDeskStaff);
    EXPECT_TRUE(MaySeeCase(*viewer, kIpaCase));
    EXPECT_TRUE(MayActAsStaff(*viewer, kMetiDeskCase));
    EXPECT_TRUE(SeesInternalMessages(*viewer));
}

TEST(QueueScopeTest, MinistriesOnlyTheirDeskAndSectors) {
    auto meti = ViewerOf(WithMembership(Role::kMinistry, std::nullopt, "meti"), 1);
    ASSERT_TRUE(meti);
    EXPECT_TRUE(MaySeeCase(*meti, kMetiDeskCase));
    EXPECT_TRUE(MayActAsStaff(*meti, kMetiDeskCase));
    EXPECT_FALSE(MaySeeCase(*meti, kIpaCase));
    EXPECT_FALSE(MaySeeCase(*meti, {DeskKind::kMinistry, "meti", 8, "fsa"}));  // another ministry's organisation
    auto fsa = ViewerOf(WithMembership(Role::kMinistry, std::nullopt, "fsa"), 1);
    EXPECT_FALSE(MaySeeCase(*fsa, kMetiDeskCase));
}

TEST(QueueScopeTest, OrganisationsOnlyTheirOwnAndNeverActAsStaff) {
    auto person = ViewerOf(WithMembership(Role::kParticipant, 7), 1);
    ASSERT_TRUE(person);
    EXPECT_EQ(person->role, ViewerRole::kOrganisation);
    EXPECT_TRUE(MaySeeCase(*person, kIpaCase));
    EXPECT_FALSE(MaySeeCase(*person, {DeskKind::kAgency, "ipa", 8, "fsa"}));
    EXPECT_FALSE(MayActAsStaff(*person, kIpaCase));
    EXPECT_FALSE(SeesInternalMessages(*person));
}

TEST(QueueScopeTest, ObserversReadButNeverAct) {
    auto observer = ViewerOf(WithMembership(Role::kObserver), 1);
    ASSERT_TRUE(observer);
    EXPECT_TRUE(MaySeeCase(*observer, kMetiDeskCase));
    EXPECT_FALSE(MayActAsStaff(*observer, kMetiDeskCase));
    EXPECT_FALSE(ViewerOf(WithMembership(Role::kObserver), 2));  // not a member of exercise 2
}

}  // namespace
}  // namespace enshu::world
