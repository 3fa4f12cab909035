#pragma once

// People of an organisation and their join links.
// - List: organisers; ministry members for organisations of their ministry; the
//   organisation's own people. Controllers and observers: kForbidden.
// - Create, update, delete, issue and revoke join links: organisers, and the
//   organisation's org lead (for people of its own organisation, any role).
// An organisation outside the caller's scope, or a person not of that organisation,
// is kNotFound. Creating a person creates its app_user and a join link in the same
// transaction; deleting one ends its sessions and removes its links. Every change
// is audited in its transaction. Stateless apart from references; thread-safe.

#include <cstdint>
#include <string>
#include <vector>

#include "accounts/account_service.hpp"
#include "audit/audit_log.hpp"
#include "core/access.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "exercise/model.hpp"
#include "exercise/person_input.hpp"

namespace enshu::exercise {

// A person with a freshly issued join link. The token is shown once (it is stored hashed).
struct PersonWithLink {
    Person person;
    std::string join_token;
    std::string expires_at;
};

class PersonService {
  public:
    PersonService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                  accounts::AccountService& accounts)
        : database_(database), clock_(clock), audit_(audit), accounts_(accounts) {}

    Result<std::vector<Person>> List(const Principal& principal, std::int64_t exercise_id,
                                     std::int64_t organisation_id);
    // Errors: kNotFound, kForbidden, kInvalidArgument (field), kConflict ("email" used
    // by another person of the organisation).
    Result<PersonWithLink> Create(const Principal& principal, const audit::Actor& actor, std::int64_t exercise_id,
                                  std::int64_t organisation_id, const PersonInput& input);
    Result<Person> Update(const Principal& principal, const audit::Actor& actor, std::int64_t exercise_id,
                          std::int64_t organisation_id, std::int64_t person_id, const PersonInput& input);
    Status Delete(const Principal& principal, const audit::Actor& actor, std::int64_t exercise_id,
                  std::int64_t organisation_id, std::int64_t person_id);
    // A new join link; the person's earlier links are revoked.
    Result<PersonWithLink> IssueJoinLink(const Principal& principal, const audit::Actor& actor,
                                         std::int64_t exercise_id, std::int64_t organisation_id,
                                         std::int64_t person_id);
    // Revokes the person's join links and ends its sessions.
    Status RevokeJoinLinks(const Principal& principal, const audit::Actor& actor, std::int64_t exercise_id,
                           std::int64_t organisation_id, std::int64_t person_id);

  private:
    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
    accounts::AccountService& accounts_;
};

}  // namespace enshu::exercise
