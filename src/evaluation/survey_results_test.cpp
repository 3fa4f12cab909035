// Aggregation of answers (counts, shares with their denominators, sorted free text) and
// response rates with small-group suppression.

#include "evaluation/survey_results.hpp"

#include <gtest/gtest.h>

namespace enshu::evaluation {
namespace {

SurveyDefinition Definition() {
    SurveyDefinition definition;
    definition.code = "s";
    definition.title_ja = "s";
    SurveyQuestion meaningful;
    meaningful.code = "meaningful";
    meaningful.kind = QuestionKind::kLikert;
    meaningful.text_ja = "有意義であったか";
    meaningful.options = {{"yes", "有意義", ""}, {"neutral", "どちらでもない", ""}, {"no", "有意義でなかった", ""}};
    SurveyQuestion reasons;
    reasons.code = "reasons";
    reasons.kind = QuestionKind::kMultipleChoice;
    reasons.text_ja = "理由";
    reasons.options = {{"a", "a", ""}, {"b", "b", ""}};
    SurveyQuestion hours;
    hours.code = "hours";
    hours.kind = QuestionKind::kNumber;
    hours.text_ja = "時間";
    SurveyQuestion why;
    why.code = "why";
    why.kind = QuestionKind::kFreeText;
    why.text_ja = "なぜ";
    definition.questions = {meaningful, reasons, hours, why};
    return definition;
}

TEST(SharePerMille, RoundsHalfAwayFromZeroInIntegers) {
    EXPECT_EQ(SharePerMille(71, 79), 899);  // 89.873 → 89.9 (the 2023 feedback survey)
    EXPECT_EQ(SharePerMille(6, 79), 76);    // 7.59 → 7.6
    EXPECT_EQ(SharePerMille(2, 79), 25);    // 2.53 → 2.5
    EXPECT_EQ(SharePerMille(1, 8), 125);    // exactly 12.5
    EXPECT_EQ(SharePerMille(1, 2000), 1);   // 0.05 → 0.1
    EXPECT_EQ(SharePerMille(1, 0), std::nullopt);
}

TEST(AggregateAnswers, ReproducesTheFeedbackSurveyShares) {
    std::vector<AnswerMap> responses;
    for (int i = 0; i < 71; ++i) responses.push_back({{"meaningful", "yes"}});
    for (int i = 0; i < 6; ++i) responses.push_back({{"meaningful", "neutral"}});
    for (int i = 0; i < 2; ++i) responses.push_back({{"meaningful", "no"}});
    responses.push_back({});  // answered nothing: not in the denominator
    const auto results = AggregateAnswers(Definition(), responses);
    EXPECT_EQ(results.responses, 80);
    const auto& meaningful = results.questions[0];
    EXPECT_EQ(meaningful.answered, 79);
    EXPECT_EQ(meaningful.options[0].per_mille, 899);
    EXPECT_EQ(meaningful.options[1].per_mille, 76);
    EXPECT_EQ(meaningful.options[2].per_mille, 25);
    const auto json = SurveyResultsJson(results);
    EXPECT_DOUBLE_EQ(json["questions"][0]["options"][0]["percent"].get<double>(), 89.9);
    EXPECT_EQ(json["questions"][0]["options"][0]["denominator"], 79);
}

TEST(AggregateAnswers, MultipleChoiceNumbersAndSortedTexts) {
    std::vector<AnswerMap> responses = {
        {{"reasons", {"a", "b"}}, {"hours", 2}, {"why", "ゆ"}},
        {{"reasons", {"a"}}, {"hours", 4}, {"why", "あ"}},
        {{"hours", 9}, {"why", "か"}},
    };
    const auto results = AggregateAnswers(Definition(), responses);
    const auto& reasons = results.questions[1];
    EXPECT_EQ(reasons.answered, 2);
    EXPECT_EQ(reasons.options[0].count, 2);
    EXPECT_EQ(reasons.options[0].per_mille, 1000);
    EXPECT_EQ(reasons.options[1].per_mille, 500);
    const auto& hours = results.questions[2];
    ASSERT_TRUE(hours.numbers);
    EXPECT_EQ(hours.numbers->minimum, 2);
    EXPECT_EQ(hours.numbers->maximum, 9);
    EXPECT_EQ(hours.numbers->mean, 5.0);
    EXPECT_EQ(hours.numbers->median, 4);
    EXPECT_EQ(results.questions[3].texts, (std::vector<std::string>{"あ", "か", "ゆ"}));
}

std::vector<EligibleOrganisation> Organisations() {
    std::vector<EligibleOrganisation> organisations;
    for (int i = 1; i <= 6; ++i) organisations.push_back({i, "電力" + std::to_string(i), "electricity", 3});
    organisations.push_back({7, "鉄道", "railway", 2});
    return organisations;
}

TEST(ResponseRates, PerOrganisationSurveys) {
    const auto rates =
        ComputeResponseRates(Respondent::kOrganisation, Organisations(), {{1, 0}, {2, 0}, {7, 0}}, SmallGroups::kShow);
    EXPECT_EQ(rates.total.eligible, 7);
    EXPECT_EQ(rates.total.answered, 3);
    ASSERT_EQ(rates.sectors.size(), 2u);
    EXPECT_EQ(rates.sectors[0].sector_code, "electricity");
    EXPECT_EQ(rates.sectors[0].rate.eligible, 6);
    EXPECT_EQ(rates.sectors[0].rate.answered, 2);
    EXPECT_EQ(rates.sectors[0].rate.per_mille, 333);
    EXPECT_FALSE(rates.sectors[1].suppressed);
    EXPECT_EQ(rates.organisations.size(), 7u);
}

TEST(ResponseRates, PerPersonSurveysCountPeople) {
    const auto rates =
        ComputeResponseRates(Respondent::kPerson, Organisations(), {{1, 11}, {1, 12}, {2, 21}}, SmallGroups::kShow);
    EXPECT_EQ(rates.total.eligible, 20);
    EXPECT_EQ(rates.total.answered, 3);
    EXPECT_EQ(rates.sectors[0].organisation_rate.answered, 2);
    EXPECT_EQ(rates.sectors[0].rate.answered, 3);
}

TEST(ResponseRates, MinistryViewSuppressesSmallSectors) {
    const auto rates =
        ComputeResponseRates(Respondent::kOrganisation, Organisations(), {{7, 0}}, SmallGroups::kSuppress);
    ASSERT_EQ(rates.sectors.size(), 2u);
    EXPECT_FALSE(rates.sectors[0].suppressed);  // 6 electricity organisations
    EXPECT_TRUE(rates.sectors[1].suppressed);   // 1 railway organisation < kMinimumGroupSize
    const auto json = ResponseRatesJson(rates);
    EXPECT_TRUE(json["sectors"][1]["rate"].is_null());
    for (const auto& row : json["organisations"]) EXPECT_NE(row["sector_code"], "railway");
}

}  // namespace
}  // namespace enshu::evaluation
