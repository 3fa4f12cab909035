// The world desks through the real server: inquiries answered in the controller queue,
// incident reports delivered to several recipients in the configured priority order,
// ministry and organisation scoping, supply-chain notices, the per-account rate limit,
// desk configuration and the desk metrics.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "accounts/account_service.hpp"
#include "core/scenario.hpp"
#include "scenario/scenario_store.hpp"
#include "api/context.hpp"
#include "db/database.hpp"
#include "live/event_log.hpp"
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

std::string FieldOf(const Result<net::HttpResponse>& response) {
    auto json = JsonOf(response);
    return json.is_object() && json.contains("error") ? json["error"].value("field", std::string()) : std::string();
}

class WorldDesksTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<TestServer>();
        ASSERT_TRUE(server_->CreateStaff("admin", kPassword, StaffRole::kAdministrator));
        auto admin = server_->LoginAs("admin", kPassword);
        ASSERT_TRUE(admin) << admin.error().message;
        admin_.emplace(std::move(*admin));
        auto exercise = admin_->Post("/api/exercises", R"({"fiscal_year":2023,"title_ja":"窓口演習"})");
        ASSERT_EQ(StatusOf(exercise), 201) << BodyOf(exercise);
        exercise_id_ = JsonOf(exercise)["id"].get<std::int64_t>();
        base_ = "/api/exercises/" + std::to_string(exercise_id_);
        org_a_ = CreateOrganisation("デモ電力A", "electricity");
        org_b_ = CreateOrganisation("デモ銀行B", "finance");
        org_c_ = CreateOrganisation("デモガスC", "gas");
        participant_a_token_ = CreatePerson(org_a_, "組織A 参加者", "participant");
        lead_a_token_ = CreatePerson(org_a_, "組織A 責任者", "org_lead");
        lead_b_token_ = CreatePerson(org_b_, "組織B 責任者", "org_lead");
        controller_id_ = AddStaff("controller", Role::kController, std::nullopt);
        controller2_id_ = AddStaff("controller2", Role::kController, std::nullopt);
        AddStaff("observer", Role::kObserver, std::nullopt);
        meti_id_ = AddStaff("ministry-meti", Role::kMinistry, std::string("meti"));
        AddStaff("ministry-fsa", Role::kMinistry, std::string("fsa"));
    }

    std::int64_t AddStaff(const std::string& login, Role role, std::optional<std::string> ministry) {
        auto id = server_->CreateStaff(login, kPassword);
        EXPECT_TRUE(id);
        auto added = server_->application().services().accounts.AddMembership(exercise_id_, id.value_or(0), role,
                                                                              ministry, {std::nullopt, "test", "", ""});
        EXPECT_TRUE(added);
        return id.value_or(0);
    }

    net::HttpClient Staff(const std::string& login) {
        auto client = server_->LoginAs(login, kPassword);
        EXPECT_TRUE(client) << login;
        return std::move(*client);
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

    // The desk id of `code` from a desk list.
    std::int64_t DeskId(net::HttpClient& client, const std::string& code) {
        auto desks = JsonOf(client.Get(base_ + "/desks"));
        for (const auto& desk : desks["items"]) {
            if (desk["code"] == code) return desk["id"].get<std::int64_t>();
        }
        return 0;
    }

    Result<net::HttpResponse> Inquire(net::HttpClient& client, std::int64_t desk_id, const std::string& subject) {
        nlohmann::json body = {
            {"category", "consultation"},   {"urgency", "high"},
            {"subject", subject},           {"body", "ランサムウェアの痕跡を発見しました。<b>助言</b>をお願いします。"},
            {"contact_name", "CSIRT 山田"}, {"contact_detail", "03-0000-0000"}};
        return client.Post(base_ + "/desks/" + std::to_string(desk_id) + "/inquiries", body.dump());
    }

    Result<net::HttpResponse> Act(net::HttpClient& client, std::int64_t case_id, nlohmann::json body) {
        return client.Post(base_ + "/cases/" + std::to_string(case_id) + "/actions", body.dump());
    }

    std::vector<live::LiveEvent> Events(const std::string& type) {
        auto events = server_->application().services().event_log->ReadAfter(server_->application().services().database,
                                                                             exercise_id_, 0, 0, 10000);
        EXPECT_TRUE(events);
        std::vector<live::LiveEvent> matching;
        for (auto& event : events.value_or(std::vector<live::LiveEvent>{})) {
            if (event.type == type) matching.push_back(std::move(event));
        }
        return matching;
    }

    static live::StreamSubscriber Organisation(std::int64_t organisation_id, const std::string& sector) {
        live::StreamSubscriber subscriber;
        subscriber.organisation_id = organisation_id;
        subscriber.sector = sector;
        subscriber.mode = "venue";
        return subscriber;
    }

    static live::StreamSubscriber Ministry(std::vector<std::string> sectors) {
        live::StreamSubscriber subscriber;
        subscriber.ministry_sectors = std::move(sectors);
        return subscriber;
    }

    nlohmann::json ValidReport(const std::string& stage) {
        return {{"stage", stage},
                {"recipients", {"npa", "ministry"}},
                {"fields",
                 {{"occurred_at", "D1 09:10"},
                  {"summary", "基幹システムがランサムウェアにより停止"},
                  {"service_impact", "電力供給の監視に支障"},
                  {"status", "CSIRT 招集済み、復旧作業中"},
                  {"detected_at", "D1 09:05"},
                  {"countermeasures", "ネットワーク遮断"},
                  {"police_consultation", "被害届を提出予定"}}}};
    }

    std::unique_ptr<TestServer> server_;
    std::optional<net::HttpClient> admin_;
    std::int64_t exercise_id_ = 0;
    std::string base_;
    std::int64_t org_a_ = 0;
    std::int64_t org_b_ = 0;
    std::int64_t org_c_ = 0;
    std::string participant_a_token_;
    std::string lead_a_token_;
    std::string lead_b_token_;
    std::int64_t controller_id_ = 0;
    std::int64_t controller2_id_ = 0;
    std::int64_t meti_id_ = 0;
};

TEST_F(WorldDesksTest, InquiryIsAnsweredInTheQueueAndTheOrganisationSeesTheReply) {
    auto participant = Joined(participant_a_token_);
    // The default desks (IPA, JPCERT/CC, NPA) exist on first use.
    auto desks = JsonOf(participant.Get(base_ + "/desks"));
    ASSERT_EQ(desks["items"].size(), 3u) << desks.dump();
    const std::int64_t ipa = DeskId(participant, "ipa");
    ASSERT_GT(ipa, 0);
    EXPECT_EQ(desks["items"][0]["categories"][0]["ja"], "相談");

    auto created = Inquire(participant, ipa, "ランサムウェア感染の疑い");
    ASSERT_EQ(StatusOf(created), 201) << BodyOf(created);
    const auto inquiry = JsonOf(created);
    const std::int64_t case_id = inquiry["id"].get<std::int64_t>();
    EXPECT_EQ(inquiry["state"], "new");
    EXPECT_EQ(inquiry["desk"]["code"], "ipa");
    EXPECT_TRUE(inquiry["created_at"].is_string());
    EXPECT_TRUE(inquiry["created_scenario_time"].is_null());  // the clock never started

    auto controller = Staff("controller");
    auto queue = JsonOf(controller.Get(base_ + "/cases?state=new&desk_id=" + std::to_string(ipa)));
    ASSERT_EQ(queue["total"], 1) << queue.dump();
    EXPECT_EQ(queue["items"][0]["organisation"]["name"], "デモ電力A");
    EXPECT_EQ(queue["items"][0]["urgency"], "high");

    auto claimed = Act(controller, case_id, {{"action", "claim"}});
    ASSERT_EQ(StatusOf(claimed), 200) << BodyOf(claimed);
    EXPECT_EQ(JsonOf(claimed)["state"], "claimed");
    EXPECT_EQ(JsonOf(claimed)["assignee"]["user_id"], controller_id_);
    // Someone else cannot claim it: hand-over instead.
    auto other = Staff("controller2");
    EXPECT_EQ(StatusOf(Act(other, case_id, {{"action", "claim"}})), 409);
    ASSERT_EQ(StatusOf(Act(controller, case_id, {{"action", "note"}, {"body", "IPA の技術担当に確認"}})), 200);
    auto replied = Act(controller, case_id, {{"action", "reply"}, {"body", "ネットワークから切り離してください。"}});
    ASSERT_EQ(StatusOf(replied), 200) << BodyOf(replied);
    EXPECT_EQ(JsonOf(replied)["state"], "answered");
    EXPECT_TRUE(JsonOf(replied)["first_reply_at"].is_string());

    // The organisation sees the reply but never the internal note.
    auto mine = participant.Get(base_ + "/cases/" + std::to_string(case_id));
    ASSERT_EQ(StatusOf(mine), 200) << BodyOf(mine);
    const auto detail = JsonOf(mine);
    ASSERT_EQ(detail["messages"].size(), 2u) << detail.dump();
    EXPECT_EQ(detail["messages"][0]["kind"], "inbound");
    EXPECT_EQ(detail["messages"][0]["body"], "ランサムウェアの痕跡を発見しました。<b>助言</b>をお願いします。");
    EXPECT_EQ(detail["messages"][1]["kind"], "reply");
    EXPECT_EQ(detail["messages"][1]["from"], "desk");
    EXPECT_EQ(mine->body.find("IPA の技術担当"), std::string::npos);
    EXPECT_TRUE(detail["templates"].empty());
    auto staff_view = JsonOf(controller.Get(base_ + "/cases/" + std::to_string(case_id)));
    EXPECT_EQ(staff_view["messages"].size(), 3u);

    // Live: the reply reached the organisation's stream, the note only staff.
    auto messages = Events("case.message");
    ASSERT_EQ(messages.size(), 2u);
    EXPECT_FALSE(live::AudienceMatches(messages[0].audience, Organisation(org_a_, "electricity")));  // note
    EXPECT_TRUE(live::AudienceMatches(messages[1].audience, Organisation(org_a_, "electricity")));   // reply
    EXPECT_FALSE(live::AudienceMatches(messages[1].audience, Organisation(org_b_, "finance")));
    ASSERT_EQ(Events("case.created").size(), 1u);

    // Every step is audited.
    auto audit = JsonOf(admin_->Get(base_ + "/audit?action=case."));
    EXPECT_GE(audit["total"].get<int>(), 3) << audit.dump();
}

TEST_F(WorldDesksTest, OrganisationsNeverReadEachOthersCases) {
    auto participant = Joined(participant_a_token_);
    const std::int64_t ipa = DeskId(participant, "ipa");
    auto created = Inquire(participant, ipa, "組織Aの相談");
    ASSERT_EQ(StatusOf(created), 201) << BodyOf(created);
    const std::int64_t case_id = JsonOf(created)["id"].get<std::int64_t>();

    auto lead_b = Joined(lead_b_token_);
    EXPECT_EQ(JsonOf(lead_b.Get(base_ + "/cases"))["total"], 0);
    EXPECT_EQ(StatusOf(lead_b.Get(base_ + "/cases/" + std::to_string(case_id))), 404);
    EXPECT_EQ(StatusOf(Act(lead_b, case_id, {{"action", "inbound"}, {"body", "覗き見"}})), 404);
    // Organisation people cannot act as staff; observers read but cannot act.
    EXPECT_EQ(StatusOf(Act(participant, case_id, {{"action", "reply"}, {"body", "自作自演"}})), 403);
    auto observer = Staff("observer");
    EXPECT_EQ(StatusOf(observer.Get(base_ + "/cases/" + std::to_string(case_id))), 200);
    EXPECT_EQ(StatusOf(Act(observer, case_id, {{"action", "close"}})), 403);
    // A ministry sees no agency desk's inquiry.
    auto meti = Staff("ministry-meti");
    EXPECT_EQ(JsonOf(meti.Get(base_ + "/cases"))["total"], 0);
    EXPECT_EQ(StatusOf(meti.Get(base_ + "/cases/" + std::to_string(case_id))), 404);
    // Staff routes refuse organisation people; unknown exercises are 404.
    EXPECT_EQ(StatusOf(participant.Post(base_ + "/cases/bulk-reply", R"({"case_ids":[1],"body":"x"})")), 403);
    EXPECT_EQ(StatusOf(participant.Get("/api/exercises/999/cases")), 404);
    // The organisation's desk list offers only agency desks and its own ministry/CEPTOAR desks.
    ASSERT_EQ(StatusOf(admin_->Post(base_ + "/desks", R"({"kind":"ministry","code":"fsa","name_ja":"金融庁"})")), 201);
    auto desks = JsonOf(participant.Get(base_ + "/desks"));
    for (const auto& desk : desks["items"]) EXPECT_NE(desk["code"], "fsa");
    const std::int64_t fsa_desk = DeskId(*admin_, "fsa");
    EXPECT_EQ(StatusOf(participant.Get(base_ + "/desks/" + std::to_string(fsa_desk))), 404);
    EXPECT_EQ(StatusOf(Inquire(participant, fsa_desk, "他省庁への問い合わせ")), 404);
}

TEST_F(WorldDesksTest, AskBackHandOverCloseAndBulkReply) {
    auto participant = Joined(participant_a_token_);
    auto lead_b = Joined(lead_b_token_);
    const std::int64_t jpcert = DeskId(participant, "jpcert");
    const auto first = JsonOf(Inquire(participant, jpcert, "不審な通信"))["id"].get<std::int64_t>();
    const auto second = JsonOf(Inquire(lead_b, jpcert, "不審な通信（B）"))["id"].get<std::int64_t>();
    auto controller = Staff("controller");

    auto asked = Act(controller, first, {{"action", "ask_back"}, {"body", "通信先の IP アドレスを教えてください"}});
    ASSERT_EQ(StatusOf(asked), 200) << BodyOf(asked);
    EXPECT_EQ(JsonOf(asked)["state"], "waiting");
    auto answered = Act(participant, first, {{"action", "inbound"}, {"body", "198.51.100.7 です"}});
    ASSERT_EQ(StatusOf(answered), 200) << BodyOf(answered);
    EXPECT_EQ(JsonOf(answered)["state"], "claimed");  // back with its assignee

    auto handed =
        Act(controller, first, {{"action", "handover"}, {"assignee_user_id", controller2_id_}, {"body", "夜間担当へ"}});
    ASSERT_EQ(StatusOf(handed), 200) << BodyOf(handed);
    EXPECT_EQ(JsonOf(handed)["assignee"]["user_id"], controller2_id_);
    // Hand-over to someone who may not serve the desk.
    EXPECT_EQ(FieldOf(Act(controller, first, {{"action", "handover"}, {"assignee_user_id", meti_id_}})),
              "assignee_user_id");
    auto mine = JsonOf(Staff("controller2").Get(base_ + "/cases?mine=true"));
    EXPECT_EQ(mine["total"], 1);

    // One reply to both cases; each organisation sees only its own.
    auto bulk =
        controller.Post(base_ + "/cases/bulk-reply",
                        nlohmann::json{{"case_ids", {first, second}}, {"body", "注意喚起を公開しました"}}.dump());
    ASSERT_EQ(StatusOf(bulk), 200) << BodyOf(bulk);
    EXPECT_EQ(JsonOf(bulk)["items"].size(), 2u);
    auto b_detail = JsonOf(lead_b.Get(base_ + "/cases/" + std::to_string(second)));
    EXPECT_EQ(b_detail["messages"].back()["body"], "注意喚起を公開しました");
    // All or nothing: an unknown case refuses the whole bulk reply.
    auto partial = controller.Post(base_ + "/cases/bulk-reply",
                                   nlohmann::json{{"case_ids", {first, 9999}}, {"body", "再送"}}.dump());
    EXPECT_EQ(StatusOf(partial), 404);
    EXPECT_EQ(FieldOf(partial), "case_ids");
    EXPECT_EQ(JsonOf(controller.Get(base_ + "/cases/" + std::to_string(first)))["messages"].back()["body"],
              "注意喚起を公開しました");

    auto closed = Act(controller, second, {{"action", "close"}});
    ASSERT_EQ(StatusOf(closed), 200);
    EXPECT_EQ(JsonOf(closed)["state"], "closed");
    EXPECT_EQ(StatusOf(Act(controller, second, {{"action", "reply"}, {"body", "追伸"}})), 409);
    EXPECT_EQ(JsonOf(controller.Get(base_ + "/cases?state=open"))["total"], 1);
    // Bad input names its field.
    EXPECT_EQ(FieldOf(Act(controller, first, {{"action", "reply"}, {"body", ""}})), "body");
    EXPECT_EQ(FieldOf(Act(controller, first, {{"action", "shout"}})), "action");
    EXPECT_EQ(FieldOf(controller.Get(base_ + "/cases?state=lost")), "state");

    // Reply templates of the desk.
    auto added = controller.Post(base_ + "/desks/" + std::to_string(jpcert) + "/templates",
                                 R"({"title":"受付","body":"お問い合わせを受け付けました。"})");
    ASSERT_EQ(StatusOf(added), 201) << BodyOf(added);
    auto detail = JsonOf(controller.Get(base_ + "/cases/" + std::to_string(first)));
    ASSERT_EQ(detail["templates"].size(), 1u);
    EXPECT_EQ(detail["templates"][0]["title"], "受付");
}

TEST_F(WorldDesksTest, ReportReachesRecipientsInPriorityOrderAndMinistriesSeeOnlyTheirSectors) {
    // Priority: the police first, then the ministry.
    nlohmann::json config = {{"recipients",
                              {{{"code", "npa"}, {"required_fields", {"police_consultation"}}},
                               {{"code", "ministry"}, {"required_fields", {"detected_at", "countermeasures"}}},
                               {{"code", "ceptoar"}},
                               {{"code", "ipa"}},
                               {{"code", "jpcert"}}}}};
    auto saved = admin_->Send("PUT", base_ + "/reporting-config", config.dump());
    ASSERT_EQ(StatusOf(saved), 200) << BodyOf(saved);
    auto lead_a = Joined(lead_a_token_);
    auto shown = JsonOf(lead_a.Get(base_ + "/reporting-config"));
    EXPECT_EQ(shown["recipients"][0]["code"], "npa");
    EXPECT_EQ(shown["recipients"][0]["priority"], 1);
    EXPECT_EQ(shown["desk_names"]["ministry"]["ja"], "経済産業省");

    // A recipient's required field is enforced and named.
    auto report = ValidReport("first");
    report["fields"].erase("police_consultation");
    auto missing = lead_a.Post(base_ + "/incident-reports", report.dump());
    EXPECT_EQ(StatusOf(missing), 400);
    EXPECT_EQ(FieldOf(missing), "fields.police_consultation");
    report = ValidReport("first");
    report["fields"]["summary"] = "  ";
    EXPECT_EQ(FieldOf(lead_a.Post(base_ + "/incident-reports", report.dump())), "fields.summary");

    // Recipients listed ministry-first still arrive police-first.
    report = ValidReport("first");
    report["recipients"] = {"ministry", "npa"};
    auto sent = lead_a.Post(base_ + "/incident-reports", report.dump());
    ASSERT_EQ(StatusOf(sent), 201) << BodyOf(sent);
    const auto first = JsonOf(sent);
    ASSERT_EQ(first["deliveries"].size(), 2u);
    EXPECT_EQ(first["deliveries"][0]["recipient_code"], "npa");
    EXPECT_EQ(first["deliveries"][1]["recipient_code"], "ministry");
    EXPECT_EQ(first["deliveries"][1]["desk"]["name"]["ja"], "経済産業省");
    const std::int64_t incident = first["incident_id"].get<std::int64_t>();
    EXPECT_EQ(incident, first["id"].get<std::int64_t>());
    auto created = Events("case.created");
    ASSERT_EQ(created.size(), 2u);
    EXPECT_LT(created[0].seq, created[1].seq);
    EXPECT_NE(created[0].payload_json.find("\"recipient_code\":\"npa\""), std::string::npos);
    EXPECT_NE(created[1].payload_json.find("\"recipient_code\":\"ministry\""), std::string::npos);
    // The ministry delivery reaches METI's staff stream, not FSA's, never another organisation.
    EXPECT_TRUE(live::AudienceMatches(created[1].audience, Ministry({"electricity", "gas"})));
    EXPECT_FALSE(live::AudienceMatches(created[1].audience, Ministry({"finance"})));
    EXPECT_FALSE(live::AudienceMatches(created[0].audience, Ministry({"electricity", "gas"})));
    EXPECT_FALSE(live::AudienceMatches(created[1].audience, Organisation(org_c_, "gas")));

    auto meti = Staff("ministry-meti");
    auto meti_queue = JsonOf(meti.Get(base_ + "/cases"));
    ASSERT_EQ(meti_queue["total"], 1) << meti_queue.dump();
    const std::int64_t ministry_case = meti_queue["items"][0]["id"].get<std::int64_t>();
    EXPECT_EQ(meti_queue["items"][0]["recipient_code"], "ministry");
    const std::int64_t police_case = first["deliveries"][0]["case_id"].get<std::int64_t>();
    EXPECT_EQ(StatusOf(meti.Get(base_ + "/cases/" + std::to_string(police_case))), 404);
    auto fsa = Staff("ministry-fsa");
    EXPECT_EQ(JsonOf(fsa.Get(base_ + "/cases"))["total"], 0);
    EXPECT_EQ(StatusOf(fsa.Get(base_ + "/cases/" + std::to_string(ministry_case))), 404);
    EXPECT_EQ(StatusOf(Act(fsa, ministry_case, {{"action", "acknowledge"}})), 404);

    // The ministry reads the report, acknowledges and asks back; the organisation answers.
    auto detail = JsonOf(meti.Get(base_ + "/cases/" + std::to_string(ministry_case)));
    EXPECT_EQ(detail["report"]["fields"]["service_impact"], "電力供給の監視に支障");
    EXPECT_EQ(detail["report"]["stage"], "first");
    ASSERT_EQ(StatusOf(Act(meti, ministry_case, {{"action", "acknowledge"}, {"body", "受領しました"}})), 200);
    auto asked = Act(meti, ministry_case, {{"action", "ask_back"}, {"body", "復旧見込みは？"}});
    ASSERT_EQ(StatusOf(asked), 200) << BodyOf(asked);
    auto answer = Act(lead_a, ministry_case, {{"action", "inbound"}, {"body", "本日中の見込み"}});
    ASSERT_EQ(StatusOf(answer), 200) << BodyOf(answer);

    // Follow-up and final stages belong to the same incident; nothing after the final.
    auto follow = ValidReport("follow_up");
    follow["incident_id"] = incident;
    ASSERT_EQ(StatusOf(lead_a.Post(base_ + "/incident-reports", follow.dump())), 201);
    auto final_report = ValidReport("final");
    final_report["incident_id"] = incident;
    ASSERT_EQ(StatusOf(lead_a.Post(base_ + "/incident-reports", final_report.dump())), 201);
    EXPECT_EQ(StatusOf(lead_a.Post(base_ + "/incident-reports", follow.dump())), 409);
    auto no_incident = ValidReport("follow_up");
    EXPECT_EQ(FieldOf(lead_a.Post(base_ + "/incident-reports", no_incident.dump())), "incident_id");
    // Another organisation cannot continue A's incident.
    auto lead_b = Joined(lead_b_token_);
    EXPECT_EQ(StatusOf(lead_b.Post(base_ + "/incident-reports", follow.dump())), 404);
    auto own = JsonOf(lead_a.Get(base_ + "/incident-reports"));
    ASSERT_EQ(own["items"].size(), 3u);
    EXPECT_EQ(own["items"][0]["stage"], "final");
    EXPECT_TRUE(JsonOf(lead_b.Get(base_ + "/incident-reports"))["items"].empty());
    // Only organisers configure reporting.
    EXPECT_EQ(StatusOf(lead_a.Send("PUT", base_ + "/reporting-config", config.dump())), 403);
    EXPECT_EQ(StatusOf(meti.Send("PUT", base_ + "/reporting-config", config.dump())), 403);
    config["recipients"].erase(4);
    EXPECT_EQ(FieldOf(admin_->Send("PUT", base_ + "/reporting-config", config.dump())), "recipients");

    // Metrics: reports per recipient and the share of organisations that reported.
    auto metrics = JsonOf(admin_->Get(base_ + "/desk-metrics"));
    EXPECT_EQ(metrics["organisations_reported"]["numerator"], 1);
    EXPECT_EQ(metrics["organisations_reported"]["denominator"], 3);
    int police = 0;
    for (const auto& row : metrics["reports_per_recipient"]) {
        if (row["key"] == "npa") police = row["count"].get<int>();
    }
    EXPECT_EQ(police, 3);
}

TEST_F(WorldDesksTest, SupplyChainNoticesReachDeclaredPartnersOnly) {
    auto lead_a = Joined(lead_a_token_);
    auto participant_a = Joined(participant_a_token_);
    auto lead_b = Joined(lead_b_token_);
    auto candidates = JsonOf(lead_a.Get(OrganisationPath(org_a_) + "/partner-candidates"));
    ASSERT_EQ(candidates["items"].size(), 2u);
    auto declared = lead_a.Post(
        OrganisationPath(org_a_) + "/partners",
        nlohmann::json{{"partner_organisation_id", org_b_}, {"relation", "customer"}, {"service", "電力供給"}}.dump());
    ASSERT_EQ(StatusOf(declared), 201) << BodyOf(declared);
    EXPECT_EQ(
        StatusOf(lead_a.Post(OrganisationPath(org_a_) + "/partners",
                             nlohmann::json{{"partner_organisation_id", org_b_}, {"relation", "customer"}}.dump())),
        409);
    EXPECT_EQ(
        FieldOf(lead_a.Post(OrganisationPath(org_a_) + "/partners",
                            nlohmann::json{{"partner_organisation_id", org_a_}, {"relation", "supplier"}}.dump())),
        "partner_organisation_id");
    // Participants cannot declare; B cannot touch A's partners.
    EXPECT_EQ(StatusOf(participant_a.Post(
                  OrganisationPath(org_a_) + "/partners",
                  nlohmann::json{{"partner_organisation_id", org_c_}, {"relation", "supplier"}}.dump())),
              403);
    EXPECT_EQ(StatusOf(lead_b.Get(OrganisationPath(org_a_) + "/partners")), 404);
    // B sees who declared it.
    auto b_partners = JsonOf(lead_b.Get(OrganisationPath(org_b_) + "/partners"));
    ASSERT_EQ(b_partners["declared_by"].size(), 1u);
    EXPECT_EQ(b_partners["declared_by"][0]["organisation"]["name"], "デモ電力A");

    auto notice = participant_a.Post(OrganisationPath(org_a_) + "/partner-notices",
                                     R"({"subject":"供給停止のお知らせ","body":"復旧まで数時間を要します"})");
    ASSERT_EQ(StatusOf(notice), 201) << BodyOf(notice);
    EXPECT_EQ(JsonOf(notice)["to"].size(), 1u);
    EXPECT_EQ(FieldOf(participant_a.Post(
                  OrganisationPath(org_a_) + "/partner-notices",
                  nlohmann::json{{"partner_organisation_ids", {org_c_}}, {"subject", "x"}, {"body", "y"}}.dump())),
              "partner_organisation_ids");
    auto received = JsonOf(lead_b.Get(OrganisationPath(org_b_) + "/partner-notices"));
    ASSERT_EQ(received["received"].size(), 1u);
    EXPECT_EQ(received["received"][0]["from"]["name"], "デモ電力A");
    auto events = Events("partner.notice");
    ASSERT_EQ(events.size(), 1u);
    EXPECT_TRUE(live::AudienceMatches(events[0].audience, Organisation(org_b_, "finance")));
    EXPECT_FALSE(live::AudienceMatches(events[0].audience, Organisation(org_c_, "gas")));
    auto c_lead = Joined(CreatePerson(org_c_, "組織C 責任者", "org_lead"));
    EXPECT_TRUE(JsonOf(c_lead.Get(OrganisationPath(org_c_) + "/partner-notices"))["received"].empty());
    ASSERT_EQ(StatusOf(lead_a.Send("DELETE", OrganisationPath(org_a_) + "/partners/" +
                                                 std::to_string(JsonOf(declared)["id"].get<std::int64_t>()))),
              204);
}

TEST_F(WorldDesksTest, RateLimitStopsOneAccountFloodingADesk) {
    auto participant = Joined(participant_a_token_);
    const std::int64_t npa = DeskId(participant, "npa");
    for (int i = 0; i < 10; ++i) {
        ASSERT_EQ(StatusOf(Inquire(participant, npa, "連投 " + std::to_string(i))), 201) << i;
    }
    auto flooded = Inquire(participant, npa, "11件目");
    ASSERT_EQ(StatusOf(flooded), 429) << BodyOf(flooded);
    EXPECT_EQ(FieldOf(flooded), "rate_limit");
    EXPECT_NE(JsonOf(flooded)["error"]["message"].get<std::string>().find("10"), std::string::npos);
    bool retry_after = false;
    for (const auto& [name, value] : flooded->headers) {
        if (name == "Retry-After" || name == "retry-after") retry_after = !value.empty();
    }
    EXPECT_TRUE(retry_after);
    // Another account of the same organisation is not affected.
    auto lead = Joined(lead_a_token_);
    EXPECT_EQ(StatusOf(Inquire(lead, npa, "別アカウント")), 201);
    auto metrics = JsonOf(admin_->Get(base_ + "/desk-metrics"));
    EXPECT_EQ(metrics["inquiry_first_reply"]["cases"], 11);
    EXPECT_EQ(metrics["inquiry_first_reply"]["replied"], 0);
    EXPECT_TRUE(metrics["inquiry_first_reply"]["median_minutes"].is_null());
}

TEST_F(WorldDesksTest, OrganiserConfiguresDesksWithNoticesAndStaff) {
    auto defaults = admin_->Post(base_ + "/desks/defaults", "");
    ASSERT_EQ(StatusOf(defaults), 200) << BodyOf(defaults);
    ASSERT_EQ(JsonOf(defaults)["items"].size(), 3u);
    const std::int64_t ipa = DeskId(*admin_, "ipa");
    nlohmann::json update = {
        {"name_ja", "IPA（演習）"},
        {"name_en", "IPA (exercise)"},
        {"intro", "サイバー攻撃に関するご相談はこちら"},
        {"categories",
         {{{"code", "consultation"}, {"ja", "相談"}, {"en", "Consultation"}},
          {{"code", "malware"}, {"ja", "マルウェア"}, {"en", "Malware"}}}},
        {"notices",
         {{{"title", "注意喚起: ランサムウェア"}, {"body", "<script>alert(1)</script>"}, {"published", true}},
          {{"title", "下書き"}, {"body", "未公開"}, {"published", false}}}},
        {"staff_user_ids", {controller_id_}}};
    auto updated = admin_->Send("PUT", base_ + "/desks/" + std::to_string(ipa), update.dump());
    ASSERT_EQ(StatusOf(updated), 200) << BodyOf(updated);
    auto participant = Joined(participant_a_token_);
    auto page = JsonOf(participant.Get(base_ + "/desks/" + std::to_string(ipa)));
    ASSERT_EQ(page["notices"].size(), 1u);
    EXPECT_EQ(page["notices"][0]["body"], "<script>alert(1)</script>");  // stored and served as text
    EXPECT_FALSE(page.contains("staff_user_ids"));
    auto controller = Staff("controller");
    auto staff_page = JsonOf(controller.Get(base_ + "/desks/" + std::to_string(ipa)));
    EXPECT_EQ(staff_page["notices"].size(), 2u);
    EXPECT_EQ(staff_page["staff_user_ids"][0], controller_id_);
    EXPECT_EQ(Events("desk.updated").size(), 4u);  // three defaults created, one update

    // "My desks" filter.
    ASSERT_EQ(StatusOf(Inquire(participant, ipa, "マルウェア")), 201);
    EXPECT_EQ(JsonOf(controller.Get(base_ + "/cases?my_desks=true"))["total"], 1);
    EXPECT_EQ(JsonOf(Staff("controller2").Get(base_ + "/cases?my_desks=true"))["total"], 0);

    // Validation names the field; only organisers configure; desks with cases stay.
    update["name_ja"] = "";
    EXPECT_EQ(FieldOf(admin_->Send("PUT", base_ + "/desks/" + std::to_string(ipa), update.dump())), "name_ja");
    update["name_ja"] = "IPA";
    update["staff_user_ids"] = {meti_id_};
    EXPECT_EQ(FieldOf(admin_->Send("PUT", base_ + "/desks/" + std::to_string(ipa), update.dump())), "staff_user_ids");
    EXPECT_EQ(StatusOf(controller.Send("PUT", base_ + "/desks/" + std::to_string(ipa), update.dump())), 403);
    EXPECT_EQ(StatusOf(admin_->Send("DELETE", base_ + "/desks/" + std::to_string(ipa))), 409);
    EXPECT_EQ(FieldOf(admin_->Post(base_ + "/desks", R"({"kind":"agency","code":"nowhere","name_ja":"x"})")), "code");
    auto ceptoar =
        admin_->Post(base_ + "/desks", R"({"kind":"ceptoar","code":"electricity","name_ja":"電力セプター"})");
    ASSERT_EQ(StatusOf(ceptoar), 201) << BodyOf(ceptoar);
    EXPECT_EQ(StatusOf(admin_->Send("DELETE", base_ + "/desks/" + std::to_string(JsonOf(ceptoar)["id"].get<int>()))),
              204);
    // A category that the desk does not offer.
    nlohmann::json inquiry = {{"category", "report"}, {"subject", "s"}, {"body", "b"}};
    EXPECT_EQ(FieldOf(participant.Post(base_ + "/desks/" + std::to_string(ipa) + "/inquiries", inquiry.dump())),
              "category");
}

TEST_F(WorldDesksTest, InquiriesAndReportsCarryTheOrganisationsAttachments) {
    auto participant = Joined(participant_a_token_);
    auto lead_b = Joined(lead_b_token_);
    auto uploaded = participant.Send("POST", base_ + "/attachments?filename=log.txt", "検知ログ 2023-12-07 13:05",
                                     {{"Content-Type", "text/plain"}});
    ASSERT_EQ(StatusOf(uploaded), 201) << BodyOf(uploaded);
    const std::int64_t attachment = JsonOf(uploaded)["id"].get<std::int64_t>();
    const std::int64_t ipa = DeskId(participant, "ipa");
    nlohmann::json inquiry = {{"category", "consultation"},
                              {"subject", "ログの確認"},
                              {"body", "添付をご確認ください"},
                              {"attachment_id", attachment}};
    auto created = participant.Post(base_ + "/desks/" + std::to_string(ipa) + "/inquiries", inquiry.dump());
    ASSERT_EQ(StatusOf(created), 201) << BodyOf(created);
    const std::int64_t case_id = JsonOf(created)["id"].get<std::int64_t>();
    auto controller = Staff("controller");
    auto detail = JsonOf(controller.Get(base_ + "/cases/" + std::to_string(case_id)));
    ASSERT_TRUE(detail["messages"][0]["attachment"].is_object()) << detail.dump();
    const std::string url = detail["messages"][0]["attachment"]["url"].get<std::string>();
    auto file = controller.Get(url);
    ASSERT_EQ(StatusOf(file), 200) << BodyOf(file);
    EXPECT_EQ(file->body, "検知ログ 2023-12-07 13:05");
    // Another organisation can neither read the file nor link it to its own inquiry.
    EXPECT_EQ(StatusOf(lead_b.Get(url)), 404);
    inquiry["subject"] = "他組織の添付";
    auto stolen = lead_b.Post(base_ + "/desks/" + std::to_string(ipa) + "/inquiries", inquiry.dump());
    EXPECT_EQ(StatusOf(stolen), 404);
    EXPECT_EQ(FieldOf(stolen), "attachment_id");
    // Staff replies carry no files; the organisation's follow-up may.
    EXPECT_EQ(FieldOf(Act(controller, case_id, {{"action", "reply"}, {"body", "x"}, {"attachment_id", attachment}})),
              "attachment_id");
    ASSERT_EQ(StatusOf(Act(participant, case_id,
                           {{"action", "inbound"}, {"body", "追加の添付"}, {"attachment_id", attachment}})),
              200);
    // A report with the file: every recipient's case shows it.
    auto report = ValidReport("first");
    report["attachment_id"] = attachment;
    auto lead_a = Joined(lead_a_token_);
    auto sent = lead_a.Post(base_ + "/incident-reports", report.dump());
    ASSERT_EQ(StatusOf(sent), 201) << BodyOf(sent);
    EXPECT_EQ(JsonOf(sent)["attachment"]["id"], attachment);
}

TEST_F(WorldDesksTest, MetricsTimeFromTheTriggeringInjectToTheFirstReport) {
    // A scenario whose first inject exercises objective 4 (sharing with the ministry) and
    // reaches the electricity sector only; a later one exercises objective 1.
    scenario::Scenario master;
    master.id = "desks";
    master.title = {"窓口試験", "Desk test"};
    master.scenes = {{"day1", {"1日目", "Day 1"}, 540, 1080, 12.0, false}};
    scenario::Inject trigger;
    trigger.id = "share";
    trigger.scene_id = "day1";
    trigger.at = 540;
    trigger.title = {"報告の要請", "Report request"};
    trigger.objectives = {4};
    trigger.audience.everyone = false;
    trigger.audience.sectors = {"electricity"};
    trigger.order = 1;
    master.injects = {trigger};
    auto saved =
        server_->application().services().scenarios->SaveMaster(exercise_id_, master, {std::nullopt, "test", "", ""});
    ASSERT_TRUE(saved) << saved.error().message;
    ASSERT_EQ(StatusOf(admin_->Post(base_ + "/clock/start", "")), 200);
    bool released = false;
    for (int attempt = 0; attempt < 100 && !released; ++attempt) {
        const auto releases = JsonOf(admin_->Get(base_ + "/releases"));  // kept alive for the loop
        for (const auto& item : releases["items"]) {
            if (item["inject_id"] == "share" && item["status"] != "pending") released = true;
        }
        if (!released) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_TRUE(released) << admin_->Get(base_ + "/releases")->body;

    auto lead_a = Joined(lead_a_token_);
    auto lead_b = Joined(lead_b_token_);
    auto sent = lead_a.Post(base_ + "/incident-reports", ValidReport("first").dump());
    ASSERT_EQ(StatusOf(sent), 201) << BodyOf(sent);
    EXPECT_TRUE(JsonOf(sent)["created_scenario_time"].is_string());  // stamped in scenario time once running
    ASSERT_EQ(StatusOf(lead_b.Post(base_ + "/incident-reports", ValidReport("first").dump())), 201);

    auto metrics = JsonOf(admin_->Get(base_ + "/desk-metrics"));
    ASSERT_EQ(metrics["time_to_first_report"].size(), 3u) << metrics.dump();
    for (const auto& row : metrics["time_to_first_report"]) {
        if (row["organisation_id"] == org_a_) {
            EXPECT_EQ(row["trigger_inject_id"], "share");
            ASSERT_TRUE(row["minutes"].is_number()) << row.dump();
            EXPECT_GE(row["minutes"].get<double>(), 0.0);
            EXPECT_LT(row["minutes"].get<double>(), 1.0);
        } else {
            // B (finance) never received the triggering inject; C sent nothing.
            EXPECT_TRUE(row["trigger_inject_id"].is_null()) << row.dump();
            EXPECT_TRUE(row["minutes"].is_null()) << row.dump();
        }
    }
    EXPECT_EQ(metrics["organisations_reported"]["numerator"], 2);
    EXPECT_EQ(metrics["organisations_reported"]["denominator"], 3);
}

}  // namespace
}  // namespace enshu::testing
