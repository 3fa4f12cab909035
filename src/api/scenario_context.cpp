#include "api/scenario_context.hpp"

#include <set>
#include <string>

#include "exercise/organisation_repository.hpp"
#include "exercise/reference_lookup.hpp"

namespace enshu::api {

Result<scenario::ValidationContext> ExerciseValidationContext(db::Database& database, std::int64_t exercise_id) {
    auto reference = exercise::SharedReferenceData(database);
    if (!reference) return tl::unexpected(reference.error());
    scenario::ValidationContext validation = scenario::ValidationContextFrom(**reference);
    std::set<std::string> refs;
    auto status = database.Read([&](db::Connection& connection) -> Status {
        auto organisations = exercise::AllOrganisations(connection, exercise_id);
        if (!organisations) return tl::unexpected(organisations.error());
        for (const auto& organisation : *organisations) {
            if (!organisation.external_ref.empty()) refs.insert(organisation.external_ref);
            refs.insert("id:" + std::to_string(organisation.id));
        }
        return Ok();
    });
    if (!status) return tl::unexpected(status.error());
    validation.organisation_refs = std::move(refs);
    return validation;
}

}  // namespace enshu::api
