#pragma once

// Waits for SIGINT or SIGTERM, or for RequestStop() from any thread. Keeps Asio out of
// src/app. The signal handlers are installed only while Wait() runs.
// Thread-safe: RequestStop() may be called from any thread, before or during Wait().

#include <memory>

namespace enshu::net {

class StopSignal {
  public:
    StopSignal();
    ~StopSignal();
    StopSignal(const StopSignal&) = delete;
    StopSignal& operator=(const StopSignal&) = delete;

    // Returns when a signal arrives or RequestStop() was called (also if before).
    void Wait();
    void RequestStop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace enshu::net
