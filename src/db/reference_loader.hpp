#pragma once

// Private to src/db: loads versioned reference datasets (data/reference/*.json)
// into the ref_* tables. The migration runner calls it for a migration whose SQL
// carries the marker line
//
//   -- enshu:load-reference-data ministries@1 sectors@1 ...
//
// Each argument names a dataset and the version to load, i.e. the embedded file
// "<dataset>.v<version>.json", whose shape is
//   {"dataset": "<dataset>", "version": <version>, "items": [ {...}, ... ]}.
// Items are upserted by their id (code), never deleted, so a later fiscal year
// adds items (or corrects wording) with a new file version and a new migration
// without changing ids. Datasets load in the order listed (foreign keys: ministries
// before sectors, answer_scales before readiness_items).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/embedded_file.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace enshu::db {

inline constexpr std::string_view kLoadReferenceDataMarker = "-- enshu:load-reference-data";

// The arguments after the marker when a line of `sql` starts with it, else nullopt.
std::optional<std::string> FindReferenceDataMarker(std::string_view sql);

// Loads every "dataset@version" of `marker_arguments` from `files` and records the
// version in reference_data_version with `loaded_at`. Must run inside a write
// transaction. Errors (bugs in the shipped data, reported as kInternal with the
// file and item): unknown dataset, missing file, malformed JSON, a missing or
// unknown member, a value of the wrong type, a version older than the one already
// loaded; constraint violations (e.g. a sector naming an unknown ministry) keep
// the database's kConflict.
Status LoadReferenceDatasets(Connection& connection, std::string_view marker_arguments,
                             const std::vector<EmbeddedFile>& files, std::string_view loaded_at);

}  // namespace enshu::db
