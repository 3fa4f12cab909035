#pragma once

// Exports of organisations and people as CSV or XLSX with exactly the import
// columns (organisation_import.hpp, person_import.hpp), so that an export can be
// re-imported unchanged. English headers and codes by default; HeaderLanguage::
// kJapanese writes Japanese headers and Japanese values (電力, 東京都, 小, 集合会場,
// 組織責任者, はい), which the import accepts as well. Organisers export every
// organisation; ministry members those of their ministries; others kForbidden
// (kNotFound outside the exercise). The list filters apply (sector, ministry, mode, q).

#include <cstdint>

#include "core/result.hpp"
#include "exercise/import_context.hpp"
#include "exercise/organisation_repository.hpp"
#include "exercise/transfer_table.hpp"

namespace enshu::exercise {

// Filename "organisations-<exercise id>.csv|xlsx".
Result<ExportFile> ExportOrganisations(const TransferContext& context, std::int64_t exercise_id,
                                       const OrganisationFilter& filter, ExportFormat format, HeaderLanguage language);
// Filename "people-<exercise id>.csv|xlsx"; people of the exported organisations,
// by organisation (as in the organisation list's name order), org leads first.
Result<ExportFile> ExportPeople(const TransferContext& context, std::int64_t exercise_id,
                                const OrganisationFilter& filter, ExportFormat format, HeaderLanguage language);

}  // namespace enshu::exercise
