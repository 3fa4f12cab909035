// AccountService: staff accounts and their roles in exercises.

#include <utility>

#include "accounts/account_service.hpp"
#include "accounts/account_service_impl.hpp"
#include "accounts/staff_validation.hpp"

namespace enshu::accounts {
namespace {

constexpr std::string_view kSelectUserIdByLogin = "SELECT id FROM app_user WHERE login = $1";

constexpr std::string_view kInsertStaffUser =
    "INSERT INTO app_user (kind, login, display_name, email, password_hash, is_admin, disabled, created_at, "
    "updated_at) VALUES ('staff', $1, $2, $3, $4, $5, 0, $6, $6) RETURNING id";

constexpr std::string_view kSelectExercise = "SELECT id FROM exercise WHERE id = $1";
constexpr std::string_view kSelectUserKind = "SELECT kind, login FROM app_user WHERE id = $1";
constexpr std::string_view kSelectMinistry = "SELECT code FROM ref_ministry WHERE code = $1";
constexpr std::string_view kSelectMembership =
    "SELECT id FROM membership WHERE exercise_id = $1 AND user_id = $2 AND role = $3";
constexpr std::string_view kInsertMembership =
    "INSERT INTO membership (exercise_id, user_id, role, ministry_code, created_at) VALUES ($1, $2, $3, $4, $5) "
    "RETURNING id";

constexpr std::size_t kMaxMinistryCodeBytes = 32;

Error LoginExists() { return Error{ErrorCode::kConflict, "login: login already exists", "login"}; }

bool IsStaffRole(Role role) {
    return role == Role::kOrganiser || role == Role::kController || role == Role::kMinistry || role == Role::kObserver;
}

Status ValidateMembership(Role role, const std::optional<std::string>& ministry_code) {
    if (!IsStaffRole(role)) {
        return Fail(ErrorCode::kInvalidArgument,
                    "role: '" + std::string(RoleName(role)) +
                        "' is not a staff role (organiser, controller, ministry, observer)",
                    "role");
    }
    if (role == Role::kMinistry && (!ministry_code || ministry_code->empty())) {
        return Fail(ErrorCode::kInvalidArgument, "ministry_code: required for role ministry", "ministry_code");
    }
    if (role != Role::kMinistry && ministry_code) {
        return Fail(ErrorCode::kInvalidArgument, "ministry_code: only allowed for role ministry", "ministry_code");
    }
    if (ministry_code && ministry_code->size() > kMaxMinistryCodeBytes) {
        return Fail(ErrorCode::kInvalidArgument, "ministry_code: at most 32 characters", "ministry_code");
    }
    return Ok();
}

}  // namespace

Result<std::int64_t> AccountService::CreateStaffUser(const StaffUserInput& input, const audit::Actor& actor) {
    if (auto valid = ValidateStaffUser(input); !valid) return tl::unexpected(valid.error());
    const std::string login = NormaliseLogin(input.login);
    if (FindUserIdByLogin(login)) return tl::unexpected(LoginExists());

    // Hash before the write transaction: hashing takes tens of milliseconds and must not
    // hold the single writer connection.
    auto password_hash = impl_->hasher.Hash(input.password);
    if (!password_hash) return tl::unexpected(password_hash.error());

    std::int64_t user_id = 0;
    auto written = impl_->database.Write([&](db::Connection& connection) -> Status {
        auto existing = connection.QueryOne(kSelectUserIdByLogin, {login});
        if (!existing) return tl::unexpected(existing.error());
        if (*existing) return tl::unexpected(LoginExists());
        const db::Value email = input.email.empty() ? db::Value(std::monostate{}) : db::Value(input.email);
        auto inserted = connection.QueryOne(
            kInsertStaffUser, {login, input.display_name, email, *password_hash,
                               static_cast<std::int64_t>(input.is_admin ? 1 : 0), FormatTimestamp(impl_->clock.Now())});
        if (!inserted) {
            // A concurrent insert of the same login loses on the UNIQUE constraint.
            if (inserted.error().code == ErrorCode::kConflict) return tl::unexpected(LoginExists());
            return tl::unexpected(inserted.error());
        }
        if (!*inserted) return Fail(ErrorCode::kInternal, "app_user insert returned no id");
        user_id = (*inserted)->Int(0);
        return impl_->audit.Append(connection, actor,
                                   audit::AuditEntry{std::nullopt,
                                                     "user.create",
                                                     "user",
                                                     std::to_string(user_id),
                                                     nullptr,
                                                     {{"login", login},
                                                      {"display_name", input.display_name},
                                                      {"email", input.email},
                                                      {"is_admin", input.is_admin}}});
    });
    if (!written) return tl::unexpected(written.error());
    return user_id;
}

Status AccountService::AddMembership(std::int64_t exercise_id, std::int64_t user_id, Role role,
                                     const std::optional<std::string>& ministry_code, const audit::Actor& actor) {
    if (auto valid = ValidateMembership(role, ministry_code); !valid) return valid;
    const std::string role_name(RoleName(role));
    return impl_->database.Write([&](db::Connection& connection) -> Status {
        auto exercise = connection.QueryOne(kSelectExercise, {exercise_id});
        if (!exercise) return tl::unexpected(exercise.error());
        if (!*exercise) {
            return Fail(ErrorCode::kNotFound, "exercise_id: no exercise " + std::to_string(exercise_id), "exercise_id");
        }
        auto user = connection.QueryOne(kSelectUserKind, {user_id});
        if (!user) return tl::unexpected(user.error());
        if (!*user) return Fail(ErrorCode::kNotFound, "user_id: no user " + std::to_string(user_id), "user_id");
        if ((*user)->Text(0) != "staff") {
            return Fail(ErrorCode::kInvalidArgument, "user_id: not a staff account", "user_id");
        }
        const std::string login = (*user)->Text(1);
        if (ministry_code) {
            auto ministry = connection.QueryOne(kSelectMinistry, {*ministry_code});
            if (!ministry) return tl::unexpected(ministry.error());
            if (!*ministry) {
                return Fail(ErrorCode::kInvalidArgument, "ministry_code: unknown ministry '" + *ministry_code + "'",
                            "ministry_code");
            }
        }
        auto existing = connection.QueryOne(kSelectMembership, {exercise_id, user_id, role_name});
        if (!existing) return tl::unexpected(existing.error());
        if (*existing) {
            return Fail(ErrorCode::kConflict, "role: " + login + " already has role " + role_name, "role");
        }
        const db::Value ministry = ministry_code ? db::Value(*ministry_code) : db::Value(std::monostate{});
        auto inserted = connection.QueryOne(
            kInsertMembership, {exercise_id, user_id, role_name, ministry, FormatTimestamp(impl_->clock.Now())});
        if (!inserted) return tl::unexpected(inserted.error());
        if (!*inserted) return Fail(ErrorCode::kInternal, "membership insert returned no id");
        nlohmann::json after = {{"user_id", user_id}, {"login", login}, {"role", role_name}};
        if (ministry_code) after["ministry_code"] = *ministry_code;
        return impl_->audit.Append(connection, actor,
                                   audit::AuditEntry{exercise_id, "membership.add", "membership",
                                                     std::to_string((*inserted)->Int(0)), nullptr, std::move(after)});
    });
}

std::optional<std::int64_t> AccountService::FindUserIdByLogin(std::string_view login) {
    if (login.empty() || login.size() > kMaxLoginBytes) return std::nullopt;
    std::optional<std::int64_t> user_id;
    const std::string normalised = NormaliseLogin(login);
    // A database failure reads as "not found"; callers that must tell them apart use
    // their own query.
    static_cast<void>(impl_->database.Read([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne(kSelectUserIdByLogin, {normalised});
        if (!row) return tl::unexpected(row.error());
        if (*row) user_id = (*row)->Int(0);
        return Ok();
    }));
    return user_id;
}

}  // namespace enshu::accounts
