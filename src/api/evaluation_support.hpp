#pragma once

// Shared by the evaluation handlers (evaluation_handlers.cpp, evaluation_sheet_handlers.cpp,
// evaluation_admin_handlers.cpp): the caller's scope on one organisation's instruments,
// and how a refused save is answered.

#include <cstdint>

#include "api/context.hpp"
#include "evaluation/evaluation_access.hpp"
#include "evaluation/evaluation_support.hpp"

namespace enshu::api {

struct EvaluationScope {
    const Principal* caller = nullptr;
    evaluation::OrganisationFacts organisation;
    evaluation::AnswerAccess access = evaluation::AnswerAccess::kNone;
};

enum class EvaluationNeed { kRead, kEdit, kOrganiser };

// The organisation of the path when the caller may `need` it: kNotFound ("exercise_id"
// or "organisation_id") when out of scope, kForbidden when in scope but not allowed
// (a participant editing, an org lead reopening).
Result<EvaluationScope> RequireEvaluationScope(RequestContext& context, EvaluationNeed need);

// The caller when a member of the exercise of the path (kNotFound otherwise).
Result<const Principal*> RequireExerciseMember(RequestContext& context, std::int64_t exercise_id);

// {"error":{code,message,field},"errors":[{field,message}]} with the status of the code.
Response RefusalResponse(const evaluation::Refusal& refusal);

}  // namespace enshu::api
