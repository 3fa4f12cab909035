// The repository against a real (in-memory) SQLite database with every migration: which
// rows count (submitted parts and sheets only), surveys, sessions and opinions; and the
// service's choice of compared years.

#include "report/report_repository.hpp"

#include <gtest/gtest.h>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "db/migrations.hpp"
#include "report/report_service.hpp"

namespace enshu::report {
namespace {

constexpr char kNow[] = "2023-12-08T00:00:00.000Z";

class ReportRepositoryTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto database = db::OpenDatabase(":memory:");
        ASSERT_TRUE(database) << database.error().message;
        database_ = std::move(*database);
        ASSERT_TRUE(db::Migrate(*database_));
        Run("INSERT INTO exercise (id, fiscal_year, title_ja, created_at, updated_at) VALUES "
            "(1, 2022, '前年度', $1, $1), (2, 2023, '今年度', $1, $1), (3, 2024, '翌年度', $1, $1)");
        Run("INSERT INTO organisation (id, exercise_id, external_ref, name, sector_code, ministry_code, size_band, "
            "region, "
            "participation_mode, search_text, created_at, updated_at) VALUES "
            "(10, 2, 'A', '組織A', 'electricity', 'meti', 'small', 'JP-13', 'venue', 'a', $1, $1), "
            "(11, 2, 'B', '組織B', 'finance', 'fsa', 'small', 'JP-13', 'online', 'b', $1, $1)");
        Run("INSERT INTO app_user (id, kind, display_name, created_at, updated_at) VALUES (5, 'person', '人', $1, $1)");
        Run("INSERT INTO person (id, user_id, exercise_id, organisation_id, role, display_name, created_at, "
            "updated_at) "
            "VALUES (7, 5, 2, 10, 'org_lead', '人', $1, $1)");
        // Readiness: A submitted, B still a draft (not counted).
        Run("INSERT INTO readiness_response (exercise_id, organisation_id, part, status, updated_at) VALUES "
            "(2, 10, 'before', 'submitted', $1), (2, 11, 'before', 'draft', $1)");
        Run("INSERT INTO readiness_answer (exercise_id, organisation_id, item_id, option_code, updated_at) VALUES "
            "(2, 10, 'governance.roles_defined', 'organised', $1), (2, 11, 'governance.roles_defined', 'organised', "
            "$1)");
        // Action record: A submitted with objective 1 rated ① and ③ (② missing), B a draft.
        Run("INSERT INTO action_record_sheet (exercise_id, organisation_id, status, updated_at) VALUES "
            "(2, 10, 'submitted', $1), (2, 11, 'draft', $1)");
        Run("INSERT INTO chosen_objective (id, exercise_id, organisation_id, objective_id, created_at, updated_at) "
            "VALUES "
            "(100, 2, 10, 1, $1, $1), (101, 2, 11, 1, $1, $1)");
        Run("INSERT INTO action_record_rating (chosen_objective_id, setting, option_code, updated_at) VALUES "
            "(100, 1, 'very_well', $1), (100, 3, 'hardly', $1), (101, 1, 'well', $1)");
        Run("INSERT INTO action_record_issue (id, chosen_objective_id, position, text, created_at, updated_at) VALUES "
            "(200, 100, 1, '連絡網が古い', $1, $1), (201, 101, 1, '下書きの課題', $1, $1)");
        // Survey: one question, two responses.
        Run("INSERT INTO survey (id, exercise_id, code, title_ja, respondent, anonymity, created_at, updated_at) "
            "VALUES "
            "(300, 2, 'feedback_session', '意見交換会アンケート', 'organisation', 'anonymous', $1, $1)");
        Run("INSERT INTO survey_question (id, survey_id, code, position, kind, text_ja, options) VALUES "
            "(301, 300, 'meaningful', 1, 'likert', '有意義であったか。', "
            "'[{\"code\":\"yes\",\"label_ja\":\"有意義\",\"label_en\":\"Yes\"},{\"code\":\"no\",\"label_ja\":"
            "\"いいえ\",\"label_en\":\"No\"}]')");
        Run("INSERT INTO survey_response (id, survey_id, sector_code, submitted_on) VALUES "
            "(400, 300, 'finance', '2023-12-14'), (401, 300, 'finance', '2023-12-14')");
        Run("INSERT INTO survey_answer (response_id, question_id, value) VALUES (400, 301, '\"yes\"'), (401, 301, "
            "'\"no\"')");
        // Sessions: a roundtable with an opinion, a feedback session with one registration.
        Run("INSERT INTO forum_session (id, exercise_id, kind, title_ja, starts_at, ends_at, format, themes, "
            "created_at, "
            "updated_at) VALUES (500, 2, 'roundtable', '座談会', '2023-12-07T10:00', '2023-12-07T11:15', 'venue', "
            "'[\"事前準備\"]', $1, $1), (501, 2, 'feedback', '意見交換会', '2023-12-14T14:00', '2023-12-14T16:30', "
            "'web', "
            "'[]', $1, $1)");
        Run("INSERT INTO forum_registration (session_id, person_id, organisation_id, attended, registered_at) VALUES "
            "(501, 7, 10, 1, $1)");
        Run("INSERT INTO forum_opinion (session_id, kind_code, text, created_at) VALUES "
            "(500, 'supply_chain', '座談会での発言', $1), (501, 'manual_gaps', '意見交換会での発言', $1)");
    }

    void Run(const std::string& sql) {
        auto written = database_->Write([&](db::Connection& connection) -> Status {
            auto done = connection.Execute(
                sql, sql.find("$1") != std::string::npos ? db::Params{std::string(kNow)} : db::Params{});
            if (!done) return tl::unexpected(done.error());
            return Ok();
        });
        ASSERT_TRUE(written) << written.error().message << "\n" << sql;
    }

    std::unique_ptr<db::Database> database_;
};

TEST_F(ReportRepositoryTest, OnlySubmittedRecordsCount) {
    auto data = LoadExerciseData(*database_, 2, IssueLoading::kWithOrganisationIssues, 10);
    ASSERT_TRUE(data) << data.error().message;
    ASSERT_EQ(data->readiness_answers.size(), 1u);
    EXPECT_EQ(data->readiness_answers[0].organisation_id, 10);
    ASSERT_EQ(data->chosen_objectives.size(), 1u);
    EXPECT_EQ(data->chosen_objectives[0].ratings[0], "very_well");
    EXPECT_EQ(data->chosen_objectives[0].ratings[1], "");  // not rated: no answer
    EXPECT_EQ(data->chosen_objectives[0].ratings[2], "hardly");
    EXPECT_EQ(data->action_record_respondents, 1);
    ASSERT_EQ(data->organisation_issues.size(), 1u);
    EXPECT_EQ(data->organisation_issues[0].text, "連絡網が古い");
    EXPECT_EQ(data->Organisation(10)->people, 1);
}

TEST_F(ReportRepositoryTest, SurveysSessionsAndOpinions) {
    auto data = LoadExerciseData(*database_, 2);
    ASSERT_TRUE(data) << data.error().message;
    const SurveyData& survey = data->surveys.at("feedback_session");
    EXPECT_EQ(survey.responses, 2);
    ASSERT_EQ(survey.questions.size(), 1u);
    EXPECT_EQ(survey.questions[0].options[0].label.ja, "有意義");
    EXPECT_EQ(survey.questions[0].values.size(), 2u);
    ASSERT_EQ(data->sessions.size(), 2u);
    EXPECT_EQ(data->sessions[0].themes, std::vector<std::string>{"事前準備"});
    EXPECT_EQ(data->sessions[1].attending_organisations, 1);
    EXPECT_EQ(data->sessions[1].attending_people, 1);
    std::vector<std::string> feedback;
    std::vector<std::string> roundtable;
    for (const auto& kind : data->opinion_kinds)
        feedback.insert(feedback.end(), kind.opinions.begin(), kind.opinions.end());
    for (const auto& kind : data->roundtable_opinion_kinds) {
        roundtable.insert(roundtable.end(), kind.opinions.begin(), kind.opinions.end());
    }
    EXPECT_EQ(feedback, std::vector<std::string>{"意見交換会での発言"});
    EXPECT_EQ(roundtable, std::vector<std::string>{"座談会での発言"});
    EXPECT_FALSE(LoadExerciseData(*database_, 99));
}

TEST_F(ReportRepositoryTest, ComparedYearsDefaultToEarlierOnes) {
    const SystemClock clock;
    const audit::AuditLog audit(clock);
    const ReportService service(*database_, clock, audit);
    auto settings = service.Settings(2);
    ASSERT_TRUE(settings) << settings.error().message;
    EXPECT_EQ(settings->minimum_group, 5);
    EXPECT_EQ(settings->effective_compared, std::vector<std::int64_t>{1});  // FY2024 is later
    auto later = service.UpdateSettings(2, 5, std::vector<std::int64_t>{3}, {std::nullopt, "test", "", ""});
    ASSERT_FALSE(later);
    EXPECT_EQ(later.error().field, "compared_exercise_ids");
    auto none = service.UpdateSettings(2, 4, std::vector<std::int64_t>{}, {std::nullopt, "test", "", ""});
    ASSERT_TRUE(none) << none.error().message;
    EXPECT_TRUE(none->effective_compared.empty());
    EXPECT_EQ(none->minimum_group, 4);
}

}  // namespace
}  // namespace enshu::report
