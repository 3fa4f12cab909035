// Auth, membership and audit handlers against a real migrated SQLite database (no
// sockets): parsing, limits, cookies and scoping. The logic itself is tested in
// src/accounts and src/audit.

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "accounts/account_service.hpp"
#include "api/handlers.hpp"
#include "api/settings.hpp"
#include "audit/audit_log.hpp"
#include "core/metrics.hpp"
#include "db/migrations.hpp"

namespace enshu::api {
namespace {

constexpr char kPassword[] = "correct horse battery";

class AuthHandlersTest : public ::testing::Test {
  protected:
    void SetUp() override {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("enshu-api-auth-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db");
        RemoveFiles();
        auto opened = db::OpenDatabase(path_.string());
        ASSERT_TRUE(opened) << opened.error().message;
        database_ = std::move(*opened);
        ASSERT_TRUE(db::Migrate(*database_));
        accounts::AccountSettings account_settings;
        account_settings.argon_ops_limit = 1;
        account_settings.argon_memory_limit = 8 * 1024 * 1024;
        accounts_ = std::make_unique<accounts::AccountService>(*database_, clock_, audit_, account_settings);
        services_ =
            std::make_unique<Services>(Services{*database_, clock_, metrics_, *accounts_, audit_, server_settings_});
        const audit::Actor cli{std::nullopt, "cli", "", ""};
        organiser_id_ = *accounts_->CreateStaffUser({"organiser", "事務局", kPassword, "", false}, cli);
        observer_id_ = *accounts_->CreateStaffUser({"observer", "見学", kPassword, "", false}, cli);
        ASSERT_TRUE(accounts_->CreateStaffUser({"controller", "統制", kPassword, "", false}, cli));
        ASSERT_TRUE(database_->Write([&](db::Connection& connection) -> Status {
            auto created = connection.Execute(
                "INSERT INTO exercise (fiscal_year, title_ja, created_at, updated_at) VALUES (2023, '演習', $1, $1)",
                {FormatTimestamp(clock_.Now())});
            if (!created) return tl::unexpected(created.error());
            return Ok();
        }));
        ASSERT_TRUE(accounts_->AddMembership(1, organiser_id_, Role::kOrganiser, std::nullopt, cli));
        ASSERT_TRUE(accounts_->AddMembership(1, observer_id_, Role::kObserver, std::nullopt, cli));
    }
    void TearDown() override {
        services_.reset();
        accounts_.reset();
        database_.reset();
        RemoveFiles();
    }
    void RemoveFiles() {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
    }

    Request MakeRequest(std::string body) {
        Request request;
        request.method = "POST";
        request.body = std::move(body);
        request.remote_address = "192.0.2.1";
        request.request_id = "req-1";
        request.path_params["exercise_id"] = "1";
        return request;
    }

    Result<Response> Call(const Handler& handler, const Request& request,
                          const std::optional<Principal>& principal = std::nullopt) {
        RequestContext context{request, principal, *services_};
        return handler(context);
    }

    Principal SignIn(const std::string& login) {
        auto start = accounts_->Login(login, kPassword, accounts::ClientInfo{"192.0.2.1", "", ""});
        EXPECT_TRUE(start);
        if (!start) return Principal{};
        last_token_ = start->token;
        return start->principal;
    }

    static std::string Header(const Response& response, const std::string& name) {
        for (const auto& [key, value] : response.headers) {
            if (key == name) return value;
        }
        return {};
    }

    std::filesystem::path path_;
    std::unique_ptr<db::Database> database_;
    FakeClock clock_{TimePoint(std::chrono::seconds(1'800'000'000))};
    audit::AuditLog audit_{clock_};
    Metrics metrics_;
    ServerSettings server_settings_;
    std::unique_ptr<accounts::AccountService> accounts_;
    std::unique_ptr<Services> services_;
    std::int64_t organiser_id_ = 0;
    std::int64_t observer_id_ = 0;
    std::string last_token_;  // session token of the last SignIn
};

TEST_F(AuthHandlersTest, LoginAnswersTheSessionAndSetsTheCookie) {
    auto response = Call(HandleLogin, MakeRequest(R"({"login":"organiser","password":"correct horse battery"})"));
    ASSERT_TRUE(response) << response.error().message;
    EXPECT_EQ(response->status, 200);
    const auto body = nlohmann::json::parse(response->body);
    EXPECT_EQ(body["user"]["login"], "organiser");
    EXPECT_EQ(body["user"]["kind"], "staff");
    EXPECT_EQ(body["memberships"][0]["role"], "organiser");
    EXPECT_FALSE(body["csrf_token"].get<std::string>().empty());
    const std::string cookie = Header(*response, "Set-Cookie");
    EXPECT_EQ(cookie.rfind("enshu_session=", 0), 0u) << cookie;
    EXPECT_NE(cookie.find("; HttpOnly; SameSite=Lax; Path=/; Max-Age=43200"), std::string::npos) << cookie;
    EXPECT_EQ(cookie.find("Secure"), std::string::npos);
    // The cookie's token authenticates.
    const std::string token = cookie.substr(14, cookie.find(';') - 14);
    auto principal = accounts_->Authenticate(token);
    ASSERT_TRUE(principal && principal->has_value());
    EXPECT_EQ((*principal)->user_id, organiser_id_);
}

TEST_F(AuthHandlersTest, SecureCookiesWhenConfigured) {
    server_settings_.secure_cookies = true;
    auto response = Call(HandleLogin, MakeRequest(R"({"login":"organiser","password":"correct horse battery"})"));
    ASSERT_TRUE(response);
    EXPECT_NE(Header(*response, "Set-Cookie").find("; Secure"), std::string::npos);
}

TEST_F(AuthHandlersTest, LoginInputIsLimitedAndNamed) {
    struct Case {
        std::string body;
        std::string field;
    };
    const std::vector<Case> cases = {
        {R"({"login":"organiser"})", "password"},
        {R"({"password":"x"})", "login"},
        {R"({"login":"","password":"x"})", "login"},
        {R"({"login":42,"password":"x"})", "login"},
        {R"({"login":")" + std::string(65, 'a') + R"(","password":"x"})", "login"},
        {R"({"login":"organiser","password":")" + std::string(257, 'p') + R"("})", "password"},
        {R"({"login":"organiser","password":"x","extra":1})", "extra"},
        {"not json", "body"},
    };
    for (const Case& c : cases) {
        auto response = Call(HandleLogin, MakeRequest(c.body));
        ASSERT_FALSE(response) << c.body;
        EXPECT_EQ(response.error().code, ErrorCode::kInvalidArgument) << c.body;
        EXPECT_EQ(response.error().field, c.field) << c.body << " " << response.error().message;
    }
}

TEST_F(AuthHandlersTest, WrongPasswordIsUnauthenticated) {
    auto response = Call(HandleLogin, MakeRequest(R"({"login":"organiser","password":"wrong password!"})"));
    ASSERT_FALSE(response);
    EXPECT_EQ(response.error().code, ErrorCode::kUnauthenticated);
}

TEST_F(AuthHandlersTest, JoinLimitsTheToken) {
    auto long_token = Call(HandleJoin, MakeRequest(R"({"token":")" + std::string(65, 'a') + R"("})"));
    ASSERT_FALSE(long_token);
    EXPECT_EQ(long_token.error().field, "token");
    auto unknown = Call(HandleJoin, MakeRequest(R"({"token":"abcdefghijklmnopqrstuv"})"));
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::kUnauthenticated);
}

TEST_F(AuthHandlersTest, LogoutEndsTheSessionAndExpiresTheCookie) {
    const std::optional<Principal> principal = SignIn("organiser");
    auto response = Call(HandleLogout, MakeRequest(""), principal);
    ASSERT_TRUE(response) << response.error().message;
    EXPECT_EQ(response->status, 204);
    EXPECT_NE(Header(*response, "Set-Cookie").find("enshu_session=; "), std::string::npos);
    EXPECT_NE(Header(*response, "Set-Cookie").find("Max-Age=0"), std::string::npos);
    auto session = accounts_->Authenticate(last_token_);
    ASSERT_TRUE(session);
    EXPECT_FALSE(session->has_value());
}

TEST_F(AuthHandlersTest, GetSessionAnswersTheCaller) {
    const std::optional<Principal> principal = SignIn("observer");
    auto response = Call(HandleGetSession, MakeRequest(""), principal);
    ASSERT_TRUE(response);
    EXPECT_EQ(nlohmann::json::parse(response->body)["user"]["login"], "observer");
}

TEST_F(AuthHandlersTest, MembershipsAreForOrganisersOnly) {
    const std::optional<Principal> organiser = SignIn("organiser");
    const std::optional<Principal> observer = SignIn("observer");
    const std::optional<Principal> outsider = SignIn("controller");

    auto listed = Call(HandleListMemberships, MakeRequest(""), organiser);
    ASSERT_TRUE(listed) << listed.error().message;
    const auto body = nlohmann::json::parse(listed->body);
    EXPECT_EQ(body["total"], 2);
    EXPECT_EQ(body["items"][0]["login"], "organiser");

    auto forbidden = Call(HandleListMemberships, MakeRequest(""), observer);
    ASSERT_FALSE(forbidden);
    EXPECT_EQ(forbidden.error().code, ErrorCode::kForbidden);
    auto hidden = Call(HandleListMemberships, MakeRequest(""), outsider);
    ASSERT_FALSE(hidden);
    EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
}

TEST_F(AuthHandlersTest, AddMembershipByLogin) {
    const std::optional<Principal> organiser = SignIn("organiser");
    auto added = Call(HandleAddMembership, MakeRequest(R"({"login":"controller","role":"controller"})"), organiser);
    ASSERT_TRUE(added) << added.error().message;
    EXPECT_EQ(added->status, 201);
    const auto body = nlohmann::json::parse(added->body);
    EXPECT_EQ(body["login"], "controller");
    EXPECT_EQ(body["role"], "controller");
    EXPECT_TRUE(body["ministry_code"].is_null());

    auto unknown_login = Call(HandleAddMembership, MakeRequest(R"({"login":"nobody","role":"observer"})"), organiser);
    ASSERT_FALSE(unknown_login);
    EXPECT_EQ(unknown_login.error().field, "login");
    auto bad_role = Call(HandleAddMembership, MakeRequest(R"({"login":"controller","role":"boss"})"), organiser);
    ASSERT_FALSE(bad_role);
    EXPECT_EQ(bad_role.error().field, "role");
    auto duplicate = Call(HandleAddMembership, MakeRequest(R"({"login":"controller","role":"controller"})"), organiser);
    ASSERT_FALSE(duplicate);
    EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
}

TEST_F(AuthHandlersTest, AuditListIsPagedAndForOrganisersOnly) {
    const std::optional<Principal> organiser = SignIn("organiser");
    const std::optional<Principal> observer = SignIn("observer");
    Request request = MakeRequest("");
    request.query = ParseQuery("page=1&page_size=1&action=membership.");
    auto listed = Call(HandleListAudit, request, organiser);
    ASSERT_TRUE(listed) << listed.error().message;
    const auto body = nlohmann::json::parse(listed->body);
    EXPECT_EQ(body["total"], 2);  // the two membership.add entries of SetUp
    EXPECT_EQ(body["page"], 1);
    EXPECT_EQ(body["page_size"], 1);
    ASSERT_EQ(body["items"].size(), 1u);
    EXPECT_EQ(body["items"][0]["action"], "membership.add");

    request.query = ParseQuery("page_size=500");
    auto bad_size = Call(HandleListAudit, request, organiser);
    ASSERT_FALSE(bad_size);
    EXPECT_EQ(bad_size.error().field, "page_size");

    auto forbidden = Call(HandleListAudit, MakeRequest(""), observer);
    ASSERT_FALSE(forbidden);
    EXPECT_EQ(forbidden.error().code, ErrorCode::kForbidden);
}

}  // namespace
}  // namespace enshu::api
