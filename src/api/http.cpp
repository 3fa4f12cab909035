#include "api/http.hpp"

#include "core/exercise_marking.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace enshu::api {

namespace {

std::string_view Trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// RFC 5987 attr-char: everything else is percent-encoded.
bool IsAttrChar(unsigned char c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
    switch (c) {
        case '!':
        case '#':
        case '$':
        case '&':
        case '+':
        case '-':
        case '.':
        case '^':
        case '_':
        case '`':
        case '|':
        case '~':
            return true;
        default:
            return false;
    }
}

// The filename for the plain `filename="..."` parameter: printable ASCII only, without
// quotes, backslashes or path separators; other bytes become '_'.
std::string AsciiFallbackFilename(std::string_view filename) {
    std::string fallback;
    fallback.reserve(filename.size());
    bool in_non_ascii = false;
    for (unsigned char c : filename) {
        if (c >= 0x80) {
            // One '_' per run of non-ASCII bytes keeps "報告書.csv" readable as "_.csv".
            if (!in_non_ascii) fallback.push_back('_');
            in_non_ascii = true;
            continue;
        }
        in_non_ascii = false;
        if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c == '/') {
            fallback.push_back('_');
        } else {
            fallback.push_back(static_cast<char>(c));
        }
    }
    if (fallback.empty()) fallback = "download";
    return fallback;
}

std::string Rfc5987Encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string encoded;
    encoded.reserve(text.size() * 3);
    for (unsigned char c : text) {
        if (IsAttrChar(c)) {
            encoded.push_back(static_cast<char>(c));
        } else {
            encoded.push_back('%');
            encoded.push_back(kHex[c >> 4]);
            encoded.push_back(kHex[c & 0x0f]);
        }
    }
    return encoded;
}

}  // namespace

std::optional<std::string> Request::Header(std::string_view lower_case_name) const {
    auto found = headers.find(std::string(lower_case_name));
    if (found == headers.end()) return std::nullopt;
    return found->second;
}

std::optional<std::string> Request::Cookie(std::string_view name) const {
    auto header = headers.find("cookie");
    if (header == headers.end()) return std::nullopt;
    std::string_view rest = header->second;
    while (!rest.empty()) {
        std::size_t end = rest.find(';');
        std::string_view pair = Trim(rest.substr(0, end));
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        std::size_t equals = pair.find('=');
        if (equals == std::string_view::npos) continue;
        if (Trim(pair.substr(0, equals)) != name) continue;
        std::string_view value = Trim(pair.substr(equals + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
            value = value.substr(1, value.size() - 2);
        }
        return std::string(value);
    }
    return std::nullopt;
}

std::optional<std::string> Request::QueryParam(std::string_view name) const {
    auto found = query.find(std::string(name));
    if (found == query.end()) return std::nullopt;
    return found->second;
}

Response Response::Json(const nlohmann::json& value, int status) {
    Response response;
    response.status = status;
    // Invalid UTF-8 in stored text must not turn a response into an exception.
    response.body = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return response;
}

Response Response::FromError(const Error& error) {
    nlohmann::json body = {
        {"error",
         {{"code", std::string(ErrorCodeName(error.code))}, {"message", error.message}, {"field", error.field}}}};
    Response response = Json(body, HttpStatusFor(error.code));
    // Every 429 says when to come back (RFC 9110 §10.2.3), in whole seconds.
    if (error.code == ErrorCode::kRateLimited) {
        const auto seconds = std::max<std::int64_t>(1, error.retry_after.count());
        response.headers.emplace_back("Retry-After", std::to_string(seconds));
    }
    return response;
}

Response Response::NoContent() {
    Response response;
    response.status = 204;
    response.content_type.clear();
    return response;
}

Response Response::ExportDownload(std::string body, std::string content_type, std::string_view filename) {
    std::string marked(kExerciseMarkingFilePrefix);
    marked += filename.empty() ? std::string_view("export") : filename;
    Response response = Download(std::move(body), std::move(content_type), marked);
    response.headers.emplace_back("X-Exercise-Marking", std::string(kExerciseMarkingHeaderValue));
    return response;
}

Response Response::Download(std::string body, std::string content_type, std::string_view filename) {
    Response response;
    response.status = 200;
    response.content_type = std::move(content_type);
    response.body = std::move(body);
    response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + AsciiFallbackFilename(filename) +
                                                             "\"; filename*=UTF-8''" + Rfc5987Encode(filename));
    return response;
}

int HttpStatusFor(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidArgument:
            return 400;
        case ErrorCode::kUnauthenticated:
            return 401;
        case ErrorCode::kForbidden:
            return 403;
        case ErrorCode::kCsrf:
            return 403;
        case ErrorCode::kNotFound:
            return 404;
        case ErrorCode::kConflict:
            return 409;
        case ErrorCode::kPayloadTooLarge:
            return 413;
        case ErrorCode::kUnprocessable:
            return 422;
        case ErrorCode::kRateLimited:
            return 429;
        case ErrorCode::kUnavailable:
            return 503;
        case ErrorCode::kInternal:
            return 500;
    }
    return 500;
}

std::multimap<std::string, std::string> ParseQuery(std::string_view query) {
    std::multimap<std::string, std::string> parameters;
    while (!query.empty()) {
        std::size_t end = query.find('&');
        std::string_view pair = query.substr(0, end);
        query = end == std::string_view::npos ? std::string_view() : query.substr(end + 1);
        if (pair.empty()) continue;
        std::size_t equals = pair.find('=');
        std::string_view raw_name = pair.substr(0, equals);
        std::string_view raw_value = equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1);
        auto name = PercentDecode(raw_name, true);
        auto value = PercentDecode(raw_value, true);
        // Pairs with malformed escapes are dropped; the pipeline rejects such queries first.
        if (!name || !value || name->empty()) continue;
        parameters.emplace(std::move(*name), std::move(*value));
    }
    return parameters;
}

std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
    std::string decoded;
    decoded.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;
            int high = HexValue(text[i + 1]);
            int low = HexValue(text[i + 2]);
            if (high < 0 || low < 0) return std::nullopt;
            decoded.push_back(static_cast<char>(high * 16 + low));
            i += 2;
        } else if (c == '+' && plus_is_space) {
            decoded.push_back(' ');
        } else {
            decoded.push_back(c);
        }
    }
    return decoded;
}

}  // namespace enshu::api
