#pragma once

// The durable event log (table live_event, migration 0003). Appending assigns the
// next sequence number of the exercise inside the caller's write transaction and
// arranges for the committed event to be published to the EventSink after commit,
// in commit order. Reading serves Last-Event-ID replay.

#include <cstdint>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"
#include "live/live_event.hpp"

namespace enshu::live {

class EventLog {
public:
    // `sink` may be null (CLI tools); it must outlive the EventLog. Thread-safe: no
    // state besides the sink pointer, which is set once at start.
    explicit EventLog(EventSink* sink) : sink_(sink) {}
    void SetSink(EventSink* sink) { sink_ = sink; }

    // Fills event.seq, stores the event, and publishes it after commit.
    Status Append(db::Connection& connection, LiveEvent& event) const;

    // Events of an exercise with after_seq < seq <= up_to_seq (0 = no upper bound),
    // in order, at most `limit`.
    Result<std::vector<LiveEvent>> ReadAfter(db::Database& database, std::int64_t exercise_id,
                                             std::int64_t after_seq, std::int64_t up_to_seq, int limit) const;

    // The highest sequence number of the exercise (0 when none).
    Result<std::int64_t> LastSeq(db::Database& database, std::int64_t exercise_id) const;

private:
    EventSink* sink_;
};

// Audience <-> JSON text (stored in live_event.audience).
std::string AudienceToJson(const EventAudience& audience);
Result<EventAudience> AudienceFromJson(const std::string& text);

}  // namespace enshu::live
