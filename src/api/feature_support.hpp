#pragma once

// Shared by the exercise, organisation, people, transfer and reference handlers:
// building the exercise module's services from the request's Services, and the
// list envelope of docs/api.md.

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>

#include "api/context.hpp"
#include "exercise/field_validation.hpp"
#include "exercise/reference_lookup.hpp"

namespace enshu::api {

// The process-wide cached reference lookup (exercise::SharedReferenceLookup).
Result<std::shared_ptr<const exercise::ReferenceLookup>> ReferenceOf(RequestContext& context);

// {"items":[…],"total":N,"page":P,"page_size":S}.
nlohmann::json ListEnvelope(nlohmann::json items, std::int64_t total, int page, int page_size);

// Pages an in-memory list by the request's page/page_size parameters
// (exercise::ParsePaging); answers the envelope.
Result<nlohmann::json> PagedList(const RequestContext& context, const nlohmann::json& all_items);

}  // namespace enshu::api
