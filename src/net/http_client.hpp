#pragma once

// A small synchronous HTTP/1.1 client for the integration tests and the load
// generator: one keep-alive connection (reopened when the server closed it), a cookie
// jar fed by Set-Cookie, and the CSRF token sent on state-changing requests.
// No Beast types in this header. Not thread-safe: one client per thread.

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace enshu::net {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
    int status = 0;
    HeaderList headers;  // as received, in order
    std::string body;

    // First header with this name (case-insensitive).
    std::optional<std::string> Header(std::string_view name) const;
};

struct HttpClientOptions {
    std::chrono::milliseconds timeout{30000};  // per send and per receive
    std::size_t max_response_bytes = 256 * 1024 * 1024;
};

class HttpClient {
  public:
    HttpClient(std::string host, unsigned short port, HttpClientOptions options = {});
    ~HttpClient();
    HttpClient(HttpClient&&) noexcept;
    HttpClient& operator=(HttpClient&&) noexcept;

    // Sends one request and reads the response. Adds Host, Cookie (from the jar),
    // Content-Type: application/json when a body is given without one, and
    // X-CSRF-Token for POST/PATCH/PUT/DELETE once SetCsrfToken was called. A request on
    // a reused connection that the server had closed is retried once on a new one.
    // Errors: kUnavailable (connect, send, receive or timeout), naming host and port.
    Result<HttpResponse> Send(std::string_view method, std::string_view target, std::string body = {},
                              const HeaderList& headers = {});
    Result<HttpResponse> Get(std::string_view target, const HeaderList& headers = {}) {
        return Send("GET", target, {}, headers);
    }
    Result<HttpResponse> Post(std::string_view target, std::string body, const HeaderList& headers = {}) {
        return Send("POST", target, std::move(body), headers);
    }

    void SetCsrfToken(std::string token);
    void SetCookie(std::string name, std::string value);
    std::optional<std::string> Cookie(std::string_view name) const;
    // Closes the connection; the next Send opens a new one.
    void Disconnect();
    // Connections opened so far (a keep-alive check).
    int connections_opened() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace enshu::net
