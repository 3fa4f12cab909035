// The live stream (GET /api/exercises/{id}/stream) through the real server: SSE
// headers and heartbeats, authorisation, 500 concurrent streams that each receive
// exactly the injects addressed to them once and in order, Last-Event-ID resume, a
// client that cannot keep up (dropped without harming others, resumes by replay), and a
// restart in the middle of a scene (nothing repeated, the overdue injects once, late).

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "app/load_prepare.hpp"
#include "live/presence.hpp"
#include "net/load_generator.hpp"
#include "sse_reader.hpp"
#include "test_server.hpp"

namespace enshu::testing {
namespace {

using namespace std::chrono_literals;

nlohmann::json DataOf(const SseFrame& frame) { return nlohmann::json::parse(frame.data, nullptr, false); }

std::string InjectIdOf(const SseFrame& frame) {
    const auto data = DataOf(frame);
    return data.is_object() ? data["payload"].value("inject_id", std::string()) : std::string();
}

class StreamTest : public ::testing::Test {
  protected:
    // A server, and a load-test exercise with `organisations` organisations and
    // `participants` participants (spread in turn), each with a session.
    void Open(int organisations, int participants, const ConfigureFunction& configure = {}) {
        server_ = std::make_unique<TestServer>(configure);
        auto prepared = app::PrepareLoad(server_->application(), {organisations, participants});
        ASSERT_TRUE(prepared) << prepared.error().message;
        credentials_ = std::move(*prepared);
        organiser_.emplace(Organiser(*server_));
    }

    net::HttpClient Organiser(TestServer& server) const {
        net::HttpClient client = server.Client();
        client.SetCookie("enshu_session", credentials_.staff_token);
        client.SetCsrfToken(credentials_.staff_csrf);
        return client;
    }

    std::string Base() const { return "/api/exercises/" + std::to_string(credentials_.exercise_id); }

    // Releases an ad-hoc inject now; returns its id.
    std::string Release(const nlohmann::json& audience, std::size_t body_characters = 100) {
        const nlohmann::json body = {{"title", {{"ja", "試験"}, {"en", "Test"}}},
                                     {"body", {{"ja", std::string(body_characters, 'x')}}},
                                     {"audience", audience}};
        auto response = organiser_->Post(Base() + "/adhoc-injects", body.dump());
        EXPECT_TRUE(response && response->status == 201) << (response ? response->body : response.error().message);
        if (!response || response->status != 201) return {};
        return nlohmann::json::parse(response->body)["release"]["inject_id"].get<std::string>();
    }

    std::unique_ptr<SseReader> Reader(std::size_t participant, std::optional<std::int64_t> last_event_id = {},
                                      int receive_buffer = 0) {
        auto reader =
            std::make_unique<SseReader>(server_->port(), credentials_.exercise_id,
                                        credentials_.participants.at(participant).token, last_event_id, receive_buffer);
        EXPECT_EQ(reader->ReadHead(), 200) << reader->head();
        return reader;
    }

    std::unique_ptr<TestServer> server_;
    app::LoadCredentials credentials_;
    std::optional<net::HttpClient> organiser_;
};

TEST_F(StreamTest, AnswersAnEventStreamWithHeartbeats) {
    Open(1, 1, [](app::AppConfig& config, const std::filesystem::path&) { config.server.stream_heartbeat = 100ms; });
    SseReader reader(server_->port(), credentials_.exercise_id, credentials_.participants[0].token);
    ASSERT_EQ(reader.ReadHead(), 200) << reader.head();
    const std::string& head = reader.head();
    EXPECT_NE(head.find("Content-Type: text/event-stream"), std::string::npos) << head;
    EXPECT_NE(head.find("Cache-Control: no-cache"), std::string::npos) << head;
    EXPECT_NE(head.find("X-Accel-Buffering: no"), std::string::npos) << head;
    EXPECT_EQ(head.find("Content-Length"), std::string::npos) << head;
    int heartbeats = 0;
    for (int i = 0; i < 20 && heartbeats < 3; ++i) {
        auto frame = reader.Next(2s);
        ASSERT_TRUE(frame) << "no frame; closed: " << reader.closed();
        if (frame->comment == "heartbeat") ++heartbeats;
    }
    EXPECT_EQ(heartbeats, 3);
    // The stream outlives the header and idle timeouts thanks to nothing but itself.
    const std::string id = Release({{"everyone", true}});
    auto event = reader.NextEvent(5s);
    ASSERT_TRUE(event);
    EXPECT_EQ(event->event, "inject.released");
    EXPECT_EQ(InjectIdOf(*event), id);
    EXPECT_EQ(event->data.rfind("{\"released_at_us\":", 0), 0u) << event->data;
}

TEST_F(StreamTest, RefusesCallersWithoutSessionOrScopeAndMalformedLastEventId) {
    Open(1, 1);
    SseReader anonymous(server_->port(), credentials_.exercise_id, "");
    EXPECT_EQ(anonymous.ReadHead(), 401);
    auto other = organiser_->Post("/api/exercises", R"({"fiscal_year":2023,"title_ja":"別の演習"})");
    ASSERT_TRUE(other && other->status == 201);
    const auto other_id = nlohmann::json::parse(other->body)["id"].get<std::int64_t>();
    SseReader outsider(server_->port(), other_id, credentials_.participants[0].token);
    EXPECT_EQ(outsider.ReadHead(), 404);
    SseReader missing(server_->port(), 987654, credentials_.participants[0].token);
    EXPECT_EQ(missing.ReadHead(), 404);

    net::HttpClient participant = server_->Client();
    participant.SetCookie("enshu_session", credentials_.participants[0].token);
    auto bad = participant.Get(Base() + "/stream", {{"Last-Event-ID", "abc"}});
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400);
    EXPECT_NE(bad->body.find("Last-Event-ID"), std::string::npos) << bad->body;
    auto negative = participant.Get(Base() + "/stream?last_event_id=-1");
    ASSERT_TRUE(negative);
    EXPECT_EQ(negative->status, 400);
}

TEST_F(StreamTest, FiveHundredStreamsReceiveEveryInjectAddressedToThemExactlyOnceAndInOrder) {
    constexpr int kOrganisations = 10;
    constexpr int kParticipants = 500;
    Open(kOrganisations, kParticipants);
    std::vector<net::LoadStream> streams;
    std::vector<std::int64_t> organisation_ids;
    for (const auto& participant : credentials_.participants) {
        streams.push_back({participant.token, participant.organisation_id, std::nullopt});
        if (std::find(organisation_ids.begin(), organisation_ids.end(), participant.organisation_id) ==
            organisation_ids.end()) {
            organisation_ids.push_back(participant.organisation_id);
        }
    }
    ASSERT_EQ(organisation_ids.size(), static_cast<std::size_t>(kOrganisations));
    net::LoadSettings settings;
    settings.port = server_->port();
    settings.exercise_id = credentials_.exercise_id;
    settings.connect_parallelism = 64;
    net::LoadGenerator generator(settings, streams);
    ASSERT_TRUE(generator.Connect());
    EXPECT_EQ(server_->application().services().presence->OnlineParticipants(credentials_.exercise_id).size(),
              static_cast<std::size_t>(kOrganisations));

    // Releases in this order; what each organisation should see, in order.
    std::map<std::int64_t, std::vector<std::string>> expected;
    auto release = [&](const nlohmann::json& audience, std::optional<std::vector<std::int64_t>> reached) {
        const std::string id = Release(audience);
        ASSERT_FALSE(id.empty());
        generator.Expect(id, reached);
        for (std::int64_t organisation_id : organisation_ids) {
            if (!reached || std::count(reached->begin(), reached->end(), organisation_id) > 0) {
                expected[organisation_id].push_back(id);
            }
        }
    };
    release({{"everyone", true}}, std::nullopt);
    release({{"organisation_ids", {organisation_ids[0]}}}, std::vector<std::int64_t>{organisation_ids[0]});
    release({{"everyone", true}}, std::nullopt);
    release({{"organisation_ids", {organisation_ids[1], organisation_ids[2]}}},
            std::vector<std::int64_t>{organisation_ids[1], organisation_ids[2]});
    release({{"organisation_ids", {organisation_ids[3]}}}, std::vector<std::int64_t>{organisation_ids[3]});
    release({{"everyone", true}}, std::nullopt);
    const bool delivered = generator.WaitForDelivery(std::chrono::steady_clock::now() + 30s);
    const net::LoadReport report = generator.Report();
    EXPECT_TRUE(delivered) << "received " << report.received << " of " << report.expected;
    EXPECT_EQ(report.connected, static_cast<std::size_t>(kParticipants));
    EXPECT_EQ(report.expected, 3u * kParticipants + 4u * (kParticipants / kOrganisations));
    EXPECT_EQ(report.lost, 0u);
    EXPECT_EQ(report.duplicates, 0u);
    EXPECT_EQ(report.misaddressed, 0u);
    EXPECT_EQ(report.out_of_order, 0u);
    EXPECT_EQ(report.dropped, 0u);
    const auto received = generator.ReceivedInjects();
    for (std::size_t i = 0; i < streams.size(); ++i) {
        ASSERT_EQ(received[i], expected[streams[i].organisation_id]) << "stream " << i;
    }
}

TEST_F(StreamTest, AClientThatReconnectsWithLastEventIdReceivesExactlyWhatItMissed) {
    Open(2, 2);
    auto reader = Reader(0);
    const std::string first = Release({{"everyone", true}});
    auto seen = reader->NextEvent(5s);
    ASSERT_TRUE(seen);
    ASSERT_EQ(InjectIdOf(*seen), first);
    reader->Close();

    // Missed while away: two for everyone, one for the other organisation, one for ours.
    const std::int64_t ours = credentials_.participants[0].organisation_id;
    const std::int64_t theirs = credentials_.participants[1].organisation_id;
    const std::string missed_1 = Release({{"everyone", true}});
    Release({{"organisation_ids", {theirs}}});
    const std::string missed_2 = Release({{"organisation_ids", {ours}}});
    const std::string missed_3 = Release({{"everyone", true}});

    auto resumed = Reader(0, seen->id);
    std::vector<std::string> ids;
    std::int64_t last_id = seen->id;
    while (auto frame = resumed->NextEvent(1500ms)) {
        EXPECT_GT(frame->id, last_id);
        last_id = frame->id;
        if (frame->event == "inject.released") ids.push_back(InjectIdOf(*frame));
    }
    EXPECT_EQ(ids, (std::vector<std::string>{missed_1, missed_2, missed_3}));
    // And then live again.
    const std::string live = Release({{"everyone", true}});
    auto next = resumed->NextEvent(5s);
    ASSERT_TRUE(next);
    EXPECT_EQ(InjectIdOf(*next), live);

    // The query parameter works the same (for clients that cannot set headers).
    net::HttpClient probe = server_->Client();
    probe.SetCookie("enshu_session", credentials_.participants[0].token);
    SseReader by_query(server_->port(), credentials_.exercise_id, credentials_.participants[0].token, next->id - 1);
    ASSERT_EQ(by_query.ReadHead(), 200);
    auto replayed = by_query.NextEvent(5s);
    ASSERT_TRUE(replayed);
    EXPECT_EQ(replayed->id, next->id);
}

TEST_F(StreamTest, AClientThatCannotKeepUpIsDroppedWithoutHarmingOthersAndResumesByReplay) {
    Open(2, 2, [](app::AppConfig& config, const std::filesystem::path&) {
        config.server.stream_queue_frames = 16;
        config.server.stream_heartbeat = 100ms;
    });
    constexpr int kReleases = 80;
    auto slow = Reader(0, std::nullopt, 2048);  // never reads while the injects arrive
    auto fast = Reader(1);
    std::vector<std::string> fast_ids;
    std::thread fast_reader([&] {
        while (static_cast<int>(fast_ids.size()) < kReleases) {
            auto frame = fast->NextEvent(20s);
            if (!frame) break;
            if (frame->event == "inject.released") fast_ids.push_back(InjectIdOf(*frame));
        }
    });
    std::vector<std::string> released;
    for (int i = 0; i < kReleases; ++i) released.push_back(Release({{"everyone", true}}, 7000));
    fast_reader.join();
    EXPECT_EQ(fast_ids, released);
    EXPECT_FALSE(fast->closed());

    // The slow client's organisation goes offline once the hub drops it.
    const std::int64_t slow_organisation = credentials_.participants[0].organisation_id;
    auto* presence = server_->application().services().presence;
    bool dropped = false;
    for (int i = 0; i < 200 && !dropped; ++i) {
        dropped = presence->OnlineParticipants(credentials_.exercise_id).count(slow_organisation) == 0;
        if (!dropped) std::this_thread::sleep_for(50ms);
    }
    ASSERT_TRUE(dropped);

    // It reads what had reached it, then the end of the stream; it resumes from there.
    std::vector<std::string> slow_ids;
    std::int64_t last_id = 0;
    while (auto frame = slow->NextEvent(5s)) {
        last_id = frame->id;
        if (frame->event == "inject.released") slow_ids.push_back(InjectIdOf(*frame));
    }
    EXPECT_TRUE(slow->closed());
    ASSERT_LT(slow_ids.size(), released.size());
    auto resumed = Reader(0, last_id);
    while (auto frame = resumed->NextEvent(1500ms)) {
        if (frame->event == "inject.released") slow_ids.push_back(InjectIdOf(*frame));
    }
    EXPECT_EQ(slow_ids, released);
}

constexpr const char* kRestartScenario = R"(id: restart-test
title: {ja: 再起動試験, en: Restart test}
scenes:
  - {id: s1, title: {ja: 一, en: One}, starts_at: D1 09:00, ends_at: D1 15:00, speed: 600}
injects:
  - {id: r-1, scene_id: s1, at: D1 09:00, title: {ja: 一, en: One}, body: {ja: 一, en: ""}}
  - {id: r-2, scene_id: s1, at: D1 09:10, title: {ja: 二, en: Two}, body: {ja: 二, en: ""}}
  - {id: r-3, scene_id: s1, at: D1 09:40, title: {ja: 三, en: Three}, body: {ja: 三, en: ""}}
  - {id: r-4, scene_id: s1, at: D1 09:50, title: {ja: 四, en: Four}, body: {ja: 四, en: ""}}
)";

TEST_F(StreamTest, ARestartInTheMiddleOfASceneRepeatsNothingAndTheOverdueInjectsArriveOnceLate) {
    Open(1, 1);
    auto put = organiser_->Send("PUT", Base() + "/scenario", kRestartScenario, {{"Content-Type", "application/yaml"}});
    ASSERT_TRUE(put && put->status == 200) << (put ? put->body : put.error().message);
    auto reader = Reader(0);
    // 600 scenario minutes per wall hour: r-1 at once, r-2 after 1 s, r-3 after 4 s, r-4 after 5 s.
    auto started = organiser_->Post(Base() + "/clock/start", "");
    ASSERT_TRUE(started && started->status == 200) << (started ? started->body : started.error().message);
    const auto start_time = std::chrono::steady_clock::now();

    std::vector<std::string> before;
    std::int64_t last_id = 0;
    while (before.size() < 2) {
        auto frame = reader->NextEvent(5s);
        ASSERT_TRUE(frame) << "received before the restart: " << before.size();
        last_id = frame->id;
        if (frame->event == "inject.released") before.push_back(InjectIdOf(*frame));
    }
    EXPECT_EQ(before, (std::vector<std::string>{"r-1", "r-2"}));
    const std::filesystem::path database = server_->directory() / "enshu.db";
    server_->Stop();  // the clock keeps running on the wall clock while the server is down
    while (auto frame = reader->NextEvent(500ms)) last_id = frame->id;  // anything sent before the close
    EXPECT_TRUE(reader->closed());
    ASSERT_LT(std::chrono::steady_clock::now() - start_time, 3s) << "too slow to stop before r-3 was due";

    // Back more than 5 s after r-3 and r-4 were due: they are released once, late.
    std::this_thread::sleep_until(start_time + 11s);
    TestServer restarted(
        [&database](app::AppConfig& config, const std::filesystem::path&) { config.database_url = database.string(); });
    SseReader resumed(restarted.port(), credentials_.exercise_id, credentials_.participants[0].token, last_id);
    ASSERT_EQ(resumed.ReadHead(), 200) << resumed.head();
    std::vector<std::string> after;
    std::set<std::int64_t> ids;
    while (auto frame = resumed.NextEvent(2000ms)) {
        EXPECT_GT(frame->id, last_id);
        EXPECT_TRUE(ids.insert(frame->id).second) << "event " << frame->id << " twice";
        if (frame->event != "inject.released") continue;
        after.push_back(InjectIdOf(*frame));
        const auto payload = DataOf(*frame)["payload"];
        EXPECT_TRUE(payload.value("late", false)) << frame->data;
        EXPECT_EQ(payload.value("kind", std::string()), "scheduled") << frame->data;
    }
    EXPECT_EQ(after, (std::vector<std::string>{"r-3", "r-4"}));
}

}  // namespace
}  // namespace enshu::testing
