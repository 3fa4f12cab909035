#pragma once

// Observer ratings (評価者の記録): observers and evaluators — at the venue or online —
// and the organiser record, per inject and organisation, a rating on a five-level scale
// and a comment (table observation, migration 0009). One rating per observer,
// organisation and inject; the observer edits their own (Save is an upsert). Every
// change is one transaction with its audit entry ("observation.create",
// "observation.update"). No live event: ratings are never shown to the organisations.
//
// The scale (docs/world.md): 1 不十分 / insufficient, 2 要改善 / needs improvement,
// 3 概ね適切 / adequate, 4 適切 / good, 5 模範的 / exemplary.
//
// Roles and scoping are the caller's job (api/observation_handlers.cpp).
// Thread-safe: no state besides references.

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace enshu::world {

inline constexpr int kMinRating = 1;
inline constexpr int kMaxRating = 5;
inline constexpr std::size_t kMaxObservationCommentCharacters = 4000;
inline constexpr std::size_t kMaxObservationInjectIdBytes = 100;

// The labels of ratings 1..5 (index rating - 1).
const std::vector<std::string>& RatingLabelsJa();
const std::vector<std::string>& RatingLabelsEn();

struct ObservationInput {
    std::int64_t organisation_id = 0;
    std::string inject_id;  // 1..100 bytes
    int rating = 0;         // 1..5
    std::string comment;    // 0..4000 characters
};

struct Observation {
    std::int64_t id = 0;
    std::int64_t exercise_id = 0;
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::string inject_id;
    std::int64_t observer_id = 0;
    std::string observer_name;
    int rating = 0;
    std::string comment;
    std::string created_at;
    std::string updated_at;
};

nlohmann::json ObservationJson(const Observation& observation);

// Errors name the JSON member ("organisation_id", "inject_id", "rating", "comment").
Status ValidateObservation(const ObservationInput& input);

struct ObservationFilter {
    std::optional<std::int64_t> organisation_id;
    std::optional<std::string> inject_id;
    std::optional<std::int64_t> observer_id;
};

// Whether inject `inject_id` was released to the organisation (live::PlayService::ReleasedTo
// in production), inside the caller's transaction.
using ReleasedCheck = std::function<Result<bool>(db::Connection&, std::int64_t exercise_id,
                                                 std::int64_t organisation_id, const std::string& inject_id)>;

struct ObservationExport {
    std::string body;
    std::string content_type;
    std::string filename;  // without the exercise marking prefix (added by the API)
};

class ObservationService {
  public:
    ObservationService(db::Database& database, const Clock& clock, const audit::AuditLog& audit);

    // Creates or updates the observer's rating. kNotFound "organisation_id" when the
    // organisation is not in the exercise; kNotFound "inject_id" when the inject was not
    // released to it. Answers the saved observation and whether it was created.
    Result<std::pair<Observation, bool>> Save(std::int64_t exercise_id, std::int64_t observer_id,
                                              const std::string& observer_name, const ObservationInput& input,
                                              const ReleasedCheck& released, const audit::Actor& actor);

    // Ordered by organisation name, inject id, observer name. At most 20,000.
    Result<std::vector<Observation>> List(std::int64_t exercise_id, const ObservationFilter& filter);

    // CSV (UTF-8 with BOM, formula guard) or XLSX ("評価" sheet and an "演習" info sheet
    // with the marking); Japanese headers when japanese, else English.
    Result<ObservationExport> Export(std::int64_t exercise_id, bool xlsx, bool japanese);

  private:
    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
};

}  // namespace enshu::world
