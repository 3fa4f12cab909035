#include "accounts/staff_validation.hpp"

#include <gtest/gtest.h>

#include "accounts/account_service.hpp"

namespace enshu::accounts {
namespace {

void ExpectInvalid(const Status& status, const std::string& field) {
    ASSERT_FALSE(status) << "expected an error for " << field;
    EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(status.error().field, field);
    EXPECT_EQ(status.error().message.rfind(field + ":", 0), 0u) << status.error().message;
}

TEST(StaffValidationTest, Login) {
    EXPECT_TRUE(ValidateLogin("abc"));
    EXPECT_TRUE(ValidateLogin("taro.yamada_01@nisc-go.jp"));
    EXPECT_TRUE(ValidateLogin(std::string(64, 'a')));
    ExpectInvalid(ValidateLogin("ab"), "login");
    ExpectInvalid(ValidateLogin(std::string(65, 'a')), "login");
    ExpectInvalid(ValidateLogin("with space"), "login");
    ExpectInvalid(ValidateLogin("太郎さん"), "login");
    ExpectInvalid(ValidateLogin("semi;colon"), "login");
}

TEST(StaffValidationTest, DisplayName) {
    EXPECT_TRUE(ValidateDisplayName("事務局 太郎"));
    EXPECT_TRUE(ValidateDisplayName("x"));
    std::string hundred;
    for (int i = 0; i < 100; ++i) hundred += "あ";
    EXPECT_TRUE(ValidateDisplayName(hundred));
    ExpectInvalid(ValidateDisplayName(hundred + "あ"), "display_name");
    ExpectInvalid(ValidateDisplayName(""), "display_name");
    ExpectInvalid(ValidateDisplayName("   "), "display_name");
    ExpectInvalid(ValidateDisplayName("\u3000"), "display_name");
    ExpectInvalid(ValidateDisplayName("tab\there"), "display_name");
    ExpectInvalid(ValidateDisplayName("bad \xff utf8"), "display_name");
}

TEST(StaffValidationTest, PasswordCountsCharacters) {
    EXPECT_TRUE(ValidatePassword("123456789012"));
    ExpectInvalid(ValidatePassword("12345678901"), "password");
    // 12 Japanese characters are 36 bytes but 12 characters: allowed.
    std::string japanese;
    for (int i = 0; i < 12; ++i) japanese += "パ";
    EXPECT_TRUE(ValidatePassword(japanese));
    std::string eleven;
    for (int i = 0; i < 11; ++i) eleven += "パ";
    ExpectInvalid(ValidatePassword(eleven), "password");
    EXPECT_TRUE(ValidatePassword(std::string(256, 'p')));
    ExpectInvalid(ValidatePassword(std::string(257, 'p')), "password");
    ExpectInvalid(ValidatePassword("123456789012\xc3"), "password");
}

TEST(StaffValidationTest, Email) {
    EXPECT_TRUE(ValidateEmail(""));
    EXPECT_TRUE(ValidateEmail("taro@example.jp"));
    ExpectInvalid(ValidateEmail("no-at-sign"), "email");
    ExpectInvalid(ValidateEmail("@example.jp"), "email");
    ExpectInvalid(ValidateEmail("taro@"), "email");
    ExpectInvalid(ValidateEmail("a@b@c"), "email");
    ExpectInvalid(ValidateEmail("ta ro@example.jp"), "email");
    ExpectInvalid(ValidateEmail(std::string(250, 'a') + "@b.jp"), "email");
}

TEST(StaffValidationTest, StaffUserReportsTheFirstBadField) {
    ExpectInvalid(ValidateStaffUser(StaffUserInput{"ok-login", "", "short", "", false}), "display_name");
    ExpectInvalid(ValidateStaffUser(StaffUserInput{"ok-login", "名前", "short", "", false}), "password");
    EXPECT_TRUE(ValidateStaffUser(StaffUserInput{"ok-login", "名前", "long enough password", "a@b.jp", false}));
}

TEST(Utf8LengthTest, CountsCodePointsAndRejectsInvalid) {
    EXPECT_EQ(Utf8Length(""), 0u);
    EXPECT_EQ(Utf8Length("abc"), 3u);
    EXPECT_EQ(Utf8Length("演習"), 2u);
    EXPECT_EQ(Utf8Length("\xF0\x9F\x94\x92"), 1u);             // U+1F512
    EXPECT_FALSE(Utf8Length("\xC0\xAF").has_value());          // overlong '/'
    EXPECT_FALSE(Utf8Length("\xED\xA0\x80").has_value());      // surrogate
    EXPECT_FALSE(Utf8Length("\xE6\xBC").has_value());          // truncated
    EXPECT_FALSE(Utf8Length("\xF4\x90\x80\x80").has_value());  // above U+10FFFF
}

TEST(NormaliseLoginTest, LowerCasesAscii) { EXPECT_EQ(NormaliseLogin("Taro.YAMADA@Example"), "taro.yamada@example"); }

}  // namespace
}  // namespace enshu::accounts
