#pragma once

// Roles, memberships and the pure authorisation rules of DOMAIN.md: who may see and
// change what. No I/O: the caller loads the Principal (api/authentication) and the
// facts about the resource, then asks these functions.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace enshu {

enum class Role { kOrganiser, kController, kMinistry, kObserver, kOrgLead, kParticipant };

std::string_view RoleName(Role role);                       // "organiser", "org_lead", ...
std::optional<Role> ParseRole(std::string_view name);

// One role of one user in one exercise. organisation_id is set for org_lead and
// participant; ministry_code for ministry.
struct Membership {
    std::int64_t exercise_id = 0;
    Role role = Role::kObserver;
    std::optional<std::int64_t> organisation_id;
    std::optional<std::int64_t> person_id;
    std::optional<std::string> ministry_code;
};

// The authenticated caller of a request.
struct Principal {
    std::int64_t user_id = 0;
    std::int64_t session_id = 0;
    std::string display_name;
    std::string login;           // empty for organisation people
    bool is_admin = false;       // may create exercises; acts as organiser everywhere
    std::string csrf_token;
    std::vector<Membership> memberships;

    bool HasRole(std::int64_t exercise_id, Role role) const;
    bool IsMember(std::int64_t exercise_id) const;
    // Organiser of the exercise, or an administrator.
    bool IsOrganiser(std::int64_t exercise_id) const;
};

// What an authorisation decision needs to know about an organisation.
struct OrganisationScope {
    std::int64_t exercise_id = 0;
    std::int64_t organisation_id = 0;
    std::string ministry_code;
};

// Read access: organisers and observers all; ministry members their ministry's
// sectors; controllers all (they play the agencies answering every organisation);
// an organisation's own people their own.
bool CanViewOrganisation(const Principal& principal, const OrganisationScope& organisation);
// Write access: organisers; the organisation's org lead.
bool CanEditOrganisation(const Principal& principal, const OrganisationScope& organisation);
// Listing the organisations of an exercise (filtered per role by the caller):
// every staff member of the exercise. Organisation people see only their own.
bool CanListOrganisations(const Principal& principal, std::int64_t exercise_id);

}  // namespace enshu
