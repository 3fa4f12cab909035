#include "net/stop_signal.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <future>
#include <thread>

namespace enshu::net {
namespace {

using namespace std::chrono_literals;

TEST(StopSignalTest, RequestBeforeWaitReturnsAtOnce) {
    StopSignal stop;
    stop.RequestStop();
    auto waiting = std::async(std::launch::async, [&] { stop.Wait(); });
    EXPECT_EQ(waiting.wait_for(5s), std::future_status::ready);
}

TEST(StopSignalTest, RequestFromAnotherThreadEndsWait) {
    StopSignal stop;
    auto waiting = std::async(std::launch::async, [&] { stop.Wait(); });
    EXPECT_EQ(waiting.wait_for(100ms), std::future_status::timeout);
    stop.RequestStop();
    EXPECT_EQ(waiting.wait_for(5s), std::future_status::ready);
}

TEST(StopSignalTest, SigtermEndsWait) {
    StopSignal stop;
    auto waiting = std::async(std::launch::async, [&] { stop.Wait(); });
    // Give Wait() time to install its handler; without it SIGTERM would end the test
    // process, which fails the test loudly rather than passing it.
    std::this_thread::sleep_for(500ms);
    ASSERT_EQ(waiting.wait_for(0ms), std::future_status::timeout);
    std::raise(SIGTERM);
    EXPECT_EQ(waiting.wait_for(5s), std::future_status::ready);
}

}  // namespace
}  // namespace enshu::net
