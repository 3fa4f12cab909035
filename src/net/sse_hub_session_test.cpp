// Streams end with their session (core/session_streams.hpp): closing by session and by
// user, and the heartbeat-time check of the sessions behind open streams.

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <unordered_set>
#include <vector>

#include "net/sse_hub.hpp"

namespace enshu::net {
namespace {

using namespace std::chrono_literals;

class CountingClient final : public StreamClient {
  public:
    PushResult Offer(const QueuedFrame& frame) override { return queue.Push(frame); }
    void Disconnect() override { ++disconnects; }
    FrameQueue queue{512, 1 << 20};
    std::atomic<int> disconnects{0};
};

// Answers that every session is valid except those in `dead`; counts the questions.
class FakeValidity final : public SessionValidity {
  public:
    Result<std::unordered_set<std::int64_t>> ValidSessions(const std::vector<std::int64_t>& session_ids) override {
        ++calls;
        asked = session_ids;
        if (fail) return Fail(ErrorCode::kUnavailable, "database down");
        std::unordered_set<std::int64_t> valid;
        for (std::int64_t id : session_ids) {
            if (!dead.contains(id)) valid.insert(id);
        }
        return valid;
    }
    std::unordered_set<std::int64_t> dead;
    std::vector<std::int64_t> asked;
    bool fail = false;
    int calls = 0;
};

SseHubOptions QuietOptions() {
    SseHubOptions options;
    options.heartbeat_interval = 0ms;
    return options;
}

live::StreamSubscriber Participant(std::int64_t organisation_id, std::int64_t person_id, std::int64_t exercise_id = 1) {
    live::StreamSubscriber subscriber;
    subscriber.exercise_id = exercise_id;
    subscriber.organisation_id = organisation_id;
    subscriber.person_id = person_id;
    subscriber.sector = "electricity";
    subscriber.mode = "venue";
    return subscriber;
}

TEST(SseHubSessionTest, ClosingASessionDisconnectsOnlyItsStreamsInEveryExercise) {
    SseHub hub(QuietOptions(), nullptr);
    auto tab1 = std::make_shared<CountingClient>();
    auto tab2 = std::make_shared<CountingClient>();
    auto other_exercise = std::make_shared<CountingClient>();
    auto other_session = std::make_shared<CountingClient>();
    hub.Subscribe(Participant(10, 100), tab1, {7, 70});
    hub.Subscribe(Participant(10, 100), tab2, {7, 70});
    hub.Subscribe(Participant(10, 100, 2), other_exercise, {7, 70});
    hub.Subscribe(Participant(10, 100), other_session, {8, 70});
    EXPECT_EQ(hub.CloseStreamsOfSession(7), 3u);
    EXPECT_EQ(tab1->disconnects, 1);
    EXPECT_EQ(tab2->disconnects, 1);
    EXPECT_EQ(other_exercise->disconnects, 1);
    EXPECT_EQ(other_session->disconnects, 0);
    EXPECT_EQ(hub.client_count(), 1u);
    EXPECT_EQ(hub.CloseStreamsOfSession(7), 0u);  // idempotent
    EXPECT_EQ(hub.CloseStreamsOfSession(0), 0u);  // 0 = no owner, never matched
    // The index is cleaned: the person no longer counts as online twice.
    EXPECT_EQ(hub.OnlineParticipants(1).at(10), 1);
}

TEST(SseHubSessionTest, ClosingAUserDisconnectsEverySessionOfThatUser) {
    SseHub hub(QuietOptions(), nullptr);
    auto phone = std::make_shared<CountingClient>();
    auto laptop = std::make_shared<CountingClient>();
    auto colleague = std::make_shared<CountingClient>();
    auto anonymous = std::make_shared<CountingClient>();
    hub.Subscribe(Participant(10, 100), phone, {1, 50});
    hub.Subscribe(Participant(10, 100), laptop, {2, 50});
    hub.Subscribe(Participant(10, 101), colleague, {3, 51});
    hub.Subscribe(Participant(10, 102), anonymous);
    EXPECT_EQ(hub.CloseStreamsOfUser(50), 2u);
    EXPECT_EQ(phone->disconnects + laptop->disconnects, 2);
    EXPECT_EQ(colleague->disconnects, 0);
    EXPECT_EQ(hub.CloseStreamsOfUser(0), 0u);
    EXPECT_EQ(anonymous->disconnects, 0);
    EXPECT_EQ(hub.client_count(), 2u);
}

TEST(SseHubSessionTest, HeartbeatsCloseTheStreamsOfSessionsThatAreNoLongerValid) {
    SseHub hub(QuietOptions(), nullptr);
    FakeValidity validity;
    hub.SetSessionValidity(&validity);
    auto alive = std::make_shared<CountingClient>();
    auto expired = std::make_shared<CountingClient>();
    auto expired_tab = std::make_shared<CountingClient>();
    hub.Subscribe(Participant(10, 100), alive, {1, 50});
    hub.Subscribe(Participant(11, 110), expired, {2, 60});
    hub.Subscribe(Participant(11, 110, 3), expired_tab, {2, 60});

    hub.SendHeartbeats();
    EXPECT_EQ(validity.calls, 1);
    EXPECT_EQ(validity.asked.size(), 2u);  // each session asked about once
    EXPECT_EQ(hub.client_count(), 3u);

    // The writers drained the first heartbeat (else they would count as stalled).
    for (auto* client : {alive.get(), expired.get(), expired_tab.get()}) client->queue.TakeAll();
    validity.dead = {2};
    hub.SendHeartbeats();
    EXPECT_EQ(expired->disconnects, 1);
    EXPECT_EQ(expired_tab->disconnects, 1);
    EXPECT_EQ(alive->disconnects, 0);
    EXPECT_EQ(hub.client_count(), 1u);
}

TEST(SseHubSessionTest, AFailedSessionCheckClosesNothing) {
    SseHub hub(QuietOptions(), nullptr);
    FakeValidity validity;
    validity.fail = true;
    validity.dead = {1};
    hub.SetSessionValidity(&validity);
    auto client = std::make_shared<CountingClient>();
    hub.Subscribe(Participant(10, 100), client, {1, 50});
    EXPECT_EQ(hub.CloseStreamsOfDeadSessions(), 0u);
    EXPECT_EQ(client->disconnects, 0);
    EXPECT_EQ(validity.calls, 1);
}

TEST(SseHubSessionTest, NoOpenStreamsMeansNoSessionQuery) {
    SseHub hub(QuietOptions(), nullptr);
    FakeValidity validity;
    hub.SetSessionValidity(&validity);
    hub.SendHeartbeats();
    EXPECT_EQ(validity.calls, 0);
}

TEST(SseHubSessionTest, AStreamOfASessionThatJustEndedIsClosedWhenItSubscribesLate) {
    SseHub hub(QuietOptions(), nullptr);
    hub.CloseStreamsOfSession(9);  // logout committed before the stream subscribed
    auto late = std::make_shared<CountingClient>();
    auto other = std::make_shared<CountingClient>();
    hub.Subscribe(Participant(10, 100), late, {9, 90});
    hub.Subscribe(Participant(10, 101), other, {10, 91});
    EXPECT_EQ(late->disconnects, 1);
    EXPECT_EQ(other->disconnects, 0);
    EXPECT_EQ(hub.client_count(), 1u);
}

}  // namespace
}  // namespace enshu::net
