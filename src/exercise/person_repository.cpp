#include "exercise/person_repository.hpp"

#include <algorithm>
#include <string_view>

namespace enshu::exercise {
namespace {

// The newest join link decides the status shown (docs/api.md).
constexpr std::string_view kPersonColumns =
    "SELECT p.id, p.user_id, p.exercise_id, p.organisation_id, p.role, p.display_name, p.email, p.phone, "
    "p.department, p.is_contact, p.created_at, p.updated_at, j.id, j.expires_at, j.revoked_at, j.last_used_at, "
    "p.team_roles "
    "FROM person p "
    "LEFT JOIN join_link j ON j.id = (SELECT MAX(l.id) FROM join_link l WHERE l.person_id = p.id) ";

constexpr std::string_view kPeopleOrder =
    " ORDER BY CASE p.role WHEN 'org_lead' THEN 0 ELSE 1 END, p.display_name, p.id";

const std::string kFindPerson =
    std::string(kPersonColumns) + "WHERE p.exercise_id = $1 AND p.organisation_id = $2 AND p.id = $3";
const std::string kListPeople =
    std::string(kPersonColumns) + "WHERE p.exercise_id = $1 AND p.organisation_id = $2" + std::string(kPeopleOrder);
const std::string kListPeopleOfExercise = std::string(kPersonColumns) +
                                          "WHERE p.exercise_id = $1 ORDER BY p.organisation_id, " +
                                          "CASE p.role WHEN 'org_lead' THEN 0 ELSE 1 END, p.display_name, p.id";

constexpr std::string_view kFindIdByEmail =
    "SELECT id FROM person WHERE organisation_id = $1 AND lower(email) = lower($2) AND email <> '' AND id <> $3";

constexpr std::string_view kInsertUser =
    "INSERT INTO app_user (kind, login, display_name, email, password_hash, is_admin, disabled, created_at, "
    "updated_at) VALUES ('person', NULL, $1, $2, NULL, 0, 0, $3, $3) RETURNING id";
constexpr std::string_view kInsertPerson =
    "INSERT INTO person (user_id, exercise_id, organisation_id, role, display_name, email, phone, department, "
    "is_contact, team_roles, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $11, $10, $10) "
    "RETURNING id";
constexpr std::string_view kUpdatePerson =
    "UPDATE person SET role = $2, display_name = $3, email = $4, phone = $5, department = $6, is_contact = $7, "
    "team_roles = $9, updated_at = $8 WHERE id = $1";
constexpr std::string_view kUpdateUser =
    "UPDATE app_user SET display_name = $2, email = $3, updated_at = $4 WHERE id = $1 AND kind = 'person'";
constexpr std::string_view kDeleteJoinLinks = "DELETE FROM join_link WHERE person_id = $1";
constexpr std::string_view kDeletePerson = "DELETE FROM person WHERE id = $1";
constexpr std::string_view kDisableUser =
    "UPDATE app_user SET disabled = 1, updated_at = $2 WHERE id = $1 AND kind = 'person'";

db::Value NullIfEmpty(const std::string& text) {
    if (text.empty()) return std::monostate{};
    return text;
}

// person.team_roles is stored comma-separated ("csirt,pr"), as the live stream reads it.
std::vector<std::string> SplitStoredTeamRoles(const std::string& text) {
    std::vector<std::string> roles;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = std::min(text.find(',', start), text.size());
        if (end > start) roles.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return roles;
}

std::string StoredTeamRoles(const std::vector<std::string>& roles) {
    std::string text;
    for (const auto& role : roles) {
        if (!text.empty()) text += ",";
        text += role;
    }
    return text;
}

Person PersonFromRow(const db::Row& row, const std::string& now) {
    Person person;
    person.id = row.Int(0);
    person.user_id = row.Int(1);
    person.exercise_id = row.Int(2);
    person.organisation_id = row.Int(3);
    person.role = row.Text(4);
    person.display_name = row.Text(5);
    person.email = row.Text(6);
    person.phone = row.Text(7);
    person.department = row.Text(8);
    person.is_contact = row.Int(9) != 0;
    person.created_at = row.Text(10);
    person.updated_at = row.Text(11);
    person.team_roles = SplitStoredTeamRoles(row.Text(16));
    if (!row.IsNull(12)) {
        person.join_link.expires_at = row.Text(13);
        person.join_link.last_used_at = row.OptionalText(15);
        if (!row.IsNull(14)) {
            person.join_link.status = "revoked";
        } else if (row.Text(13) <= now) {
            person.join_link.status = "expired";
        } else {
            person.join_link.status = "active";
        }
    }
    return person;
}

Result<std::vector<Person>> QueryPeople(db::Connection& connection, std::string_view sql, const db::Params& params,
                                        const std::string& now) {
    auto rows = connection.Query(sql, params);
    if (!rows) return tl::unexpected(rows.error());
    std::vector<Person> people;
    people.reserve(rows->size());
    for (const auto& row : *rows) people.push_back(PersonFromRow(row, now));
    return people;
}

Status ExpectChanged(const Result<std::int64_t>& changed, std::string_view what) {
    if (!changed) return tl::unexpected(changed.error());
    if (*changed == 0) return Fail(ErrorCode::kNotFound, std::string(what) + " not found", "person_id");
    return Ok();
}

}  // namespace

Result<std::optional<Person>> FindPerson(db::Connection& connection, std::int64_t exercise_id,
                                         std::int64_t organisation_id, std::int64_t person_id, const std::string& now) {
    auto row = connection.QueryOne(kFindPerson, {exercise_id, organisation_id, person_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return std::optional<Person>();
    return std::optional<Person>(PersonFromRow(**row, now));
}

Result<std::vector<Person>> ListPeople(db::Connection& connection, std::int64_t exercise_id,
                                       std::int64_t organisation_id, const std::string& now) {
    return QueryPeople(connection, kListPeople, {exercise_id, organisation_id}, now);
}

Result<std::vector<Person>> ListPeopleOfExercise(db::Connection& connection, std::int64_t exercise_id,
                                                 const std::string& now) {
    return QueryPeople(connection, kListPeopleOfExercise, {exercise_id}, now);
}

Result<std::optional<std::int64_t>> FindPersonIdByEmail(db::Connection& connection, std::int64_t organisation_id,
                                                        const std::string& email, std::int64_t except_id) {
    auto row = connection.QueryOne(kFindIdByEmail, {organisation_id, email, except_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>((*row)->Int(0));
}

Status InsertPerson(db::Connection& connection, Person& person, const std::string& now) {
    auto user = connection.QueryOne(kInsertUser, {person.display_name, NullIfEmpty(person.email), now});
    if (!user) return tl::unexpected(user.error());
    if (!*user) return Fail(ErrorCode::kInternal, "app_user insert returned no id");
    person.user_id = (*user)->Int(0);
    auto row = connection.QueryOne(
        kInsertPerson, {person.user_id, person.exercise_id, person.organisation_id, person.role, person.display_name,
                        person.email, person.phone, person.department, std::int64_t{person.is_contact ? 1 : 0}, now,
                        StoredTeamRoles(person.team_roles)});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return Fail(ErrorCode::kInternal, "person insert returned no id");
    person.id = (*row)->Int(0);
    person.created_at = now;
    person.updated_at = now;
    return Ok();
}

Status UpdatePerson(db::Connection& connection, const Person& person, const std::string& now) {
    if (auto status = ExpectChanged(
            connection.Execute(kUpdatePerson, {person.id, person.role, person.display_name, person.email, person.phone,
                                               person.department, std::int64_t{person.is_contact ? 1 : 0}, now,
                                               StoredTeamRoles(person.team_roles)}),
            "person");
        !status) {
        return status;
    }
    auto changed =
        connection.Execute(kUpdateUser, {person.user_id, person.display_name, NullIfEmpty(person.email), now});
    if (!changed) return tl::unexpected(changed.error());
    return Ok();
}

Status DeletePerson(db::Connection& connection, const Person& person, const std::string& now) {
    if (auto changed = connection.Execute(kDeleteJoinLinks, {person.id}); !changed) {
        return tl::unexpected(changed.error());
    }
    if (auto status = ExpectChanged(connection.Execute(kDeletePerson, {person.id}), "person"); !status) return status;
    auto changed = connection.Execute(kDisableUser, {person.user_id, now});
    if (!changed) return tl::unexpected(changed.error());
    return Ok();
}

}  // namespace enshu::exercise
