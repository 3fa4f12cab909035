#include "api/live_support.hpp"

#include <algorithm>
#include <chrono>

#include "core/clock.hpp"
#include "db/database.hpp"

namespace enshu::api {
namespace {

constexpr std::string_view kExerciseExists = "SELECT 1 FROM exercise WHERE id = $1";

Status RequireMember(const RequestContext& context, const Principal& caller, std::int64_t exercise_id) {
    const auto not_found = [] { return Fail(ErrorCode::kNotFound, "no such exercise", "exercise_id"); };
    if (!caller.IsMember(exercise_id)) return not_found();
    bool exists = false;
    auto read = context.services.database.Read([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne(kExerciseExists, {exercise_id});
        if (!row) return tl::unexpected(row.error());
        exists = row->has_value();
        return Ok();
    });
    if (!read) return read;
    if (!exists) return not_found();
    return Ok();
}

}  // namespace

Result<const Principal*> RequireLiveRole(const RequestContext& context, std::int64_t exercise_id,
                                         std::initializer_list<Role> roles) {
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    if (auto member = RequireMember(context, **caller, exercise_id); !member) return tl::unexpected(member.error());
    const bool allowed = std::any_of(roles.begin(), roles.end(), [&](Role role) {
        return role == Role::kOrganiser ? (*caller)->IsOrganiser(exercise_id) : (*caller)->HasRole(exercise_id, role);
    });
    if (!allowed) return Fail(ErrorCode::kForbidden, "your role in this exercise does not allow this");
    return *caller;
}

Result<TeamMember> RequireTeamMember(const RequestContext& context, std::int64_t exercise_id) {
    auto caller = RequireLiveRole(context, exercise_id, {Role::kOrgLead, Role::kParticipant});
    if (!caller) return tl::unexpected(caller.error());
    for (const Membership& membership : (*caller)->memberships) {
        if (membership.exercise_id != exercise_id) continue;
        if (membership.role != Role::kOrgLead && membership.role != Role::kParticipant) continue;
        if (membership.organisation_id && membership.person_id) {
            return TeamMember{*membership.organisation_id, *membership.person_id};
        }
    }
    return Fail(ErrorCode::kForbidden, "you are not a member of an organisation of this exercise");
}

live::ClockService LiveServices::Clocks(RequestContext& context) const {
    live::Scheduler* scheduler_pointer = &scheduler;
    return live::ClockService(context.services.database, context.services.clock, context.services.audit, events,
                              scheduler.scenarios(), [scheduler_pointer] { scheduler_pointer->Wake(); });
}

live::ReleaseService LiveServices::Releases(RequestContext& context) const {
    return live::ReleaseService(context.services.database, context.services.clock, context.services.audit, events,
                                scheduler.scenarios());
}

live::PlayService LiveServices::Play(RequestContext& context) const {
    return live::PlayService(context.services.database, context.services.clock, context.services.audit, events,
                             scheduler.scenarios());
}

Result<LiveServices> LiveServicesOf(const RequestContext& context) {
    if (context.services.event_log == nullptr || context.services.scheduler == nullptr) {
        return Fail(ErrorCode::kUnavailable, "live play is not available on this server");
    }
    return LiveServices{*context.services.event_log, *context.services.scheduler};
}

Result<scenario::LocalisedText> ReadLocalisedText(const nlohmann::json& object, const std::string& name) {
    scenario::LocalisedText text;
    auto found = object.find(name);
    if (found == object.end() || found->is_null()) return text;
    if (!found->is_object()) return Fail(ErrorCode::kInvalidArgument, name + ": expected {\"ja\",\"en\"}", name);
    for (auto [language, target] : {std::pair{"ja", &text.ja}, std::pair{"en", &text.en}}) {
        auto member = found->find(language);
        if (member == found->end() || member->is_null()) continue;
        const std::string field = name + "." + language;
        if (!member->is_string()) return Fail(ErrorCode::kInvalidArgument, field + ": expected a string", field);
        *target = member->get<std::string>();
    }
    return text;
}

std::string TimestampText(std::int64_t us) { return FormatTimestamp(TimePoint(std::chrono::microseconds(us))); }

}  // namespace enshu::api
