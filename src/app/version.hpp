#pragma once

#include <string_view>

namespace enshu::app {

// The version printed by `enshu version` and reported in logs.
inline constexpr std::string_view kVersion = "0.1.0";

}  // namespace enshu::app
