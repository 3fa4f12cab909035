#pragma once

// Parsing and validation of a person's fields, shared by the JSON API and the bulk
// import. E-mail uniqueness within the organisation needs the database and is
// checked by the callers.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "exercise/exercise_input.hpp"
#include "exercise/model.hpp"
#include "exercise/organisation_input.hpp"

namespace enshu::exercise {

inline constexpr std::size_t kMaxDisplayNameCharacters = 100;
inline constexpr std::size_t kMaxEmailBytes = 254;
inline constexpr std::size_t kMaxPhoneCharacters = 40;
inline constexpr std::size_t kMaxDepartmentCharacters = 100;
// At most one entry per known team role (core/team_roles.hpp).
inline constexpr std::size_t kMaxTeamRoles = 6;

struct PersonInput {
    std::optional<std::string> display_name;
    std::optional<std::string> role;
    std::optional<std::string> email;
    std::optional<std::string> phone;
    std::optional<std::string> department;
    std::optional<bool> is_contact;
    // Codes (or, with kCodesOrNames, Japanese labels) of kTeamRoles; [] clears them.
    std::optional<std::vector<std::string>> team_roles;
};

// JSON body -> input (strings trimmed, is_contact a boolean); unknown members
// rejected, read-only members of the Person shape ignored.
Result<PersonInput> ParsePersonJson(const nlohmann::json& body);

// Validates the present members and applies them to `person`. kCreate requires
// display_name and role. With kCodesOrNames the role may also be written
// 組織責任者 / 参加者 and team roles by their Japanese labels (経営層, CSIRT, 広報,
// システム, 法務, 業務). Team roles are stored once each, in kTeamRoles order; an
// unknown or repeated one is an error naming "team_roles[i]" (0-based). Returns every
// error (empty = valid), each naming its member.
std::vector<Error> ApplyPersonInput(const PersonInput& input, InputMode mode, ValueSpelling spelling, Person& person);

// "yes/no/true/false/1/0/はい/いいえ" (case-insensitive, full-width accepted), or nullopt.
std::optional<bool> ParseYesNo(std::string_view text);

// Splits a cell of the team_roles column ("pr, csirt" / "広報、CSIRT") at commas
// (ASCII, full-width or ideographic), trimming each part and dropping empty ones.
std::vector<std::string> SplitTeamRolesCell(std::string_view cell);
// The cell text of team roles: codes (English) or Japanese labels, joined with ",".
std::string TeamRolesCell(const std::vector<std::string>& team_roles, bool japanese);

// Japanese label of a person role: org_lead = 組織責任者, participant = 参加者.
std::string PersonRoleLabelJa(std::string_view role);

}  // namespace enshu::exercise
