#include "api/evaluation_support.hpp"

#include <nlohmann/json.hpp>

#include "api/live_support.hpp"

namespace enshu::api {

Result<const Principal*> RequireExerciseMember(RequestContext& context, std::int64_t exercise_id) {
    return RequireLiveRole(
        context, exercise_id,
        {Role::kOrganiser, Role::kController, Role::kMinistry, Role::kObserver, Role::kOrgLead, Role::kParticipant});
}

Result<EvaluationScope> RequireEvaluationScope(RequestContext& context, EvaluationNeed need) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto organisation_id = context.PathId("organisation_id");
    if (!organisation_id) return tl::unexpected(organisation_id.error());
    auto caller = RequireExerciseMember(context, *exercise_id);
    if (!caller) return tl::unexpected(caller.error());
    auto organisation = evaluation::LoadOrganisationFacts(context.services.database, *exercise_id, *organisation_id);
    if (!organisation) return tl::unexpected(organisation.error());
    EvaluationScope scope{*caller, std::move(*organisation), evaluation::AnswerAccess::kNone};
    scope.access = evaluation::AnswerAccessOf(**caller, scope.organisation);
    if (scope.access == evaluation::AnswerAccess::kNone) {
        return Fail(ErrorCode::kNotFound, "no such organisation", "organisation_id");
    }
    if (need == EvaluationNeed::kEdit && scope.access != evaluation::AnswerAccess::kEdit) {
        return Fail(ErrorCode::kForbidden, "only the organisation's org lead may change its answers");
    }
    if (need == EvaluationNeed::kOrganiser && !(*caller)->IsOrganiser(*exercise_id)) {
        return Fail(ErrorCode::kForbidden, "only the organiser may reopen submitted answers");
    }
    return scope;
}

Response RefusalResponse(const evaluation::Refusal& refusal) {
    Response response = Response::FromError(refusal.error);
    if (refusal.problems.empty()) return response;
    nlohmann::json body = nlohmann::json::parse(response.body);
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& problem : refusal.problems)
        errors.push_back({{"field", problem.field}, {"message", problem.message}});
    body["errors"] = std::move(errors);
    return Response::Json(body, response.status);
}

}  // namespace enshu::api
