#pragma once

// The SSE hub: the connected live streams of every exercise, and the fan-out of
// committed events to them (ARCHITECTURE.md §4 "Event log → hub").
//
// - Publish() is called by the event log after commit, in sequence order, under the
//   database writer lock: it only matches audiences and pushes the one shared frame
//   pointer into each matching client's bounded queue (StreamClient::Offer). It never
//   writes to a socket and never blocks on I/O. Events addressed only to organisations
//   or people are matched through an index by organisation and person, so an event
//   for one organisation does not scan every client of the exercise.
// - A client whose queue is full (or whose writer stalled for a heartbeat interval) is
//   removed and Disconnect()ed; it resumes with Last-Event-ID.
// - A ring buffer keeps the most recent frames of each exercise, so Last-Event-ID
//   replay usually needs no database; older ranges are read through History.
// - A background thread pushes a shared ": heartbeat" comment to every client every
//   options.heartbeat_interval (none when it is zero; tests call SendHeartbeats()).
// - Streams belong to a session (StreamOwner): CloseStreamsOfSession/User end them at
//   once (accounts calls them after logout or revocation commits), and at every
//   heartbeat the sessions of open streams are re-checked with the SessionValidity set
//   by SetSessionValidity (expiry, any other revocation): streams of dead sessions end.
//
// Subscription without gaps or duplicates (done by the stream, net/sse_stream.cpp):
// Subscribe() first (live frames are queued from then on, and the answer carries P,
// the last sequence published here), then CommittedSeq() = D, replay (last id, max(P,
// D)] with Replay(), then send the queued frames, skipping any seq already replayed.
// Everything <= P is committed, everything > P reaches the queue, so nothing is lost;
// the skip removes the overlap (events committed but not yet published when D was read).
//
// Thread-safe: one mutex guards the exercises, their clients, indexes and rings.
// StreamClient::Offer runs under it (it takes only the client's own queue lock and
// must not call back into the hub); Disconnect() and History calls run outside it.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "core/session_streams.hpp"
#include "live/live_event.hpp"
#include "live/presence.hpp"
#include "net/frame_queue.hpp"

namespace enshu::db {
class Database;
}
namespace enshu::live {
class EventLog;
}

namespace enshu::net {

struct SseHubOptions {
    std::size_t max_queued_frames = 512;                  // per client
    std::size_t max_queued_bytes = 2 * 1024 * 1024;       // per client
    std::size_t ring_events = 4096;                       // per exercise
    std::size_t ring_bytes = 8 * 1024 * 1024;             // per exercise (frames)
    std::chrono::milliseconds heartbeat_interval{15000};  // 0 = no heartbeat thread
};

// One open stream as the hub sees it: the SSE connection (net/sse_stream.cpp), or a
// fake in tests.
class StreamClient {
  public:
    virtual ~StreamClient() = default;
    // Queues a frame for sending; quick, never blocks on I/O, never calls the hub.
    // kOverflow or kClosed make the hub drop the client.
    virtual PushResult Offer(const QueuedFrame& frame) = 0;
    // Ends the stream (asynchronously); any thread; idempotent.
    virtual void Disconnect() = 0;
};

// Where replay finds events the ring buffer no longer holds (the durable event log).
class EventHistory {
  public:
    virtual ~EventHistory() = default;
    // Events with after_seq < seq <= up_to_seq, in order, at most `limit`.
    virtual Result<std::vector<live::LiveEvent>> ReadAfter(std::int64_t exercise_id, std::int64_t after_seq,
                                                           std::int64_t up_to_seq, int limit) = 0;
    // The highest committed sequence number of the exercise (0 when none).
    virtual Result<std::int64_t> LastSeq(std::int64_t exercise_id) = 0;
};

// EventHistory over live::EventLog and the database. Both must outlive it.
class EventLogHistory final : public EventHistory {
  public:
    EventLogHistory(const live::EventLog& log, db::Database& database) : log_(log), database_(database) {}
    Result<std::vector<live::LiveEvent>> ReadAfter(std::int64_t exercise_id, std::int64_t after_seq,
                                                   std::int64_t up_to_seq, int limit) override;
    Result<std::int64_t> LastSeq(std::int64_t exercise_id) override;

  private:
    const live::EventLog& log_;
    db::Database& database_;
};

// Who opened a stream (0 = unknown: never closed by session).
struct StreamOwner {
    std::int64_t session_id = 0;
    std::int64_t user_id = 0;
};

class SseHub final : public live::EventSink, public live::PresenceSource, public SessionStreamCloser {
  public:
    using SubscriptionId = std::uint64_t;

    struct Subscription {
        SubscriptionId id = 0;
        std::int64_t published_seq = 0;  // P: the last sequence published here for the exercise
    };

    // One page of replay.
    struct ReplayPage {
        std::vector<QueuedFrame> frames;  // the events of the page that address the subscriber
        std::int64_t scanned_to = 0;      // every seq <= scanned_to has been examined
    };

    // `history` may be null (then only the ring serves replay); it must outlive the hub.
    SseHub(SseHubOptions options, EventHistory* history);
    // Stops the heartbeat thread; disconnects nobody (the server closes streams).
    ~SseHub() override;
    SseHub(const SseHub&) = delete;
    SseHub& operator=(const SseHub&) = delete;

    // Registers a stream; frames published from now on are offered to it. A stream of a
    // session closed moments ago is disconnected at once (see closed_sessions_).
    Subscription Subscribe(const live::StreamSubscriber& subscriber, std::shared_ptr<StreamClient> client,
                           StreamOwner owner = {});
    // Forgets a stream; unknown ids are ignored.
    void Unsubscribe(std::int64_t exercise_id, SubscriptionId id);

    // D: the highest committed sequence of the exercise (History), or what was
    // published here when there is no history.
    Result<std::int64_t> CommittedSeq(std::int64_t exercise_id);
    // The events after_seq < seq <= up_to_seq that address `subscriber`, in order, from
    // the ring when it holds the whole range, else from History (at most `limit`
    // events examined per page). Blocking when it reads History: call it off the io
    // threads. scanned_to == up_to_seq when the range is done.
    Result<ReplayPage> Replay(const live::StreamSubscriber& subscriber, std::int64_t after_seq, std::int64_t up_to_seq,
                              int limit);

    // live::EventSink. Events with a seq not above the last one published for their
    // exercise are ignored (logged), so a stream never sees a sequence go backwards.
    void Publish(std::shared_ptr<const live::LiveEvent> event, std::shared_ptr<const std::string> frame) override;

    // live::PresenceSource: distinct people with an open participant stream, per
    // organisation (a person with two tabs counts once).
    std::unordered_map<std::int64_t, int> OnlineParticipants(std::int64_t exercise_id) const override;

    // Offers the shared heartbeat comment to every client (drops stalled ones), then
    // closes the streams whose sessions are no longer valid (CloseStreamsOfDeadSessions).
    void SendHeartbeats();

    // SessionStreamCloser: disconnects every stream of the session / user.
    std::size_t CloseStreamsOfSession(std::int64_t session_id) override;
    std::size_t CloseStreamsOfUser(std::int64_t user_id) override;

    // Set once before streams open (may be null: no periodic session check).
    void SetSessionValidity(SessionValidity* validity) { validity_ = validity; }
    // Asks the SessionValidity about the sessions of every open stream and closes the
    // streams of the others; returns how many. On a read error nothing is closed.
    std::size_t CloseStreamsOfDeadSessions();

    // Forgets every stream without disconnecting it (the server calls this once its io
    // threads have stopped, so that no stream outlives the io_context of its socket).
    void DropAll();

    // Open streams, over all exercises.
    std::size_t client_count() const;
    const SseHubOptions& options() const { return options_; }

    // The heartbeat frame (": heartbeat\n\n").
    static std::shared_ptr<const std::string> HeartbeatFrame();

  private:
    struct Client {
        SubscriptionId id = 0;
        live::StreamSubscriber subscriber;
        StreamOwner owner;
        std::shared_ptr<StreamClient> stream;
        std::uint64_t offered_mark = 0;  // the publish round that last offered to it
    };
    struct RingEntry {
        std::shared_ptr<const live::LiveEvent> event;
        std::shared_ptr<const std::string> frame;
    };
    struct Exercise {
        std::int64_t published_seq = 0;
        std::unordered_map<SubscriptionId, Client> clients;  // node-based: pointers stay valid
        // Index for targeted events: participants by organisation and by person; staff
        // (no organisation) are checked for every event.
        std::unordered_map<std::int64_t, std::vector<Client*>> by_organisation;
        std::unordered_map<std::int64_t, std::vector<Client*>> by_person;
        std::vector<Client*> staff;
        std::deque<RingEntry> ring;
        std::size_t ring_bytes = 0;
    };

    // Offers a frame to one client; notes it in `dropped` when the client refuses.
    static void OfferLocked(Client& client, const QueuedFrame& frame, std::vector<SubscriptionId>& dropped);
    // Removes the dropped clients of one exercise; appends their streams to `streams`
    // (disconnected by the caller once the lock is released).
    void RemoveLocked(Exercise& exercise, const std::vector<SubscriptionId>& dropped,
                      std::vector<std::shared_ptr<StreamClient>>& streams);
    void HeartbeatLoop();
    // Disconnects the streams for which `matches(owner)` holds; returns how many.
    template <typename Predicate>
    std::size_t CloseMatching(Predicate matches);

    const SseHubOptions options_;
    EventHistory* const history_;
    SessionValidity* validity_ = nullptr;

    mutable std::mutex mutex_;
    std::unordered_map<std::int64_t, Exercise> exercises_;
    SubscriptionId next_id_ = 1;
    // Sessions ended in the last kClosedSessionMemory (CloseStreamsOfSession): a stream of
    // such a session that subscribes late — its handler authenticated it just before the
    // logout — is closed at once instead of at the next heartbeat. Session ids are never
    // reused, so remembering them cannot hit a new session.
    std::unordered_map<std::int64_t, std::chrono::steady_clock::time_point> closed_sessions_;
    std::uint64_t round_ = 0;
    std::size_t client_count_ = 0;

    std::mutex heartbeat_mutex_;
    std::condition_variable heartbeat_wake_;
    bool stopping_ = false;
    std::thread heartbeat_thread_;
};

}  // namespace enshu::net
