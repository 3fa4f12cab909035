#pragma once

// The engine of `enshu load` (bench/README.md): opens many SSE streams to a running
// enshu server as the participants of many organisations, on a few Asio io threads (one
// by default; not a thread per connection), records every "inject.released" frame each
// stream receives, and reports loss, duplicates, misaddressed frames, order violations
// and the delivery delay over all (stream, inject) pairs.
//
// Delay = the receiving host's system clock when the read returned, minus the frame's
// "released_at_us" (the server's system clock when the release was decided). Both
// clocks are the same clock when generator and server share a host (loopback only).
//
// Usage: Connect(), then for every release the caller triggers (through the HTTP API)
// Expect() it, then WaitForDelivery(), then Report(). Streams are not reconnected: a
// stream the server drops is counted in `dropped` and its missing frames as lost.
//
// Thread-safe: the public functions may be called from one controlling thread while the
// io threads receive; one mutex guards the records.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace enshu::net {

struct LoadStream {
    std::string session_token;  // value of the enshu_session cookie
    std::int64_t organisation_id = 0;
    std::optional<std::int64_t> last_event_id;  // sent as Last-Event-ID when set
};

struct LoadSettings {
    std::string host = "127.0.0.1";  // must be a loopback address
    unsigned short port = 8080;
    std::int64_t exercise_id = 0;
    int io_threads = 1;
    int source_addresses = 1;                            // bind streams across 127.0.0.1 .. 127.0.0.N (ephemeral ports)
    int connect_parallelism = 256;                       // streams being opened at once
    std::chrono::milliseconds connect_timeout{180'000};  // for all streams together
};

struct LoadReport {
    std::size_t streams = 0;
    std::size_t connected = 0;       // answered 200 with the stream headers
    std::size_t failed = 0;          // could not connect or were refused
    std::size_t dropped = 0;         // closed by the server after connecting
    std::uint64_t expected = 0;      // (stream, inject) pairs that should arrive
    std::uint64_t received = 0;      // of those, arrived at least once
    std::uint64_t lost = 0;          // expected - received
    std::uint64_t duplicates = 0;    // extra copies of an inject on one stream
    std::uint64_t misaddressed = 0;  // injects that arrived on a stream they were not for
    std::uint64_t out_of_order = 0;  // frames whose id was not above the stream's previous id
    std::uint64_t heartbeats = 0;
    std::size_t inject_frame_bytes = 0;  // the largest "inject.released" frame seen
    std::int64_t delay_p50_us = 0;
    std::int64_t delay_p99_us = 0;
    std::int64_t delay_max_us = 0;
    std::string first_failure;  // why the first failed stream failed
};

class LoadGenerator {
  public:
    LoadGenerator(LoadSettings settings, std::vector<LoadStream> streams);
    // Closes every stream and joins the io threads.
    ~LoadGenerator();
    LoadGenerator(const LoadGenerator&) = delete;
    LoadGenerator& operator=(const LoadGenerator&) = delete;

    // Opens every stream (connect_parallelism at a time) and returns once each answered
    // or failed. Errors: kUnavailable when any failed or the timeout passed (the message
    // counts them and quotes the first failure).
    Status Connect();
    // Declares a release: `inject_id` should reach every stream of `organisation_ids`
    // (every stream when nullopt), exactly once.
    void Expect(const std::string& inject_id, std::optional<std::vector<std::int64_t>> organisation_ids);
    // Waits until every expected pair has arrived, or the deadline; true when complete.
    bool WaitForDelivery(std::chrono::steady_clock::time_point deadline);
    LoadReport Report() const;
    // The inject ids each stream received, in arrival order (duplicates included).
    std::vector<std::vector<std::string>> ReceivedInjects() const;
    // Closes stream `index` (as a client going away); it is not counted as dropped.
    void CloseStream(std::size_t index);

    struct Impl;

  private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace enshu::net
