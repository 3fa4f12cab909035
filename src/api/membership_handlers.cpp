// Staff roles of an exercise: GET and POST /api/exercises/{exercise_id}/memberships
// (organisers only). The logic lives in accounts::AccountService and
// accounts::ListStaffMemberships.

#include <nlohmann/json.hpp>

#include "accounts/account_service.hpp"
#include "accounts/membership_directory.hpp"
#include "api/actor.hpp"
#include "api/handlers.hpp"
#include "api/organiser_scope.hpp"
#include "exercise/field_validation.hpp"

namespace enshu::api {
namespace {

constexpr std::size_t kMaxLoginCharacters = 64;
constexpr std::size_t kMaxRoleCharacters = 32;
constexpr std::size_t kMaxMinistryCodeCharacters = 32;

nlohmann::json StaffMembershipJson(const accounts::StaffMembership& membership) {
    return {
        {"id", membership.id},
        {"exercise_id", membership.exercise_id},
        {"user_id", membership.user_id},
        {"login", membership.login},
        {"display_name", membership.display_name},
        {"role", std::string(RoleName(membership.role))},
        {"ministry_code", membership.ministry_code ? nlohmann::json(*membership.ministry_code) : nlohmann::json()},
        {"created_at", membership.created_at},
    };
}

// A string member of at most `max_characters` characters; nullopt when absent or null.
Result<std::optional<std::string>> BoundedString(const nlohmann::json& body, std::string_view member,
                                                 std::size_t max_characters) {
    auto value = exercise::OptionalString(body, member, member);
    if (!value || !*value) return value;
    if (auto error = exercise::CheckText(**value, member, 1, max_characters)) return tl::unexpected(*error);
    return value;
}

}  // namespace

Result<Response> HandleListMemberships(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    if (auto caller = RequireOrganiserOf(context, *exercise_id); !caller) return tl::unexpected(caller.error());
    auto memberships = accounts::ListStaffMemberships(context.services.database, *exercise_id);
    if (!memberships) return tl::unexpected(memberships.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& membership : *memberships) items.push_back(StaffMembershipJson(membership));
    const auto total = static_cast<std::int64_t>(items.size());
    return Response::Json({{"items", std::move(items)}, {"total", total}});
}

Result<Response> HandleAddMembership(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    if (auto caller = RequireOrganiserOf(context, *exercise_id); !caller) return tl::unexpected(caller.error());

    auto body = context.JsonBody();
    if (!body) return tl::unexpected(body.error());
    if (auto known = exercise::RejectUnknownMembers(*body, {"login", "role", "ministry_code"}, {}); !known) {
        return tl::unexpected(known.error());
    }
    auto login = BoundedString(*body, "login", kMaxLoginCharacters);
    if (!login) return tl::unexpected(login.error());
    if (!*login) return Fail(ErrorCode::kInvalidArgument, "login: required", "login");
    auto role_name = BoundedString(*body, "role", kMaxRoleCharacters);
    if (!role_name) return tl::unexpected(role_name.error());
    if (!*role_name) return Fail(ErrorCode::kInvalidArgument, "role: required", "role");
    const auto role = ParseRole(**role_name);
    if (!role) return Fail(ErrorCode::kInvalidArgument, "role: unknown role '" + **role_name + "'", "role");
    auto ministry_code = BoundedString(*body, "ministry_code", kMaxMinistryCodeCharacters);
    if (!ministry_code) return tl::unexpected(ministry_code.error());

    const auto user_id = context.services.accounts.FindUserIdByLogin(**login);
    if (!user_id) return Fail(ErrorCode::kNotFound, "login: no staff account '" + **login + "'", "login");
    if (auto added =
            context.services.accounts.AddMembership(*exercise_id, *user_id, *role, *ministry_code, ActorOf(context));
        !added) {
        return tl::unexpected(added.error());
    }

    auto memberships = accounts::ListStaffMemberships(context.services.database, *exercise_id);
    if (!memberships) return tl::unexpected(memberships.error());
    for (const auto& membership : *memberships) {
        if (membership.user_id == *user_id && membership.role == *role) {
            return Response::Json(StaffMembershipJson(membership), 201);
        }
    }
    return Fail(ErrorCode::kInternal, "membership was added but is not listed", "role");
}

}  // namespace enshu::api
