// ForumService and OpinionService against a real (in-memory SQLite) database: session
// validation, registration with capacity, cancelling, bulk attendance and counts,
// opinion kinds (built-in and added) and opinions with their audit entries.

#include "evaluation/forum_service.hpp"

#include <gtest/gtest.h>

#include "evaluation/forum_demo.hpp"
#include "evaluation/opinion_service.hpp"
#include "evaluation/survey_test_support.hpp"

namespace enshu::evaluation {
namespace {

ForumSessionInput Feedback(std::optional<std::int64_t> capacity = std::nullopt) {
    ForumSessionInput input;
    input.kind = "feedback";
    input.title_ja = "意見交換会 第1回";
    input.starts_at = "2023-12-14T14:00";
    input.ends_at = "2023-12-14T16:30";
    input.format = "web";
    input.location = "https://meet.example.jp/1";
    input.capacity = capacity;
    input.themes = {"2023年度 分野横断的演習当日の振り返り", "自組織のサイバーセキュリティ確保について"};
    return input;
}

std::string FieldOf(const Status& status) { return status ? std::string("<ok>") : status.error().field; }

TEST(ForumSessionValidation, NamesTheFailingField) {
    EXPECT_TRUE(ValidateForumSession(Feedback()));
    auto input = Feedback();
    input.kind = "party";
    EXPECT_EQ(FieldOf(ValidateForumSession(input)), "kind");
    input = Feedback();
    input.ends_at = "2023-12-14T13:00";
    EXPECT_EQ(FieldOf(ValidateForumSession(input)), "ends_at");
    input = Feedback();
    input.starts_at = "2023-12-14";
    EXPECT_EQ(FieldOf(ValidateForumSession(input)), "starts_at");
    input = Feedback();
    input.format = "radio";
    EXPECT_EQ(FieldOf(ValidateForumSession(input)), "format");
    input = Feedback(0);
    EXPECT_EQ(FieldOf(ValidateForumSession(input)), "capacity");
    input = Feedback();
    input.themes.push_back("");
    EXPECT_EQ(FieldOf(ValidateForumSession(input)), "themes[2]");
    input = Feedback();
    input.title_ja = "";
    EXPECT_EQ(FieldOf(ValidateForumSession(input)), "title.ja");
    auto parsed = ParseForumSession(nlohmann::json{{"kind", "feedback"}, {"themes", "one"}});
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().field, "themes");
}

class ForumServiceTest : public testing::EvaluationTest {
  protected:
    void SetUp() override {
        testing::EvaluationTest::SetUp();
        org_a_ = AddOrganisation("電力A", "electricity", "meti");
        org_b_ = AddOrganisation("銀行B", "finance", "fsa");
        a1_ = AddPerson(org_a_, "A 一郎", "org_lead");
        a2_ = AddPerson(org_a_, "A 二郎", "participant");
        b1_ = AddPerson(org_b_, "B 花子", "org_lead");
        const std::int64_t other_org = AddOrganisation("他演習", "electricity", "meti", other_exercise_id_);
        stranger_ = AddPerson(other_org, "他人", "org_lead", other_exercise_id_);
    }

    ForumService Forums() { return ForumService(*database_, clock_, audit_); }
    OpinionService Opinions() { return OpinionService(*database_, clock_, audit_); }
    std::int64_t org_a_ = 0, org_b_ = 0, a1_ = 0, a2_ = 0, b1_ = 0, stranger_ = 0;
};

TEST_F(ForumServiceTest, CapacityIsEnforcedWithAClearError) {
    auto session = Forums().Create(exercise_id_, Feedback(2), actor_);
    ASSERT_TRUE(session) << session.error().message;
    ASSERT_TRUE(Forums().Register(exercise_id_, session->id, a1_, org_a_, actor_));
    ASSERT_TRUE(Forums().Register(exercise_id_, session->id, b1_, std::nullopt, actor_));
    auto full = Forums().Register(exercise_id_, session->id, a2_, org_a_, actor_);
    ASSERT_FALSE(full);
    EXPECT_EQ(full.error().code, ErrorCode::kConflict);
    EXPECT_EQ(full.error().field, "capacity");
    auto lower = Feedback(1);
    auto lowered = Forums().Update(exercise_id_, session->id, lower, actor_);
    ASSERT_FALSE(lowered);
    EXPECT_EQ(lowered.error().field, "capacity");
    ASSERT_TRUE(Forums().Cancel(exercise_id_, session->id, b1_, std::nullopt, actor_));
    EXPECT_TRUE(Forums().Register(exercise_id_, session->id, a2_, org_a_, actor_));
}

TEST_F(ForumServiceTest, OrgLeadsRegisterOnlyTheirOwnPeopleOnce) {
    auto session = Forums().Create(exercise_id_, Feedback(), actor_);
    ASSERT_TRUE(session);
    auto others = Forums().Register(exercise_id_, session->id, b1_, org_a_, actor_);
    ASSERT_FALSE(others);
    EXPECT_EQ(others.error().code, ErrorCode::kNotFound);
    auto stranger = Forums().Register(exercise_id_, session->id, stranger_, std::nullopt, actor_);
    ASSERT_FALSE(stranger);
    EXPECT_EQ(stranger.error().code, ErrorCode::kNotFound);
    ASSERT_TRUE(Forums().Register(exercise_id_, session->id, a1_, org_a_, actor_));
    auto twice = Forums().Register(exercise_id_, session->id, a1_, org_a_, actor_);
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
    ASSERT_TRUE(Forums().Register(exercise_id_, session->id, b1_, std::nullopt, actor_));
    auto cancel_other = Forums().Cancel(exercise_id_, session->id, b1_, org_a_, actor_);
    ASSERT_FALSE(cancel_other);
    EXPECT_EQ(cancel_other.error().code, ErrorCode::kNotFound);
    auto own_view = Forums().Registrations(exercise_id_, session->id, {false, {}, org_a_});
    ASSERT_TRUE(own_view);
    ASSERT_EQ(own_view->size(), 1u);
    EXPECT_EQ((*own_view)[0].person_id, a1_);
    auto ministry_view = Forums().Registrations(exercise_id_, session->id, {false, {"fsa"}, std::nullopt});
    ASSERT_TRUE(ministry_view);
    ASSERT_EQ(ministry_view->size(), 1u);
    EXPECT_EQ((*ministry_view)[0].person_id, b1_);
}

TEST_F(ForumServiceTest, AttendanceInBulkAndCounts) {
    auto first = Forums().Create(exercise_id_, Feedback(), actor_);
    auto second_input = Feedback();
    second_input.starts_at = "2023-12-19T14:00";
    second_input.ends_at = "2023-12-19T16:30";
    auto second = Forums().Create(exercise_id_, second_input, actor_);
    ASSERT_TRUE(first && second);
    for (auto person : {a1_, a2_, b1_}) ASSERT_TRUE(Forums().Register(exercise_id_, first->id, person, {}, actor_));
    ASSERT_TRUE(Forums().Register(exercise_id_, second->id, a1_, {}, actor_));
    auto counts = Forums().RecordAttendance(exercise_id_, first->id, {{a1_, true}, {a2_, true}, {b1_, false}}, actor_);
    ASSERT_TRUE(counts) << counts.error().message;
    EXPECT_EQ(counts->people_registered, 3);
    EXPECT_EQ(counts->organisations_registered, 2);
    EXPECT_EQ(counts->people_attended, 2);
    EXPECT_EQ(counts->organisations_attended, 1);
    ASSERT_TRUE(Forums().RecordAttendance(exercise_id_, second->id, {{a1_, true}}, actor_));
    // All or nothing: one unregistered person rejects the whole batch.
    auto bad = Forums().RecordAttendance(exercise_id_, second->id, {{a1_, false}, {b1_, true}}, actor_);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, "attendance[1].person_id");
    auto registrations = Forums().Registrations(exercise_id_, second->id, {true, {}, std::nullopt});
    ASSERT_TRUE(registrations);
    EXPECT_EQ((*registrations)[0].attended, true);
    auto totals = Forums().Totals(exercise_id_);
    ASSERT_TRUE(totals);
    ASSERT_EQ(totals->size(), 1u);
    EXPECT_EQ((*totals)[0].sessions, 2);
    EXPECT_EQ((*totals)[0].counts.people_attended, 2);  // distinct people: a1 twice counts once
    EXPECT_EQ((*totals)[0].counts.organisations_attended, 1);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'forum_attendance.update'"), 2);
}

TEST_F(ForumServiceTest, SessionsBelongToTheirExercise) {
    auto session = Forums().Create(exercise_id_, Feedback(), actor_);
    ASSERT_TRUE(session);
    EXPECT_FALSE(Forums().Get(other_exercise_id_, session->id));
    EXPECT_FALSE(Forums().Delete(other_exercise_id_, session->id, actor_));
    auto linked = Feedback();
    linked.survey_id = 999;
    auto bad_survey = Forums().Create(exercise_id_, linked, actor_);
    ASSERT_FALSE(bad_survey);
    EXPECT_EQ(bad_survey.error().field, "survey_id");
}

TEST_F(ForumServiceTest, OpinionKindsBuiltInAndAdded) {
    auto kinds = Opinions().Kinds(exercise_id_);
    ASSERT_TRUE(kinds);
    ASSERT_EQ(kinds->size(), 6u);
    EXPECT_EQ((*kinds)[0].code, "manual_gaps");
    EXPECT_TRUE((*kinds)[0].built_in);
    ASSERT_TRUE(Opinions().AddKind(exercise_id_, {"backup", "バックアップ", "Backups", 0, false}, actor_));
    auto duplicate = Opinions().AddKind(exercise_id_, {"supply_chain", "重複", "", 0, false}, actor_);
    ASSERT_FALSE(duplicate);
    EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
    kinds = Opinions().Kinds(exercise_id_);
    ASSERT_EQ(kinds->size(), 7u);
    EXPECT_EQ(kinds->back().code, "backup");
    EXPECT_EQ(Opinions().Kinds(other_exercise_id_)->size(), 6u);
}

TEST_F(ForumServiceTest, OpinionsAreRecordedFilteredEditedAndDeletedWithAudit) {
    auto session = Forums().Create(exercise_id_, Feedback(), actor_);
    ASSERT_TRUE(session);
    auto manual = Opinions().Create(exercise_id_, session->id, {"manual_gaps", "ランサムの手順が無い", org_a_}, actor_);
    ASSERT_TRUE(manual) << manual.error().message;
    EXPECT_EQ(manual->organisation_name, "電力A");
    ASSERT_TRUE(Opinions().Create(exercise_id_, session->id, {"supply_chain", "範囲が課題", std::nullopt}, actor_));
    auto unknown = Opinions().Create(exercise_id_, session->id, {"gossip", "x", std::nullopt}, actor_);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().field, "kind");
    const std::int64_t foreign_org = AddOrganisation("他の組織", "gas", "meti", other_exercise_id_);
    auto foreign = Opinions().Create(exercise_id_, session->id, {"manual_gaps", "x", foreign_org}, actor_);
    ASSERT_FALSE(foreign);
    EXPECT_EQ(foreign.error().field, "organisation_id");
    auto supply = Opinions().List(exercise_id_, std::nullopt, std::string("supply_chain"));
    ASSERT_TRUE(supply);
    ASSERT_EQ(supply->size(), 1u);
    auto edited =
        Opinions().Update(exercise_id_, manual->id, {"public_disclosure", "広報のタイミング", org_a_}, actor_);
    ASSERT_TRUE(edited);
    EXPECT_EQ(edited->kind_code, "public_disclosure");
    ASSERT_TRUE(Opinions().Delete(exercise_id_, manual->id, actor_));
    EXPECT_FALSE(Opinions().Delete(other_exercise_id_, supply->front().id, actor_));
    EXPECT_EQ(Opinions().List(exercise_id_, session->id, std::nullopt)->size(), 1u);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'forum_opinion.%'"), 4);
}

TEST_F(ForumServiceTest, DemoSessionsAreTheReportsDatesAndAddedOnce) {
    ASSERT_TRUE(SeedDemoForumSessions(*database_, clock_, audit_, exercise_id_));
    ASSERT_TRUE(SeedDemoForumSessions(*database_, clock_, audit_, exercise_id_));
    auto totals = Forums().Totals(exercise_id_);
    ASSERT_TRUE(totals);
    ASSERT_EQ(totals->size(), 2u);
    EXPECT_EQ((*totals)[0].kind, "feedback");
    EXPECT_EQ((*totals)[0].sessions, 5);
    EXPECT_EQ((*totals)[1].kind, "roundtable");
    EXPECT_EQ((*totals)[1].sessions, 1);
}

}  // namespace
}  // namespace enshu::evaluation
