#include "evaluation/evaluation_access.hpp"

#include <gtest/gtest.h>

namespace enshu::evaluation {
namespace {

Principal With(std::vector<Membership> memberships, bool admin = false) {
    Principal principal;
    principal.is_admin = admin;
    principal.memberships = std::move(memberships);
    return principal;
}

const OrganisationFacts kElectricity{1, 7, "デモ電力", "electricity", "meti", "venue", ""};

TEST(EvaluationAccessTest, OwnPeopleOrganiserAndMinistryOfTheSector) {
    EXPECT_EQ(AnswerAccessOf(With({{1, Role::kOrgLead, 7, 70, std::nullopt}}), kElectricity), AnswerAccess::kEdit);
    EXPECT_EQ(AnswerAccessOf(With({{1, Role::kParticipant, 7, 71, std::nullopt}}), kElectricity), AnswerAccess::kRead);
    EXPECT_EQ(AnswerAccessOf(With({{1, Role::kOrganiser, std::nullopt, std::nullopt, std::nullopt}}), kElectricity),
              AnswerAccess::kRead);
    EXPECT_EQ(AnswerAccessOf(With({}, true), kElectricity), AnswerAccess::kRead);
    EXPECT_EQ(AnswerAccessOf(With({{1, Role::kMinistry, std::nullopt, std::nullopt, "meti"}}), kElectricity),
              AnswerAccess::kRead);
}

TEST(EvaluationAccessTest, EveryoneElseSeesNoAnswers) {
    // Another organisation's lead, the lead of the same id in another exercise, another
    // ministry, controllers and observers.
    EXPECT_EQ(AnswerAccessOf(With({{1, Role::kOrgLead, 8, 80, std::nullopt}}), kElectricity), AnswerAccess::kNone);
    EXPECT_EQ(AnswerAccessOf(With({{2, Role::kOrgLead, 7, 70, std::nullopt}}), kElectricity), AnswerAccess::kNone);
    EXPECT_EQ(AnswerAccessOf(With({{1, Role::kMinistry, std::nullopt, std::nullopt, "fsa"}}), kElectricity),
              AnswerAccess::kNone);
    EXPECT_EQ(AnswerAccessOf(With({{1, Role::kController, std::nullopt, std::nullopt, std::nullopt}}), kElectricity),
              AnswerAccess::kNone);
    EXPECT_EQ(AnswerAccessOf(With({{1, Role::kObserver, std::nullopt, std::nullopt, std::nullopt}}), kElectricity),
              AnswerAccess::kNone);
}

TEST(EvaluationAccessTest, CompletionIsForStaffOnly) {
    EXPECT_TRUE(CanSeeCompletion(With({{1, Role::kController, std::nullopt, std::nullopt, std::nullopt}}), 1));
    EXPECT_TRUE(CanSeeCompletion(With({{1, Role::kObserver, std::nullopt, std::nullopt, std::nullopt}}), 1));
    EXPECT_TRUE(CanSeeCompletion(With({{1, Role::kMinistry, std::nullopt, std::nullopt, "meti"}}), 1));
    EXPECT_TRUE(CanSeeCompletion(With({}, true), 1));
    EXPECT_FALSE(CanSeeCompletion(With({{1, Role::kOrgLead, 7, 70, std::nullopt}}), 1));
    EXPECT_FALSE(CanSeeCompletion(With({{2, Role::kObserver, std::nullopt, std::nullopt, std::nullopt}}), 1));
}

}  // namespace
}  // namespace enshu::evaluation
