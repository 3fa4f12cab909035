// Supply-chain partners and notices of one organisation. Reading: the organisation's
// people and the watching staff; declaring and removing: its org lead (and organisers);
// sending notices: its people. Other organisations answer 404. Logic in
// world::PartnerService.

#include <nlohmann/json.hpp>

#include "api/actor.hpp"
#include "api/desk_handlers.hpp"
#include "api/desk_support.hpp"

namespace enshu::api {
namespace {

struct PathScope {
    std::int64_t exercise_id = 0;
    std::int64_t organisation_id = 0;
    world::QueueViewer viewer;
};

Result<PathScope> ScopeOf(RequestContext& context, std::initializer_list<Role> staff_roles,
                          std::initializer_list<Role> person_roles) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto organisation_id = context.PathId("organisation_id");
    if (!organisation_id) return tl::unexpected(organisation_id.error());
    auto viewer = RequireOrganisationAccess(context, *exercise_id, *organisation_id, staff_roles, person_roles);
    if (!viewer) return tl::unexpected(viewer.error());
    return PathScope{*exercise_id, *organisation_id, *viewer};
}

}  // namespace

Result<Response> HandleListPartners(RequestContext& context) {
    auto scope =
        ScopeOf(context, {Role::kOrganiser, Role::kController, Role::kObserver}, {Role::kOrgLead, Role::kParticipant});
    if (!scope) return tl::unexpected(scope.error());
    auto service = PartnerServiceOf(context);
    if (!service) return tl::unexpected(service.error());
    auto partners = service->List(scope->exercise_id, scope->organisation_id);
    if (!partners) return tl::unexpected(partners.error());
    return Response::Json(*partners);
}

Result<Response> HandleCreatePartner(RequestContext& context) {
    auto scope = ScopeOf(context, {Role::kOrganiser}, {Role::kOrgLead});
    if (!scope) return tl::unexpected(scope.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = world::ParsePartnerInput(*body);
    if (!input) return tl::unexpected(input.error());
    auto service = PartnerServiceOf(context);
    if (!service) return tl::unexpected(service.error());
    auto partner = service->Declare(scope->exercise_id, scope->organisation_id, *input, ActorOf(context));
    if (!partner) return tl::unexpected(partner.error());
    return Response::Json(*partner, 201);
}

Result<Response> HandleDeletePartner(RequestContext& context) {
    auto scope = ScopeOf(context, {Role::kOrganiser}, {Role::kOrgLead});
    if (!scope) return tl::unexpected(scope.error());
    auto partner_id = context.PathId("partner_id");
    if (!partner_id) return tl::unexpected(partner_id.error());
    auto service = PartnerServiceOf(context);
    if (!service) return tl::unexpected(service.error());
    if (auto removed = service->Remove(scope->exercise_id, scope->organisation_id, *partner_id, ActorOf(context));
        !removed) {
        return tl::unexpected(removed.error());
    }
    return Response::NoContent();
}

Result<Response> HandleListPartnerCandidates(RequestContext& context) {
    auto scope = ScopeOf(context, {Role::kOrganiser}, {Role::kOrgLead});
    if (!scope) return tl::unexpected(scope.error());
    auto service = PartnerServiceOf(context);
    if (!service) return tl::unexpected(service.error());
    auto items = service->Candidates(scope->exercise_id, scope->organisation_id);
    if (!items) return tl::unexpected(items.error());
    return Response::Json({{"items", std::move(*items)}});
}

Result<Response> HandleListPartnerNotices(RequestContext& context) {
    auto scope =
        ScopeOf(context, {Role::kOrganiser, Role::kController, Role::kObserver}, {Role::kOrgLead, Role::kParticipant});
    if (!scope) return tl::unexpected(scope.error());
    auto service = PartnerServiceOf(context);
    if (!service) return tl::unexpected(service.error());
    auto notices = service->Notices(scope->exercise_id, scope->organisation_id);
    if (!notices) return tl::unexpected(notices.error());
    return Response::Json(*notices);
}

Result<Response> HandleCreatePartnerNotice(RequestContext& context) {
    auto scope = ScopeOf(context, {}, {Role::kOrgLead, Role::kParticipant});
    if (!scope) return tl::unexpected(scope.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = world::ParseNoticeInput(*body);
    if (!input) return tl::unexpected(input.error());
    auto service = PartnerServiceOf(context);
    if (!service) return tl::unexpected(service.error());
    auto notice = service->SendNotice(scope->viewer, *input, ActorOf(context));
    if (!notice) return tl::unexpected(notice.error());
    return Response::Json(*notice, 201);
}

}  // namespace enshu::api
