#pragma once

// Long-lived streams (the live SSE streams, net/sse_hub.hpp) belong to a session. When
// the session ends they must end too, at once — a logged-out or revoked browser must
// stop receiving the exercise. Two small interfaces keep accounts and net apart:
//
// - SessionStreamCloser: implemented by the SSE hub; accounts::AccountService calls it
//   after the commit that ends sessions (logout, join-link revoke, person removal).
// - SessionValidity: implemented by accounts::AccountService; the hub asks it at
//   heartbeat time which of its streams' sessions are still valid (absolute expiry,
//   revocation by any path, disabled users) and closes the others.
//
// Both are thread-safe and called without the caller holding its own locks.

#include <cstdint>
#include <unordered_set>
#include <vector>

#include "core/result.hpp"

namespace enshu {

class SessionStreamCloser {
  public:
    virtual ~SessionStreamCloser() = default;
    // Ends every open stream of the session / of any session of the user. Returns how
    // many were closed. Idempotent; unknown ids close nothing.
    virtual std::size_t CloseStreamsOfSession(std::int64_t session_id) = 0;
    virtual std::size_t CloseStreamsOfUser(std::int64_t user_id) = 0;
};

class SessionValidity {
  public:
    virtual ~SessionValidity() = default;
    // The ids among `session_ids` whose sessions are still usable. An open stream counts
    // as activity: the sessions returned have their idle timer refreshed.
    virtual Result<std::unordered_set<std::int64_t>> ValidSessions(const std::vector<std::int64_t>& session_ids) = 0;
};

}  // namespace enshu
