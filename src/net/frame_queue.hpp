#pragma once

// The bounded send queue of one live stream. The hub pushes shared frames (never
// copies them) from the publishing thread; the stream's writer takes everything
// queued at once and sends it with one gathered write.
//
// Wake-up protocol: Push answers kQueuedFirst when the writer is idle — the caller
// must then schedule one drain (the queue is now marked "draining"); while draining,
// further pushes answer kQueued and schedule nothing. The writer calls TakeAll until it
// answers an empty batch, which marks the queue idle again. So exactly one drain is
// ever scheduled or running, and no frame is left behind.
//
// Stalled writers: a heartbeat pushed while the previous heartbeat has not yet been
// taken means the writer made no progress for a whole heartbeat interval; that push
// answers kOverflow like a full queue, and the stream is dropped (it resumes by replay).
//
// Thread-safe: one mutex guards all state; no callback runs under it.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace enshu::net {

// One frame on its way to one client. seq 0 marks a heartbeat comment (sent always,
// never counted for Last-Event-ID).
struct QueuedFrame {
    std::int64_t seq = 0;
    std::shared_ptr<const std::string> frame;
};

enum class PushResult {
    kQueued,       // queued; a drain is already scheduled or running
    kQueuedFirst,  // queued; the writer was idle: schedule one drain now
    kOverflow,     // not queued: over the frame or byte bound, or the writer stalled
    kClosed,       // not queued: Close() was called
};

class FrameQueue {
  public:
    FrameQueue(std::size_t max_frames, std::size_t max_bytes);

    PushResult Push(QueuedFrame frame);
    // Moves everything queued, oldest first, into `batch` (which must be empty; its
    // capacity is reused, so a steady writer allocates nothing) and returns true (the
    // queue keeps draining); or, when nothing is queued, returns false (the queue becomes
    // idle).
    bool TakeAll(std::vector<QueuedFrame>& batch);
    // The same, returning the batch.
    std::vector<QueuedFrame> TakeAll();
    // Drops what is queued; later pushes answer kClosed.
    void Close();

    std::size_t size() const;
    std::size_t bytes() const;

  private:
    const std::size_t max_frames_;
    const std::size_t max_bytes_;
    mutable std::mutex mutex_;
    std::vector<QueuedFrame> frames_;
    std::size_t bytes_ = 0;
    bool draining_ = false;
    bool heartbeat_queued_ = false;
    bool closed_ = false;
};

}  // namespace enshu::net
