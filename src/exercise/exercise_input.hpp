#pragma once

// Parsing and validation of the JSON body of POST /api/exercises and
// PATCH /api/exercises/{id}. Errors are kInvalidArgument naming the member, e.g.
// "title_ja" or "phases[2].ends_at".

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "exercise/model.hpp"

namespace enshu::exercise {

inline constexpr int kMinFiscalYear = 2000;
inline constexpr int kMaxFiscalYear = 2100;
inline constexpr std::size_t kMaxTitleCharacters = 200;
inline constexpr std::size_t kMaxDescriptionCharacters = 5000;
inline constexpr std::size_t kMaxPhases = 30;
inline constexpr std::size_t kMaxPhaseNoteCharacters = 500;

enum class InputMode { kCreate, kUpdate };

// Members that were present in the body; absent members are left unchanged on update.
// phases, when present, replaces the whole list.
struct ExerciseInput {
    std::optional<int> fiscal_year;
    std::optional<std::string> title_ja;
    std::optional<std::string> title_en;
    std::optional<std::string> description;
    std::optional<std::string> time_zone;
    std::optional<std::vector<Phase>> phases;
};

// kCreate requires fiscal_year and title_ja. Text is trimmed of surrounding spaces
// (descriptions and notes keep inner line breaks). Unknown members are rejected;
// read-only members of the Exercise shape (id, my_roles, ...) are ignored.
Result<ExerciseInput> ParseExerciseInput(const nlohmann::json& body, InputMode mode);

// Validates one phase list; `phases` must be an array of objects
// {"kind","starts_at","ends_at","note"?}.
Result<std::vector<Phase>> ParsePhases(const nlohmann::json& phases);

// Applies the present members of `input` to `exercise`.
void ApplyExerciseInput(const ExerciseInput& input, Exercise& exercise);

}  // namespace enshu::exercise
