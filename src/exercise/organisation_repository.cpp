#include "exercise/organisation_repository.hpp"

#include <string_view>

#include "exercise/sql_builder.hpp"
#include "io/text.hpp"

namespace enshu::exercise {
namespace {

constexpr std::string_view kOrganisationColumns =
    "SELECT o.id, o.exercise_id, o.external_ref, o.name, o.name_kana, o.name_en, o.sector_code, o.ministry_code, "
    "o.size_band, o.region, o.participation_mode, o.created_at, o.updated_at, "
    "(SELECT COUNT(*) FROM person p WHERE p.organisation_id = o.id) AS people_count "
    "FROM organisation o "
    "LEFT JOIN ref_sector s ON s.code = o.sector_code "
    "LEFT JOIN ref_ministry m ON m.code = o.ministry_code ";
constexpr std::string_view kCountColumns = "SELECT COUNT(*) FROM organisation o ";

// WHERE fragments; each "$?" is numbered by SqlBuilder.
constexpr std::string_view kWhereExercise = "WHERE o.exercise_id = $?";
constexpr std::string_view kWhereId = " AND o.id = $?";
constexpr std::string_view kWhereSector = " AND o.sector_code = $?";
constexpr std::string_view kWhereMinistry = " AND o.ministry_code = $?";
constexpr std::string_view kWhereMode = " AND o.participation_mode = $?";
constexpr std::string_view kWhereSearch = " AND o.search_text LIKE '%' || $? || '%' ESCAPE '\\'";
constexpr std::string_view kWhereNothing = " AND 1 = 0";
constexpr std::string_view kScopeOpen = " AND (1 = 0";
constexpr std::string_view kScopeMinistryOpen = " OR o.ministry_code IN (";
constexpr std::string_view kScopeOrganisationOpen = " OR o.id IN (";
constexpr std::string_view kScopeListClose = ")";
constexpr std::string_view kScopeClose = ")";
constexpr std::string_view kLimitOffset = " LIMIT $?";
constexpr std::string_view kOffset = " OFFSET $?";

// The sort whitelist: each key maps to a fixed ORDER BY fragment.
std::string_view OrderFragment(const OrganisationOrder& order) {
    const bool ascending = order.order == SortOrder::kAscending;
    switch (order.sort) {
        case OrganisationSort::kName:
            return ascending ? " ORDER BY o.name ASC, o.id ASC" : " ORDER BY o.name DESC, o.id DESC";
        case OrganisationSort::kSector:
            return ascending ? " ORDER BY s.sort_order ASC, o.name ASC, o.id ASC"
                             : " ORDER BY s.sort_order DESC, o.name ASC, o.id ASC";
        case OrganisationSort::kMinistry:
            return ascending ? " ORDER BY m.sort_order ASC, o.name ASC, o.id ASC"
                             : " ORDER BY m.sort_order DESC, o.name ASC, o.id ASC";
        case OrganisationSort::kMode:
            return ascending ? " ORDER BY o.participation_mode ASC, o.name ASC, o.id ASC"
                             : " ORDER BY o.participation_mode DESC, o.name ASC, o.id ASC";
        case OrganisationSort::kRegion:
            return ascending ? " ORDER BY o.region ASC, o.name ASC, o.id ASC"
                             : " ORDER BY o.region DESC, o.name ASC, o.id ASC";
        case OrganisationSort::kSizeBand:
            // small < medium < large, not alphabetical.
            return ascending ? " ORDER BY CASE o.size_band WHEN 'small' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END ASC, "
                               "o.name ASC, o.id ASC"
                             : " ORDER BY CASE o.size_band WHEN 'small' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END DESC, "
                               "o.name ASC, o.id ASC";
        case OrganisationSort::kCreatedAt:
            return ascending ? " ORDER BY o.created_at ASC, o.id ASC" : " ORDER BY o.created_at DESC, o.id DESC";
        case OrganisationSort::kUpdatedAt:
            return ascending ? " ORDER BY o.updated_at ASC, o.id ASC" : " ORDER BY o.updated_at DESC, o.id DESC";
    }
    return " ORDER BY o.name ASC, o.id ASC";
}

constexpr std::string_view kSelectAllOrganisations =
    "SELECT id, exercise_id, external_ref, name, name_kana, name_en, sector_code, ministry_code, size_band, region, "
    "participation_mode, created_at, updated_at, 0 FROM organisation WHERE exercise_id = $1 ORDER BY id";

constexpr std::string_view kFindIdByName =
    "SELECT id FROM organisation WHERE exercise_id = $1 AND name = $2 AND id <> $3";
constexpr std::string_view kFindIdByExternalRef =
    "SELECT id FROM organisation WHERE exercise_id = $1 AND external_ref = $2 AND id <> $3";

constexpr std::string_view kInsertOrganisation =
    "INSERT INTO organisation (exercise_id, external_ref, name, name_kana, name_en, sector_code, ministry_code, "
    "size_band, region, participation_mode, search_text, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id";

constexpr std::string_view kUpdateOrganisation =
    "UPDATE organisation SET external_ref = $3, name = $4, name_kana = $5, name_en = $6, sector_code = $7, "
    "ministry_code = $8, size_band = $9, region = $10, participation_mode = $11, search_text = $12, "
    "updated_at = $13 WHERE exercise_id = $1 AND id = $2";

constexpr std::string_view kDeleteOrganisation = "DELETE FROM organisation WHERE exercise_id = $1 AND id = $2";

Organisation OrganisationFromRow(const db::Row& row) {
    Organisation organisation;
    organisation.id = row.Int(0);
    organisation.exercise_id = row.Int(1);
    organisation.external_ref = row.Text(2);
    organisation.name = row.Text(3);
    organisation.name_kana = row.Text(4);
    organisation.name_en = row.Text(5);
    organisation.sector_code = row.Text(6);
    organisation.ministry_code = row.Text(7);
    organisation.size_band = row.Text(8);
    organisation.region = row.Text(9);
    organisation.participation_mode = row.Text(10);
    organisation.created_at = row.Text(11);
    organisation.updated_at = row.Text(12);
    organisation.people_count = row.Int(13);
    return organisation;
}

db::Value NullIfEmpty(const std::string& text) {
    if (text.empty()) return std::monostate{};
    return text;
}

void AppendConditions(SqlBuilder& builder, std::int64_t exercise_id, const Visibility& visibility,
                      const OrganisationFilter& filter) {
    builder.Append(kWhereExercise, exercise_id);
    if (visibility.None()) {
        builder.Append(kWhereNothing);
    } else if (!visibility.all) {
        builder.Append(kScopeOpen);
        if (!visibility.ministry_codes.empty()) {
            builder.AppendInList(kScopeMinistryOpen, visibility.ministry_codes, kScopeListClose);
        }
        if (!visibility.organisation_ids.empty()) {
            builder.AppendInList(kScopeOrganisationOpen, visibility.organisation_ids, kScopeListClose);
        }
        builder.Append(kScopeClose);
    }
    if (filter.sector_code) builder.Append(kWhereSector, *filter.sector_code);
    if (filter.ministry_code) builder.Append(kWhereMinistry, *filter.ministry_code);
    if (filter.participation_mode) builder.Append(kWhereMode, *filter.participation_mode);
    const std::string term = io::NormaliseForSearch(io::TrimSpaces(filter.search));
    if (!term.empty()) builder.Append(kWhereSearch, io::EscapeLike(term));
}

Result<std::optional<std::int64_t>> FindId(db::Connection& connection, std::string_view sql, std::int64_t exercise_id,
                                           const std::string& value, std::int64_t except_id) {
    auto row = connection.QueryOne(sql, {exercise_id, value, except_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>((*row)->Int(0));
}

}  // namespace

std::string OrganisationSearchText(const Organisation& organisation) {
    return io::NormaliseForSearch(organisation.name + " " + organisation.name_kana + " " + organisation.name_en + " " +
                                  organisation.external_ref);
}

Result<std::optional<Organisation>> FindOrganisation(db::Connection& connection, std::int64_t exercise_id,
                                                     std::int64_t organisation_id) {
    SqlBuilder builder;
    builder.Append(kOrganisationColumns).Append(kWhereExercise, exercise_id).Append(kWhereId, organisation_id);
    auto row = connection.QueryOne(builder.sql(), builder.params());
    if (!row) return tl::unexpected(row.error());
    if (!*row) return std::optional<Organisation>();
    return std::optional<Organisation>(OrganisationFromRow(**row));
}

Result<std::vector<Organisation>> ListOrganisations(db::Connection& connection, std::int64_t exercise_id,
                                                    const Visibility& visibility, const OrganisationFilter& filter,
                                                    const OrganisationOrder& order, std::int64_t limit,
                                                    std::int64_t offset) {
    SqlBuilder builder;
    builder.Append(kOrganisationColumns);
    AppendConditions(builder, exercise_id, visibility, filter);
    builder.Append(OrderFragment(order));
    if (limit >= 0) builder.Append(kLimitOffset, limit).Append(kOffset, offset);
    auto rows = connection.Query(builder.sql(), builder.params());
    if (!rows) return tl::unexpected(rows.error());
    std::vector<Organisation> organisations;
    organisations.reserve(rows->size());
    for (const auto& row : *rows) organisations.push_back(OrganisationFromRow(row));
    return organisations;
}

Result<std::int64_t> CountOrganisations(db::Connection& connection, std::int64_t exercise_id,
                                        const Visibility& visibility, const OrganisationFilter& filter) {
    SqlBuilder builder;
    builder.Append(kCountColumns);
    AppendConditions(builder, exercise_id, visibility, filter);
    auto row = connection.QueryOne(builder.sql(), builder.params());
    if (!row) return tl::unexpected(row.error());
    return *row ? (*row)->Int(0) : 0;
}

Result<std::vector<Organisation>> AllOrganisations(db::Connection& connection, std::int64_t exercise_id) {
    auto rows = connection.Query(kSelectAllOrganisations, {exercise_id});
    if (!rows) return tl::unexpected(rows.error());
    std::vector<Organisation> organisations;
    organisations.reserve(rows->size());
    for (const auto& row : *rows) organisations.push_back(OrganisationFromRow(row));
    return organisations;
}

Result<std::optional<std::int64_t>> FindOrganisationIdByName(db::Connection& connection, std::int64_t exercise_id,
                                                             const std::string& name, std::int64_t except_id) {
    return FindId(connection, kFindIdByName, exercise_id, name, except_id);
}

Result<std::optional<std::int64_t>> FindOrganisationIdByExternalRef(db::Connection& connection,
                                                                    std::int64_t exercise_id,
                                                                    const std::string& external_ref,
                                                                    std::int64_t except_id) {
    return FindId(connection, kFindIdByExternalRef, exercise_id, external_ref, except_id);
}

Result<std::int64_t> InsertOrganisation(db::Connection& connection, const Organisation& organisation,
                                        const std::string& now) {
    auto row = connection.QueryOne(
        kInsertOrganisation,
        {organisation.exercise_id, NullIfEmpty(organisation.external_ref), organisation.name, organisation.name_kana,
         organisation.name_en, organisation.sector_code, organisation.ministry_code, organisation.size_band,
         organisation.region, organisation.participation_mode, OrganisationSearchText(organisation), now});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return Fail(ErrorCode::kInternal, "organisation insert returned no id");
    return (*row)->Int(0);
}

Status UpdateOrganisation(db::Connection& connection, const Organisation& organisation, const std::string& now) {
    auto changed = connection.Execute(
        kUpdateOrganisation, {organisation.exercise_id, organisation.id, NullIfEmpty(organisation.external_ref),
                              organisation.name, organisation.name_kana, organisation.name_en, organisation.sector_code,
                              organisation.ministry_code, organisation.size_band, organisation.region,
                              organisation.participation_mode, OrganisationSearchText(organisation), now});
    if (!changed) return tl::unexpected(changed.error());
    if (*changed == 0) return Fail(ErrorCode::kNotFound, "organisation not found", "organisation_id");
    return Ok();
}

Status DeleteOrganisation(db::Connection& connection, std::int64_t exercise_id, std::int64_t organisation_id) {
    auto changed = connection.Execute(kDeleteOrganisation, {exercise_id, organisation_id});
    if (!changed) return tl::unexpected(changed.error());
    if (*changed == 0) return Fail(ErrorCode::kNotFound, "organisation not found", "organisation_id");
    return Ok();
}

}  // namespace enshu::exercise
