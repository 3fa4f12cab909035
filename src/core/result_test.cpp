#include "core/result.hpp"

#include <gtest/gtest.h>

#include <set>

namespace enshu {
namespace {

TEST(ErrorCodeNameTest, NamesMatchTheApiDocument) {
    EXPECT_EQ(ErrorCodeName(ErrorCode::kInvalidArgument), "invalid_argument");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kUnauthenticated), "unauthenticated");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kForbidden), "forbidden");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kCsrf), "csrf_failed");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kNotFound), "not_found");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kConflict), "conflict");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kPayloadTooLarge), "payload_too_large");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kUnprocessable), "unprocessable");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kRateLimited), "rate_limited");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kUnavailable), "unavailable");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kInternal), "internal");
}

TEST(ErrorCodeNameTest, NamesAreDistinct) {
    std::set<std::string_view> names;
    for (int code = 0; code <= static_cast<int>(ErrorCode::kInternal); ++code) {
        names.insert(ErrorCodeName(static_cast<ErrorCode>(code)));
    }
    EXPECT_EQ(names.size(), static_cast<std::size_t>(ErrorCode::kInternal) + 1);
}

TEST(ResultTest, FailCarriesCodeMessageAndField) {
    Result<int> result = Fail(ErrorCode::kInvalidArgument, "sector_code: unknown sector 'xyz'", "sector_code");
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(result.error().message, "sector_code: unknown sector 'xyz'");
    EXPECT_EQ(result.error().field, "sector_code");
    EXPECT_TRUE(Ok().has_value());
}

}  // namespace
}  // namespace enshu
