// The readiness, objectives, sheet, completion and notice services over a migrated
// in-memory database: windows against a fake clock, all-or-nothing saves, stable
// objective keys, dry runs, ministry scope of completion, reminders.

#include <gtest/gtest.h>

#include "evaluation/action_record_sheet.hpp"
#include "evaluation/completion.hpp"
#include "evaluation/notices.hpp"
#include "evaluation/readiness_survey.hpp"
#include "evaluation/survey_test_support.hpp"
#include "evaluation/verification_objectives.hpp"

namespace enshu::evaluation {
namespace {

class EvaluationInstrumentsTest : public testing::EvaluationTest {
  protected:
    void SetUp() override {
        EvaluationTest::SetUp();
        power_ = Facts(AddOrganisation("デモ電力", "electricity", "meti"), "electricity", "meti");
        bank_ = Facts(AddOrganisation("デモ銀行", "finance", "fsa"), "finance", "fsa");
    }

    OrganisationFacts Facts(std::int64_t id, const std::string& sector, const std::string& ministry) {
        return OrganisationFacts{exercise_id_, id, "", sector, ministry, "venue", ""};
    }

    void SetWindow(Instrument instrument, std::optional<std::string> opens, std::optional<std::string> closes) {
        auto saved = SaveWindows(*database_, exercise_id_, {{instrument, opens, closes}}, audit_, actor_);
        ASSERT_TRUE(saved) << saved.error().message;
    }

    OrganisationFacts power_;
    OrganisationFacts bank_;
};

TEST_F(EvaluationInstrumentsTest, ReadinessWindowIsEnforcedToTheSecond) {
    ReadinessService service(*database_, clock_, audit_);
    SetWindow(Instrument::kReadinessBefore, "2023-12-01T00:00:00Z", "2023-12-14T01:00:00Z");
    auto on_time = service.Save(power_, ReadinessPart::kBefore, {{"csirt.prepared", "prepared"}}, SaveMode::kDraft,
                                std::nullopt, actor_);
    ASSERT_TRUE(on_time) << on_time.error().error.message;  // exactly at closes_at is still open
    clock_.Set(testing::At("2023-12-14T01:00:01Z"));
    auto late = service.Save(power_, ReadinessPart::kBefore, {}, SaveMode::kDraft, std::nullopt, actor_);
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().error.code, ErrorCode::kConflict);
    EXPECT_EQ(late.error().error.field, "closes_at");
    // Nothing of the late save happened: the earlier answer is still there.
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM readiness_answer WHERE organisation_id = $1", {power_.id}), 1);
    clock_.Set(testing::At("2023-11-30T23:59:59Z"));
    auto early = service.Save(power_, ReadinessPart::kBefore, {}, SaveMode::kDraft, std::nullopt, actor_);
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().error.field, "opens_at");
}

TEST_F(EvaluationInstrumentsTest, ReadinessSubmitNeedsEveryItemOfThePartOnly) {
    ReadinessService service(*database_, clock_, audit_);
    std::map<std::string, std::string> day_of = {{"governance.day_of_authority", "handled"},
                                                 {"governance.day_of_criteria", "no_answer"},
                                                 {"bcp.day_of_degree", "fully"},
                                                 {"csirt.day_of_degree", "half"},
                                                 {"safety_standards.day_of_degree", "mostly"},
                                                 {"information_sharing.day_of_degree", "partly"},
                                                 {"incident_response.day_of_degree", "not_at_all"}};
    auto submitted = service.Save(power_, ReadinessPart::kDayOf, day_of, SaveMode::kSubmit, std::nullopt, actor_);
    ASSERT_TRUE(submitted) << submitted.error().error.message;
    EXPECT_EQ(submitted->status, AnswerStatus::kSubmitted);
    // The before part is untouched and still missing all of its items.
    auto before = service.Get(power_, ReadinessPart::kBefore);
    ASSERT_TRUE(before);
    EXPECT_EQ(before->status, AnswerStatus::kNotStarted);
    EXPECT_EQ(before->missing.size(), 10u);
    // A before item in the day-of part is refused.
    auto reopened = service.Reopen(power_, ReadinessPart::kDayOf, actor_);
    ASSERT_TRUE(reopened);
    auto wrong = service.Save(power_, ReadinessPart::kDayOf, {{"csirt.prepared", "prepared"}}, SaveMode::kDraft,
                              std::nullopt, actor_);
    ASSERT_FALSE(wrong);
    ASSERT_EQ(wrong.error().problems.size(), 1u);
    EXPECT_EQ(wrong.error().problems[0].field, "answers.csirt.prepared");
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'readiness.%'"), 2);
}

TEST_F(EvaluationInstrumentsTest, DroppingAnObjectiveDropsItsSheetAnswersAndKeepsTheOthers) {
    ObjectivesService objectives(*database_, clock_, audit_);
    ActionRecordService sheets(*database_, clock_, audit_);
    ASSERT_TRUE(objectives.Save(power_, {{2, 6}, {{std::nullopt, "独自A"}}}, actor_));
    auto saved = sheets.Save(
        power_,
        {{"2", {"well", "well", "well"}, {"課題"}}, {"6", {"hardly", "", ""}, {}}, {"10-1", {"no_answer", "", ""}, {}}},
        {}, std::nullopt, actor_);
    ASSERT_TRUE(saved) << saved.error().error.message;
    ASSERT_TRUE(objectives.Save(power_, {{2}, {{1, "独自A（改）"}}}, actor_));
    auto sheet = sheets.Get(power_);
    ASSERT_TRUE(sheet);
    ASSERT_EQ(sheet->objectives.size(), 2u);
    EXPECT_EQ(sheet->objectives[0].ratings[0], "well");
    EXPECT_EQ(sheet->objectives[0].issues, (std::vector<std::string>{"課題"}));
    EXPECT_EQ(sheet->objectives[1].objective.custom_text, "独自A（改）");
    EXPECT_EQ(sheet->objectives[1].ratings[0], "no_answer");
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM action_record_rating"), 4);
}

TEST_F(EvaluationInstrumentsTest, SheetDryRunChecksEverythingAndStoresNothing) {
    ObjectivesService objectives(*database_, clock_, audit_);
    ActionRecordService sheets(*database_, clock_, audit_);
    ASSERT_TRUE(objectives.Save(power_, {{3}, {}}, actor_));
    auto dry = sheets.Save(power_, {{"3", {"well", "well", "well"}, {}}}, {SaveMode::kDraft, "xlsx", true},
                           std::nullopt, actor_);
    ASSERT_TRUE(dry) << dry.error().error.message;
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM action_record_rating"), 0);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM action_record_sheet"), 0);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'action_record.%'"), 0);
    auto bad =
        sheets.Save(power_, {{"3", {"good", "", ""}, {}}}, {SaveMode::kDraft, "xlsx", true}, std::nullopt, actor_);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().problems[0].field, "objectives.3.settings.1");
    // The bank never sees the power company's objectives as its own.
    auto foreign = sheets.Save(bank_, {{"3", {"well", "well", "well"}, {}}}, {}, std::nullopt, actor_);
    ASSERT_FALSE(foreign);
    EXPECT_EQ(foreign.error().problems[0].field, "objectives.3");
}

TEST_F(EvaluationInstrumentsTest, CompletionIsScopedAndRemindersSkipSubmitted) {
    ReadinessService readiness(*database_, clock_, audit_);
    const auto meti_water = Facts(AddOrganisation("デモ化学", "chemical", "meti"), "chemical", "meti");
    std::map<std::string, std::string> all;
    auto before = readiness.Get(power_, ReadinessPart::kBefore);
    for (const auto& item : before->missing) all[item] = "no_answer";
    ASSERT_TRUE(readiness.Save(power_, ReadinessPart::kBefore, all, SaveMode::kSubmit, std::nullopt, actor_));
    ASSERT_TRUE(readiness.Save(bank_, ReadinessPart::kBefore, {}, SaveMode::kDraft, std::nullopt, actor_));

    auto everyone = LoadCompletion(*database_, exercise_id_, Instrument::kReadinessBefore, {});
    ASSERT_TRUE(everyone);
    EXPECT_EQ(everyone->organisations.size(), 3u);
    CompletionScope meti;
    meti.all = false;
    meti.ministry_codes = {"meti"};
    auto scoped = LoadCompletion(*database_, exercise_id_, Instrument::kReadinessBefore, meti);
    ASSERT_TRUE(scoped);
    ASSERT_EQ(scoped->sectors.size(), 2u);  // chemical, electricity
    EXPECT_EQ(scoped->sectors[0].not_started, 1);
    EXPECT_EQ(scoped->sectors[1].submitted, 1);

    auto reminded = SendReminders(*database_, clock_, audit_, nullptr, exercise_id_, Instrument::kReadinessBefore, {},
                                  std::nullopt, actor_);
    ASSERT_TRUE(reminded);
    EXPECT_EQ(reminded->organisation_ids.size(), 2u);  // the bank (draft) and the chemical company
    auto notices = ListNotices(*database_, exercise_id_, meti_water.id);
    ASSERT_TRUE(notices);
    ASSERT_EQ(notices->size(), 1u);
    EXPECT_EQ((*notices)[0].kind, "readiness_reminder");
    EXPECT_EQ((*notices)[0].params["part"], "before");
    EXPECT_TRUE(ListNotices(*database_, exercise_id_, power_.id)->empty());
    // Dismissing is the organisation's own: another organisation's id is not found.
    EXPECT_FALSE(DismissNotice(*database_, clock_, audit_, exercise_id_, bank_.id, (*notices)[0].id, actor_));
    auto dismissed = DismissNotice(*database_, clock_, audit_, exercise_id_, meti_water.id, (*notices)[0].id, actor_);
    ASSERT_TRUE(dismissed);
    EXPECT_TRUE(dismissed->dismissed_at.has_value());
    EXPECT_TRUE(DismissNotice(*database_, clock_, audit_, exercise_id_, meti_water.id, (*notices)[0].id, actor_));
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'notice.dismiss'"), 1);
}

}  // namespace
}  // namespace enshu::evaluation
