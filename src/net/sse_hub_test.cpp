#include "net/sse_hub.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace enshu::net {
namespace {

using namespace std::chrono_literals;

// A stream without a socket: queues what the hub offers, counts disconnects.
class FakeClient final : public StreamClient {
  public:
    explicit FakeClient(std::size_t max_frames = 512, std::size_t max_bytes = 1 << 20) : queue(max_frames, max_bytes) {}
    PushResult Offer(const QueuedFrame& frame) override {
        ++offers;
        return queue.Push(frame);
    }
    void Disconnect() override { ++disconnects; }

    // The sequence numbers received so far (heartbeats as 0); empties the queue.
    std::vector<std::int64_t> Take() {
        std::vector<std::int64_t> seqs;
        for (const auto& frame : queue.TakeAll()) seqs.push_back(frame.seq);
        return seqs;
    }

    FrameQueue queue;
    std::atomic<int> offers{0};
    std::atomic<int> disconnects{0};
};

// Replay source standing in for the event log.
class FakeHistory final : public EventHistory {
  public:
    Result<std::vector<live::LiveEvent>> ReadAfter(std::int64_t exercise_id, std::int64_t after_seq,
                                                   std::int64_t up_to_seq, int limit) override {
        ++reads;
        std::vector<live::LiveEvent> found;
        for (const auto& event : events) {
            if (event.exercise_id != exercise_id || event.seq <= after_seq) continue;
            if (up_to_seq != 0 && event.seq > up_to_seq) break;
            found.push_back(event);
            if (static_cast<int>(found.size()) == limit) break;
        }
        return found;
    }
    Result<std::int64_t> LastSeq(std::int64_t exercise_id) override {
        std::int64_t last = 0;
        for (const auto& event : events) {
            if (event.exercise_id == exercise_id) last = event.seq;
        }
        return last;
    }

    std::vector<live::LiveEvent> events;
    int reads = 0;
};

SseHubOptions QuietOptions() {
    SseHubOptions options;
    options.heartbeat_interval = 0ms;  // the tests call SendHeartbeats()
    return options;
}

live::StreamSubscriber Participant(std::int64_t organisation_id, std::int64_t person_id,
                                   std::string sector = "electricity", std::int64_t exercise_id = 1) {
    live::StreamSubscriber subscriber;
    subscriber.exercise_id = exercise_id;
    subscriber.organisation_id = organisation_id;
    subscriber.person_id = person_id;
    subscriber.sector = std::move(sector);
    subscriber.mode = "venue";
    return subscriber;
}

live::StreamSubscriber Controller(std::int64_t exercise_id = 1) {
    live::StreamSubscriber subscriber;
    subscriber.exercise_id = exercise_id;
    subscriber.watches_everything = true;
    return subscriber;
}

live::LiveEvent Event(std::int64_t seq, live::EventAudience audience, std::int64_t exercise_id = 1) {
    live::LiveEvent event;
    event.exercise_id = exercise_id;
    event.seq = seq;
    event.type = "inject.released";
    event.audience = std::move(audience);
    event.released_at_us = 1'700'000'000'000'000 + seq;
    event.payload_json = R"({"inject_id":"i-)" + std::to_string(seq) + R"("})";
    return event;
}

live::EventAudience Everyone() {
    live::EventAudience audience;
    audience.everyone = true;
    return audience;
}

live::EventAudience Organisations(std::vector<std::int64_t> ids) {
    live::EventAudience audience;
    audience.organisation_ids = std::move(ids);
    return audience;
}

void Publish(SseHub& hub, const live::LiveEvent& event) {
    auto shared = std::make_shared<const live::LiveEvent>(event);
    hub.Publish(shared, live::SerialiseFrame(*shared));
}

TEST(SseHubTest, EveryoneEventsReachEveryClientOfTheExerciseOnlyWithOneSharedFrame) {
    SseHub hub(QuietOptions(), nullptr);
    auto a = std::make_shared<FakeClient>();
    auto b = std::make_shared<FakeClient>();
    auto staff = std::make_shared<FakeClient>();
    auto other_exercise = std::make_shared<FakeClient>();
    hub.Subscribe(Participant(10, 100), a);
    hub.Subscribe(Participant(11, 110), b);
    hub.Subscribe(Controller(), staff);
    hub.Subscribe(Participant(10, 100, "electricity", 2), other_exercise);

    auto event = std::make_shared<const live::LiveEvent>(Event(1, Everyone()));
    auto frame = live::SerialiseFrame(*event);
    hub.Publish(event, frame);

    auto batch_a = a->queue.TakeAll();
    auto batch_b = b->queue.TakeAll();
    ASSERT_EQ(batch_a.size(), 1u);
    ASSERT_EQ(batch_b.size(), 1u);
    EXPECT_EQ(batch_a[0].frame.get(), frame.get());  // the same bytes, not a copy
    EXPECT_EQ(batch_b[0].frame.get(), frame.get());
    EXPECT_EQ(staff->Take(), (std::vector<std::int64_t>{1}));
    EXPECT_TRUE(other_exercise->Take().empty());
    EXPECT_EQ(other_exercise->offers, 0);
}

TEST(SseHubTest, OrganisationEventsReachThatOrganisationAndWatchingStaffWithoutOfferingOthers) {
    SseHub hub(QuietOptions(), nullptr);
    std::vector<std::shared_ptr<FakeClient>> others;
    for (int i = 0; i < 50; ++i) {
        others.push_back(std::make_shared<FakeClient>());
        hub.Subscribe(Participant(100 + i, 1000 + i), others.back());
    }
    auto target = std::make_shared<FakeClient>();
    auto target_colleague = std::make_shared<FakeClient>();
    auto staff = std::make_shared<FakeClient>();
    hub.Subscribe(Participant(7, 70), target);
    hub.Subscribe(Participant(7, 71), target_colleague);
    hub.Subscribe(Controller(), staff);

    Publish(hub, Event(1, Organisations({7})));

    EXPECT_EQ(target->Take(), (std::vector<std::int64_t>{1}));
    EXPECT_EQ(target_colleague->Take(), (std::vector<std::int64_t>{1}));
    EXPECT_EQ(staff->Take(), (std::vector<std::int64_t>{1}));
    for (const auto& other : others) EXPECT_EQ(other->offers, 0) << "a client of another organisation was scanned";
}

TEST(SseHubTest, AClientAddressedAsOrganisationAndAsPersonGetsTheEventOnce) {
    SseHub hub(QuietOptions(), nullptr);
    auto client = std::make_shared<FakeClient>();
    auto other = std::make_shared<FakeClient>();
    hub.Subscribe(Participant(7, 70), client);
    hub.Subscribe(Participant(8, 80), other);
    live::EventAudience audience = Organisations({7});
    audience.person_ids = {70, 80};
    Publish(hub, Event(1, audience));
    EXPECT_EQ(client->Take(), (std::vector<std::int64_t>{1}));
    EXPECT_EQ(client->offers, 1);
    EXPECT_EQ(other->Take(), (std::vector<std::int64_t>{1}));  // by person
}

TEST(SseHubTest, SectorEventsAreMatchedAgainstEveryParticipant) {
    SseHub hub(QuietOptions(), nullptr);
    auto power = std::make_shared<FakeClient>();
    auto water = std::make_shared<FakeClient>();
    hub.Subscribe(Participant(1, 10, "electricity"), power);
    hub.Subscribe(Participant(2, 20, "water"), water);
    live::EventAudience audience;
    audience.sectors = {"water"};
    Publish(hub, Event(1, audience));
    EXPECT_TRUE(power->Take().empty());
    EXPECT_EQ(water->Take(), (std::vector<std::int64_t>{1}));
}

TEST(SseHubTest, ParticipantsOnlyEventsSkipWatchingStaff) {
    SseHub hub(QuietOptions(), nullptr);
    auto staff = std::make_shared<FakeClient>();
    auto person = std::make_shared<FakeClient>();
    hub.Subscribe(Controller(), staff);
    hub.Subscribe(Participant(1, 10), person);
    live::EventAudience audience;
    audience.person_ids = {10};
    audience.participants_only = true;
    Publish(hub, Event(1, audience));
    EXPECT_TRUE(staff->Take().empty());
    EXPECT_EQ(person->Take(), (std::vector<std::int64_t>{1}));
}

TEST(SseHubTest, AClientWhoseQueueIsFullIsDroppedAndDisconnectedWithoutAffectingOthers) {
    SseHub hub(QuietOptions(), nullptr);
    auto slow = std::make_shared<FakeClient>(2);
    auto fast = std::make_shared<FakeClient>(2);
    hub.Subscribe(Participant(1, 10), slow);
    hub.Subscribe(Participant(1, 11), fast);
    EXPECT_EQ(hub.client_count(), 2u);
    for (int seq = 1; seq <= 5; ++seq) {
        Publish(hub, Event(seq, Everyone()));
        fast->Take();  // the fast client keeps up
    }
    EXPECT_EQ(slow->disconnects, 1);
    EXPECT_EQ(slow->offers, 3);  // the third did not fit; nothing offered after the drop
    EXPECT_EQ(fast->disconnects, 0);
    EXPECT_EQ(hub.client_count(), 1u);
    EXPECT_EQ(hub.OnlineParticipants(1).at(1), 1);
}

TEST(SseHubTest, SubscribeAnswersTheLastPublishedSequenceAndUnsubscribeStopsDelivery) {
    SseHub hub(QuietOptions(), nullptr);
    Publish(hub, Event(1, Everyone()));
    Publish(hub, Event(2, Everyone()));
    auto client = std::make_shared<FakeClient>();
    const auto subscription = hub.Subscribe(Participant(1, 10), client);
    EXPECT_EQ(subscription.published_seq, 2);
    Publish(hub, Event(3, Everyone()));
    hub.Unsubscribe(1, subscription.id);
    hub.Unsubscribe(1, subscription.id);  // unknown now: ignored
    Publish(hub, Event(4, Everyone()));
    EXPECT_EQ(client->Take(), (std::vector<std::int64_t>{3}));
    EXPECT_EQ(hub.client_count(), 0u);
}

TEST(SseHubTest, AnEventThatIsNotNewerThanTheLastPublishedOneIsIgnored) {
    SseHub hub(QuietOptions(), nullptr);
    auto client = std::make_shared<FakeClient>();
    hub.Subscribe(Participant(1, 10), client);
    Publish(hub, Event(2, Everyone()));
    Publish(hub, Event(2, Everyone()));
    Publish(hub, Event(1, Everyone()));
    Publish(hub, Event(3, Everyone()));
    EXPECT_EQ(client->Take(), (std::vector<std::int64_t>{2, 3}));
}

TEST(SseHubTest, ReplayServesTheAddressedEventsOfTheRangeFromTheRing) {
    FakeHistory history;
    SseHub hub(QuietOptions(), &history);
    for (int seq = 1; seq <= 6; ++seq) {
        Publish(hub, Event(seq, seq % 2 == 0 ? Organisations({7}) : Organisations({8})));
    }
    auto page = hub.Replay(Participant(7, 70), 1, 5, 100);
    ASSERT_TRUE(page.has_value()) << page.error().message;
    std::vector<std::int64_t> seqs;
    for (const auto& frame : page->frames) seqs.push_back(frame.seq);
    EXPECT_EQ(seqs, (std::vector<std::int64_t>{2, 4}));
    EXPECT_EQ(page->scanned_to, 5);
    EXPECT_EQ(history.reads, 0);
}

TEST(SseHubTest, ReplayReadsHistoryForWhatTheRingNoLongerHoldsThenUsesTheRing) {
    FakeHistory history;
    SseHubOptions options = QuietOptions();
    options.ring_events = 3;
    SseHub hub(options, &history);
    for (int seq = 1; seq <= 10; ++seq) {
        history.events.push_back(Event(seq, Everyone()));
        Publish(hub, history.events.back());
    }
    // The ring holds 8..10. Pages of 3 events from history: (2,5], (5,8]; then the ring
    // holds the rest of the range and serves (8,10].
    std::vector<std::int64_t> seqs;
    std::int64_t after = 2;
    int pages = 0;
    while (after < 10) {
        auto page = hub.Replay(Participant(1, 10), after, 10, 3);
        ASSERT_TRUE(page.has_value()) << page.error().message;
        for (const auto& frame : page->frames) {
            seqs.push_back(frame.seq);
            EXPECT_NE(frame.frame->find("id: " + std::to_string(frame.seq) + "\n"), std::string::npos);
        }
        ASSERT_GT(page->scanned_to, after);
        after = page->scanned_to;
        ++pages;
    }
    EXPECT_EQ(seqs, (std::vector<std::int64_t>{3, 4, 5, 6, 7, 8, 9, 10}));
    EXPECT_EQ(history.reads, 2);
    EXPECT_EQ(pages, 3);
}

TEST(SseHubTest, ReplayAfterARestartReadsHistoryAndCommittedSeqComesFromIt) {
    FakeHistory history;
    for (int seq = 1; seq <= 4; ++seq) history.events.push_back(Event(seq, Everyone()));
    SseHub hub(QuietOptions(), &history);  // a new process: nothing published yet
    auto client = std::make_shared<FakeClient>();
    EXPECT_EQ(hub.Subscribe(Participant(1, 10), client).published_seq, 0);
    EXPECT_EQ(hub.CommittedSeq(1).value(), 4);
    auto page = hub.Replay(Participant(1, 10), 2, 4, 100);
    ASSERT_TRUE(page.has_value());
    ASSERT_EQ(page->frames.size(), 2u);
    EXPECT_EQ(page->frames[0].seq, 3);
    EXPECT_EQ(page->scanned_to, 4);
}

TEST(SseHubTest, ReplayBeyondTheRingWithoutHistoryFailsNamingLastEventId) {
    SseHubOptions options = QuietOptions();
    options.ring_events = 2;
    SseHub hub(options, nullptr);
    for (int seq = 1; seq <= 5; ++seq) Publish(hub, Event(seq, Everyone()));
    auto page = hub.Replay(Participant(1, 10), 1, 5, 100);
    ASSERT_FALSE(page.has_value());
    EXPECT_EQ(page.error().field, "last_event_id");
    EXPECT_TRUE(hub.Replay(Participant(1, 10), 3, 5, 100).has_value());
}

TEST(SseHubTest, TheRingIsBoundedInBytesToo) {
    FakeHistory history;
    SseHubOptions options = QuietOptions();
    options.ring_bytes = 1;  // keeps only the newest frame
    SseHub hub(options, &history);
    for (int seq = 1; seq <= 3; ++seq) {
        history.events.push_back(Event(seq, Everyone()));
        Publish(hub, history.events.back());
    }
    ASSERT_TRUE(hub.Replay(Participant(1, 10), 1, 3, 100).has_value());
    EXPECT_EQ(history.reads, 1);
}

TEST(SseHubTest, OnlineParticipantsCountsDistinctPeoplePerOrganisationAndNotStaff) {
    SseHub hub(QuietOptions(), nullptr);
    std::vector<std::shared_ptr<FakeClient>> clients;
    auto subscribe = [&](const live::StreamSubscriber& subscriber) {
        clients.push_back(std::make_shared<FakeClient>());
        return hub.Subscribe(subscriber, clients.back());
    };
    subscribe(Participant(7, 70));
    subscribe(Participant(7, 70));  // second tab
    subscribe(Participant(7, 71));
    const auto leaving = subscribe(Participant(8, 80));
    subscribe(Controller());
    auto online = hub.OnlineParticipants(1);
    EXPECT_EQ(online, (std::unordered_map<std::int64_t, int>{{7, 2}, {8, 1}}));
    hub.Unsubscribe(1, leaving.id);
    EXPECT_EQ(hub.OnlineParticipants(1), (std::unordered_map<std::int64_t, int>{{7, 2}}));
    EXPECT_TRUE(hub.OnlineParticipants(99).empty());
}

TEST(SseHubTest, HeartbeatsReachEveryClientAndDropThoseWhoseWriterStalled) {
    SseHub hub(QuietOptions(), nullptr);
    auto alive = std::make_shared<FakeClient>();
    auto stalled = std::make_shared<FakeClient>();
    hub.Subscribe(Participant(1, 10), alive);
    hub.Subscribe(Controller(), stalled);
    hub.SendHeartbeats();
    EXPECT_EQ(alive->Take(), (std::vector<std::int64_t>{0}));
    hub.SendHeartbeats();
    EXPECT_EQ(alive->Take(), (std::vector<std::int64_t>{0}));
    EXPECT_EQ(stalled->disconnects, 1);  // never took its first heartbeat
    EXPECT_EQ(hub.client_count(), 1u);
    EXPECT_EQ(*SseHub::HeartbeatFrame(), ": heartbeat\n\n");
}

TEST(SseHubTest, TheHeartbeatThreadSendsOnItsInterval) {
    SseHubOptions options;
    options.heartbeat_interval = 20ms;
    SseHub hub(options, nullptr);
    auto client = std::make_shared<FakeClient>();
    hub.Subscribe(Participant(1, 10), client);
    std::vector<std::int64_t> received;
    for (int i = 0; i < 200 && received.size() < 3; ++i) {
        std::this_thread::sleep_for(5ms);
        for (auto seq : client->Take()) received.push_back(seq);
    }
    EXPECT_GE(received.size(), 3u);
}

TEST(SseHubTest, PublishersAndSubscribersOnManyThreadsKeepEveryStreamInOrder) {
    SseHub hub(QuietOptions(), nullptr);
    constexpr int kEvents = 300;
    std::atomic<bool> done{false};
    std::vector<std::thread> subscribers;
    std::atomic<int> checked{0};
    for (int t = 0; t < 4; ++t) {
        subscribers.emplace_back([&, t] {
            while (!done) {
                auto client = std::make_shared<FakeClient>(100000, 1 << 30);
                auto subscription = hub.Subscribe(Participant(t, t), client);
                std::this_thread::sleep_for(1ms);
                hub.Unsubscribe(1, subscription.id);
                auto seqs = client->Take();
                for (std::size_t i = 1; i < seqs.size(); ++i) {
                    EXPECT_EQ(seqs[i], seqs[i - 1] + 1) << "gap or reorder in one subscription";
                }
                if (!seqs.empty()) {
                    EXPECT_GT(seqs.front(), subscription.published_seq);
                }
                ++checked;
            }
        });
    }
    for (int seq = 1; seq <= kEvents; ++seq) {
        Publish(hub, Event(seq, Everyone()));
        if (seq % 10 == 0) std::this_thread::sleep_for(1ms);
    }
    done = true;
    for (auto& thread : subscribers) thread.join();
    EXPECT_GT(checked.load(), 0);
    EXPECT_EQ(hub.client_count(), 0u);
}

}  // namespace
}  // namespace enshu::net
