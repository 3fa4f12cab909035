#include "exercise/person_service.hpp"

#include <utility>

#include "exercise/organisation_service.hpp"
#include "exercise/person_repository.hpp"

namespace enshu::exercise {
namespace {

tl::unexpected<Error> PersonNotFound(std::int64_t person_id) {
    return Fail(ErrorCode::kNotFound, "person " + std::to_string(person_id) + " not found", "person_id");
}

// The organisation if the caller may change its people: kNotFound outside the
// caller's scope, kForbidden when visible but not editable.
Result<Organisation> LoadEditableOrganisation(db::Connection& connection, const Principal& principal,
                                              std::int64_t exercise_id, std::int64_t organisation_id) {
    auto organisation = LoadVisibleOrganisation(connection, principal, exercise_id, organisation_id);
    if (!organisation) return organisation;
    if (!CanEditOrganisation(principal, {exercise_id, organisation_id, organisation->ministry_code})) {
        return Fail(ErrorCode::kForbidden, "you may not change the people of this organisation", "organisation_id");
    }
    return organisation;
}

bool MayListPeople(const Principal& principal, const Organisation& organisation) {
    const std::int64_t exercise_id = organisation.exercise_id;
    if (principal.IsOrganiser(exercise_id)) return true;
    for (const auto& membership : principal.memberships) {
        if (membership.exercise_id != exercise_id) continue;
        if (membership.role == Role::kMinistry && membership.ministry_code == organisation.ministry_code) return true;
        if ((membership.role == Role::kOrgLead || membership.role == Role::kParticipant) &&
            membership.organisation_id == organisation.id) {
            return true;
        }
    }
    return false;
}

Result<Person> LoadPerson(db::Connection& connection, std::int64_t exercise_id, std::int64_t organisation_id,
                          std::int64_t person_id, const std::string& now) {
    auto person = FindPerson(connection, exercise_id, organisation_id, person_id, now);
    if (!person) return tl::unexpected(person.error());
    if (!*person) return PersonNotFound(person_id);
    return std::move(**person);
}

Status CheckEmailUnique(db::Connection& connection, const Person& person) {
    if (person.email.empty()) return Ok();
    auto existing = FindPersonIdByEmail(connection, person.organisation_id, person.email, person.id);
    if (!existing) return tl::unexpected(existing.error());
    if (*existing) {
        return Fail(ErrorCode::kConflict,
                    "email: '" + person.email + "' is already used by another person of this organisation", "email");
    }
    return Ok();
}

nlohmann::json AuditFields(const Person& person) {
    nlohmann::json fields = PersonFieldsJson(person);
    fields["organisation_id"] = person.organisation_id;
    return fields;
}

}  // namespace

Result<std::vector<Person>> PersonService::List(const Principal& principal, std::int64_t exercise_id,
                                                std::int64_t organisation_id) {
    std::vector<Person> people;
    const std::string now = FormatTimestamp(clock_.Now());
    auto status = database_.Read([&](db::Connection& connection) -> Status {
        auto organisation = LoadVisibleOrganisation(connection, principal, exercise_id, organisation_id);
        if (!organisation) return tl::unexpected(organisation.error());
        if (!MayListPeople(principal, *organisation)) {
            return Fail(ErrorCode::kForbidden, "you may not see the people of this organisation", "organisation_id");
        }
        auto listed = ListPeople(connection, exercise_id, organisation_id, now);
        if (!listed) return tl::unexpected(listed.error());
        people = std::move(*listed);
        return Ok();
    });
    if (!status) return tl::unexpected(status.error());
    return people;
}

Result<PersonWithLink> PersonService::Create(const Principal& principal, const audit::Actor& actor,
                                             std::int64_t exercise_id, std::int64_t organisation_id,
                                             const PersonInput& input) {
    Person person;
    person.exercise_id = exercise_id;
    person.organisation_id = organisation_id;
    PersonWithLink created;
    const std::string now = FormatTimestamp(clock_.Now());
    auto status = database_.Write([&](db::Connection& connection) -> Status {
        auto organisation = LoadEditableOrganisation(connection, principal, exercise_id, organisation_id);
        if (!organisation) return tl::unexpected(organisation.error());
        auto errors = ApplyPersonInput(input, InputMode::kCreate, ValueSpelling::kCodes, person);
        if (!errors.empty()) return tl::unexpected(errors.front());
        if (auto unique = CheckEmailUnique(connection, person); !unique) return unique;
        if (auto inserted = InsertPerson(connection, person, now); !inserted) return inserted;
        if (auto audited = audit_.Append(
                connection, actor,
                {exercise_id, "person.create", "person", std::to_string(person.id), nullptr, AuditFields(person)});
            !audited) {
            return audited;
        }
        auto token = accounts_.IssueJoinLinkIn(connection, person.id, actor);
        if (!token) return tl::unexpected(token.error());
        auto reloaded = LoadPerson(connection, exercise_id, organisation_id, person.id, now);
        if (!reloaded) return tl::unexpected(reloaded.error());
        created.person = std::move(*reloaded);
        created.join_token = std::move(*token);
        created.expires_at = created.person.join_link.expires_at.value_or("");
        return Ok();
    });
    if (!status) return tl::unexpected(status.error());
    return created;
}

Result<Person> PersonService::Update(const Principal& principal, const audit::Actor& actor, std::int64_t exercise_id,
                                     std::int64_t organisation_id, std::int64_t person_id, const PersonInput& input) {
    Person person;
    const std::string now = FormatTimestamp(clock_.Now());
    auto status = database_.Write([&](db::Connection& connection) -> Status {
        auto organisation = LoadEditableOrganisation(connection, principal, exercise_id, organisation_id);
        if (!organisation) return tl::unexpected(organisation.error());
        auto found = LoadPerson(connection, exercise_id, organisation_id, person_id, now);
        if (!found) return tl::unexpected(found.error());
        person = std::move(*found);
        const nlohmann::json before = AuditFields(person);
        auto errors = ApplyPersonInput(input, InputMode::kUpdate, ValueSpelling::kCodes, person);
        if (!errors.empty()) return tl::unexpected(errors.front());
        const nlohmann::json after = AuditFields(person);
        if (before == after) return Ok();
        if (auto unique = CheckEmailUnique(connection, person); !unique) return unique;
        if (auto updated = UpdatePerson(connection, person, now); !updated) return updated;
        person.updated_at = now;
        auto [changed_before, changed_after] = audit::ChangedFields(before, after);
        return audit_.Append(
            connection, actor,
            {exercise_id, "person.update", "person", std::to_string(person.id), changed_before, changed_after});
    });
    if (!status) return tl::unexpected(status.error());
    return person;
}

Status PersonService::Delete(const Principal& principal, const audit::Actor& actor, std::int64_t exercise_id,
                             std::int64_t organisation_id, std::int64_t person_id) {
    const std::string now = FormatTimestamp(clock_.Now());
    return database_.Write([&](db::Connection& connection) -> Status {
        auto organisation = LoadEditableOrganisation(connection, principal, exercise_id, organisation_id);
        if (!organisation) return tl::unexpected(organisation.error());
        auto person = LoadPerson(connection, exercise_id, organisation_id, person_id, now);
        if (!person) return tl::unexpected(person.error());
        if (auto revoked = accounts_.RevokeSessionsOfPerson(connection, person_id); !revoked) return revoked;
        if (auto deleted = DeletePerson(connection, *person, now); !deleted) return deleted;
        return audit_.Append(
            connection, actor,
            {exercise_id, "person.delete", "person", std::to_string(person_id), AuditFields(*person), nullptr});
    });
}

Result<PersonWithLink> PersonService::IssueJoinLink(const Principal& principal, const audit::Actor& actor,
                                                    std::int64_t exercise_id, std::int64_t organisation_id,
                                                    std::int64_t person_id) {
    PersonWithLink issued;
    const std::string now = FormatTimestamp(clock_.Now());
    auto status = database_.Write([&](db::Connection& connection) -> Status {
        auto organisation = LoadEditableOrganisation(connection, principal, exercise_id, organisation_id);
        if (!organisation) return tl::unexpected(organisation.error());
        if (auto person = LoadPerson(connection, exercise_id, organisation_id, person_id, now); !person) {
            return tl::unexpected(person.error());
        }
        auto token = accounts_.IssueJoinLinkIn(connection, person_id, actor);
        if (!token) return tl::unexpected(token.error());
        auto reloaded = LoadPerson(connection, exercise_id, organisation_id, person_id, now);
        if (!reloaded) return tl::unexpected(reloaded.error());
        issued.person = std::move(*reloaded);
        issued.join_token = std::move(*token);
        issued.expires_at = issued.person.join_link.expires_at.value_or("");
        return Ok();
    });
    if (!status) return tl::unexpected(status.error());
    return issued;
}

Status PersonService::RevokeJoinLinks(const Principal& principal, const audit::Actor& actor, std::int64_t exercise_id,
                                      std::int64_t organisation_id, std::int64_t person_id) {
    const std::string now = FormatTimestamp(clock_.Now());
    // The scope check reads; AccountService::RevokeJoinLinks then revokes, ends the
    // sessions and audits in its own write transaction (a person removed in between
    // makes it answer kNotFound).
    auto checked = database_.Read([&](db::Connection& connection) -> Status {
        auto organisation = LoadEditableOrganisation(connection, principal, exercise_id, organisation_id);
        if (!organisation) return tl::unexpected(organisation.error());
        auto person = LoadPerson(connection, exercise_id, organisation_id, person_id, now);
        if (!person) return tl::unexpected(person.error());
        return Ok();
    });
    if (!checked) return checked;
    return accounts_.RevokeJoinLinks(person_id, actor);
}

}  // namespace enshu::exercise
