#pragma once

// SQL access to the organisation table (named statements in the .cpp). Every
// function works inside the caller's Read() or Write() transaction and never checks
// authorisation: services do, and pass the caller's Visibility to list queries so
// that scoping happens in SQL.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"
#include "exercise/model.hpp"
#include "exercise/visibility.hpp"

namespace enshu::exercise {

struct OrganisationFilter {
    std::optional<std::string> sector_code;
    std::optional<std::string> ministry_code;
    std::optional<std::string> participation_mode;
    std::string search;  // raw term; normalised (NFKC, case-folded) and matched as a substring
};

enum class OrganisationSort { kName, kSector, kMinistry, kMode, kRegion, kSizeBand, kCreatedAt, kUpdatedAt };
enum class SortOrder { kAscending, kDescending };

struct OrganisationOrder {
    OrganisationSort sort = OrganisationSort::kName;
    SortOrder order = SortOrder::kAscending;
};

// The normalised text searched by `OrganisationFilter::search`:
// NormaliseForSearch(name + " " + name_kana + " " + name_en + " " + external_ref).
std::string OrganisationSearchText(const Organisation& organisation);

// With people_count. std::nullopt when no such organisation in the exercise.
Result<std::optional<Organisation>> FindOrganisation(db::Connection& connection, std::int64_t exercise_id,
                                                     std::int64_t organisation_id);
// Organisations visible under `visibility` that match `filter`, ordered, one page
// (limit < 0: all). Ties are broken by id.
Result<std::vector<Organisation>> ListOrganisations(db::Connection& connection, std::int64_t exercise_id,
                                                    const Visibility& visibility, const OrganisationFilter& filter,
                                                    const OrganisationOrder& order, std::int64_t limit,
                                                    std::int64_t offset);
Result<std::int64_t> CountOrganisations(db::Connection& connection, std::int64_t exercise_id,
                                        const Visibility& visibility, const OrganisationFilter& filter);
// Every organisation of the exercise (no people_count), for imports.
Result<std::vector<Organisation>> AllOrganisations(db::Connection& connection, std::int64_t exercise_id);

// Id of the organisation with that exact name / external_ref, excluding `except_id`.
Result<std::optional<std::int64_t>> FindOrganisationIdByName(db::Connection& connection, std::int64_t exercise_id,
                                                             const std::string& name, std::int64_t except_id = 0);
Result<std::optional<std::int64_t>> FindOrganisationIdByExternalRef(db::Connection& connection,
                                                                    std::int64_t exercise_id,
                                                                    const std::string& external_ref,
                                                                    std::int64_t except_id = 0);

// Inserts (created_at = updated_at = now); returns the new id. external_ref "" is stored as NULL.
Result<std::int64_t> InsertOrganisation(db::Connection& connection, const Organisation& organisation,
                                        const std::string& now);
// Updates every editable field of organisation.id within organisation.exercise_id.
Status UpdateOrganisation(db::Connection& connection, const Organisation& organisation, const std::string& now);
// Deletes the organisation row; its people must have been removed first
// (person_repository DeletePerson), or the database refuses (foreign key).
Status DeleteOrganisation(db::Connection& connection, std::int64_t exercise_id, std::int64_t organisation_id);

}  // namespace enshu::exercise
