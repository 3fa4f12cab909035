// The exercise, organisation, people and import/export routes through the real
// server: scoping between organisations and ministries, roles, import errors over
// HTTP and CSRF on state-changing requests.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "accounts/account_service.hpp"
#include "test_server.hpp"

namespace enshu::testing {
namespace {

constexpr char kPassword[] = "integration password";

nlohmann::json JsonOf(const Result<net::HttpResponse>& response) {
    if (!response) return nullptr;
    return nlohmann::json::parse(response->body, nullptr, false);
}

int StatusOf(const Result<net::HttpResponse>& response) { return response ? response->status : -1; }

class ExerciseApiTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<TestServer>();
        ASSERT_TRUE(server_->CreateStaff("admin", kPassword, StaffRole::kAdministrator));
        auto admin = server_->LoginAs("admin", kPassword);
        ASSERT_TRUE(admin) << admin.error().message;
        admin_.emplace(std::move(*admin));

        auto exercise = admin_->Post("/api/exercises", R"({"fiscal_year":2023,"title_ja":"統合テスト演習"})");
        ASSERT_EQ(StatusOf(exercise), 201) << (exercise ? exercise->body : exercise.error().message);
        exercise_id_ = JsonOf(exercise)["id"].get<std::int64_t>();
        base_ = "/api/exercises/" + std::to_string(exercise_id_);

        org_a_ = CreateOrganisation("デモ電力A", "electricity");
        org_b_ = CreateOrganisation("デモ銀行B", "finance");
        lead_a_token_ = CreatePerson(org_a_, "組織A 責任者", "org_lead");
        lead_b_token_ = CreatePerson(org_b_, "組織B 責任者", "org_lead");
        participant_a_token_ = CreatePerson(org_a_, "組織A 参加者", "participant");

        auto ministry_id = server_->CreateStaff("ministry-meti", kPassword);
        ASSERT_TRUE(ministry_id);
        ASSERT_TRUE(server_->application().services().accounts.AddMembership(
            exercise_id_, *ministry_id, Role::kMinistry, std::string("meti"), {std::nullopt, "test", "", ""}));
    }

    std::int64_t CreateOrganisation(const std::string& name, const std::string& sector) {
        nlohmann::json body = {{"name", name},
                               {"sector_code", sector},
                               {"size_band", "medium"},
                               {"region", "JP-13"},
                               {"participation_mode", "venue"}};
        auto response = admin_->Post(base_ + "/organisations", body.dump());
        EXPECT_EQ(StatusOf(response), 201) << (response ? response->body : "");
        return JsonOf(response).value("id", std::int64_t{0});
    }

    // Returns the join token of the new person.
    std::string CreatePerson(std::int64_t organisation_id, const std::string& name, const std::string& role) {
        nlohmann::json body = {{"display_name", name}, {"role", role}};
        auto response = admin_->Post(PeoplePath(organisation_id), body.dump());
        EXPECT_EQ(StatusOf(response), 201) << (response ? response->body : "");
        const std::string url = JsonOf(response).value("join_url", std::string());
        const auto hash = url.find("/join#");
        EXPECT_NE(hash, std::string::npos) << url;
        return hash == std::string::npos ? std::string() : url.substr(hash + 6);
    }

    std::string OrganisationPath(std::int64_t organisation_id) const {
        return base_ + "/organisations/" + std::to_string(organisation_id);
    }
    std::string PeoplePath(std::int64_t organisation_id) const { return OrganisationPath(organisation_id) + "/people"; }

    net::HttpClient Joined(const std::string& token) {
        net::HttpClient client = server_->Client();
        auto response =
            client.Post("/api/auth/join", nlohmann::json{{"token", token}}.dump(), {{"X-Requested-With", "enshu"}});
        EXPECT_EQ(StatusOf(response), 200) << (response ? response->body : "");
        client.SetCsrfToken(JsonOf(response).value("csrf_token", std::string()));
        return client;
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

TEST_F(ExerciseApiTest, OrgLeadSeesOnlyItsOwnOrganisationAndPeople) {
    auto lead = Joined(lead_a_token_);
    EXPECT_EQ(StatusOf(lead.Get(OrganisationPath(org_a_))), 200);
    EXPECT_EQ(StatusOf(lead.Get(OrganisationPath(org_b_))), 404);
    EXPECT_EQ(StatusOf(lead.Get(PeoplePath(org_b_))), 404);
    auto people = JsonOf(lead.Get(PeoplePath(org_a_)));
    EXPECT_EQ(people["total"], 2);
    auto list = JsonOf(lead.Get(base_ + "/organisations"));
    ASSERT_EQ(list["items"].size(), 1u);
    EXPECT_EQ(list["items"][0]["id"], org_a_);

    // The lead edits its organisation's editable fields but not its sector.
    EXPECT_EQ(StatusOf(lead.Send("PATCH", OrganisationPath(org_a_), R"({"name_en":"Demo Power A"})")), 200);
    EXPECT_EQ(StatusOf(lead.Send("PATCH", OrganisationPath(org_a_), R"({"sector_code":"gas"})")), 403);
    EXPECT_EQ(StatusOf(lead.Send("PATCH", OrganisationPath(org_b_), R"({"name_en":"x"})")), 404);
}

TEST_F(ExerciseApiTest, ParticipantCannotEdit) {
    auto participant = Joined(participant_a_token_);
    EXPECT_EQ(StatusOf(participant.Get(OrganisationPath(org_a_))), 200);
    EXPECT_EQ(StatusOf(participant.Send("PATCH", OrganisationPath(org_a_), R"({"name_en":"x"})")), 403);
    EXPECT_EQ(StatusOf(participant.Post(PeoplePath(org_a_), R"({"display_name":"x","role":"participant"})")), 403);
}

TEST_F(ExerciseApiTest, MinistrySeesOnlyItsSectors) {
    auto ministry = server_->LoginAs("ministry-meti", kPassword);
    ASSERT_TRUE(ministry);
    auto list = JsonOf(ministry->Get(base_ + "/organisations"));
    ASSERT_EQ(list["items"].size(), 1u);
    EXPECT_EQ(list["items"][0]["sector_code"], "electricity");
    EXPECT_EQ(StatusOf(ministry->Get(OrganisationPath(org_b_))), 404);
    EXPECT_EQ(StatusOf(ministry->Get(PeoplePath(org_a_))), 200);
    auto exported = ministry->Get(base_ + "/exports/organisations?format=csv");
    ASSERT_EQ(StatusOf(exported), 200);
    EXPECT_NE(exported->body.find("デモ電力A"), std::string::npos);
    EXPECT_EQ(exported->body.find("デモ銀行B"), std::string::npos);
    EXPECT_NE(exported->Header("Content-Disposition").value_or("").find("organisations-"), std::string::npos);
}

TEST_F(ExerciseApiTest, ImportErrorsOverHttp) {
    const std::string file =
        "name,sector,size_band,region,participation_mode\n"
        "デモガス,gas,small,JP-13,venue\n"
        "デモ不明,unknown,small,JP-13,venue\n";
    const net::HeaderList csv = {{"Content-Type", "text/csv"}};
    auto dry = admin_->Post(base_ + "/imports/organisations?dry_run=true", file, csv);
    ASSERT_EQ(StatusOf(dry), 200);
    auto report = JsonOf(dry);
    EXPECT_EQ(report["valid"], false);
    ASSERT_EQ(report["errors"].size(), 1u);
    EXPECT_EQ(report["errors"][0]["row"], 3);
    EXPECT_EQ(report["errors"][0]["column"], "sector");

    auto run = admin_->Post(base_ + "/imports/organisations", file, csv);
    ASSERT_EQ(StatusOf(run), 422);
    EXPECT_EQ(JsonOf(run)["errors"].size(), 1u);
    EXPECT_EQ(JsonOf(admin_->Get(base_ + "/organisations"))["total"], 2);  // nothing imported
}

TEST_F(ExerciseApiTest, CsrfIsRequiredOnPatch) {
    net::HttpClient client = server_->Client();
    auto login = client.Post("/api/auth/login", nlohmann::json{{"login", "admin"}, {"password", kPassword}}.dump(),
                             {{"X-Requested-With", "enshu"}});
    ASSERT_EQ(StatusOf(login), 200);
    auto without = client.Send("PATCH", base_, R"({"title_en":"no token"})");
    EXPECT_EQ(StatusOf(without), 403);
    EXPECT_EQ(JsonOf(without)["error"]["code"], "csrf_failed");
    client.SetCsrfToken(JsonOf(login)["csrf_token"].get<std::string>());
    auto with = client.Send("PATCH", base_, R"({"title_en":"with token"})");
    ASSERT_EQ(StatusOf(with), 200) << with->body;
    EXPECT_EQ(JsonOf(with)["title_en"], "with token");
}

TEST_F(ExerciseApiTest, ValidationErrorsNameTheFieldAndReferenceIsServed) {
    auto bad = admin_->Send("PATCH", base_,
                            R"({"phases":[{"kind":"report","starts_at":"2024-03-31","ends_at":"2024-03-01"}]})");
    ASSERT_EQ(StatusOf(bad), 400);
    EXPECT_EQ(JsonOf(bad)["error"]["field"], "phases[0].ends_at");
    auto reference = JsonOf(admin_->Get("/api/reference"));
    EXPECT_EQ(reference["sectors"].size(), 14u);
    auto exercises = JsonOf(admin_->Get("/api/exercises"));
    EXPECT_EQ(exercises["items"][0]["organisation_count"], 2);
}

}  // namespace
}  // namespace enshu::testing
