#include "exercise/person_input.hpp"

#include <algorithm>
#include <utility>

#include "core/team_roles.hpp"
#include "exercise/field_validation.hpp"
#include "io/text.hpp"

namespace enshu::exercise {
namespace {

Error Invalid(std::string_view field, std::string message) {
    return Error{ErrorCode::kInvalidArgument, std::string(field) + ": " + std::move(message), std::string(field)};
}

std::optional<std::string> MatchRole(std::string_view value, ValueSpelling spelling) {
    if (IsOneOf(value, kPersonRoles)) return std::string(value);
    if (spelling == ValueSpelling::kCodes) return std::nullopt;
    const std::string normalised = io::NormaliseForSearch(value);
    for (std::string_view role : kPersonRoles) {
        if (io::NormaliseForSearch(role) == normalised ||
            io::NormaliseForSearch(PersonRoleLabelJa(role)) == normalised) {
            return std::string(role);
        }
    }
    return std::nullopt;
}

std::optional<std::size_t> MatchTeamRole(std::string_view value, ValueSpelling spelling) {
    if (auto index = TeamRoleIndex(value)) return index;
    if (spelling == ValueSpelling::kCodes) return std::nullopt;
    const std::string normalised = io::NormaliseForSearch(value);
    for (std::size_t i = 0; i < std::size(kTeamRoles); ++i) {
        if (io::NormaliseForSearch(kTeamRoles[i]) == normalised ||
            io::NormaliseForSearch(kTeamRoleLabelsJa[i]) == normalised) {
            return i;
        }
    }
    return std::nullopt;
}

// Validates team roles; on success `roles` holds the codes in kTeamRoles order.
void ApplyTeamRoles(const std::vector<std::string>& values, ValueSpelling spelling, std::vector<Error>& errors,
                    std::vector<std::string>& roles) {
    if (values.size() > kMaxTeamRoles) {
        errors.push_back(Invalid("team_roles", "at most " + std::to_string(kMaxTeamRoles) + " team roles"));
        return;
    }
    bool chosen[std::size(kTeamRoles)] = {};
    const std::size_t errors_before = errors.size();
    for (std::size_t i = 0; i < values.size(); ++i) {
        const std::string field = "team_roles[" + std::to_string(i) + "]";
        const auto index = MatchTeamRole(values[i], spelling);
        if (!index) {
            errors.push_back(
                Invalid(field, "unknown team role '" + values[i] + "' (one of " + JoinNames(kTeamRoles) +
                                   (spelling == ValueSpelling::kCodes ? std::string(")")
                                                                      : " or " + JoinNames(kTeamRoleLabelsJa) + ")")));
        } else if (chosen[*index]) {
            errors.push_back(Invalid(field, "team role '" + values[i] + "' is listed twice"));
        } else {
            chosen[*index] = true;
        }
    }
    if (errors.size() != errors_before) return;
    roles.clear();
    for (std::size_t i = 0; i < std::size(kTeamRoles); ++i) {
        if (chosen[i]) roles.emplace_back(kTeamRoles[i]);
    }
}

}  // namespace

std::vector<std::string> SplitTeamRolesCell(std::string_view cell) {
    std::string text(cell);
    for (std::string_view comma : {"，", "、"}) {
        for (auto at = text.find(comma); at != std::string::npos; at = text.find(comma, at + 1)) {
            text.replace(at, comma.size(), ",");
        }
    }
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(',', start), text.size());
        std::string part = io::TrimSpaces(std::string_view(text).substr(start, end - start));
        if (!part.empty()) parts.push_back(std::move(part));
        start = end + 1;
    }
    return parts;
}

std::string TeamRolesCell(const std::vector<std::string>& team_roles, bool japanese) {
    std::string cell;
    for (const auto& role : team_roles) {
        if (!cell.empty()) cell += ",";
        cell += japanese ? TeamRoleLabelJa(role) : role;
    }
    return cell;
}

std::string PersonRoleLabelJa(std::string_view role) {
    if (role == "org_lead") return "組織責任者";
    if (role == "participant") return "参加者";
    return std::string(role);
}

std::optional<bool> ParseYesNo(std::string_view text) {
    const std::string normalised = io::NormaliseForSearch(io::TrimSpaces(text));
    for (std::string_view yes : {"yes", "true", "1", "はい", "y"}) {
        if (normalised == yes) return true;
    }
    for (std::string_view no : {"no", "false", "0", "いいえ", "n", ""}) {
        if (normalised == no) return false;
    }
    return std::nullopt;
}

Result<PersonInput> ParsePersonJson(const nlohmann::json& body) {
    if (!body.is_object()) return Fail(ErrorCode::kInvalidArgument, "body: must be a JSON object", "body");
    if (auto status = RejectUnknownMembers(
            body, {"display_name", "role", "email", "phone", "department", "is_contact", "team_roles"},
            {"id", "organisation_id", "join_link", "created_at", "updated_at"});
        !status) {
        return tl::unexpected(status.error());
    }
    PersonInput input;
    const std::pair<const char*, std::optional<std::string>*> members[] = {{"display_name", &input.display_name},
                                                                           {"role", &input.role},
                                                                           {"email", &input.email},
                                                                           {"phone", &input.phone},
                                                                           {"department", &input.department}};
    for (const auto& [member, target] : members) {
        auto value = OptionalString(body, member, member);
        if (!value) return tl::unexpected(value.error());
        if (*value) *target = io::TrimSpaces(**value);
    }
    auto is_contact = OptionalBool(body, "is_contact", "is_contact");
    if (!is_contact) return tl::unexpected(is_contact.error());
    input.is_contact = *is_contact;
    if (body.contains("team_roles") && !body.at("team_roles").is_null()) {
        const auto& roles = body.at("team_roles");
        if (!roles.is_array()) {
            return Fail(ErrorCode::kInvalidArgument, "team_roles: must be an array of strings", "team_roles");
        }
        if (roles.size() > kMaxTeamRoles) {
            return Fail(ErrorCode::kInvalidArgument,
                        "team_roles: at most " + std::to_string(kMaxTeamRoles) + " team roles", "team_roles");
        }
        std::vector<std::string> values;
        for (std::size_t i = 0; i < roles.size(); ++i) {
            const std::string field = "team_roles[" + std::to_string(i) + "]";
            if (!roles[i].is_string()) return Fail(ErrorCode::kInvalidArgument, field + ": must be a string", field);
            values.push_back(io::TrimSpaces(roles[i].get<std::string>()));
        }
        input.team_roles = std::move(values);
    }
    return input;
}

std::vector<Error> ApplyPersonInput(const PersonInput& input, InputMode mode, ValueSpelling spelling, Person& person) {
    std::vector<Error> errors;
    if (mode == InputMode::kCreate && (!input.display_name || input.display_name->empty())) {
        errors.push_back(Invalid("display_name", "is required"));
    } else if (input.display_name) {
        if (auto error = CheckText(*input.display_name, "display_name", 1, kMaxDisplayNameCharacters)) {
            errors.push_back(*error);
        } else {
            person.display_name = *input.display_name;
        }
    }

    if (mode == InputMode::kCreate && (!input.role || input.role->empty())) {
        errors.push_back(Invalid("role", "is required"));
    } else if (input.role) {
        if (auto role = MatchRole(*input.role, spelling)) {
            person.role = *role;
        } else {
            errors.push_back(
                Invalid("role", "unknown role '" + *input.role + "' (one of " + JoinNames(kPersonRoles) + ")"));
        }
    }

    if (input.email) {
        if (input.email->empty()) {
            person.email.clear();
        } else if (input.email->size() > kMaxEmailBytes || !LooksLikeEmail(*input.email)) {
            errors.push_back(Invalid("email", "'" + *input.email + "' is not an e-mail address"));
        } else {
            person.email = *input.email;
        }
    }
    if (input.phone) {
        if (auto error = CheckText(*input.phone, "phone", 0, kMaxPhoneCharacters)) {
            errors.push_back(*error);
        } else {
            person.phone = *input.phone;
        }
    }
    if (input.department) {
        if (auto error = CheckText(*input.department, "department", 0, kMaxDepartmentCharacters)) {
            errors.push_back(*error);
        } else {
            person.department = *input.department;
        }
    }
    if (input.is_contact) person.is_contact = *input.is_contact;
    if (input.team_roles) ApplyTeamRoles(*input.team_roles, spelling, errors, person.team_roles);
    return errors;
}

}  // namespace enshu::exercise
