#pragma once

// The functions a person holds inside its organisation (person.team_roles, migration
// 0004) and that a scenario audience may address: an inject for "pr" reaches the
// organisation's public-relations people. Shared by the exercise module (people) and
// the scenario module (audiences). Pure data.

#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

namespace enshu {

inline constexpr std::string_view kTeamRoles[] = {"management", "csirt", "pr", "systems", "legal", "operations"};
// Japanese labels in the order of kTeamRoles (imports accept them, Japanese exports write them).
inline constexpr std::string_view kTeamRoleLabelsJa[] = {"経営層", "CSIRT", "広報", "システム", "法務", "業務"};

static_assert(std::size(kTeamRoles) == std::size(kTeamRoleLabelsJa));

// The position of a team role code in kTeamRoles, or nullopt.
inline std::optional<std::size_t> TeamRoleIndex(std::string_view code) {
    for (std::size_t i = 0; i < std::size(kTeamRoles); ++i) {
        if (kTeamRoles[i] == code) return i;
    }
    return std::nullopt;
}

// The Japanese label of a code (the code itself when unknown).
inline std::string TeamRoleLabelJa(std::string_view code) {
    const auto index = TeamRoleIndex(code);
    return std::string(index ? kTeamRoleLabelsJa[*index] : code);
}

}  // namespace enshu
