// GET /api/exercises/{exercise_id}/audit?page&page_size&action (organisers only).
// The logic lives in audit::AuditLog.

#include <nlohmann/json.hpp>

#include "api/handlers.hpp"
#include "api/organiser_scope.hpp"
#include "audit/audit_log.hpp"
#include "exercise/field_validation.hpp"

namespace enshu::api {
namespace {

constexpr std::size_t kMaxActionPrefixCharacters = 100;

}  // namespace

Result<Response> HandleListAudit(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    if (auto caller = RequireOrganiserOf(context, *exercise_id); !caller) return tl::unexpected(caller.error());
    auto paging = exercise::ParsePaging(context.request.QueryParam("page"), context.request.QueryParam("page_size"));
    if (!paging) return tl::unexpected(paging.error());
    const std::string action = context.request.QueryParam("action").value_or("");
    if (!action.empty()) {
        if (auto error = exercise::CheckText(action, "action", 1, kMaxActionPrefixCharacters)) {
            return tl::unexpected(*error);
        }
    }
    auto page =
        context.services.audit.List(context.services.database, *exercise_id, paging->page, paging->page_size, action);
    if (!page) return tl::unexpected(page.error());
    return Response::Json({{"items", std::move(page->items)},
                           {"total", page->total},
                           {"page", paging->page},
                           {"page_size", paging->page_size}});
}

}  // namespace enshu::api
