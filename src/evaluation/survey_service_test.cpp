// SurveyService against a real (in-memory SQLite) database: templates into an exercise,
// editing rules, the answering window, one answer per person/organisation, anonymity of
// stored rows, results and response rates, ministry scope.

#include "evaluation/survey_service.hpp"

#include <gtest/gtest.h>

#include "evaluation/survey_test_support.hpp"

namespace enshu::evaluation {
namespace {

class SurveyServiceTest : public testing::EvaluationTest {
  protected:
    void SetUp() override {
        testing::EvaluationTest::SetUp();
        org_a_ = AddOrganisation("電力A", "electricity", "meti");
        org_b_ = AddOrganisation("銀行B", "finance", "fsa");
        lead_a_ = AddPerson(org_a_, "責任者A", "org_lead");
        member_a_ = AddPerson(org_a_, "参加者A", "participant");
        lead_b_ = AddPerson(org_b_, "責任者B", "org_lead");
    }

    StoredSurvey OpenFeedback() {
        auto created = Service().CreateFromTemplate(exercise_id_, "feedback_session", std::nullopt, actor_);
        EXPECT_TRUE(created) << (created ? "" : created.error().message);
        auto opened = Service().Open(exercise_id_, created->id, actor_);
        EXPECT_TRUE(opened) << (opened ? "" : opened.error().message);
        return *opened;
    }

    SurveyService Service() { return SurveyService(*database_, clock_, audit_); }
    std::int64_t org_a_ = 0, org_b_ = 0, lead_a_ = 0, member_a_ = 0, lead_b_ = 0;
};

const AnswerMap kJoined = {{"joined", "joined"},
                           {"meaningful", "meaningful"},
                           {"meaningful_reason", "他組織の状況が分かった"},
                           {"time", "right"},
                           {"exchange", "promoted"}};

TEST_F(SurveyServiceTest, TemplateBecomesADraftThatNobodyCanAnswer) {
    auto created = Service().CreateFromTemplate(exercise_id_, "feedback_session", std::nullopt, actor_);
    ASSERT_TRUE(created) << created.error().message;
    EXPECT_EQ(StateAt(created->definition, clock_.Now()), SurveyState::kDraft);
    EXPECT_EQ(created->definition.questions.size(), 8u);
    auto answered = Service().Respond(exercise_id_, created->id, {org_a_, lead_a_, true}, kJoined, actor_);
    ASSERT_FALSE(answered);
    EXPECT_EQ(answered.error().code, ErrorCode::kNotFound);
    // The same template twice needs another code.
    auto again = Service().CreateFromTemplate(exercise_id_, "feedback_session", std::nullopt, actor_);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kConflict);
    EXPECT_EQ(again.error().field, "code");
    EXPECT_TRUE(Service().CreateFromTemplate(exercise_id_, "feedback_session", "feedback_2", actor_));
}

TEST_F(SurveyServiceTest, SurveysBelongToTheirExercise) {
    auto survey = OpenFeedback();
    auto other = Service().Get(other_exercise_id_, survey.id);
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
}

TEST_F(SurveyServiceTest, AnsweringWindowIsEnforcedWithAClearError) {
    auto survey = OpenFeedback();
    auto definition = survey.definition;
    definition.opens_at = "2023-12-20T00:00:00Z";
    definition.closes_at = "2023-12-31T00:00:00Z";
    ASSERT_TRUE(Service().Update(exercise_id_, survey.id, definition, actor_));
    auto early = Service().Respond(exercise_id_, survey.id, {org_a_, lead_a_, true}, kJoined, actor_);
    auto close_early = Service().Close(exercise_id_, survey.id, actor_);
    ASSERT_FALSE(close_early);
    EXPECT_EQ(close_early.error().field, "status");
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().code, ErrorCode::kConflict);
    EXPECT_NE(early.error().message.find("opens at 2023-12-20"), std::string::npos);
    clock_.Set(testing::At("2024-01-05T00:00:00Z"));
    auto late = Service().Respond(exercise_id_, survey.id, {org_a_, lead_a_, true}, kJoined, actor_);
    ASSERT_FALSE(late);
    EXPECT_NE(late.error().message.find("closed at"), std::string::npos);
    ASSERT_TRUE(Service().Open(exercise_id_, survey.id, actor_));
    EXPECT_TRUE(Service().Respond(exercise_id_, survey.id, {org_a_, lead_a_, true}, kJoined, actor_));
    ASSERT_TRUE(Service().Close(exercise_id_, survey.id, actor_));
    auto closed = Service().Respond(exercise_id_, survey.id, {org_b_, lead_b_, true}, kJoined, actor_);
    ASSERT_FALSE(closed);
    EXPECT_EQ(closed.error().field, "status");
}

TEST_F(SurveyServiceTest, OrganisationSurveysAreAnsweredOnceByTheLead) {
    auto survey = OpenFeedback();
    auto participant = Service().Respond(exercise_id_, survey.id, {org_a_, member_a_, false}, kJoined, actor_);
    ASSERT_FALSE(participant);
    EXPECT_EQ(participant.error().code, ErrorCode::kForbidden);
    ASSERT_TRUE(Service().Respond(exercise_id_, survey.id, {org_a_, lead_a_, true}, kJoined, actor_));
    auto twice = Service().Respond(exercise_id_, survey.id, {org_a_, lead_a_, true}, kJoined, actor_);
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
    EXPECT_TRUE(*Service().HasAnswered(survey.id, Respondent::kOrganisation, {org_a_, member_a_, false}));
    EXPECT_FALSE(*Service().HasAnswered(survey.id, Respondent::kOrganisation, {org_b_, lead_b_, true}));
}

TEST_F(SurveyServiceTest, InvalidAnswersStoreNothing) {
    auto survey = OpenFeedback();
    AnswerMap missing = kJoined;
    missing.erase("time");
    auto answered = Service().Respond(exercise_id_, survey.id, {org_a_, lead_a_, true}, missing, actor_);
    ASSERT_FALSE(answered);
    EXPECT_EQ(answered.error().field, "answers.time");
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM survey_participation"), 0);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM survey_response"), 0);
}

TEST_F(SurveyServiceTest, AnonymousResponsesKeepNoAuthor) {
    auto survey = OpenFeedback();
    ASSERT_TRUE(Service().Respond(exercise_id_, survey.id, {org_a_, lead_a_, true}, kJoined, actor_));
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM survey_response WHERE organisation_id IS NOT NULL OR person_id IS NOT "
                     "NULL"),
              0);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM survey_response WHERE submitted_on = '2023-12-14' AND sector_code = "
                     "'electricity'"),
              1);
    EXPECT_EQ(
        Scalar("SELECT COUNT(*) FROM survey_participation WHERE organisation_id = $1 AND person_id = 0", {org_a_}), 1);
    // The audit entry names the survey, not the response.
    const std::int64_t response_id = Scalar("SELECT id FROM survey_response");
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE entity_id = $1", {std::to_string(response_id)}), 0);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'survey.respond' AND entity_type = 'survey'"), 1);
    auto named = Service().NamedResponses(exercise_id_, survey.id);
    ASSERT_FALSE(named);
    EXPECT_EQ(named.error().code, ErrorCode::kForbidden);
    // No hidden insertion order that would pair the n-th answer with the n-th participation.
    for (const std::string table : {"survey_answer", "survey_participation"}) {
        auto read = database_->Read([&](db::Connection& connection) -> Status {
            auto rows = connection.Query("SELECT rowid FROM " + table);
            if (rows) return Fail(ErrorCode::kInternal, table + " keeps a rowid");
            return Ok();
        });
        EXPECT_TRUE(read) << table;
    }
}

TEST_F(SurveyServiceTest, QuestionsAreFrozenOnceAnswered) {
    auto survey = OpenFeedback();
    auto definition = survey.definition;
    definition.questions[0].text_ja = "変更";
    ASSERT_TRUE(Service().Update(exercise_id_, survey.id, definition, actor_));
    ASSERT_TRUE(Service().Respond(exercise_id_, survey.id, {org_a_, lead_a_, true}, kJoined, actor_));
    definition.questions[0].text_ja = "再変更";
    auto frozen = Service().Update(exercise_id_, survey.id, definition, actor_);
    ASSERT_FALSE(frozen);
    EXPECT_EQ(frozen.error().code, ErrorCode::kConflict);
    EXPECT_EQ(frozen.error().field, "questions");
    definition.questions[0].text_ja = "変更";
    definition.title_ja = "新しい題名";
    definition.closes_at = "2024-01-31T00:00:00Z";
    auto retitled = Service().Update(exercise_id_, survey.id, definition, actor_);
    ASSERT_TRUE(retitled) << retitled.error().message;
    EXPECT_EQ(retitled->definition.title_ja, "新しい題名");
}

TEST_F(SurveyServiceTest, ResultsCountAnswersAndResponseRates) {
    auto survey = OpenFeedback();
    ASSERT_TRUE(Service().Respond(exercise_id_, survey.id, {org_a_, lead_a_, true}, kJoined, actor_));
    ASSERT_TRUE(Service().Respond(exercise_id_, survey.id, {org_b_, lead_b_, true},
                                  {{"joined", "not_joined"},
                                   {"not_joined_reasons", {"business", "other"}},
                                   {"not_joined_other", "日程が合わなかった"}},
                                  actor_));
    auto results = Service().Results(exercise_id_, survey.id, {true, {}});
    ASSERT_TRUE(results) << results.error().message;
    EXPECT_EQ((*results)["responses"], 2);
    EXPECT_EQ((*results)["questions"][0]["options"][0]["count"], 1);
    EXPECT_EQ((*results)["questions"][0]["options"][0]["percent"], 50.0);
    EXPECT_EQ((*results)["response_rates"]["total"]["answered"], 2);
    EXPECT_EQ((*results)["response_rates"]["total"]["eligible"], 2);
    // A ministry sees only its sectors; below the minimum group size nothing per question.
    auto ministry = Service().Results(exercise_id_, survey.id, {false, {"meti"}});
    ASSERT_TRUE(ministry);
    EXPECT_EQ((*ministry)["responses"], 1);
    EXPECT_TRUE((*ministry)["suppressed"].get<bool>());
    EXPECT_TRUE((*ministry)["questions"].empty());
    EXPECT_TRUE((*ministry)["response_rates"]["sectors"][0]["suppressed"].get<bool>());
    EXPECT_TRUE((*ministry)["response_rates"]["organisations"].empty());
}

TEST_F(SurveyServiceTest, NamedPersonSurveysListWhoAnsweredWhat) {
    auto survey = Service().CreateFromTemplate(exercise_id_, "exercise_day", std::nullopt, actor_);
    ASSERT_TRUE(survey) << survey.error().message;
    auto definition = survey->definition;
    definition.anonymity = Anonymity::kNamed;
    ASSERT_TRUE(Service().Update(exercise_id_, survey->id, definition, actor_));
    ASSERT_TRUE(Service().Open(exercise_id_, survey->id, actor_));
    const AnswerMap answers = {{"mode", "venue"}, {"meaningful", "meaningful"}, {"scenario_realism", "realistic"},
                               {"time", "right"}, {"issues_found", "none"},     {"preparation_hours", 12}};
    ASSERT_TRUE(Service().Respond(exercise_id_, survey->id, {org_a_, member_a_, false}, answers, actor_));
    ASSERT_TRUE(Service().Respond(exercise_id_, survey->id, {org_a_, lead_a_, true}, answers, actor_));
    auto named = Service().NamedResponses(exercise_id_, survey->id);
    ASSERT_TRUE(named) << named.error().message;
    ASSERT_EQ(named->size(), 2u);
    EXPECT_EQ((*named)[0].organisation_name, "電力A");
    EXPECT_EQ((*named)[0].answers.at("preparation_hours"), 12);
    auto results = Service().Results(exercise_id_, survey->id, {true, {}});
    ASSERT_TRUE(results);
    // Person survey: 3 eligible people, 2 answered.
    EXPECT_EQ((*results)["response_rates"]["total"]["eligible"], 3);
    EXPECT_EQ((*results)["response_rates"]["total"]["answered"], 2);
}

TEST_F(SurveyServiceTest, DeleteRemovesAnswersAndIsAudited) {
    auto survey = OpenFeedback();
    ASSERT_TRUE(Service().Respond(exercise_id_, survey.id, {org_a_, lead_a_, true}, kJoined, actor_));
    ASSERT_TRUE(Service().Delete(exercise_id_, survey.id, actor_));
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM survey_answer"), 0);
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'survey.delete'"), 1);
    EXPECT_FALSE(Service().Delete(exercise_id_, survey.id, actor_));
}

}  // namespace
}  // namespace enshu::evaluation
