#pragma once

// All time comes through a Clock so that tests can drive it (FakeClock).

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace enshu {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
  public:
    virtual ~Clock() = default;
    virtual TimePoint Now() const = 0;
};

class SystemClock final : public Clock {
  public:
    TimePoint Now() const override { return std::chrono::system_clock::now(); }
};

// A clock that only moves when told to. Thread-safe (atomic).
class FakeClock final : public Clock {
  public:
    explicit FakeClock(TimePoint start) : now_us_(ToMicros(start)) {}
    TimePoint Now() const override { return TimePoint(std::chrono::microseconds(now_us_.load())); }
    void Advance(std::chrono::microseconds by) { now_us_ += by.count(); }
    void Set(TimePoint to) { now_us_ = ToMicros(to); }

  private:
    static std::int64_t ToMicros(TimePoint t) {
        return std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
    }
    std::atomic<std::int64_t> now_us_;
};

// "2026-11-28T01:46:37.123Z": the text form of timestamps stored in the database.
std::string FormatTimestamp(TimePoint t);
// Parses FormatTimestamp's output (also without milliseconds). Returns false on bad input,
// including years outside 1900..2261 (a TimePoint cannot hold them).
bool ParseTimestamp(const std::string& text, TimePoint& out);

}  // namespace enshu
