#pragma once

// Field-level validation shared by the JSON API and the bulk import: every check
// returns an Error naming the field (a JSON member such as "phases[2].ends_at", or an
// import column), so that callers can report the first error (API) or all of them
// (import). Pure functions: no I/O.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace enshu::exercise {

enum class TextLines { kSingle, kMultiple };

// Checks that `value` is valid UTF-8 with min..max characters and, for single-line
// text, no control characters (multi-line text may contain tabs and line breaks).
// Returns kInvalidArgument naming `field`, or std::nullopt when valid.
std::optional<Error> CheckText(std::string_view value, std::string_view field, std::size_t min_characters,
                               std::size_t max_characters, TextLines lines = TextLines::kSingle);

// A plausible e-mail address: at most 254 bytes, one '@', a non-empty local part of at
// most 64 bytes, a domain containing a dot that neither starts nor ends with one, no
// spaces or control characters. Empty is not accepted here (callers treat "" as absent).
bool LooksLikeEmail(std::string_view value);

// 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM' naming a real calendar date (leap years included)
// and time 00:00..23:59.
bool IsPhaseDateTime(std::string_view value);

// Sort key comparing a phase start with a phase end: a date alone starts at 00:00 and
// ends at the end of that day, so '2023-12-07' .. '2023-12-07' is a valid one-day span.
std::string PhaseStartKey(std::string_view value);
std::string PhaseEndKey(std::string_view value);

// Reading members of a JSON object with type checks; errors name `field`.
// Absent (or, for OptionalString, null) members yield std::nullopt.
Result<std::optional<std::string>> OptionalString(const nlohmann::json& object, std::string_view member,
                                                  std::string_view field);
Result<std::optional<std::int64_t>> OptionalInteger(const nlohmann::json& object, std::string_view member,
                                                    std::string_view field);
Result<std::optional<bool>> OptionalBool(const nlohmann::json& object, std::string_view member, std::string_view field);

// Fails with kInvalidArgument naming the first member of `object` that is in neither
// `writable` nor `read_only` (read-only members, such as "id", are ignored so that a
// client may send back what it read).
Status RejectUnknownMembers(const nlohmann::json& object, const std::vector<std::string_view>& writable,
                            const std::vector<std::string_view>& read_only);

// Paging parameters of list endpoints (docs/api.md): page >= 1 (at most 1,000,000),
// page_size 1..200; defaults 1 and 50. Errors name "page" or "page_size".
struct Paging {
    int page = 1;
    int page_size = 50;
};
Result<Paging> ParsePaging(const std::optional<std::string>& page, const std::optional<std::string>& page_size);

// A decimal integer in min..max, or kInvalidArgument naming `field`.
Result<std::int64_t> ParseIntegerParameter(std::string_view text, std::string_view field, std::int64_t min,
                                           std::int64_t max);

}  // namespace enshu::exercise
