#include "accounts/staff_validation.hpp"

#include <algorithm>

#include "accounts/account_service.hpp"

namespace enshu::accounts {
namespace {

bool IsLoginCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '@' || c == '-';
}

// Decodes one code point starting at text[i]; advances i. std::nullopt when invalid.
std::optional<char32_t> DecodeOne(std::string_view text, std::size_t& i) {
    const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
    const unsigned char lead = byte(i);
    int extra = 0;
    char32_t code = 0;
    char32_t minimum = 0;
    if (lead < 0x80) {
        ++i;
        return lead;
    } else if ((lead & 0xE0) == 0xC0) {
        extra = 1;
        code = lead & 0x1F;
        minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        extra = 2;
        code = lead & 0x0F;
        minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        extra = 3;
        code = lead & 0x07;
        minimum = 0x10000;
    } else {
        return std::nullopt;
    }
    if (i + extra >= text.size()) return std::nullopt;  // truncated sequence
    for (int k = 1; k <= extra; ++k) {
        const unsigned char next = byte(i + k);
        if ((next & 0xC0) != 0x80) return std::nullopt;
        code = (code << 6) | (next & 0x3F);
    }
    if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return std::nullopt;
    i += extra + 1;
    return code;
}

bool IsControl(char32_t code) { return code < 0x20 || (code >= 0x7F && code <= 0x9F); }

bool IsSpace(char32_t code) { return code == U' ' || code == U'\u3000'; }

}  // namespace

std::optional<std::size_t> Utf8Length(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (!DecodeOne(text, i)) return std::nullopt;
        ++count;
    }
    return count;
}

std::string NormaliseLogin(std::string_view login) {
    std::string lower(login);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
    return lower;
}

Status ValidateLogin(std::string_view login) {
    if (login.size() < kMinLoginLength || login.size() > kMaxLoginLength) {
        return Fail(ErrorCode::kInvalidArgument, "login: must be 3..64 characters, got " + std::to_string(login.size()),
                    "login");
    }
    if (!std::all_of(login.begin(), login.end(), IsLoginCharacter)) {
        return Fail(ErrorCode::kInvalidArgument, "login: only letters, digits and . _ @ - are allowed", "login");
    }
    return Ok();
}

Status ValidateDisplayName(std::string_view display_name) {
    bool only_spaces = true;
    std::size_t count = 0;
    for (std::size_t i = 0; i < display_name.size();) {
        const auto code = DecodeOne(display_name, i);
        if (!code) return Fail(ErrorCode::kInvalidArgument, "display_name: not valid UTF-8", "display_name");
        if (IsControl(*code)) {
            return Fail(ErrorCode::kInvalidArgument, "display_name: control characters are not allowed",
                        "display_name");
        }
        if (!IsSpace(*code)) only_spaces = false;
        ++count;
    }
    if (count == 0 || only_spaces) {
        return Fail(ErrorCode::kInvalidArgument, "display_name: required", "display_name");
    }
    if (count > kMaxDisplayNameLength) {
        return Fail(ErrorCode::kInvalidArgument, "display_name: at most 100 characters, got " + std::to_string(count),
                    "display_name");
    }
    return Ok();
}

Status ValidatePassword(std::string_view password) {
    const auto count = Utf8Length(password);
    if (!count) return Fail(ErrorCode::kInvalidArgument, "password: not valid UTF-8", "password");
    if (*count < kMinPasswordLength || *count > kMaxPasswordLength) {
        return Fail(ErrorCode::kInvalidArgument, "password: must be 12..256 characters, got " + std::to_string(*count),
                    "password");
    }
    return Ok();
}

Status ValidateEmail(std::string_view email) {
    if (email.empty()) return Ok();
    if (email.size() > kMaxEmailLength) {
        return Fail(ErrorCode::kInvalidArgument, "email: at most 254 bytes", "email");
    }
    const auto at = email.find('@');
    const bool one_at = at != std::string_view::npos && email.find('@', at + 1) == std::string_view::npos;
    const bool has_space = std::any_of(email.begin(), email.end(),
                                       [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F; });
    if (!one_at || at == 0 || at + 1 == email.size() || has_space || !Utf8Length(email)) {
        return Fail(ErrorCode::kInvalidArgument, "email: not an e-mail address", "email");
    }
    return Ok();
}

Status ValidateStaffUser(const StaffUserInput& input) {
    if (auto status = ValidateLogin(input.login); !status) return status;
    if (auto status = ValidateDisplayName(input.display_name); !status) return status;
    if (auto status = ValidatePassword(input.password); !status) return status;
    return ValidateEmail(input.email);
}

}  // namespace enshu::accounts
