#include "net/frame_queue.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace enshu::net {
namespace {

QueuedFrame Frame(std::int64_t seq, std::size_t size = 10) {
    return QueuedFrame{seq, std::make_shared<const std::string>(size, 'x')};
}

TEST(FrameQueueTest, FirstPushAsksForOneDrainUntilTheWriterFindsTheQueueEmpty) {
    FrameQueue queue(10, 1000);
    EXPECT_EQ(queue.Push(Frame(1)), PushResult::kQueuedFirst);
    EXPECT_EQ(queue.Push(Frame(2)), PushResult::kQueued);
    auto batch = queue.TakeAll();
    ASSERT_EQ(batch.size(), 2u);
    EXPECT_EQ(batch[0].seq, 1);
    EXPECT_EQ(batch[1].seq, 2);
    // Still draining (the writer has not yet seen an empty queue): no second drain.
    EXPECT_EQ(queue.Push(Frame(3)), PushResult::kQueued);
    EXPECT_EQ(queue.TakeAll().size(), 1u);
    EXPECT_TRUE(queue.TakeAll().empty());  // now idle
    EXPECT_EQ(queue.Push(Frame(4)), PushResult::kQueuedFirst);
}

TEST(FrameQueueTest, RefusesFramesOverTheFrameBound) {
    FrameQueue queue(2, 1000);
    EXPECT_EQ(queue.Push(Frame(1)), PushResult::kQueuedFirst);
    EXPECT_EQ(queue.Push(Frame(2)), PushResult::kQueued);
    EXPECT_EQ(queue.Push(Frame(3)), PushResult::kOverflow);
    EXPECT_EQ(queue.size(), 2u);
}

TEST(FrameQueueTest, RefusesFramesOverTheByteBound) {
    FrameQueue queue(100, 25);
    EXPECT_EQ(queue.Push(Frame(1, 20)), PushResult::kQueuedFirst);
    EXPECT_EQ(queue.Push(Frame(2, 6)), PushResult::kOverflow);
    EXPECT_EQ(queue.Push(Frame(3, 5)), PushResult::kQueued);
    EXPECT_EQ(queue.bytes(), 25u);
    queue.TakeAll();
    EXPECT_EQ(queue.bytes(), 0u);
}

TEST(FrameQueueTest, ASecondHeartbeatBeforeTheFirstWasTakenMeansTheWriterStalled) {
    FrameQueue queue(10, 1000);
    EXPECT_EQ(queue.Push(Frame(0)), PushResult::kQueuedFirst);
    EXPECT_EQ(queue.TakeAll().size(), 1u);  // taken: the writer is alive
    EXPECT_EQ(queue.Push(Frame(0)), PushResult::kQueued);
    EXPECT_EQ(queue.Push(Frame(0)), PushResult::kOverflow);
}

TEST(FrameQueueTest, AHeartbeatRefusedForSpaceDoesNotCountAsQueued) {
    FrameQueue queue(1, 1000);
    EXPECT_EQ(queue.Push(Frame(1)), PushResult::kQueuedFirst);
    EXPECT_EQ(queue.Push(Frame(0)), PushResult::kOverflow);
    queue.TakeAll();
    EXPECT_EQ(queue.Push(Frame(0)), PushResult::kQueued);
}

TEST(FrameQueueTest, CloseDropsTheQueueAndRefusesLaterPushes) {
    FrameQueue queue(10, 1000);
    queue.Push(Frame(1));
    queue.Close();
    EXPECT_EQ(queue.size(), 0u);
    EXPECT_EQ(queue.Push(Frame(2)), PushResult::kClosed);
    EXPECT_TRUE(queue.TakeAll().empty());
}

}  // namespace
}  // namespace enshu::net
