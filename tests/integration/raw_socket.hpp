#pragma once

// A blocking TCP connection to 127.0.0.1 for sending deliberately incomplete or
// hostile requests that HttpClient would never produce.

#include <string>
#include <string_view>

namespace enshu::testing {

class RawSocket {
  public:
    explicit RawSocket(unsigned short port);
    ~RawSocket();
    RawSocket(const RawSocket&) = delete;
    RawSocket& operator=(const RawSocket&) = delete;

    bool connected() const { return connected_; }
    bool Send(std::string_view data);
    // Reads until the peer closes or 5 s pass without data; `closed` tells which.
    std::string ReadUntilClosed(bool* closed = nullptr);

  private:
    int fd_ = -1;
    bool connected_ = false;
};

}  // namespace enshu::testing
