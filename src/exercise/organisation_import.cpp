#include "exercise/organisation_import.hpp"

#include <map>
#include <optional>
#include <utility>

#include "exercise/exercise_repository.hpp"
#include "exercise/organisation_input.hpp"
#include "exercise/organisation_repository.hpp"
#include "exercise/visibility.hpp"

namespace enshu::exercise {
namespace {

struct PlannedRow {
    Organisation organisation;
    bool exists = false;
    bool changed = false;
    std::size_t existing_index = 0;
};

OrganisationInput InputOf(const ColumnMap& columns, const UploadedRow& row) {
    OrganisationInput input;
    input.external_ref = columns.Cell(row, "external_ref");
    input.name = columns.Cell(row, "name");
    input.name_kana = columns.Cell(row, "name_kana");
    input.name_en = columns.Cell(row, "name_en");
    input.sector_code = columns.Cell(row, "sector");
    input.ministry_code = columns.Cell(row, "ministry");
    input.size_band = columns.Cell(row, "size_band");
    input.region = columns.Cell(row, "region");
    input.participation_mode = columns.Cell(row, "participation_mode");
    return input;
}

// Strips the "field: " prefix the validators put before their messages: the
// report names the column separately.
std::string MessageWithoutField(const Error& error) {
    const std::string prefix = error.field + ": ";
    if (error.message.rfind(prefix, 0) == 0) return error.message.substr(prefix.size());
    return error.message;
}

class OrganisationPlanner {
  public:
    OrganisationPlanner(const TransferContext& context, std::int64_t exercise_id, std::vector<Organisation> existing)
        : context_(context), exercise_id_(exercise_id), existing_(std::move(existing)) {
        for (std::size_t i = 0; i < existing_.size(); ++i) {
            by_name_[existing_[i].name] = i;
            if (!existing_[i].external_ref.empty()) by_ref_[existing_[i].external_ref] = i;
        }
    }

    void Plan(const UploadedTable& table, ImportReport& report, std::vector<PlannedRow>& planned) {
        const ColumnMap columns = ColumnMap::Resolve(table, OrganisationColumns(), report.errors);
        report.row_count = table.rows.size();
        if (!report.errors.empty()) return;  // row checks would only repeat the header problem
        for (const auto& row : table.rows) PlanRow(columns, row, report, planned);
    }

  private:
    void PlanRow(const ColumnMap& columns, const UploadedRow& row, ImportReport& report,
                 std::vector<PlannedRow>& planned) {
        const std::size_t errors_before = report.errors.size();
        const auto add_error = [&](std::string_view field, std::string message) {
            report.errors.push_back({row.number, columns.HeaderOfField(field), std::move(message)});
        };
        const OrganisationInput input = InputOf(columns, row);
        const std::string ref = input.external_ref.value_or("");
        const std::string name = input.name.value_or("");

        std::optional<std::size_t> target;
        if (!ref.empty() && by_ref_.count(ref)) {
            target = by_ref_.at(ref);
        } else if (!name.empty() && by_name_.count(name)) {
            const Organisation& candidate = existing_[by_name_.at(name)];
            if (ref.empty() || candidate.external_ref.empty()) target = by_name_.at(name);
        }

        PlannedRow plan;
        plan.exists = target.has_value();
        if (target) {
            plan.existing_index = *target;
            plan.organisation = existing_[*target];
        } else {
            plan.organisation.exercise_id = exercise_id_;
        }
        for (const auto& error : ApplyOrganisationInput(input, context_.reference, InputMode::kCreate,
                                                        ValueSpelling::kCodesOrNames, plan.organisation)) {
            add_error(error.field, MessageWithoutField(error));
        }
        const Organisation& result = plan.organisation;

        // Duplicates inside the file.
        if (!result.name.empty()) {
            if (const auto it = seen_names_.find(result.name); it != seen_names_.end()) {
                add_error("name", "'" + result.name + "' also appears in row " + std::to_string(it->second));
            } else {
                seen_names_[result.name] = row.number;
            }
        }
        if (!result.external_ref.empty()) {
            if (const auto it = seen_refs_.find(result.external_ref); it != seen_refs_.end()) {
                add_error("external_ref",
                          "'" + result.external_ref + "' also appears in row " + std::to_string(it->second));
            } else {
                seen_refs_[result.external_ref] = row.number;
            }
        }
        if (target) {
            if (const auto it = targeted_.find(*target); it != targeted_.end()) {
                add_error("name", "updates the same organisation as row " + std::to_string(it->second));
            } else {
                targeted_[*target] = row.number;
            }
        }
        // Uniqueness against the organisations already in the exercise.
        if (const auto it = by_name_.find(result.name); it != by_name_.end() && it->second != target) {
            const Organisation& other = existing_[it->second];
            add_error("name", "'" + result.name + "' is already used by another organisation" +
                                  (other.external_ref.empty() ? std::string() : " (" + other.external_ref + ")"));
        }
        if (!result.external_ref.empty()) {
            if (const auto it = by_ref_.find(result.external_ref); it != by_ref_.end() && it->second != target) {
                add_error("external_ref", "'" + result.external_ref + "' is already used by another organisation");
            }
        }
        if (report.errors.size() != errors_before) return;
        if (target) {
            plan.changed = OrganisationFieldsJson(existing_[*target]) != OrganisationFieldsJson(result);
            ++(plan.changed ? report.updated : report.unchanged);
        } else {
            ++report.created;
        }
        planned.push_back(std::move(plan));
    }

    const TransferContext& context_;
    std::int64_t exercise_id_;
    std::vector<Organisation> existing_;
    std::map<std::string, std::size_t> by_name_;
    std::map<std::string, std::size_t> by_ref_;
    std::map<std::string, std::size_t> seen_names_;  // name -> file row
    std::map<std::string, std::size_t> seen_refs_;   // external_ref -> file row
    std::map<std::size_t, std::size_t> targeted_;    // existing index -> file row
};

}  // namespace

const std::vector<ColumnSpec>& OrganisationColumns() {
    static const std::vector<ColumnSpec> columns = {
        {"external_ref", "管理番号", "external_ref", false, false},
        {"name", "組織名", "name", true, false},
        {"name_kana", "組織名カナ", "name_kana", false, false},
        {"name_en", "組織名(英語)", "name_en", false, false},
        {"sector", "分野", "sector_code", true, false},
        {"ministry", "所管省庁", "ministry_code", false, false},
        {"size_band", "規模", "size_band", true, false},
        {"region", "地域", "region", true, false},
        {"participation_mode", "参加形態", "participation_mode", true, false},
    };
    return columns;
}

Result<ImportReport> ImportOrganisations(const TransferContext& context, std::int64_t exercise_id,
                                         std::string_view file_bytes, ImportMode mode) {
    auto table = OpenImport(context, exercise_id, file_bytes);
    if (!table) return tl::unexpected(table.error());

    ImportReport report;
    report.dry_run = mode == ImportMode::kDryRun;
    const std::string now = FormatTimestamp(context.clock.Now());
    // Planning reads inside the same transaction that writes, so that what was
    // checked is what is written.
    const auto work = [&](db::Connection& connection) -> Status {
        if (auto exists = RequireExerciseIn(connection, exercise_id); !exists) return exists;
        auto existing = AllOrganisations(connection, exercise_id);
        if (!existing) return tl::unexpected(existing.error());
        std::vector<PlannedRow> planned;
        OrganisationPlanner(context, exercise_id, std::move(*existing)).Plan(*table, report, planned);
        report.valid = report.errors.empty();
        if (mode == ImportMode::kDryRun || !report.valid) return Ok();
        for (auto& plan : planned) {
            if (!plan.exists) {
                auto id = InsertOrganisation(connection, plan.organisation, now);
                if (!id) return tl::unexpected(id.error());
            } else if (plan.changed) {
                if (auto updated = UpdateOrganisation(connection, plan.organisation, now); !updated) return updated;
            }
        }
        return AppendImportAudit(context, connection, exercise_id, "organisations.import", report);
    };
    auto status = RunImportTransaction(context, mode, work);
    if (!status) return tl::unexpected(status.error());
    return report;
}

}  // namespace enshu::exercise
