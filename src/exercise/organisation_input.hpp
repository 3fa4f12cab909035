#pragma once

// Parsing and validation of organisation fields, shared by the JSON API and the
// bulk import. Uniqueness (name, external_ref) needs the database and is checked by
// the callers (organisation_service, organisation_import).

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "exercise/exercise_input.hpp"
#include "exercise/model.hpp"
#include "exercise/reference_lookup.hpp"

namespace enshu::exercise {

inline constexpr std::size_t kMaxOrganisationNameCharacters = 200;
inline constexpr std::size_t kMaxExternalRefLength = 64;

// Members present in the input, trimmed; absent members stay unchanged on update.
struct OrganisationInput {
    std::optional<std::string> external_ref;
    std::optional<std::string> name;
    std::optional<std::string> name_kana;
    std::optional<std::string> name_en;
    std::optional<std::string> sector_code;
    std::optional<std::string> ministry_code;
    std::optional<std::string> size_band;
    std::optional<std::string> region;
    std::optional<std::string> participation_mode;
};

// How reference values may be written: the API takes codes only; imports also take
// Japanese and English names (sector "電力", region "東京都"/"Tokyo", size "小",
// mode "オンライン", ministry "経済産業省"), and require a given ministry to be the
// sector's ministry.
enum class ValueSpelling { kCodes, kCodesOrNames };

// JSON body -> input: strings only (null = absent), unknown members rejected,
// read-only members of the Organisation shape ignored. Errors name the member.
Result<OrganisationInput> ParseOrganisationJson(const nlohmann::json& body);

// Validates the present members and applies them to `organisation`. kCreate requires
// name, sector_code, size_band, region and participation_mode. ministry_code defaults
// to the sector's ministry (also when the sector changes and no ministry is given).
// Returns every error found (empty = valid), each naming its JSON member.
std::vector<Error> ApplyOrganisationInput(const OrganisationInput& input, const ReferenceLookup& reference,
                                          InputMode mode, ValueSpelling spelling, Organisation& organisation);

// Japanese labels of the fixed sets, as used by imports and Japanese exports:
// size band small/medium/large = 小/中/大; participation mode venue/online/simulated =
// 集合会場/オンライン/疑似体験プログラム. Unknown codes return the code.
std::string SizeBandLabelJa(std::string_view code);
std::string ParticipationModeLabelJa(std::string_view code);

}  // namespace enshu::exercise
