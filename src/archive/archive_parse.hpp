#pragma once

// Files → Archive: each row of each file is read and checked on its own (formats, fixed
// sets of the schema, reference data: sectors, regions, readiness items, answer-scale
// options, objectives, lengths). References between files are checked afterwards by
// CheckArchive (archive_checks.hpp). Pure functions: no database.

#include <map>
#include <string>
#include <vector>

#include "archive/archive_format.hpp"
#include "archive/archive_model.hpp"
#include "archive/archive_table.hpp"
#include "db/reference.hpp"
#include "exercise/reference_lookup.hpp"

namespace enshu::archive {

// The reference data rows are checked against.
struct ArchiveReference {
    const db::ReferenceData& data;
    const exercise::ReferenceLookup& lookup;
};

// Limits of free texts (the schema's CHECKs, and the API's limits where the schema has none).
inline constexpr std::size_t kMaxIssueCharacters = 4000;
inline constexpr std::size_t kMaxOpinionCharacters = 4000;
inline constexpr std::size_t kMaxCustomObjectiveCharacters = 1000;
inline constexpr std::size_t kMaxTitleCharacters = 200;
inline constexpr std::size_t kMaxIntroCharacters = 4000;
inline constexpr std::size_t kMaxQuestionCharacters = 1000;
inline constexpr std::size_t kMaxLabelCharacters = 200;
inline constexpr std::size_t kMaxFreeTextAnswerCharacters = 4000;
inline constexpr std::size_t kMaxKeyCharacters = 300;

// `files` maps a file name to its bytes; data files not in the map have no rows; names
// that are neither manifest.csv nor a data file are ignored (the caller reports them).
// manifest.csv is required. Every problem found is appended to `problems`. When there are
// problems the Archive may still hold the organisations and people of invalid rows (so
// that references to their keys are not reported as well): it must then not be stored.
Archive ParseArchive(const std::map<std::string, std::string>& files, const ArchiveReference& reference,
                     std::vector<Problem>& problems);

// Parsers of single files (used by ParseArchive; exposed for tests). Each appends the
// records of valid rows to `archive` and a problem for every invalid cell.
void ParseManifest(const std::string& bytes, Archive& archive, std::map<std::string, std::size_t>& row_counts,
                   std::vector<Problem>& problems);
void ParseOrganisationFile(const FileRows& rows, const ArchiveReference& reference, Archive& archive,
                           std::vector<Problem>& problems);
void ParsePeopleFile(const FileRows& rows, Archive& archive, std::vector<Problem>& problems);
void ParseInstrumentFile(const FileRows& rows, const ArchiveReference& reference, Archive& archive,
                         std::vector<Problem>& problems);
void ParseSurveyFile(const FileRows& rows, const ArchiveReference& reference, Archive& archive,
                     std::vector<Problem>& problems);
void ParseForumFile(const FileRows& rows, Archive& archive, std::vector<Problem>& problems);

}  // namespace enshu::archive
