#include "api/context.hpp"

#include <charconv>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace enshu::api {

namespace {

// JSON nesting deeper than this is rejected: no legitimate body of ours comes close,
// and deep nesting costs stack and memory.
constexpr int kMaxJsonDepth = 64;

struct TooDeep : std::runtime_error {
    TooDeep() : std::runtime_error("too deep") {}
};

}  // namespace

Result<const Principal*> RequestContext::RequireCaller() const {
    if (!principal) return Fail(ErrorCode::kUnauthenticated, "this request needs a valid session");
    return &*principal;
}

Result<std::int64_t> RequestContext::PathId(std::string_view name) const {
    auto found = request.path_params.find(std::string(name));
    if (found == request.path_params.end()) {
        return Fail(ErrorCode::kInvalidArgument, std::string(name) + ": missing path parameter", std::string(name));
    }
    const std::string& text = found->second;
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value <= 0 || text.empty() || text[0] == '+') {
        return Fail(ErrorCode::kInvalidArgument, std::string(name) + ": must be a positive integer id",
                    std::string(name));
    }
    return value;
}

Result<nlohmann::json> RequestContext::JsonBody() const {
    if (request.body.empty()) return Fail(ErrorCode::kInvalidArgument, "body: a JSON object is required", "body");
    nlohmann::json value;
    try {
        value = nlohmann::json::parse(request.body, [](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
            if (depth > kMaxJsonDepth) throw TooDeep();
            return true;
        });
    } catch (const TooDeep&) {
        return Fail(ErrorCode::kInvalidArgument,
                    "body: JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels", "body");
    } catch (const nlohmann::json::parse_error& error) {
        return Fail(ErrorCode::kInvalidArgument, "body: invalid JSON at byte " + std::to_string(error.byte), "body");
    }
    if (!value.is_object()) return Fail(ErrorCode::kInvalidArgument, "body: must be a JSON object", "body");
    return value;
}

}  // namespace enshu::api
