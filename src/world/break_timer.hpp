#pragma once

// The background thread that starts and ends breaks on time (world/break_service.hpp):
// it calls BreakService::Tick once a second. A break is thus at most a second late; a
// break scheduled for "now" is started by the request itself. Everything is in the
// database, so after a restart the first tick catches up (exactly once).

#include <condition_variable>
#include <mutex>
#include <thread>

#include "world/break_service.hpp"

namespace enshu::world {

class BreakTimer {
  public:
    // `service` must outlive the timer.
    explicit BreakTimer(BreakService& service, std::chrono::milliseconds interval = std::chrono::milliseconds(1000));
    ~BreakTimer();  // Stop()
    BreakTimer(const BreakTimer&) = delete;
    BreakTimer& operator=(const BreakTimer&) = delete;

    // Idempotent; Stop waits for the thread.
    void Start();
    void Stop();

  private:
    void Run();

    BreakService& service_;
    const std::chrono::milliseconds interval_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace enshu::world
