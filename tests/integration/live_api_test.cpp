// Live play through the real server: start the clock → the scheduler releases an inject
// → the team's inbox shows it → acknowledgement and action log → the progress view
// shows them; and the scoping rules (a participant cannot run the clock; organisation A
// cannot acknowledge B's inject or read B's action log: 404).

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "accounts/account_service.hpp"
#include "api/context.hpp"
#include "core/scenario.hpp"
#include "scenario/scenario_store.hpp"
#include "test_server.hpp"

namespace enshu::testing {
namespace {

constexpr char kPassword[] = "integration password";

nlohmann::json JsonOf(const Result<net::HttpResponse>& response) {
    if (!response) return nullptr;
    return nlohmann::json::parse(response->body, nullptr, false);
}

int StatusOf(const Result<net::HttpResponse>& response) { return response ? response->status : -1; }

std::string BodyOf(const Result<net::HttpResponse>& response) {
    return response ? response->body : response.error().message;
}

scenario::Scenario TestScenario() {
    scenario::Scenario master;
    master.id = "live-api";
    master.title = {"ライブ試験", "Live test"};
    master.scenes = {{"day1", {"1日目", "Day 1"}, 540, 1080, 12.0, false},
                     {"day2", {"2日目", "Day 2"}, 1980, 2400, 12.0, false}};
    scenario::Inject first;
    first.id = "i1";
    first.scene_id = "day1";
    first.at = 540;
    first.title = {"システム障害", "System outage"};
    first.body = {"{{org.name}} の基幹システムが停止", "The core system of {{org.name}} is down"};
    first.controller_notes = "do not show";
    first.order = 1;
    scenario::Inject later = first;
    later.id = "i2";
    later.at = 1000;  // D1 16:40, far in wall time
    later.order = 2;
    later.audience.everyone = false;
    later.audience.sectors = {"finance"};
    master.injects = {first, later};
    return master;
}

class LiveApiTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<TestServer>();
        ASSERT_TRUE(server_->CreateStaff("admin", kPassword, StaffRole::kAdministrator));
        auto admin = server_->LoginAs("admin", kPassword);
        ASSERT_TRUE(admin) << admin.error().message;
        admin_.emplace(std::move(*admin));
        auto exercise = admin_->Post("/api/exercises", R"({"fiscal_year":2023,"title_ja":"ライブ演習"})");
        ASSERT_EQ(StatusOf(exercise), 201) << BodyOf(exercise);
        exercise_id_ = JsonOf(exercise)["id"].get<std::int64_t>();
        base_ = "/api/exercises/" + std::to_string(exercise_id_);
        org_a_ = CreateOrganisation("デモ電力A", "electricity");
        org_b_ = CreateOrganisation("デモ銀行B", "finance");
        participant_a_token_ = CreatePerson(org_a_, "組織A 参加者", "participant");
        lead_b_token_ = CreatePerson(org_b_, "組織B 責任者", "org_lead");
        auto* store = server_->application().services().scenarios;
        ASSERT_NE(store, nullptr);
        auto saved = store->SaveMaster(exercise_id_, TestScenario(), {std::nullopt, "test", "", ""});
        ASSERT_TRUE(saved) << saved.error().message;
    }

    std::int64_t CreateOrganisation(const std::string& name, const std::string& sector) {
        nlohmann::json body = {{"name", name},
                               {"sector_code", sector},
                               {"size_band", "medium"},
                               {"region", "JP-13"},
                               {"participation_mode", "venue"}};
        auto response = admin_->Post(base_ + "/organisations", body.dump());
        EXPECT_EQ(StatusOf(response), 201) << BodyOf(response);
        return JsonOf(response).value("id", std::int64_t{0});
    }

    std::string CreatePerson(std::int64_t organisation_id, const std::string& name, const std::string& role) {
        nlohmann::json body = {{"display_name", name}, {"role", role}};
        auto response = admin_->Post(OrganisationPath(organisation_id) + "/people", body.dump());
        EXPECT_EQ(StatusOf(response), 201) << BodyOf(response);
        const std::string url = JsonOf(response).value("join_url", std::string());
        const auto hash = url.find("/join#");
        return hash == std::string::npos ? std::string() : url.substr(hash + 6);
    }

    std::string OrganisationPath(std::int64_t organisation_id) const {
        return base_ + "/organisations/" + std::to_string(organisation_id);
    }

    net::HttpClient Joined(const std::string& token) {
        net::HttpClient client = server_->Client();
        auto response =
            client.Post("/api/auth/join", nlohmann::json{{"token", token}}.dump(), {{"X-Requested-With", "enshu"}});
        EXPECT_EQ(StatusOf(response), 200) << BodyOf(response);
        client.SetCsrfToken(JsonOf(response).value("csrf_token", std::string()));
        return client;
    }

    // The releases item of `inject_id` once its status is no longer pending (polls up to 5 s).
    nlohmann::json WaitForRelease(const std::string& inject_id) {
        for (int attempt = 0; attempt < 100; ++attempt) {
            auto releases = JsonOf(admin_->Get(base_ + "/releases"));
            for (const auto& item : releases["items"]) {
                if (item["inject_id"] == inject_id && item["status"] != "pending") return item;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return nullptr;
    }

    std::unique_ptr<TestServer> server_;
    std::optional<net::HttpClient> admin_;
    std::int64_t exercise_id_ = 0;
    std::string base_;
    std::int64_t org_a_ = 0;
    std::int64_t org_b_ = 0;
    std::string participant_a_token_;
    std::string lead_b_token_;
};

TEST_F(LiveApiTest, StartReleaseInboxAcknowledgeProgress) {
    auto participant = Joined(participant_a_token_);
    auto before = participant.Get(base_ + "/clock");
    ASSERT_EQ(StatusOf(before), 200) << BodyOf(before);
    EXPECT_EQ(JsonOf(before)["state"], "scheduled");

    auto started = admin_->Post(base_ + "/clock/start", "");
    ASSERT_EQ(StatusOf(started), 200) << BodyOf(started);
    EXPECT_EQ(JsonOf(started)["state"], "running");
    EXPECT_EQ(JsonOf(started)["scene_id"], "day1");

    // The scheduler releases i1 (due at the start) on its own.
    auto released = WaitForRelease("i1");
    ASSERT_TRUE(released.is_object()) << "i1 was not released";
    EXPECT_EQ(released["status"], "released");
    EXPECT_EQ(released["kind"], "scheduled");
    EXPECT_EQ(released["organisation_count"], 2);

    auto inbox = participant.Get(base_ + "/inbox");
    ASSERT_EQ(StatusOf(inbox), 200) << BodyOf(inbox);
    auto inbox_json = JsonOf(inbox);
    ASSERT_EQ(inbox_json["items"].size(), 1u) << inbox_json.dump();
    const auto& item = inbox_json["items"][0];
    EXPECT_EQ(item["type"], "inject.released");
    EXPECT_EQ(item["payload"]["body"]["ja"], "デモ電力A の基幹システムが停止");
    EXPECT_EQ(item["acknowledged_by_me"], false);
    EXPECT_EQ(inbox->body.find("do not show"), std::string::npos);

    auto ack = participant.Post(base_ + "/injects/i1/ack", "");
    ASSERT_EQ(StatusOf(ack), 200) << BodyOf(ack);
    EXPECT_EQ(JsonOf(ack)["created"], true);
    auto repeat = participant.Post(base_ + "/injects/i1/ack", "");
    EXPECT_EQ(JsonOf(repeat)["created"], false);
    EXPECT_EQ(JsonOf(repeat)["acknowledged_at"], JsonOf(ack)["acknowledged_at"]);

    nlohmann::json action = {
        {"text", "CSIRT を招集し影響範囲を調査"}, {"objective", 2}, {"decision_type", "decision"}, {"inject_id", "i1"}};
    auto logged = participant.Post(OrganisationPath(org_a_) + "/actions", action.dump());
    ASSERT_EQ(StatusOf(logged), 201) << BodyOf(logged);
    EXPECT_EQ(JsonOf(logged)["person_name"], "組織A 参加者");
    EXPECT_TRUE(JsonOf(logged)["scenario_time"].is_string());
    auto actions = participant.Get(OrganisationPath(org_a_) + "/actions");
    EXPECT_EQ(JsonOf(actions)["total"], 1);

    auto after = JsonOf(participant.Get(base_ + "/inbox"));
    EXPECT_EQ(after["items"][0]["acknowledged_by_me"], true);
    EXPECT_EQ(after["actions_count"], 1);

    auto progress = admin_->Get(base_ + "/progress?sector=electricity");
    ASSERT_EQ(StatusOf(progress), 200) << BodyOf(progress);
    auto rows = JsonOf(progress)["items"];
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0]["organisation_id"], org_a_);
    EXPECT_EQ(rows[0]["released_injects"], 1);
    EXPECT_EQ(rows[0]["acknowledged_injects"], 1);
    EXPECT_EQ(rows[0]["action_entries"], 1);
    EXPECT_TRUE(rows[0]["last_activity"].is_string());
}

TEST_F(LiveApiTest, ClockControlsReleaseNowAdhocAndBroadcast) {
    ASSERT_EQ(StatusOf(admin_->Post(base_ + "/clock/resume", "")), 409);  // not started
    ASSERT_EQ(StatusOf(admin_->Post(base_ + "/clock/start", "")), 200);
    ASSERT_TRUE(WaitForRelease("i1").is_object());
    auto paused = admin_->Post(base_ + "/clock/pause", "");
    ASSERT_EQ(StatusOf(paused), 200) << BodyOf(paused);
    EXPECT_EQ(JsonOf(paused)["state"], "paused");
    EXPECT_EQ(StatusOf(admin_->Post(base_ + "/clock/pause", "")), 200);  // idempotent

    auto now = admin_->Post(base_ + "/injects/i2/release", "");  // during the pause
    ASSERT_EQ(StatusOf(now), 200) << BodyOf(now);
    EXPECT_EQ(JsonOf(now)["created"], true);
    EXPECT_EQ(JsonOf(now)["release"]["kind"], "manual");
    EXPECT_EQ(JsonOf(now)["release"]["organisation_count"], 1);
    EXPECT_EQ(JsonOf(admin_->Post(base_ + "/injects/i2/release", ""))["created"], false);
    EXPECT_EQ(StatusOf(admin_->Post(base_ + "/injects/nope/release", "")), 404);

    auto jump = admin_->Post(base_ + "/clock/jump", R"({"scene_id":"day2"})");
    ASSERT_EQ(StatusOf(jump), 200) << BodyOf(jump);
    EXPECT_EQ(JsonOf(jump)["scene_id"], "day2");
    EXPECT_EQ(JsonOf(jump)["state"], "paused");
    auto bad_jump = admin_->Post(base_ + "/clock/jump", R"({"scene_id":"day9"})");
    EXPECT_EQ(StatusOf(bad_jump), 400);
    EXPECT_EQ(JsonOf(bad_jump)["error"]["field"], "scene_id");

    nlohmann::json adhoc = {{"title", {{"ja", "報道機関から問い合わせ"}, {"en", "Press inquiry"}}},
                            {"body", {{"ja", "記者から電話"}}},
                            {"audience", {{"organisation_ids", {org_b_}}}}};
    auto adhoc_response = admin_->Post(base_ + "/adhoc-injects", adhoc.dump());
    ASSERT_EQ(StatusOf(adhoc_response), 201) << BodyOf(adhoc_response);
    EXPECT_EQ(JsonOf(adhoc_response)["release"]["inject_id"], "adhoc-1");
    auto bad_adhoc = admin_->Post(base_ + "/adhoc-injects", R"({"title":{"ja":""},"audience":{"everyone":true}})");
    EXPECT_EQ(JsonOf(bad_adhoc)["error"]["field"], "title.ja");

    auto broadcast = admin_->Post(base_ + "/broadcasts", R"({"message":{"ja":"15時に全体会議","en":"All-hands"}})");
    ASSERT_EQ(StatusOf(broadcast), 201) << BodyOf(broadcast);

    auto lead_b = Joined(lead_b_token_);
    auto inbox = JsonOf(lead_b.Get(base_ + "/inbox"));
    ASSERT_EQ(inbox["items"].size(), 4u) << inbox.dump();  // i1, i2 (finance), adhoc-1, broadcast
    EXPECT_EQ(inbox["items"][0]["payload"]["inject_id"], "i1");
    EXPECT_EQ(inbox["items"][1]["payload"]["inject_id"], "i2");
    EXPECT_EQ(inbox["items"][2]["payload"]["inject_id"], "adhoc-1");
    EXPECT_EQ(inbox["items"][3]["type"], "broadcast");
    EXPECT_EQ(StatusOf(lead_b.Post(base_ + "/injects/adhoc-1/ack", "")), 200);

    auto releases = JsonOf(admin_->Get(base_ + "/releases"));
    ASSERT_EQ(releases["items"].size(), 3u);
    EXPECT_EQ(releases["items"][1]["inject_id"], "i2");
    EXPECT_EQ(releases["items"][1]["status"], "released");
    EXPECT_EQ(releases["items"][2]["source"], "adhoc");
    EXPECT_EQ(releases["items"][0]["controller_notes"], "do not show");

    auto ended = admin_->Post(base_ + "/clock/end", "");
    EXPECT_EQ(JsonOf(ended)["state"], "ended");
    EXPECT_EQ(StatusOf(admin_->Post(base_ + "/clock/start", "")), 409);
}

TEST_F(LiveApiTest, ScopingBetweenRolesAndOrganisations) {
    auto participant = Joined(participant_a_token_);
    auto lead_b = Joined(lead_b_token_);
    EXPECT_EQ(StatusOf(participant.Post(base_ + "/clock/start", "")), 403);
    EXPECT_EQ(StatusOf(participant.Get(base_ + "/releases")), 403);
    EXPECT_EQ(StatusOf(participant.Get(base_ + "/progress")), 403);
    EXPECT_EQ(StatusOf(participant.Post(base_ + "/broadcasts", R"({"message":{"ja":"x"}})")), 403);
    EXPECT_EQ(StatusOf(admin_->Get(base_ + "/inbox")), 403);  // staff have no inbox

    ASSERT_EQ(StatusOf(admin_->Post(base_ + "/clock/start", "")), 200);
    ASSERT_TRUE(WaitForRelease("i1").is_object());
    ASSERT_EQ(StatusOf(admin_->Post(base_ + "/injects/i2/release", "")), 200);  // finance only: B

    // A cannot acknowledge B's inject; B cannot read or write A's action log.
    auto foreign_ack = participant.Post(base_ + "/injects/i2/ack", "");
    EXPECT_EQ(StatusOf(foreign_ack), 404) << BodyOf(foreign_ack);
    EXPECT_EQ(StatusOf(lead_b.Post(base_ + "/injects/i2/ack", "")), 200);
    nlohmann::json action = {{"text", "x"}, {"decision_type", "other"}};
    ASSERT_EQ(StatusOf(participant.Post(OrganisationPath(org_a_) + "/actions", action.dump())), 201);
    EXPECT_EQ(StatusOf(lead_b.Get(OrganisationPath(org_a_) + "/actions")), 404);
    EXPECT_EQ(StatusOf(lead_b.Post(OrganisationPath(org_a_) + "/actions", action.dump())), 404);
    EXPECT_EQ(StatusOf(participant.Get(OrganisationPath(org_b_) + "/actions")), 404);
    EXPECT_EQ(JsonOf(admin_->Get(OrganisationPath(org_a_) + "/actions"))["total"], 1);
    EXPECT_EQ(StatusOf(admin_->Get(base_ + "/organisations/999999/actions")), 404);
    // Other exercises are not found.
    EXPECT_EQ(StatusOf(participant.Get("/api/exercises/999999/clock")), 404);
    auto bad_action =
        participant.Post(OrganisationPath(org_a_) + "/actions", R"({"text":"x","decision_type":"guess"})");
    EXPECT_EQ(JsonOf(bad_action)["error"]["field"], "decision_type");
}

}  // namespace
}  // namespace enshu::testing
