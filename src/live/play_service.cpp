#include "live/play_service.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>

#include "core/exercise_clock.hpp"
#include "live/clock_repository.hpp"

namespace enshu::live {
namespace {

constexpr std::string_view kSelectSubscriber =
    "SELECT o.sector_code, o.participation_mode, p.team_roles FROM person p JOIN organisation o ON o.id = "
    "p.organisation_id WHERE p.id = $1 AND p.organisation_id = $2 AND p.exercise_id = $3";
constexpr std::string_view kSelectOrganisation =
    "SELECT sector_code, participation_mode FROM organisation WHERE id = $1 AND exercise_id = $2";
constexpr std::string_view kSelectFirstSeq =
    "SELECT first_seq FROM inject_release WHERE exercise_id = $1 AND inject_id = $2";
// The inject.released events of one release: contiguous from first_seq up to its
// release.recorded event (appended in the same transaction).
constexpr std::string_view kSelectReleaseEvents =
    "SELECT audience FROM live_event WHERE exercise_id = $1 AND type = 'inject.released' AND seq >= $2 AND seq < "
    "(SELECT MIN(seq) FROM live_event WHERE exercise_id = $1 AND type = 'release.recorded' AND seq >= $2)";
constexpr std::string_view kInsertAck =
    "INSERT INTO acknowledgement (exercise_id, inject_id, organisation_id, person_id, acked_at_us) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (exercise_id, inject_id, person_id) DO NOTHING";
constexpr std::string_view kSelectAck =
    "SELECT acked_at_us FROM acknowledgement WHERE exercise_id = $1 AND inject_id = $2 AND person_id = $3";
constexpr std::string_view kSelectPersonName = "SELECT display_name FROM person WHERE id = $1";
constexpr std::string_view kOrganisationCounts =
    "SELECT (SELECT COUNT(DISTINCT inject_id) FROM acknowledgement WHERE exercise_id = $1 AND organisation_id = $2), "
    "(SELECT COUNT(*) FROM action_entry WHERE exercise_id = $1 AND organisation_id = $2), "
    "(SELECT MAX(acked_at_us) FROM acknowledgement WHERE exercise_id = $1 AND organisation_id = $2), "
    "(SELECT MAX(wall_at_us) FROM action_entry WHERE exercise_id = $1 AND organisation_id = $2)";
constexpr std::string_view kInsertAction =
    "INSERT INTO action_entry (exercise_id, organisation_id, person_id, wall_at_us, scenario_minutes, text, objective, "
    "decision_type, inject_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
constexpr std::string_view kCountActions =
    "SELECT COUNT(*) FROM action_entry WHERE exercise_id = $1 AND organisation_id = $2";
constexpr std::string_view kListActions =
    "SELECT a.id, a.organisation_id, a.person_id, p.display_name, a.wall_at_us, a.scenario_minutes, a.text, "
    "a.objective, a.decision_type, a.inject_id, a.created_at FROM action_entry a JOIN person p ON p.id = a.person_id "
    "WHERE a.exercise_id = $1 AND a.organisation_id = $2 ORDER BY a.id DESC LIMIT $3 OFFSET $4";
constexpr std::string_view kProgressOrganisations =
    "SELECT id, name, sector_code, participation_mode FROM organisation WHERE exercise_id = $1 "
    "AND ($2 = '' OR sector_code = $2) AND ($3 = '' OR participation_mode = $3) ORDER BY name, id";
constexpr std::string_view kProgressAcks =
    "SELECT organisation_id, COUNT(DISTINCT inject_id), MAX(acked_at_us) FROM acknowledgement WHERE exercise_id = $1 "
    "GROUP BY organisation_id";
constexpr std::string_view kProgressActions =
    "SELECT organisation_id, COUNT(*), MAX(wall_at_us) FROM action_entry WHERE exercise_id = $1 "
    "GROUP BY organisation_id";
constexpr std::string_view kReleasedEvents =
    "SELECT seq, type, audience, released_at_us, payload FROM live_event WHERE exercise_id = $1 "
    "AND type IN ('inject.released', 'broadcast') ORDER BY seq";
constexpr std::string_view kOrganisationAcks =
    "SELECT inject_id, person_id, acked_at_us FROM acknowledgement WHERE exercise_id = $1 AND organisation_id = $2";
constexpr std::string_view kLastSeq = "SELECT COALESCE(MAX(seq), 0) FROM live_event WHERE exercise_id = $1";

constexpr std::size_t kMaxActionCharacters = 4000;
constexpr std::size_t kMaxBroadcastCharacters = 2000;
constexpr std::size_t kMaxInjectIdBytes = 64;
constexpr int kMaxPageSize = 200;

std::size_t CharacterCount(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::vector<std::string> SplitRoles(const std::string& text) {
    std::vector<std::string> roles;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        std::string role = text.substr(start, end - start);
        role.erase(0, role.find_first_not_of(' '));
        role.erase(role.find_last_not_of(' ') + 1);
        if (!role.empty()) roles.push_back(role);
        start = end + 1;
    }
    return roles;
}

std::string TimestampOf(std::int64_t us) { return FormatTimestamp(TimePoint(std::chrono::microseconds(us))); }

nlohmann::json OptionalTimestamp(const std::optional<std::int64_t>& us) {
    return us ? nlohmann::json(TimestampOf(*us)) : nlohmann::json(nullptr);
}

Status AppendJsonEvent(db::Connection& connection, const EventLog& events, std::int64_t exercise_id,
                       const std::string& type, EventAudience audience, std::int64_t now_us,
                       const nlohmann::json& payload) {
    LiveEvent event;
    event.exercise_id = exercise_id;
    event.type = type;
    event.audience = std::move(audience);
    event.released_at_us = now_us;
    event.payload_json = payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return events.Append(connection, event);
}

Result<std::string> PersonName(db::Connection& connection, std::int64_t person_id) {
    auto row = connection.QueryOne(kSelectPersonName, {person_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return Fail(ErrorCode::kNotFound, "no such person", "person_id");
    return (*row)->Text(0);
}

}  // namespace

const std::vector<std::string>& DecisionTypes() {
    static const std::vector<std::string> types = {"decision", "report", "communication", "technical", "other"};
    return types;
}

nlohmann::json ActionJson(const ActionEntry& entry) {
    nlohmann::json minutes = nullptr;
    nlohmann::json time = nullptr;
    if (entry.scenario_minutes) {
        minutes = *entry.scenario_minutes;
        time =
            scenario::FormatScenarioTime(static_cast<scenario::ScenarioMinutes>(std::floor(*entry.scenario_minutes)));
    }
    return {{"id", entry.id},
            {"organisation_id", entry.organisation_id},
            {"person_id", entry.person_id},
            {"person_name", entry.person_name},
            {"text", entry.text},
            {"objective", entry.objective ? nlohmann::json(*entry.objective) : nlohmann::json(nullptr)},
            {"decision_type", entry.decision_type},
            {"inject_id", entry.inject_id ? nlohmann::json(*entry.inject_id) : nlohmann::json(nullptr)},
            {"wall_at", TimestampOf(entry.wall_at_us)},
            {"wall_at_us", entry.wall_at_us},
            {"scenario_minutes", minutes},
            {"scenario_time", time},
            {"created_at", entry.created_at}};
}

nlohmann::json ProgressJson(const ProgressRow& row) {
    return {{"organisation_id", row.organisation_id},
            {"name", row.name},
            {"sector_code", row.sector_code},
            {"participation_mode", row.participation_mode},
            {"online_participants", row.online_participants},
            {"released_injects", row.released_injects},
            {"acknowledged_injects", row.acknowledged_injects},
            {"action_entries", row.action_entries},
            {"last_activity", OptionalTimestamp(row.last_activity_us)}};
}

Status ValidateAction(const ActionInput& input) {
    if (input.text.empty()) return Fail(ErrorCode::kInvalidArgument, "text is required", "text");
    if (CharacterCount(input.text) > kMaxActionCharacters) {
        return Fail(ErrorCode::kInvalidArgument, "text exceeds 4000 characters", "text");
    }
    if (input.objective && (*input.objective < 1 || *input.objective > 10)) {
        return Fail(ErrorCode::kInvalidArgument, "objective must be 1..10", "objective");
    }
    const auto& types = DecisionTypes();
    if (std::find(types.begin(), types.end(), input.decision_type) == types.end()) {
        return Fail(ErrorCode::kInvalidArgument,
                    "decision_type must be one of decision, report, communication, technical, other", "decision_type");
    }
    if (input.inject_id && (input.inject_id->empty() || input.inject_id->size() > kMaxInjectIdBytes)) {
        return Fail(ErrorCode::kInvalidArgument, "inject_id must be 1..64 bytes", "inject_id");
    }
    return Ok();
}

Result<StreamSubscriber> ParticipantSubscriber(db::Database& database, std::int64_t exercise_id,
                                               std::int64_t organisation_id, std::int64_t person_id) {
    StreamSubscriber subscriber;
    auto read = database.Read([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne(kSelectSubscriber, {person_id, organisation_id, exercise_id});
        if (!row) return tl::unexpected(row.error());
        if (!*row) return Fail(ErrorCode::kNotFound, "no such person in this organisation", "person_id");
        subscriber.exercise_id = exercise_id;
        subscriber.organisation_id = organisation_id;
        subscriber.person_id = person_id;
        subscriber.sector = (*row)->Text(0);
        subscriber.mode = (*row)->Text(1);
        subscriber.team_roles = SplitRoles((*row)->Text(2));
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return subscriber;
}

PlayService::PlayService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                         const EventLog& events, ScenarioSource& scenarios)
    : database_(database), clock_(clock), audit_(audit), events_(events), scenarios_(scenarios) {}

Result<bool> PlayService::ReleasedTo(db::Connection& connection, std::int64_t exercise_id, std::int64_t organisation_id,
                                     const std::string& inject_id) {
    auto first = connection.QueryOne(kSelectFirstSeq, {exercise_id, inject_id});
    if (!first) return tl::unexpected(first.error());
    if (!*first) return false;
    auto organisation = connection.QueryOne(kSelectOrganisation, {organisation_id, exercise_id});
    if (!organisation) return tl::unexpected(organisation.error());
    if (!*organisation) return false;
    StreamSubscriber subscriber;
    subscriber.exercise_id = exercise_id;
    subscriber.organisation_id = organisation_id;
    subscriber.sector = (*organisation)->Text(0);
    subscriber.mode = (*organisation)->Text(1);
    auto rows = connection.Query(kSelectReleaseEvents, {exercise_id, (*first)->Int(0)});
    if (!rows) return tl::unexpected(rows.error());
    for (const db::Row& row : *rows) {
        auto audience = AudienceFromJson(row.Text(0));
        if (!audience) return tl::unexpected(audience.error());
        if (AudienceMatches(*audience, subscriber)) return true;
    }
    return false;
}

Status PlayService::AppendProgress(db::Connection& connection, std::int64_t exercise_id, std::int64_t organisation_id,
                                   std::int64_t now_us) {
    auto counts = connection.QueryOne(kOrganisationCounts, {exercise_id, organisation_id});
    if (!counts) return tl::unexpected(counts.error());
    const db::Row& row = **counts;
    std::optional<std::int64_t> last;
    for (std::size_t column : {std::size_t{2}, std::size_t{3}}) {
        if (auto value = row.OptionalInt(column); value && (!last || *value > *last)) last = value;
    }
    EventAudience staff;
    staff.staff = true;
    return AppendJsonEvent(connection, events_, exercise_id, "progress.updated", staff, now_us,
                           {{"organisation_id", organisation_id},
                            {"acked", row.Int(0)},
                            {"actions", row.Int(1)},
                            {"last_activity", OptionalTimestamp(last)}});
}

Result<AckOutcome> PlayService::Acknowledge(std::int64_t exercise_id, std::int64_t organisation_id,
                                            std::int64_t person_id, const std::string& inject_id,
                                            const audit::Actor& actor) {
    if (inject_id.empty() || inject_id.size() > kMaxInjectIdBytes) {
        return Fail(ErrorCode::kNotFound, "no such inject", "inject_id");
    }
    AckOutcome outcome;
    outcome.inject_id = inject_id;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto released = ReleasedTo(connection, exercise_id, organisation_id, inject_id);
        if (!released) return tl::unexpected(released.error());
        if (!*released)
            return Fail(ErrorCode::kNotFound, "inject '" + inject_id + "' was not released to you", "inject_id");
        const std::int64_t now_us = MicrosOf(clock_.Now());
        auto inserted = connection.Execute(kInsertAck, {exercise_id, inject_id, organisation_id, person_id, now_us});
        if (!inserted) return tl::unexpected(inserted.error());
        if (*inserted == 0) {
            auto existing = connection.QueryOne(kSelectAck, {exercise_id, inject_id, person_id});
            if (!existing) return tl::unexpected(existing.error());
            outcome.acked_at_us = *existing ? (*existing)->Int(0) : now_us;
            return Ok();
        }
        outcome.created = true;
        outcome.acked_at_us = now_us;
        auto name = PersonName(connection, person_id);
        if (!name) return tl::unexpected(name.error());
        EventAudience team;
        team.organisation_ids = {organisation_id};
        if (auto s = AppendJsonEvent(connection, events_, exercise_id, "inject.acknowledged", team, now_us,
                                     {{"inject_id", inject_id},
                                      {"organisation_id", organisation_id},
                                      {"person_id", person_id},
                                      {"person_name", *name},
                                      {"acknowledged_at", TimestampOf(now_us)}});
            !s) {
            return s;
        }
        if (auto s = AppendProgress(connection, exercise_id, organisation_id, now_us); !s) return s;
        audit::AuditEntry entry{exercise_id, "inject.ack",
                                "inject",    inject_id,
                                nullptr,     {{"organisation_id", organisation_id}, {"person_id", person_id}}};
        return audit_.Append(connection, actor, entry);
    });
    if (!written) return tl::unexpected(written.error());
    return outcome;
}

Result<ActionEntry> PlayService::LogAction(std::int64_t exercise_id, std::int64_t organisation_id,
                                           std::int64_t person_id, const ActionInput& input,
                                           const audit::Actor& actor) {
    if (auto valid = ValidateAction(input); !valid) return tl::unexpected(valid.error());
    auto snapshot = scenarios_.Load(exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    ActionEntry entry;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        if (input.inject_id) {
            auto released = ReleasedTo(connection, exercise_id, organisation_id, *input.inject_id);
            if (!released) return tl::unexpected(released.error());
            if (!*released) {
                return Fail(ErrorCode::kInvalidArgument, "inject '" + *input.inject_id + "' was not released to you",
                            "inject_id");
            }
        }
        const std::int64_t now_us = MicrosOf(clock_.Now());
        auto stored = LoadClock(connection, exercise_id);
        if (!stored) return tl::unexpected(stored.error());
        std::optional<double> minutes;
        if (stored->version != 0) minutes = ScenarioMinutesAt(stored->snapshot, (*snapshot)->master.scenes, now_us);
        auto name = PersonName(connection, person_id);
        if (!name) return tl::unexpected(name.error());
        const std::string created_at = TimestampOf(now_us);
        auto id = connection.QueryOne(
            kInsertAction,
            {exercise_id, organisation_id, person_id, now_us, minutes ? db::Value(*minutes) : db::Value(), input.text,
             input.objective ? db::Value(std::int64_t{*input.objective}) : db::Value(), input.decision_type,
             input.inject_id ? db::Value(*input.inject_id) : db::Value(), created_at});
        if (!id) return tl::unexpected(id.error());
        entry = ActionEntry{(*id)->Int(0), organisation_id, person_id,           *name,           now_us,    minutes,
                            input.text,    input.objective, input.decision_type, input.inject_id, created_at};
        EventAudience team_and_staff;
        team_and_staff.organisation_ids = {organisation_id};
        team_and_staff.staff = true;
        if (auto s = AppendJsonEvent(connection, events_, exercise_id, "action.logged", team_and_staff, now_us,
                                     ActionJson(entry));
            !s) {
            return s;
        }
        if (auto s = AppendProgress(connection, exercise_id, organisation_id, now_us); !s) return s;
        audit::AuditEntry audit_entry{exercise_id,
                                      "action.create",
                                      "action_entry",
                                      std::to_string(entry.id),
                                      nullptr,
                                      {{"organisation_id", organisation_id},
                                       {"decision_type", input.decision_type},
                                       {"objective", input.objective ? nlohmann::json(*input.objective) : nullptr}}};
        return audit_.Append(connection, actor, audit_entry);
    });
    if (!written) return tl::unexpected(written.error());
    return entry;
}

Result<ActionPage> PlayService::ListActions(std::int64_t exercise_id, std::int64_t organisation_id, int page,
                                            int page_size) {
    if (page < 1) return Fail(ErrorCode::kInvalidArgument, "page must be at least 1", "page");
    if (page_size < 1 || page_size > kMaxPageSize) {
        return Fail(ErrorCode::kInvalidArgument, "page_size must be 1..200", "page_size");
    }
    ActionPage result;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto total = connection.QueryOne(kCountActions, {exercise_id, organisation_id});
        if (!total) return tl::unexpected(total.error());
        result.total = (*total)->Int(0);
        auto rows = connection.Query(kListActions, {exercise_id, organisation_id, std::int64_t{page_size},
                                                    static_cast<std::int64_t>(page - 1) * page_size});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) {
            ActionEntry entry;
            entry.id = row.Int(0);
            entry.organisation_id = row.Int(1);
            entry.person_id = row.Int(2);
            entry.person_name = row.Text(3);
            entry.wall_at_us = row.Int(4);
            if (!row.IsNull(5)) entry.scenario_minutes = row.Real(5);
            entry.text = row.Text(6);
            if (auto objective = row.OptionalInt(7)) entry.objective = static_cast<int>(*objective);
            entry.decision_type = row.Text(8);
            entry.inject_id = row.OptionalText(9);
            entry.created_at = row.Text(10);
            result.items.push_back(std::move(entry));
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return result;
}

Result<std::vector<ProgressRow>> PlayService::Progress(std::int64_t exercise_id, const std::string& sector,
                                                       const std::string& mode,
                                                       const std::unordered_map<std::int64_t, int>& online) {
    std::vector<ProgressRow> rows;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto organisations = connection.Query(kProgressOrganisations, {exercise_id, sector, mode});
        if (!organisations) return tl::unexpected(organisations.error());
        std::unordered_map<std::int64_t, std::size_t> index;
        for (const db::Row& row : *organisations) {
            ProgressRow progress;
            progress.organisation_id = row.Int(0);
            progress.name = row.Text(1);
            progress.sector_code = row.Text(2);
            progress.participation_mode = row.Text(3);
            if (auto found = online.find(progress.organisation_id); found != online.end()) {
                progress.online_participants = found->second;
            }
            index[progress.organisation_id] = rows.size();
            rows.push_back(std::move(progress));
        }
        const auto touch = [](ProgressRow& row, std::optional<std::int64_t> at) {
            if (at && (!row.last_activity_us || *at > *row.last_activity_us)) row.last_activity_us = at;
        };
        auto acks = connection.Query(kProgressAcks, {exercise_id});
        if (!acks) return tl::unexpected(acks.error());
        for (const db::Row& row : *acks) {
            auto found = index.find(row.Int(0));
            if (found == index.end()) continue;
            rows[found->second].acknowledged_injects = static_cast<int>(row.Int(1));
            touch(rows[found->second], row.OptionalInt(2));
        }
        auto actions = connection.Query(kProgressActions, {exercise_id});
        if (!actions) return tl::unexpected(actions.error());
        for (const db::Row& row : *actions) {
            auto found = index.find(row.Int(0));
            if (found == index.end()) continue;
            rows[found->second].action_entries = static_cast<int>(row.Int(1));
            touch(rows[found->second], row.OptionalInt(2));
        }
        // Released injects per organisation: each release's events, matched per organisation
        // (an organisation is in at most one group of a release; count inject ids once).
        auto events = connection.Query(kReleasedEvents, {exercise_id});
        if (!events) return tl::unexpected(events.error());
        std::vector<StreamSubscriber> subscribers(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            subscribers[i].exercise_id = exercise_id;
            subscribers[i].organisation_id = rows[i].organisation_id;
            subscribers[i].sector = rows[i].sector_code;
            subscribers[i].mode = rows[i].participation_mode;
        }
        std::vector<std::set<std::string>> seen(rows.size());
        for (const db::Row& row : *events) {
            if (row.Text(1) != "inject.released") continue;
            auto audience = AudienceFromJson(row.Text(2));
            if (!audience) return tl::unexpected(audience.error());
            auto payload = nlohmann::json::parse(row.Text(4), nullptr, false);
            if (!payload.is_object() || !payload.contains("inject_id")) continue;
            const std::string inject_id = payload["inject_id"].get<std::string>();
            const auto count = [&](std::size_t i) {
                if (seen[i].insert(inject_id).second) ++rows[i].released_injects;
            };
            if (!audience->everyone && audience->sectors.empty() && audience->modes.empty()) {
                for (std::int64_t id : audience->organisation_ids) {
                    if (auto found = index.find(id); found != index.end()) count(found->second);
                }
                continue;
            }
            for (std::size_t i = 0; i < rows.size(); ++i) {
                if (AudienceMatches(*audience, subscribers[i])) count(i);
            }
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return rows;
}

Result<Inbox> PlayService::InboxOf(const StreamSubscriber& subscriber) {
    Inbox inbox;
    inbox.organisation_id = subscriber.organisation_id.value_or(0);
    const std::int64_t exercise_id = subscriber.exercise_id;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto last = connection.QueryOne(kLastSeq, {exercise_id});
        if (!last) return tl::unexpected(last.error());
        inbox.last_seq = (*last)->Int(0);
        auto actions = connection.QueryOne(kCountActions, {exercise_id, inbox.organisation_id});
        if (!actions) return tl::unexpected(actions.error());
        inbox.actions_count = (*actions)->Int(0);
        std::map<std::string, std::int64_t> mine;
        std::map<std::string, std::int64_t> first_in_organisation;
        auto acks = connection.Query(kOrganisationAcks, {exercise_id, inbox.organisation_id});
        if (!acks) return tl::unexpected(acks.error());
        for (const db::Row& row : *acks) {
            const std::string inject_id = row.Text(0);
            const std::int64_t at = row.Int(2);
            if (subscriber.person_id && row.Int(1) == *subscriber.person_id) mine[inject_id] = at;
            auto [it, inserted] = first_in_organisation.emplace(inject_id, at);
            if (!inserted && at < it->second) it->second = at;
        }
        auto rows = connection.Query(kReleasedEvents, {exercise_id});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) {
            auto audience = AudienceFromJson(row.Text(2));
            if (!audience) return tl::unexpected(audience.error());
            if (!AudienceMatches(*audience, subscriber)) continue;
            InboxItem item;
            item.event.exercise_id = exercise_id;
            item.event.seq = row.Int(0);
            item.event.type = row.Text(1);
            item.event.audience = std::move(*audience);
            item.event.released_at_us = row.Int(3);
            item.event.payload_json = row.Text(4);
            if (item.event.type == "inject.released") {
                auto payload = nlohmann::json::parse(item.event.payload_json, nullptr, false);
                if (payload.is_object() && payload.contains("inject_id") && payload["inject_id"].is_string()) {
                    const std::string inject_id = payload["inject_id"].get<std::string>();
                    if (auto found = mine.find(inject_id); found != mine.end()) item.my_ack_us = found->second;
                    if (auto found = first_in_organisation.find(inject_id); found != first_in_organisation.end()) {
                        item.organisation_ack_us = found->second;
                    }
                }
            }
            inbox.items.push_back(std::move(item));
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return inbox;
}

Result<std::int64_t> PlayService::Broadcast(std::int64_t exercise_id, const scenario::LocalisedText& message,
                                            const std::string& from, const audit::Actor& actor) {
    if (message.ja.empty()) return Fail(ErrorCode::kInvalidArgument, "message.ja is required", "message.ja");
    if (CharacterCount(message.ja) > kMaxBroadcastCharacters) {
        return Fail(ErrorCode::kInvalidArgument, "message.ja exceeds 2000 characters", "message.ja");
    }
    if (CharacterCount(message.en) > kMaxBroadcastCharacters) {
        return Fail(ErrorCode::kInvalidArgument, "message.en exceeds 2000 characters", "message.en");
    }
    std::int64_t seq = 0;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        const std::int64_t now_us = MicrosOf(clock_.Now());
        LiveEvent event;
        event.exercise_id = exercise_id;
        event.type = "broadcast";
        event.audience.everyone = true;
        event.released_at_us = now_us;
        const nlohmann::json payload = {{"message", {{"ja", message.ja}, {"en", message.en}}}, {"from", from}};
        event.payload_json = payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        if (auto appended = events_.Append(connection, event); !appended) return appended;
        seq = event.seq;
        audit::AuditEntry entry{exercise_id, "broadcast.create", "live_event", std::to_string(seq), nullptr, payload};
        return audit_.Append(connection, actor, entry);
    });
    if (!written) return tl::unexpected(written.error());
    return seq;
}

}  // namespace enshu::live
