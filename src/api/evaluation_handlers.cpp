// Readiness survey, verification objectives and notices of one organisation
// (docs/api.md "Evaluation instruments"). Logic: src/evaluation.

#include "api/evaluation_handlers.hpp"

#include <nlohmann/json.hpp>

#include "api/actor.hpp"
#include "api/evaluation_support.hpp"
#include "evaluation/notices.hpp"
#include "evaluation/readiness_survey.hpp"
#include "evaluation/verification_objectives.hpp"

namespace enshu::api {
namespace {

constexpr std::size_t kMaxKeyBytes = 200;
constexpr std::size_t kMaxCodeBytes = 64;

Result<evaluation::ReadinessPart> PartOfPath(const RequestContext& context) {
    auto found = context.request.path_params.find("part");
    if (found != context.request.path_params.end()) {
        if (auto part = evaluation::ParseReadinessPart(found->second)) return *part;
    }
    return Fail(ErrorCode::kNotFound, "no such readiness part (before or day_of)", "part");
}

Result<std::map<std::string, std::string>> ParseAnswers(const nlohmann::json& body) {
    std::map<std::string, std::string> answers;
    auto found = body.find("answers");
    if (found == body.end() || found->is_null()) return answers;
    if (!found->is_object()) return Fail(ErrorCode::kInvalidArgument, "answers: expected an object", "answers");
    for (const auto& [item, code] : found->items()) {
        const std::string field = "answers." + item;
        if (item.size() > kMaxKeyBytes)
            return Fail(ErrorCode::kInvalidArgument, "answers: item id too long", "answers");
        if (code.is_null()) continue;  // unanswered
        if (!code.is_string() || code.get<std::string>().size() > kMaxCodeBytes) {
            return Fail(ErrorCode::kInvalidArgument, field + ": expected an option code", field);
        }
        if (!code.get<std::string>().empty()) answers[item] = code.get<std::string>();
    }
    return answers;
}

bool IsOwnOrganisation(const EvaluationScope& scope) {
    for (const Membership& membership : scope.caller->memberships) {
        if (membership.exercise_id == scope.organisation.exercise_id &&
            (membership.role == Role::kOrgLead || membership.role == Role::kParticipant) &&
            membership.organisation_id == scope.organisation.id) {
            return true;
        }
    }
    return false;
}

std::optional<std::int64_t> UserOf(const EvaluationScope& scope) { return scope.caller->user_id; }

Result<Response> SaveReadiness(RequestContext& context, evaluation::SaveMode mode) {
    auto scope = RequireEvaluationScope(context, EvaluationNeed::kEdit);
    if (!scope) return tl::unexpected(scope.error());
    auto part = PartOfPath(context);
    if (!part) return tl::unexpected(part.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto answers = ParseAnswers(*body);
    if (!answers) return tl::unexpected(answers.error());
    evaluation::ReadinessService service(context.services.database, context.services.clock, context.services.audit);
    auto saved = service.Save(scope->organisation, *part, *answers, mode, UserOf(*scope), ActorOf(context));
    if (!saved) return RefusalResponse(saved.error());
    return Response::Json(evaluation::ReadinessJson(*saved, context.services.clock.Now()));
}

Result<evaluation::ObjectivesInput> ParseObjectives(const nlohmann::json& body) {
    evaluation::ObjectivesInput input;
    if (auto standard = body.find("standard"); standard != body.end() && !standard->is_null()) {
        if (!standard->is_array() || standard->size() > 50) {
            return Fail(ErrorCode::kInvalidArgument, "standard: expected an array of objective numbers", "standard");
        }
        for (std::size_t i = 0; i < standard->size(); ++i) {
            const auto& value = (*standard)[i];
            const std::string field = "standard[" + std::to_string(i) + "]";
            if (!value.is_number_integer())
                return Fail(ErrorCode::kInvalidArgument, field + ": expected a number", field);
            input.standard.push_back(static_cast<int>(std::clamp<std::int64_t>(value.get<std::int64_t>(), -1, 100)));
        }
    }
    if (auto own = body.find("own"); own != body.end() && !own->is_null()) {
        if (!own->is_array() || own->size() > 100) {
            return Fail(ErrorCode::kInvalidArgument, "own: expected an array of own objectives", "own");
        }
        for (std::size_t i = 0; i < own->size(); ++i) {
            const auto& entry = (*own)[i];
            const std::string prefix = "own[" + std::to_string(i) + "]";
            if (!entry.is_object()) return Fail(ErrorCode::kInvalidArgument, prefix + ": expected an object", prefix);
            evaluation::OwnObjectiveInput parsed;
            auto text = entry.find("text");
            if (text == entry.end() || !text->is_string()) {
                return Fail(ErrorCode::kInvalidArgument, prefix + ".text: a string is required", prefix + ".text");
            }
            parsed.text = text->get<std::string>();
            if (auto index = entry.find("index"); index != entry.end() && !index->is_null()) {
                if (!index->is_number_integer() || index->get<std::int64_t>() < 1 ||
                    index->get<std::int64_t>() > 1000) {
                    return Fail(ErrorCode::kInvalidArgument, prefix + ".index: expected a positive number",
                                prefix + ".index");
                }
                parsed.index = static_cast<int>(index->get<std::int64_t>());
            }
            input.own.push_back(std::move(parsed));
        }
    }
    return input;
}

nlohmann::json ObjectivesJson(const std::vector<evaluation::ChosenObjective>& chosen,
                              const evaluation::InstrumentWindow& window, TimePoint now) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& objective : chosen) items.push_back(evaluation::ChosenObjectiveJson(objective));
    const auto optional = [](const std::optional<std::string>& text) {
        return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
    };
    return {{"items", items},
            {"window",
             {{"opens_at", optional(window.opens_at)},
              {"closes_at", optional(window.closes_at)},
              {"open", evaluation::IsWindowOpen(window, now)}}}};
}

Result<evaluation::InstrumentWindow> ObjectivesWindow(RequestContext& context, std::int64_t exercise_id) {
    evaluation::InstrumentWindow window;
    auto read = context.services.database.Read([&](db::Connection& connection) -> Status {
        auto loaded = evaluation::LoadWindow(connection, exercise_id, evaluation::Instrument::kObjectives);
        if (!loaded) return tl::unexpected(loaded.error());
        window = *loaded;
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return window;
}

}  // namespace

Result<Response> HandleGetReadiness(RequestContext& context) {
    auto scope = RequireEvaluationScope(context, EvaluationNeed::kRead);
    if (!scope) return tl::unexpected(scope.error());
    auto part = PartOfPath(context);
    if (!part) return tl::unexpected(part.error());
    evaluation::ReadinessService service(context.services.database, context.services.clock, context.services.audit);
    auto state = service.Get(scope->organisation, *part);
    if (!state) return tl::unexpected(state.error());
    return Response::Json(evaluation::ReadinessJson(*state, context.services.clock.Now()));
}

Result<Response> HandleSaveReadiness(RequestContext& context) {
    return SaveReadiness(context, evaluation::SaveMode::kDraft);
}

Result<Response> HandleSubmitReadiness(RequestContext& context) {
    return SaveReadiness(context, evaluation::SaveMode::kSubmit);
}

Result<Response> HandleReopenReadiness(RequestContext& context) {
    auto scope = RequireEvaluationScope(context, EvaluationNeed::kOrganiser);
    if (!scope) return tl::unexpected(scope.error());
    auto part = PartOfPath(context);
    if (!part) return tl::unexpected(part.error());
    evaluation::ReadinessService service(context.services.database, context.services.clock, context.services.audit);
    auto state = service.Reopen(scope->organisation, *part, ActorOf(context));
    if (!state) return tl::unexpected(state.error());
    return Response::Json(evaluation::ReadinessJson(*state, context.services.clock.Now()));
}

Result<Response> HandleGetObjectives(RequestContext& context) {
    auto scope = RequireEvaluationScope(context, EvaluationNeed::kRead);
    if (!scope) return tl::unexpected(scope.error());
    evaluation::ObjectivesService service(context.services.database, context.services.clock, context.services.audit);
    auto chosen = service.Get(scope->organisation);
    if (!chosen) return tl::unexpected(chosen.error());
    auto window = ObjectivesWindow(context, scope->organisation.exercise_id);
    if (!window) return tl::unexpected(window.error());
    return Response::Json(ObjectivesJson(*chosen, *window, context.services.clock.Now()));
}

Result<Response> HandlePutObjectives(RequestContext& context) {
    auto scope = RequireEvaluationScope(context, EvaluationNeed::kEdit);
    if (!scope) return tl::unexpected(scope.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = ParseObjectives(*body);
    if (!input) return tl::unexpected(input.error());
    evaluation::ObjectivesService service(context.services.database, context.services.clock, context.services.audit);
    auto saved = service.Save(scope->organisation, *input, ActorOf(context));
    if (!saved) return RefusalResponse(saved.error());
    auto window = ObjectivesWindow(context, scope->organisation.exercise_id);
    if (!window) return tl::unexpected(window.error());
    return Response::Json(ObjectivesJson(*saved, *window, context.services.clock.Now()));
}

Result<Response> HandleListNotices(RequestContext& context) {
    auto scope = RequireEvaluationScope(context, EvaluationNeed::kRead);
    if (!scope) return tl::unexpected(scope.error());
    // Notices are the organisation's own home-page messages: only its people read them.
    if (!IsOwnOrganisation(*scope)) return Fail(ErrorCode::kNotFound, "no such organisation", "organisation_id");
    auto notices =
        evaluation::ListNotices(context.services.database, scope->organisation.exercise_id, scope->organisation.id);
    if (!notices) return tl::unexpected(notices.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& notice : *notices) items.push_back(evaluation::NoticeJson(notice));
    return Response::Json({{"items", items}});
}

Result<Response> HandleDismissNotice(RequestContext& context) {
    auto scope = RequireEvaluationScope(context, EvaluationNeed::kEdit);
    if (!scope) return tl::unexpected(scope.error());
    auto notice_id = context.PathId("notice_id");
    if (!notice_id) return tl::unexpected(notice_id.error());
    auto notice = evaluation::DismissNotice(context.services.database, context.services.clock, context.services.audit,
                                            scope->organisation.exercise_id, scope->organisation.id, *notice_id,
                                            ActorOf(context));
    if (!notice) return tl::unexpected(notice.error());
    return Response::Json(evaluation::NoticeJson(*notice));
}

}  // namespace enshu::api
