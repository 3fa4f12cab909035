#include "sse_reader.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace enshu::testing {

SseReader::SseReader(unsigned short port, std::int64_t exercise_id, const std::string& session_token,
                     std::optional<std::int64_t> last_event_id, int receive_buffer_bytes)
    : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    if (receive_buffer_bytes > 0) {
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receive_buffer_bytes, sizeof(receive_buffer_bytes));
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
        closed_ = true;
        return;
    }
    std::string request = "GET /api/exercises/" + std::to_string(exercise_id) +
                          "/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n";
    if (!session_token.empty()) request += "Cookie: enshu_session=" + session_token + "\r\n";
    if (last_event_id) request += "Last-Event-ID: " + std::to_string(*last_event_id) + "\r\n";
    request += "\r\n";
    if (::send(fd_, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) {
        closed_ = true;
    }
}

SseReader::~SseReader() { Close(); }

void SseReader::Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

bool SseReader::Fill(std::chrono::steady_clock::time_point deadline) {
    if (closed_ || fd_ < 0) return false;
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd waiting{fd_, POLLIN, 0};
    if (::poll(&waiting, 1, static_cast<int>(left.count())) <= 0) return false;
    char chunk[16384];
    const ssize_t received = ::recv(fd_, chunk, sizeof(chunk), 0);
    if (received <= 0) {
        closed_ = true;
        return false;
    }
    buffer_.append(chunk, static_cast<std::size_t>(received));
    return true;
}

int SseReader::ReadHead(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::size_t end = std::string::npos;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
        if (!Fill(deadline)) return 0;
    }
    head_ = buffer_.substr(0, end + 4);
    buffer_.erase(0, end + 4);
    if (head_.size() < 12) return 0;
    return std::stoi(head_.substr(9, 3));
}

std::optional<SseFrame> SseReader::Next(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::size_t end = std::string::npos;
    while ((end = buffer_.find("\n\n")) == std::string::npos) {
        if (!Fill(deadline)) return std::nullopt;
    }
    const std::string text = buffer_.substr(0, end);
    buffer_.erase(0, end + 2);
    SseFrame frame;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t line_end = text.find('\n', start);
        if (line_end == std::string::npos) line_end = text.size();
        const std::string line = text.substr(start, line_end - start);
        if (line.rfind("id: ", 0) == 0) frame.id = std::stoll(line.substr(4));
        if (line.rfind("event: ", 0) == 0) frame.event = line.substr(7);
        if (line.rfind("data: ", 0) == 0) frame.data = line.substr(6);
        if (line.rfind(": ", 0) == 0) frame.comment = line.substr(2);
        start = line_end + 1;
    }
    return frame;
}

std::optional<SseFrame> SseReader::NextEvent(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return std::nullopt;
        auto frame = Next(left);
        if (!frame) return std::nullopt;
        if (!frame->event.empty()) return frame;
    }
}

}  // namespace enshu::testing
