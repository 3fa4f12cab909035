#pragma once

// Plain HTTP request/response values shared by the network layer (src/net, which
// converts from/to Beast) and the handlers (src/api). No Beast types here.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/result.hpp"
#include "live/live_event.hpp"

namespace enshu::api {

struct Request {
    std::string method;                             // "GET", "POST", ...
    std::string target;                             // as received: path and query
    std::string path;                               // percent-decoded path without the query
    std::multimap<std::string, std::string> query;  // percent-decoded query parameters
    std::map<std::string, std::string> headers;     // names lower-cased
    std::string body;
    std::string remote_address;
    std::string request_id;                          // set by the request-id middleware
    std::map<std::string, std::string> path_params;  // set by the router: {exercise_id} -> "3"

    std::optional<std::string> Header(std::string_view lower_case_name) const;
    std::optional<std::string> Cookie(std::string_view name) const;
    std::optional<std::string> QueryParam(std::string_view name) const;
};

// A live event stream the network layer opens instead of sending a body
// (GET /api/exercises/{id}/stream, see net/sse_hub.hpp).
struct StreamRequest {
    live::StreamSubscriber subscriber;
    std::optional<std::int64_t> last_event_id;  // replay what came after it; nullopt = live only
    // The session and user that opened the stream: the hub closes the stream when that
    // session ends (logout, revocation, expiry) — core/session_streams.hpp.
    std::int64_t session_id = 0;
    std::int64_t user_id = 0;
};

struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Set-Cookie, Cache-Control, ...)
    std::string body;
    // When set (status 200), the server keeps the connection open as a text/event-stream
    // for this subscriber and ignores `body`.
    std::shared_ptr<const StreamRequest> stream;

    static Response Json(const nlohmann::json& value, int status = 200);
    // {"error":{"code","message","field"}} with the status that error.code maps to;
    // 429 also carries Retry-After (error.retry_after, at least 1 second).
    static Response FromError(const Error& error);
    static Response NoContent();
    // A file download: Content-Disposition attachment with an RFC 5987 UTF-8 filename.
    static Response Download(std::string body, std::string content_type, std::string_view filename);
    // A download of exercise data (every export): Download() with the file name prefixed
    // by the exercise marking ("演習-EXERCISE_…", core/exercise_marking.hpp) and the
    // X-Exercise-Marking: EXERCISE header. The content itself is unchanged, so that the
    // importers read their own exports.
    static Response ExportDownload(std::string body, std::string content_type, std::string_view filename);
};

// The one mapping from ErrorCode to HTTP status.
int HttpStatusFor(ErrorCode code);

// Splits "a=1&b=%E3%81%82" into decoded pairs ('+' is a space).
std::multimap<std::string, std::string> ParseQuery(std::string_view query);
// Percent-decodes; returns std::nullopt for malformed escapes.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

}  // namespace enshu::api
