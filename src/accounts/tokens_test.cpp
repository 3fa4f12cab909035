#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "accounts/account_service.hpp"

namespace enshu::accounts {
namespace {

bool IsUrlSafe(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

TEST(RandomTokenTest, IsUrlSafeBase64WithoutPadding) {
    const std::string token = RandomToken(32);
    EXPECT_EQ(token.size(), 43u);  // ceil(32 * 4 / 3) without '='
    EXPECT_TRUE(std::all_of(token.begin(), token.end(), IsUrlSafe)) << token;
    EXPECT_EQ(RandomToken(16).size(), 22u);
}

TEST(RandomTokenTest, TokensDiffer) {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) seen.insert(RandomToken(16));
    EXPECT_EQ(seen.size(), 1000u);
}

TEST(RandomTokenTest, RejectsZeroAndHugeSizes) {
    EXPECT_THROW(RandomToken(0), std::invalid_argument);
    EXPECT_THROW(RandomToken(4096), std::invalid_argument);
}

TEST(HashTokenTest, IsHexSha256) {
    EXPECT_EQ(HashToken("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(HashToken(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

}  // namespace
}  // namespace enshu::accounts
