// Organisations of an exercise: list (filters, sort, paging), create, get, update,
// delete. The logic lives in exercise::OrganisationService.

#include <nlohmann/json.hpp>

#include "accounts/account_service.hpp"
#include "api/actor.hpp"
#include "api/feature_support.hpp"
#include "api/handlers.hpp"
#include "exercise/organisation_input.hpp"
#include "exercise/organisation_service.hpp"

namespace enshu::api {
namespace {

struct Ids {
    std::int64_t exercise_id = 0;
    std::int64_t organisation_id = 0;
};

Result<Ids> PathIds(const RequestContext& context, bool with_organisation) {
    Ids ids;
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    ids.exercise_id = *exercise_id;
    if (with_organisation) {
        auto organisation_id = context.PathId("organisation_id");
        if (!organisation_id) return tl::unexpected(organisation_id.error());
        ids.organisation_id = *organisation_id;
    }
    return ids;
}

// Runs `call` with an OrganisationService for this request.
template <typename Call>
auto WithService(RequestContext& context, Call call) -> decltype(call(std::declval<exercise::OrganisationService&>())) {
    auto reference = ReferenceOf(context);
    if (!reference) return tl::unexpected(reference.error());
    exercise::OrganisationService service(context.services.database, context.services.clock, context.services.audit,
                                          **reference, context.services.accounts);
    return call(service);
}

}  // namespace

Result<Response> HandleListOrganisations(RequestContext& context) {
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    auto ids = PathIds(context, false);
    if (!ids) return tl::unexpected(ids.error());
    const Request& request = context.request;
    auto query = exercise::ParseOrganisationListQuery({request.QueryParam("sector"), request.QueryParam("ministry"),
                                                       request.QueryParam("mode"), request.QueryParam("q"),
                                                       request.QueryParam("sort"), request.QueryParam("order"),
                                                       request.QueryParam("page"), request.QueryParam("page_size")});
    if (!query) return tl::unexpected(query.error());
    auto page = WithService(context, [&](exercise::OrganisationService& service) {
        return service.List(**caller, ids->exercise_id, *query);
    });
    if (!page) return tl::unexpected(page.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& organisation : page->items) items.push_back(exercise::OrganisationJson(organisation));
    return Response::Json(ListEnvelope(std::move(items), page->total, page->page, page->page_size));
}

Result<Response> HandleCreateOrganisation(RequestContext& context) {
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    auto ids = PathIds(context, false);
    if (!ids) return tl::unexpected(ids.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = exercise::ParseOrganisationJson(*body);
    if (!input) return tl::unexpected(input.error());
    auto organisation = WithService(context, [&](exercise::OrganisationService& service) {
        return service.Create(**caller, ActorOf(context), ids->exercise_id, *input);
    });
    if (!organisation) return tl::unexpected(organisation.error());
    return Response::Json(exercise::OrganisationJson(*organisation), 201);
}

Result<Response> HandleGetOrganisation(RequestContext& context) {
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    auto ids = PathIds(context, true);
    if (!ids) return tl::unexpected(ids.error());
    auto organisation = WithService(context, [&](exercise::OrganisationService& service) {
        return service.Get(**caller, ids->exercise_id, ids->organisation_id);
    });
    if (!organisation) return tl::unexpected(organisation.error());
    return Response::Json(exercise::OrganisationJson(*organisation));
}

Result<Response> HandleUpdateOrganisation(RequestContext& context) {
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    auto ids = PathIds(context, true);
    if (!ids) return tl::unexpected(ids.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = exercise::ParseOrganisationJson(*body);
    if (!input) return tl::unexpected(input.error());
    auto organisation = WithService(context, [&](exercise::OrganisationService& service) {
        return service.Update(**caller, ActorOf(context), ids->exercise_id, ids->organisation_id, *input);
    });
    if (!organisation) return tl::unexpected(organisation.error());
    return Response::Json(exercise::OrganisationJson(*organisation));
}

Result<Response> HandleDeleteOrganisation(RequestContext& context) {
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    auto ids = PathIds(context, true);
    if (!ids) return tl::unexpected(ids.error());
    auto deleted = WithService(context, [&](exercise::OrganisationService& service) {
        return service.Delete(**caller, ActorOf(context), ids->exercise_id, ids->organisation_id);
    });
    if (!deleted) return tl::unexpected(deleted.error());
    return Response::NoContent();
}

}  // namespace enshu::api
