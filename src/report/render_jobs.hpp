#pragma once

// Report renders that a browser follows while they run (docs/api.md "Results report"):
// the client names a render with its own random key, starts it with one request
// (which returns when the file is ready) and polls the stage from another. Results are
// kept in memory for kRetention, at most kMaxJobs renders and kMaxBytes bytes in all;
// the oldest finished ones are dropped first. Each render belongs to the user who
// started it. Thread-safe: one mutex guards the table (renders themselves run outside it).

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace enshu::report {

enum class JobState { kRunning, kDone, kFailed };

struct JobStatus {
    std::string key;
    std::int64_t exercise_id = 0;
    JobState state = JobState::kRunning;
    std::string stage;  // loading | building | rendering | done | failed
    int percent = 0;
    std::string format;
    std::string filename;
    std::string content_type;
    std::size_t size = 0;
    Error error;  // when kFailed
};

struct JobFile {
    std::string filename;
    std::string content_type;
    std::shared_ptr<const std::string> bytes;
};

class RenderJobs {
  public:
    static constexpr std::size_t kMaxJobs = 32;
    static constexpr std::size_t kMaxBytes = 256 * 1024 * 1024;
    static constexpr std::chrono::minutes kRetention{15};
    static constexpr std::size_t kMaxRunning = 4;

    // The process-wide table.
    static RenderJobs& Shared();

    // Registers a running render. kInvalidArgument "key" unless 16..64 of [A-Za-z0-9_-];
    // kConflict when the key exists; kRateLimited when kMaxRunning renders already run.
    Status Start(std::string_view key, std::int64_t user_id, std::int64_t exercise_id, std::string format);
    void Progress(std::string_view key, std::string_view stage, int percent);
    void Finish(std::string_view key, std::string filename, std::string content_type, std::string bytes);
    void MarkFailed(std::string_view key, Error error);
    // kNotFound "key" unless the render exists, belongs to `user_id` and to `exercise_id`.
    Result<JobStatus> StatusOf(std::string_view key, std::int64_t user_id, std::int64_t exercise_id) const;
    // As StatusOf; kConflict while running or failed.
    Result<JobFile> File(std::string_view key, std::int64_t user_id, std::int64_t exercise_id) const;

  private:
    struct Job;
    void DropExpired();

    mutable std::mutex mutex_;
    std::map<std::string, std::shared_ptr<Job>, std::less<>> jobs_;
};

}  // namespace enshu::report
