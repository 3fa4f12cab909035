#pragma once

// Settings the HTTP layer and handlers read; filled by app/config from flags,
// environment and the config file. Immutable after start.

#include <chrono>
#include <cstddef>
#include <string>

namespace enshu::api {

struct ServerSettings {
    std::string listen_address = "127.0.0.1";
    unsigned short port = 8080;                      // 0 = pick an ephemeral port
    int threads = 0;                                 // network threads; 0 = number of cores
    int worker_threads = 0;                          // handler/database pool; 0 = 2 x cores
    std::size_t max_body_bytes = 8 * 1024 * 1024;    // request body limit (imports are the largest)
    std::size_t max_header_bytes = 16 * 1024;
    std::chrono::seconds header_timeout{10};         // time to receive a complete request header
    std::chrono::seconds idle_timeout{60};           // keep-alive idle limit
    std::chrono::seconds shutdown_grace{10};         // drain time for in-flight requests on SIGTERM
    std::string web_root;                            // built web UI (web/dist); empty = API only
    std::string public_url;                          // base of join-link URLs; empty = http://localhost:<bound port>
    bool secure_cookies = false;                     // set the Secure attribute (behind HTTPS)
    // Live SSE streams (net/sse_hub.hpp): heartbeat comment interval, and the bound of
    // each client's send queue (a client that falls further behind is dropped and
    // resumes with Last-Event-ID).
    std::chrono::milliseconds stream_heartbeat{15000};
    std::size_t stream_queue_frames = 512;
    std::size_t stream_queue_bytes = 2 * 1024 * 1024;
};

}  // namespace enshu::api
