#pragma once

// Organisations of an exercise: list (scoped per role in SQL), read, create,
// update, delete. Scoping follows core/access.hpp: anything outside the caller's
// scope is kNotFound; visible but not editable is kForbidden. An org lead may edit
// only name_kana, name_en, size_band, region and participation_mode of its own
// organisation. Every change is written with its audit entry in one transaction.
// Stateless apart from its references; safe to share between threads.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/account_service.hpp"
#include "audit/audit_log.hpp"
#include "core/access.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "exercise/field_validation.hpp"
#include "exercise/organisation_input.hpp"
#include "exercise/organisation_repository.hpp"
#include "exercise/reference_lookup.hpp"

namespace enshu::exercise {

inline constexpr std::size_t kMaxSearchCharacters = 200;

struct OrganisationListQuery {
    OrganisationFilter filter;
    OrganisationOrder order;
    Paging paging;
};

// The query parameters of GET .../organisations (docs/api.md), each optional:
// sector, ministry, mode, q (<= 200 characters), sort (name, sector, ministry, mode,
// region, size_band, created_at, updated_at), order (asc, desc), page, page_size.
// Errors: kInvalidArgument naming the parameter.
struct OrganisationListParameters {
    std::optional<std::string> sector = std::nullopt;
    std::optional<std::string> ministry = std::nullopt;
    std::optional<std::string> mode = std::nullopt;
    std::optional<std::string> q = std::nullopt;
    std::optional<std::string> sort = std::nullopt;
    std::optional<std::string> order = std::nullopt;
    std::optional<std::string> page = std::nullopt;
    std::optional<std::string> page_size = std::nullopt;
};
Result<OrganisationListQuery> ParseOrganisationListQuery(const OrganisationListParameters& parameters);

struct OrganisationPage {
    std::vector<Organisation> items;
    std::int64_t total = 0;
    int page = 1;
    int page_size = 50;
};

class OrganisationService {
  public:
    OrganisationService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                        const ReferenceLookup& reference, accounts::AccountService& accounts)
        : database_(database), clock_(clock), audit_(audit), reference_(reference), accounts_(accounts) {}

    // Errors: kNotFound (exercise unknown or the caller is not a member).
    Result<OrganisationPage> List(const Principal& principal, std::int64_t exercise_id,
                                  const OrganisationListQuery& query);
    // Errors: kNotFound (unknown or outside the caller's scope).
    Result<Organisation> Get(const Principal& principal, std::int64_t exercise_id, std::int64_t organisation_id);
    // Organisers only. Errors: kNotFound (exercise), kForbidden, kInvalidArgument (field),
    // kConflict (field "name" or "external_ref" already used in the exercise).
    Result<Organisation> Create(const Principal& principal, const audit::Actor& actor, std::int64_t exercise_id,
                                const OrganisationInput& input);
    // Organisers; the organisation's org lead for its editable fields. Errors as
    // Create, plus kForbidden naming a field an org lead may not change.
    Result<Organisation> Update(const Principal& principal, const audit::Actor& actor, std::int64_t exercise_id,
                                std::int64_t organisation_id, const OrganisationInput& input);
    // Organisers only. Removes the organisation's people (ending their sessions and
    // join links) and the organisation.
    Status Delete(const Principal& principal, const audit::Actor& actor, std::int64_t exercise_id,
                  std::int64_t organisation_id);

  private:
    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
    const ReferenceLookup& reference_;
    accounts::AccountService& accounts_;
};

// Loads an organisation the caller may see, in the caller's transaction, or kNotFound.
Result<Organisation> LoadVisibleOrganisation(db::Connection& connection, const Principal& principal,
                                             std::int64_t exercise_id, std::int64_t organisation_id);

// kConflict naming "name" / "external_ref" when another organisation of the exercise
// (other than organisation.id) already uses them.
Status CheckOrganisationUnique(db::Connection& connection, const Organisation& organisation);

}  // namespace enshu::exercise
