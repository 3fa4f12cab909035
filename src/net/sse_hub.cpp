#include "net/sse_hub.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "live/event_log.hpp"

namespace enshu::net {

namespace {

template <typename Pointer>
void EraseValue(std::vector<Pointer>& list, Pointer value) {
    auto found = std::find(list.begin(), list.end(), value);
    if (found == list.end()) return;
    *found = list.back();
    list.pop_back();
}

// How long a closed session is remembered for streams that subscribe late.
constexpr std::chrono::seconds kClosedSessionMemory{120};

bool NeedsFullScan(const live::EventAudience& audience) {
    return audience.everyone || !audience.sectors.empty() || !audience.modes.empty() || !audience.team_roles.empty();
}

}  // namespace

Result<std::vector<live::LiveEvent>> EventLogHistory::ReadAfter(std::int64_t exercise_id, std::int64_t after_seq,
                                                                std::int64_t up_to_seq, int limit) {
    return log_.ReadAfter(database_, exercise_id, after_seq, up_to_seq, limit);
}

Result<std::int64_t> EventLogHistory::LastSeq(std::int64_t exercise_id) { return log_.LastSeq(database_, exercise_id); }

std::shared_ptr<const std::string> SseHub::HeartbeatFrame() {
    static const auto frame = std::make_shared<const std::string>(": heartbeat\n\n");
    return frame;
}

SseHub::SseHub(SseHubOptions options, EventHistory* history) : options_(options), history_(history) {
    if (options_.heartbeat_interval.count() > 0) heartbeat_thread_ = std::thread([this] { HeartbeatLoop(); });
}

SseHub::~SseHub() {
    {
        std::lock_guard lock(heartbeat_mutex_);
        stopping_ = true;
    }
    heartbeat_wake_.notify_all();
    if (heartbeat_thread_.joinable()) heartbeat_thread_.join();
}

SseHub::Subscription SseHub::Subscribe(const live::StreamSubscriber& subscriber, std::shared_ptr<StreamClient> client,
                                       StreamOwner owner) {
    std::vector<std::shared_ptr<StreamClient>> late;  // disconnected after the lock is released
    Subscription subscription;
    {
        std::lock_guard lock(mutex_);
        Exercise& exercise = exercises_[subscriber.exercise_id];
        const SubscriptionId id = next_id_++;
        Client& entry = exercise.clients[id];
        entry.id = id;
        entry.subscriber = subscriber;
        entry.owner = owner;
        entry.stream = std::move(client);
        if (subscriber.organisation_id) {
            exercise.by_organisation[*subscriber.organisation_id].push_back(&entry);
        } else {
            exercise.staff.push_back(&entry);
        }
        if (subscriber.person_id) exercise.by_person[*subscriber.person_id].push_back(&entry);
        ++client_count_;
        subscription = Subscription{id, exercise.published_seq};
        if (owner.session_id != 0 && closed_sessions_.contains(owner.session_id)) RemoveLocked(exercise, {id}, late);
    }
    for (auto& stream : late) stream->Disconnect();
    return subscription;
}

void SseHub::Unsubscribe(std::int64_t exercise_id, SubscriptionId id) {
    std::vector<std::shared_ptr<StreamClient>> streams;  // destroyed after the lock is released
    std::lock_guard lock(mutex_);
    auto found = exercises_.find(exercise_id);
    if (found == exercises_.end()) return;
    RemoveLocked(found->second, {id}, streams);
}

void SseHub::RemoveLocked(Exercise& exercise, const std::vector<SubscriptionId>& dropped,
                          std::vector<std::shared_ptr<StreamClient>>& streams) {
    for (SubscriptionId id : dropped) {
        auto found = exercise.clients.find(id);
        if (found == exercise.clients.end()) continue;
        Client* client = &found->second;
        const auto& subscriber = client->subscriber;
        if (subscriber.organisation_id) {
            auto list = exercise.by_organisation.find(*subscriber.organisation_id);
            if (list != exercise.by_organisation.end()) {
                EraseValue(list->second, client);
                if (list->second.empty()) exercise.by_organisation.erase(list);
            }
        } else {
            EraseValue(exercise.staff, client);
        }
        if (subscriber.person_id) {
            auto list = exercise.by_person.find(*subscriber.person_id);
            if (list != exercise.by_person.end()) {
                EraseValue(list->second, client);
                if (list->second.empty()) exercise.by_person.erase(list);
            }
        }
        streams.push_back(std::move(client->stream));
        exercise.clients.erase(found);
        --client_count_;
    }
}

void SseHub::OfferLocked(Client& client, const QueuedFrame& frame, std::vector<SubscriptionId>& dropped) {
    const PushResult result = client.stream->Offer(frame);
    if (result == PushResult::kOverflow || result == PushResult::kClosed) dropped.push_back(client.id);
}

void SseHub::Publish(std::shared_ptr<const live::LiveEvent> event, std::shared_ptr<const std::string> frame) {
    if (!event || !frame) return;
    std::vector<std::shared_ptr<StreamClient>> streams;
    {
        std::lock_guard lock(mutex_);
        Exercise& exercise = exercises_[event->exercise_id];
        if (event->seq <= exercise.published_seq) {
            spdlog::warn("sse hub: exercise {} event {} ignored: {} was already published", event->exercise_id,
                         event->seq, exercise.published_seq);
            return;
        }
        exercise.published_seq = event->seq;
        exercise.ring.push_back(RingEntry{event, frame});
        exercise.ring_bytes += frame->size();
        while (!exercise.ring.empty() &&
               (exercise.ring.size() > options_.ring_events || exercise.ring_bytes > options_.ring_bytes)) {
            exercise.ring_bytes -= exercise.ring.front().frame->size();
            exercise.ring.pop_front();
        }

        const QueuedFrame queued{event->seq, frame};
        const live::EventAudience& audience = event->audience;
        std::vector<SubscriptionId> dropped;
        if (NeedsFullScan(audience)) {
            for (auto& [id, client] : exercise.clients) {
                if (live::AudienceMatches(audience, client.subscriber)) OfferLocked(client, queued, dropped);
            }
        } else {
            // Only the addressed organisations and people, and the staff, can match.
            const std::uint64_t round = ++round_;
            auto consider = [&](Client* client) {
                if (client->offered_mark == round) return;  // reached twice (organisation and person)
                client->offered_mark = round;
                if (live::AudienceMatches(audience, client->subscriber)) OfferLocked(*client, queued, dropped);
            };
            for (std::int64_t organisation_id : audience.organisation_ids) {
                auto list = exercise.by_organisation.find(organisation_id);
                if (list == exercise.by_organisation.end()) continue;
                for (Client* client : list->second) consider(client);
            }
            for (std::int64_t person_id : audience.person_ids) {
                auto list = exercise.by_person.find(person_id);
                if (list == exercise.by_person.end()) continue;
                for (Client* client : list->second) consider(client);
            }
            for (Client* client : exercise.staff) consider(client);
        }
        RemoveLocked(exercise, dropped, streams);
    }
    for (auto& stream : streams) stream->Disconnect();
}

Result<std::int64_t> SseHub::CommittedSeq(std::int64_t exercise_id) {
    if (history_) return history_->LastSeq(exercise_id);
    std::lock_guard lock(mutex_);
    auto found = exercises_.find(exercise_id);
    return found == exercises_.end() ? 0 : found->second.published_seq;
}

Result<SseHub::ReplayPage> SseHub::Replay(const live::StreamSubscriber& subscriber, std::int64_t after_seq,
                                          std::int64_t up_to_seq, int limit) {
    ReplayPage page;
    page.scanned_to = std::max(after_seq, up_to_seq);
    if (after_seq >= up_to_seq) return page;
    {
        std::lock_guard lock(mutex_);
        auto found = exercises_.find(subscriber.exercise_id);
        if (found != exercises_.end()) {
            const auto& ring = found->second.ring;
            if (!ring.empty() && ring.front().event->seq <= after_seq + 1 && ring.back().event->seq >= up_to_seq) {
                for (const auto& entry : ring) {
                    const std::int64_t seq = entry.event->seq;
                    if (seq <= after_seq) continue;
                    if (seq > up_to_seq) break;
                    if (live::AudienceMatches(entry.event->audience, subscriber)) {
                        page.frames.push_back(QueuedFrame{seq, entry.frame});
                    }
                }
                return page;
            }
        }
    }
    if (!history_) {
        return Fail(ErrorCode::kUnavailable,
                    "last_event_id: events after " + std::to_string(after_seq) + " are no longer buffered",
                    "last_event_id");
    }
    auto events = history_->ReadAfter(subscriber.exercise_id, after_seq, up_to_seq, limit);
    if (!events) return tl::unexpected(events.error());
    if (events->empty()) return page;  // nothing committed in the range
    for (const auto& event : *events) {
        if (live::AudienceMatches(event.audience, subscriber)) {
            page.frames.push_back(QueuedFrame{event.seq, live::SerialiseFrame(event)});
        }
    }
    page.scanned_to = events->back().seq;
    return page;
}

std::unordered_map<std::int64_t, int> SseHub::OnlineParticipants(std::int64_t exercise_id) const {
    std::unordered_map<std::int64_t, int> online;
    std::lock_guard lock(mutex_);
    auto found = exercises_.find(exercise_id);
    if (found == exercises_.end()) return online;
    for (const auto& [organisation_id, clients] : found->second.by_organisation) {
        std::unordered_set<std::int64_t> people;
        int anonymous = 0;
        for (const Client* client : clients) {
            if (client->subscriber.person_id) {
                people.insert(*client->subscriber.person_id);
            } else {
                ++anonymous;
            }
        }
        online[organisation_id] = static_cast<int>(people.size()) + anonymous;
    }
    return online;
}

void SseHub::SendHeartbeats() {
    const QueuedFrame heartbeat{0, HeartbeatFrame()};
    std::vector<std::shared_ptr<StreamClient>> streams;
    {
        std::lock_guard lock(mutex_);
        for (auto& [exercise_id, exercise] : exercises_) {
            std::vector<SubscriptionId> dropped;
            for (auto& [id, client] : exercise.clients) OfferLocked(client, heartbeat, dropped);
            RemoveLocked(exercise, dropped, streams);
        }
    }
    for (auto& stream : streams) stream->Disconnect();
    if (validity_ != nullptr) CloseStreamsOfDeadSessions();
}

template <typename Predicate>
std::size_t SseHub::CloseMatching(Predicate matches) {
    std::vector<std::shared_ptr<StreamClient>> streams;
    {
        std::lock_guard lock(mutex_);
        for (auto& [exercise_id, exercise] : exercises_) {
            std::vector<SubscriptionId> dropped;
            for (const auto& [id, client] : exercise.clients) {
                if (matches(client.owner)) dropped.push_back(id);
            }
            RemoveLocked(exercise, dropped, streams);
        }
    }
    for (auto& stream : streams) stream->Disconnect();
    return streams.size();
}

std::size_t SseHub::CloseStreamsOfSession(std::int64_t session_id) {
    if (session_id == 0) return 0;
    {
        std::lock_guard lock(mutex_);
        const auto now = std::chrono::steady_clock::now();
        std::erase_if(closed_sessions_, [&](const auto& entry) { return now - entry.second > kClosedSessionMemory; });
        closed_sessions_[session_id] = now;
    }
    const std::size_t closed =
        CloseMatching([session_id](const StreamOwner& owner) { return owner.session_id == session_id; });
    if (closed > 0) spdlog::info("sse hub: session {} ended: {} stream(s) closed", session_id, closed);
    return closed;
}

std::size_t SseHub::CloseStreamsOfUser(std::int64_t user_id) {
    if (user_id == 0) return 0;
    const std::size_t closed = CloseMatching([user_id](const StreamOwner& owner) { return owner.user_id == user_id; });
    if (closed > 0) spdlog::info("sse hub: sessions of user {} ended: {} stream(s) closed", user_id, closed);
    return closed;
}

std::size_t SseHub::CloseStreamsOfDeadSessions() {
    if (validity_ == nullptr) return 0;
    std::vector<std::int64_t> sessions;
    {
        std::lock_guard lock(mutex_);
        std::unordered_set<std::int64_t> seen;
        for (const auto& [exercise_id, exercise] : exercises_) {
            for (const auto& [id, client] : exercise.clients) {
                if (client.owner.session_id != 0 && seen.insert(client.owner.session_id).second) {
                    sessions.push_back(client.owner.session_id);
                }
            }
        }
    }
    if (sessions.empty()) return 0;
    auto valid = validity_->ValidSessions(sessions);
    if (!valid) {
        spdlog::warn("sse hub: cannot check the sessions of open streams: {}", valid.error().message);
        return 0;
    }
    // A stream opened after the list was taken has a session that was valid when it
    // opened; only the sessions asked about can be judged dead.
    std::unordered_set<std::int64_t> dead;
    for (std::int64_t session_id : sessions) {
        if (!valid->contains(session_id)) dead.insert(session_id);
    }
    if (dead.empty()) return 0;
    const std::size_t closed =
        CloseMatching([&dead](const StreamOwner& owner) { return dead.contains(owner.session_id); });
    spdlog::info("sse hub: {} session(s) no longer valid: {} stream(s) closed", dead.size(), closed);
    return closed;
}

void SseHub::DropAll() {
    std::unordered_map<std::int64_t, Exercise> dropped;  // destroyed after the lock is released
    {
        std::lock_guard lock(mutex_);
        for (auto& [exercise_id, exercise] : exercises_) {
            exercise.by_organisation.clear();
            exercise.by_person.clear();
            exercise.staff.clear();
            dropped[exercise_id].clients = std::move(exercise.clients);
            exercise.clients.clear();
        }
        client_count_ = 0;
    }
}

std::size_t SseHub::client_count() const {
    std::lock_guard lock(mutex_);
    return client_count_;
}

void SseHub::HeartbeatLoop() {
    std::unique_lock lock(heartbeat_mutex_);
    while (!heartbeat_wake_.wait_for(lock, options_.heartbeat_interval, [this] { return stopping_; })) {
        lock.unlock();
        SendHeartbeats();
        lock.lock();
    }
}

}  // namespace enshu::net
