#pragma once

// The archive's access to the database: reading one exercise's data into an Archive
// (export) and storing an Archive into an exercise (import). Named SQL constants live in
// archive_load.cpp and archive_store.cpp; organisations and people are written through
// the exercise module's repositories (which also keep app_user and search_text right).

#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "archive/archive_format.hpp"
#include "archive/archive_model.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace enshu::archive {

// Reads every archived table of the exercise in one read transaction and returns the
// Archive with keys assigned and records in the canonical order of docs/data-format.md
// ("Row order and keys"). Never writes. Rows that cannot be archived (a participation
// naming a person that no longer exists) are left out and described in `warnings`.
// Errors: kNotFound (no such exercise, field "--exercise"), kInternal for stored values
// that do not fit the schema's rules (a survey answer that is not JSON of its kind).
Result<Archive> LoadArchive(db::Connection& connection, std::int64_t exercise_id, std::vector<std::string>& warnings);

// What an import changed (or would change), per kind of record.
struct ImportSummary {
    std::int64_t organisations_created = 0, organisations_updated = 0, organisations_unchanged = 0;
    std::int64_t people_created = 0, people_updated = 0, people_unchanged = 0;
    // Instrument rows of the organisations in the archive that were replaced.
    std::int64_t instrument_rows_deleted = 0, instrument_rows_inserted = 0;
    std::int64_t surveys_created = 0, surveys_replaced = 0, survey_rows_inserted = 0;
    std::int64_t sessions_created = 0, sessions_replaced = 0, forum_rows_inserted = 0;
    std::int64_t opinion_kinds_written = 0, instrument_windows_written = 0;

    nlohmann::json ToJson() const;
};

// Stores a checked Archive (ParseArchive + CheckArchive found no problem) into the
// exercise inside the caller's write transaction (docs/data-format.md "Import"):
// organisations upserted by key, people upserted within their organisation, the
// instrument data of every archived organisation replaced, surveys upserted by code with
// their questions, responses, answers and participation replaced, sessions upserted by
// (kind, starts_at, title_ja) with their registrations and opinions replaced, opinion
// kinds and instrument windows upserted. `now` fills timestamps the files leave empty.
// Conflicts with data outside the archive (a name another organisation of the exercise
// has) are appended to `problems`; the caller must then roll back.
Result<ImportSummary> StoreArchive(db::Connection& connection, std::int64_t exercise_id, const Archive& archive,
                                   const std::string& now, std::vector<Problem>& problems);

// Opinion kinds the exercise knows without an archive: built-in codes (exercise 0) and
// its own; and the built-in codes alone.
Result<std::set<std::string>> KnownOpinionKinds(db::Connection& connection, std::int64_t exercise_id);
Result<std::set<std::string>> BuiltinOpinionKinds(db::Connection& connection);

}  // namespace enshu::archive
