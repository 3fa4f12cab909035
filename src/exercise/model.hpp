#pragma once

// The values of the exercise module as stored, and their JSON shapes (docs/api.md:
// Exercise, Organisation, Person). Plain data; no I/O.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace enshu::exercise {

// The fixed sets of the schema (0001_foundation.sql CHECK constraints).
inline constexpr std::string_view kPhaseKinds[] = {"recruitment",  "briefing", "preparation",
                                                   "exercise_day", "feedback", "report"};
inline constexpr std::string_view kSizeBands[] = {"small", "medium", "large"};
inline constexpr std::string_view kParticipationModes[] = {"venue", "online", "simulated"};
inline constexpr std::string_view kPersonRoles[] = {"org_lead", "participant"};

template <std::size_t N>
bool IsOneOf(std::string_view value, const std::string_view (&set)[N]) {
    for (std::string_view candidate : set) {
        if (candidate == value) return true;
    }
    return false;
}

// "a, b, c" for messages.
template <std::size_t N>
std::string JoinNames(const std::string_view (&set)[N]) {
    std::string text;
    for (std::string_view candidate : set) {
        if (!text.empty()) text += ", ";
        text += candidate;
    }
    return text;
}

struct Phase {
    std::int64_t id = 0;
    std::string kind;
    std::string starts_at;  // 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM', local to the exercise
    std::string ends_at;
    std::string note;
};

struct Exercise {
    std::int64_t id = 0;
    int fiscal_year = 0;
    std::string title_ja;
    std::string title_en;
    std::string description;
    std::string time_zone = "Asia/Tokyo";
    std::vector<Phase> phases;
    std::string created_at;
    std::string updated_at;
};

// The caller-specific members of the exercise JSON.
struct ExerciseView {
    Exercise exercise;
    std::vector<std::string> my_roles;
    std::int64_t organisation_count = 0;
};

struct Organisation {
    std::int64_t id = 0;
    std::int64_t exercise_id = 0;
    std::string external_ref;  // "" when none (stored as NULL)
    std::string name;
    std::string name_kana;
    std::string name_en;
    std::string sector_code;
    std::string ministry_code;
    std::string size_band;
    std::string region;
    std::string participation_mode;
    std::int64_t people_count = 0;
    std::string created_at;
    std::string updated_at;
};

struct JoinLinkState {
    std::string status = "none";  // none, active, expired, revoked
    std::optional<std::string> expires_at;
    std::optional<std::string> last_used_at;
};

struct Person {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    std::int64_t exercise_id = 0;
    std::int64_t organisation_id = 0;
    std::string role;  // org_lead, participant
    std::string display_name;
    std::string email;
    std::string phone;
    std::string department;
    bool is_contact = false;
    std::vector<std::string> team_roles;  // codes of kTeamRoles (core/team_roles.hpp), in that order
    JoinLinkState join_link;
    std::string created_at;
    std::string updated_at;
};

nlohmann::json PhaseJson(const Phase& phase);
nlohmann::json ExerciseJson(const ExerciseView& view);
// The stored fields only (no caller-specific members): used for audit summaries.
nlohmann::json ExerciseFieldsJson(const Exercise& exercise);
// external_ref is null when the organisation has none.
nlohmann::json OrganisationJson(const Organisation& organisation);
// The editable fields only: used for audit summaries.
nlohmann::json OrganisationFieldsJson(const Organisation& organisation);
nlohmann::json PersonJson(const Person& person);
nlohmann::json PersonFieldsJson(const Person& person);

}  // namespace enshu::exercise
