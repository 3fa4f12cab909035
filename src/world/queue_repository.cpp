#include "world/queue_repository.hpp"

#include <string_view>

namespace enshu::world {
namespace {

// Columns of a case with its desk, organisation, report and assignee (see CaseOf).
constexpr std::string_view kCaseColumns =
    "SELECT c.id, c.exercise_id, c.desk_id, d.kind, d.code, d.name_ja, d.name_en, c.kind, c.organisation_id, "
    "o.name, o.sector_code, o.ministry_code, c.report_id, r.incident_id, r.stage, c.recipient_code, "
    "c.delivery_order, c.category, c.urgency, c.subject, c.contact_name, c.contact_detail, c.state, "
    "c.assignee_user_id, u.display_name, c.created_at_us, c.scenario_minutes, c.first_reply_at_us, c.updated_at_us, "
    "(SELECT COUNT(*) FROM case_message m WHERE m.case_id = c.id AND m.kind NOT IN ('note', 'handover')) "
    "FROM desk_case c JOIN desk d ON d.id = c.desk_id JOIN organisation o ON o.id = c.organisation_id "
    "LEFT JOIN incident_report r ON r.id = c.report_id LEFT JOIN app_user u ON u.id = c.assignee_user_id ";
// Scope ($1 exercise, $2 organisation or 0, $3 ministry or '') and filters ($4 desk or
// 0, $5 state or '' or 'open', $6 assignee or 0, $7 staff user for "my desks" or 0,
// $8 kind, $9 sector, $10 organisation filter or 0, $11 category).
constexpr std::string_view kCaseFilter =
    "WHERE c.exercise_id = $1 AND ($2 = 0 OR c.organisation_id = $2) "
    "AND ($3 = '' OR (d.kind = 'ministry' AND d.code = $3 AND o.ministry_code = $3)) "
    "AND ($4 = 0 OR c.desk_id = $4) "
    "AND ($5 = '' OR ($5 = 'open' AND c.state <> 'closed') OR c.state = $5) "
    "AND ($6 = 0 OR c.assignee_user_id = $6) "
    "AND ($7 = 0 OR c.desk_id IN (SELECT desk_id FROM desk_staff WHERE user_id = $7)) "
    "AND ($8 = '' OR c.kind = $8) AND ($9 = '' OR o.sector_code = $9) "
    "AND ($10 = 0 OR c.organisation_id = $10) AND ($11 = '' OR c.category = $11) ";
constexpr std::string_view kCaseOrder = "ORDER BY c.created_at_us, c.delivery_order, c.id LIMIT $12 OFFSET $13";
constexpr std::string_view kCountCases =
    "SELECT COUNT(*) FROM desk_case c JOIN desk d ON d.id = c.desk_id JOIN organisation o ON o.id = "
    "c.organisation_id ";
constexpr std::string_view kInsertCase =
    "INSERT INTO desk_case (exercise_id, desk_id, kind, organisation_id, report_id, recipient_code, delivery_order, "
    "category, urgency, subject, contact_name, contact_detail, state, created_by_person_id, created_by_user_id, "
    "created_at_us, scenario_minutes, updated_at_us) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
    "'new', $13, $14, $15, $16, $15) RETURNING id";
constexpr std::string_view kInsertMessage =
    "INSERT INTO case_message (case_id, kind, author_user_id, author_label, body, attachment_id, wall_at_us, "
    "scenario_minutes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
constexpr std::string_view kSelectMessages =
    "SELECT id, case_id, kind, author_user_id, author_label, body, attachment_id, wall_at_us, scenario_minutes "
    "FROM case_message WHERE case_id = $1 AND ($2 = 1 OR kind NOT IN ('note', 'handover')) ORDER BY id";
constexpr std::string_view kUpdateCase =
    "UPDATE desk_case SET state = $2, assignee_user_id = $3, "
    "first_reply_at_us = COALESCE(first_reply_at_us, $4), updated_at_us = $5 WHERE id = $1";
constexpr std::string_view kIsDeskStaff =
    "SELECT 1 FROM membership WHERE exercise_id = $1 AND user_id = $2 AND (role IN ('organiser', 'controller') "
    "OR (role = 'ministry' AND $3 = 'ministry' AND ministry_code = $4)) LIMIT 1";
constexpr std::string_view kIsAdministrator = "SELECT 1 FROM app_user WHERE id = $1 AND is_admin = 1 AND disabled = 0";
constexpr std::string_view kUserName = "SELECT display_name FROM app_user WHERE id = $1";

db::Value OptionalValue(const std::optional<std::int64_t>& value) { return value ? db::Value(*value) : db::Value(); }

std::optional<double> OptionalReal(const db::Row& row, std::size_t column) {
    if (row.IsNull(column)) return std::nullopt;
    return row.Real(column);
}

DeskCase CaseOf(const db::Row& row) {
    DeskCase desk_case;
    desk_case.id = row.Int(0);
    desk_case.exercise_id = row.Int(1);
    desk_case.desk_id = row.Int(2);
    desk_case.desk_kind = ParseDeskKind(row.Text(3)).value_or(DeskKind::kAgency);
    desk_case.desk_code = row.Text(4);
    desk_case.desk_name_ja = row.Text(5);
    desk_case.desk_name_en = row.Text(6);
    desk_case.kind = row.Text(7) == "report" ? CaseKind::kReport : CaseKind::kInquiry;
    desk_case.organisation_id = row.Int(8);
    desk_case.organisation_name = row.Text(9);
    desk_case.sector_code = row.Text(10);
    desk_case.ministry_code = row.Text(11);
    desk_case.report_id = row.OptionalInt(12);
    desk_case.incident_id = row.OptionalInt(13);
    desk_case.stage = row.Text(14);
    desk_case.recipient_code = row.Text(15);
    desk_case.delivery_order = static_cast<int>(row.Int(16));
    desk_case.category = row.Text(17);
    desk_case.urgency = row.Text(18);
    desk_case.subject = row.Text(19);
    desk_case.contact_name = row.Text(20);
    desk_case.contact_detail = row.Text(21);
    desk_case.state = ParseQueueState(row.Text(22)).value_or(QueueState::kNew);
    desk_case.assignee_user_id = row.OptionalInt(23);
    desk_case.assignee_name = row.Text(24);
    desk_case.created_at_us = row.Int(25);
    desk_case.scenario_minutes = OptionalReal(row, 26);
    desk_case.first_reply_at_us = row.OptionalInt(27);
    desk_case.updated_at_us = row.Int(28);
    desk_case.message_count = row.Int(29);
    return desk_case;
}

}  // namespace

Result<CasePage> ListCases(db::Connection& connection, const QueueViewer& viewer, const CaseFilter& filter) {
    const std::int64_t organisation_scope =
        viewer.role == ViewerRole::kOrganisation ? viewer.organisation_id.value_or(-1) : 0;
    const std::string ministry_scope = viewer.role == ViewerRole::kMinistry ? viewer.ministry_code : std::string();
    db::Params params = {viewer.exercise_id,
                         organisation_scope,
                         ministry_scope,
                         filter.desk_id.value_or(0),
                         filter.state,
                         filter.mine ? viewer.user_id : std::int64_t{0},
                         filter.my_desks ? viewer.user_id : std::int64_t{0},
                         filter.kind,
                         filter.sector,
                         filter.organisation_id.value_or(0),
                         filter.category};
    CasePage page;
    auto total = connection.QueryOne(std::string(kCountCases) + std::string(kCaseFilter), params);
    if (!total) return tl::unexpected(total.error());
    page.total = (*total)->Int(0);
    params.push_back(std::int64_t{filter.page_size});
    params.push_back(std::int64_t{(filter.page - 1)} * filter.page_size);
    auto rows =
        connection.Query(std::string(kCaseColumns) + std::string(kCaseFilter) + std::string(kCaseOrder), params);
    if (!rows) return tl::unexpected(rows.error());
    for (const db::Row& row : *rows) page.items.push_back(CaseOf(row));
    return page;
}

Result<DeskCase> LoadCase(db::Connection& connection, std::int64_t exercise_id, std::int64_t case_id) {
    auto row = connection.QueryOne(std::string(kCaseColumns) + "WHERE c.exercise_id = $1 AND c.id = $2",
                                   {exercise_id, case_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return Fail(ErrorCode::kNotFound, "no such case", "case_id");
    return CaseOf(**row);
}

Result<std::int64_t> InsertCase(db::Connection& connection, const NewCase& input, const DeskStamp& stamp) {
    auto row = connection.QueryOne(
        kInsertCase,
        {input.exercise_id, input.desk_id, std::string(CaseKindName(input.kind)), input.organisation_id,
         OptionalValue(input.report_id), input.recipient_code, std::int64_t{input.delivery_order}, input.category,
         input.urgency, input.subject, input.contact_name, input.contact_detail, input.person_id, input.user_id,
         stamp.wall_us, stamp.scenario_minutes ? db::Value(*stamp.scenario_minutes) : db::Value()});
    if (!row) return tl::unexpected(row.error());
    return (*row)->Int(0);
}

Result<CaseMessage> InsertMessage(db::Connection& connection, std::int64_t case_id, const std::string& kind,
                                  std::optional<std::int64_t> author_user_id, const std::string& author_label,
                                  const std::string& body, std::optional<std::int64_t> attachment_id,
                                  const DeskStamp& stamp) {
    auto row = connection.QueryOne(
        kInsertMessage, {case_id, kind, OptionalValue(author_user_id), author_label, body, OptionalValue(attachment_id),
                         stamp.wall_us, stamp.scenario_minutes ? db::Value(*stamp.scenario_minutes) : db::Value()});
    if (!row) return tl::unexpected(row.error());
    return CaseMessage{(*row)->Int(0), case_id,       kind,          author_user_id,        author_label,
                       body,           attachment_id, stamp.wall_us, stamp.scenario_minutes};
}

Result<std::vector<CaseMessage>> LoadMessages(db::Connection& connection, std::int64_t case_id,
                                              InternalMessages internal) {
    auto rows =
        connection.Query(kSelectMessages, {case_id, std::int64_t{internal == InternalMessages::kInclude ? 1 : 0}});
    if (!rows) return tl::unexpected(rows.error());
    std::vector<CaseMessage> messages;
    for (const db::Row& row : *rows) {
        messages.push_back({row.Int(0), row.Int(1), row.Text(2), row.OptionalInt(3), row.Text(4), row.Text(5),
                            row.OptionalInt(6), row.Int(7), OptionalReal(row, 8)});
    }
    return messages;
}

Status UpdateCase(db::Connection& connection, std::int64_t case_id, QueueState state,
                  std::optional<std::int64_t> assignee_user_id, std::optional<std::int64_t> reply_at_us,
                  std::int64_t now_us) {
    auto updated =
        connection.Execute(kUpdateCase, {case_id, std::string(QueueStateName(state)), OptionalValue(assignee_user_id),
                                         OptionalValue(reply_at_us), now_us});
    if (!updated) return tl::unexpected(updated.error());
    return Ok();
}

Result<bool> IsDeskStaffMember(db::Connection& connection, std::int64_t exercise_id, std::int64_t user_id,
                               DeskKind desk_kind, const std::string& desk_code) {
    auto row =
        connection.QueryOne(kIsDeskStaff, {exercise_id, user_id, std::string(DeskKindName(desk_kind)), desk_code});
    if (!row) return tl::unexpected(row.error());
    if (*row) return true;
    auto admin = connection.QueryOne(kIsAdministrator, {user_id});
    if (!admin) return tl::unexpected(admin.error());
    return admin->has_value();
}

Result<std::string> UserName(db::Connection& connection, std::int64_t user_id) {
    auto row = connection.QueryOne(kUserName, {user_id});
    if (!row) return tl::unexpected(row.error());
    return *row ? (*row)->Text(0) : std::string();
}

}  // namespace enshu::world
