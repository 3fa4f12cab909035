#pragma once

// The HTTP/1.1 server: Boost.Beast on C++20 coroutines. No Beast or Asio types in
// this header.
//
// - settings.threads io threads run the listener and the connections; every request
//   is handed to a separate worker pool (settings.worker_threads) because handlers
//   block on the database.
// - Keep-alive; header limit (settings.max_header_bytes, else 400); body limit
//   (settings.max_body_bytes: a larger Content-Length is answered 413 before the body
//   is read); header timeout (the whole header within settings.header_timeout) and
//   idle timeout (next request on a kept-alive connection, body and write).
// - Stop(): stop accepting, close idle connections, let in-flight requests finish for
//   up to settings.shutdown_grace, then close whatever is left (including long-lived
//   responses registered in connections(), see net/connection_registry.hpp).
//
// Thread-safe: Listen/Start/Stop are called by the owner's thread; Stop must not be
// called from an io or worker thread. The handler runs on worker threads concurrently.

#include <functional>
#include <memory>

#include "api/http.hpp"
#include "api/settings.hpp"
#include "core/metrics.hpp"
#include "core/result.hpp"
#include "net/connection_registry.hpp"

namespace enshu::net {

class SseHub;

// Answers one request; runs on a worker thread; must not throw (api::Pipeline::Handle
// does not).
using RequestHandler = std::function<api::Response(api::Request&)>;

class HttpServer {
  public:
    // `metrics` must outlive the server.
    HttpServer(api::ServerSettings settings, Metrics& metrics, RequestHandler handler);
    // Stops (gracefully) if still running.
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds settings.listen_address:settings.port and listens, without accepting yet.
    // Returns the bound port (the ephemeral one for port 0). Errors: kInvalidArgument
    // (address does not resolve), kUnavailable (cannot bind, e.g. port in use).
    Result<unsigned short> Listen();
    // Starts the io threads, the worker pool and accepting. Listen() must have succeeded.
    Status Start();
    // Graceful shutdown as described above; blocks until done. Idempotent.
    void Stop();
    // Serves responses that carry api::Response::stream as live SSE streams fed by
    // `hub` (which must outlive the server). Call before Start(); without a hub such
    // responses answer 503.
    void SetStreamHub(SseHub* hub);

    unsigned short port() const;
    ConnectionRegistry& connections();

    // Opaque state, defined in server.cpp (public only so that the connection sessions
    // there can name it).
    struct Impl;

  private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace enshu::net
