// The authorisation matrix (ARCHITECTURE.md §4): every route of api::Routes() is called
// by every kind of caller, and
//   - a caller whose role the route does not list is refused (401, 403 or 404), never
//     served and never answered with a server error;
//   - a signed-in staff member of ANOTHER exercise is refused on every route of this
//     exercise, whatever roles the route lists;
//   - without a session every non-public route answers 401;
//   - a caller the route allows, sending an empty body, gets an answer below 500.
// New routes are covered automatically, so a handler that forgets its role check fails here.

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "api/route.hpp"
#include "test_server.hpp"

namespace enshu::testing {
namespace {

constexpr char kPassword[] = "integration password";

nlohmann::json JsonOf(const Result<net::HttpResponse>& response) {
    if (!response) return nullptr;
    return nlohmann::json::parse(response->body, nullptr, false);
}

int StatusOf(const Result<net::HttpResponse>& response) { return response ? response->status : -1; }

std::set<std::string> RolesOf(std::string_view roles) {
    std::set<std::string> result;
    std::stringstream stream{std::string(roles)};
    std::string role;
    while (std::getline(stream, role, ',')) result.insert(role);
    return result;
}

bool IsRefusal(int status) { return status == 401 || status == 403 || status == 404; }

bool ChangesState(std::string_view method) { return method != "GET"; }

class AuthorisationMatrixTest : public ::testing::Test {
  protected:
    struct Caller {
        std::string role;  // the token of Route::roles this caller has in exercise A
        net::HttpClient client;
    };

    void SetUp() override {
        server_ = std::make_unique<TestServer>();
        ASSERT_TRUE(server_->CreateStaff("admin", kPassword, StaffRole::kAdministrator));
        admin_.emplace(Login("admin"));
        exercise_a_ = CreateExercise("演習A");
        exercise_b_ = CreateExercise("演習B");
        org_a_ = CreateOrganisation(exercise_a_, "電力A", "electricity");
        org_b_ = CreateOrganisation(exercise_a_, "銀行B", "finance");

        for (const std::string role : {"organiser", "controller", "ministry", "observer"}) {
            ASSERT_TRUE(server_->CreateStaff(role, kPassword));
            nlohmann::json membership = {{"login", role}, {"role", role}};
            if (role == "ministry") membership["ministry_code"] = "meti";
            auto added = admin_->Post(ExercisePath(exercise_a_) + "/memberships", membership.dump());
            ASSERT_EQ(StatusOf(added), 201) << (added ? added->body : added.error().message);
            callers_.push_back({role, Login(role)});
        }
        ASSERT_TRUE(server_->CreateStaff("outsider", kPassword));
        auto outsider = admin_->Post(ExercisePath(exercise_b_) + "/memberships",
                                     nlohmann::json{{"login", "outsider"}, {"role", "organiser"}}.dump());
        ASSERT_EQ(StatusOf(outsider), 201);
        outsider_.emplace(Login("outsider"));

        auto lead = CreatePerson(org_a_, "責任者A", "org_lead");
        auto participant = CreatePerson(org_a_, "参加者A", "participant");
        person_a_ = participant.first;
        ASSERT_GT(person_a_, 0);
        callers_.push_back({"org_lead", Joined(lead.second)});
        callers_.push_back({"participant", Joined(participant.second)});
    }

    net::HttpClient Login(const std::string& login) {
        auto client = server_->LoginAs(login, kPassword);
        EXPECT_TRUE(client) << client.error().message;
        return client ? std::move(*client) : server_->Client();
    }

    std::int64_t CreateExercise(const std::string& title) {
        auto response =
            admin_->Post("/api/exercises", nlohmann::json{{"fiscal_year", 2023}, {"title_ja", title}}.dump());
        EXPECT_EQ(StatusOf(response), 201);
        return JsonOf(response).value("id", std::int64_t{0});
    }

    std::string ExercisePath(std::int64_t exercise_id) const { return "/api/exercises/" + std::to_string(exercise_id); }

    std::int64_t CreateOrganisation(std::int64_t exercise_id, const std::string& name, const std::string& sector) {
        nlohmann::json body = {{"name", name},
                               {"sector_code", sector},
                               {"size_band", "medium"},
                               {"region", "JP-13"},
                               {"participation_mode", "venue"}};
        auto response = admin_->Post(ExercisePath(exercise_id) + "/organisations", body.dump());
        EXPECT_EQ(StatusOf(response), 201);
        return JsonOf(response).value("id", std::int64_t{0});
    }

    // The person id and the token of its join link.
    std::pair<std::int64_t, std::string> CreatePerson(std::int64_t organisation_id, const std::string& name,
                                                      const std::string& role) {
        auto response =
            admin_->Post(ExercisePath(exercise_a_) + "/organisations/" + std::to_string(organisation_id) + "/people",
                         nlohmann::json{{"display_name", name}, {"role", role}}.dump());
        EXPECT_EQ(StatusOf(response), 201);
        const auto body = JsonOf(response);
        const std::string url = body.value("join_url", std::string());
        const auto hash = url.find("/join#");
        const std::int64_t id = body.contains("person") ? body["person"].value("id", std::int64_t{0}) : 0;
        return {id, hash == std::string::npos ? std::string() : url.substr(hash + 6)};
    }

    net::HttpClient Joined(const std::string& token) {
        net::HttpClient client = server_->Client();
        auto response =
            client.Post("/api/auth/join", nlohmann::json{{"token", token}}.dump(), {{"X-Requested-With", "enshu"}});
        EXPECT_EQ(StatusOf(response), 200);
        client.SetCsrfToken(JsonOf(response).value("csrf_token", std::string()));
        return client;
    }

    // The route's pattern with every {parameter} replaced: ids of exercise A, its
    // organisation A and a person of A; a sector of A; "1" for the ids of other objects.
    std::string PathOf(std::string_view pattern) const {
        const std::map<std::string, std::string> values = {
            {"exercise_id", std::to_string(exercise_a_)},
            {"organisation_id", std::to_string(org_a_)},
            {"person_id", std::to_string(person_a_)},
            {"sector_code", "electricity"},
        };
        std::string path;
        std::size_t position = 0;
        while (position < pattern.size()) {
            const auto open = pattern.find('{', position);
            if (open == std::string_view::npos) {
                path.append(pattern.substr(position));
                break;
            }
            const auto close = pattern.find('}', open);
            path.append(pattern.substr(position, open - position));
            const std::string name(pattern.substr(open + 1, close - open - 1));
            auto found = values.find(name);
            path.append(found != values.end() ? found->second : "1");
            position = close + 1;
        }
        return path;
    }

    static std::string Describe(const api::Route& route, const std::string& caller, int status) {
        return std::string(route.method) + " " + std::string(route.pattern) + " (" + std::string(route.name) +
               ", roles " + std::string(route.roles) + ") as " + caller + ": " + std::to_string(status) + "\n";
    }

    std::unique_ptr<TestServer> server_;
    std::optional<net::HttpClient> admin_;
    std::optional<net::HttpClient> outsider_;
    std::vector<Caller> callers_;
    std::int64_t exercise_a_ = 0;
    std::int64_t exercise_b_ = 0;
    std::int64_t org_a_ = 0;
    std::int64_t org_b_ = 0;
    std::int64_t person_a_ = 0;
};

TEST_F(AuthorisationMatrixTest, EveryRouteRefusesCallersOutsideItsRolesAndExercise) {
    std::string violations;
    int checked = 0;
    for (const api::Route& route : api::Routes()) {
        const std::set<std::string> roles = RolesOf(route.roles);
        if (roles.count("public")) continue;
        const std::string path = PathOf(route.pattern);
        const std::string body = ChangesState(route.method) ? "{}" : "";

        net::HttpClient anonymous = server_->Client();
        const int without_session = StatusOf(anonymous.Send(route.method, path, body, {{"X-Requested-With", "enshu"}}));
        ++checked;
        if (without_session != 401) violations += Describe(route, "no session", without_session);

        if (route.pattern.find("{exercise_id}") != std::string_view::npos) {
            const int status = StatusOf(outsider_->Send(route.method, path, body));
            ++checked;
            if (!IsRefusal(status)) violations += Describe(route, "organiser of another exercise", status);
        }
        if (roles.count("any")) continue;
        for (Caller& caller : callers_) {
            if (roles.count(caller.role)) continue;
            const int status = StatusOf(caller.client.Send(route.method, path, body));
            ++checked;
            if (!IsRefusal(status)) violations += Describe(route, caller.role, status);
        }
    }
    EXPECT_GT(checked, 100);
    EXPECT_EQ(violations, "") << "routes that served a caller outside their roles or exercise";
}

// The people of organisation A (and a ministry, for an organisation outside its sectors)
// are refused on every route of organisation B, except the few that show what every
// participant may see of another organisation (kSharedAcrossOrganisations).
TEST_F(AuthorisationMatrixTest, OrganisationRoutesRefuseOtherOrganisations) {
    const std::set<std::string_view> kSharedAcrossOrganisations = {"organisations.get"};
    std::string violations;
    for (const api::Route& route : api::Routes()) {
        if (route.pattern.find("{organisation_id}") == std::string_view::npos) continue;
        if (kSharedAcrossOrganisations.count(route.name)) continue;
        std::string path = PathOf(route.pattern);
        const std::string own = "/organisations/" + std::to_string(org_a_);
        path.replace(path.find(own), own.size(), "/organisations/" + std::to_string(org_b_));
        const std::string body = ChangesState(route.method) ? "{}" : "";
        for (Caller& caller : callers_) {
            if (caller.role != "org_lead" && caller.role != "participant" && caller.role != "ministry") continue;
            const int status = StatusOf(caller.client.Send(route.method, path, body));
            if (!IsRefusal(status)) violations += Describe(route, caller.role + " of another organisation", status);
        }
    }
    EXPECT_EQ(violations, "") << "organisation routes that served another organisation's people";
}

TEST_F(AuthorisationMatrixTest, AllowedCallersSendingAnEmptyBodyGetNoServerError) {
    std::string violations;
    for (const api::Route& route : api::Routes()) {
        // Deleting would remove the fixture for later routes, logging out the caller's
        // session, and the stream never ends.
        if (route.method == "DELETE" || route.name == "stream" || route.name == "auth.logout") continue;
        const std::set<std::string> roles = RolesOf(route.roles);
        if (roles.count("public")) continue;
        const std::string path = PathOf(route.pattern);
        const std::string body = ChangesState(route.method) ? "{}" : "";
        for (Caller& caller : callers_) {
            if (!roles.count(caller.role) && !roles.count("any")) continue;
            const int status = StatusOf(caller.client.Send(route.method, path, body));
            if (status < 200 || status >= 500) violations += Describe(route, caller.role, status);
        }
    }
    EXPECT_EQ(violations, "") << "routes that failed with a server error (or no answer) on an empty request";
}

}  // namespace
}  // namespace enshu::testing
