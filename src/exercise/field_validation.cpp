#include "exercise/field_validation.hpp"

#include <algorithm>
#include <charconv>

#include "io/text.hpp"

namespace enshu::exercise {
namespace {

constexpr std::size_t kMaxEmailBytes = 254;
constexpr std::size_t kMaxEmailLocalBytes = 64;
constexpr int kMaxPage = 1'000'000;
constexpr int kMaxPageSize = 200;
constexpr int kDefaultPageSize = 50;

std::string FieldText(std::string_view field) { return std::string(field); }

// True for C0 controls, DEL and C1 controls (U+0080..U+009F, encoded C2 80..C2 9F).
bool HasControlCharacter(std::string_view value, TextLines lines) {
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto byte = static_cast<unsigned char>(value[i]);
        if (byte == '\t' || byte == '\n' || byte == '\r') {
            if (lines == TextLines::kSingle) return true;
            continue;
        }
        if (byte < 0x20 || byte == 0x7F) return true;
        if (byte == 0xC2 && i + 1 < value.size()) {
            const auto next = static_cast<unsigned char>(value[i + 1]);
            if (next >= 0x80 && next <= 0x9F) return true;
        }
    }
    return false;
}

bool ParseDigits(std::string_view text, int& out) {
    if (text.empty()) return false;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    const auto [next, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && next == text.data() + text.size();
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && IsLeapYear(year)) return 29;
    return kDays[month - 1];
}

}  // namespace

std::optional<Error> CheckText(std::string_view value, std::string_view field, std::size_t min_characters,
                               std::size_t max_characters, TextLines lines) {
    if (!io::IsValidUtf8(value)) {
        return Error{ErrorCode::kInvalidArgument, FieldText(field) + ": not valid UTF-8", FieldText(field)};
    }
    const std::size_t count = io::CharacterCount(value);
    if (count < min_characters) {
        return Error{ErrorCode::kInvalidArgument, FieldText(field) + ": is required", FieldText(field)};
    }
    if (count > max_characters) {
        return Error{ErrorCode::kInvalidArgument,
                     FieldText(field) + ": at most " + std::to_string(max_characters) + " characters (got " +
                         std::to_string(count) + ")",
                     FieldText(field)};
    }
    if (HasControlCharacter(value, lines)) {
        return Error{ErrorCode::kInvalidArgument, FieldText(field) + ": contains control characters", FieldText(field)};
    }
    return std::nullopt;
}

bool LooksLikeEmail(std::string_view value) {
    if (value.empty() || value.size() > kMaxEmailBytes) return false;
    for (char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7F || c == ',' || c == ';' || c == '<' || c == '>') return false;
    }
    const std::size_t at = value.find('@');
    if (at == std::string_view::npos || value.find('@', at + 1) != std::string_view::npos) return false;
    const std::string_view local = value.substr(0, at);
    const std::string_view domain = value.substr(at + 1);
    if (local.empty() || local.size() > kMaxEmailLocalBytes) return false;
    const std::size_t dot = domain.find('.');
    return dot != std::string_view::npos && domain.front() != '.' && domain.back() != '.' &&
           domain.find("..") == std::string_view::npos;
}

bool IsPhaseDateTime(std::string_view value) {
    if (value.size() != 10 && value.size() != 16) return false;
    if (value[4] != '-' || value[7] != '-') return false;
    int year = 0, month = 0, day = 0;
    if (!ParseDigits(value.substr(0, 4), year) || !ParseDigits(value.substr(5, 2), month) ||
        !ParseDigits(value.substr(8, 2), day)) {
        return false;
    }
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return false;
    if (value.size() == 10) return true;
    if (value[10] != 'T' || value[13] != ':') return false;
    int hour = 0, minute = 0;
    if (!ParseDigits(value.substr(11, 2), hour) || !ParseDigits(value.substr(14, 2), minute)) return false;
    return hour <= 23 && minute <= 59;
}

std::string PhaseStartKey(std::string_view value) {
    if (value.size() == 10) return std::string(value) + "T00:00";
    return std::string(value);
}

std::string PhaseEndKey(std::string_view value) {
    // "24:00" sorts after every real time of the same day.
    if (value.size() == 10) return std::string(value) + "T24:00";
    return std::string(value);
}

Result<std::optional<std::string>> OptionalString(const nlohmann::json& object, std::string_view member,
                                                  std::string_view field) {
    const auto it = object.find(std::string(member));
    if (it == object.end() || it->is_null()) return std::optional<std::string>();
    if (!it->is_string())
        return Fail(ErrorCode::kInvalidArgument, FieldText(field) + ": must be a string", FieldText(field));
    return std::optional<std::string>(it->get<std::string>());
}

Result<std::optional<std::int64_t>> OptionalInteger(const nlohmann::json& object, std::string_view member,
                                                    std::string_view field) {
    const auto it = object.find(std::string(member));
    if (it == object.end() || it->is_null()) return std::optional<std::int64_t>();
    if (!it->is_number_integer()) {
        return Fail(ErrorCode::kInvalidArgument, FieldText(field) + ": must be an integer", FieldText(field));
    }
    return std::optional<std::int64_t>(it->get<std::int64_t>());
}

Result<std::optional<bool>> OptionalBool(const nlohmann::json& object, std::string_view member,
                                         std::string_view field) {
    const auto it = object.find(std::string(member));
    if (it == object.end() || it->is_null()) return std::optional<bool>();
    if (!it->is_boolean())
        return Fail(ErrorCode::kInvalidArgument, FieldText(field) + ": must be true or false", FieldText(field));
    return std::optional<bool>(it->get<bool>());
}

Status RejectUnknownMembers(const nlohmann::json& object, const std::vector<std::string_view>& writable,
                            const std::vector<std::string_view>& read_only) {
    for (const auto& [key, value] : object.items()) {
        const auto known = [&](const std::vector<std::string_view>& names) {
            return std::find(names.begin(), names.end(), key) != names.end();
        };
        if (!known(writable) && !known(read_only)) {
            return Fail(ErrorCode::kInvalidArgument, key + ": unknown field", key);
        }
    }
    return Ok();
}

Result<std::int64_t> ParseIntegerParameter(std::string_view text, std::string_view field, std::int64_t min,
                                           std::int64_t max) {
    std::int64_t value = 0;
    const auto [next, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || next != text.data() + text.size() || value < min || value > max) {
        return Fail(
            ErrorCode::kInvalidArgument,
            FieldText(field) + ": must be an integer from " + std::to_string(min) + " to " + std::to_string(max),
            FieldText(field));
    }
    return value;
}

Result<Paging> ParsePaging(const std::optional<std::string>& page, const std::optional<std::string>& page_size) {
    Paging paging{1, kDefaultPageSize};
    if (page) {
        auto parsed = ParseIntegerParameter(*page, "page", 1, kMaxPage);
        if (!parsed) return tl::unexpected(parsed.error());
        paging.page = static_cast<int>(*parsed);
    }
    if (page_size) {
        auto parsed = ParseIntegerParameter(*page_size, "page_size", 1, kMaxPageSize);
        if (!parsed) return tl::unexpected(parsed.error());
        paging.page_size = static_cast<int>(*parsed);
    }
    return paging;
}

}  // namespace enshu::exercise
