#include "test_server.hpp"

#include <unistd.h>

#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>

#include "accounts/account_service.hpp"
#include "api/context.hpp"

namespace enshu::testing {

namespace {

std::filesystem::path NewTemporaryDirectory() {
    std::random_device random;
    auto path = std::filesystem::temp_directory_path() /
                ("enshu-it-" + std::to_string(::getpid()) + "-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(path);
    return path;
}

}  // namespace

TestServer::TestServer(const ConfigureFunction& configure) : directory_(NewTemporaryDirectory()) {
    app::AppConfig config;
    config.database_url = (directory_ / "enshu.db").string();
    config.log_level = "warn";
    config.server.listen_address = "127.0.0.1";
    config.server.port = 0;
    config.server.threads = 2;
    config.server.worker_threads = 4;
    config.server.shutdown_grace = std::chrono::seconds(5);
    config.accounts.argon_ops_limit = 1;
    config.accounts.argon_memory_limit = 8 * 1024 * 1024;
    if (configure) configure(config, directory_);

    auto application = app::Application::Open(config);
    if (!application) {
        std::filesystem::remove_all(directory_);
        throw std::runtime_error("test server: " + application.error().message);
    }
    application_ = std::move(*application);
    auto port = application_->Start();
    if (!port) {
        application_.reset();
        std::filesystem::remove_all(directory_);
        throw std::runtime_error("test server: " + port.error().message);
    }
    port_ = *port;
    runner_ = std::thread([this] { application_->RunUntilStopped(); });
}

TestServer::~TestServer() {
    Stop();
    application_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(directory_, ignored);
}

net::HttpClient TestServer::Client() const { return net::HttpClient("127.0.0.1", port_); }

Result<std::int64_t> TestServer::CreateStaff(const std::string& login, const std::string& password, StaffRole role) {
    accounts::StaffUserInput input;
    input.login = login;
    input.display_name = "Test " + login;
    input.password = password;
    input.email = login + "@example.test";
    input.is_admin = role == StaffRole::kAdministrator;
    return application_->services().accounts.CreateStaffUser(input, audit::Actor{std::nullopt, "test", "", ""});
}

Result<net::HttpClient> TestServer::LoginAs(const std::string& login, const std::string& password) const {
    net::HttpClient client = Client();
    nlohmann::json body = {{"login", login}, {"password", password}};
    auto response = client.Post("/api/auth/login", body.dump(), {{"X-Requested-With", "enshu"}});
    if (!response) return tl::unexpected(response.error());
    if (response->status != 200) {
        return Fail(ErrorCode::kUnauthenticated,
                    "login as " + login + ": status " + std::to_string(response->status) + " " + response->body);
    }
    auto session = nlohmann::json::parse(response->body, nullptr, false);
    if (!session.is_object() || !session.contains("csrf_token") || !session["csrf_token"].is_string()) {
        return Fail(ErrorCode::kInternal, "login as " + login + ": no csrf_token in " + response->body);
    }
    if (!client.Cookie("enshu_session")) return Fail(ErrorCode::kInternal, "login as " + login + ": no cookie");
    client.SetCsrfToken(session["csrf_token"].get<std::string>());
    return client;
}

void TestServer::RequestStop() {
    if (application_) application_->RequestStop();
}

void TestServer::Stop() {
    RequestStop();
    if (runner_.joinable()) runner_.join();
}

}  // namespace enshu::testing
