#pragma once

// Statements of the mock public-relations site (広報サイト) as values, their validation
// and their JSON. A statement is a draft (seen only by its organisation's people and the
// organiser), published (seen by every member of the exercise, with its revision
// history), or withdrawn (a tombstone "取り下げられました" for everyone else; its
// organisation and watching staff still see the text and history).

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "world/attachment_store.hpp"

namespace enshu::world {

inline constexpr std::size_t kMaxStatementTitleCharacters = 200;
inline constexpr std::size_t kMaxStatementBodyCharacters = 10000;

enum class StatementState { kDraft, kPublished, kWithdrawn };
std::string_view StatementStateName(StatementState state);  // "draft", "published", "withdrawn"

struct StatementInput {
    std::string title;                          // 1..200 characters
    std::string body;                           // 1..10000 characters
    std::optional<std::int64_t> attachment_id;  // an attachment of the organisation
};

// Fields "title", "body" (kInvalidArgument).
Status ValidateStatement(const StatementInput& input);

struct StatementRevision {
    int revision = 0;  // 1 = first publication
    std::string title;
    std::string body;
    std::optional<AttachmentInfo> attachment;
    std::string author_name;
    std::int64_t wall_at_us = 0;
    std::optional<double> scenario_minutes;
};

struct Statement {
    std::int64_t id = 0;
    std::int64_t exercise_id = 0;
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::string sector_code;
    std::string participation_mode;
    StatementState state = StatementState::kDraft;
    std::string title;
    std::string body;
    std::optional<AttachmentInfo> attachment;
    int revision = 0;  // published revisions so far
    std::string author_name;
    std::int64_t created_at_us = 0;
    std::int64_t updated_at_us = 0;
    std::optional<std::int64_t> published_at_us;
    std::optional<double> published_scenario_minutes;
    std::optional<std::int64_t> withdrawn_at_us;
    std::optional<double> withdrawn_scenario_minutes;
    std::vector<StatementRevision> revisions;  // oldest first; filled by StatementService::Get
};

// kFull: everything. kTombstone: a withdrawn statement seen from outside its
// organisation — no title, body, attachment or revisions.
enum class StatementView { kFull, kTombstone };

// {"id","organisation_id","organisation_name","sector_code","participation_mode","state",
//  "title","body","attachment","revision","author_name","created_at","updated_at",
//  "published_at…","withdrawn_at…" (world/feed_clock.hpp stamps),"revisions":[…]}
nlohmann::json StatementJson(const Statement& statement, StatementView view);

}  // namespace enshu::world
