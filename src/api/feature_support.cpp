#include "api/feature_support.hpp"

#include <algorithm>
#include <utility>

namespace enshu::api {

Result<std::shared_ptr<const exercise::ReferenceLookup>> ReferenceOf(RequestContext& context) {
    return exercise::SharedReferenceLookup(context.services.database);
}

nlohmann::json ListEnvelope(nlohmann::json items, std::int64_t total, int page, int page_size) {
    return {{"items", std::move(items)}, {"total", total}, {"page", page}, {"page_size", page_size}};
}

Result<nlohmann::json> PagedList(const RequestContext& context, const nlohmann::json& all_items) {
    auto paging = exercise::ParsePaging(context.request.QueryParam("page"), context.request.QueryParam("page_size"));
    if (!paging) return tl::unexpected(paging.error());
    const std::size_t total = all_items.size();
    const std::size_t begin =
        std::min(total, static_cast<std::size_t>(paging->page - 1) * static_cast<std::size_t>(paging->page_size));
    const std::size_t end = std::min(total, begin + static_cast<std::size_t>(paging->page_size));
    nlohmann::json items = nlohmann::json::array();
    for (std::size_t i = begin; i < end; ++i) items.push_back(all_items[i]);
    return ListEnvelope(std::move(items), static_cast<std::int64_t>(total), paging->page, paging->page_size);
}

}  // namespace enshu::api
