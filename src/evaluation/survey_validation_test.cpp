// Survey definition and answer validation, show-if visibility, and the bundled templates.

#include "evaluation/survey_validation.hpp"

#include <gtest/gtest.h>

#include "evaluation/survey_templates.hpp"

namespace enshu::evaluation {
namespace {

SurveyQuestion Choice(const std::string& code, QuestionKind kind, std::vector<std::string> option_codes,
                      bool required = false) {
    SurveyQuestion question;
    question.code = code;
    question.kind = kind;
    question.text_ja = "質問 " + code;
    question.required = required;
    for (const auto& option : option_codes) question.options.push_back({option, "選択肢 " + option, option});
    return question;
}

SurveyQuestion Plain(const std::string& code, QuestionKind kind, bool required = false) {
    SurveyQuestion question;
    question.code = code;
    question.kind = kind;
    question.text_ja = "質問 " + code;
    question.required = required;
    return question;
}

// joined (yes/no) → why (shown for yes, required) ; reasons (multiple, for no) → other text (for "other").
SurveyDefinition Sample() {
    SurveyDefinition definition;
    definition.code = "sample";
    definition.title_ja = "サンプル";
    definition.questions.push_back(Choice("joined", QuestionKind::kSingleChoice, {"yes", "no"}, true));
    SurveyQuestion why = Plain("why", QuestionKind::kFreeText, true);
    why.show_if = ShowIf{"joined", {"yes"}};
    definition.questions.push_back(why);
    SurveyQuestion reasons = Choice("reasons", QuestionKind::kMultipleChoice, {"busy", "other"}, true);
    reasons.show_if = ShowIf{"joined", {"no"}};
    definition.questions.push_back(reasons);
    SurveyQuestion other = Plain("other_text", QuestionKind::kFreeText, true);
    other.show_if = ShowIf{"reasons", {"other"}};
    definition.questions.push_back(other);
    SurveyQuestion hours = Plain("hours", QuestionKind::kNumber);
    hours.number_min = 0;
    hours.number_max = 100;
    definition.questions.push_back(hours);
    definition.questions.push_back(Choice("rating", QuestionKind::kLikert, {"good", "fair", "poor"}));
    return definition;
}

std::string FieldOf(const Status& status) { return status ? std::string("<ok>") : status.error().field; }

template <typename T>
std::string FieldOf(const Result<T>& result) {
    return result ? std::string("<ok>") : result.error().field;
}

TEST(SurveyDefinitionValidation, AcceptsTheSample) { EXPECT_TRUE(ValidateSurveyDefinition(Sample())); }

TEST(SurveyDefinitionValidation, RejectsDuplicateQuestionCodes) {
    auto definition = Sample();
    definition.questions[4].code = "joined";
    EXPECT_EQ(FieldOf(ValidateSurveyDefinition(definition)), "questions[4].code");
}

TEST(SurveyDefinitionValidation, RejectsBadCodes) {
    auto definition = Sample();
    definition.code = "Bad Code";
    EXPECT_EQ(FieldOf(ValidateSurveyDefinition(definition)), "code");
    definition = Sample();
    definition.questions[0].options[1].code = "yes";
    EXPECT_EQ(FieldOf(ValidateSurveyDefinition(definition)), "questions[0].options[1].code");
}

TEST(SurveyDefinitionValidation, ChoiceQuestionsNeedOptionsOthersMustNotHaveThem) {
    auto definition = Sample();
    definition.questions[0].options.resize(1);
    EXPECT_EQ(FieldOf(ValidateSurveyDefinition(definition)), "questions[0].options");
    definition = Sample();
    definition.questions[1].options.push_back({"x", "x", "x"});
    EXPECT_EQ(FieldOf(ValidateSurveyDefinition(definition)), "questions[1].options");
    definition = Sample();
    definition.questions[5].options.clear();
    for (int i = 0; i < 31; ++i) definition.questions[5].options.push_back({"o" + std::to_string(i), "o", ""});
    EXPECT_EQ(FieldOf(ValidateSurveyDefinition(definition)), "questions[5].options");
}

TEST(SurveyDefinitionValidation, ShowIfMustReferToAnEarlierChoiceQuestionAndItsOptions) {
    auto definition = Sample();
    definition.questions[1].show_if = ShowIf{"rating", {"good"}};  // later question
    EXPECT_EQ(FieldOf(ValidateSurveyDefinition(definition)), "questions[1].show_if.question");
    definition = Sample();
    definition.questions[4].show_if = ShowIf{"why", {"x"}};  // free text
    EXPECT_EQ(FieldOf(ValidateSurveyDefinition(definition)), "questions[4].show_if.question");
    definition = Sample();
    definition.questions[1].show_if = ShowIf{"joined", {"maybe"}};
    EXPECT_EQ(FieldOf(ValidateSurveyDefinition(definition)), "questions[1].show_if.any_of[0]");
    definition = Sample();
    definition.questions[1].show_if = ShowIf{"joined", {}};
    EXPECT_EQ(FieldOf(ValidateSurveyDefinition(definition)), "questions[1].show_if.any_of");
}

TEST(SurveyDefinitionValidation, NumberRangeAndLimits) {
    auto definition = Sample();
    definition.questions[4].number_min = 10;
    definition.questions[4].number_max = 5;
    EXPECT_EQ(FieldOf(ValidateSurveyDefinition(definition)), "questions[4].number_max");
    definition = Sample();
    definition.questions[0].number_min = 1;
    EXPECT_EQ(FieldOf(ValidateSurveyDefinition(definition)), "questions[0].number_min");
    definition = Sample();
    definition.questions.clear();
    EXPECT_EQ(FieldOf(ValidateSurveyDefinition(definition)), "questions");
    definition = Sample();
    definition.questions[0].text_ja = std::string(1001, 'a');
    EXPECT_EQ(FieldOf(ValidateSurveyDefinition(definition)), "questions[0].text.ja");
    definition = Sample();
    definition.title_ja = "";
    EXPECT_EQ(FieldOf(ValidateSurveyDefinition(definition)), "title.ja");
}

TEST(SurveyDefinitionValidation, WindowMustBeOrdered) {
    auto definition = Sample();
    definition.opens_at = "2023-12-14T00:00:00Z";
    definition.closes_at = "2023-12-13T00:00:00Z";
    EXPECT_EQ(FieldOf(ValidateSurveyDefinition(definition)), "closes_at");
    definition.closes_at = "tomorrow";
    EXPECT_EQ(FieldOf(ValidateSurveyDefinition(definition)), "closes_at");
}

TEST(SurveyDefinitionJson, RoundTripsAndNamesNestedFields) {
    const auto json = SurveyDefinitionJson(Sample());
    auto parsed = ParseSurveyDefinition(json);
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(SurveyDefinitionJson(*parsed), json);
    auto broken = json;
    broken["questions"][2]["options"][1]["code"] = 7;
    EXPECT_EQ(FieldOf(ParseSurveyDefinition(broken)), "questions[2].options[1].code");
    broken = json;
    broken["questions"][0]["colour"] = "red";
    EXPECT_EQ(FieldOf(ParseSurveyDefinition(broken)), "questions[0].colour");
    broken = json;
    broken["questions"][0]["kind"] = "essay";
    EXPECT_EQ(FieldOf(ParseSurveyDefinition(broken)), "questions[0].kind");
}

TEST(SurveyVisibility, HidingCascadesThroughShowIf) {
    const auto definition = Sample();
    auto visible = VisibleQuestions(definition, {{"joined", "no"}, {"reasons", nlohmann::json::array({"other"})}});
    EXPECT_EQ(visible, (std::set<std::string>{"joined", "reasons", "other_text", "hours", "rating"}));
    // "reasons" is hidden when joined = yes, so "other_text" is hidden too even if reasons says "other".
    visible = VisibleQuestions(definition, {{"joined", "yes"}, {"reasons", nlohmann::json::array({"other"})}});
    EXPECT_EQ(visible, (std::set<std::string>{"joined", "why", "hours", "rating"}));
}

TEST(SurveyAnswerValidation, AcceptsAValidSetAndDropsEmptyAnswers) {
    auto stored =
        ValidateAnswers(Sample(), {{"joined", "yes"}, {"why", "良かった"}, {"hours", 3.5}, {"rating", nullptr}});
    ASSERT_TRUE(stored) << stored.error().message;
    EXPECT_EQ(stored->size(), 3u);
    EXPECT_FALSE(stored->count("rating"));
}

TEST(SurveyAnswerValidation, RequiredUnlessHidden) {
    EXPECT_EQ(FieldOf(ValidateAnswers(Sample(), {{"joined", "yes"}})), "answers.why");
    EXPECT_EQ(FieldOf(ValidateAnswers(Sample(), {{"joined", "yes"}, {"why", "   "}})), "answers.why");
    EXPECT_TRUE(ValidateAnswers(Sample(), {{"joined", "no"}, {"reasons", nlohmann::json::array({"busy"})}}));
    EXPECT_EQ(FieldOf(ValidateAnswers(Sample(), {{"joined", "no"}, {"reasons", nlohmann::json::array({"other"})}})),
              "answers.other_text");
    EXPECT_EQ(FieldOf(ValidateAnswers(Sample(), {})), "answers.joined");
}

TEST(SurveyAnswerValidation, HiddenQuestionsMustBeEmpty) {
    EXPECT_EQ(FieldOf(ValidateAnswers(Sample(), {{"joined", "yes"}, {"why", "x"}, {"reasons", {"busy"}}})),
              "answers.reasons");
}

TEST(SurveyAnswerValidation, ChoicesNumbersAndTextAreChecked) {
    const auto base = AnswerMap{{"joined", "yes"}, {"why", "x"}};
    auto with = [&](const std::string& code, nlohmann::json value) {
        AnswerMap answers = base;
        answers[code] = std::move(value);
        return ValidateAnswers(Sample(), answers);
    };
    EXPECT_EQ(FieldOf(with("joined", "maybe")), "answers.joined");
    EXPECT_EQ(FieldOf(with("joined", 1)), "answers.joined");
    EXPECT_EQ(FieldOf(with("rating", "excellent")), "answers.rating");
    EXPECT_EQ(FieldOf(with("hours", 101)), "answers.hours");
    EXPECT_EQ(FieldOf(with("hours", -1)), "answers.hours");
    EXPECT_EQ(FieldOf(with("hours", "3")), "answers.hours");
    EXPECT_EQ(FieldOf(with("why", std::string(4001, 'a'))), "answers.why");
    EXPECT_TRUE(with("why", std::string(4000, 'a')));
    EXPECT_EQ(FieldOf(with("unknown", "x")), "answers.unknown");
    AnswerMap twice = {{"joined", "no"}, {"reasons", {"busy", "busy"}}};
    EXPECT_EQ(FieldOf(ValidateAnswers(Sample(), twice)), "answers.reasons");
}

TEST(SurveyAnswerValidation, ParseAnswersNeedsAnObject) {
    EXPECT_EQ(FieldOf(ParseAnswers(nlohmann::json{{"answers", {1, 2}}})), "answers");
    EXPECT_EQ(FieldOf(ParseAnswers(nlohmann::json{{"answer", nlohmann::json::object()}})), "answer");
    auto parsed = ParseAnswers(nlohmann::json{{"answers", {{"joined", "yes"}}}});
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->at("joined"), "yes");
}

TEST(SurveyTemplates, TheThreeSeedSurveysParseAndValidate) {
    auto templates = SurveyTemplates();
    ASSERT_TRUE(templates) << templates.error().message;
    ASSERT_EQ(templates->size(), 3u);
    std::set<std::string> codes;
    for (const auto& definition : *templates) codes.insert(definition.code);
    EXPECT_EQ(codes, (std::set<std::string>{"exercise_day", "feedback_session", "roundtable"}));
}

TEST(SurveyTemplates, FeedbackSessionHasTheReportsOptions) {
    auto feedback = SurveyTemplate("feedback_session");
    ASSERT_TRUE(feedback) << feedback.error().message;
    const auto find = [&](const std::string& code) -> const SurveyQuestion& {
        for (const auto& question : feedback->questions) {
            if (question.code == code) return question;
        }
        throw std::runtime_error("missing " + code);
    };
    const auto& meaningful = find("meaningful");
    ASSERT_EQ(meaningful.options.size(), 3u);
    EXPECT_EQ(meaningful.options[0].label_ja, "有意義だった");
    EXPECT_EQ(meaningful.options[1].label_ja, "どちらともいえない");
    EXPECT_EQ(meaningful.options[2].label_ja, "有意義ではなかった");
    const auto& time = find("time");
    EXPECT_EQ(time.options[0].label_ja, "ちょうどよい");
    EXPECT_EQ(time.options[1].label_ja, "長い");
    EXPECT_EQ(time.options[2].label_ja, "短い");
    const auto& other = find("not_joined_other");
    ASSERT_TRUE(other.show_if);
    EXPECT_EQ(other.show_if->question, "not_joined_reasons");
    // Someone who did not join answers only the reasons.
    EXPECT_TRUE(ValidateAnswers(*feedback, {{"joined", "not_joined"}, {"not_joined_reasons", {"business"}}}));
    EXPECT_EQ(FieldOf(SurveyTemplate("nope")), "template");
}

}  // namespace
}  // namespace enshu::evaluation
