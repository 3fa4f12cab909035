#pragma once

// A server with an administrator, one exercise, two organisations and their people,
// for the tests of the exercise floor (announcements, breaks, observer ratings) and of
// streams ending with their session. People join through their join links like a
// browser does.

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "accounts/account_service.hpp"
#include "api/context.hpp"
#include "core/access.hpp"
#include "test_server.hpp"

namespace enshu::testing {

inline constexpr char kFloorPassword[] = "integration password";

inline nlohmann::json JsonOf(const Result<net::HttpResponse>& response) {
    if (!response) return nullptr;
    return nlohmann::json::parse(response->body, nullptr, false);
}

inline int StatusOf(const Result<net::HttpResponse>& response) { return response ? response->status : -1; }

inline std::string BodyOf(const Result<net::HttpResponse>& response) {
    return response ? response->body : response.error().message;
}

struct FloorPerson {
    std::int64_t id = 0;
    std::string join_token;
};

class FloorFixture : public ::testing::Test {
  protected:
    void OpenServer(const ConfigureFunction& configure = {}) {
        server_ = std::make_unique<TestServer>(configure);
        ASSERT_TRUE(server_->CreateStaff("admin", kFloorPassword, StaffRole::kAdministrator));
        auto admin = server_->LoginAs("admin", kFloorPassword);
        ASSERT_TRUE(admin) << admin.error().message;
        admin_.emplace(std::move(*admin));
        auto exercise = admin_->Post("/api/exercises", R"({"fiscal_year":2023,"title_ja":"床演習"})");
        ASSERT_EQ(StatusOf(exercise), 201) << BodyOf(exercise);
        exercise_id_ = JsonOf(exercise)["id"].get<std::int64_t>();
        base_ = "/api/exercises/" + std::to_string(exercise_id_);
        org_a_ = CreateOrganisation("デモ電力A", "electricity");
        org_b_ = CreateOrganisation("デモ銀行B", "finance");
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

    FloorPerson CreatePerson(std::int64_t organisation_id, const std::string& name, const std::string& role) {
        nlohmann::json body = {{"display_name", name}, {"role", role}};
        auto response = admin_->Post(OrganisationPath(organisation_id) + "/people", body.dump());
        EXPECT_EQ(StatusOf(response), 201) << BodyOf(response);
        const auto json = JsonOf(response);
        const std::string url = json.value("join_url", std::string());
        const auto hash = url.find("/join#");
        FloorPerson person;
        person.id =
            json.contains("person") ? json["person"].value("id", std::int64_t{0}) : json.value("id", std::int64_t{0});
        person.join_token = hash == std::string::npos ? std::string() : url.substr(hash + 6);
        return person;
    }

    std::string OrganisationPath(std::int64_t organisation_id) const {
        return base_ + "/organisations/" + std::to_string(organisation_id);
    }

    // A client that opened the join link: it carries the session cookie and CSRF token.
    net::HttpClient Joined(const std::string& token) {
        net::HttpClient client = server_->Client();
        auto response =
            client.Post("/api/auth/join", nlohmann::json{{"token", token}}.dump(), {{"X-Requested-With", "enshu"}});
        EXPECT_EQ(StatusOf(response), 200) << BodyOf(response);
        client.SetCsrfToken(JsonOf(response).value("csrf_token", std::string()));
        return client;
    }

    // A staff member of the exercise with `role` (organiser, controller, observer, ...),
    // logged in.
    net::HttpClient Staff(const std::string& login, const std::string& role) {
        auto user = server_->CreateStaff(login, kFloorPassword);
        EXPECT_TRUE(user) << (user ? "" : user.error().message);
        auto added = server_->application().services().accounts.AddMembership(
            exercise_id_, *user, *ParseRole(role), std::nullopt, audit::Actor{std::nullopt, "test", "", ""});
        EXPECT_TRUE(added) << (added ? "" : added.error().message);
        auto client = server_->LoginAs(login, kFloorPassword);
        EXPECT_TRUE(client) << (client ? "" : client.error().message);
        return std::move(*client);
    }

    std::unique_ptr<TestServer> server_;
    std::optional<net::HttpClient> admin_;
    std::int64_t exercise_id_ = 0;
    std::string base_;
    std::int64_t org_a_ = 0;
    std::int64_t org_b_ = 0;
};

}  // namespace enshu::testing
