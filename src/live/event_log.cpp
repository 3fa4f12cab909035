#include "live/event_log.hpp"

#include <chrono>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

#include "core/clock.hpp"

namespace enshu::live {
namespace {

// SQLite has one writer, so MAX(seq)+1 inside the write transaction is the next number.
constexpr std::string_view kNextSeq = "SELECT COALESCE(MAX(seq), 0) + 1 FROM live_event WHERE exercise_id = $1";
constexpr std::string_view kInsertEvent =
    "INSERT INTO live_event (exercise_id, seq, type, audience, released_at_us, payload, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr std::string_view kReadAfter =
    "SELECT seq, type, audience, released_at_us, payload FROM live_event WHERE exercise_id = $1 AND seq > $2 "
    "AND ($3 = 0 OR seq <= $3) ORDER BY seq LIMIT $4";
constexpr std::string_view kLastSeq = "SELECT COALESCE(MAX(seq), 0) FROM live_event WHERE exercise_id = $1";

constexpr int kMaxReadLimit = 100'000;
constexpr std::size_t kMaxTypeLength = 64;
constexpr std::size_t kMaxPayloadBytes = 256 * 1024;
constexpr std::size_t kMaxAudienceEntries = 100'000;

template <typename T>
Status ReadList(const nlohmann::json& object, const char* name, std::vector<T>& out) {
    auto found = object.find(name);
    if (found == object.end() || found->is_null()) return Ok();
    if (!found->is_array() || found->size() > kMaxAudienceEntries) {
        return Fail(ErrorCode::kInvalidArgument, std::string(name) + ": expected an array", name);
    }
    for (const auto& item : *found) {
        if constexpr (std::is_same_v<T, std::int64_t>) {
            if (!item.is_number_integer()) {
                return Fail(ErrorCode::kInvalidArgument, std::string(name) + ": expected integers", name);
            }
        } else {
            if (!item.is_string()) {
                return Fail(ErrorCode::kInvalidArgument, std::string(name) + ": expected strings", name);
            }
        }
        out.push_back(item.get<T>());
    }
    return Ok();
}

Result<bool> ReadFlag(const nlohmann::json& object, const char* name) {
    auto found = object.find(name);
    if (found == object.end() || found->is_null()) return false;
    if (!found->is_boolean())
        return Fail(ErrorCode::kInvalidArgument, std::string(name) + ": expected true or false", name);
    return found->get<bool>();
}

}  // namespace

std::string AudienceToJson(const EventAudience& audience) {
    // Only the members that differ from the defaults, in name order.
    nlohmann::json json = nlohmann::json::object();
    if (audience.everyone) json["everyone"] = true;
    if (!audience.organisation_ids.empty()) json["organisation_ids"] = audience.organisation_ids;
    if (!audience.person_ids.empty()) json["person_ids"] = audience.person_ids;
    if (!audience.sectors.empty()) json["sectors"] = audience.sectors;
    if (!audience.modes.empty()) json["modes"] = audience.modes;
    if (!audience.team_roles.empty()) json["team_roles"] = audience.team_roles;
    if (audience.staff) json["staff"] = true;
    if (!audience.staff_sectors.empty()) json["staff_sectors"] = audience.staff_sectors;
    if (audience.participants_only) json["participants_only"] = true;
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<EventAudience> AudienceFromJson(const std::string& text) {
    nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        return Fail(ErrorCode::kInvalidArgument, "audience: expected a JSON object", "audience");
    }
    EventAudience audience;
    for (auto [name, flag] : {std::pair{"everyone", &audience.everyone}, std::pair{"staff", &audience.staff},
                              std::pair{"participants_only", &audience.participants_only}}) {
        auto value = ReadFlag(json, name);
        if (!value) return tl::unexpected(value.error());
        *flag = *value;
    }
    if (auto s = ReadList(json, "organisation_ids", audience.organisation_ids); !s) return tl::unexpected(s.error());
    if (auto s = ReadList(json, "person_ids", audience.person_ids); !s) return tl::unexpected(s.error());
    if (auto s = ReadList(json, "sectors", audience.sectors); !s) return tl::unexpected(s.error());
    if (auto s = ReadList(json, "modes", audience.modes); !s) return tl::unexpected(s.error());
    if (auto s = ReadList(json, "team_roles", audience.team_roles); !s) return tl::unexpected(s.error());
    if (auto s = ReadList(json, "staff_sectors", audience.staff_sectors); !s) return tl::unexpected(s.error());
    return audience;
}

Status EventLog::Append(db::Connection& connection, LiveEvent& event) const {
    if (event.type.empty() || event.type.size() > kMaxTypeLength) {
        return Fail(ErrorCode::kInvalidArgument, "event type must be 1.." + std::to_string(kMaxTypeLength) + " bytes",
                    "type");
    }
    if (event.payload_json.empty()) event.payload_json = "{}";
    if (event.payload_json.size() > kMaxPayloadBytes) {
        return Fail(ErrorCode::kPayloadTooLarge, "event payload exceeds " + std::to_string(kMaxPayloadBytes) + " bytes",
                    "payload");
    }
    auto next = connection.QueryOne(kNextSeq, {event.exercise_id});
    if (!next) return tl::unexpected(next.error());
    event.seq = (*next)->Int(0);
    const std::string created_at = FormatTimestamp(TimePoint(std::chrono::microseconds(event.released_at_us)));
    auto inserted =
        connection.Execute(kInsertEvent, {event.exercise_id, event.seq, event.type, AudienceToJson(event.audience),
                                          event.released_at_us, event.payload_json, created_at});
    if (!inserted) return tl::unexpected(inserted.error());
    if (EventSink* sink = sink_) {
        auto committed = std::make_shared<const LiveEvent>(event);
        auto frame = SerialiseFrame(*committed);
        connection.AfterCommit([sink, committed = std::move(committed), frame = std::move(frame)]() mutable {
            sink->Publish(std::move(committed), std::move(frame));
        });
    }
    return Ok();
}

Result<std::vector<LiveEvent>> EventLog::ReadAfter(db::Database& database, std::int64_t exercise_id,
                                                   std::int64_t after_seq, std::int64_t up_to_seq, int limit) const {
    if (limit < 1 || limit > kMaxReadLimit) {
        return Fail(ErrorCode::kInvalidArgument, "limit must be 1.." + std::to_string(kMaxReadLimit), "limit");
    }
    std::vector<LiveEvent> events;
    auto status = database.Read([&](db::Connection& connection) -> Status {
        auto rows = connection.Query(kReadAfter, {exercise_id, after_seq, up_to_seq, std::int64_t{limit}});
        if (!rows) return tl::unexpected(rows.error());
        events.reserve(rows->size());
        for (const db::Row& row : *rows) {
            LiveEvent event;
            event.exercise_id = exercise_id;
            event.seq = row.Int(0);
            event.type = row.Text(1);
            auto audience = AudienceFromJson(row.Text(2));
            if (!audience) {
                return Fail(ErrorCode::kInternal,
                            "live_event " + std::to_string(event.seq) + ": " + audience.error().message);
            }
            event.audience = std::move(*audience);
            event.released_at_us = row.Int(3);
            event.payload_json = row.Text(4);
            events.push_back(std::move(event));
        }
        return Ok();
    });
    if (!status) return tl::unexpected(status.error());
    return events;
}

Result<std::int64_t> EventLog::LastSeq(db::Database& database, std::int64_t exercise_id) const {
    std::int64_t last = 0;
    auto status = database.Read([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne(kLastSeq, {exercise_id});
        if (!row) return tl::unexpected(row.error());
        last = (*row)->Int(0);
        return Ok();
    });
    if (!status) return tl::unexpected(status.error());
    return last;
}

}  // namespace enshu::live
