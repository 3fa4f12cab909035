#include "world/observation_metrics.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace enshu::world {
namespace {

constexpr std::string_view kSelectRatings =
    "SELECT ob.inject_id, ob.organisation_id, o.name, ob.rating, ob.comment FROM observation ob "
    "JOIN organisation o ON o.id = ob.organisation_id WHERE ob.exercise_id = $1 "
    "ORDER BY ob.inject_id, o.name, ob.organisation_id, ob.observer_name, ob.id";

}  // namespace

void AddRating(RatingSummary& summary, int rating) {
    if (rating < 1 || rating > 5) return;
    const double total = summary.mean * summary.count + rating;
    summary.minimum = summary.count == 0 ? rating : std::min(summary.minimum, rating);
    summary.maximum = summary.count == 0 ? rating : std::max(summary.maximum, rating);
    ++summary.count;
    summary.mean = total / summary.count;
    ++summary.distribution[static_cast<std::size_t>(rating - 1)];
}

Result<ObservationMetrics> ComputeObservationMetrics(db::Database& database, std::int64_t exercise_id) {
    ObservationMetrics metrics;
    std::map<std::pair<std::string, std::int64_t>, std::size_t> pair_index;
    std::map<std::string, RatingSummary> by_inject;
    std::map<std::pair<std::string, std::int64_t>, RatingSummary> by_organisation;  // (name, id)
    auto read = database.Read([&](db::Connection& connection) -> Status {
        auto rows = connection.Query(kSelectRatings, {exercise_id});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) {
            const std::string inject_id = row.Text(0);
            const std::int64_t organisation_id = row.Int(1);
            const std::string name = row.Text(2);
            const int rating = static_cast<int>(row.Int(3));
            const std::string comment = row.Text(4);
            const auto key = std::make_pair(inject_id, organisation_id);
            auto found = pair_index.find(key);
            if (found == pair_index.end()) {
                found = pair_index.emplace(key, metrics.by_inject_and_organisation.size()).first;
                metrics.by_inject_and_organisation.push_back({inject_id, organisation_id, name, {}, {}});
            }
            InjectOrganisationRating& pair = metrics.by_inject_and_organisation[found->second];
            AddRating(pair.summary, rating);
            if (!comment.empty()) pair.comments.push_back(comment);
            AddRating(by_inject[inject_id], rating);
            AddRating(by_organisation[{name, organisation_id}], rating);
            AddRating(metrics.overall, rating);
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    for (auto& [inject_id, summary] : by_inject) metrics.by_inject.push_back({inject_id, summary});
    for (auto& [key, summary] : by_organisation) metrics.by_organisation.push_back({key.second, key.first, summary});
    return metrics;
}

}  // namespace enshu::world
