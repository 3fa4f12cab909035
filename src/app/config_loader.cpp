#include "app/config_loader.hpp"

#include <charconv>
#include <thread>

#include <yaml-cpp/yaml.h>

namespace enshu::app {

namespace {

Result<long long> ParseInteger(const std::string& text, const std::string& key, const std::string& source,
                               long long minimum, long long maximum) {
    long long value = 0;
    const auto* end = text.data() + text.size();
    auto [pointer, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || pointer != end) {
        return Fail(ErrorCode::kInvalidArgument, source + ": " + key + " must be an integer, got '" + text + "'", key);
    }
    if (value < minimum || value > maximum) {
        return Fail(ErrorCode::kInvalidArgument,
                    source + ": " + key + " must be between " + std::to_string(minimum) + " and " +
                        std::to_string(maximum) + ", got " + text,
                    key);
    }
    return value;
}

Result<bool> ParseBoolean(const std::string& text, const std::string& key, const std::string& source) {
    if (text == "true" || text == "1" || text == "yes" || text == "on") return true;
    if (text == "false" || text == "0" || text == "no" || text == "off") return false;
    return Fail(ErrorCode::kInvalidArgument, source + ": " + key + " must be true or false, got '" + text + "'", key);
}

Result<std::string> ParseChoice(const std::string& text, const std::string& key, const std::string& source,
                                const std::vector<std::string>& choices) {
    for (const auto& choice : choices) {
        if (choice == text) return text;
    }
    std::string list;
    for (const auto& choice : choices) list += (list.empty() ? "" : ", ") + choice;
    return Fail(ErrorCode::kInvalidArgument, source + ": " + key + " must be one of " + list + ", got '" + text + "'",
                key);
}

}  // namespace

const std::vector<ConfigKey>& ConfigKeys() {
    static const std::vector<ConfigKey> keys = {
        {"database", "ENSHU_DB", "database: a SQLite file path or sqlite://PATH (postgresql://… later)"},
        {"listen", "ENSHU_LISTEN", "address to listen on (default 127.0.0.1)"},
        {"port", "ENSHU_PORT", "TCP port (default 8080; 0 picks a free port)"},
        {"threads", "ENSHU_THREADS", "network threads (default: number of cores)"},
        {"worker_threads", "ENSHU_WORKER_THREADS", "request/database worker threads (default: 2 x cores)"},
        {"web_root", "ENSHU_WEB_ROOT", "directory of the built web UI (web/dist); empty serves the API only"},
        {"public_url", "ENSHU_PUBLIC_URL", "external base URL used in join links (default http://localhost:PORT)"},
        {"secure_cookies", "ENSHU_SECURE_COOKIES", "mark cookies Secure (true behind HTTPS)"},
        {"max_body_bytes", "ENSHU_MAX_BODY_BYTES", "largest accepted request body in bytes (default 8 MiB)"},
        {"header_timeout_seconds", "ENSHU_HEADER_TIMEOUT", "seconds to receive a request header (default 10)"},
        {"idle_timeout_seconds", "ENSHU_IDLE_TIMEOUT", "keep-alive idle limit in seconds (default 60)"},
        {"shutdown_grace_seconds", "ENSHU_SHUTDOWN_GRACE", "seconds to drain requests on SIGTERM (default 10)"},
        {"session_ttl_hours", "ENSHU_SESSION_TTL_HOURS", "absolute session lifetime in hours (default 12)"},
        {"session_idle_minutes", "ENSHU_SESSION_IDLE_MINUTES", "session expiry after inactivity (default 120)"},
        {"join_link_ttl_days", "ENSHU_JOIN_LINK_TTL_DAYS", "join-link lifetime in days (default 60)"},
        {"max_concurrent_password_hashes", "ENSHU_MAX_PASSWORD_HASHES", "Argon2id hashes at once (default 2)"},
        {"log_level", "ENSHU_LOG_LEVEL", "trace, debug, info, warn or error (default info)"},
        {"log_format", "ENSHU_LOG_FORMAT", "text or json (default text)"},
    };
    return keys;
}

ConfigValues ValuesFromEnvironment(const std::function<const char*(const char*)>& getenv) {
    ConfigValues values;
    for (const auto& key : ConfigKeys()) {
        if (const char* value = getenv(key.environment.c_str()); value != nullptr && *value != '\0') {
            values[key.key] = value;
        }
    }
    return values;
}

Result<ConfigValues> ValuesFromYamlFile(const std::string& path) {
    YAML::Node root;
    try {
        root = YAML::LoadFile(path);
    } catch (const YAML::BadFile&) {
        return Fail(ErrorCode::kInvalidArgument, "config file " + path + ": cannot be read", "config");
    } catch (const YAML::Exception& error) {
        return Fail(ErrorCode::kInvalidArgument, "config file " + path + ": " + error.what(), "config");
    }
    ConfigValues values;
    if (root.IsNull()) return values;
    if (!root.IsMap()) {
        return Fail(ErrorCode::kInvalidArgument, "config file " + path + ": expected a mapping of keys to values",
                    "config");
    }
    for (const auto& entry : root) {
        const auto key = entry.first.as<std::string>();
        if (!entry.second.IsScalar()) {
            return Fail(ErrorCode::kInvalidArgument, "config file " + path + ": " + key + " must be a single value",
                        key);
        }
        values[key] = entry.second.as<std::string>();
    }
    return values;
}

Result<std::string> NormaliseDatabaseUrl(const std::string& value) {
    if (value.empty()) return Fail(ErrorCode::kInvalidArgument, "database must not be empty", "database");
    return value;
}

Status ApplyConfigValues(const ConfigValues& values, const std::string& source, AppConfig& config) {
    auto& server = config.server;
    auto& accounts = config.accounts;
    for (const auto& [key, value] : values) {
        Status applied = Ok();
        auto integer = [&](long long minimum, long long maximum) {
            return ParseInteger(value, key, source, minimum, maximum);
        };
        if (key == "database") {
            auto url = NormaliseDatabaseUrl(value);
            if (!url) return tl::unexpected(url.error());
            config.database_url = *url;
        } else if (key == "listen") {
            server.listen_address = value;
        } else if (key == "port") {
            auto port = integer(0, 65535);
            if (!port) return tl::unexpected(port.error());
            server.port = static_cast<unsigned short>(*port);
        } else if (key == "threads") {
            auto threads = integer(0, 256);
            if (!threads) return tl::unexpected(threads.error());
            server.threads = static_cast<int>(*threads);
        } else if (key == "worker_threads") {
            auto threads = integer(0, 512);
            if (!threads) return tl::unexpected(threads.error());
            server.worker_threads = static_cast<int>(*threads);
        } else if (key == "web_root") {
            server.web_root = value;
        } else if (key == "public_url") {
            if (value.rfind("http://", 0) != 0 && value.rfind("https://", 0) != 0) {
                return Fail(ErrorCode::kInvalidArgument, source + ": public_url must start with http:// or https://",
                            key);
            }
            server.public_url = value;
            while (!server.public_url.empty() && server.public_url.back() == '/') server.public_url.pop_back();
        } else if (key == "secure_cookies") {
            auto secure = ParseBoolean(value, key, source);
            if (!secure) return tl::unexpected(secure.error());
            server.secure_cookies = *secure;
        } else if (key == "max_body_bytes") {
            auto bytes = integer(1024, 1LL << 30);
            if (!bytes) return tl::unexpected(bytes.error());
            server.max_body_bytes = static_cast<std::size_t>(*bytes);
        } else if (key == "header_timeout_seconds") {
            auto seconds = integer(1, 3600);
            if (!seconds) return tl::unexpected(seconds.error());
            server.header_timeout = std::chrono::seconds(*seconds);
        } else if (key == "idle_timeout_seconds") {
            auto seconds = integer(1, 86400);
            if (!seconds) return tl::unexpected(seconds.error());
            server.idle_timeout = std::chrono::seconds(*seconds);
        } else if (key == "shutdown_grace_seconds") {
            auto seconds = integer(0, 3600);
            if (!seconds) return tl::unexpected(seconds.error());
            server.shutdown_grace = std::chrono::seconds(*seconds);
        } else if (key == "session_ttl_hours") {
            auto hours = integer(1, 24 * 30);
            if (!hours) return tl::unexpected(hours.error());
            accounts.session_ttl = std::chrono::hours(*hours);
        } else if (key == "session_idle_minutes") {
            auto minutes = integer(1, 24 * 60 * 30);
            if (!minutes) return tl::unexpected(minutes.error());
            accounts.session_idle_ttl = std::chrono::minutes(*minutes);
        } else if (key == "join_link_ttl_days") {
            auto days = integer(1, 366);
            if (!days) return tl::unexpected(days.error());
            accounts.join_link_ttl = std::chrono::hours(24 * *days);
        } else if (key == "max_concurrent_password_hashes") {
            auto count = integer(1, 64);
            if (!count) return tl::unexpected(count.error());
            accounts.max_concurrent_password_hashes = static_cast<int>(*count);
        } else if (key == "log_level") {
            auto level = ParseChoice(value, key, source, {"trace", "debug", "info", "warn", "error"});
            if (!level) return tl::unexpected(level.error());
            config.log_level = *level;
        } else if (key == "log_format") {
            auto format = ParseChoice(value, key, source, {"text", "json"});
            if (!format) return tl::unexpected(format.error());
            config.log_format = *format;
        } else {
            return Fail(ErrorCode::kInvalidArgument, source + ": unknown key '" + key + "'", key);
        }
        if (!applied) return applied;
    }
    return Ok();
}

Result<AppConfig> LoadConfig(const std::optional<std::string>& file, const ConfigValues& flags,
                             const std::function<const char*(const char*)>& getenv) {
    AppConfig config;
    std::optional<std::string> file_path = file;
    if (!file_path) {
        if (const char* from_environment = getenv("ENSHU_CONFIG"); from_environment && *from_environment) {
            file_path = from_environment;
        }
    }
    if (file_path) {
        auto values = ValuesFromYamlFile(*file_path);
        if (!values) return tl::unexpected(values.error());
        if (auto applied = ApplyConfigValues(*values, "config file " + *file_path, config); !applied) {
            return tl::unexpected(applied.error());
        }
    }
    if (auto applied = ApplyConfigValues(ValuesFromEnvironment(getenv), "environment", config); !applied) {
        return tl::unexpected(applied.error());
    }
    if (auto applied = ApplyConfigValues(flags, "command line", config); !applied) {
        return tl::unexpected(applied.error());
    }
    return config;
}

}  // namespace enshu::app
