#include "api/organiser_scope.hpp"

#include <string>

namespace enshu::api {

Result<const Principal*> RequireOrganiserOf(const RequestContext& context, std::int64_t exercise_id) {
    auto caller = context.RequireCaller();
    if (!caller) return caller;
    const Principal& principal = **caller;
    if (principal.IsOrganiser(exercise_id)) return caller;
    if (!principal.IsMember(exercise_id)) {
        return Fail(ErrorCode::kNotFound, "exercise_id: no exercise " + std::to_string(exercise_id), "exercise_id");
    }
    return Fail(ErrorCode::kForbidden, "exercise_id: only organisers of this exercise may do this", "exercise_id");
}

}  // namespace enshu::api
