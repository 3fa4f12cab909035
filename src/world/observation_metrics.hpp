#pragma once

// The observers' ratings as plain figures for the report (src/report): per inject and
// organisation, per inject, and per organisation — count, mean, minimum, maximum and the
// distribution over the five levels (world/observation_service.hpp), plus the comments.
// Read-only; no JSON, no HTTP. Thread-safe.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"

namespace enshu::world {

struct RatingSummary {
    int count = 0;
    double mean = 0;  // 0 when count == 0
    int minimum = 0;
    int maximum = 0;
    std::array<int, 5> distribution{};  // [rating - 1] -> how many
};

struct InjectOrganisationRating {
    std::string inject_id;
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    RatingSummary summary;
    std::vector<std::string> comments;  // non-empty comments, by observer name
};

struct InjectRating {
    std::string inject_id;
    RatingSummary summary;
};

struct OrganisationRating {
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    RatingSummary summary;
};

struct ObservationMetrics {
    RatingSummary overall;
    std::vector<InjectOrganisationRating> by_inject_and_organisation;  // by inject id, organisation name
    std::vector<InjectRating> by_inject;                               // by inject id
    std::vector<OrganisationRating> by_organisation;                   // by organisation name
};

// Adds one rating (1..5; others ignored) to a summary.
void AddRating(RatingSummary& summary, int rating);

Result<ObservationMetrics> ComputeObservationMetrics(db::Database& database, std::int64_t exercise_id);

}  // namespace enshu::world
