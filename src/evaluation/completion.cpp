#include "evaluation/completion.hpp"

#include <algorithm>
#include <map>

namespace enshu::evaluation {
namespace {

// Columns: id, name, sector_code, ministry_code, status (NULL = not started), submitted_at, updated_at.
constexpr std::string_view kReadinessCompletion =
    "SELECT o.id, o.name, o.sector_code, o.ministry_code, r.status, r.submitted_at, r.updated_at FROM organisation o "
    "LEFT JOIN readiness_response r ON r.exercise_id = o.exercise_id AND r.organisation_id = o.id AND r.part = $2 "
    "WHERE o.exercise_id = $1 ORDER BY o.sector_code, o.name, o.id";
constexpr std::string_view kActionRecordCompletion =
    "SELECT o.id, o.name, o.sector_code, o.ministry_code, s.status, s.submitted_at, s.updated_at FROM organisation o "
    "LEFT JOIN action_record_sheet s ON s.exercise_id = o.exercise_id AND s.organisation_id = o.id "
    "WHERE o.exercise_id = $1 ORDER BY o.sector_code, o.name, o.id";
constexpr std::string_view kObjectivesCompletion =
    "SELECT o.id, o.name, o.sector_code, o.ministry_code, "
    "CASE WHEN c.updated_at IS NULL THEN NULL ELSE 'submitted' END, c.updated_at, c.updated_at FROM organisation o "
    "LEFT JOIN (SELECT organisation_id, MAX(updated_at) AS updated_at FROM chosen_objective WHERE exercise_id = $1 "
    "GROUP BY organisation_id) c ON c.organisation_id = o.id WHERE o.exercise_id = $1 ORDER BY o.sector_code, o.name, "
    "o.id";
constexpr std::string_view kInsertNotice =
    "INSERT INTO notice (exercise_id, organisation_id, kind, params, created_by_user_id, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";

nlohmann::json OptionalJson(const std::optional<std::string>& text) {
    return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

Result<Completion> LoadCompletionIn(db::Connection& connection, std::int64_t exercise_id, Instrument instrument,
                                    const CompletionScope& scope) {
    Completion completion;
    completion.instrument = instrument;
    Result<db::Rows> rows;
    switch (instrument) {
        case Instrument::kReadinessBefore:
            rows = connection.Query(kReadinessCompletion, {exercise_id, std::string("before")});
            break;
        case Instrument::kReadinessDayOf:
            rows = connection.Query(kReadinessCompletion, {exercise_id, std::string("day_of")});
            break;
        case Instrument::kObjectives:
            rows = connection.Query(kObjectivesCompletion, {exercise_id});
            break;
        case Instrument::kActionRecord:
            rows = connection.Query(kActionRecordCompletion, {exercise_id});
            break;
    }
    if (!rows) return tl::unexpected(rows.error());
    std::map<std::string, SectorCompletion> sectors;
    for (const db::Row& row : *rows) {
        const std::string ministry = row.Text(3);
        if (!scope.all && std::find(scope.ministry_codes.begin(), scope.ministry_codes.end(), ministry) ==
                              scope.ministry_codes.end()) {
            continue;
        }
        if (!scope.sector_code.empty() && row.Text(2) != scope.sector_code) continue;
        CompletionRow entry;
        entry.organisation_id = row.Int(0);
        entry.name = row.Text(1);
        entry.sector_code = row.Text(2);
        entry.status = row.IsNull(4) ? AnswerStatus::kNotStarted : ParseStoredStatus(row.Text(4));
        entry.submitted_at = row.OptionalText(5);
        entry.updated_at = row.OptionalText(6);
        SectorCompletion& sector = sectors[entry.sector_code];
        sector.sector_code = entry.sector_code;
        ++sector.organisations;
        switch (entry.status) {
            case AnswerStatus::kSubmitted:
                ++sector.submitted;
                break;
            case AnswerStatus::kDraft:
                ++sector.draft;
                break;
            case AnswerStatus::kNotStarted:
                ++sector.not_started;
                break;
        }
        completion.organisations.push_back(std::move(entry));
    }
    for (auto& [code, sector] : sectors) completion.sectors.push_back(sector);
    return completion;
}

}  // namespace

Result<Completion> LoadCompletion(db::Database& database, std::int64_t exercise_id, Instrument instrument,
                                  const CompletionScope& scope) {
    Completion completion;
    auto read = database.Read([&](db::Connection& connection) -> Status {
        auto loaded = LoadCompletionIn(connection, exercise_id, instrument, scope);
        if (!loaded) return tl::unexpected(loaded.error());
        completion = std::move(*loaded);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return completion;
}

nlohmann::json CompletionJson(const Completion& completion) {
    nlohmann::json sectors = nlohmann::json::array();
    for (const auto& sector : completion.sectors) {
        sectors.push_back({{"sector_code", sector.sector_code},
                           {"organisations", sector.organisations},
                           {"submitted", sector.submitted},
                           {"draft", sector.draft},
                           {"not_started", sector.not_started}});
    }
    nlohmann::json organisations = nlohmann::json::array();
    for (const auto& row : completion.organisations) {
        organisations.push_back({{"organisation_id", row.organisation_id},
                                 {"name", row.name},
                                 {"sector_code", row.sector_code},
                                 {"status", AnswerStatusName(row.status)},
                                 {"submitted_at", OptionalJson(row.submitted_at)},
                                 {"updated_at", OptionalJson(row.updated_at)}});
    }
    return {
        {"instrument", InstrumentName(completion.instrument)}, {"sectors", sectors}, {"organisations", organisations}};
}

std::string ReminderKind(Instrument instrument) {
    switch (instrument) {
        case Instrument::kReadinessBefore:
        case Instrument::kReadinessDayOf:
            return "readiness_reminder";
        case Instrument::kObjectives:
            return "objectives_reminder";
        case Instrument::kActionRecord:
            return "action_record_reminder";
    }
    return "";
}

Result<ReminderOutcome> SendReminders(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                                      const live::EventLog* events, std::int64_t exercise_id, Instrument instrument,
                                      const CompletionScope& scope, std::optional<std::int64_t> user_id,
                                      const audit::Actor& actor) {
    ReminderOutcome outcome;
    auto written = database.Write([&](db::Connection& connection) -> Status {
        auto completion = LoadCompletionIn(connection, exercise_id, instrument, scope);
        if (!completion) return tl::unexpected(completion.error());
        auto window = LoadWindow(connection, exercise_id, instrument);
        if (!window) return tl::unexpected(window.error());
        nlohmann::json params = {{"instrument", InstrumentName(instrument)},
                                 {"closes_at", OptionalJson(window->closes_at)}};
        if (instrument == Instrument::kReadinessBefore) params["part"] = "before";
        if (instrument == Instrument::kReadinessDayOf) params["part"] = "day_of";
        const TimePoint now = clock.Now();
        const std::string now_text = FormatTimestamp(now);
        const std::string kind = ReminderKind(instrument);
        for (const auto& row : completion->organisations) {
            if (row.status == AnswerStatus::kSubmitted) continue;
            auto id = connection.QueryOne(kInsertNotice, {exercise_id, row.organisation_id, kind, params.dump(),
                                                          user_id ? db::Value(*user_id) : db::Value(), now_text});
            if (!id) return tl::unexpected(id.error());
            outcome.organisation_ids.push_back(row.organisation_id);
            if (events == nullptr) continue;
            live::LiveEvent event;
            event.exercise_id = exercise_id;
            event.type = "notice.created";
            event.audience.organisation_ids = {row.organisation_id};
            event.audience.participants_only = true;
            event.released_at_us =
                std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count();
            event.payload_json = nlohmann::json{
                {"id", (*id)->Int(0)},
                {"organisation_id", row.organisation_id},
                {"kind", kind},
                {"params", params},
                {"created_at",
                 now_text}}.dump();
            if (auto appended = events->Append(connection, event); !appended) return appended;
        }
        if (outcome.organisation_ids.empty()) return Ok();
        audit::AuditEntry entry{exercise_id,
                                "evaluation.remind",
                                "exercise",
                                std::to_string(exercise_id),
                                nullptr,
                                {{"instrument", InstrumentName(instrument)},
                                 {"sector_code", scope.sector_code},
                                 {"organisation_ids", outcome.organisation_ids}}};
        return audit.Append(connection, actor, entry);
    });
    if (!written) return tl::unexpected(written.error());
    return outcome;
}

}  // namespace enshu::evaluation
