// Expected figures are computed by hand in the comments (independently of the code).

#include "core/report_aggregate.hpp"

#include <gtest/gtest.h>

namespace enshu::report {
namespace {

AnswerScale Organised() {
    return {{"organised", {"organised", true, std::nullopt, false}},
            {"in_progress", {"in_progress", false, std::nullopt, false}},
            {"not_organised", {"not_organised", false, std::nullopt, false}},
            {"no_answer", {"no_answer", false, std::nullopt, true}}};
}

AnswerScale Degree() {
    return {{"fully", {"fully", true, 100.0, false}},
            {"mostly", {"mostly", true, 75.0, false}},
            {"half", {"half", false, 50.0, false}},
            {"partly", {"partly", false, 25.0, false}},
            {"not_at_all", {"not_at_all", false, 0.0, false}},
            {"no_answer", {"no_answer", false, std::nullopt, true}}};
}

AnswerScale FourLevel() {
    return {{"very_well", {"very_well", true, std::nullopt, false}},
            {"well", {"well", true, std::nullopt, false}},
            {"not_well", {"not_well", false, std::nullopt, false}},
            {"hardly", {"hardly", false, std::nullopt, false}},
            {"no_answer", {"no_answer", false, std::nullopt, true}}};
}

TEST(ReadinessAggregateTest, ShareCountsNoAnswerInTheDenominator) {
    // 3 yes of 5 answers (one "no answer") = 60.0 %.
    auto figure = AggregateReadiness(Measure::kShare, Organised(),
                                     {"organised", "organised", "in_progress", "no_answer", "organised"});
    EXPECT_EQ(figure.answers, 5);
    EXPECT_EQ(figure.yes, 3);
    EXPECT_EQ(figure.no_answer, 1);
    EXPECT_EQ(figure.denominator, 5);
    EXPECT_EQ(figure.per_mille, 600);
}

TEST(ReadinessAggregateTest, UnknownCodeCountsAsNoAnswer) {
    auto figure = AggregateReadiness(Measure::kShare, Organised(), {"organised", "bogus"});
    EXPECT_EQ(figure.no_answer, 1);
    EXPECT_EQ(figure.per_mille, 500);  // 1 of 2
}

TEST(ReadinessAggregateTest, AverageDegreeExcludesNoAnswer) {
    // (100 + 75 + 50) / 3 = 75.0 %; "no answer" is not in the denominator.
    auto figure = AggregateReadiness(Measure::kAverageDegree, Degree(), {"fully", "mostly", "half", "no_answer"});
    EXPECT_EQ(figure.denominator, 3);
    EXPECT_EQ(figure.per_mille, 750);
    // Seed-like 83.3 %: (100 + 100 + 75 × 4) / 6 = 500 / 6 = 83.33…
    auto seed = AggregateReadiness(Measure::kAverageDegree, Degree(),
                                   {"fully", "fully", "mostly", "mostly", "mostly", "mostly"});
    EXPECT_EQ(seed.per_mille, 833);
    // (100 + 100 + 75) / 3 = 91.666… -> 91.7 %.
    EXPECT_EQ(AggregateReadiness(Measure::kAverageDegree, Degree(), {"fully", "fully", "mostly"}).per_mille, 917);
    // (100 + 75) / 2 = 87.5 exactly.
    EXPECT_EQ(AggregateReadiness(Measure::kAverageDegree, Degree(), {"fully", "mostly"}).per_mille, 875);
}

TEST(ReadinessAggregateTest, NothingAnsweredIsNoFigure) {
    EXPECT_EQ(AggregateReadiness(Measure::kShare, Organised(), {}).per_mille, std::nullopt);
    EXPECT_EQ(AggregateReadiness(Measure::kAverageDegree, Degree(), {"no_answer"}).per_mille, std::nullopt);
}

TEST(ObjectiveAggregateTest, CouldCouldNotAndNoAnswerPerSetting) {
    std::vector<ObjectiveRatings> ratings = {
        {1, {"very_well", "well", "well"}},            // could, could, could
        {1, {"well", "not_well", "hardly"}},           // could, not, not
        {1, {"very_well", "very_well", "no_answer"}},  // could, could, none
        {1, {"hardly", "", "hardly"}},                 // not, none (unrated), not
        {1, {"well", "well", "not_well"}},             // could, could, not
        {2, {"well", "well", "well"}},                 // another objective
        {11, {"well", "well", "well"}},                // not asked for: ignored
    };
    auto figures = AggregateObjectives({1, 2, 3}, FourLevel(), ratings);
    ASSERT_EQ(figures.size(), 3u);
    const ObjectiveFigure& first = figures[0];
    EXPECT_EQ(first.respondents, 5);
    // ①: 4 could, 1 could not, 0 none -> 80.0 / 20.0 / 0.0
    EXPECT_EQ(first.CouldPerMille(0), 800);
    EXPECT_EQ(first.CouldNotPerMille(0), 200);
    EXPECT_EQ(first.NoAnswerPerMille(0), 0);
    // ②: 3 / 1 / 1 -> 60.0 / 20.0 / 20.0
    EXPECT_EQ(first.CouldPerMille(1), 600);
    EXPECT_EQ(first.CouldNotPerMille(1), 200);
    EXPECT_EQ(first.NoAnswerPerMille(1), 200);
    // ③: 1 / 3 / 1 -> 20.0 / 60.0 / 20.0
    EXPECT_EQ(first.CouldPerMille(2), 200);
    EXPECT_EQ(first.CouldNotPerMille(2), 600);
    EXPECT_EQ(first.NoAnswerPerMille(2), 200);
    EXPECT_EQ(first.DropPerMille(), 600);       // (4 − 1) / 5
    EXPECT_EQ(first.MeanCouldPerMille(), 533);  // 8 / 15 = 53.33…
    EXPECT_EQ(figures[1].respondents, 1);
    EXPECT_EQ(figures[2].respondents, 0);
    EXPECT_EQ(figures[2].CouldPerMille(0), std::nullopt);
}

ObjectiveFigure Figure(int id, std::int64_t respondents, std::int64_t first, std::int64_t second, std::int64_t third) {
    ObjectiveFigure figure{id, respondents, {}};
    figure.settings[0].could = first;
    figure.settings[1].could = second;
    figure.settings[2].could = third;
    return figure;
}

// Counts chosen so that the statements match the 2023 report (lowest 6, 8; smallest drop
// 3, 6; largest drop 2, 4, 5). Means and drops per objective (of 10):
// 1: 800/200, 2: 633/500, 3: 800/0, 4: 667/400, 5: 700/400, 6: 500/0, 7: 733/100,
// 8: 500/200, 9: 867/100.
std::vector<ObjectiveFigure> SeedShapedFigures() {
    return {Figure(1, 10, 9, 8, 7), Figure(2, 10, 9, 6, 4), Figure(3, 10, 8, 8, 8),
            Figure(4, 10, 9, 6, 5), Figure(5, 10, 9, 7, 5), Figure(6, 10, 5, 5, 5),
            Figure(7, 10, 8, 7, 7), Figure(8, 10, 6, 5, 4), Figure(9, 10, 9, 9, 8)};
}

TEST(ObjectiveFindingsTest, ReproducesTheSeedStatements) {
    auto findings = FindObjectiveFindings(SeedShapedFigures(), 5);
    EXPECT_EQ(findings.lowest, (std::vector<int>{6, 8}));
    EXPECT_EQ(findings.smallest_drop, (std::vector<int>{3, 6}));
    EXPECT_EQ(findings.largest_drop, (std::vector<int>{2, 4, 5}));
}

TEST(ObjectiveFindingsTest, TiesAtTheCutAreIncludedAndSmallGroupsLeftOut) {
    auto figures = SeedShapedFigures();
    figures[6] = Figure(7, 10, 8, 6, 4);         // drop 400 ties with 4 and 5; mean 18/30 = 600
    figures.push_back(Figure(10, 10, 0, 0, 0));  // own objectives never count
    auto findings = FindObjectiveFindings(figures, 5);
    EXPECT_EQ(findings.largest_drop, (std::vector<int>{2, 4, 5, 7}));
    figures[5] = Figure(6, 4, 1, 1, 1);  // below the minimum of 5 respondents
    findings = FindObjectiveFindings(figures, 5);
    EXPECT_EQ(findings.lowest, (std::vector<int>{7, 8}));  // 7: 600 ties? no: 8 = 500, 7 = 600, 2 = 633
    EXPECT_TRUE(FindObjectiveFindings({}, 5).lowest.empty());
}

TEST(ChoiceAggregateTest, SeedFeedbackSurvey) {
    std::vector<std::string> values;
    for (int i = 0; i < 71; ++i) values.push_back("\"meaningful\"");
    for (int i = 0; i < 6; ++i) values.push_back("\"neutral\"");
    for (int i = 0; i < 2; ++i) values.push_back("\"not_meaningful\"");
    auto figure = AggregateChoice({"meaningful", "neutral", "not_meaningful"}, values);
    EXPECT_EQ(figure.respondents, 79);
    EXPECT_EQ(figure.options[0].per_mille, 899);
    EXPECT_EQ(figure.options[1].per_mille, 76);
    EXPECT_EQ(figure.options[2].per_mille, 25);
}

TEST(ChoiceAggregateTest, MultipleChoiceCountsEachOptionAndIgnoresUnknownCodes) {
    auto figure = AggregateChoice({"a", "b"}, {R"(["a","b"])", R"(["a"])", R"("x")", "not json"});
    EXPECT_EQ(figure.respondents, 2);
    EXPECT_EQ(figure.options[0].count, 2);
    EXPECT_EQ(figure.options[0].per_mille, 1000);
    EXPECT_EQ(figure.options[1].per_mille, 500);
}

TEST(SuppressionTest, GroupsBelowTheMinimumAreSuppressed) {
    EXPECT_TRUE(IsSuppressed(4, 5));
    EXPECT_FALSE(IsSuppressed(5, 5));
    EXPECT_TRUE(IsSuppressed(0, 3));
}

TEST(DurationTest, NearestRankMedianAndP90) {
    auto summary = SummariseDurations({5000000, 1000000, 3000000, 2000000, 4000000});
    EXPECT_EQ(summary.count, 5);
    EXPECT_EQ(summary.median_us, 3000000);                     // rank ceil(2.5) = 3
    EXPECT_EQ(summary.p90_us, 5000000);                        // rank ceil(4.5) = 5
    EXPECT_EQ(SummariseDurations({1, 2, 3, 4}).median_us, 2);  // lower middle
    EXPECT_EQ(SummariseDurations({}).median_us, std::nullopt);
    EXPECT_EQ(FormatDuration(245400000, "ja"), "4分05秒");
    EXPECT_EQ(FormatDuration(245600000, "en"), "4 min 06 s");
    EXPECT_EQ(FormatDuration(std::nullopt, "en"), "—");
}

}  // namespace
}  // namespace enshu::report
