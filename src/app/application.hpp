#pragma once

// The wiring of one enshu server process: opens the database, applies migrations,
// builds the services, the request pipeline and the HTTP server.
// Used by `enshu serve`, `enshu demo` and the integration tests (in process, port 0).

#include <memory>

#include "api/context.hpp"
#include "app/config.hpp"
#include "core/result.hpp"

namespace enshu::app {

class Application {
public:
    // Opens the database and applies pending migrations. Errors name the database
    // URL or the migration that failed.
    static Result<std::unique_ptr<Application>> Open(const AppConfig& config);
    ~Application();

    // Binds and starts serving; returns the bound port (useful with port 0).
    Result<unsigned short> Start();
    // Blocks until SIGTERM/SIGINT or RequestStop(), then drains in-flight requests
    // (up to server.shutdown_grace) and closes streams.
    void RunUntilStopped();
    // Thread-safe; may be called from any thread or a signal handler context via asio.
    void RequestStop();

    api::Services& services();
    db::Database& database();
    const AppConfig& config() const;

private:
    Application();
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace enshu::app
