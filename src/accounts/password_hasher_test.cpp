#include "accounts/password_hasher.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace enshu::accounts {
namespace {

constexpr unsigned long long kOps = 1;
constexpr std::size_t kMemory = 8 * 1024 * 1024;

TEST(PasswordHasherTest, HashVerifiesOnlyTheSamePassword) {
    PasswordHasher hasher(kOps, kMemory, 2);
    auto hash = hasher.Hash("correct horse battery");
    ASSERT_TRUE(hash) << hash.error().message;
    EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
    EXPECT_TRUE(hasher.Verify(*hash, "correct horse battery"));
    EXPECT_FALSE(hasher.Verify(*hash, "correct horse batterY"));
    EXPECT_FALSE(hasher.Verify(*hash, ""));
}

TEST(PasswordHasherTest, SamePasswordHashesDifferently) {
    PasswordHasher hasher(kOps, kMemory, 2);
    auto first = hasher.Hash("correct horse battery");
    auto second = hasher.Hash("correct horse battery");
    ASSERT_TRUE(first && second);
    EXPECT_NE(*first, *second);  // random salt
}

TEST(PasswordHasherTest, MalformedStoredHashNeverMatches) {
    PasswordHasher hasher(kOps, kMemory, 2);
    EXPECT_FALSE(hasher.Verify("", "x"));
    EXPECT_FALSE(hasher.Verify("plain text", "plain text"));
    EXPECT_FALSE(hasher.Verify(std::string(500, '$'), "x"));
}

TEST(PasswordHasherTest, DummyVerificationUsesASlot) {
    PasswordHasher hasher(kOps, kMemory, 1);
    hasher.VerifyAgainstDummy("guess");
    hasher.VerifyAgainstDummy("guess");
    EXPECT_EQ(hasher.PeakConcurrent(), 1);
}

TEST(PasswordHasherTest, ConcurrentHashesAreBounded) {
    PasswordHasher hasher(kOps, kMemory, 2);
    // Holding every slot for a while makes overlaps certain: without the bound all six
    // threads would be inside at once.
    hasher.SetInsideSlotHookForTesting([] { std::this_thread::sleep_for(std::chrono::milliseconds(30)); });
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int i = 0; i < 6; ++i) {
        threads.emplace_back([&] {
            if (!hasher.Hash("correct horse battery")) ++failures;
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(hasher.PeakConcurrent(), 2);
}

TEST(PasswordHasherTest, BoundBelowOneMeansOne) {
    PasswordHasher hasher(kOps, kMemory, 0);
    hasher.SetInsideSlotHookForTesting([] { std::this_thread::sleep_for(std::chrono::milliseconds(20)); });
    std::thread other([&] { static_cast<void>(hasher.Hash("correct horse battery")); });
    static_cast<void>(hasher.Hash("correct horse battery"));
    other.join();
    EXPECT_EQ(hasher.PeakConcurrent(), 1);
}

}  // namespace
}  // namespace enshu::accounts
