// The scenario routes through the real server: PUT YAML and read it back as JSON,
// 422 answers naming lines, overlays scoped to ministries and org leads, and the
// effective-timeline preview that hides controller notes from org leads.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>

#include "accounts/account_service.hpp"
#include "test_server.hpp"

namespace enshu::testing {
namespace {

constexpr char kPassword[] = "integration password";

constexpr const char* kScenario = R"(id: api-test
title: {ja: API試験, en: API test}
variables: {service: 送電}
scenes:
  - {id: s1, title: {ja: 初動, en: First}, starts_at: D1 09:00, ends_at: D1 12:00, speed: 4}
injects:
  - id: all-1
    scene_id: s1
    at: D1 09:00
    title: {ja: 異常, en: Anomaly}
    body: {ja: "{{org.name}}の{{service}}で異常", en: ""}
    controller_notes: 秘密の進行メモ
  - id: power-1
    scene_id: s1
    at: D1 10:00
    optional: true
    audience: {sectors: [electricity]}
    title: {ja: 停電, en: Outage}
    body: {ja: 停電発生, en: ""}
  - id: bank-1
    scene_id: s1
    at: D1 11:00
    audience: {sectors: [finance]}
    title: {ja: 決済停止, en: Payments}
    body: {ja: 決済停止, en: ""}
)";

const net::HeaderList kYaml = {{"Content-Type", "application/yaml"}};

nlohmann::json JsonOf(const Result<net::HttpResponse>& response) {
    if (!response) return nullptr;
    return nlohmann::json::parse(response->body, nullptr, false);
}

int StatusOf(const Result<net::HttpResponse>& response) { return response ? response->status : -1; }

std::string BodyOf(const Result<net::HttpResponse>& response) {
    return response ? response->body : response.error().message;
}

class ScenarioApiTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<TestServer>();
        ASSERT_TRUE(server_->CreateStaff("admin", kPassword, StaffRole::kAdministrator));
        auto admin = server_->LoginAs("admin", kPassword);
        ASSERT_TRUE(admin) << admin.error().message;
        admin_.emplace(std::move(*admin));
        auto exercise = admin_->Post("/api/exercises", R"({"fiscal_year":2023,"title_ja":"シナリオ試験"})");
        ASSERT_EQ(StatusOf(exercise), 201) << BodyOf(exercise);
        exercise_id_ = JsonOf(exercise)["id"].get<std::int64_t>();
        base_ = "/api/exercises/" + std::to_string(exercise_id_);

        org_a_ = CreateOrganisation("デモ電力A", "electricity", "EL-A");
        org_b_ = CreateOrganisation("デモ銀行B", "finance", "FI-B");
        lead_a_token_ = CreatePerson(org_a_, "組織A 責任者", "org_lead");
        lead_b_token_ = CreatePerson(org_b_, "組織B 責任者", "org_lead");
        participant_a_token_ = CreatePerson(org_a_, "組織A 参加者", "participant");

        AddStaff("ministry-meti", Role::kMinistry, std::string("meti"));
        AddStaff("controller", Role::kController, std::nullopt);
    }

    void AddStaff(const std::string& login, Role role, std::optional<std::string> ministry) {
        auto id = server_->CreateStaff(login, kPassword);
        ASSERT_TRUE(id);
        ASSERT_TRUE(server_->application().services().accounts.AddMembership(exercise_id_, *id, role, ministry,
                                                                             {std::nullopt, "test", "", ""}));
    }

    std::int64_t CreateOrganisation(const std::string& name, const std::string& sector, const std::string& ref) {
        nlohmann::json body = {{"name", name},      {"sector_code", sector},         {"size_band", "medium"},
                               {"region", "JP-13"}, {"participation_mode", "venue"}, {"external_ref", ref}};
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

    net::HttpClient Staff(const std::string& login) {
        auto client = server_->LoginAs(login, kPassword);
        EXPECT_TRUE(client) << (client ? "" : client.error().message);
        return std::move(*client);
    }

    void LoadScenario() {
        auto put = admin_->Send("PUT", base_ + "/scenario", kScenario, kYaml);
        ASSERT_EQ(StatusOf(put), 200) << BodyOf(put);
    }

    std::unique_ptr<TestServer> server_;
    std::optional<net::HttpClient> admin_;
    std::int64_t exercise_id_ = 0;
    std::string base_;
    std::int64_t org_a_ = 0;
    std::int64_t org_b_ = 0;
    std::string lead_a_token_;
    std::string lead_b_token_;
    std::string participant_a_token_;
};

TEST_F(ScenarioApiTest, PutYamlThenGetJsonAndExport) {
    auto empty = JsonOf(admin_->Get(base_ + "/scenario"));
    EXPECT_TRUE(empty["scenario"].is_null());
    EXPECT_EQ(empty["version"], 0);

    auto dry = admin_->Send("PUT", base_ + "/scenario?dry_run=true", kScenario, kYaml);
    ASSERT_EQ(StatusOf(dry), 200) << BodyOf(dry);
    EXPECT_EQ(JsonOf(dry)["injects"], 3);
    EXPECT_TRUE(JsonOf(admin_->Get(base_ + "/scenario"))["scenario"].is_null());  // nothing saved

    auto put = admin_->Send("PUT", base_ + "/scenario", kScenario, kYaml);
    ASSERT_EQ(StatusOf(put), 200) << BodyOf(put);
    auto got = admin_->Get(base_ + "/scenario");
    ASSERT_EQ(StatusOf(got), 200);
    const nlohmann::json json = JsonOf(got);
    EXPECT_EQ(json["version"], 1);
    EXPECT_EQ(json["scenario"]["id"], "api-test");
    ASSERT_EQ(json["scenario"]["injects"].size(), 3u);
    EXPECT_EQ(json["scenario"]["injects"][0]["controller_notes"], "秘密の進行メモ");

    // The JSON form goes back in unchanged; If-Match guards against lost updates.
    auto stale = admin_->Send("PUT", base_ + "/scenario", json["scenario"].dump(),
                              {{"Content-Type", "application/json"}, {"If-Match", "\"0\""}});
    EXPECT_EQ(StatusOf(stale), 409) << BodyOf(stale);
    auto again = admin_->Send("PUT", base_ + "/scenario", json["scenario"].dump(),
                              {{"Content-Type", "application/json"}, {"If-Match", "\"1\""}});
    ASSERT_EQ(StatusOf(again), 200) << BodyOf(again);
    EXPECT_EQ(JsonOf(again)["version"], 2);
    EXPECT_EQ(JsonOf(again)["scenario"], json["scenario"]);

    auto controller = Staff("controller");
    EXPECT_EQ(StatusOf(controller.Get(base_ + "/scenario")), 200);
    EXPECT_EQ(StatusOf(controller.Send("PUT", base_ + "/scenario", kScenario, kYaml)), 403);
    auto yaml = controller.Get(base_ + "/scenario/export?format=yaml");
    ASSERT_EQ(StatusOf(yaml), 200);
    EXPECT_NE(yaml->body.find("id: api-test"), std::string::npos);
    auto xlsx = admin_->Get(base_ + "/scenario/export?format=xlsx");
    ASSERT_EQ(StatusOf(xlsx), 200);
    auto from_xlsx =
        admin_->Send("PUT", base_ + "/scenario?dry_run=true", xlsx->body,
                     {{"Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}});
    EXPECT_EQ(StatusOf(from_xlsx), 200) << BodyOf(from_xlsx);

    auto audit = JsonOf(admin_->Get(base_ + "/audit?action=scenario."));
    EXPECT_EQ(audit["total"], 2);
}

TEST_F(ScenarioApiTest, InvalidFilesAnswer422WithLines) {
    std::string bad = kScenario;
    bad.replace(bad.find("at: D1 10:00"), 12, "at: D1 25:00");
    bad.replace(bad.find("sectors: [finance]"), 18, "sectors: [nuclear]");
    auto response = admin_->Send("PUT", base_ + "/scenario", bad, kYaml);
    ASSERT_EQ(StatusOf(response), 422) << BodyOf(response);
    const nlohmann::json json = JsonOf(response);
    EXPECT_EQ(json["error"]["code"], "unprocessable");
    ASSERT_GE(json["errors"].size(), 1u);
    EXPECT_EQ(json["errors"][0]["line"], 15);
    EXPECT_EQ(json["errors"][0]["field"], "injects[1].at");

    // Audience refs are checked against the exercise's organisations.
    std::string unknown_org = kScenario;
    unknown_org.replace(unknown_org.find("sectors: [finance]"), 18, "organisations: [XX-9]");
    auto refs = JsonOf(admin_->Send("PUT", base_ + "/scenario", unknown_org, kYaml));
    ASSERT_EQ(refs["errors"].size(), 1u) << refs.dump();
    EXPECT_EQ(refs["errors"][0]["line"], 23);
    std::string known_org = kScenario;
    known_org.replace(known_org.find("sectors: [finance]"), 18, "organisations: [FI-B]");
    EXPECT_EQ(StatusOf(admin_->Send("PUT", base_ + "/scenario?dry_run=true", known_org, kYaml)), 200);

    EXPECT_EQ(StatusOf(admin_->Send("PUT", base_ + "/scenario", kScenario, {{"Content-Type", "text/plain"}})), 400);
    EXPECT_TRUE(JsonOf(admin_->Get(base_ + "/scenario"))["scenario"].is_null());
}

TEST_F(ScenarioApiTest, MinistryWritesOnlyItsSectorsOverlays) {
    LoadScenario();
    auto ministry = Staff("ministry-meti");
    const std::string overlay = "variables: {service: 配電}\nchanges:\n  - inject_id: power-1\n    disabled: true\n";
    auto put = ministry.Send("PUT", base_ + "/sectors/electricity/overlay", overlay, kYaml);
    ASSERT_EQ(StatusOf(put), 200) << BodyOf(put);
    EXPECT_EQ(JsonOf(put)["version"], 1);
    EXPECT_EQ(JsonOf(ministry.Get(base_ + "/sectors/electricity/overlay"))["overlay"]["variables"]["service"], "配電");
    // finance is the FSA's sector: it does not exist for METI.
    EXPECT_EQ(StatusOf(ministry.Send("PUT", base_ + "/sectors/finance/overlay", "{}", kYaml)), 404);
    EXPECT_EQ(StatusOf(ministry.Get(base_ + "/sectors/finance/overlay")), 404);
    EXPECT_EQ(StatusOf(ministry.Get(base_ + "/sectors/nuclear/overlay")), 404);
    EXPECT_EQ(StatusOf(admin_->Send("PUT", base_ + "/sectors/finance/overlay", "{}", kYaml)), 200);
    // Others may not use sector overlays.
    auto controller = Staff("controller");
    EXPECT_EQ(StatusOf(controller.Get(base_ + "/sectors/electricity/overlay")), 403);
    auto lead = Joined(lead_a_token_);
    EXPECT_EQ(StatusOf(lead.Get(base_ + "/sectors/electricity/overlay")), 403);
    // Disabling a non-optional inject is refused with its line.
    auto refused = ministry.Send("PUT", base_ + "/sectors/electricity/overlay",
                                 "changes:\n  - inject_id: all-1\n    disabled: true\n", kYaml);
    ASSERT_EQ(StatusOf(refused), 422);
    EXPECT_EQ(JsonOf(refused)["errors"][0]["line"], 3);

    // The effective timeline follows the sector overlay.
    auto timeline = JsonOf(admin_->Get(OrganisationPath(org_a_) + "/timeline"));
    ASSERT_EQ(timeline["items"].size(), 1u) << timeline.dump();
    EXPECT_EQ(timeline["items"][0]["body"]["ja"], "デモ電力Aの配電で異常");
}

TEST_F(ScenarioApiTest, OrgLeadsAreScopedToTheirOwnOverlayAndTimeline) {
    LoadScenario();
    auto lead_a = Joined(lead_a_token_);
    const std::string own =
        R"({"variables":{"supplier":"東都システム"},"changes":[{"inject_id":"power-1","title":{"ja":"自社版","en":"Own"}}],
      "added":[{"id":"own-1","scene_id":"s1","at":"+00:30","audience":{"team_roles":["pr"]},
                "title":{"ja":"記者","en":"Reporter"},"body":{"ja":"取材","en":""},"controller_notes":"自社メモ"}]})";
    auto put = lead_a.Send("PUT", OrganisationPath(org_a_) + "/overlay", own);
    ASSERT_EQ(StatusOf(put), 200) << BodyOf(put);
    EXPECT_EQ(JsonOf(lead_a.Get(OrganisationPath(org_a_) + "/overlay"))["overlay"]["added"][0]["id"], "own-1");

    // B's lead cannot see or change A's overlay or timeline, nor the reverse.
    auto lead_b = Joined(lead_b_token_);
    EXPECT_EQ(StatusOf(lead_b.Get(OrganisationPath(org_a_) + "/overlay")), 404);
    EXPECT_EQ(StatusOf(lead_b.Send("PUT", OrganisationPath(org_a_) + "/overlay", "{}")), 404);
    EXPECT_EQ(StatusOf(lead_b.Get(OrganisationPath(org_a_) + "/timeline")), 404);
    EXPECT_EQ(StatusOf(lead_a.Get(OrganisationPath(org_b_) + "/timeline")), 404);
    EXPECT_EQ(StatusOf(lead_b.Get(OrganisationPath(org_b_) + "/timeline")), 200);

    // Participants: 403 for their own organisation, 404 for others; never the scenario.
    auto participant = Joined(participant_a_token_);
    EXPECT_EQ(StatusOf(participant.Get(OrganisationPath(org_a_) + "/overlay")), 403);
    EXPECT_EQ(StatusOf(participant.Send("PUT", OrganisationPath(org_a_) + "/overlay", "{}")), 403);
    EXPECT_EQ(StatusOf(participant.Get(OrganisationPath(org_a_) + "/timeline")), 403);
    EXPECT_EQ(StatusOf(participant.Get(OrganisationPath(org_b_) + "/timeline")), 404);
    EXPECT_EQ(StatusOf(participant.Get(base_ + "/scenario")), 403);
    EXPECT_EQ(StatusOf(lead_a.Get(base_ + "/scenario")), 403);
    EXPECT_EQ(StatusOf(lead_a.Get(base_ + "/scenario/export")), 403);

    // A stranger to the exercise gets 404.
    ASSERT_TRUE(server_->CreateStaff("stranger", kPassword));
    auto stranger = Staff("stranger");
    EXPECT_EQ(StatusOf(stranger.Get(base_ + "/scenario")), 404);
    EXPECT_EQ(StatusOf(stranger.Get(OrganisationPath(org_a_) + "/timeline")), 404);
}

TEST_F(ScenarioApiTest, TimelinePreviewHidesControllerNotesFromTheOrgLead) {
    LoadScenario();
    auto lead = Joined(lead_a_token_);
    auto own = lead.Get(OrganisationPath(org_a_) + "/timeline");
    ASSERT_EQ(StatusOf(own), 200) << BodyOf(own);
    const nlohmann::json items = JsonOf(own)["items"];
    ASSERT_EQ(items.size(), 2u);  // all-1 and power-1; not bank-1
    EXPECT_EQ(items[0]["body"]["ja"], "デモ電力Aの送電で異常");
    EXPECT_FALSE(items[0].contains("controller_notes"));
    EXPECT_EQ(own->body.find("秘密の進行メモ"), std::string::npos);

    auto controller = Staff("controller");
    auto full = JsonOf(controller.Get(OrganisationPath(org_a_) + "/timeline"));
    EXPECT_EQ(full["items"][0]["controller_notes"], "秘密の進行メモ");
    auto bank = JsonOf(admin_->Get(OrganisationPath(org_b_) + "/timeline"));
    ASSERT_EQ(bank["items"].size(), 2u);
    EXPECT_EQ(bank["items"][1]["id"], "bank-1");
}

}  // namespace
}  // namespace enshu::testing
