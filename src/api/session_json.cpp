#include "api/session_json.hpp"

#include <string>

namespace enshu::api {

nlohmann::json MembershipJson(const Membership& membership) {
    nlohmann::json json = {{"exercise_id", membership.exercise_id}, {"role", std::string(RoleName(membership.role))}};
    if (membership.organisation_id) json["organisation_id"] = *membership.organisation_id;
    if (membership.person_id) json["person_id"] = *membership.person_id;
    if (membership.ministry_code) json["ministry_code"] = *membership.ministry_code;
    return json;
}

nlohmann::json SessionJson(const Principal& principal) {
    nlohmann::json memberships = nlohmann::json::array();
    for (const Membership& membership : principal.memberships) memberships.push_back(MembershipJson(membership));
    return {
        {"user",
         {{"id", principal.user_id},
          {"display_name", principal.display_name},
          {"login", principal.login},
          {"kind", principal.login.empty() ? "person" : "staff"},
          {"is_admin", principal.is_admin}}},
        {"memberships", std::move(memberships)},
        {"csrf_token", principal.csrf_token},
    };
}

}  // namespace enshu::api
