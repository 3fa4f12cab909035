// Exercises: GET/POST /api/exercises, GET/PATCH /api/exercises/{exercise_id}.
// The logic lives in exercise::ExerciseService.

#include <nlohmann/json.hpp>

#include "api/actor.hpp"
#include "api/feature_support.hpp"
#include "api/handlers.hpp"
#include "exercise/exercise_input.hpp"
#include "exercise/exercise_service.hpp"

namespace enshu::api {
namespace {

exercise::ExerciseService ServiceOf(RequestContext& context) {
    return exercise::ExerciseService(context.services.database, context.services.clock, context.services.audit);
}

}  // namespace

Result<Response> HandleListExercises(RequestContext& context) {
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    auto views = ServiceOf(context).List(**caller);
    if (!views) return tl::unexpected(views.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& view : *views) items.push_back(exercise::ExerciseJson(view));
    auto page = PagedList(context, items);
    if (!page) return tl::unexpected(page.error());
    return Response::Json(*page);
}

Result<Response> HandleCreateExercise(RequestContext& context) {
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    if (!(*caller)->is_admin) return Fail(ErrorCode::kForbidden, "only administrators may create exercises");
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = exercise::ParseExerciseInput(*body, exercise::InputMode::kCreate);
    if (!input) return tl::unexpected(input.error());
    auto view = ServiceOf(context).Create(**caller, ActorOf(context), *input);
    if (!view) return tl::unexpected(view.error());
    return Response::Json(exercise::ExerciseJson(*view), 201);
}

Result<Response> HandleGetExercise(RequestContext& context) {
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto view = ServiceOf(context).Get(**caller, *exercise_id);
    if (!view) return tl::unexpected(view.error());
    return Response::Json(exercise::ExerciseJson(*view));
}

Result<Response> HandleUpdateExercise(RequestContext& context) {
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = exercise::ParseExerciseInput(*body, exercise::InputMode::kUpdate);
    if (!input) return tl::unexpected(input.error());
    auto view = ServiceOf(context).Update(**caller, ActorOf(context), *exercise_id, *input);
    if (!view) return tl::unexpected(view.error());
    return Response::Json(exercise::ExerciseJson(*view));
}

}  // namespace enshu::api
