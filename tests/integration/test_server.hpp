#pragma once

// An enshu server inside the test process: Application on 127.0.0.1 with an
// ephemeral port, a SQLite file in a fresh temporary directory (removed afterwards),
// cheap Argon2 settings and quiet logs. RunUntilStopped runs on a background thread,
// so stopping goes through the same path as SIGTERM.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "app/application.hpp"
#include "app/config.hpp"
#include "core/result.hpp"
#include "net/http_client.hpp"

namespace enshu::testing {

enum class StaffRole { kStaff, kAdministrator };

// Adjusts the configuration before the server opens; `directory` is the temporary
// directory (e.g. to create a web root in it).
using ConfigureFunction = std::function<void(app::AppConfig& config, const std::filesystem::path& directory)>;

class TestServer {
  public:
    // Throws std::runtime_error when the server cannot open or start.
    explicit TestServer(const ConfigureFunction& configure = {});
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    unsigned short port() const { return port_; }
    const std::filesystem::path& directory() const { return directory_; }
    app::Application& application() { return *application_; }

    // A new client without a session.
    net::HttpClient Client() const;
    // Creates a staff user directly through AccountService; returns the user id.
    Result<std::int64_t> CreateStaff(const std::string& login, const std::string& password,
                                     StaffRole role = StaffRole::kStaff);
    // Logs in through POST /api/auth/login; the client then carries the session cookie
    // and sends the session's CSRF token on state-changing requests.
    Result<net::HttpClient> LoginAs(const std::string& login, const std::string& password) const;

    // Asks the server to stop (like SIGTERM) and returns at once.
    void RequestStop();
    // Stops and waits until the server has drained and closed. Idempotent.
    void Stop();

  private:
    std::filesystem::path directory_;
    std::unique_ptr<app::Application> application_;
    std::thread runner_;
    unsigned short port_ = 0;
};

}  // namespace enshu::testing
