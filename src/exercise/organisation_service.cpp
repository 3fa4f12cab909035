#include "exercise/organisation_service.hpp"

#include <utility>

#include "exercise/exercise_repository.hpp"
#include "exercise/person_repository.hpp"
#include "exercise/visibility.hpp"
#include "io/text.hpp"

namespace enshu::exercise {
namespace {

constexpr std::size_t kMaxCodeParameterLength = 64;

struct SortName {
    std::string_view name;
    OrganisationSort sort;
};
constexpr SortName kSortNames[] = {{"name", OrganisationSort::kName},
                                   {"sector", OrganisationSort::kSector},
                                   {"ministry", OrganisationSort::kMinistry},
                                   {"mode", OrganisationSort::kMode},
                                   {"region", OrganisationSort::kRegion},
                                   {"size_band", OrganisationSort::kSizeBand},
                                   {"created_at", OrganisationSort::kCreatedAt},
                                   {"updated_at", OrganisationSort::kUpdatedAt}};

tl::unexpected<Error> OrganisationNotFound(std::int64_t organisation_id) {
    return Fail(ErrorCode::kNotFound, "organisation " + std::to_string(organisation_id) + " not found",
                "organisation_id");
}

tl::unexpected<Error> ExerciseNotFound(std::int64_t exercise_id) {
    return Fail(ErrorCode::kNotFound, "exercise " + std::to_string(exercise_id) + " not found", "exercise_id");
}

Status RequireExercise(db::Connection& connection, std::int64_t exercise_id) {
    auto exists = ExerciseExists(connection, exercise_id);
    if (!exists) return tl::unexpected(exists.error());
    if (!*exists) return ExerciseNotFound(exercise_id);
    return Ok();
}

Result<std::optional<std::string>> CodeParameter(const std::optional<std::string>& value, std::string_view name) {
    if (!value || value->empty()) return std::optional<std::string>();
    if (value->size() > kMaxCodeParameterLength) {
        return Fail(ErrorCode::kInvalidArgument, std::string(name) + ": too long", std::string(name));
    }
    return value;
}

// Fields an org lead may not change (compared with the stored value, so that a
// client may send back the whole organisation unchanged).
Status CheckOrgLeadFields(const OrganisationInput& input, const Organisation& current) {
    const auto differs = [](const std::optional<std::string>& value, const std::string& stored) {
        return value && *value != stored;
    };
    const std::pair<const std::optional<std::string>*, std::pair<const char*, const std::string*>> restricted[] = {
        {&input.name, {"name", &current.name}},
        {&input.sector_code, {"sector_code", &current.sector_code}},
        {&input.ministry_code, {"ministry_code", &current.ministry_code}},
        {&input.external_ref, {"external_ref", &current.external_ref}}};
    for (const auto& [value, field] : restricted) {
        if (differs(*value, *field.second)) {
            return Fail(ErrorCode::kForbidden, std::string(field.first) + ": only organisers may change this field",
                        field.first);
        }
    }
    return Ok();
}

}  // namespace

Result<OrganisationListQuery> ParseOrganisationListQuery(const OrganisationListParameters& parameters) {
    OrganisationListQuery query;
    auto sector = CodeParameter(parameters.sector, "sector");
    if (!sector) return tl::unexpected(sector.error());
    query.filter.sector_code = *sector;
    auto ministry = CodeParameter(parameters.ministry, "ministry");
    if (!ministry) return tl::unexpected(ministry.error());
    query.filter.ministry_code = *ministry;
    if (parameters.mode && !parameters.mode->empty()) {
        if (!IsOneOf(*parameters.mode, kParticipationModes)) {
            return Fail(ErrorCode::kInvalidArgument,
                        "mode: unknown participation mode (one of " + JoinNames(kParticipationModes) + ")", "mode");
        }
        query.filter.participation_mode = parameters.mode;
    }
    if (parameters.q) {
        if (auto error = CheckText(*parameters.q, "q", 0, kMaxSearchCharacters)) return tl::unexpected(*error);
        query.filter.search = *parameters.q;
    }
    if (parameters.sort && !parameters.sort->empty()) {
        bool known = false;
        for (const auto& entry : kSortNames) {
            if (entry.name == *parameters.sort) {
                query.order.sort = entry.sort;
                known = true;
            }
        }
        if (!known) {
            return Fail(ErrorCode::kInvalidArgument,
                        "sort: unknown sort key '" + *parameters.sort +
                            "' (name, sector, ministry, mode, region, size_band, created_at, updated_at)",
                        "sort");
        }
    }
    if (parameters.order && !parameters.order->empty()) {
        if (*parameters.order == "asc") {
            query.order.order = SortOrder::kAscending;
        } else if (*parameters.order == "desc") {
            query.order.order = SortOrder::kDescending;
        } else {
            return Fail(ErrorCode::kInvalidArgument, "order: must be asc or desc", "order");
        }
    }
    auto paging = ParsePaging(parameters.page, parameters.page_size);
    if (!paging) return tl::unexpected(paging.error());
    query.paging = *paging;
    return query;
}

Result<Organisation> LoadVisibleOrganisation(db::Connection& connection, const Principal& principal,
                                             std::int64_t exercise_id, std::int64_t organisation_id) {
    if (!principal.IsMember(exercise_id)) return OrganisationNotFound(organisation_id);
    auto found = FindOrganisation(connection, exercise_id, organisation_id);
    if (!found) return tl::unexpected(found.error());
    if (!*found) return OrganisationNotFound(organisation_id);
    const OrganisationScope scope{exercise_id, organisation_id, (*found)->ministry_code};
    if (!CanViewOrganisation(principal, scope)) return OrganisationNotFound(organisation_id);
    return std::move(**found);
}

Status CheckOrganisationUnique(db::Connection& connection, const Organisation& organisation) {
    auto by_name = FindOrganisationIdByName(connection, organisation.exercise_id, organisation.name, organisation.id);
    if (!by_name) return tl::unexpected(by_name.error());
    if (*by_name) {
        return Fail(ErrorCode::kConflict, "name: an organisation named '" + organisation.name + "' already exists",
                    "name");
    }
    if (!organisation.external_ref.empty()) {
        auto by_ref = FindOrganisationIdByExternalRef(connection, organisation.exercise_id, organisation.external_ref,
                                                      organisation.id);
        if (!by_ref) return tl::unexpected(by_ref.error());
        if (*by_ref) {
            return Fail(ErrorCode::kConflict,
                        "external_ref: '" + organisation.external_ref + "' is already used by another organisation",
                        "external_ref");
        }
    }
    return Ok();
}

Result<OrganisationPage> OrganisationService::List(const Principal& principal, std::int64_t exercise_id,
                                                   const OrganisationListQuery& query) {
    if (!principal.IsMember(exercise_id)) return ExerciseNotFound(exercise_id);
    OrganisationPage page;
    page.page = query.paging.page;
    page.page_size = query.paging.page_size;
    const Visibility visibility = VisibilityOf(principal, exercise_id);
    auto status = database_.Read([&](db::Connection& connection) -> Status {
        if (auto exists = RequireExercise(connection, exercise_id); !exists) return exists;
        auto total = CountOrganisations(connection, exercise_id, visibility, query.filter);
        if (!total) return tl::unexpected(total.error());
        page.total = *total;
        const std::int64_t offset = static_cast<std::int64_t>(query.paging.page - 1) * query.paging.page_size;
        auto items = ListOrganisations(connection, exercise_id, visibility, query.filter, query.order,
                                       query.paging.page_size, offset);
        if (!items) return tl::unexpected(items.error());
        page.items = std::move(*items);
        return Ok();
    });
    if (!status) return tl::unexpected(status.error());
    return page;
}

Result<Organisation> OrganisationService::Get(const Principal& principal, std::int64_t exercise_id,
                                              std::int64_t organisation_id) {
    Organisation organisation;
    auto status = database_.Read([&](db::Connection& connection) -> Status {
        auto found = LoadVisibleOrganisation(connection, principal, exercise_id, organisation_id);
        if (!found) return tl::unexpected(found.error());
        organisation = std::move(*found);
        return Ok();
    });
    if (!status) return tl::unexpected(status.error());
    return organisation;
}

Result<Organisation> OrganisationService::Create(const Principal& principal, const audit::Actor& actor,
                                                 std::int64_t exercise_id, const OrganisationInput& input) {
    if (!principal.IsMember(exercise_id)) return ExerciseNotFound(exercise_id);
    if (!principal.IsOrganiser(exercise_id)) {
        return Fail(ErrorCode::kForbidden, "only organisers may add organisations");
    }
    Organisation organisation;
    organisation.exercise_id = exercise_id;
    auto errors = ApplyOrganisationInput(input, reference_, InputMode::kCreate, ValueSpelling::kCodes, organisation);
    if (!errors.empty()) return tl::unexpected(errors.front());
    const std::string now = FormatTimestamp(clock_.Now());
    auto status = database_.Write([&](db::Connection& connection) -> Status {
        if (auto exists = RequireExercise(connection, exercise_id); !exists) return exists;
        if (auto unique = CheckOrganisationUnique(connection, organisation); !unique) return unique;
        auto id = InsertOrganisation(connection, organisation, now);
        if (!id) return tl::unexpected(id.error());
        organisation.id = *id;
        organisation.created_at = now;
        organisation.updated_at = now;
        return audit_.Append(connection, actor,
                             {exercise_id, "organisation.create", "organisation", std::to_string(organisation.id),
                              nullptr, OrganisationFieldsJson(organisation)});
    });
    if (!status) return tl::unexpected(status.error());
    return organisation;
}

Result<Organisation> OrganisationService::Update(const Principal& principal, const audit::Actor& actor,
                                                 std::int64_t exercise_id, std::int64_t organisation_id,
                                                 const OrganisationInput& input) {
    Organisation organisation;
    const std::string now = FormatTimestamp(clock_.Now());
    auto status = database_.Write([&](db::Connection& connection) -> Status {
        auto found = LoadVisibleOrganisation(connection, principal, exercise_id, organisation_id);
        if (!found) return tl::unexpected(found.error());
        organisation = std::move(*found);
        const OrganisationScope scope{exercise_id, organisation_id, organisation.ministry_code};
        if (!CanEditOrganisation(principal, scope)) {
            return Fail(ErrorCode::kForbidden, "you may not change this organisation", "organisation_id");
        }
        if (!principal.IsOrganiser(exercise_id)) {
            if (auto allowed = CheckOrgLeadFields(input, organisation); !allowed) return allowed;
        }
        const nlohmann::json before = OrganisationFieldsJson(organisation);
        auto errors =
            ApplyOrganisationInput(input, reference_, InputMode::kUpdate, ValueSpelling::kCodes, organisation);
        if (!errors.empty()) return tl::unexpected(errors.front());
        const nlohmann::json after = OrganisationFieldsJson(organisation);
        if (before == after) return Ok();
        if (auto unique = CheckOrganisationUnique(connection, organisation); !unique) return unique;
        if (auto updated = UpdateOrganisation(connection, organisation, now); !updated) return updated;
        organisation.updated_at = now;
        auto [changed_before, changed_after] = audit::ChangedFields(before, after);
        return audit_.Append(connection, actor,
                             {exercise_id, "organisation.update", "organisation", std::to_string(organisation.id),
                              changed_before, changed_after});
    });
    if (!status) return tl::unexpected(status.error());
    return organisation;
}

Status OrganisationService::Delete(const Principal& principal, const audit::Actor& actor, std::int64_t exercise_id,
                                   std::int64_t organisation_id) {
    const std::string now = FormatTimestamp(clock_.Now());
    return database_.Write([&](db::Connection& connection) -> Status {
        auto found = LoadVisibleOrganisation(connection, principal, exercise_id, organisation_id);
        if (!found) return tl::unexpected(found.error());
        if (!principal.IsOrganiser(exercise_id)) {
            return Fail(ErrorCode::kForbidden, "only organisers may remove organisations", "organisation_id");
        }
        auto people = ListPeople(connection, exercise_id, organisation_id, now);
        if (!people) return tl::unexpected(people.error());
        for (const auto& person : *people) {
            if (auto revoked = accounts_.RevokeSessionsOfPerson(connection, person.id); !revoked) return revoked;
            if (auto deleted = DeletePerson(connection, person, now); !deleted) return deleted;
        }
        if (auto deleted = DeleteOrganisation(connection, exercise_id, organisation_id); !deleted) return deleted;
        nlohmann::json before = OrganisationFieldsJson(*found);
        before["people_count"] = people->size();
        return audit_.Append(
            connection, actor,
            {exercise_id, "organisation.delete", "organisation", std::to_string(organisation_id), before, nullptr});
    });
}

}  // namespace enshu::exercise
