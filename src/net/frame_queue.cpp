#include "net/frame_queue.hpp"

#include <utility>

namespace enshu::net {

FrameQueue::FrameQueue(std::size_t max_frames, std::size_t max_bytes)
    : max_frames_(max_frames), max_bytes_(max_bytes) {}

PushResult FrameQueue::Push(QueuedFrame frame) {
    const std::size_t size = frame.frame ? frame.frame->size() : 0;
    std::lock_guard lock(mutex_);
    if (closed_) return PushResult::kClosed;
    if (frame.seq == 0 && heartbeat_queued_) return PushResult::kOverflow;  // the writer stalled
    if (frames_.size() >= max_frames_ || bytes_ + size > max_bytes_) return PushResult::kOverflow;
    if (frame.seq == 0) heartbeat_queued_ = true;
    frames_.push_back(std::move(frame));
    bytes_ += size;
    if (draining_) return PushResult::kQueued;
    draining_ = true;
    return PushResult::kQueuedFirst;
}

bool FrameQueue::TakeAll(std::vector<QueuedFrame>& batch) {
    std::lock_guard lock(mutex_);
    if (frames_.empty()) {
        draining_ = false;
        return false;
    }
    batch.swap(frames_);
    bytes_ = 0;
    heartbeat_queued_ = false;
    return true;
}

std::vector<QueuedFrame> FrameQueue::TakeAll() {
    std::vector<QueuedFrame> batch;
    TakeAll(batch);
    return batch;
}

void FrameQueue::Close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    frames_.clear();
    bytes_ = 0;
}

std::size_t FrameQueue::size() const {
    std::lock_guard lock(mutex_);
    return frames_.size();
}

std::size_t FrameQueue::bytes() const {
    std::lock_guard lock(mutex_);
    return bytes_;
}

}  // namespace enshu::net
