#include "exercise/exercise_input.hpp"

#include <utility>

#include "exercise/field_validation.hpp"
#include "io/text.hpp"

namespace enshu::exercise {
namespace {

constexpr std::size_t kMaxTimeZoneLength = 64;

bool IsTimeZoneName(std::string_view value) {
    if (value.empty() || value.size() > kMaxTimeZoneLength) return false;
    for (char c : value) {
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
                             c == '_' || c == '-' || c == '+';
        if (!allowed) return false;
    }
    return true;
}

Result<std::optional<std::string>> OptionalTrimmed(const nlohmann::json& object, std::string_view member,
                                                   std::string_view field) {
    auto value = OptionalString(object, member, field);
    if (!value || !*value) return value;
    return std::optional<std::string>(io::TrimSpaces(**value));
}

Status Check(const std::optional<Error>& error) {
    if (error) return tl::unexpected(*error);
    return Ok();
}

Result<Phase> ParsePhase(const nlohmann::json& item, std::size_t index) {
    const std::string prefix = "phases[" + std::to_string(index) + "]";
    if (!item.is_object()) return Fail(ErrorCode::kInvalidArgument, prefix + ": must be an object", prefix);
    if (auto status = RejectUnknownMembers(item, {"kind", "starts_at", "ends_at", "note"}, {"id"}); !status) {
        const std::string field = prefix + "." + status.error().field;
        return Fail(ErrorCode::kInvalidArgument, field + ": unknown field", field);
    }
    Phase phase;
    const std::string kind_field = prefix + ".kind";
    auto kind = OptionalString(item, "kind", kind_field);
    if (!kind) return tl::unexpected(kind.error());
    if (!*kind) return Fail(ErrorCode::kInvalidArgument, kind_field + ": is required", kind_field);
    if (!IsOneOf(**kind, kPhaseKinds)) {
        return Fail(ErrorCode::kInvalidArgument,
                    kind_field + ": unknown phase kind '" + **kind + "' (one of " + JoinNames(kPhaseKinds) + ")",
                    kind_field);
    }
    phase.kind = **kind;
    for (auto [member, target] : {std::pair<const char*, std::string*>{"starts_at", &phase.starts_at},
                                  std::pair<const char*, std::string*>{"ends_at", &phase.ends_at}}) {
        const std::string field = prefix + "." + member;
        auto value = OptionalString(item, member, field);
        if (!value) return tl::unexpected(value.error());
        if (!*value) return Fail(ErrorCode::kInvalidArgument, field + ": is required", field);
        if (!IsPhaseDateTime(**value)) {
            return Fail(ErrorCode::kInvalidArgument,
                        field + ": '" + **value + "' is not a date 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM'", field);
        }
        *target = **value;
    }
    if (PhaseEndKey(phase.ends_at) < PhaseStartKey(phase.starts_at)) {
        const std::string field = prefix + ".ends_at";
        return Fail(ErrorCode::kInvalidArgument, field + ": ends before starts_at " + phase.starts_at, field);
    }
    const std::string note_field = prefix + ".note";
    auto note = OptionalTrimmed(item, "note", note_field);
    if (!note) return tl::unexpected(note.error());
    if (*note) {
        if (auto status = Check(CheckText(**note, note_field, 0, kMaxPhaseNoteCharacters, TextLines::kMultiple));
            !status) {
            return tl::unexpected(status.error());
        }
        phase.note = **note;
    }
    return phase;
}

}  // namespace

Result<std::vector<Phase>> ParsePhases(const nlohmann::json& phases) {
    if (!phases.is_array()) return Fail(ErrorCode::kInvalidArgument, "phases: must be an array", "phases");
    if (phases.size() > kMaxPhases) {
        return Fail(ErrorCode::kInvalidArgument, "phases: at most " + std::to_string(kMaxPhases) + " phases", "phases");
    }
    std::vector<Phase> parsed;
    for (std::size_t i = 0; i < phases.size(); ++i) {
        auto phase = ParsePhase(phases[i], i);
        if (!phase) return tl::unexpected(phase.error());
        parsed.push_back(std::move(*phase));
    }
    return parsed;
}

Result<ExerciseInput> ParseExerciseInput(const nlohmann::json& body, InputMode mode) {
    if (!body.is_object()) return Fail(ErrorCode::kInvalidArgument, "body: must be a JSON object", "body");
    if (auto status =
            RejectUnknownMembers(body, {"fiscal_year", "title_ja", "title_en", "description", "time_zone", "phases"},
                                 {"id", "my_roles", "organisation_count", "created_at", "updated_at"});
        !status) {
        return tl::unexpected(status.error());
    }
    ExerciseInput input;

    auto fiscal_year = OptionalInteger(body, "fiscal_year", "fiscal_year");
    if (!fiscal_year) return tl::unexpected(fiscal_year.error());
    if (*fiscal_year) {
        if (**fiscal_year < kMinFiscalYear || **fiscal_year > kMaxFiscalYear) {
            return Fail(
                ErrorCode::kInvalidArgument,
                "fiscal_year: must be from " + std::to_string(kMinFiscalYear) + " to " + std::to_string(kMaxFiscalYear),
                "fiscal_year");
        }
        input.fiscal_year = static_cast<int>(**fiscal_year);
    } else if (mode == InputMode::kCreate) {
        return Fail(ErrorCode::kInvalidArgument, "fiscal_year: is required", "fiscal_year");
    }

    auto title_ja = OptionalTrimmed(body, "title_ja", "title_ja");
    if (!title_ja) return tl::unexpected(title_ja.error());
    if (*title_ja || mode == InputMode::kCreate) {
        if (auto status = Check(CheckText(title_ja->value_or(""), "title_ja", 1, kMaxTitleCharacters)); !status) {
            return tl::unexpected(status.error());
        }
        input.title_ja = *title_ja;
    }

    auto title_en = OptionalTrimmed(body, "title_en", "title_en");
    if (!title_en) return tl::unexpected(title_en.error());
    if (*title_en) {
        if (auto status = Check(CheckText(**title_en, "title_en", 0, kMaxTitleCharacters)); !status) {
            return tl::unexpected(status.error());
        }
        input.title_en = *title_en;
    }

    auto description = OptionalString(body, "description", "description");
    if (!description) return tl::unexpected(description.error());
    if (*description) {
        if (auto status =
                Check(CheckText(**description, "description", 0, kMaxDescriptionCharacters, TextLines::kMultiple));
            !status) {
            return tl::unexpected(status.error());
        }
        input.description = *description;
    }

    auto time_zone = OptionalString(body, "time_zone", "time_zone");
    if (!time_zone) return tl::unexpected(time_zone.error());
    if (*time_zone) {
        if (!IsTimeZoneName(**time_zone)) {
            return Fail(ErrorCode::kInvalidArgument, "time_zone: not a time zone name like 'Asia/Tokyo'", "time_zone");
        }
        input.time_zone = *time_zone;
    }

    if (const auto it = body.find("phases"); it != body.end() && !it->is_null()) {
        auto phases = ParsePhases(*it);
        if (!phases) return tl::unexpected(phases.error());
        input.phases = std::move(*phases);
    }
    return input;
}

void ApplyExerciseInput(const ExerciseInput& input, Exercise& exercise) {
    if (input.fiscal_year) exercise.fiscal_year = *input.fiscal_year;
    if (input.title_ja) exercise.title_ja = *input.title_ja;
    if (input.title_en) exercise.title_en = *input.title_en;
    if (input.description) exercise.description = *input.description;
    if (input.time_zone) exercise.time_zone = *input.time_zone;
    if (input.phases) exercise.phases = *input.phases;
}

}  // namespace enshu::exercise
