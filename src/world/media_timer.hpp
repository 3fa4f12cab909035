#pragma once

// The background thread that releases scheduled media items on time: it calls
// MediaService::ReleaseDue once a second (an item is thus at most about a second late
// in wall time). Everything is in the database, so after a restart the first call
// catches up, exactly once (media_service.hpp).

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "world/media_service.hpp"

namespace enshu::world {

class MediaTimer {
  public:
    // `service` must outlive the timer.
    explicit MediaTimer(MediaService& service, std::chrono::milliseconds interval = std::chrono::milliseconds(1000));
    ~MediaTimer();  // Stop()
    MediaTimer(const MediaTimer&) = delete;
    MediaTimer& operator=(const MediaTimer&) = delete;

    // Idempotent; Stop waits for the thread.
    void Start();
    void Stop();

  private:
    void Run();

    MediaService& service_;
    const std::chrono::milliseconds interval_;
    std::mutex mutex_;  // guards stopping_ and thread_
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace enshu::world
