#include "accounts/login_rate_limiter.hpp"

#include <gtest/gtest.h>

#include "accounts/account_service.hpp"

namespace enshu::accounts {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

class LoginRateLimiterTest : public ::testing::Test {
  protected:
    LoginRateLimiterTest() {
        settings_.login_attempts_per_account = 3;
        settings_.login_attempts_per_address = 5;
        settings_.login_window = minutes(15);
    }
    FakeClock clock_{TimePoint(seconds(1'800'000'000))};
    AccountSettings settings_;
};

TEST_F(LoginRateLimiterTest, BlocksTheLoginAfterTheLimitWithTheRetryTime) {
    LoginRateLimiter limiter(clock_, settings_);
    const TimePoint first_failure = clock_.Now();
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(limiter.Check("alice", "192.0.2.1")) << i;
        limiter.RecordFailure("alice", "192.0.2.1");
        clock_.Advance(seconds(10));
    }
    auto blocked = limiter.Check("alice", "192.0.2.9");
    ASSERT_FALSE(blocked);
    EXPECT_EQ(blocked.error().code, ErrorCode::kRateLimited);
    EXPECT_EQ(blocked.error().field, "login");
    EXPECT_NE(blocked.error().message.find(FormatTimestamp(first_failure + minutes(15))), std::string::npos)
        << blocked.error().message;
    // Another login from the same address is not blocked (address limit is 5).
    EXPECT_TRUE(limiter.Check("bob", "192.0.2.1"));
}

TEST_F(LoginRateLimiterTest, LoginsAreCaseInsensitive) {
    LoginRateLimiter limiter(clock_, settings_);
    limiter.RecordFailure("Alice", "a");
    limiter.RecordFailure("ALICE", "b");
    limiter.RecordFailure("alice", "c");
    EXPECT_FALSE(limiter.Check("aLiCe", "d"));
}

TEST_F(LoginRateLimiterTest, WindowEndUnblocks) {
    LoginRateLimiter limiter(clock_, settings_);
    for (int i = 0; i < 3; ++i) limiter.RecordFailure("alice", "192.0.2.1");
    clock_.Advance(minutes(15) - seconds(1));
    EXPECT_FALSE(limiter.Check("alice", "192.0.2.1"));
    clock_.Advance(seconds(1));
    EXPECT_TRUE(limiter.Check("alice", "192.0.2.1"));
    // A failure after the window starts a new count.
    limiter.RecordFailure("alice", "192.0.2.1");
    EXPECT_TRUE(limiter.Check("alice", "192.0.2.1"));
}

TEST_F(LoginRateLimiterTest, SuccessClearsTheLoginButNotTheAddress) {
    LoginRateLimiter limiter(clock_, settings_);
    for (int i = 0; i < 3; ++i) limiter.RecordFailure("alice", "192.0.2.1");
    ASSERT_FALSE(limiter.Check("alice", "192.0.2.2"));
    limiter.RecordSuccess("alice");
    EXPECT_TRUE(limiter.Check("alice", "192.0.2.2"));
    limiter.RecordFailure("bob", "192.0.2.1");
    limiter.RecordFailure("carol", "192.0.2.1");
    // Five failures from 192.0.2.1 in the window: the address is blocked for any login.
    auto blocked = limiter.Check("dave", "192.0.2.1");
    ASSERT_FALSE(blocked);
    EXPECT_EQ(blocked.error().code, ErrorCode::kRateLimited);
    EXPECT_EQ(blocked.error().field, "");
    EXPECT_NE(blocked.error().message.find("retry after"), std::string::npos);
}

TEST(AttemptCounterTest, MemoryIsBoundedByMaxKeys) {
    FakeClock clock{TimePoint(seconds(1'800'000'000))};
    AttemptCounter counter(clock, 2, minutes(15), 100);
    for (int i = 0; i < 1000; ++i) {
        counter.RecordFailure("user" + std::to_string(i));
        clock.Advance(std::chrono::milliseconds(1));
    }
    EXPECT_EQ(counter.size(), 100u);
    // The newest keys survive; the oldest were evicted.
    counter.RecordFailure("user999");
    EXPECT_TRUE(counter.BlockedUntil("user999").has_value());
    counter.RecordFailure("user0");
    EXPECT_FALSE(counter.BlockedUntil("user0").has_value());
}

TEST(AttemptCounterTest, ExpiredEntriesArePruned) {
    FakeClock clock{TimePoint(seconds(1'800'000'000))};
    AttemptCounter counter(clock, 2, minutes(15), 1000);
    for (int i = 0; i < 50; ++i) counter.RecordFailure("user" + std::to_string(i));
    EXPECT_EQ(counter.size(), 50u);
    clock.Advance(minutes(16));
    counter.RecordFailure("late");
    EXPECT_EQ(counter.size(), 1u);
}

TEST(AttemptCounterTest, LongKeysAreCut) {
    FakeClock clock{TimePoint(seconds(1'800'000'000))};
    AttemptCounter counter(clock, 1, minutes(15), 10);
    const std::string long_key(AttemptCounter::kMaxKeyBytes + 500, 'x');
    counter.RecordFailure(long_key);
    EXPECT_TRUE(counter.BlockedUntil(std::string(AttemptCounter::kMaxKeyBytes, 'x')).has_value());
}

}  // namespace
}  // namespace enshu::accounts
