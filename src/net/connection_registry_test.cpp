#include "net/connection_registry.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace enshu::net {
namespace {

// Records the close calls; closes only when idle unless told kNow, like a session.
class FakeConnection : public Closeable {
  public:
    FakeConnection(ConnectionRegistry& registry, bool busy) : registry_(registry), busy_(busy) {}
    bool Busy() const override { return busy_; }
    void Close(CloseMode mode) override {
        ++close_calls;
        if (mode == CloseMode::kNow || !busy_) {
            closed = true;
            registry_.Remove(id);  // re-entrant removal must not deadlock
        }
    }
    ConnectionRegistry& registry_;
    std::atomic<bool> busy_;
    ConnectionRegistry::Id id = 0;
    int close_calls = 0;
    bool closed = false;
};

TEST(ConnectionRegistryTest, AddRemoveAndSize) {
    ConnectionRegistry registry;
    auto a = std::make_shared<FakeConnection>(registry, false);
    auto b = std::make_shared<FakeConnection>(registry, true);
    auto id_a = registry.Add(a);
    auto id_b = registry.Add(b);
    ASSERT_TRUE(id_a && id_b);
    EXPECT_NE(*id_a, *id_b);
    EXPECT_EQ(registry.size(), 2u);
    EXPECT_EQ(registry.BusyCount(), 1u);
    registry.Remove(*id_a);
    registry.Remove(12345);
    EXPECT_EQ(registry.size(), 1u);
}

TEST(ConnectionRegistryTest, ShutdownClosesIdleFirstThenEverything) {
    ConnectionRegistry registry;
    auto idle = std::make_shared<FakeConnection>(registry, false);
    auto busy = std::make_shared<FakeConnection>(registry, true);
    idle->id = *registry.Add(idle);
    busy->id = *registry.Add(busy);

    registry.BeginShutdown();
    EXPECT_TRUE(registry.closing());
    EXPECT_FALSE(registry.Add(std::make_shared<FakeConnection>(registry, false)).has_value());

    registry.CloseAll(CloseMode::kIfIdle);
    EXPECT_TRUE(idle->closed);
    EXPECT_FALSE(busy->closed);
    EXPECT_EQ(registry.size(), 1u);
    EXPECT_FALSE(registry.WaitUntilEmpty(std::chrono::steady_clock::now() + std::chrono::milliseconds(20)));

    registry.CloseAll(CloseMode::kNow);
    EXPECT_TRUE(busy->closed);
    EXPECT_TRUE(registry.WaitUntilEmpty(std::chrono::steady_clock::now()));
}

TEST(ConnectionRegistryTest, WaitReturnsWhenAnotherThreadRemovesTheLast) {
    ConnectionRegistry registry;
    auto connection = std::make_shared<FakeConnection>(registry, true);
    auto id = *registry.Add(connection);
    std::thread remover([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        registry.Remove(id);
    });
    auto started = std::chrono::steady_clock::now();
    EXPECT_TRUE(registry.WaitUntilEmpty(started + std::chrono::seconds(10)));
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
    remover.join();
}

TEST(ConnectionRegistryTest, ExpiredConnectionsAreSkipped) {
    ConnectionRegistry registry;
    {
        auto gone = std::make_shared<FakeConnection>(registry, true);
        registry.Add(gone);
    }
    registry.CloseAll(CloseMode::kNow);  // must not crash on the expired weak_ptr
    EXPECT_EQ(registry.BusyCount(), 0u);
    EXPECT_EQ(registry.size(), 1u);
}

}  // namespace
}  // namespace enshu::net
