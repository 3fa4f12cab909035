#pragma once

// The subcommands behind the CLI (app/cli.cpp). Each returns the exit code and
// prints errors to stderr naming the failing input.

#include <cstdint>
#include <optional>
#include <string>

#include "app/config_loader.hpp"

namespace enshu::app {

class Application;

struct ServerOptions {
    std::optional<std::string> config_file;
    ConfigValues flags;
};

struct DemoOptions {
    std::optional<std::string> password;
    bool seed_only = false;
};

struct UserAddOptions {
    std::string login;
    std::string display_name;
    std::string email;
    bool is_admin = false;
    bool password_from_stdin = false;
    std::optional<std::int64_t> exercise_id;
    std::optional<std::string> role;
    std::optional<std::string> ministry_code;
};

int RunServe(const ServerOptions& options);
int RunDemo(const ServerOptions& options, const DemoOptions& demo);
int RunMigrate(const ServerOptions& options);
int RunUserAdd(const ServerOptions& options, const UserAddOptions& user);

// Starts serving, prints the address, blocks until SIGTERM/SIGINT.
int ServeUntilStopped(Application& application);

// The configuration from defaults, file, environment and flags; prints the error and
// returns nullopt when it is invalid.
std::optional<AppConfig> LoadConfigOrReport(const ServerOptions& options);

}  // namespace enshu::app
