// Surveys: templates, definitions, opening and closing, answers and results. Staff of
// the exercise read every survey; organisation people see the opened ones (drafts are
// 404) with whether they (or their organisation) answered. Results: organisers and
// observers see everything, ministries their ministries' organisations with small
// groups suppressed. Per-respondent answers exist only for named surveys (organisers).

#include "api/survey_handlers.hpp"

#include <nlohmann/json.hpp>

#include "api/actor.hpp"
#include "api/live_support.hpp"
#include "evaluation/survey_service.hpp"
#include "evaluation/survey_templates.hpp"
#include "exercise/field_validation.hpp"

namespace enshu::api {
namespace {

constexpr std::initializer_list<Role> kEveryRole = {Role::kOrganiser, Role::kController, Role::kMinistry,
                                                    Role::kObserver,  Role::kOrgLead,    Role::kParticipant};

evaluation::SurveyService Surveys(RequestContext& context) {
    return evaluation::SurveyService(context.services.database, context.services.clock, context.services.audit);
}

struct SurveyPath {
    std::int64_t exercise_id = 0;
    std::int64_t survey_id = 0;
};

Result<SurveyPath> PathOf(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto survey_id = context.PathId("survey_id");
    if (!survey_id) return Fail(ErrorCode::kNotFound, "no such survey", "survey_id");
    return SurveyPath{*exercise_id, *survey_id};
}

bool IsStaff(const Principal& caller, std::int64_t exercise_id) {
    return caller.IsOrganiser(exercise_id) || caller.HasRole(exercise_id, Role::kController) ||
           caller.HasRole(exercise_id, Role::kMinistry) || caller.HasRole(exercise_id, Role::kObserver);
}

// The survey as an organisation person sees it: opened ones only, with answered/can_answer.
Result<nlohmann::json> TeamView(RequestContext& context, const Principal& caller, std::int64_t exercise_id,
                                const evaluation::StoredSurvey& survey, const TeamMember& member) {
    const auto now = context.services.clock.Now();
    if (evaluation::StateAt(survey.definition, now) == evaluation::SurveyState::kDraft) {
        return Fail(ErrorCode::kNotFound, "no such survey", "survey_id");
    }
    const bool is_lead = caller.HasRole(exercise_id, Role::kOrgLead);
    auto answered = Surveys(context).HasAnswered(survey.id, survey.definition.respondent,
                                                 {member.organisation_id, member.person_id, is_lead});
    if (!answered) return tl::unexpected(answered.error());
    nlohmann::json json = evaluation::StoredSurveyJson(survey, now);
    json.erase("response_count");
    json.erase("editable");
    json["answered"] = *answered;
    json["can_answer"] = !*answered && json["status"] == "open" &&
                         (survey.definition.respondent == evaluation::Respondent::kPerson || is_lead);
    return json;
}

Result<evaluation::SurveyDefinition> DefinitionOf(RequestContext& context) {
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    return evaluation::ParseSurveyDefinition(*body);
}

}  // namespace

Result<Response> HandleListSurveyTemplates(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser});
    if (!caller) return tl::unexpected(caller.error());
    auto templates = evaluation::SurveyTemplates();
    if (!templates) return tl::unexpected(templates.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& definition : *templates) items.push_back(evaluation::SurveyDefinitionJson(definition));
    return Response::Json({{"items", std::move(items)}});
}

Result<Response> HandleListSurveys(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, kEveryRole);
    if (!caller) return tl::unexpected(caller.error());
    auto surveys = Surveys(context).List(*exercise_id);
    if (!surveys) return tl::unexpected(surveys.error());
    nlohmann::json items = nlohmann::json::array();
    const auto now = context.services.clock.Now();
    if (IsStaff(**caller, *exercise_id)) {
        for (const auto& survey : *surveys) {
            nlohmann::json json = evaluation::StoredSurveyJson(survey, now);
            json["question_count"] = survey.definition.questions.size();
            json.erase("questions");
            items.push_back(std::move(json));
        }
    } else {
        auto member = RequireTeamMember(context, *exercise_id);
        if (!member) return tl::unexpected(member.error());
        for (const auto& survey : *surveys) {
            auto view = TeamView(context, **caller, *exercise_id, survey, *member);
            if (!view) {
                if (view.error().code == ErrorCode::kNotFound) continue;  // drafts
                return tl::unexpected(view.error());
            }
            view->erase("questions");
            items.push_back(std::move(*view));
        }
    }
    return Response::Json({{"items", std::move(items)}});
}

Result<Response> HandleCreateSurvey(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser});
    if (!caller) return tl::unexpected(caller.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    Result<evaluation::StoredSurvey> created;
    if (body->contains("template")) {
        // {"template":"feedback_session","code":"…"?}: a draft copy of a bundled template.
        if (auto s = exercise::RejectUnknownMembers(*body, {"template", "code"}, {}); !s) {
            return tl::unexpected(s.error());
        }
        auto template_code = exercise::OptionalString(*body, "template", "template");
        if (!template_code) return tl::unexpected(template_code.error());
        if (!*template_code) return Fail(ErrorCode::kInvalidArgument, "template: expected a template code", "template");
        auto code = exercise::OptionalString(*body, "code", "code");
        if (!code) return tl::unexpected(code.error());
        created = Surveys(context).CreateFromTemplate(*exercise_id, **template_code, *code, ActorOf(context));
    } else {
        auto definition = evaluation::ParseSurveyDefinition(*body);
        if (!definition) return tl::unexpected(definition.error());
        created = Surveys(context).Create(*exercise_id, *definition, ActorOf(context));
    }
    if (!created) return tl::unexpected(created.error());
    return Response::Json(evaluation::StoredSurveyJson(*created, context.services.clock.Now()), 201);
}

Result<Response> HandleGetSurvey(RequestContext& context) {
    auto path = PathOf(context);
    if (!path) return tl::unexpected(path.error());
    auto caller = RequireLiveRole(context, path->exercise_id, kEveryRole);
    if (!caller) return tl::unexpected(caller.error());
    auto survey = Surveys(context).Get(path->exercise_id, path->survey_id);
    if (!survey) return tl::unexpected(survey.error());
    if (IsStaff(**caller, path->exercise_id)) {
        return Response::Json(evaluation::StoredSurveyJson(*survey, context.services.clock.Now()));
    }
    auto member = RequireTeamMember(context, path->exercise_id);
    if (!member) return tl::unexpected(member.error());
    auto view = TeamView(context, **caller, path->exercise_id, *survey, *member);
    if (!view) return tl::unexpected(view.error());
    return Response::Json(*view);
}

Result<Response> HandleUpdateSurvey(RequestContext& context) {
    auto path = PathOf(context);
    if (!path) return tl::unexpected(path.error());
    auto caller = RequireLiveRole(context, path->exercise_id, {Role::kOrganiser});
    if (!caller) return tl::unexpected(caller.error());
    auto definition = DefinitionOf(context);
    if (!definition) return tl::unexpected(definition.error());
    auto updated = Surveys(context).Update(path->exercise_id, path->survey_id, *definition, ActorOf(context));
    if (!updated) return tl::unexpected(updated.error());
    return Response::Json(evaluation::StoredSurveyJson(*updated, context.services.clock.Now()));
}

Result<Response> HandleDeleteSurvey(RequestContext& context) {
    auto path = PathOf(context);
    if (!path) return tl::unexpected(path.error());
    auto caller = RequireLiveRole(context, path->exercise_id, {Role::kOrganiser});
    if (!caller) return tl::unexpected(caller.error());
    if (auto s = Surveys(context).Delete(path->exercise_id, path->survey_id, ActorOf(context)); !s) {
        return tl::unexpected(s.error());
    }
    return Response::NoContent();
}

Result<Response> HandleOpenSurvey(RequestContext& context) {
    auto path = PathOf(context);
    if (!path) return tl::unexpected(path.error());
    auto caller = RequireLiveRole(context, path->exercise_id, {Role::kOrganiser});
    if (!caller) return tl::unexpected(caller.error());
    auto opened = Surveys(context).Open(path->exercise_id, path->survey_id, ActorOf(context));
    if (!opened) return tl::unexpected(opened.error());
    return Response::Json(evaluation::StoredSurveyJson(*opened, context.services.clock.Now()));
}

Result<Response> HandleCloseSurvey(RequestContext& context) {
    auto path = PathOf(context);
    if (!path) return tl::unexpected(path.error());
    auto caller = RequireLiveRole(context, path->exercise_id, {Role::kOrganiser});
    if (!caller) return tl::unexpected(caller.error());
    auto closed = Surveys(context).Close(path->exercise_id, path->survey_id, ActorOf(context));
    if (!closed) return tl::unexpected(closed.error());
    return Response::Json(evaluation::StoredSurveyJson(*closed, context.services.clock.Now()));
}

Result<Response> HandleRespondToSurvey(RequestContext& context) {
    auto path = PathOf(context);
    if (!path) return tl::unexpected(path.error());
    auto member = RequireTeamMember(context, path->exercise_id);
    if (!member) return tl::unexpected(member.error());
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto answers = evaluation::ParseAnswers(*body);
    if (!answers) return tl::unexpected(answers.error());
    const evaluation::SurveyRespondent respondent{member->organisation_id, member->person_id,
                                                  (*caller)->HasRole(path->exercise_id, Role::kOrgLead)};
    if (auto s = Surveys(context).Respond(path->exercise_id, path->survey_id, respondent, *answers, ActorOf(context));
        !s) {
        return tl::unexpected(s.error());
    }
    // Nothing about the stored response is returned (its id would identify it).
    return Response::Json({{"survey_id", path->survey_id}, {"answered", true}}, 201);
}

Result<Response> HandleListSurveyResponses(RequestContext& context) {
    auto path = PathOf(context);
    if (!path) return tl::unexpected(path.error());
    auto caller = RequireLiveRole(context, path->exercise_id, {Role::kOrganiser});
    if (!caller) return tl::unexpected(caller.error());
    auto responses = Surveys(context).NamedResponses(path->exercise_id, path->survey_id);
    if (!responses) return tl::unexpected(responses.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& response : *responses) {
        nlohmann::json answers = nlohmann::json::object();
        for (const auto& [code, value] : response.answers) answers[code] = value;
        items.push_back(
            {{"organisation_id", response.organisation_id},
             {"organisation_name", response.organisation_name},
             {"person_id", response.person_id ? nlohmann::json(*response.person_id) : nlohmann::json(nullptr)},
             {"person_name", response.person_name},
             {"submitted_on", response.submitted_on},
             {"answers", std::move(answers)}});
    }
    return Response::Json({{"items", std::move(items)}});
}

Result<Response> HandleGetSurveyResults(RequestContext& context) {
    auto path = PathOf(context);
    if (!path) return tl::unexpected(path.error());
    auto caller = RequireLiveRole(context, path->exercise_id, {Role::kOrganiser, Role::kObserver, Role::kMinistry});
    if (!caller) return tl::unexpected(caller.error());
    evaluation::ResultsScope scope;
    scope.all = (*caller)->IsOrganiser(path->exercise_id) || (*caller)->HasRole(path->exercise_id, Role::kObserver);
    if (!scope.all) {
        for (const Membership& membership : (*caller)->memberships) {
            if (membership.exercise_id == path->exercise_id && membership.role == Role::kMinistry &&
                membership.ministry_code) {
                scope.ministry_codes.push_back(*membership.ministry_code);
            }
        }
    }
    auto results = Surveys(context).Results(path->exercise_id, path->survey_id, scope);
    if (!results) return tl::unexpected(results.error());
    return Response::Json(*results);
}

}  // namespace enshu::api
