#pragma once

// PRIVATE to src/net: included only by net/server.cpp. It names Asio types, which the
// rest of the program never sees (ARCHITECTURE.md §5); keeping the stream in its own
// file keeps server.cpp about request/response HTTP.
//
// One live SSE stream on a connection whose request the pipeline answered with
// api::Response::stream. See net/sse_hub.hpp for the subscription protocol.

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>
#include <string>
#include <utility>  // before Asio: works around Asio 1.74 + g++ 12

#include "api/http.hpp"
#include "net/connection_registry.hpp"
#include "net/sse_hub.hpp"

namespace enshu::net {

struct SseStreamContext {
    SseHub& hub;
    ConnectionRegistry& registry;       // the stream registers itself (Busy() == false)
    boost::asio::thread_pool& workers;  // where blocking replay reads run
};

// Takes over `socket` (whose executor is the connection's strand): writes `head` (the
// response status line and headers, already serialised), subscribes to the hub,
// replays after request.last_event_id, then streams until the client goes away, the
// hub drops it (queue overflow, stalled writer) or the server shuts down. Returns at
// once; the stream lives on the socket's strand and holds no thread while it waits.
void StartSseStream(boost::asio::ip::tcp::socket socket, std::string head, const api::StreamRequest& request,
                    SseStreamContext context);

}  // namespace enshu::net
