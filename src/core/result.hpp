#pragma once

// Result<T>: the value of an operation that can fail in an expected way.
// Expected failures (bad input, missing rows, forbidden access) are values;
// exceptions are reserved for bugs and for library boundaries.

#include <chrono>
#include <string>
#include <string_view>
#include <utility>

#include <tl/expected.hpp>

namespace enshu {

// One code per kind of failure. api/error_mapping.cpp maps each to one HTTP status.
enum class ErrorCode {
    kInvalidArgument,  // 400: the input named in Error::field is malformed.
    kUnauthenticated,  // 401: no valid session.
    kForbidden,        // 403: the caller's role or scope does not allow this.
    kCsrf,             // 403: state-changing request without a matching CSRF token.
    kNotFound,         // 404: no such resource in the caller's scope.
    kConflict,         // 409: violates a uniqueness or state rule.
    kPayloadTooLarge,  // 413: an input exceeds its documented size limit.
    kUnprocessable,    // 422: well-formed but rejected (e.g. import with bad rows).
    kRateLimited,      // 429: too many attempts; retry later.
    kUnavailable,      // 503: a dependency (database) is not reachable.
    kInternal,         // 500: a bug or an unexpected library failure.
};

// Error carries the input that failed: `field` names it (a JSON member, a query
// parameter, a CSV column), `message` says what is wrong with it in English for logs
// and API clients; the UI translates by `code` + `field` where it needs to.
// kRateLimited errors also say when to retry: retry_after (whole seconds, rounded up,
// at least 1) becomes the HTTP Retry-After header (api/http.cpp); 0 = not known.
struct Error {
    ErrorCode code = ErrorCode::kInternal;
    std::string message;
    std::string field;
    std::chrono::seconds retry_after{0};
};

template <typename T>
using Result = tl::expected<T, Error>;

// Status is Result<void>: success carries nothing.
using Status = Result<void>;

inline tl::unexpected<Error> Fail(ErrorCode code, std::string message, std::string field = {}) {
    return tl::unexpected<Error>(Error{code, std::move(message), std::move(field)});
}

inline Status Ok() { return {}; }

// kRateLimited that may be retried after `wait` (rounded up to whole seconds, >= 1).
inline tl::unexpected<Error> FailRateLimited(std::string message, std::chrono::nanoseconds wait,
                                             std::string field = {}) {
    auto seconds = std::chrono::ceil<std::chrono::seconds>(wait);
    if (seconds < std::chrono::seconds(1)) seconds = std::chrono::seconds(1);
    return tl::unexpected<Error>(Error{ErrorCode::kRateLimited, std::move(message), std::move(field), seconds});
}

// Stable lower-case name of a code, used in JSON error bodies ("invalid_argument").
std::string_view ErrorCodeName(ErrorCode code);

}  // namespace enshu
