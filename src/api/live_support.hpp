#pragma once

// Shared by the live-play handlers (live_handlers.cpp, play_handlers.cpp): the live
// services of the request, the caller's scope in the exercise, and JSON readers.

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>

#include "api/context.hpp"
#include "core/access.hpp"
#include "core/scenario.hpp"
#include "live/clock_service.hpp"
#include "live/play_service.hpp"
#include "live/release_service.hpp"
#include "live/scheduler.hpp"

namespace enshu::api {

// The caller when they have one of `roles` in the exercise (administrators count as
// organisers). kNotFound "exercise_id" when the caller is not a member (or the exercise
// does not exist), kForbidden when a member without one of the roles.
Result<const Principal*> RequireLiveRole(const RequestContext& context, std::int64_t exercise_id,
                                         std::initializer_list<Role> roles);

// The caller's own organisation and person in the exercise (org lead or participant).
struct TeamMember {
    std::int64_t organisation_id = 0;
    std::int64_t person_id = 0;
};
// kNotFound "exercise_id" when not a member; kForbidden when not an org lead or participant.
Result<TeamMember> RequireTeamMember(const RequestContext& context, std::int64_t exercise_id);

// The live services, or kUnavailable when the server runs without them.
struct LiveServices {
    live::EventLog& events;
    live::Scheduler& scheduler;
    live::ClockService Clocks(RequestContext& context) const;
    live::ReleaseService Releases(RequestContext& context) const;
    live::PlayService Play(RequestContext& context) const;
};
Result<LiveServices> LiveServicesOf(const RequestContext& context);

// {"ja":"…","en":"…"} at `name` of `object`; missing members read as "".
// kInvalidArgument naming "name", "name.ja" or "name.en" for wrong types.
Result<scenario::LocalisedText> ReadLocalisedText(const nlohmann::json& object, const std::string& name);

// "…_at" text of µs since the epoch.
std::string TimestampText(std::int64_t us);

}  // namespace enshu::api
