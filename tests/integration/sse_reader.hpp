#pragma once

// A blocking SSE client for the stream tests: one TCP connection to 127.0.0.1 that
// sends GET /api/exercises/{id}/stream with a session cookie (and Last-Event-ID), then
// reads frames one at a time with a timeout. A small receive buffer can be asked for,
// to play a client that cannot keep up.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace enshu::testing {

struct SseFrame {
    std::int64_t id = 0;  // 0 when the frame has no id (comments)
    std::string event;    // "" for comments
    std::string data;     // the data line
    std::string comment;  // ": heartbeat" -> "heartbeat"
};

class SseReader {
  public:
    // receive_buffer_bytes > 0 sets SO_RCVBUF before connecting.
    SseReader(unsigned short port, std::int64_t exercise_id, const std::string& session_token,
              std::optional<std::int64_t> last_event_id = std::nullopt, int receive_buffer_bytes = 0);
    ~SseReader();
    SseReader(const SseReader&) = delete;
    SseReader& operator=(const SseReader&) = delete;

    // Reads the response head (waits up to `timeout`); returns the status code (0 when
    // none arrived). The head stays in head().
    int ReadHead(std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));
    const std::string& head() const { return head_; }
    // The next frame, or nullopt on timeout or when the server closed (closed() says).
    std::optional<SseFrame> Next(std::chrono::milliseconds timeout);
    // The next frame with an event name (skips comments and retry lines).
    std::optional<SseFrame> NextEvent(std::chrono::milliseconds timeout);
    bool closed() const { return closed_; }
    void Close();

  private:
    bool Fill(std::chrono::steady_clock::time_point deadline);

    int fd_ = -1;
    std::string buffer_;
    std::string head_;
    bool closed_ = false;
};

}  // namespace enshu::testing
