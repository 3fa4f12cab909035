// Roundtable and feedback sessions: sessions (organiser writes, everyone in the exercise
// reads), registrations (org leads register and cancel their own people; staff see all,
// ministries their ministries' organisations, org leads their own), attendance
// (organiser), opinion kinds and opinions (organiser and controllers record them).

#include <nlohmann/json.hpp>

#include "api/actor.hpp"
#include "api/live_support.hpp"
#include "api/survey_handlers.hpp"
#include "evaluation/forum_service.hpp"
#include "evaluation/opinion_service.hpp"
#include "exercise/field_validation.hpp"

namespace enshu::api {
namespace {

constexpr std::initializer_list<Role> kEveryRole = {Role::kOrganiser, Role::kController, Role::kMinistry,
                                                    Role::kObserver,  Role::kOrgLead,    Role::kParticipant};
constexpr std::size_t kMaxKindFilterBytes = 40;

evaluation::ForumService Forums(RequestContext& context) {
    return evaluation::ForumService(context.services.database, context.services.clock, context.services.audit);
}

evaluation::OpinionService Opinions(RequestContext& context) {
    return evaluation::OpinionService(context.services.database, context.services.clock, context.services.audit);
}

struct SessionPath {
    std::int64_t exercise_id = 0;
    std::int64_t session_id = 0;
};

Result<SessionPath> PathOf(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto session_id = context.PathId("session_id");
    if (!session_id) return Fail(ErrorCode::kNotFound, "no such session", "session_id");
    return SessionPath{*exercise_id, *session_id};
}

// The organisation an org lead acts for, or nullopt for an organiser (acts for anyone).
Result<std::optional<std::int64_t>> ActingOrganisation(RequestContext& context, std::int64_t exercise_id) {
    auto caller = RequireLiveRole(context, exercise_id, {Role::kOrganiser, Role::kOrgLead});
    if (!caller) return tl::unexpected(caller.error());
    if ((*caller)->IsOrganiser(exercise_id)) return std::optional<std::int64_t>();
    auto member = RequireTeamMember(context, exercise_id);
    if (!member) return tl::unexpected(member.error());
    return std::optional<std::int64_t>(member->organisation_id);
}

Result<evaluation::OpinionInput> OpinionOf(RequestContext& context) {
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    return evaluation::ParseOpinion(*body);
}

}  // namespace

Result<Response> HandleListForumSessions(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, kEveryRole);
    if (!caller) return tl::unexpected(caller.error());
    auto sessions = Forums(context).List(*exercise_id);
    if (!sessions) return tl::unexpected(sessions.error());
    auto totals = Forums(context).Totals(*exercise_id);
    if (!totals) return tl::unexpected(totals.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& session : *sessions) items.push_back(evaluation::ForumSessionJson(session));
    return Response::Json({{"items", std::move(items)}, {"totals", evaluation::ForumTotalsJson(*totals)}});
}

Result<Response> HandleCreateForumSession(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser});
    if (!caller) return tl::unexpected(caller.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = evaluation::ParseForumSession(*body);
    if (!input) return tl::unexpected(input.error());
    auto created = Forums(context).Create(*exercise_id, *input, ActorOf(context));
    if (!created) return tl::unexpected(created.error());
    return Response::Json(evaluation::ForumSessionJson(*created), 201);
}

Result<Response> HandleGetForumSession(RequestContext& context) {
    auto path = PathOf(context);
    if (!path) return tl::unexpected(path.error());
    auto caller = RequireLiveRole(context, path->exercise_id, kEveryRole);
    if (!caller) return tl::unexpected(caller.error());
    auto session = Forums(context).Get(path->exercise_id, path->session_id);
    if (!session) return tl::unexpected(session.error());
    return Response::Json(evaluation::ForumSessionJson(*session));
}

Result<Response> HandleUpdateForumSession(RequestContext& context) {
    auto path = PathOf(context);
    if (!path) return tl::unexpected(path.error());
    auto caller = RequireLiveRole(context, path->exercise_id, {Role::kOrganiser});
    if (!caller) return tl::unexpected(caller.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = evaluation::ParseForumSession(*body);
    if (!input) return tl::unexpected(input.error());
    auto updated = Forums(context).Update(path->exercise_id, path->session_id, *input, ActorOf(context));
    if (!updated) return tl::unexpected(updated.error());
    return Response::Json(evaluation::ForumSessionJson(*updated));
}

Result<Response> HandleDeleteForumSession(RequestContext& context) {
    auto path = PathOf(context);
    if (!path) return tl::unexpected(path.error());
    auto caller = RequireLiveRole(context, path->exercise_id, {Role::kOrganiser});
    if (!caller) return tl::unexpected(caller.error());
    if (auto s = Forums(context).Delete(path->exercise_id, path->session_id, ActorOf(context)); !s) {
        return tl::unexpected(s.error());
    }
    return Response::NoContent();
}

Result<Response> HandleListForumRegistrations(RequestContext& context) {
    auto path = PathOf(context);
    if (!path) return tl::unexpected(path.error());
    auto caller =
        RequireLiveRole(context, path->exercise_id,
                        {Role::kOrganiser, Role::kController, Role::kMinistry, Role::kObserver, Role::kOrgLead});
    if (!caller) return tl::unexpected(caller.error());
    const Principal& principal = **caller;
    evaluation::RegistrationScope scope;
    scope.all = principal.IsOrganiser(path->exercise_id) || principal.HasRole(path->exercise_id, Role::kController) ||
                principal.HasRole(path->exercise_id, Role::kObserver);
    if (!scope.all) {
        for (const Membership& membership : principal.memberships) {
            if (membership.exercise_id != path->exercise_id) continue;
            if (membership.role == Role::kMinistry && membership.ministry_code) {
                scope.ministry_codes.push_back(*membership.ministry_code);
            }
            if (membership.role == Role::kOrgLead && membership.organisation_id) {
                scope.organisation_id = membership.organisation_id;
            }
        }
    }
    auto registrations = Forums(context).Registrations(path->exercise_id, path->session_id, scope);
    if (!registrations) return tl::unexpected(registrations.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& registration : *registrations) items.push_back(evaluation::ForumRegistrationJson(registration));
    return Response::Json({{"items", std::move(items)}});
}

Result<Response> HandleCreateForumRegistration(RequestContext& context) {
    auto path = PathOf(context);
    if (!path) return tl::unexpected(path.error());
    auto organisation = ActingOrganisation(context, path->exercise_id);
    if (!organisation) return tl::unexpected(organisation.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    if (auto s = exercise::RejectUnknownMembers(*body, {"person_id"}, {}); !s) return tl::unexpected(s.error());
    auto person_id = exercise::OptionalInteger(*body, "person_id", "person_id");
    if (!person_id) return tl::unexpected(person_id.error());
    if (!*person_id) return Fail(ErrorCode::kInvalidArgument, "person_id is required", "person_id");
    auto registration =
        Forums(context).Register(path->exercise_id, path->session_id, **person_id, *organisation, ActorOf(context));
    if (!registration) return tl::unexpected(registration.error());
    return Response::Json(evaluation::ForumRegistrationJson(*registration), 201);
}

Result<Response> HandleDeleteForumRegistration(RequestContext& context) {
    auto path = PathOf(context);
    if (!path) return tl::unexpected(path.error());
    auto organisation = ActingOrganisation(context, path->exercise_id);
    if (!organisation) return tl::unexpected(organisation.error());
    auto person_id = context.PathId("person_id");
    if (!person_id) return Fail(ErrorCode::kNotFound, "no such registration", "person_id");
    if (auto s =
            Forums(context).Cancel(path->exercise_id, path->session_id, *person_id, *organisation, ActorOf(context));
        !s) {
        return tl::unexpected(s.error());
    }
    return Response::NoContent();
}

Result<Response> HandleRecordForumAttendance(RequestContext& context) {
    auto path = PathOf(context);
    if (!path) return tl::unexpected(path.error());
    auto caller = RequireLiveRole(context, path->exercise_id, {Role::kOrganiser});
    if (!caller) return tl::unexpected(caller.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto list = body->find("attendance");
    if (list == body->end() || !list->is_array()) {
        return Fail(ErrorCode::kInvalidArgument, "attendance: expected [{\"person_id\",\"attended\"}]", "attendance");
    }
    if (list->size() > evaluation::kMaxAttendanceEntries) {
        return Fail(ErrorCode::kPayloadTooLarge, "attendance: at most 2000 entries", "attendance");
    }
    std::vector<evaluation::AttendanceEntry> entries;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto& item = (*list)[i];
        const std::string field = "attendance[" + std::to_string(i) + "]";
        if (!item.is_object() || !item.contains("person_id") || !item["person_id"].is_number_integer()) {
            return Fail(ErrorCode::kInvalidArgument, field + ".person_id: expected a person id", field + ".person_id");
        }
        evaluation::AttendanceEntry entry;
        entry.person_id = item["person_id"].get<std::int64_t>();
        if (auto attended = item.find("attended"); attended != item.end() && !attended->is_null()) {
            if (!attended->is_boolean()) {
                return Fail(ErrorCode::kInvalidArgument, field + ".attended: expected true, false or null",
                            field + ".attended");
            }
            entry.attended = attended->get<bool>();
        }
        entries.push_back(entry);
    }
    auto counts = Forums(context).RecordAttendance(path->exercise_id, path->session_id, entries, ActorOf(context));
    if (!counts) return tl::unexpected(counts.error());
    return Response::Json({{"organisations_registered", counts->organisations_registered},
                           {"people_registered", counts->people_registered},
                           {"organisations_attended", counts->organisations_attended},
                           {"people_attended", counts->people_attended}});
}

Result<Response> HandleListOpinionKinds(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser, Role::kController, Role::kObserver});
    if (!caller) return tl::unexpected(caller.error());
    auto kinds = Opinions(context).Kinds(*exercise_id);
    if (!kinds) return tl::unexpected(kinds.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& kind : *kinds) items.push_back(evaluation::OpinionKindJson(kind));
    return Response::Json({{"items", std::move(items)}});
}

Result<Response> HandleCreateOpinionKind(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser});
    if (!caller) return tl::unexpected(caller.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto kind = evaluation::ParseOpinionKind(*body);
    if (!kind) return tl::unexpected(kind.error());
    auto added = Opinions(context).AddKind(*exercise_id, *kind, ActorOf(context));
    if (!added) return tl::unexpected(added.error());
    return Response::Json(evaluation::OpinionKindJson(*added), 201);
}

Result<Response> HandleListOpinions(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser, Role::kController, Role::kObserver});
    if (!caller) return tl::unexpected(caller.error());
    std::optional<std::int64_t> session_id;
    if (auto text = context.request.QueryParam("session_id")) {
        auto parsed = exercise::ParseIntegerParameter(*text, "session_id", 1, INT64_MAX);
        if (!parsed) return tl::unexpected(parsed.error());
        session_id = *parsed;
    }
    auto kind = context.request.QueryParam("kind");
    if (kind && kind->size() > kMaxKindFilterBytes) {
        return Fail(ErrorCode::kInvalidArgument, "kind: too long", "kind");
    }
    auto opinions = Opinions(context).List(*exercise_id, session_id, kind);
    if (!opinions) return tl::unexpected(opinions.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& opinion : *opinions) items.push_back(evaluation::OpinionJson(opinion));
    return Response::Json({{"items", std::move(items)}});
}

Result<Response> HandleCreateOpinion(RequestContext& context) {
    auto path = PathOf(context);
    if (!path) return tl::unexpected(path.error());
    auto caller = RequireLiveRole(context, path->exercise_id, {Role::kOrganiser, Role::kController});
    if (!caller) return tl::unexpected(caller.error());
    auto input = OpinionOf(context);
    if (!input) return tl::unexpected(input.error());
    auto created = Opinions(context).Create(path->exercise_id, path->session_id, *input, ActorOf(context));
    if (!created) return tl::unexpected(created.error());
    return Response::Json(evaluation::OpinionJson(*created), 201);
}

Result<Response> HandleUpdateOpinion(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser, Role::kController});
    if (!caller) return tl::unexpected(caller.error());
    auto opinion_id = context.PathId("opinion_id");
    if (!opinion_id) return Fail(ErrorCode::kNotFound, "no such opinion", "opinion_id");
    auto input = OpinionOf(context);
    if (!input) return tl::unexpected(input.error());
    auto updated = Opinions(context).Update(*exercise_id, *opinion_id, *input, ActorOf(context));
    if (!updated) return tl::unexpected(updated.error());
    return Response::Json(evaluation::OpinionJson(*updated));
}

Result<Response> HandleDeleteOpinion(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser, Role::kController});
    if (!caller) return tl::unexpected(caller.error());
    auto opinion_id = context.PathId("opinion_id");
    if (!opinion_id) return Fail(ErrorCode::kNotFound, "no such opinion", "opinion_id");
    if (auto s = Opinions(context).Delete(*exercise_id, *opinion_id, ActorOf(context)); !s) {
        return tl::unexpected(s.error());
    }
    return Response::NoContent();
}

}  // namespace enshu::api
