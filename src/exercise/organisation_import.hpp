#pragma once

// Bulk import of organisations from CSV or XLSX (docs/api.md "Import").
// Columns (English or Japanese header): external_ref/管理番号, name/組織名*,
// name_kana/組織名カナ, name_en/組織名(英語), sector/分野*, ministry/所管省庁,
// size_band/規模*, region/地域*, participation_mode/参加形態* (* required column).
// Values may be codes or Japanese/English names (ValueSpelling::kCodesOrNames).
// A row updates the organisation with its external_ref; without one (or when that
// external_ref is new and the name belongs to an organisation without external_ref)
// it updates the organisation of the same name; otherwise it creates one. Columns
// absent from the file leave those fields unchanged on update.
// Every row is validated and every error reported; a real run writes all rows in one
// transaction, with one 'organisations.import' audit entry, only when all are valid.

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "exercise/import_context.hpp"
#include "exercise/transfer_table.hpp"

namespace enshu::exercise {

const std::vector<ColumnSpec>& OrganisationColumns();

// Organisers only. Errors (not the report): kNotFound (exercise not visible),
// kForbidden, kInvalidArgument / kPayloadTooLarge for an unreadable or too large file.
// The report's `valid` is false when any row or the header has errors.
Result<ImportReport> ImportOrganisations(const TransferContext& context, std::int64_t exercise_id,
                                         std::string_view file_bytes, ImportMode mode);

}  // namespace enshu::exercise
