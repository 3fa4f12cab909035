#include "world/break_timer.hpp"

#include <spdlog/spdlog.h>

namespace enshu::world {

BreakTimer::BreakTimer(BreakService& service, std::chrono::milliseconds interval)
    : service_(service), interval_(interval) {}

BreakTimer::~BreakTimer() { Stop(); }

void BreakTimer::Start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this] { Run(); });
}

void BreakTimer::Stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void BreakTimer::Run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        const BreakTickReport report = service_.Tick(service_.NowUs());
        if (report.started > 0 || report.ended > 0) {
            spdlog::info("breaks: {} started, {} ended", report.started, report.ended);
        }
        if (!report.last_error.empty()) spdlog::warn("breaks: tick failed: {}", report.last_error);
        lock.lock();
        wake_.wait_for(lock, interval_, [this] { return stopping_; });
    }
}

}  // namespace enshu::world
