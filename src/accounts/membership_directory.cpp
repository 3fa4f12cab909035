#include "accounts/membership_directory.hpp"

namespace enshu::accounts {
namespace {

constexpr std::string_view kSelectExercise = "SELECT id FROM exercise WHERE id = $1";

constexpr std::string_view kListMemberships =
    "SELECT m.id, m.exercise_id, m.user_id, u.login, u.display_name, m.role, m.ministry_code, m.created_at "
    "FROM membership m JOIN app_user u ON u.id = m.user_id WHERE m.exercise_id = $1 "
    "ORDER BY CASE m.role WHEN 'organiser' THEN 0 WHEN 'controller' THEN 1 WHEN 'ministry' THEN 2 ELSE 3 END, "
    "u.login, m.id";

}  // namespace

Result<std::vector<StaffMembership>> ListStaffMemberships(db::Database& database, std::int64_t exercise_id) {
    std::vector<StaffMembership> memberships;
    auto read = database.Read([&](db::Connection& connection) -> Status {
        auto exercise = connection.QueryOne(kSelectExercise, {exercise_id});
        if (!exercise) return tl::unexpected(exercise.error());
        if (!*exercise) {
            return Fail(ErrorCode::kNotFound, "exercise_id: no exercise " + std::to_string(exercise_id), "exercise_id");
        }
        auto rows = connection.Query(kListMemberships, {exercise_id});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) {
            const auto role = ParseRole(row.Text(5));
            if (!role) return Fail(ErrorCode::kInternal, "membership: unknown role '" + row.Text(5) + "'", "role");
            memberships.push_back(StaffMembership{row.Int(0), row.Int(1), row.Int(2), row.Text(3), row.Text(4), *role,
                                                  row.OptionalText(6), row.Text(7)});
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return memberships;
}

}  // namespace enshu::accounts
