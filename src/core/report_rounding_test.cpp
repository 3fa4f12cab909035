// Expected values are worked out by hand (exact fractions), not by the code under test.

#include "core/report_rounding.hpp"

#include <gtest/gtest.h>

namespace enshu::report {
namespace {

TEST(ReportRoundingTest, SeedFeedbackSurveyShares) {
    // 71/79 = 0.89873…, 6/79 = 0.07594…, 2/79 = 0.02531… (seed: 89.9 % / 7.6 % / 2.5 % of 79).
    EXPECT_EQ(PerMille(71, 79), 899);
    EXPECT_EQ(PerMille(6, 79), 76);
    EXPECT_EQ(PerMille(2, 79), 25);
    // 70/79 = 0.88607…, 7/79 = 0.08860… (time right 88.6 % / long 8.9 %).
    EXPECT_EQ(PerMille(70, 79), 886);
    EXPECT_EQ(PerMille(7, 79), 89);
}

TEST(ReportRoundingTest, HalvesRoundAwayFromZeroExactly) {
    EXPECT_EQ(PerMille(1, 8), 125);     // 12.5 % exactly, no rounding
    EXPECT_EQ(PerMille(1, 16), 63);     // 6.25 % -> 6.3 %
    EXPECT_EQ(PerMille(1, 2000), 1);    // 0.05 % -> 0.1 % (binary 0.0005 would be below)
    EXPECT_EQ(PerMille(3, 2000), 2);    // 0.15 % -> 0.2 %
    EXPECT_EQ(PerMille(-1, 2000), -1);  // symmetric for negative changes
    EXPECT_EQ(PerMille(1, 3), 333);
    EXPECT_EQ(PerMille(2, 3), 667);
    EXPECT_EQ(PerMille(5, 6), 833);
    EXPECT_EQ(PerMille(0, 7), 0);
    EXPECT_EQ(PerMille(7, 7), 1000);
}

TEST(ReportRoundingTest, NoDenominatorIsNoFigure) {
    EXPECT_EQ(PerMille(0, 0), std::nullopt);
    EXPECT_EQ(PerMille(3, -1), std::nullopt);
    EXPECT_EQ(FormatPercent(std::nullopt), "—");
}

TEST(ReportRoundingTest, Formats) {
    EXPECT_EQ(FormatPercent(899), "89.9%");
    EXPECT_EQ(FormatPercent(5), "0.5%");
    EXPECT_EQ(FormatPercent(1000), "100.0%");
    EXPECT_EQ(FormatPercent(-4), "-0.4%");
    EXPECT_EQ(FormatPointChange(835, 800), "+3.5pt");
    EXPECT_EQ(FormatPointChange(800, 835), "-3.5pt");
    EXPECT_EQ(FormatPointChange(800, 800), "±0.0pt");
    EXPECT_EQ(FormatPointChange(800, std::nullopt), "—");
    EXPECT_EQ(FormatCount(6574), "6,574");
    EXPECT_EQ(FormatCount(819), "819");
    EXPECT_EQ(FormatCount(1000000), "1,000,000");
    EXPECT_EQ(FormatCount(0), "0");
    EXPECT_DOUBLE_EQ(PerMilleAsPercentNumber(899), 89.9);
}

}  // namespace
}  // namespace enshu::report
