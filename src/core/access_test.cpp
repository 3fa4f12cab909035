#include "core/access.hpp"

#include <gtest/gtest.h>

namespace enshu {
namespace {

constexpr std::int64_t kExercise = 1;
constexpr std::int64_t kOtherExercise = 2;
constexpr std::int64_t kOrganisation = 7;
constexpr std::int64_t kOtherOrganisation = 8;

// Organisation 7 of exercise 1, in a METI sector.
OrganisationScope Organisation() { return OrganisationScope{kExercise, kOrganisation, "meti"}; }

Principal With(Membership membership) {
    Principal principal;
    principal.user_id = 10;
    principal.memberships.push_back(std::move(membership));
    return principal;
}

Membership Staff(Role role, std::int64_t exercise = kExercise) { return Membership{exercise, role, {}, {}, {}}; }
Membership Ministry(std::string code) { return Membership{kExercise, Role::kMinistry, {}, {}, std::move(code)}; }
Membership OrganisationMember(Role role, std::int64_t organisation) {
    return Membership{kExercise, role, organisation, 12, {}};
}

TEST(RoleTest, NamesRoundTrip) {
    for (Role role :
         {Role::kOrganiser, Role::kController, Role::kMinistry, Role::kObserver, Role::kOrgLead, Role::kParticipant}) {
        EXPECT_EQ(ParseRole(RoleName(role)), role);
    }
    EXPECT_EQ(RoleName(Role::kOrgLead), "org_lead");
    EXPECT_EQ(ParseRole("admin"), std::nullopt);
    EXPECT_EQ(ParseRole("Organiser"), std::nullopt);
}

TEST(AccessTest, AdministratorActsAsOrganiserEverywhere) {
    Principal admin;
    admin.is_admin = true;
    EXPECT_TRUE(admin.IsOrganiser(kOtherExercise));
    EXPECT_TRUE(admin.IsMember(kOtherExercise));
    EXPECT_TRUE(CanViewOrganisation(admin, Organisation()));
    EXPECT_TRUE(CanEditOrganisation(admin, Organisation()));
    EXPECT_TRUE(CanListOrganisations(admin, kExercise));
}

TEST(AccessTest, OrganiserViewsEditsAndListsOnlyInTheirExercise) {
    const Principal organiser = With(Staff(Role::kOrganiser));
    EXPECT_TRUE(CanViewOrganisation(organiser, Organisation()));
    EXPECT_TRUE(CanEditOrganisation(organiser, Organisation()));
    EXPECT_TRUE(CanListOrganisations(organiser, kExercise));
    EXPECT_FALSE(CanListOrganisations(organiser, kOtherExercise));
    EXPECT_FALSE(CanViewOrganisation(organiser, OrganisationScope{kOtherExercise, kOrganisation, "meti"}));
}

TEST(AccessTest, ObserverAndControllerViewAndListButDoNotEdit) {
    for (Role role : {Role::kObserver, Role::kController}) {
        const Principal principal = With(Staff(role));
        EXPECT_TRUE(CanViewOrganisation(principal, Organisation())) << RoleName(role);
        EXPECT_TRUE(CanListOrganisations(principal, kExercise)) << RoleName(role);
        EXPECT_FALSE(CanEditOrganisation(principal, Organisation())) << RoleName(role);
        EXPECT_FALSE(principal.IsOrganiser(kExercise));
    }
}

TEST(AccessTest, MinistrySeesOnlyItsOwnSectors) {
    const Principal meti = With(Ministry("meti"));
    const Principal fsa = With(Ministry("fsa"));
    EXPECT_TRUE(CanViewOrganisation(meti, Organisation()));
    EXPECT_FALSE(CanViewOrganisation(fsa, Organisation()));
    EXPECT_FALSE(CanEditOrganisation(meti, Organisation()));
    EXPECT_TRUE(CanListOrganisations(fsa, kExercise));
}

TEST(AccessTest, OrgLeadEditsOwnOrganisationOnly) {
    const Principal lead = With(OrganisationMember(Role::kOrgLead, kOrganisation));
    EXPECT_TRUE(CanViewOrganisation(lead, Organisation()));
    EXPECT_TRUE(CanEditOrganisation(lead, Organisation()));
    const OrganisationScope other{kExercise, kOtherOrganisation, "meti"};
    EXPECT_FALSE(CanViewOrganisation(lead, other));
    EXPECT_FALSE(CanEditOrganisation(lead, other));
    EXPECT_FALSE(CanListOrganisations(lead, kExercise));
}

TEST(AccessTest, ParticipantViewsOwnOrganisationWithoutEditing) {
    const Principal participant = With(OrganisationMember(Role::kParticipant, kOrganisation));
    EXPECT_TRUE(CanViewOrganisation(participant, Organisation()));
    EXPECT_FALSE(CanEditOrganisation(participant, Organisation()));
    EXPECT_FALSE(CanViewOrganisation(participant, OrganisationScope{kExercise, kOtherOrganisation, "meti"}));
    EXPECT_FALSE(CanListOrganisations(participant, kExercise));
    EXPECT_TRUE(participant.IsMember(kExercise));
    EXPECT_FALSE(participant.IsMember(kOtherExercise));
}

TEST(AccessTest, NobodyWithoutMembershipSeesAnything) {
    const Principal stranger = With(Staff(Role::kOrganiser, kOtherExercise));
    EXPECT_FALSE(CanViewOrganisation(stranger, Organisation()));
    EXPECT_FALSE(CanEditOrganisation(stranger, Organisation()));
    EXPECT_FALSE(CanListOrganisations(stranger, kExercise));
    EXPECT_FALSE(CanViewOrganisation(Principal{}, Organisation()));
}

}  // namespace
}  // namespace enshu
