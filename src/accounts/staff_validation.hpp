#pragma once

// Input rules for staff accounts. Each check returns Ok or kInvalidArgument whose
// field names the input ("login", "display_name", "password", "email") and whose
// message says what is wrong. Characters are Unicode code points of valid UTF-8.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace enshu::accounts {

struct StaffUserInput;

inline constexpr std::size_t kMinLoginLength = 3;
inline constexpr std::size_t kMaxLoginLength = 64;
inline constexpr std::size_t kMaxDisplayNameLength = 100;
inline constexpr std::size_t kMinPasswordLength = 12;
inline constexpr std::size_t kMaxPasswordLength = 256;
inline constexpr std::size_t kMaxEmailLength = 254;

// Number of code points in `text`, or std::nullopt when it is not valid UTF-8
// (overlong forms, surrogates and values above U+10FFFF are invalid).
std::optional<std::size_t> Utf8Length(std::string_view text);

// Logins are case-insensitive: stored and looked up in ASCII lower case.
std::string NormaliseLogin(std::string_view login);

// 3..64 characters of A-Z a-z 0-9 . _ @ -
Status ValidateLogin(std::string_view login);
// 1..100 characters, not only spaces, no control characters.
Status ValidateDisplayName(std::string_view display_name);
// 12..256 characters.
Status ValidatePassword(std::string_view password);
// Empty, or at most 254 bytes with one '@' between non-empty parts and no spaces.
Status ValidateEmail(std::string_view email);
// All of the above, first failure wins (login, display_name, password, email).
Status ValidateStaffUser(const StaffUserInput& input);

}  // namespace enshu::accounts
