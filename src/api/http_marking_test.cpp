// Error -> HTTP: every 429 carries Retry-After; exports carry the exercise marking.

#include <gtest/gtest.h>

#include <chrono>

#include "api/http.hpp"

namespace enshu::api {
namespace {

std::optional<std::string> HeaderOf(const Response& response, const std::string& name) {
    for (const auto& [key, value] : response.headers) {
        if (key == name) return value;
    }
    return std::nullopt;
}

TEST(RetryAfterTest, RateLimitedErrorsSayWhenToRetryInWholeSecondsRoundedUp) {
    auto limited = FailRateLimited("too many", std::chrono::milliseconds(41'200), "login");
    const Response response = Response::FromError(limited.value());
    EXPECT_EQ(response.status, 429);
    EXPECT_EQ(HeaderOf(response, "Retry-After"), "42");
    EXPECT_EQ(limited.value().field, "login");
    // Already over, or not known: at least one second.
    EXPECT_EQ(HeaderOf(Response::FromError(FailRateLimited("x", std::chrono::milliseconds(-5)).value()), "Retry-After"),
              "1");
    EXPECT_EQ(HeaderOf(Response::FromError(Error{ErrorCode::kRateLimited, "x", ""}), "Retry-After"), "1");
    EXPECT_FALSE(HeaderOf(Response::FromError(Error{ErrorCode::kConflict, "x", ""}), "Retry-After"));
}

TEST(ExportDownloadTest, PrefixesTheFileNameAndSendsTheMarkingHeader) {
    const Response response = Response::ExportDownload("a,b\r\n", "text/csv; charset=utf-8", "organisations.csv");
    const auto disposition = HeaderOf(response, "Content-Disposition").value_or("");
    EXPECT_NE(disposition.find("filename=\"_-EXERCISE_organisations.csv\""), std::string::npos) << disposition;
    EXPECT_NE(disposition.find("filename*=UTF-8''%E6%BC%94%E7%BF%92-EXERCISE_organisations.csv"), std::string::npos)
        << disposition;
    EXPECT_EQ(HeaderOf(response, "X-Exercise-Marking"), "EXERCISE");
    EXPECT_EQ(response.body, "a,b\r\n");  // content unchanged: importers read it back
}

}  // namespace
}  // namespace enshu::api
