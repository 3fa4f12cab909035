#include "exercise/import_context.hpp"

namespace enshu::exercise {

Status RunImportTransaction(const TransferContext& context, ImportMode mode,
                            const std::function<Status(db::Connection&)>& work) {
    return mode == ImportMode::kDryRun ? context.database.Read(work) : context.database.Write(work);
}

Status AppendImportAudit(const TransferContext& context, db::Connection& connection, std::int64_t exercise_id,
                         const std::string& action, const ImportReport& report) {
    return context.audit.Append(connection, context.actor,
                                {exercise_id,
                                 action,
                                 "exercise",
                                 std::to_string(exercise_id),
                                 nullptr,
                                 {{"row_count", report.row_count},
                                  {"created", report.created},
                                  {"updated", report.updated},
                                  {"unchanged", report.unchanged}}});
}

}  // namespace enshu::exercise
