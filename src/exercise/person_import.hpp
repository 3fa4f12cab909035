#pragma once

// Bulk import of people from CSV or XLSX. Columns (English or Japanese header):
// organisation/組織* (external_ref or exact name of an organisation of the exercise),
// display_name/氏名*, role/役割* (org_lead/participant or 組織責任者/参加者),
// email/メール, phone/電話, department/部署, is_contact/連絡窓口
// (yes/no/true/false/1/0/はい/いいえ), team_roles/担当機能 (comma-separated codes
// management, csirt, pr, systems, legal, operations or their labels 経営層, CSIRT, 広報,
// システム, 法務, 業務; an empty cell clears them), and join_link/参加リンク (written by exports,
// ignored on import). A row updates the person of that organisation with the same
// e-mail address (case-insensitive) or, without e-mail, the one person with the same
// display name; otherwise it creates a person (with its app_user). Imported people
// get no join link: organisers issue links from the UI (the export's join_link
// column shows who has none). All-or-nothing and audited once ('people.import'),
// like organisation_import.

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "exercise/import_context.hpp"
#include "exercise/transfer_table.hpp"

namespace enshu::exercise {

const std::vector<ColumnSpec>& PersonColumns();

// Organisers only; errors as ImportOrganisations.
Result<ImportReport> ImportPeople(const TransferContext& context, std::int64_t exercise_id, std::string_view file_bytes,
                                  ImportMode mode);

}  // namespace enshu::exercise
