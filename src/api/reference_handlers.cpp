// GET /api/reference: the reference data (db::ToJson), loaded once per process
// (exercise::SharedReferenceData) since it only changes with migrations.

#include <nlohmann/json.hpp>

#include "api/handlers.hpp"
#include "db/reference.hpp"
#include "exercise/reference_lookup.hpp"

namespace enshu::api {

Result<Response> HandleGetReference(RequestContext& context) {
    if (auto caller = context.RequireCaller(); !caller) return tl::unexpected(caller.error());
    auto data = exercise::SharedReferenceData(context.services.database);
    if (!data) return tl::unexpected(data.error());
    return Response::Json(db::ToJson(**data));
}

}  // namespace enshu::api
