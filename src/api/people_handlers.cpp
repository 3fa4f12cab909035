// People of an organisation and their join links. The logic lives in
// exercise::PersonService; join URLs are settings.public_url + "/join#" + token.

#include <nlohmann/json.hpp>

#include "api/actor.hpp"
#include "api/feature_support.hpp"
#include "api/handlers.hpp"
#include "api/settings.hpp"
#include "exercise/person_input.hpp"
#include "exercise/person_service.hpp"

namespace enshu::api {
namespace {

struct Ids {
    std::int64_t exercise_id = 0;
    std::int64_t organisation_id = 0;
    std::int64_t person_id = 0;
};

Result<Ids> PathIds(const RequestContext& context, bool with_person) {
    Ids ids;
    for (auto [name, target] : {std::pair<const char*, std::int64_t*>{"exercise_id", &ids.exercise_id},
                                std::pair<const char*, std::int64_t*>{"organisation_id", &ids.organisation_id},
                                std::pair<const char*, std::int64_t*>{"person_id", &ids.person_id}}) {
        if (!with_person && target == &ids.person_id) break;
        auto id = context.PathId(name);
        if (!id) return tl::unexpected(id.error());
        *target = *id;
    }
    return ids;
}

exercise::PersonService ServiceOf(RequestContext& context) {
    return exercise::PersonService(context.services.database, context.services.clock, context.services.audit,
                                   context.services.accounts);
}

std::string PublicBase(const RequestContext& context) {
    std::string base = context.services.settings.public_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base;
}

nlohmann::json WithLinkJson(const RequestContext& context, const exercise::PersonWithLink& issued) {
    return {{"person", exercise::PersonJson(issued.person)},
            {"join_url", PublicBase(context) + "/join#" + issued.join_token},
            {"expires_at", issued.expires_at}};
}

}  // namespace

Result<Response> HandleListPeople(RequestContext& context) {
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    auto ids = PathIds(context, false);
    if (!ids) return tl::unexpected(ids.error());
    auto people = ServiceOf(context).List(**caller, ids->exercise_id, ids->organisation_id);
    if (!people) return tl::unexpected(people.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& person : *people) items.push_back(exercise::PersonJson(person));
    auto page = PagedList(context, items);
    if (!page) return tl::unexpected(page.error());
    return Response::Json(*page);
}

Result<Response> HandleCreatePerson(RequestContext& context) {
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    auto ids = PathIds(context, false);
    if (!ids) return tl::unexpected(ids.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = exercise::ParsePersonJson(*body);
    if (!input) return tl::unexpected(input.error());
    auto created =
        ServiceOf(context).Create(**caller, ActorOf(context), ids->exercise_id, ids->organisation_id, *input);
    if (!created) return tl::unexpected(created.error());
    return Response::Json(WithLinkJson(context, *created), 201);
}

Result<Response> HandleUpdatePerson(RequestContext& context) {
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    auto ids = PathIds(context, true);
    if (!ids) return tl::unexpected(ids.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = exercise::ParsePersonJson(*body);
    if (!input) return tl::unexpected(input.error());
    auto person = ServiceOf(context).Update(**caller, ActorOf(context), ids->exercise_id, ids->organisation_id,
                                            ids->person_id, *input);
    if (!person) return tl::unexpected(person.error());
    return Response::Json(exercise::PersonJson(*person));
}

Result<Response> HandleDeletePerson(RequestContext& context) {
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    auto ids = PathIds(context, true);
    if (!ids) return tl::unexpected(ids.error());
    auto deleted =
        ServiceOf(context).Delete(**caller, ActorOf(context), ids->exercise_id, ids->organisation_id, ids->person_id);
    if (!deleted) return tl::unexpected(deleted.error());
    return Response::NoContent();
}

Result<Response> HandleIssueJoinLink(RequestContext& context) {
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    auto ids = PathIds(context, true);
    if (!ids) return tl::unexpected(ids.error());
    auto issued = ServiceOf(context).IssueJoinLink(**caller, ActorOf(context), ids->exercise_id, ids->organisation_id,
                                                   ids->person_id);
    if (!issued) return tl::unexpected(issued.error());
    return Response::Json(WithLinkJson(context, *issued), 201);
}

Result<Response> HandleRevokeJoinLinks(RequestContext& context) {
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    auto ids = PathIds(context, true);
    if (!ids) return tl::unexpected(ids.error());
    auto revoked = ServiceOf(context).RevokeJoinLinks(**caller, ActorOf(context), ids->exercise_id,
                                                      ids->organisation_id, ids->person_id);
    if (!revoked) return tl::unexpected(revoked.error());
    return Response::NoContent();
}

}  // namespace enshu::api
