// The mock PR site's statements over HTTP (docs/api.md "PR site and media"). The rules
// live in world::StatementService and world/statement_access.hpp; these handlers parse,
// scope the caller (out of scope answers 404) and serialise.

#include <nlohmann/json.hpp>

#include "api/actor.hpp"
#include "api/live_support.hpp"
#include "api/pr_handlers.hpp"
#include "world/statement_access.hpp"
#include "world/statement_metrics.hpp"
#include "world/statement_service.hpp"

namespace enshu::api {
namespace {

constexpr std::size_t kMaxFilterBytes = 64;
constexpr int kDefaultFeedLimit = 100;
constexpr int kMaxFeedLimit = 500;

Result<world::StatementService> StatementsOf(RequestContext& context) {
    auto live = LiveServicesOf(context);
    if (!live) return tl::unexpected(live.error());
    return world::StatementService(context.services.database, context.services.clock, context.services.audit,
                                   live->events, live->scheduler.scenarios());
}

Result<std::int64_t> PositiveInteger(const std::string& text, const std::string& field) {
    char* end = nullptr;
    const long long value = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || text.size() > 18 || end == nullptr || *end != '\0' || value <= 0) {
        return Fail(ErrorCode::kInvalidArgument, field + ": expected a positive integer", field);
    }
    return value;
}

Result<world::StatementInput> ParseStatement(const nlohmann::json& body) {
    world::StatementInput input;
    for (const char* name : {"title", "body"}) {
        auto member = body.find(name);
        if (member == body.end() || !member->is_string()) {
            return Fail(ErrorCode::kInvalidArgument, std::string(name) + ": a string is required", name);
        }
        (std::string(name) == "title" ? input.title : input.body) = member->get<std::string>();
    }
    if (auto attachment = body.find("attachment_id"); attachment != body.end() && !attachment->is_null()) {
        if (!attachment->is_number_integer() || attachment->get<std::int64_t>() <= 0) {
            return Fail(ErrorCode::kInvalidArgument, "attachment_id: expected a positive integer or null",
                        "attachment_id");
        }
        input.attachment_id = attachment->get<std::int64_t>();
    }
    return input;
}

// {"items":[…]} in the view each statement allows the caller.
nlohmann::json StatementList(const Principal& caller, std::int64_t exercise_id,
                             const std::vector<world::Statement>& statements) {
    nlohmann::json items = nlohmann::json::array();
    for (const world::Statement& statement : statements) {
        const auto access = world::AccessToStatement(caller, exercise_id, statement.organisation_id, statement.state);
        if (access == world::StatementAccess::kNone) continue;
        items.push_back(world::StatementJson(statement, access == world::StatementAccess::kFull
                                                            ? world::StatementView::kFull
                                                            : world::StatementView::kTombstone));
    }
    return {{"items", std::move(items)}};
}

using StatementChange = Result<world::Statement> (world::StatementService::*)(std::int64_t, std::int64_t, std::int64_t,
                                                                              std::int64_t, const audit::Actor&);

Result<Response> RunChange(RequestContext& context, StatementChange change) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto statement_id = context.PathId("statement_id");
    if (!statement_id) return tl::unexpected(statement_id.error());
    auto member = RequireTeamMember(context, *exercise_id);
    if (!member) return tl::unexpected(member.error());
    auto service = StatementsOf(context);
    if (!service) return tl::unexpected(service.error());
    auto statement =
        ((*service).*change)(*exercise_id, member->organisation_id, *statement_id, member->person_id, ActorOf(context));
    if (!statement) return tl::unexpected(statement.error());
    return Response::Json(world::StatementJson(*statement, world::StatementView::kFull));
}

}  // namespace

Result<Response> HandleListStatements(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(
        context, *exercise_id,
        {Role::kOrganiser, Role::kController, Role::kMinistry, Role::kObserver, Role::kOrgLead, Role::kParticipant});
    if (!caller) return tl::unexpected(caller.error());
    world::StatementFilter filter;
    filter.limit = kDefaultFeedLimit;
    if (auto sector = context.request.QueryParam("sector")) {
        if (sector->size() > kMaxFilterBytes) return Fail(ErrorCode::kInvalidArgument, "sector: too long", "sector");
        filter.sector = *sector;
    }
    if (auto organisation = context.request.QueryParam("organisation_id"); organisation && !organisation->empty()) {
        auto id = PositiveInteger(*organisation, "organisation_id");
        if (!id) return tl::unexpected(id.error());
        filter.organisation_id = *id;
    }
    if (auto limit = context.request.QueryParam("limit"); limit && !limit->empty()) {
        auto value = PositiveInteger(*limit, "limit");
        if (!value || *value > kMaxFeedLimit) {
            return Fail(ErrorCode::kInvalidArgument, "limit: expected 1..500", "limit");
        }
        filter.limit = static_cast<int>(*value);
    }
    auto service = StatementsOf(context);
    if (!service) return tl::unexpected(service.error());
    auto statements = service->List(*exercise_id, filter);
    if (!statements) return tl::unexpected(statements.error());
    return Response::Json(StatementList(**caller, *exercise_id, *statements));
}

Result<Response> HandleListOrganisationStatements(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto organisation_id = context.PathId("organisation_id");
    if (!organisation_id) return tl::unexpected(organisation_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser, Role::kOrgLead, Role::kParticipant});
    if (!caller) return tl::unexpected(caller.error());
    if (!(*caller)->IsOrganiser(*exercise_id) && world::OwnOrganisation(**caller, *exercise_id) != *organisation_id) {
        return Fail(ErrorCode::kNotFound, "no such organisation", "organisation_id");
    }
    auto service = StatementsOf(context);
    if (!service) return tl::unexpected(service.error());
    world::StatementFilter filter;
    filter.feed = false;
    filter.organisation_id = *organisation_id;
    filter.limit = kMaxFeedLimit;
    auto statements = service->List(*exercise_id, filter);
    if (!statements) return tl::unexpected(statements.error());
    return Response::Json(StatementList(**caller, *exercise_id, *statements));
}

Result<Response> HandleCreateStatement(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto member = RequireTeamMember(context, *exercise_id);
    if (!member) return tl::unexpected(member.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = ParseStatement(*body);
    if (!input) return tl::unexpected(input.error());
    auto publish = body->find("publish");
    if (publish != body->end() && !publish->is_boolean()) {
        return Fail(ErrorCode::kInvalidArgument, "publish: expected true or false", "publish");
    }
    const bool publish_now = publish != body->end() && publish->get<bool>();
    auto service = StatementsOf(context);
    if (!service) return tl::unexpected(service.error());
    auto statement =
        service->Create(*exercise_id, member->organisation_id, member->person_id, *input,
                        publish_now ? world::Publication::kPublishNow : world::Publication::kDraft, ActorOf(context));
    if (!statement) return tl::unexpected(statement.error());
    return Response::Json(world::StatementJson(*statement, world::StatementView::kFull), 201);
}

Result<Response> HandleGetStatement(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto statement_id = context.PathId("statement_id");
    if (!statement_id) return tl::unexpected(statement_id.error());
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    if (!(*caller)->IsMember(*exercise_id)) return Fail(ErrorCode::kNotFound, "no such exercise", "exercise_id");
    auto service = StatementsOf(context);
    if (!service) return tl::unexpected(service.error());
    auto statement = service->Get(*exercise_id, *statement_id);
    if (!statement) return tl::unexpected(statement.error());
    const auto access = world::AccessToStatement(**caller, *exercise_id, statement->organisation_id, statement->state);
    if (access == world::StatementAccess::kNone) {
        return Fail(ErrorCode::kNotFound, "no such statement", "statement_id");
    }
    return Response::Json(world::StatementJson(*statement, access == world::StatementAccess::kFull
                                                               ? world::StatementView::kFull
                                                               : world::StatementView::kTombstone));
}

Result<Response> HandleUpdateStatement(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto statement_id = context.PathId("statement_id");
    if (!statement_id) return tl::unexpected(statement_id.error());
    auto member = RequireTeamMember(context, *exercise_id);
    if (!member) return tl::unexpected(member.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = ParseStatement(*body);
    if (!input) return tl::unexpected(input.error());
    auto service = StatementsOf(context);
    if (!service) return tl::unexpected(service.error());
    auto statement = service->Update(*exercise_id, member->organisation_id, *statement_id, member->person_id, *input,
                                     ActorOf(context));
    if (!statement) return tl::unexpected(statement.error());
    return Response::Json(world::StatementJson(*statement, world::StatementView::kFull));
}

Result<Response> HandlePublishStatement(RequestContext& context) {
    return RunChange(context, &world::StatementService::Publish);
}

Result<Response> HandleWithdrawStatement(RequestContext& context) {
    return RunChange(context, &world::StatementService::Withdraw);
}

Result<Response> HandleGetStatementMetrics(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireLiveRole(context, *exercise_id, {Role::kOrganiser, Role::kController, Role::kObserver});
    if (!caller) return tl::unexpected(caller.error());
    auto live = LiveServicesOf(context);
    if (!live) return tl::unexpected(live.error());
    auto snapshot = live->scheduler.scenarios().Load(*exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    auto metrics = world::ComputeStatementMetrics(context.services.database, *exercise_id, **snapshot);
    if (!metrics) return tl::unexpected(metrics.error());
    return Response::Json(world::StatementMetricsJson(*metrics));
}

}  // namespace enshu::api
