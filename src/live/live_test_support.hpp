#pragma once

// Test fixture for src/live tests: the exercise fixture (migrated in-memory database,
// fake clock, audit log, exercise with an organiser) plus a recording EventSink and an
// in-memory ScenarioSource. Included by *_test.cpp only.

#include <mutex>
#include <utility>
#include <vector>

#include "exercise/exercise_test_support.hpp"
#include "live/live_event.hpp"

namespace enshu::live::testing {

// Records every published event; thread-safe.
class RecordingSink final : public EventSink {
  public:
    void Publish(std::shared_ptr<const LiveEvent> event, std::shared_ptr<const std::string> frame) override {
        std::lock_guard lock(mutex_);
        published_.emplace_back(std::move(event), std::move(frame));
    }
    std::vector<std::pair<std::shared_ptr<const LiveEvent>, std::shared_ptr<const std::string>>> Published() const {
        std::lock_guard lock(mutex_);
        return published_;
    }
    std::size_t Count() const {
        std::lock_guard lock(mutex_);
        return published_.size();
    }

  private:
    mutable std::mutex mutex_;
    std::vector<std::pair<std::shared_ptr<const LiveEvent>, std::shared_ptr<const std::string>>> published_;
};

}  // namespace enshu::live::testing
