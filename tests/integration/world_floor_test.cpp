// The exercise floor through the real server: announcements (posted to every screen
// live, withdrawn, roles), breaks (an immediate break pauses the running clock and its
// end resumes it; a scheduled break is started by the timer; extend; validation), the
// observers' ratings (per inject and organisation, edit own, never visible to the
// organisations, export), and the exercise marking on every export endpoint (walked
// from the route table) while the importers still read their own exports.

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "api/route.hpp"
#include "core/exercise_marking.hpp"
#include "core/scenario.hpp"
#include "db/database.hpp"
#include "floor_fixture.hpp"
#include "io/xlsx.hpp"
#include "scenario/scenario_store.hpp"
#include "sse_reader.hpp"

namespace enshu::testing {
namespace {

using namespace std::chrono_literals;

scenario::Scenario FloorScenario() {
    scenario::Scenario master;
    master.id = "floor";
    master.title = {"床試験", "Floor test"};
    master.scenes = {{"day1", {"1日目", "Day 1"}, 540, 1080, 1.0, false}};
    scenario::Inject first;
    first.id = "i1";
    first.scene_id = "day1";
    first.at = 1000;  // far ahead: never released on its own during the test
    first.title = {"障害発生", "Outage"};
    first.body = {"本文", "Body"};
    first.order = 1;
    master.injects = {first};
    return master;
}

// The next named event of `type` within `timeout` (other events skipped).
std::optional<SseFrame> NextOfType(SseReader& reader, const std::string& type, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        auto frame = reader.NextEvent(100ms);
        if (frame && frame->event == type) return frame;
        if (reader.closed()) return std::nullopt;
    }
    return std::nullopt;
}

nlohmann::json PayloadOf(const SseFrame& frame) {
    return nlohmann::json::parse(frame.data, nullptr, false).value("payload", nlohmann::json::object());
}

std::int64_t AuditCount(TestServer& server, const std::string& action) {
    std::int64_t count = 0;
    auto read = server.application().database().Read([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne("SELECT count(*) FROM audit_log WHERE action = $1", {action});
        if (!row) return tl::unexpected(row.error());
        count = (*row)->Int(0);
        return Ok();
    });
    EXPECT_TRUE(read) << (read ? "" : read.error().message);
    return count;
}

class WorldFloorTest : public FloorFixture {
  protected:
    void SetUp() override {
        OpenServer();
        participant_a_ = CreatePerson(org_a_, "組織A 参加者", "participant");
        lead_b_ = CreatePerson(org_b_, "組織B 責任者", "org_lead");
        auto* store = server_->application().services().scenarios;
        ASSERT_NE(store, nullptr);
        auto saved = store->SaveMaster(exercise_id_, FloorScenario(), {std::nullopt, "test", "", ""});
        ASSERT_TRUE(saved) << saved.error().message;
    }

    std::unique_ptr<SseReader> StreamOf(const net::HttpClient& client) {
        // Last-Event-ID 0: the head is written before the stream subscribes, so replay from the
        // start guarantees that no event posted right after the head is missed.
        auto reader =
            std::make_unique<SseReader>(server_->port(), exercise_id_, client.Cookie("enshu_session").value_or(""), 0);
        EXPECT_EQ(reader->ReadHead(), 200) << reader->head();
        return reader;
    }

    std::string ClockState() { return JsonOf(admin_->Get(base_ + "/clock")).value("state", std::string()); }

    // Releases an ad-hoc inject to organisation A only; returns its id.
    std::string ReleaseToA() {
        const nlohmann::json body = {{"title", {{"ja", "臨時"}, {"en", "Ad hoc"}}},
                                     {"body", {{"ja", "本文"}}},
                                     {"audience", {{"everyone", false}, {"organisation_ids", {org_a_}}}}};
        auto response = admin_->Post(base_ + "/adhoc-injects", body.dump());
        EXPECT_EQ(StatusOf(response), 201) << BodyOf(response);
        return JsonOf(response)["release"].value("inject_id", std::string());
    }

    FloorPerson participant_a_;
    FloorPerson lead_b_;
};

TEST_F(WorldFloorTest, AnnouncementsReachEveryScreenLiveAndAreWithdrawn) {
    auto participant = Joined(participant_a_.join_token);
    auto stream = StreamOf(participant);
    const nlohmann::json body = {{"message", {{"ja", "<b>16時</b>から休憩"}, {"en", "Break at 16:00"}}},
                                 {"severity", "warning"},
                                 {"expires_in_minutes", 30}};
    auto posted = admin_->Post(base_ + "/announcements", body.dump());
    ASSERT_EQ(StatusOf(posted), 201) << BodyOf(posted);
    const auto announcement = JsonOf(posted);
    EXPECT_EQ(announcement["severity"], "warning");
    EXPECT_EQ(announcement["active"], true);
    EXPECT_TRUE(announcement["expires_at_us"].is_number_integer());

    auto event = NextOfType(*stream, "announcement.posted", 3000ms);
    ASSERT_TRUE(event);
    EXPECT_EQ(PayloadOf(*event)["id"], announcement["id"]);
    EXPECT_EQ(PayloadOf(*event)["message"]["ja"], "<b>16時</b>から休憩");  // stored and sent as text

    auto listed = JsonOf(participant.Get(base_ + "/announcements"));
    ASSERT_EQ(listed["items"].size(), 1u) << listed.dump();
    EXPECT_EQ(StatusOf(participant.Get(base_ + "/announcements?all=true")), 403);

    const std::string path = base_ + "/announcements/" + std::to_string(announcement["id"].get<std::int64_t>());
    EXPECT_EQ(StatusOf(participant.Send("DELETE", path)), 403);
    auto withdrawn = admin_->Send("DELETE", path);
    ASSERT_EQ(StatusOf(withdrawn), 200) << BodyOf(withdrawn);
    EXPECT_EQ(JsonOf(withdrawn)["active"], false);
    ASSERT_TRUE(NextOfType(*stream, "announcement.withdrawn", 3000ms));
    EXPECT_TRUE(JsonOf(participant.Get(base_ + "/announcements"))["items"].empty());
    EXPECT_EQ(JsonOf(admin_->Get(base_ + "/announcements?all=true"))["items"].size(), 1u);
    // Withdrawing again changes nothing and is not audited twice.
    EXPECT_EQ(StatusOf(admin_->Send("DELETE", path)), 200);
    EXPECT_EQ(AuditCount(*server_, "announcement.create"), 1);
    EXPECT_EQ(AuditCount(*server_, "announcement.withdraw"), 1);
    EXPECT_EQ(StatusOf(admin_->Send("DELETE", base_ + "/announcements/999999")), 404);
}

TEST_F(WorldFloorTest, AnnouncementRolesAndValidation) {
    auto observer = Staff("observer1", "observer");
    auto controller = Staff("controller1", "controller");
    auto participant = Joined(participant_a_.join_token);
    const std::string ok = R"({"message":{"ja":"お知らせ"}})";
    EXPECT_EQ(StatusOf(observer.Post(base_ + "/announcements", ok)), 403);
    EXPECT_EQ(StatusOf(participant.Post(base_ + "/announcements", ok)), 403);
    EXPECT_EQ(StatusOf(controller.Post(base_ + "/announcements", ok)), 201);

    auto empty = admin_->Post(base_ + "/announcements", R"({"message":{"ja":""}})");
    EXPECT_EQ(StatusOf(empty), 400);
    EXPECT_EQ(JsonOf(empty)["error"]["field"], "message.ja");
    auto severity = admin_->Post(base_ + "/announcements", R"({"message":{"ja":"x"},"severity":"panic"})");
    EXPECT_EQ(JsonOf(severity)["error"]["field"], "severity");
    auto expiry = admin_->Post(base_ + "/announcements", R"({"message":{"ja":"x"},"expires_in_minutes":0})");
    EXPECT_EQ(JsonOf(expiry)["error"]["field"], "expires_in_minutes");
    auto long_text = admin_->Post(base_ + "/announcements",
                                  nlohmann::json{{"message", {{"ja", std::string(1001 * 3, 'a')}}}}.dump());
    EXPECT_EQ(JsonOf(long_text)["error"]["field"], "message.ja");

    // Another exercise's announcements are out of scope.
    auto other = admin_->Post("/api/exercises", R"({"fiscal_year":2024,"title_ja":"別演習"})");
    const auto other_id = JsonOf(other)["id"].get<std::int64_t>();
    EXPECT_EQ(StatusOf(participant.Get("/api/exercises/" + std::to_string(other_id) + "/announcements")), 404);
}

TEST_F(WorldFloorTest, AnImmediateBreakPausesTheRunningClockAndItsEndResumesIt) {
    ASSERT_EQ(StatusOf(admin_->Post(base_ + "/clock/start", "{}")), 200);
    ASSERT_EQ(ClockState(), "running");
    auto participant = Joined(participant_a_.join_token);
    auto stream = StreamOf(participant);
    EXPECT_EQ(StatusOf(participant.Post(base_ + "/breaks", R"({"duration_seconds":60})")), 403);

    const nlohmann::json body = {{"duration_seconds", 60}, {"message", {{"ja", "コーヒー休憩"}, {"en", "Coffee"}}}};
    auto scheduled = admin_->Post(base_ + "/breaks", body.dump());
    ASSERT_EQ(StatusOf(scheduled), 201) << BodyOf(scheduled);
    const auto item = JsonOf(scheduled);
    EXPECT_EQ(item["status"], "running");
    EXPECT_EQ(item["paused_clock"], true);
    EXPECT_EQ(item["ends_at_us"].get<std::int64_t>() - item["starts_at_us"].get<std::int64_t>(), 60'000'000);
    EXPECT_EQ(ClockState(), "paused");

    auto started = NextOfType(*stream, "break.started", 3000ms);
    ASSERT_TRUE(started);
    EXPECT_EQ(PayloadOf(*started)["message"]["ja"], "コーヒー休憩");
    auto current = JsonOf(participant.Get(base_ + "/breaks"));
    EXPECT_EQ(current["current"]["id"], item["id"]);

    const std::string path = base_ + "/breaks/" + std::to_string(item["id"].get<std::int64_t>());
    auto extended = admin_->Post(path + "/extend", R"({"extra_seconds":120})");
    ASSERT_EQ(StatusOf(extended), 200) << BodyOf(extended);
    EXPECT_EQ(JsonOf(extended)["duration_seconds"], 180);
    auto updated = NextOfType(*stream, "break.updated", 3000ms);
    ASSERT_TRUE(updated);
    EXPECT_EQ(PayloadOf(*updated)["duration_seconds"], 180);

    auto ended = admin_->Post(path + "/cancel", "{}");
    ASSERT_EQ(StatusOf(ended), 200) << BodyOf(ended);
    EXPECT_EQ(JsonOf(ended)["status"], "finished");
    ASSERT_TRUE(NextOfType(*stream, "break.ended", 3000ms));
    EXPECT_EQ(ClockState(), "running");
    EXPECT_TRUE(JsonOf(participant.Get(base_ + "/breaks"))["current"].is_null());
    EXPECT_EQ(StatusOf(admin_->Post(path + "/cancel", "{}")), 409);
    EXPECT_EQ(AuditCount(*server_, "break.schedule"), 1);
    EXPECT_EQ(AuditCount(*server_, "break.start"), 1);
    EXPECT_EQ(AuditCount(*server_, "break.extend"), 1);
    EXPECT_EQ(AuditCount(*server_, "break.end"), 1);
}

TEST_F(WorldFloorTest, TheTimerStartsAndEndsAScheduledBreakOnTime) {
    const auto now_us = JsonOf(admin_->Get(base_ + "/breaks"))["now_us"].get<std::int64_t>();
    const nlohmann::json body = {{"starts_at_us", now_us + 1'000'000}, {"duration_seconds", 10}};
    auto scheduled = admin_->Post(base_ + "/breaks", body.dump());
    ASSERT_EQ(StatusOf(scheduled), 201) << BodyOf(scheduled);
    EXPECT_EQ(JsonOf(scheduled)["status"], "scheduled");
    EXPECT_EQ(JsonOf(scheduled)["paused_clock"], false);
    nlohmann::json current = nullptr;
    for (int attempt = 0; attempt < 40 && current.is_null(); ++attempt) {
        std::this_thread::sleep_for(100ms);
        current = JsonOf(admin_->Get(base_ + "/breaks"))["current"];
    }
    ASSERT_FALSE(current.is_null()) << "the timer did not start the break";
    // Started at most ~2 s after its start time (one-second ticks).
    EXPECT_LT(current["started_at_us"].get<std::int64_t>() - (now_us + 1'000'000), 2'500'000);
    EXPECT_EQ(current["paused_clock"], false);  // the clock was not running

    auto too_short = admin_->Post(base_ + "/breaks", R"({"duration_seconds":5})");
    EXPECT_EQ(JsonOf(too_short)["error"]["field"], "duration_seconds");
    auto past = admin_->Post(
        base_ + "/breaks", nlohmann::json{{"starts_at_us", now_us - 3'600'000'000LL}, {"duration_seconds", 60}}.dump());
    EXPECT_EQ(JsonOf(past)["error"]["field"], "starts_at_us");
    auto extend = admin_->Post(base_ + "/breaks/" + std::to_string(current["id"].get<std::int64_t>()) + "/extend",
                               R"({"extra_seconds":0})");
    EXPECT_EQ(JsonOf(extend)["error"]["field"], "extra_seconds");
}

TEST_F(WorldFloorTest, ObserversRateInjectsPerOrganisationAndOrganisationsNeverSeeRatings) {
    const std::string inject_id = ReleaseToA();
    ASSERT_FALSE(inject_id.empty());
    auto observer = Staff("observer1", "observer");
    auto controller = Staff("controller1", "controller");
    auto participant = Joined(participant_a_.join_token);
    auto lead_b = Joined(lead_b_.join_token);

    auto injects = JsonOf(observer.Get(base_ + "/observations/injects?organisation_id=" + std::to_string(org_a_)));
    ASSERT_EQ(injects["items"].size(), 1u) << injects.dump();
    EXPECT_EQ(injects["items"][0]["inject_id"], inject_id);
    EXPECT_TRUE(injects["items"][0]["my_observation"].is_null());

    const nlohmann::json rating = {{"organisation_id", org_a_},
                                   {"inject_id", inject_id},
                                   {"rating", 4},
                                   {"comment", "初動は迅速。<script>x</script>"}};
    auto created = observer.Send("PUT", base_ + "/observations", rating.dump());
    ASSERT_EQ(StatusOf(created), 201) << BodyOf(created);
    auto edited_body = rating;
    edited_body["rating"] = 5;
    auto edited = observer.Send("PUT", base_ + "/observations", edited_body.dump());
    ASSERT_EQ(StatusOf(edited), 200) << BodyOf(edited);
    EXPECT_EQ(JsonOf(edited)["rating"], 5);
    EXPECT_EQ(JsonOf(edited)["id"], JsonOf(created)["id"]);
    // The organiser rates too; one rating per observer.
    ASSERT_EQ(StatusOf(admin_->Send("PUT", base_ + "/observations", rating.dump())), 201);
    auto all = JsonOf(admin_->Get(base_ + "/observations?organisation_id=" + std::to_string(org_a_)));
    EXPECT_EQ(all["total"], 2);
    EXPECT_EQ(JsonOf(observer.Get(base_ + "/observations?mine=true"))["total"], 1);

    // Nobody else reads or writes ratings.
    for (auto* client : {&participant, &lead_b, &controller}) {
        EXPECT_EQ(StatusOf(client->Get(base_ + "/observations")), 403);
        EXPECT_EQ(StatusOf(client->Send("PUT", base_ + "/observations", rating.dump())), 403);
        EXPECT_EQ(StatusOf(client->Get(base_ + "/exports/observations")), 403);
    }
    // The inject was not released to B; unknown organisations are 404.
    auto not_released = edited_body;
    not_released["organisation_id"] = org_b_;
    auto refused = observer.Send("PUT", base_ + "/observations", not_released.dump());
    EXPECT_EQ(StatusOf(refused), 404);
    EXPECT_EQ(JsonOf(refused)["error"]["field"], "inject_id");
    auto unknown = edited_body;
    unknown["organisation_id"] = 987654;
    EXPECT_EQ(JsonOf(observer.Send("PUT", base_ + "/observations", unknown.dump()))["error"]["field"],
              "organisation_id");
    auto bad = edited_body;
    bad["rating"] = 6;
    EXPECT_EQ(JsonOf(observer.Send("PUT", base_ + "/observations", bad.dump()))["error"]["field"], "rating");
    EXPECT_EQ(AuditCount(*server_, "observation.create"), 2);
    EXPECT_EQ(AuditCount(*server_, "observation.update"), 1);

    auto csv = observer.Get(base_ + "/exports/observations?format=csv&lang=ja");
    ASSERT_EQ(StatusOf(csv), 200) << BodyOf(csv);
    EXPECT_NE(csv->body.find("模範的"), std::string::npos);
    EXPECT_NE(csv->body.find("<script>x</script>"), std::string::npos);  // data, exported as text
    auto xlsx = observer.Get(base_ + "/exports/observations?format=xlsx");
    ASSERT_EQ(StatusOf(xlsx), 200);
    auto sheets = io::ReadXlsx(xlsx->body);
    ASSERT_TRUE(sheets) << sheets.error().message;
    ASSERT_EQ(sheets->size(), 2u);
    EXPECT_EQ((*sheets)[0].rows.size(), 3u);  // header + 2 ratings
    EXPECT_EQ((*sheets)[1].rows[0][1], std::string(kExerciseMarking));
}

TEST_F(WorldFloorTest, EveryExportEndpointCarriesTheExerciseMarking) {
    ReleaseToA();
    ASSERT_EQ(StatusOf(admin_->Send(
                  "PUT", base_ + "/observations",
                  nlohmann::json{{"organisation_id", org_a_}, {"inject_id", "adhoc-1"}, {"rating", 3}}.dump())),
              201);
    int walked = 0;
    for (const api::Route& route : api::Routes()) {
        const std::string pattern(route.pattern);
        if (route.method != "GET" || pattern.find("export") == std::string::npos) continue;
        std::string path = pattern;
        path.replace(path.find("{exercise_id}"), std::string("{exercise_id}").size(), std::to_string(exercise_id_));
        ASSERT_EQ(path.find('{'), std::string::npos)
            << "an export with more path parameters: extend this test: " << pattern;
        for (const std::string format : {"", "xlsx"}) {
            const std::string target = format.empty() ? path : path + "?format=" + format;
            auto response = admin_->Get(target);
            ASSERT_EQ(StatusOf(response), 200) << target << ": " << BodyOf(response);
            const auto disposition = response->Header("Content-Disposition").value_or("");
            EXPECT_NE(disposition.find("EXERCISE_"), std::string::npos) << target << ": " << disposition;
            EXPECT_EQ(response->Header("X-Exercise-Marking").value_or(""), "EXERCISE") << target;
            if (!format.empty()) {
                // Written by io::WriteXlsx, which prints the marking on every sheet (xlsx_marking_test).
                auto sheets = io::ReadXlsx(response->body);
                EXPECT_TRUE(sheets) << target << ": " << (sheets ? "" : sheets.error().message);
            }
            ++walked;
        }
    }
    EXPECT_GE(walked, 8);  // organisations, people, scenario, observations: csv/yaml and xlsx each
    // Downloads whose path does not say "export": the action-record workbook of an organisation.
    auto sheet = admin_->Get(OrganisationPath(org_a_) + "/action-record/xlsx");
    ASSERT_EQ(StatusOf(sheet), 200) << BodyOf(sheet);
    EXPECT_NE(sheet->Header("Content-Disposition").value_or("").find("EXERCISE_"), std::string::npos);
    EXPECT_EQ(sheet->Header("X-Exercise-Marking").value_or(""), "EXERCISE");

    // The importers still read their own (marked) exports.
    auto organisations = admin_->Get(base_ + "/exports/organisations?format=csv");
    ASSERT_EQ(StatusOf(organisations), 200);
    auto reimported = admin_->Post(base_ + "/imports/organisations?dry_run=true", organisations->body,
                                   {{"Content-Type", "text/csv"}});
    ASSERT_EQ(StatusOf(reimported), 200) << BodyOf(reimported);
    EXPECT_EQ(JsonOf(reimported)["valid"], true) << BodyOf(reimported);
    auto scenario_yaml = admin_->Get(base_ + "/scenario/export?format=yaml");
    ASSERT_EQ(StatusOf(scenario_yaml), 200);
    EXPECT_EQ(scenario_yaml->body.rfind("# " + std::string(kExerciseMarking), 0), 0u);
    auto put_back = admin_->Send("PUT", base_ + "/scenario?dry_run=true", scenario_yaml->body,
                                 {{"Content-Type", "application/yaml"}});
    EXPECT_EQ(StatusOf(put_back), 200) << BodyOf(put_back);
    EXPECT_EQ(JsonOf(put_back)["valid"], true) << BodyOf(put_back);
}

}  // namespace
}  // namespace enshu::testing
