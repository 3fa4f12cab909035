#include "live/play_metrics.hpp"

#include <map>
#include <string_view>
#include <utility>

namespace enshu::live {
namespace {

constexpr std::string_view kFirstAcks =
    "SELECT a.organisation_id, a.inject_id, r.released_at_us, MIN(a.acked_at_us) - r.released_at_us, r.id "
    "FROM acknowledgement a JOIN inject_release r ON r.exercise_id = a.exercise_id AND r.inject_id = a.inject_id "
    "WHERE a.exercise_id = $1 GROUP BY a.organisation_id, a.inject_id, r.released_at_us, r.id";
constexpr std::string_view kFirstActions =
    "SELECT e.organisation_id, e.inject_id, r.released_at_us, MIN(e.wall_at_us) - r.released_at_us, r.id "
    "FROM action_entry e JOIN inject_release r ON r.exercise_id = e.exercise_id AND r.inject_id = e.inject_id "
    "WHERE e.exercise_id = $1 AND e.inject_id IS NOT NULL "
    "GROUP BY e.organisation_id, e.inject_id, r.released_at_us, r.id";

}  // namespace

Result<std::vector<InjectResponseTime>> ResponseTimes(db::Database& database, std::int64_t exercise_id) {
    // Key: (organisation id, release row id) orders by organisation then release.
    std::map<std::pair<std::int64_t, std::int64_t>, InjectResponseTime> times;
    auto read = database.Read([&](db::Connection& connection) -> Status {
        for (auto [sql, is_ack] : {std::pair{kFirstAcks, true}, std::pair{kFirstActions, false}}) {
            auto rows = connection.Query(sql, {exercise_id});
            if (!rows) return tl::unexpected(rows.error());
            for (const db::Row& row : *rows) {
                InjectResponseTime& time = times[{row.Int(0), row.Int(4)}];
                time.organisation_id = row.Int(0);
                time.inject_id = row.Text(1);
                time.released_at_us = row.Int(2);
                (is_ack ? time.time_to_acknowledge_us : time.time_to_first_action_us) = row.Int(3);
            }
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    std::vector<InjectResponseTime> out;
    out.reserve(times.size());
    for (auto& [key, time] : times) out.push_back(std::move(time));
    return out;
}

}  // namespace enshu::live
