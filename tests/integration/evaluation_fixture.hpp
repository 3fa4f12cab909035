#pragma once

// Shared by the evaluation integration tests: a server with an exercise, two
// organisations (A: electricity/METI, B: finance/FSA), org leads and participants,
// and staff in every role (organiser via the administrator, controller, observer,
// ministry of METI).

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "test_server.hpp"

namespace enshu::testing {

inline constexpr char kEvaluationPassword[] = "integration password";

inline nlohmann::json EvalJson(const Result<net::HttpResponse>& response) {
    if (!response) return nullptr;
    return nlohmann::json::parse(response->body, nullptr, false);
}

inline int EvalStatus(const Result<net::HttpResponse>& response) { return response ? response->status : -1; }

inline std::string EvalBody(const Result<net::HttpResponse>& response) {
    return response ? response->body : response.error().message;
}

class EvaluationFixture : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<TestServer>();
        ASSERT_TRUE(server_->CreateStaff("admin", kEvaluationPassword, StaffRole::kAdministrator));
        for (const char* login : {"controller", "observer", "ministry-meti"}) {
            ASSERT_TRUE(server_->CreateStaff(login, kEvaluationPassword));
        }
        auto admin = server_->LoginAs("admin", kEvaluationPassword);
        ASSERT_TRUE(admin) << admin.error().message;
        admin_.emplace(std::move(*admin));
        auto exercise = admin_->Post("/api/exercises", R"({"fiscal_year":2023,"title_ja":"評価演習"})");
        ASSERT_EQ(EvalStatus(exercise), 201) << EvalBody(exercise);
        exercise_id_ = EvalJson(exercise)["id"].get<std::int64_t>();
        base_ = "/api/exercises/" + std::to_string(exercise_id_);
        for (const char* role : {"controller", "observer"}) {
            auto added = admin_->Post(base_ + "/memberships", nlohmann::json{{"login", role}, {"role", role}}.dump());
            ASSERT_EQ(EvalStatus(added), 201) << EvalBody(added);
        }
        auto ministry = admin_->Post(
            base_ + "/memberships",
            nlohmann::json{{"login", "ministry-meti"}, {"role", "ministry"}, {"ministry_code", "meti"}}.dump());
        ASSERT_EQ(EvalStatus(ministry), 201) << EvalBody(ministry);
        org_a_ = CreateOrganisation("デモ電力A", "electricity");
        org_b_ = CreateOrganisation("デモ銀行B", "finance");
        lead_a_token_ = CreatePerson(org_a_, "組織A 責任者", "org_lead");
        participant_a_token_ = CreatePerson(org_a_, "組織A 参加者", "participant");
        lead_b_token_ = CreatePerson(org_b_, "組織B 責任者", "org_lead");
    }

    std::int64_t CreateOrganisation(const std::string& name, const std::string& sector) {
        nlohmann::json body = {{"name", name},
                               {"sector_code", sector},
                               {"size_band", "medium"},
                               {"region", "JP-13"},
                               {"participation_mode", "venue"}};
        auto response = admin_->Post(base_ + "/organisations", body.dump());
        EXPECT_EQ(EvalStatus(response), 201) << EvalBody(response);
        return EvalJson(response).value("id", std::int64_t{0});
    }

    std::string CreatePerson(std::int64_t organisation_id, const std::string& name, const std::string& role) {
        nlohmann::json body = {{"display_name", name}, {"role", role}};
        auto response = admin_->Post(OrganisationPath(organisation_id) + "/people", body.dump());
        EXPECT_EQ(EvalStatus(response), 201) << EvalBody(response);
        const std::string url = EvalJson(response).value("join_url", std::string());
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
        EXPECT_EQ(EvalStatus(response), 200) << EvalBody(response);
        client.SetCsrfToken(EvalJson(response).value("csrf_token", std::string()));
        return client;
    }

    net::HttpClient Staff(const std::string& login) {
        auto client = server_->LoginAs(login, kEvaluationPassword);
        EXPECT_TRUE(client) << client.error().message;
        return std::move(*client);
    }

    static Result<net::HttpResponse> Put(net::HttpClient& client, const std::string& target,
                                         const nlohmann::json& body) {
        return client.Send("PUT", target, body.dump());
    }

    std::unique_ptr<TestServer> server_;
    std::optional<net::HttpClient> admin_;
    std::int64_t exercise_id_ = 0;
    std::string base_;
    std::int64_t org_a_ = 0;
    std::int64_t org_b_ = 0;
    std::string lead_a_token_;
    std::string participant_a_token_;
    std::string lead_b_token_;
};

}  // namespace enshu::testing
