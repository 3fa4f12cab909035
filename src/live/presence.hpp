#pragma once

// Who is connected right now (live streams), for the controller console's progress
// view. Implemented by the SSE hub; thread-safe.

#include <cstdint>
#include <unordered_map>

namespace enshu::live {

class PresenceSource {
public:
    virtual ~PresenceSource() = default;
    // Open participant streams per organisation id of the exercise.
    virtual std::unordered_map<std::int64_t, int> OnlineParticipants(std::int64_t exercise_id) const = 0;
};

}  // namespace enshu::live
