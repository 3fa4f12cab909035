// Inquiries and the case queue: organisations send inquiries through a desk; desk staff
// list, read and act on cases; organisations read their own cases and answer. Scope:
// world/queue_scope.hpp (out of scope answers 404). Logic in world::InquiryService and
// world::QueueService.

#include <nlohmann/json.hpp>

#include "api/actor.hpp"
#include "api/desk_handlers.hpp"
#include "api/desk_support.hpp"
#include "exercise/field_validation.hpp"

namespace enshu::api {
namespace {

constexpr std::size_t kMaxFilterBytes = 64;

Result<std::string> TextFilter(const RequestContext& context, const char* name) {
    auto value = context.request.QueryParam(name);
    if (!value) return std::string();
    if (value->size() > kMaxFilterBytes)
        return Fail(ErrorCode::kInvalidArgument, std::string(name) + ": too long", name);
    return *value;
}

Result<std::optional<std::int64_t>> IdFilter(const RequestContext& context, const char* name) {
    auto value = context.request.QueryParam(name);
    if (!value || value->empty()) return std::optional<std::int64_t>();
    auto parsed = exercise::ParseIntegerParameter(*value, name, 1, std::numeric_limits<std::int64_t>::max());
    if (!parsed) return tl::unexpected(parsed.error());
    return std::optional<std::int64_t>(*parsed);
}

Result<bool> FlagFilter(const RequestContext& context, const char* name) {
    auto value = context.request.QueryParam(name);
    if (!value || value->empty() || *value == "false" || *value == "0") return false;
    if (*value == "true" || *value == "1") return true;
    return Fail(ErrorCode::kInvalidArgument, std::string(name) + ": expected true or false", name);
}

Result<world::CaseFilter> ParseFilter(const RequestContext& context) {
    world::CaseFilter filter;
    auto paging = exercise::ParsePaging(context.request.QueryParam("page"), context.request.QueryParam("page_size"));
    if (!paging) return tl::unexpected(paging.error());
    filter.page = paging->page;
    filter.page_size = context.request.QueryParam("page_size") ? paging->page_size : 100;
    for (auto [name, target] : {std::pair{"state", &filter.state}, std::pair{"kind", &filter.kind},
                                std::pair{"sector", &filter.sector}, std::pair{"category", &filter.category}}) {
        auto value = TextFilter(context, name);
        if (!value) return tl::unexpected(value.error());
        *target = *value;
    }
    for (auto [name, target] :
         {std::pair{"desk_id", &filter.desk_id}, std::pair{"organisation_id", &filter.organisation_id}}) {
        auto value = IdFilter(context, name);
        if (!value) return tl::unexpected(value.error());
        *target = *value;
    }
    for (auto [name, target] : {std::pair{"mine", &filter.mine}, std::pair{"my_desks", &filter.my_desks}}) {
        auto value = FlagFilter(context, name);
        if (!value) return tl::unexpected(value.error());
        *target = *value;
    }
    return filter;
}

Result<world::QueueAction> ParseAction(const std::string& name) {
    using world::QueueAction;
    for (QueueAction action :
         {QueueAction::kClaim, QueueAction::kReply, QueueAction::kAskBack, QueueAction::kAcknowledge,
          QueueAction::kNote, QueueAction::kHandover, QueueAction::kClose, QueueAction::kInbound}) {
        if (world::QueueActionName(action) == name) return action;
    }
    return Fail(ErrorCode::kInvalidArgument,
                "action must be claim, reply, ask_back, acknowledge, note, handover, close or inbound", "action");
}

}  // namespace

Result<Response> HandleCreateInquiry(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto viewer = RequireViewer(context, *exercise_id, {Role::kOrgLead, Role::kParticipant});
    if (!viewer) return tl::unexpected(viewer.error());
    if (viewer->role != world::ViewerRole::kOrganisation) {
        return Fail(ErrorCode::kForbidden, "only organisation people send inquiries");
    }
    auto desk_id = context.PathId("desk_id");
    if (!desk_id) return tl::unexpected(desk_id.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    auto input = world::ParseInquiryInput(*body);
    if (!input) return tl::unexpected(input.error());
    auto service = InquiryServiceOf(context);
    if (!service) return tl::unexpected(service.error());
    auto created = service->Create(*viewer, *desk_id, *input, ActorOf(context));
    if (!created) return tl::unexpected(created.error());
    return Response::Json(world::CaseJson(*created), 201);
}

Result<Response> HandleListCases(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto viewer = RequireViewer(context, *exercise_id, kAnyExerciseRole);
    if (!viewer) return tl::unexpected(viewer.error());
    auto filter = ParseFilter(context);
    if (!filter) return tl::unexpected(filter.error());
    auto service = QueueServiceOf(context);
    if (!service) return tl::unexpected(service.error());
    auto page = service->List(*viewer, *filter);
    if (!page) return tl::unexpected(page.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& desk_case : page->items) items.push_back(world::CaseJson(desk_case));
    return Response::Json({{"items", std::move(items)},
                           {"total", page->total},
                           {"page", filter->page},
                           {"page_size", filter->page_size}});
}

Result<Response> HandleGetCase(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto viewer = RequireViewer(context, *exercise_id, kAnyExerciseRole);
    if (!viewer) return tl::unexpected(viewer.error());
    auto case_id = context.PathId("case_id");
    if (!case_id) return tl::unexpected(case_id.error());
    auto service = QueueServiceOf(context);
    if (!service) return tl::unexpected(service.error());
    auto detail = service->Get(*viewer, *case_id);
    if (!detail) return tl::unexpected(detail.error());
    return Response::Json(world::CaseDetailJson(*detail));
}

Result<Response> HandleCaseAction(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto viewer =
        RequireViewer(context, *exercise_id,
                      {Role::kOrganiser, Role::kController, Role::kMinistry, Role::kOrgLead, Role::kParticipant});
    if (!viewer) return tl::unexpected(viewer.error());
    auto case_id = context.PathId("case_id");
    if (!case_id) return tl::unexpected(case_id.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    if (auto s = exercise::RejectUnknownMembers(*body, {"action", "body", "assignee_user_id", "attachment_id"}, {});
        !s) {
        return tl::unexpected(s.error());
    }
    auto action_name = exercise::OptionalString(*body, "action", "action");
    if (!action_name) return tl::unexpected(action_name.error());
    auto action = ParseAction(action_name->value_or(""));
    if (!action) return tl::unexpected(action.error());
    auto text = exercise::OptionalString(*body, "body", "body");
    if (!text) return tl::unexpected(text.error());
    auto assignee = exercise::OptionalInteger(*body, "assignee_user_id", "assignee_user_id");
    if (!assignee) return tl::unexpected(assignee.error());
    auto attachment = exercise::OptionalInteger(*body, "attachment_id", "attachment_id");
    if (!attachment) return tl::unexpected(attachment.error());
    auto service = QueueServiceOf(context);
    if (!service) return tl::unexpected(service.error());
    world::CaseActionInput input{*action, text->value_or(""), *assignee, *attachment};
    auto detail = service->Act(*viewer, *case_id, input, ActorOf(context));
    if (!detail) return tl::unexpected(detail.error());
    return Response::Json(world::CaseDetailJson(*detail));
}

Result<Response> HandleBulkReply(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto viewer = RequireViewer(context, *exercise_id, {Role::kOrganiser, Role::kController, Role::kMinistry});
    if (!viewer) return tl::unexpected(viewer.error());
    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    if (auto s = exercise::RejectUnknownMembers(*body, {"case_ids", "body"}, {}); !s) return tl::unexpected(s.error());
    auto case_ids = IdList(*body, "case_ids", 50);
    if (!case_ids) return tl::unexpected(case_ids.error());
    auto text = exercise::OptionalString(*body, "body", "body");
    if (!text) return tl::unexpected(text.error());
    auto service = QueueServiceOf(context);
    if (!service) return tl::unexpected(service.error());
    auto changed = service->BulkReply(*viewer, *case_ids, text->value_or(""), ActorOf(context));
    if (!changed) return tl::unexpected(changed.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& desk_case : *changed) items.push_back(world::CaseJson(desk_case));
    return Response::Json({{"items", std::move(items)}});
}

}  // namespace enshu::api
