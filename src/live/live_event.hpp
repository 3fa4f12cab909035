#pragma once

// Live events: every happening of exercise day (inject released, clock paused,
// broadcast, acknowledgement recorded, ...) is one row of the durable event log
// (`live_event`), appended in the same transaction as the state change and fanned
// out to connected clients only after commit (db::Connection::AfterCommit), in
// sequence order. A client's stream is a filter of that log by audience; a client
// that reconnects with Last-Event-ID replays what it missed from the log.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace enshu::live {

// Who receives an event. `everyone` reaches every participant and staff member of the
// exercise; otherwise a client receives the event when it matches ANY listed
// organisation id or person id, or (for the dimension lists) every non-empty one of
// sectors / modes / team_roles. Staff who watch the whole exercise (organiser,
// controller, observer) receive every event unless `participants_only`.
struct EventAudience {
    bool everyone = false;
    std::vector<std::int64_t> organisation_ids;
    std::vector<std::int64_t> person_ids;
    std::vector<std::string> sectors;
    std::vector<std::string> modes;
    std::vector<std::string> team_roles;
    bool staff = false;              // also (only, when nothing else is set) for watching staff
    bool participants_only = false;  // not for watching staff (e.g. a person's private echo)
    // Ministry staff whose ministry covers one of these sectors also receive the event,
    // whatever else is set (the world desks: a report addressed to that ministry). Never
    // reaches participants by itself.
    std::vector<std::string> staff_sectors;
};

struct LiveEvent {
    std::int64_t exercise_id = 0;
    std::int64_t seq = 0;  // per exercise, 1, 2, 3, ... in commit order
    std::string type;      // "inject.released", "clock.changed", "broadcast", ...
    EventAudience audience;
    std::int64_t released_at_us = 0;  // system clock, µs since the epoch, when the event was decided
    std::string payload_json;         // a JSON object (serialised once)
};

// Who is listening on one stream.
struct StreamSubscriber {
    std::int64_t exercise_id = 0;
    std::optional<std::int64_t> organisation_id;
    std::optional<std::int64_t> person_id;
    std::string sector;
    std::string mode;
    std::vector<std::string> team_roles;
    bool watches_everything = false;            // organiser, controller, observer
    std::vector<std::string> ministry_sectors;  // ministry staff: the sectors of its ministry
};

bool AudienceMatches(const EventAudience& audience, const StreamSubscriber& subscriber);

// The SSE frame of an event, built once and shared by every recipient:
//   id: <seq>\nevent: <type>\ndata: {"released_at_us":N,"seq":S,"type":"T","payload":{...}}\n\n
// `released_at_us` is always the first member of the data object.
std::shared_ptr<const std::string> SerialiseFrame(const LiveEvent& event);

// Receives committed events in sequence order (implemented by the SSE hub in src/net).
class EventSink {
  public:
    virtual ~EventSink() = default;
    virtual void Publish(std::shared_ptr<const LiveEvent> event, std::shared_ptr<const std::string> frame) = 0;
};

}  // namespace enshu::live
