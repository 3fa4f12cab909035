#pragma once

// The set of open connections and long-lived responses of one HttpServer, so that a
// graceful shutdown can find and end them all.
//
// Hook for long-lived responses: anything that keeps a socket open beyond one request
// (the live-play SSE streams) implements Closeable, registers itself with Add() when it
// starts and calls Remove() when it ends. A stream reports Busy() == false, so Stop()
// closes it at once instead of waiting the grace period for it; clients resume with
// Last-Event-ID on another instance or after the restart.
//
// Thread-safe: one mutex guards the map and the closing flag; Close() is never called
// while that mutex is held, so a Closeable may call Remove() from inside Close().

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace enshu::net {

enum class CloseMode {
    kIfIdle,  // only if no request is in flight (Busy() is false when the close runs)
    kNow,     // regardless of a request in flight
};

class Closeable {
  public:
    virtual ~Closeable() = default;
    // True while a request on this connection is being read, handled or answered.
    virtual bool Busy() const = 0;
    // Asks the connection to close; returns at once (the close happens on the
    // connection's own executor). Safe to call more than once and from any thread.
    virtual void Close(CloseMode mode) = 0;
};

class ConnectionRegistry {
  public:
    using Id = std::uint64_t;

    // Registers a connection; std::nullopt once BeginShutdown() was called (the caller
    // then closes the connection itself).
    std::optional<Id> Add(std::weak_ptr<Closeable> connection);
    // Forgets a connection; unknown ids are ignored.
    void Remove(Id id);

    // From now on Add() refuses, and closing() is true.
    void BeginShutdown();
    bool closing() const;
    // Calls Close(mode) on every registered connection that is still alive.
    void CloseAll(CloseMode mode);
    // Waits until no connection is registered or the deadline passes; true if empty.
    bool WaitUntilEmpty(std::chrono::steady_clock::time_point deadline);
    std::size_t size() const;
    // Registered connections for which Busy() is true.
    std::size_t BusyCount() const;

  private:
    mutable std::mutex mutex_;
    std::condition_variable emptied_;
    std::map<Id, std::weak_ptr<Closeable>> connections_;
    Id next_id_ = 1;
    bool closing_ = false;
};

}  // namespace enshu::net
