#include "app/logging.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <string>

namespace enshu::app {

namespace {

// %* : the log message as the inside of a JSON string.
class JsonEscapedMessage final : public spdlog::custom_flag_formatter {
  public:
    void format(const spdlog::details::log_msg& message, const std::tm&, spdlog::memory_buf_t& out) override {
        static constexpr char kHex[] = "0123456789abcdef";
        for (char c : message.payload) {
            switch (c) {
                case '"':
                    out.append(std::string_view("\\\""));
                    break;
                case '\\':
                    out.append(std::string_view("\\\\"));
                    break;
                case '\n':
                    out.append(std::string_view("\\n"));
                    break;
                case '\r':
                    out.append(std::string_view("\\r"));
                    break;
                case '\t':
                    out.append(std::string_view("\\t"));
                    break;
                default:
                    if (static_cast<unsigned char>(c) < 0x20) {
                        const char escaped[] = {'\\', 'u', '0', '0', kHex[(c >> 4) & 0xf], kHex[c & 0xf]};
                        out.append(escaped, escaped + sizeof(escaped));
                    } else {
                        out.push_back(c);
                    }
            }
        }
    }
    std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<JsonEscapedMessage>(); }
};

}  // namespace

Status ConfigureLogging(const AppConfig& config) {
    spdlog::level::level_enum level = spdlog::level::from_str(config.log_level);
    if (level == spdlog::level::off && config.log_level != "off") {
        return Fail(ErrorCode::kInvalidArgument,
                    "log_level: unknown level '" + config.log_level + "' (trace, debug, info, warn, error)",
                    "log_level");
    }
    if (config.log_format == "json") {
        auto formatter = std::make_unique<spdlog::pattern_formatter>(spdlog::pattern_time_type::utc);
        formatter->add_flag<JsonEscapedMessage>('*').set_pattern(
            R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","thread":%t,"message":"%*"})");
        spdlog::set_formatter(std::move(formatter));
    } else if (config.log_format == "text") {
        spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l [%t] %v", spdlog::pattern_time_type::utc);
    } else {
        return Fail(ErrorCode::kInvalidArgument, "log_format: must be text or json, not '" + config.log_format + "'",
                    "log_format");
    }
    spdlog::set_level(level);
    return Ok();
}

}  // namespace enshu::app
