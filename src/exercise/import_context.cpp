#include "exercise/import_context.hpp"

#include "exercise/exercise_repository.hpp"
#include "exercise/visibility.hpp"

namespace enshu::exercise {

Result<UploadedTable> OpenImport(const TransferContext& context, std::int64_t exercise_id,
                                 std::string_view file_bytes) {
    if (auto allowed = RequireOrganiser(context.principal, exercise_id); !allowed) {
        return tl::unexpected(allowed.error());
    }
    return ReadUploadedTable(file_bytes);
}

Status RequireExerciseIn(db::Connection& connection, std::int64_t exercise_id) {
    auto exists = ExerciseExists(connection, exercise_id);
    if (!exists) return tl::unexpected(exists.error());
    if (!*exists) return Fail(ErrorCode::kNotFound, "exercise not found", "exercise_id");
    return Ok();
}

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
