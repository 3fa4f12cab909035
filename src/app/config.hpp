#pragma once

// The configuration of one enshu process. Sources, in order of precedence:
// command-line flags > environment (ENSHU_*) > config file (YAML, --config) > defaults.
// See docs/operations.md for every key.

#include <string>

#include "accounts/account_service.hpp"
#include "api/settings.hpp"

namespace enshu::app {

struct AppConfig {
    std::string database_url = "var/enshu.db";   // SQLite path, sqlite://PATH, or postgresql://... (later)
    std::string log_level = "info";              // trace, debug, info, warn, error
    std::string log_format = "text";             // text or json
    api::ServerSettings server;
    accounts::AccountSettings accounts;
};

}  // namespace enshu::app
