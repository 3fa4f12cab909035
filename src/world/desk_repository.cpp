#include "world/desk_repository.hpp"

#include <string_view>

namespace enshu::world {
namespace {

constexpr std::string_view kDeskColumns =
    "SELECT id, exercise_id, kind, code, name_ja, name_en, intro, categories, created_at, updated_at FROM desk ";
constexpr std::string_view kOrderDesks =
    "ORDER BY CASE kind WHEN 'agency' THEN 0 WHEN 'ministry' THEN 1 ELSE 2 END, code";
constexpr std::string_view kSelectNotices =
    "SELECT title, body, published, updated_at FROM desk_notice WHERE desk_id = $1 ORDER BY position";
constexpr std::string_view kSelectStaff = "SELECT user_id FROM desk_staff WHERE desk_id = $1 ORDER BY user_id";
constexpr std::string_view kSelectDeskByCode = "SELECT id FROM desk WHERE exercise_id = $1 AND kind = $2 AND code = $3";
constexpr std::string_view kInsertDesk =
    "INSERT INTO desk (exercise_id, kind, code, name_ja, name_en, intro, categories, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id";
constexpr std::string_view kUpdateDesk =
    "UPDATE desk SET name_ja = $2, name_en = $3, intro = $4, categories = $5, updated_at = $6 WHERE id = $1";
constexpr std::string_view kDeleteNotices = "DELETE FROM desk_notice WHERE desk_id = $1";
constexpr std::string_view kInsertNotice =
    "INSERT INTO desk_notice (desk_id, position, title, body, published, updated_at) VALUES ($1, $2, $3, $4, $5, $6)";
constexpr std::string_view kDeleteStaff = "DELETE FROM desk_staff WHERE desk_id = $1";
constexpr std::string_view kInsertStaff = "INSERT INTO desk_staff (desk_id, user_id) VALUES ($1, $2)";
constexpr std::string_view kCountCases = "SELECT COUNT(*) FROM desk_case WHERE desk_id = $1";
constexpr std::string_view kDeleteDesk = "DELETE FROM desk WHERE id = $1";
constexpr std::string_view kAgencyNames = "SELECT name_ja, name_en FROM ref_agency WHERE code = $1";
constexpr std::string_view kMinistryNames = "SELECT name_ja, name_en FROM ref_ministry WHERE code = $1";
constexpr std::string_view kCeptoarNames = "SELECT ceptoar_name_ja, ceptoar_name_en FROM ref_sector WHERE code = $1";
// A staff member may serve a desk as organiser or controller of the exercise, or as a
// ministry member of the desk's ministry ($3 = '' for other desks).
constexpr std::string_view kIsDeskStaff =
    "SELECT 1 FROM membership WHERE exercise_id = $1 AND user_id = $2 AND (role IN ('organiser', 'controller') "
    "OR (role = 'ministry' AND ministry_code = $3)) LIMIT 1";
constexpr std::string_view kSelectTemplates =
    "SELECT id, desk_id, title, body, created_at FROM desk_reply_template WHERE desk_id = $1 ORDER BY title, id";
constexpr std::string_view kInsertTemplate =
    "INSERT INTO desk_reply_template (desk_id, title, body, created_by, created_at) VALUES ($1, $2, $3, $4, $5) "
    "RETURNING id";
constexpr std::string_view kSelectOrganisation =
    "SELECT id, name, sector_code, ministry_code FROM organisation WHERE exercise_id = $1 AND id = $2";
constexpr std::string_view kServingStaff =
    "SELECT DISTINCT u.id, u.display_name, m.role, COALESCE(m.ministry_code, '') FROM membership m JOIN app_user u "
    "ON u.id = m.user_id WHERE m.exercise_id = $1 AND m.role IN ('organiser', 'controller', 'ministry') "
    "AND u.disabled = 0 ORDER BY m.role, u.display_name, u.id";
constexpr std::string_view kDeleteTemplate = "DELETE FROM desk_reply_template WHERE id = $1 AND desk_id = $2";

std::string CategoriesText(const std::vector<DeskCategory>& categories) {
    nlohmann::json json = nlohmann::json::array();
    for (const auto& category : categories) {
        json.push_back({{"code", category.code}, {"ja", category.ja}, {"en", category.en}});
    }
    return json.dump();
}

std::vector<DeskCategory> CategoriesOf(const std::string& text) {
    std::vector<DeskCategory> categories;
    auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_array()) return DefaultCategories();
    for (const auto& item : json) {
        if (!item.is_object()) continue;
        categories.push_back(
            {item.value("code", std::string()), item.value("ja", std::string()), item.value("en", std::string())});
    }
    return categories;
}

Result<Desk> DeskOf(db::Connection& connection, const db::Row& row) {
    Desk desk;
    desk.id = row.Int(0);
    desk.exercise_id = row.Int(1);
    desk.kind = ParseDeskKind(row.Text(2)).value_or(DeskKind::kAgency);
    desk.code = row.Text(3);
    desk.name_ja = row.Text(4);
    desk.name_en = row.Text(5);
    desk.intro = row.Text(6);
    desk.categories = CategoriesOf(row.Text(7));
    desk.created_at = row.Text(8);
    desk.updated_at = row.Text(9);
    auto notices = connection.Query(kSelectNotices, {desk.id});
    if (!notices) return tl::unexpected(notices.error());
    for (const db::Row& notice : *notices) {
        desk.notices.push_back({notice.Text(0), notice.Text(1), notice.Int(2) != 0, notice.Text(3)});
    }
    auto staff = connection.Query(kSelectStaff, {desk.id});
    if (!staff) return tl::unexpected(staff.error());
    for (const db::Row& member : *staff) desk.staff_user_ids.push_back(member.Int(0));
    return desk;
}

Status WriteNoticesAndStaff(db::Connection& connection, std::int64_t desk_id, const DeskInput& input,
                            const std::string& now) {
    if (auto deleted = connection.Execute(kDeleteNotices, {desk_id}); !deleted) return tl::unexpected(deleted.error());
    std::int64_t position = 0;
    for (const auto& notice : input.notices) {
        auto inserted = connection.Execute(kInsertNotice, {desk_id, ++position, notice.title, notice.body,
                                                           std::int64_t{notice.published ? 1 : 0}, now});
        if (!inserted) return tl::unexpected(inserted.error());
    }
    if (auto deleted = connection.Execute(kDeleteStaff, {desk_id}); !deleted) return tl::unexpected(deleted.error());
    for (std::int64_t user_id : input.staff_user_ids) {
        if (auto inserted = connection.Execute(kInsertStaff, {desk_id, user_id}); !inserted) {
            return tl::unexpected(inserted.error());
        }
    }
    return Ok();
}

}  // namespace

Result<std::vector<Desk>> LoadDesks(db::Connection& connection, std::int64_t exercise_id) {
    const std::string sql = std::string(kDeskColumns) + "WHERE exercise_id = $1 " + std::string(kOrderDesks);
    auto rows = connection.Query(sql, {exercise_id});
    if (!rows) return tl::unexpected(rows.error());
    std::vector<Desk> desks;
    for (const db::Row& row : *rows) {
        auto desk = DeskOf(connection, row);
        if (!desk) return tl::unexpected(desk.error());
        desks.push_back(std::move(*desk));
    }
    return desks;
}

Result<Desk> LoadDesk(db::Connection& connection, std::int64_t exercise_id, std::int64_t desk_id) {
    const std::string sql = std::string(kDeskColumns) + "WHERE exercise_id = $1 AND id = $2";
    auto row = connection.QueryOne(sql, {exercise_id, desk_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return Fail(ErrorCode::kNotFound, "no such desk", "desk_id");
    return DeskOf(connection, **row);
}

Result<std::optional<std::int64_t>> FindDesk(db::Connection& connection, std::int64_t exercise_id, DeskKind kind,
                                             const std::string& code) {
    auto row = connection.QueryOne(kSelectDeskByCode, {exercise_id, std::string(DeskKindName(kind)), code});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>((*row)->Int(0));
}

Result<DeskNames> ReferenceDeskNames(db::Connection& connection, DeskKind kind, const std::string& code) {
    const std::string_view sql = kind == DeskKind::kAgency     ? kAgencyNames
                                 : kind == DeskKind::kMinistry ? kMinistryNames
                                                               : kCeptoarNames;
    auto row = connection.QueryOne(sql, {code});
    if (!row) return tl::unexpected(row.error());
    if (!*row) {
        return Fail(ErrorCode::kInvalidArgument,
                    "code: '" + code + "' is not a known " + std::string(DeskKindName(kind)) + " code", "code");
    }
    return DeskNames{(*row)->Text(0), (*row)->Text(1)};
}

Result<std::int64_t> InsertDesk(db::Connection& connection, std::int64_t exercise_id, const DeskInput& input,
                                const std::string& now) {
    auto existing = FindDesk(connection, exercise_id, input.kind, input.code);
    if (!existing) return tl::unexpected(existing.error());
    if (*existing) return Fail(ErrorCode::kConflict, "a desk for '" + input.code + "' exists already", "code");
    auto row =
        connection.QueryOne(kInsertDesk, {exercise_id, std::string(DeskKindName(input.kind)), input.code, input.name_ja,
                                          input.name_en, input.intro, CategoriesText(input.categories), now});
    if (!row) return tl::unexpected(row.error());
    const std::int64_t id = (*row)->Int(0);
    if (auto s = WriteNoticesAndStaff(connection, id, input, now); !s) return tl::unexpected(s.error());
    return id;
}

Status UpdateDesk(db::Connection& connection, std::int64_t desk_id, const DeskInput& input, const std::string& now) {
    auto updated = connection.Execute(
        kUpdateDesk, {desk_id, input.name_ja, input.name_en, input.intro, CategoriesText(input.categories), now});
    if (!updated) return tl::unexpected(updated.error());
    return WriteNoticesAndStaff(connection, desk_id, input, now);
}

Status DeleteDesk(db::Connection& connection, std::int64_t desk_id) {
    auto cases = connection.QueryOne(kCountCases, {desk_id});
    if (!cases) return tl::unexpected(cases.error());
    if ((*cases)->Int(0) > 0) {
        return Fail(ErrorCode::kConflict, "the desk has cases and cannot be deleted", "desk_id");
    }
    auto deleted = connection.Execute(kDeleteDesk, {desk_id});
    if (!deleted) return tl::unexpected(deleted.error());
    return Ok();
}

Result<EnsuredDesk> EnsureDesk(db::Connection& connection, std::int64_t exercise_id, DeskKind kind,
                               const std::string& code, const std::string& now) {
    auto existing = FindDesk(connection, exercise_id, kind, code);
    if (!existing) return tl::unexpected(existing.error());
    if (*existing) return EnsuredDesk{**existing, false};
    auto names = ReferenceDeskNames(connection, kind, code);
    if (!names) return tl::unexpected(names.error());
    DeskInput input;
    input.kind = kind;
    input.code = code;
    input.name_ja = names->ja;
    input.name_en = names->en;
    input.categories = DefaultCategories();
    auto id = InsertDesk(connection, exercise_id, input, now);
    if (!id) return tl::unexpected(id.error());
    return EnsuredDesk{*id, true};
}

Status CheckDeskStaff(db::Connection& connection, std::int64_t exercise_id, const DeskInput& input) {
    const std::string ministry = input.kind == DeskKind::kMinistry ? input.code : std::string();
    for (std::int64_t user_id : input.staff_user_ids) {
        auto row = connection.QueryOne(kIsDeskStaff, {exercise_id, user_id, ministry});
        if (!row) return tl::unexpected(row.error());
        if (!*row) {
            return Fail(ErrorCode::kInvalidArgument,
                        "staff_user_ids: user " + std::to_string(user_id) +
                            " is not a controller of this exercise (nor staff of the desk's ministry)",
                        "staff_user_ids");
        }
    }
    return Ok();
}

Result<OrganisationFacts> LoadOrganisationFacts(db::Connection& connection, std::int64_t exercise_id,
                                                std::int64_t organisation_id) {
    auto row = connection.QueryOne(kSelectOrganisation, {exercise_id, organisation_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return Fail(ErrorCode::kNotFound, "no such organisation", "organisation_id");
    return OrganisationFacts{(*row)->Int(0), (*row)->Text(1), (*row)->Text(2), (*row)->Text(3)};
}

bool DeskServesOrganisation(DeskKind kind, const std::string& code, const OrganisationFacts& organisation) {
    switch (kind) {
        case DeskKind::kAgency:
            return true;
        case DeskKind::kMinistry:
            return code == organisation.ministry_code;
        case DeskKind::kCeptoar:
            return code == organisation.sector_code;
    }
    return false;
}

Result<std::vector<ServingStaff>> LoadServingStaff(db::Connection& connection, std::int64_t exercise_id) {
    auto rows = connection.Query(kServingStaff, {exercise_id});
    if (!rows) return tl::unexpected(rows.error());
    std::vector<ServingStaff> staff;
    for (const db::Row& row : *rows) staff.push_back({row.Int(0), row.Text(1), row.Text(2), row.Text(3)});
    return staff;
}

Result<std::vector<ReplyTemplate>> LoadReplyTemplates(db::Connection& connection, std::int64_t desk_id) {
    auto rows = connection.Query(kSelectTemplates, {desk_id});
    if (!rows) return tl::unexpected(rows.error());
    std::vector<ReplyTemplate> templates;
    for (const db::Row& row : *rows) {
        templates.push_back({row.Int(0), row.Int(1), row.Text(2), row.Text(3), row.Text(4)});
    }
    return templates;
}

Result<ReplyTemplate> InsertReplyTemplate(db::Connection& connection, std::int64_t desk_id,
                                          const ReplyTemplate& reply_template, std::optional<std::int64_t> created_by,
                                          const std::string& now) {
    auto row = connection.QueryOne(kInsertTemplate, {desk_id, reply_template.title, reply_template.body,
                                                     created_by ? db::Value(*created_by) : db::Value(), now});
    if (!row) return tl::unexpected(row.error());
    ReplyTemplate stored = reply_template;
    stored.id = (*row)->Int(0);
    stored.desk_id = desk_id;
    stored.created_at = now;
    return stored;
}

Status DeleteReplyTemplate(db::Connection& connection, std::int64_t desk_id, std::int64_t template_id) {
    auto deleted = connection.Execute(kDeleteTemplate, {template_id, desk_id});
    if (!deleted) return tl::unexpected(deleted.error());
    if (*deleted == 0) return Fail(ErrorCode::kNotFound, "no such reply template", "template_id");
    return Ok();
}

}  // namespace enshu::world
