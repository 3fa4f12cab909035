#include "world/media_timer.hpp"

#include <spdlog/spdlog.h>

namespace enshu::world {

MediaTimer::MediaTimer(MediaService& service, std::chrono::milliseconds interval)
    : service_(service), interval_(interval) {}

MediaTimer::~MediaTimer() { Stop(); }

void MediaTimer::Start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this] { Run(); });
}

void MediaTimer::Stop() {
    std::thread thread;
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        thread = std::move(thread_);
    }
    wake_.notify_all();
    if (thread.joinable()) thread.join();
}

void MediaTimer::Run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        auto released = service_.ReleaseDue();
        if (!released) {
            spdlog::warn("media timer: release failed: {}", released.error().message);
        } else if (*released > 0) {
            spdlog::info("media timer: released {} scheduled media item(s)", *released);
        }
        lock.lock();
        wake_.wait_for(lock, interval_, [this] { return stopping_; });
    }
}

}  // namespace enshu::world
