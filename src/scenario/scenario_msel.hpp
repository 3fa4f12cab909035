#pragma once

// The MSEL (master scenario events list) workbook for planners who work in Excel:
// one row per inject. Sheets (docs/scenario-format.md "MSEL workbook"):
//   scenario: rows of field | value (id, title_ja, title_en, summary_ja, summary_en,
//             and one "variable:<name>" row per variable)
//   scenes:   id, title_ja, title_en, starts_at, ends_at, speed, pause_at_end
//   injects:  id, scene, time, sectors, organisations, modes, team_roles, title_ja,
//             title_en, body_ja, body_en, objectives ("1,5"), expected_actions (one per
//             line), controller_notes, optional, attachments (one "name | url" per line)
// Columns are found by their header in row 1 (any order); list cells are separated by
// commas. Problems name the sheet, the cell and the field. Pure apart from the zip
// reading; thread-safe.

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/scenario.hpp"
#include "scenario/scenario_problems.hpp"
#include "scenario/scenario_yaml.hpp"

namespace enshu::scenario {

// Reads and validates (ValidateScenario) a workbook.
Checked<Scenario> ReadScenarioXlsx(std::string_view bytes, const ValidationContext& context);
// The workbook of a scenario; ReadScenarioXlsx(WriteScenarioXlsx(s)) equals s.
Result<std::string> WriteScenarioXlsx(const Scenario& scenario);

}  // namespace enshu::scenario
