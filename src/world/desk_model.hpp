#pragma once

// The desks of an exercise (疑似ホームページ and their inquiry desks): what a desk is,
// its JSON form and the validation of what the organiser writes. Pure: no I/O.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace enshu::world {

// agency: code is a ref_agency code (ipa, jpcert, npa, ...); ministry: a ref_ministry
// code; ceptoar: a ref_sector code (the sector's CEPTOAR).
enum class DeskKind { kAgency, kMinistry, kCeptoar };
std::string_view DeskKindName(DeskKind kind);
std::optional<DeskKind> ParseDeskKind(std::string_view name);

struct DeskCategory {
    std::string code;  // [a-z0-9_], 1..32 bytes
    std::string ja;    // 1..50 characters
    std::string en;    // 0..50 characters
};

struct DeskNotice {
    std::string title;  // 1..200 characters
    std::string body;   // 0..8000 characters (text, shown as text)
    bool published = false;
    std::string updated_at;
};

struct Desk {
    std::int64_t id = 0;
    std::int64_t exercise_id = 0;
    DeskKind kind = DeskKind::kAgency;
    std::string code;
    std::string name_ja;
    std::string name_en;
    std::string intro;
    std::vector<DeskCategory> categories;
    std::vector<DeskNotice> notices;
    std::vector<std::int64_t> staff_user_ids;
    std::string created_at;
    std::string updated_at;
};

// What the organiser writes (PUT replaces all of it; POST also needs kind and code).
struct DeskInput {
    DeskKind kind = DeskKind::kAgency;
    std::string code;
    std::string name_ja;
    std::string name_en;
    std::string intro;
    std::vector<DeskCategory> categories;
    std::vector<DeskNotice> notices;
    std::vector<std::int64_t> staff_user_ids;
};

enum class DeskInputMode { kCreate, kUpdate };

// Parses and validates a desk body; kind and code are read only for kCreate. Errors
// name the member ("name_ja", "categories[2].code", "notices[0].title", ...).
// Limits: 1..20 categories with unique codes, at most 50 notices, at most 100 staff.
Result<DeskInput> ParseDeskInput(const nlohmann::json& body, DeskInputMode mode);

// 相談 consultation, 報告 report, 情報提供 information, その他 other.
std::vector<DeskCategory> DefaultCategories();

// The agency desks an exercise gets by default: IPA, JPCERT/CC, National Police Agency.
const std::vector<std::string>& DefaultAgencyCodes();

// {"id","kind","code","name":{"ja","en"},"intro","categories":[...],"notices":[...]}
// kPublic: published notices only; kStaff: drafts too, and "staff_user_ids".
enum class DeskView { kPublic, kStaff };
nlohmann::json DeskJson(const Desk& desk, DeskView view);

struct ReplyTemplate {
    std::int64_t id = 0;
    std::int64_t desk_id = 0;
    std::string title;  // 1..100 characters
    std::string body;   // 1..4000 characters
    std::string created_at;
};
nlohmann::json ReplyTemplateJson(const ReplyTemplate& reply_template);
Result<ReplyTemplate> ParseReplyTemplate(const nlohmann::json& body);

// Counts UTF-8 characters (code points) of valid UTF-8 text.
std::size_t CharacterCount(std::string_view text);
// The first `max_characters` characters of `text` (never splits a character).
std::string TruncateCharacters(std::string_view text, std::size_t max_characters);

}  // namespace enshu::world
