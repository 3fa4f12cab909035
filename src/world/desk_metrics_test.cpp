#include "world/desk_metrics.hpp"

#include <gtest/gtest.h>

namespace enshu::world {
namespace {

TEST(DeskMetricsTest, MedianOfOddAndEvenCounts) {
    EXPECT_FALSE(MedianOf({}));
    EXPECT_DOUBLE_EQ(*MedianOf({7.0}), 7.0);
    EXPECT_DOUBLE_EQ(*MedianOf({9.0, 1.0, 5.0}), 5.0);
    EXPECT_DOUBLE_EQ(*MedianOf({4.0, 1.0, 3.0, 2.0}), 2.5);
}

TEST(DeskMetricsTest, NearestRankP90IsAnObservedValue) {
    EXPECT_FALSE(NearestRankPercentile({}, 90));
    // n = 10: rank ceil(9.0) = 9 -> the 9th smallest.
    std::vector<double> ten = {10, 1, 9, 2, 8, 3, 7, 4, 6, 5};
    EXPECT_DOUBLE_EQ(*NearestRankPercentile(ten, 90), 9.0);
    // n = 11: rank ceil(9.9) = 10.
    std::vector<double> eleven = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    EXPECT_DOUBLE_EQ(*NearestRankPercentile(eleven, 90), 10.0);
    // n = 1: the only value; n = 2: rank ceil(1.8) = 2.
    EXPECT_DOUBLE_EQ(*NearestRankPercentile({3.5}, 90), 3.5);
    EXPECT_DOUBLE_EQ(*NearestRankPercentile({1.0, 2.0}, 90), 2.0);
    EXPECT_DOUBLE_EQ(*NearestRankPercentile({1.0, 2.0}, 50), 1.0);
    EXPECT_FALSE(NearestRankPercentile({1.0}, 0));
}

}  // namespace
}  // namespace enshu::world
