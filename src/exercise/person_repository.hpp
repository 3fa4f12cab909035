#pragma once

// SQL access to person, its app_user row and its join links (named statements in
// the .cpp). Functions run inside the caller's transaction and never check
// authorisation. `now` is FormatTimestamp(clock.Now()); join-link status is
// computed against it from the newest join_link row.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"
#include "exercise/model.hpp"

namespace enshu::exercise {

Result<std::optional<Person>> FindPerson(db::Connection& connection, std::int64_t exercise_id,
                                         std::int64_t organisation_id, std::int64_t person_id, const std::string& now);
// The people of one organisation, org leads first, then by display name and id.
Result<std::vector<Person>> ListPeople(db::Connection& connection, std::int64_t exercise_id,
                                       std::int64_t organisation_id, const std::string& now);
// Every person of the exercise, by organisation id, then as ListPeople.
Result<std::vector<Person>> ListPeopleOfExercise(db::Connection& connection, std::int64_t exercise_id,
                                                 const std::string& now);

// Id of another person of the organisation with this e-mail (case-insensitive).
Result<std::optional<std::int64_t>> FindPersonIdByEmail(db::Connection& connection, std::int64_t organisation_id,
                                                        const std::string& email, std::int64_t except_id = 0);

// Inserts the person's app_user (kind 'person') and the person row; sets person.id
// and person.user_id. Uses person.exercise_id and organisation_id.
Status InsertPerson(db::Connection& connection, Person& person, const std::string& now);
// Updates the person's fields and its app_user's display name and e-mail.
Status UpdatePerson(db::Connection& connection, const Person& person, const std::string& now);
// Deletes the person's join links and person row and disables its app_user (kept
// for the audit trail and ended sessions). Sessions must be revoked by the caller.
Status DeletePerson(db::Connection& connection, const Person& person, const std::string& now);

}  // namespace enshu::exercise
