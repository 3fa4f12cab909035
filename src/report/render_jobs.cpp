#include "report/render_jobs.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

namespace enshu::report {

struct RenderJobs::Job {
    JobStatus status;
    std::int64_t user_id = 0;
    std::shared_ptr<const std::string> bytes;
    std::chrono::steady_clock::time_point changed_at = std::chrono::steady_clock::now();
};

RenderJobs& RenderJobs::Shared() {
    static RenderJobs jobs;
    return jobs;
}

Status RenderJobs::Start(std::string_view key, std::int64_t user_id, std::int64_t exercise_id, std::string format) {
    if (key.size() < 16 || key.size() > 64 || !std::all_of(key.begin(), key.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
        })) {
        return Fail(ErrorCode::kInvalidArgument, "key: 16..64 letters, digits, '-' or '_'", "key");
    }
    std::lock_guard lock(mutex_);
    DropExpired();
    if (jobs_.count(key)) return Fail(ErrorCode::kConflict, "key: a render with this key exists", "key");
    const auto running = std::count_if(
        jobs_.begin(), jobs_.end(), [](const auto& entry) { return entry.second->status.state == JobState::kRunning; });
    if (static_cast<std::size_t>(running) >= kMaxRunning) {
        // A render takes about 0.2 s (HTML, XLSX, CSV) to 3 s (PDF): ask for a retry after that.
        return FailRateLimited("too many reports are being rendered; retry in a moment", std::chrono::seconds(3),
                               "format");
    }
    auto job = std::make_shared<Job>();
    job->status.key = std::string(key);
    job->status.exercise_id = exercise_id;
    job->status.stage = "loading";
    job->status.format = std::move(format);
    job->user_id = user_id;
    jobs_.emplace(std::string(key), std::move(job));
    return Ok();
}

void RenderJobs::Progress(std::string_view key, std::string_view stage, int percent) {
    std::lock_guard lock(mutex_);
    auto found = jobs_.find(key);
    if (found == jobs_.end()) return;
    found->second->status.stage = std::string(stage);
    found->second->status.percent = std::clamp(percent, 0, 100);
    found->second->changed_at = std::chrono::steady_clock::now();
}

void RenderJobs::Finish(std::string_view key, std::string filename, std::string content_type, std::string bytes) {
    std::lock_guard lock(mutex_);
    auto found = jobs_.find(key);
    if (found == jobs_.end()) return;
    Job& job = *found->second;
    job.status.state = JobState::kDone;
    job.status.stage = "done";
    job.status.percent = 100;
    job.status.filename = std::move(filename);
    job.status.content_type = std::move(content_type);
    job.status.size = bytes.size();
    job.bytes = std::make_shared<const std::string>(std::move(bytes));
    job.changed_at = std::chrono::steady_clock::now();
    DropExpired();
}

void RenderJobs::MarkFailed(std::string_view key, Error error) {
    std::lock_guard lock(mutex_);
    auto found = jobs_.find(key);
    if (found == jobs_.end()) return;
    found->second->status.state = JobState::kFailed;
    found->second->status.stage = "failed";
    found->second->status.error = std::move(error);
    found->second->changed_at = std::chrono::steady_clock::now();
}

Result<JobStatus> RenderJobs::StatusOf(std::string_view key, std::int64_t user_id, std::int64_t exercise_id) const {
    std::lock_guard lock(mutex_);
    auto found = jobs_.find(key);
    if (found == jobs_.end() || found->second->user_id != user_id || found->second->status.exercise_id != exercise_id) {
        return Fail(ErrorCode::kNotFound, "no such render", "key");
    }
    return found->second->status;
}

Result<JobFile> RenderJobs::File(std::string_view key, std::int64_t user_id, std::int64_t exercise_id) const {
    std::lock_guard lock(mutex_);
    auto found = jobs_.find(key);
    if (found == jobs_.end() || found->second->user_id != user_id || found->second->status.exercise_id != exercise_id) {
        return Fail(ErrorCode::kNotFound, "no such render", "key");
    }
    const Job& job = *found->second;
    if (job.status.state != JobState::kDone) return Fail(ErrorCode::kConflict, "the render is not finished", "key");
    return JobFile{job.status.filename, job.status.content_type, job.bytes};
}

// Caller holds mutex_. Drops finished renders older than kRetention, then the oldest
// finished ones while over kMaxJobs or kMaxBytes.
void RenderJobs::DropExpired() {
    const auto now = std::chrono::steady_clock::now();
    for (auto it = jobs_.begin(); it != jobs_.end();) {
        const bool finished = it->second->status.state != JobState::kRunning;
        it = finished && now - it->second->changed_at > kRetention ? jobs_.erase(it) : std::next(it);
    }
    const auto total_bytes = [&] {
        std::size_t total = 0;
        for (const auto& [key, job] : jobs_) total += job->bytes ? job->bytes->size() : 0;
        return total;
    };
    while (jobs_.size() > kMaxJobs || total_bytes() > kMaxBytes) {
        auto oldest = jobs_.end();
        for (auto it = jobs_.begin(); it != jobs_.end(); ++it) {
            if (it->second->status.state == JobState::kRunning) continue;
            if (oldest == jobs_.end() || it->second->changed_at < oldest->second->changed_at) oldest = it;
        }
        if (oldest == jobs_.end()) break;
        jobs_.erase(oldest);
    }
}

}  // namespace enshu::report
