#include "live/release_service.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <string_view>

#include "live/clock_repository.hpp"

namespace enshu::live {
namespace {

constexpr std::string_view kSelectProfiles =
    "SELECT id, COALESCE(external_ref, ''), name, sector_code, participation_mode FROM organisation "
    "WHERE exercise_id = $1 ORDER BY id";
constexpr std::string_view kSelectRelease =
    "SELECT inject_id, kind, scenario_minutes, due_wall_us, released_at_us, late, organisation_count, first_seq "
    "FROM inject_release WHERE exercise_id = $1 AND inject_id = $2";
constexpr std::string_view kSelectReleases =
    "SELECT inject_id, kind, scenario_minutes, due_wall_us, released_at_us, late, organisation_count, first_seq "
    "FROM inject_release WHERE exercise_id = $1 ORDER BY id";
// DO NOTHING on the UNIQUE (exercise_id, inject_id): 0 rows changed = already released.
constexpr std::string_view kInsertRelease =
    "INSERT INTO inject_release (exercise_id, inject_id, kind, scenario_minutes, due_wall_us, released_at_us, late, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (exercise_id, inject_id) DO NOTHING";
constexpr std::string_view kFinishRelease =
    "UPDATE inject_release SET first_seq = $3, organisation_count = $4 WHERE exercise_id = $1 AND inject_id = $2";
constexpr std::string_view kNextAdhocNumber = "SELECT COUNT(*) + 1 FROM adhoc_inject WHERE exercise_id = $1";
constexpr std::string_view kInsertAdhoc =
    "INSERT INTO adhoc_inject (exercise_id, inject_id, title_ja, title_en, body_ja, body_en, audience, objectives, "
    "created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

constexpr std::size_t kMaxTitleCharacters = 200;
constexpr std::size_t kMaxBodyCharacters = 8000;
constexpr std::size_t kMaxAudienceOrganisations = 1000;
constexpr std::size_t kMaxAudienceNames = 100;
constexpr std::size_t kMaxObjectives = 10;

std::size_t CharacterCount(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

nlohmann::json TextJson(const scenario::LocalisedText& text) { return {{"ja", text.ja}, {"en", text.en}}; }

// The player-visible content of an inject (never the controller notes or expected
// actions); identical content = identical key.
nlohmann::json ContentJson(const scenario::Inject& inject) {
    nlohmann::json attachments = nlohmann::json::array();
    for (const auto& attachment : inject.attachments) {
        attachments.push_back({{"name", attachment.name}, {"url", attachment.url}});
    }
    return {{"inject_id", inject.id},
            {"scene_id", inject.scene_id},
            {"scenario_time", scenario::FormatScenarioTime(inject.at)},
            {"scenario_minutes", inject.at},
            {"title", TextJson(inject.title)},
            {"body", TextJson(inject.body)},
            {"attachments", attachments},
            {"objectives", inject.objectives},
            {"team_roles", inject.audience.team_roles}};
}

// A cheap identity of ContentJson (length-prefixed fields), so that grouping 800
// organisations does not build 800 JSON documents.
std::string ContentKey(const scenario::Inject& inject) {
    std::string key;
    const auto add = [&key](const std::string& field) {
        key += std::to_string(field.size());
        key += ':';
        key += field;
    };
    for (const std::string* field :
         {&inject.id, &inject.scene_id, &inject.title.ja, &inject.title.en, &inject.body.ja, &inject.body.en}) {
        add(*field);
    }
    key += std::to_string(inject.at) + '|';
    for (const auto& attachment : inject.attachments) {
        add(attachment.name);
        add(attachment.url);
    }
    key += '|';
    for (int objective : inject.objectives) key += std::to_string(objective) + ',';
    key += '|';
    for (const auto& role : inject.audience.team_roles) add(role);
    return key;
}

std::string Dump(const nlohmann::json& json) {
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

const scenario::Inject* FindDefinition(const scenario::ExerciseScenario& snapshot, const std::string& inject_id) {
    for (const auto& inject : snapshot.master.injects) {
        if (inject.id == inject_id) return &inject;
    }
    for (const auto& [code, overlay] : snapshot.sector_overlays) {
        for (const auto& inject : overlay.added) {
            if (inject.id == inject_id) return &inject;
        }
    }
    for (const auto& [id, overlay] : snapshot.organisation_overlays) {
        for (const auto& inject : overlay.added) {
            if (inject.id == inject_id) return &inject;
        }
    }
    return nullptr;
}

bool AddressesEveryone(const scenario::Audience& audience) {
    return audience.everyone && audience.sectors.empty() && audience.organisations.empty() && audience.modes.empty();
}

ReleaseRecord RecordOf(const db::Row& row) {
    ReleaseRecord record;
    record.inject_id = row.Text(0);
    const std::string kind = row.Text(1);
    record.kind = kind == "manual"  ? ReleaseKind::kManual
                  : kind == "adhoc" ? ReleaseKind::kAdhoc
                                    : ReleaseKind::kScheduled;
    record.scenario_minutes = row.Real(2);
    record.due_wall_us = row.OptionalInt(3);
    record.released_at_us = row.Int(4);
    record.late = row.Int(5) != 0;
    record.organisation_count = static_cast<int>(row.Int(6));
    record.first_seq = row.Int(7);
    return record;
}

Result<std::optional<ReleaseRecord>> FindRelease(db::Connection& connection, std::int64_t exercise_id,
                                                 const std::string& inject_id) {
    auto row = connection.QueryOne(kSelectRelease, {exercise_id, inject_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return std::optional<ReleaseRecord>();
    return std::optional<ReleaseRecord>(RecordOf(**row));
}

// One group of organisations receiving identical content.
struct Group {
    nlohmann::json content;
    std::vector<std::int64_t> organisation_ids;
};

struct ClockPosition {
    double minutes = 0;
    std::string scene_id;
};

Result<ClockPosition> PositionAt(db::Connection& connection, std::int64_t exercise_id,
                                 const std::vector<scenario::Scene>& scenes, std::int64_t now_us) {
    auto stored = LoadClock(connection, exercise_id);
    if (!stored) return tl::unexpected(stored.error());
    ClockPosition position;
    if (stored->version == 0 && !scenes.empty()) {
        position.minutes = static_cast<double>(scenes.front().starts_at);
    } else {
        position.minutes = ScenarioMinutesAt(stored->snapshot, scenes, now_us);
    }
    const int index = stored->snapshot.scene_index;
    if (index >= 0 && index < static_cast<int>(scenes.size())) position.scene_id = scenes[index].id;
    return position;
}

Status AppendEvent(db::Connection& connection, const EventLog& events, std::int64_t exercise_id,
                   const std::string& type, EventAudience audience, std::int64_t released_at_us,
                   const nlohmann::json& payload, std::int64_t* seq_out) {
    LiveEvent event;
    event.exercise_id = exercise_id;
    event.type = type;
    event.audience = std::move(audience);
    event.released_at_us = released_at_us;
    event.payload_json = Dump(payload);
    if (auto appended = events.Append(connection, event); !appended) return appended;
    if (seq_out != nullptr && *seq_out == 0) *seq_out = event.seq;
    return Ok();
}

Status ValidateText(const std::string& text, std::size_t limit, const std::string& field, bool required) {
    if (required && text.empty()) return Fail(ErrorCode::kInvalidArgument, field + " is required", field);
    if (CharacterCount(text) > limit) {
        return Fail(ErrorCode::kInvalidArgument, field + " exceeds " + std::to_string(limit) + " characters", field);
    }
    return Ok();
}

}  // namespace

std::string_view ReleaseKindName(ReleaseKind kind) {
    switch (kind) {
        case ReleaseKind::kScheduled:
            return "scheduled";
        case ReleaseKind::kManual:
            return "manual";
        case ReleaseKind::kAdhoc:
            return "adhoc";
    }
    return "scheduled";
}

Result<std::vector<scenario::OrganisationProfile>> LoadOrganisationProfiles(db::Connection& connection,
                                                                            std::int64_t exercise_id) {
    auto rows = connection.Query(kSelectProfiles, {exercise_id});
    if (!rows) return tl::unexpected(rows.error());
    std::vector<scenario::OrganisationProfile> profiles;
    profiles.reserve(rows->size());
    for (const db::Row& row : *rows) {
        profiles.push_back({row.Int(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4)});
    }
    return profiles;
}

Status ValidateAdhocInject(const AdhocInjectInput& input) {
    if (auto s = ValidateText(input.title.ja, kMaxTitleCharacters, "title.ja", true); !s) return s;
    if (auto s = ValidateText(input.title.en, kMaxTitleCharacters, "title.en", false); !s) return s;
    if (auto s = ValidateText(input.body.ja, kMaxBodyCharacters, "body.ja", false); !s) return s;
    if (auto s = ValidateText(input.body.en, kMaxBodyCharacters, "body.en", false); !s) return s;
    const EventAudience& audience = input.audience;
    if (audience.organisation_ids.size() > kMaxAudienceOrganisations) {
        return Fail(ErrorCode::kInvalidArgument, "at most 1000 organisations", "audience.organisation_ids");
    }
    for (auto [list, field] :
         {std::pair{&audience.sectors, "audience.sectors"}, std::pair{&audience.modes, "audience.modes"},
          std::pair{&audience.team_roles, "audience.team_roles"}}) {
        if (list->size() > kMaxAudienceNames) {
            return Fail(ErrorCode::kInvalidArgument, std::string(field) + ": at most 100 entries", field);
        }
        for (const auto& name : *list) {
            if (name.empty() || name.size() > 64) {
                return Fail(ErrorCode::kInvalidArgument, std::string(field) + ": names are 1..64 bytes", field);
            }
        }
    }
    if (!audience.everyone && audience.organisation_ids.empty() && audience.sectors.empty() && audience.modes.empty()) {
        return Fail(ErrorCode::kInvalidArgument, "name the organisations, sectors or modes, or everyone", "audience");
    }
    if (input.objectives.size() > kMaxObjectives) {
        return Fail(ErrorCode::kInvalidArgument, "at most 10 objectives", "objectives");
    }
    for (int objective : input.objectives) {
        if (objective < 1 || objective > 10) {
            return Fail(ErrorCode::kInvalidArgument, "objectives are 1..10", "objectives");
        }
    }
    return Ok();
}

ReleaseService::ReleaseService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                               const EventLog& events, ScenarioSource& scenarios)
    : database_(database), clock_(clock), audit_(audit), events_(events), scenarios_(scenarios) {}

Result<ReleaseOutcome> ReleaseService::ReleaseScenarioInject(std::int64_t exercise_id, const std::string& inject_id,
                                                             ReleaseKind kind, std::optional<std::int64_t> due_wall_us,
                                                             std::optional<std::int64_t> expected_clock_version,
                                                             const audit::Actor& actor) {
    auto snapshot = scenarios_.Load(exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    const scenario::Inject* definition = FindDefinition(**snapshot, inject_id);
    if (definition == nullptr) {
        return Fail(ErrorCode::kNotFound, "no inject '" + inject_id + "' in the scenario", "inject_id");
    }

    // Cheap exit for a repeat, then the per-organisation content outside the write lock.
    std::optional<ReleaseRecord> existing;
    std::vector<scenario::OrganisationProfile> profiles;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto found = FindRelease(connection, exercise_id, inject_id);
        if (!found) return tl::unexpected(found.error());
        existing = *found;
        if (existing) return Ok();
        auto loaded = LoadOrganisationProfiles(connection, exercise_id);
        if (!loaded) return tl::unexpected(loaded.error());
        profiles = std::move(*loaded);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    if (existing) return ReleaseOutcome{*existing, false};

    std::vector<Group> groups;
    std::map<std::string, std::size_t> group_of_key;
    std::size_t reached = 0;
    for (const auto& profile : profiles) {
        auto timeline = scenarios_.EffectiveTimeline(exercise_id, profile);
        if (!timeline) return tl::unexpected(timeline.error());
        auto item = std::find_if(timeline->begin(), timeline->end(), [&](const scenario::EffectiveInject& effective) {
            return effective.inject.id == inject_id;
        });
        if (item == timeline->end()) continue;
        ++reached;
        auto [position, inserted] = group_of_key.emplace(ContentKey(item->inject), groups.size());
        if (inserted) groups.push_back(Group{ContentJson(item->inject), {}});
        groups[position->second].organisation_ids.push_back(profile.id);
    }
    const bool to_everyone =
        groups.size() == 1 && reached == profiles.size() && AddressesEveryone(definition->audience);

    const std::int64_t released_at_us = MicrosOf(clock_.Now());
    const bool late = kind == ReleaseKind::kScheduled && due_wall_us && released_at_us - *due_wall_us > kLateAfterUs;
    ReleaseOutcome outcome;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        if (expected_clock_version) {
            auto stored = LoadClock(connection, exercise_id);
            if (!stored) return tl::unexpected(stored.error());
            if (stored->version != *expected_clock_version || stored->snapshot.state != ClockState::kRunning) {
                return Fail(ErrorCode::kConflict, "the clock changed; re-read it", "clock");
            }
        }
        auto position = PositionAt(connection, exercise_id, (*snapshot)->master.scenes, released_at_us);
        if (!position) return tl::unexpected(position.error());
        auto inserted =
            connection.Execute(kInsertRelease, {exercise_id, inject_id, std::string(ReleaseKindName(kind)),
                                                position->minutes, due_wall_us ? db::Value(*due_wall_us) : db::Value(),
                                                released_at_us, std::int64_t{late ? 1 : 0},
                                                FormatTimestamp(TimePoint(std::chrono::microseconds(released_at_us)))});
        if (!inserted) return tl::unexpected(inserted.error());
        if (*inserted == 0) {  // a concurrent caller released it first
            auto found = FindRelease(connection, exercise_id, inject_id);
            if (!found) return tl::unexpected(found.error());
            if (!*found) return Fail(ErrorCode::kInternal, "inject_release vanished for " + inject_id);
            outcome = ReleaseOutcome{**found, false};
            return Ok();
        }
        std::int64_t first_seq = 0;
        for (const Group& group : groups) {
            EventAudience audience;
            audience.everyone = to_everyone;
            if (!to_everyone) audience.organisation_ids = group.organisation_ids;
            audience.team_roles = group.content.at("team_roles").get<std::vector<std::string>>();
            nlohmann::json payload = group.content;
            payload["kind"] = ReleaseKindName(kind);
            payload["late"] = late;
            if (auto s = AppendEvent(connection, events_, exercise_id, "inject.released", std::move(audience),
                                     released_at_us, payload, &first_seq);
                !s) {
                return s;
            }
        }
        EventAudience staff;
        staff.staff = true;
        const nlohmann::json recorded = {
            {"inject_id", inject_id}, {"kind", ReleaseKindName(kind)}, {"late", late}, {"organisation_count", reached}};
        if (auto s = AppendEvent(connection, events_, exercise_id, "release.recorded", staff, released_at_us, recorded,
                                 &first_seq);
            !s) {
            return s;
        }
        auto finished =
            connection.Execute(kFinishRelease, {exercise_id, inject_id, first_seq, static_cast<std::int64_t>(reached)});
        if (!finished) return tl::unexpected(finished.error());
        audit::AuditEntry entry{exercise_id, "inject.release", "inject", inject_id, nullptr, recorded};
        if (auto logged = audit_.Append(connection, actor, entry); !logged) return logged;
        outcome.created = true;
        outcome.release = ReleaseRecord{inject_id,      kind, position->minutes,         due_wall_us,
                                        released_at_us, late, static_cast<int>(reached), first_seq};
        return Ok();
    });
    if (!written) return tl::unexpected(written.error());
    return outcome;
}

Result<ReleaseOutcome> ReleaseService::ReleaseAdhoc(std::int64_t exercise_id, const AdhocInjectInput& input,
                                                    const audit::Actor& actor) {
    if (auto valid = ValidateAdhocInject(input); !valid) return tl::unexpected(valid.error());
    auto snapshot = scenarios_.Load(exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    const std::int64_t released_at_us = MicrosOf(clock_.Now());
    ReleaseOutcome outcome;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto profiles = LoadOrganisationProfiles(connection, exercise_id);
        if (!profiles) return tl::unexpected(profiles.error());
        for (std::int64_t id : input.audience.organisation_ids) {
            const bool known = std::any_of(profiles->begin(), profiles->end(),
                                           [&](const scenario::OrganisationProfile& p) { return p.id == id; });
            if (!known) {
                return Fail(ErrorCode::kInvalidArgument, "no organisation " + std::to_string(id) + " in this exercise",
                            "audience.organisation_ids");
            }
        }
        int reached = 0;
        for (const auto& profile : *profiles) {
            StreamSubscriber subscriber;
            subscriber.exercise_id = exercise_id;
            subscriber.organisation_id = profile.id;
            subscriber.sector = profile.sector_code;
            subscriber.mode = profile.mode;
            if (AudienceMatches(input.audience, subscriber)) ++reached;
        }
        auto number = connection.QueryOne(kNextAdhocNumber, {exercise_id});
        if (!number) return tl::unexpected(number.error());
        const std::string inject_id = "adhoc-" + std::to_string((*number)->Int(0));
        auto position = PositionAt(connection, exercise_id, (*snapshot)->master.scenes, released_at_us);
        if (!position) return tl::unexpected(position.error());
        const std::string now_text = FormatTimestamp(TimePoint(std::chrono::microseconds(released_at_us)));
        auto stored = connection.Execute(
            kInsertAdhoc, {exercise_id, inject_id, input.title.ja, input.title.en, input.body.ja, input.body.en,
                           AudienceToJson(input.audience), Dump(nlohmann::json(input.objectives)),
                           actor.user_id ? db::Value(*actor.user_id) : db::Value(), now_text});
        if (!stored) return tl::unexpected(stored.error());
        auto inserted =
            connection.Execute(kInsertRelease, {exercise_id, inject_id, std::string("adhoc"), position->minutes,
                                                db::Value(), released_at_us, std::int64_t{0}, now_text});
        if (!inserted) return tl::unexpected(inserted.error());
        const auto minutes = static_cast<scenario::ScenarioMinutes>(std::floor(position->minutes));
        const nlohmann::json payload = {{"inject_id", inject_id},
                                        {"scene_id", position->scene_id},
                                        {"scenario_time", scenario::FormatScenarioTime(minutes)},
                                        {"scenario_minutes", position->minutes},
                                        {"title", TextJson(input.title)},
                                        {"body", TextJson(input.body)},
                                        {"attachments", nlohmann::json::array()},
                                        {"objectives", input.objectives},
                                        {"team_roles", input.audience.team_roles},
                                        {"kind", "adhoc"},
                                        {"late", false}};
        std::int64_t first_seq = 0;
        if (auto s = AppendEvent(connection, events_, exercise_id, "inject.released", input.audience, released_at_us,
                                 payload, &first_seq);
            !s) {
            return s;
        }
        EventAudience staff;
        staff.staff = true;
        const nlohmann::json recorded = {
            {"inject_id", inject_id}, {"kind", "adhoc"}, {"late", false}, {"organisation_count", reached}};
        if (auto s = AppendEvent(connection, events_, exercise_id, "release.recorded", staff, released_at_us, recorded,
                                 nullptr);
            !s) {
            return s;
        }
        auto finished = connection.Execute(kFinishRelease, {exercise_id, inject_id, first_seq, std::int64_t{reached}});
        if (!finished) return tl::unexpected(finished.error());
        nlohmann::json after = recorded;
        after["title"] = TextJson(input.title);
        audit::AuditEntry entry{exercise_id, "inject.adhoc", "inject", inject_id, nullptr, after};
        if (auto logged = audit_.Append(connection, actor, entry); !logged) return logged;
        outcome.created = true;
        outcome.release = ReleaseRecord{
            inject_id, ReleaseKind::kAdhoc, position->minutes, std::nullopt, released_at_us, false, reached, first_seq};
        return Ok();
    });
    if (!written) return tl::unexpected(written.error());
    return outcome;
}

Result<std::vector<ReleaseRecord>> ReleaseService::List(std::int64_t exercise_id) {
    std::vector<ReleaseRecord> records;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto rows = connection.Query(kSelectReleases, {exercise_id});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) records.push_back(RecordOf(row));
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return records;
}

}  // namespace enshu::live
