#pragma once

// Scenario files (docs/scenario-format.md): reading YAML or JSON into the core model
// with validation, and writing the canonical forms back. Readers collect every
// problem (up to kMaxProblems), each naming where it is (the YAML line, or the XLSX
// sheet and cell) and the field path ("injects[7].at"). Round trip: Read(Write(s))
// equals s for every valid s. Pure apart from parsing; thread-safe.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/scenario.hpp"
#include "core/team_roles.hpp"
#include "scenario/scenario_problems.hpp"

namespace enshu::db {
struct ReferenceData;
}

namespace enshu::scenario {

inline constexpr std::size_t kMaxScenarioBytes = 2 * 1024 * 1024;
inline constexpr std::size_t kMaxScenes = 100;
inline constexpr std::size_t kMaxInjects = 2000;
inline constexpr std::size_t kMaxTitleCharacters = 300;
inline constexpr std::size_t kMaxTextCharacters = 10000;
inline constexpr std::size_t kMaxVariables = 100;
inline constexpr std::size_t kMaxVariableValueCharacters = 1000;
inline constexpr std::size_t kMaxExpectedActions = 50;
inline constexpr std::size_t kMaxAttachments = 20;
inline constexpr std::size_t kMaxOverlayChanges = 2000;
inline constexpr std::size_t kMaxOverlayAdded = 500;
inline constexpr double kMinSpeed = 0.1;
inline constexpr double kMaxSpeed = 1440;

// The functions of a person inside its organisation (person.team_roles; the list is
// core/team_roles.hpp) and the participation modes an audience may name.
using ::enshu::kTeamRoles;
inline constexpr std::string_view kAudienceModes[] = {"venue", "online", "simulated"};

// What audience values are known. Built from the database's reference data; the
// organisation refs are only checked when importing into an exercise.
struct ValidationContext {
    std::set<std::string> sector_codes;
    // "EXT-REF" and "id:42" forms of the exercise's organisations; nullopt = not checked.
    std::optional<std::set<std::string>> organisation_refs;
};

ValidationContext ValidationContextFrom(const db::ReferenceData& reference);

// Reads a scenario file. Errors: every problem found (syntax, unknown or missing
// fields, bad values, limits, and ValidateScenario's rules).
Checked<Scenario> ReadScenarioYaml(std::string_view text, const ValidationContext& context);
// The canonical YAML: fixed key order, absolute times, injects in (at, order) order.
std::string WriteScenarioYaml(const Scenario& scenario);

// The JSON form used by the web editor and GET /scenario: the YAML structure with
// audiences always as objects ({"everyone":true,...}) and times as "D1 09:05".
nlohmann::json ScenarioToJson(const Scenario& scenario);
// Accepts the same structure (times may be offsets "+00:15"); problems have no line.
Checked<Scenario> ScenarioFromJson(const nlohmann::json& value, const ValidationContext& context);

// The semantic rules shared by every reader (ids, scenes, times within scenes,
// audiences, objectives, limits), reported through `sink` under the field paths of
// the file. Scenes and injects must already be in file order.
void ValidateScenario(const Scenario& scenario, const ValidationContext& context, ProblemSink& sink);

// What an overlay customises: a sector's overlay changes master injects; an
// organisation's overlay may also change the injects its sector's overlay added.
enum class OverlayScope { kSector, kOrganisation };

struct OverlayTarget {
    OverlayScope scope = OverlayScope::kSector;
    const Scenario* master = nullptr;         // required
    const Overlay* sector_overlay = nullptr;  // kOrganisation: the sector's overlay, if any
};

// Overlay files: {variables, changes:[{inject, title, body, disabled}], added:[inject...]}.
// Errors besides the structural ones: a change naming an unknown inject, disabling a
// non-optional one, an added inject whose id clashes or whose audience names sectors
// or organisations (an added inject always goes to the overlay's owner).
Checked<Overlay> ReadOverlayYaml(std::string_view text, const OverlayTarget& target, const ValidationContext& context);
std::string WriteOverlayYaml(const Overlay& overlay);
nlohmann::json OverlayToJson(const Overlay& overlay);
Checked<Overlay> OverlayFromJson(const nlohmann::json& value, const OverlayTarget& target,
                                 const ValidationContext& context);

// Overlay rules against the target, shared by the readers.
void ValidateOverlay(const Overlay& overlay, const OverlayTarget& target, const ValidationContext& context,
                     ProblemSink& sink);

// Whether controller-only notes are included in JSON answers.
enum class ControllerNotes { kInclude, kOmit };

// One inject in the JSON shape of ScenarioToJson.
nlohmann::json InjectJson(const Inject& inject, ControllerNotes notes);
// The effective timeline answer: {"items":[{inject…, "source","changed"}]}.
nlohmann::json EffectiveTimelineJson(const std::vector<EffectiveInject>& items, ControllerNotes notes);

}  // namespace enshu::scenario
