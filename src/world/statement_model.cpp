#include "world/statement_model.hpp"

#include <algorithm>
#include <chrono>

#include "core/clock.hpp"
#include "world/feed_clock.hpp"

namespace enshu::world {
namespace {

std::size_t CharacterCount(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool IsBlank(const std::string& text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

std::string TimestampOf(std::int64_t us) { return FormatTimestamp(TimePoint(std::chrono::microseconds(us))); }

nlohmann::json OptionalAttachment(const std::optional<AttachmentInfo>& attachment) {
    return attachment ? AttachmentJson(*attachment) : nlohmann::json(nullptr);
}

}  // namespace

std::string_view StatementStateName(StatementState state) {
    switch (state) {
        case StatementState::kDraft:
            return "draft";
        case StatementState::kPublished:
            return "published";
        case StatementState::kWithdrawn:
            return "withdrawn";
    }
    return "draft";
}

Status ValidateStatement(const StatementInput& input) {
    if (IsBlank(input.title)) return Fail(ErrorCode::kInvalidArgument, "title is required", "title");
    if (CharacterCount(input.title) > kMaxStatementTitleCharacters) {
        return Fail(ErrorCode::kInvalidArgument, "title exceeds 200 characters", "title");
    }
    if (IsBlank(input.body)) return Fail(ErrorCode::kInvalidArgument, "body is required", "body");
    if (CharacterCount(input.body) > kMaxStatementBodyCharacters) {
        return Fail(ErrorCode::kInvalidArgument, "body exceeds 10000 characters", "body");
    }
    return Ok();
}

nlohmann::json StatementJson(const Statement& statement, StatementView view) {
    const bool tombstone = view == StatementView::kTombstone && statement.state == StatementState::kWithdrawn;
    nlohmann::json json = {{"id", statement.id},
                           {"organisation_id", statement.organisation_id},
                           {"organisation_name", statement.organisation_name},
                           {"sector_code", statement.sector_code},
                           {"participation_mode", statement.participation_mode},
                           {"state", StatementStateName(statement.state)},
                           {"revision", statement.revision},
                           {"created_at", TimestampOf(statement.created_at_us)},
                           {"updated_at", TimestampOf(statement.updated_at_us)}};
    AddTimeStamp(json, "published", statement.published_at_us, statement.published_scenario_minutes);
    AddTimeStamp(json, "withdrawn", statement.withdrawn_at_us, statement.withdrawn_scenario_minutes);
    if (tombstone) {
        json["title"] = nullptr;
        json["body"] = nullptr;
        json["attachment"] = nullptr;
        json["author_name"] = nullptr;
        json["revisions"] = nlohmann::json::array();
        return json;
    }
    json["title"] = statement.title;
    json["body"] = statement.body;
    json["attachment"] = OptionalAttachment(statement.attachment);
    json["author_name"] = statement.author_name;
    nlohmann::json revisions = nlohmann::json::array();
    for (const StatementRevision& revision : statement.revisions) {
        nlohmann::json item = {{"revision", revision.revision},
                               {"title", revision.title},
                               {"body", revision.body},
                               {"attachment", OptionalAttachment(revision.attachment)},
                               {"author_name", revision.author_name}};
        AddTimeStamp(item, "published", revision.wall_at_us, revision.scenario_minutes);
        revisions.push_back(std::move(item));
    }
    json["revisions"] = std::move(revisions);
    return json;
}

}  // namespace enshu::world
