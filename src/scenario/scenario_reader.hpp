#pragma once

// Internal to src/scenario: the structural reader shared by the YAML, JSON and XLSX
// forms. It walks a YAML node tree (a parsed file, a converted JSON value, or the
// tree the MSEL reader builds), records each field's line from the node marks, and
// reports structural problems (wrong kinds, unknown or malformed fields). The
// semantic rules are ValidateScenario / ValidateOverlay.

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <string_view>

#include "core/scenario.hpp"
#include "scenario/scenario_problems.hpp"
#include "scenario/scenario_yaml.hpp"

namespace enshu::scenario::internal {

// Injects and scenes in file order; an inject's `order` is its file position, `at`
// is resolved from an offset against its scene (left at the scene start, or 0, when
// it cannot be read: the problem is reported once).
Scenario ReadScenarioNode(const YAML::Node& root, ProblemSink& sink);
// Added injects' offsets resolve against `master`'s scenes.
Overlay ReadOverlayNode(const YAML::Node& root, const Scenario& master, ProblemSink& sink);

// Parses YAML text (size limit, UTF-8, syntax) into a node; problems go to `sink`.
std::optional<YAML::Node> ParseYaml(std::string_view text, ProblemSink& sink);

// A JSON value as a node tree without marks.
YAML::Node JsonToNode(const nlohmann::json& value);

// Stable sort of injects by (at, file order), renumbering `order` 0..n-1.
void SortInjects(std::vector<Inject>& injects);

}  // namespace enshu::scenario::internal
