#include "exercise/transfer_export.hpp"

#include <map>
#include <utility>

#include "exercise/exercise_repository.hpp"
#include "exercise/organisation_import.hpp"
#include "exercise/organisation_input.hpp"
#include "exercise/person_import.hpp"
#include "exercise/person_input.hpp"
#include "exercise/person_repository.hpp"
#include "exercise/visibility.hpp"

namespace enshu::exercise {
namespace {

Status RequireExporter(const Principal& principal, std::int64_t exercise_id) {
    if (!principal.IsMember(exercise_id)) {
        return Fail(ErrorCode::kNotFound, "exercise " + std::to_string(exercise_id) + " not found", "exercise_id");
    }
    if (!principal.IsOrganiser(exercise_id) && !principal.HasRole(exercise_id, Role::kMinistry)) {
        return Fail(ErrorCode::kForbidden, "only organisers and ministries may export");
    }
    return Ok();
}

// Organisers see all; a ministry member its ministries only (even if it also holds
// another staff role that would see more, exports stay within the ministry's scope
// unless the caller is an organiser).
Visibility ExportVisibility(const Principal& principal, std::int64_t exercise_id) {
    if (principal.IsOrganiser(exercise_id)) return Visibility{true, {}, {}};
    Visibility visibility;
    for (const auto& membership : principal.memberships) {
        if (membership.exercise_id == exercise_id && membership.role == Role::kMinistry && membership.ministry_code) {
            visibility.ministry_codes.push_back(*membership.ministry_code);
        }
    }
    return visibility;
}

Result<std::vector<Organisation>> LoadOrganisations(db::Connection& connection, const Principal& principal,
                                                    std::int64_t exercise_id, const OrganisationFilter& filter) {
    auto exists = ExerciseExists(connection, exercise_id);
    if (!exists) return tl::unexpected(exists.error());
    if (!*exists) return Fail(ErrorCode::kNotFound, "exercise not found", "exercise_id");
    return ListOrganisations(connection, exercise_id, ExportVisibility(principal, exercise_id), filter,
                             OrganisationOrder{}, -1, 0);
}

std::vector<std::string> OrganisationRow(const Organisation& organisation, const ReferenceLookup& reference,
                                         HeaderLanguage language) {
    if (language == HeaderLanguage::kEnglish) {
        return {organisation.external_ref, organisation.name,        organisation.name_kana,
                organisation.name_en,      organisation.sector_code, organisation.ministry_code,
                organisation.size_band,    organisation.region,      organisation.participation_mode};
    }
    const SectorRef* sector = reference.SectorByCode(organisation.sector_code);
    const MinistryRef* ministry = reference.MinistryByCode(organisation.ministry_code);
    const RegionRef* region = reference.RegionByCode(organisation.region);
    return {organisation.external_ref,
            organisation.name,
            organisation.name_kana,
            organisation.name_en,
            sector ? sector->name_ja : organisation.sector_code,
            ministry ? ministry->name_ja : organisation.ministry_code,
            SizeBandLabelJa(organisation.size_band),
            region ? region->name_ja : organisation.region,
            ParticipationModeLabelJa(organisation.participation_mode)};
}

std::string JoinLinkLabel(const std::string& status, HeaderLanguage language) {
    if (language == HeaderLanguage::kEnglish) return status;
    if (status == "active") return "有効";
    if (status == "expired") return "期限切れ";
    if (status == "revoked") return "無効";
    return "なし";
}

std::vector<std::string> PersonRow(const Person& person, const Organisation& organisation, HeaderLanguage language) {
    const bool english = language == HeaderLanguage::kEnglish;
    return {organisation.external_ref.empty() ? organisation.name : organisation.external_ref,
            person.display_name,
            english ? person.role : PersonRoleLabelJa(person.role),
            person.email,
            person.phone,
            person.department,
            english ? (person.is_contact ? "yes" : "no") : (person.is_contact ? "はい" : "いいえ"),
            TeamRolesCell(person.team_roles, !english),
            JoinLinkLabel(person.join_link.status, language)};
}

}  // namespace

Result<ExportFile> ExportOrganisations(const TransferContext& context, std::int64_t exercise_id,
                                       const OrganisationFilter& filter, ExportFormat format, HeaderLanguage language) {
    if (auto allowed = RequireExporter(context.principal, exercise_id); !allowed) {
        return tl::unexpected(allowed.error());
    }
    std::vector<std::vector<std::string>> rows;
    auto status = context.database.Read([&](db::Connection& connection) -> Status {
        auto organisations = LoadOrganisations(connection, context.principal, exercise_id, filter);
        if (!organisations) return tl::unexpected(organisations.error());
        for (const auto& organisation : *organisations) {
            rows.push_back(OrganisationRow(organisation, context.reference, language));
        }
        return Ok();
    });
    if (!status) return tl::unexpected(status.error());
    return BuildExportFile(OrganisationColumns(), language, rows, format,
                           "organisations-" + std::to_string(exercise_id),
                           language == HeaderLanguage::kJapanese ? "組織" : "organisations");
}

Result<ExportFile> ExportPeople(const TransferContext& context, std::int64_t exercise_id,
                                const OrganisationFilter& filter, ExportFormat format, HeaderLanguage language) {
    if (auto allowed = RequireExporter(context.principal, exercise_id); !allowed) {
        return tl::unexpected(allowed.error());
    }
    const std::string now = FormatTimestamp(context.clock.Now());
    std::vector<std::vector<std::string>> rows;
    auto status = context.database.Read([&](db::Connection& connection) -> Status {
        auto organisations = LoadOrganisations(connection, context.principal, exercise_id, filter);
        if (!organisations) return tl::unexpected(organisations.error());
        auto people = ListPeopleOfExercise(connection, exercise_id, now);
        if (!people) return tl::unexpected(people.error());
        std::map<std::int64_t, std::vector<const Person*>> by_organisation;
        for (const auto& person : *people) by_organisation[person.organisation_id].push_back(&person);
        for (const auto& organisation : *organisations) {
            for (const Person* person : by_organisation[organisation.id]) {
                rows.push_back(PersonRow(*person, organisation, language));
            }
        }
        return Ok();
    });
    if (!status) return tl::unexpected(status.error());
    return BuildExportFile(PersonColumns(), language, rows, format, "people-" + std::to_string(exercise_id),
                           language == HeaderLanguage::kJapanese ? "参加者" : "people");
}

}  // namespace enshu::exercise
