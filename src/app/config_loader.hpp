#pragma once

// Builds an AppConfig from its sources, in order of precedence:
// command-line flags > environment (ENSHU_*) > config file (YAML) > defaults.
// Every source is a flat map of documented keys (docs/operations.md) to text values,
// so that one parser validates them all and errors name the source and the key.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "core/result.hpp"

namespace enshu::app {

// key -> value, e.g. {"port", "8080"}, {"database", "var/enshu.db"}.
using ConfigValues = std::map<std::string, std::string>;

struct ConfigKey {
    std::string key;           // "port"
    std::string environment;   // "ENSHU_PORT"
    std::string description;   // one line for --help and the docs
};

// Every key the configuration understands.
const std::vector<ConfigKey>& ConfigKeys();

// Reads the ENSHU_* variables of ConfigKeys() through `getenv` (injectable for tests).
ConfigValues ValuesFromEnvironment(const std::function<const char*(const char*)>& getenv);

// Reads a YAML mapping of keys (nested mappings are not used). Errors name the file and key.
Result<ConfigValues> ValuesFromYamlFile(const std::string& path);

// Applies `values` over `config`. `source` names where they came from for error
// messages ("flag", "environment ENSHU_PORT", "config file enshu.yaml").
Status ApplyConfigValues(const ConfigValues& values, const std::string& source, AppConfig& config);

// The whole chain: defaults, then file (if `file` or ENSHU_CONFIG names one), then
// environment, then flags.
Result<AppConfig> LoadConfig(const std::optional<std::string>& file, const ConfigValues& flags,
                             const std::function<const char*(const char*)>& getenv);

// Accepts a SQLite path, sqlite://PATH or postgresql://...; returns the URL unchanged
// or kInvalidArgument for an empty value.
Result<std::string> NormaliseDatabaseUrl(const std::string& value);

}  // namespace enshu::app
