#pragma once

// Process-wide spdlog set-up from AppConfig: level (trace, debug, info, warn, error)
// and format ("text": one readable line; "json": one JSON object per line with the
// message JSON-escaped). Called by Application::Open; safe to call again.

#include "app/config.hpp"
#include "core/result.hpp"

namespace enshu::app {

// Errors: kInvalidArgument naming log_level or log_format.
Status ConfigureLogging(const AppConfig& config);

}  // namespace enshu::app
