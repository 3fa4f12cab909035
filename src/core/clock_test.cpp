#include "core/clock.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace enshu {
namespace {

using namespace std::chrono_literals;

TimePoint At(std::int64_t milliseconds) { return TimePoint(std::chrono::milliseconds(milliseconds)); }

TEST(FormatTimestampTest, FormatsUtcWithMilliseconds) {
    EXPECT_EQ(FormatTimestamp(At(0)), "1970-01-01T00:00:00.000Z");
    // 2023-12-07T04:00:00Z is 13:00 in Tokyo, the start of the 2023 exercise.
    EXPECT_EQ(FormatTimestamp(At(1701921600000)), "2023-12-07T04:00:00.000Z");
    EXPECT_EQ(FormatTimestamp(At(1701921600123)), "2023-12-07T04:00:00.123Z");
    EXPECT_EQ(FormatTimestamp(At(-1)), "1969-12-31T23:59:59.999Z");
    EXPECT_EQ(FormatTimestamp(At(951782400000)), "2000-02-29T00:00:00.000Z");
    // Sub-millisecond parts are dropped, not rounded.
    EXPECT_EQ(FormatTimestamp(At(5) + 999us), "1970-01-01T00:00:00.005Z");
}

TEST(FormatTimestampTest, TextOrderIsTimeOrder) {
    const auto earlier = FormatTimestamp(At(1701921600999));
    const auto later = FormatTimestamp(At(1701921601000));
    EXPECT_LT(earlier, later);
}

TEST(ParseTimestampTest, RoundTripsFormattedText) {
    for (std::int64_t ms :
         {std::int64_t{0}, std::int64_t{1701921600123}, std::int64_t{-1}, std::int64_t{4102444799999}}) {
        TimePoint parsed;
        ASSERT_TRUE(ParseTimestamp(FormatTimestamp(At(ms)), parsed)) << ms;
        EXPECT_EQ(parsed, At(ms));
    }
}

TEST(ParseTimestampTest, AcceptsMissingOrShortFractions) {
    TimePoint parsed;
    ASSERT_TRUE(ParseTimestamp("2023-12-07T04:00:00Z", parsed));
    EXPECT_EQ(parsed, At(1701921600000));
    ASSERT_TRUE(ParseTimestamp("2023-12-07T04:00:00.5Z", parsed));
    EXPECT_EQ(parsed, At(1701921600500));
    ASSERT_TRUE(ParseTimestamp("2023-12-07T04:00:00.123456Z", parsed));  // beyond milliseconds is dropped
    EXPECT_EQ(parsed, At(1701921600123));
    ASSERT_TRUE(ParseTimestamp("2024-02-29T00:00:00Z", parsed));  // leap day
    ASSERT_TRUE(ParseTimestamp("2261-12-31T23:59:59Z", parsed));  // the last year a TimePoint holds
}

TEST(ParseTimestampTest, RejectsBadInputAndLeavesOutputAlone) {
    const TimePoint sentinel = At(42);
    for (const std::string& text : std::vector<std::string>{"",
                                                            "2023-12-07",
                                                            "2023-12-07T04:00:00",
                                                            "2023-12-07T04:00:00+09:00",
                                                            "2023-12-07T04:00:00.Z",
                                                            "2023-12-07T04:00:00ZZ",
                                                            "2023-12-07 04:00:00Z",
                                                            " 2023-12-07T04:00:00Z",
                                                            "2023-1-07T04:00:00Z",
                                                            "+023-12-07T04:00:00Z",
                                                            "2023-13-07T04:00:00Z",
                                                            "2023-00-07T04:00:00Z",
                                                            "2023-02-30T04:00:00Z",
                                                            "2023-02-29T04:00:00Z",
                                                            "2023-12-07T24:00:00Z",
                                                            "2023-12-07T04:60:00Z",
                                                            "2023-12-07T04:00:60Z",
                                                            "abcd-ef-ghTij:kl:mnZ",
                                                            "2023-12-07T04:00:00." + std::string(100, '1') + "Z",
                                                            "2999-01-01T00:00:00Z",
                                                            "2262-04-12T00:00:00Z",
                                                            "1899-12-31T23:59:59Z"}) {  // beyond a TimePoint
        TimePoint parsed = sentinel;
        EXPECT_FALSE(ParseTimestamp(text, parsed)) << text;
        EXPECT_EQ(parsed, sentinel) << text;
    }
}

TEST(FakeClockTest, MovesOnlyWhenTold) {
    FakeClock clock(At(1000));
    EXPECT_EQ(clock.Now(), At(1000));
    clock.Advance(1500ms);
    EXPECT_EQ(clock.Now(), At(2500));
    clock.Set(At(10));
    EXPECT_EQ(clock.Now(), At(10));
}

}  // namespace
}  // namespace enshu
