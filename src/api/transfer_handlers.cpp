// Bulk import (POST .../imports/organisations|people?dry_run=true|false, body = the
// CSV or XLSX bytes) and export (GET .../exports/organisations|people?format=csv|xlsx
// &lang=en|ja plus the organisation list's filters). The logic lives in
// exercise/organisation_import, person_import and transfer_export.

#include <nlohmann/json.hpp>

#include "api/actor.hpp"
#include "api/feature_support.hpp"
#include "api/handlers.hpp"
#include "exercise/organisation_import.hpp"
#include "exercise/organisation_service.hpp"
#include "exercise/person_import.hpp"
#include "exercise/transfer_export.hpp"

namespace enshu::api {
namespace {

using ImportFunction = Result<exercise::ImportReport> (*)(const exercise::TransferContext&, std::int64_t,
                                                          std::string_view, exercise::ImportMode);
using ExportFunction = Result<exercise::ExportFile> (*)(const exercise::TransferContext&, std::int64_t,
                                                        const exercise::OrganisationFilter&, exercise::ExportFormat,
                                                        exercise::HeaderLanguage);

// dry_run: "true"/"1" or "false"/"0"; absent means false (the UI always dry-runs first).
Result<exercise::ImportMode> ParseDryRun(const std::optional<std::string>& value) {
    if (!value || value->empty() || *value == "false" || *value == "0") return exercise::ImportMode::kApply;
    if (*value == "true" || *value == "1") return exercise::ImportMode::kDryRun;
    return Fail(ErrorCode::kInvalidArgument, "dry_run: must be true or false", "dry_run");
}

Result<Response> RunImport(RequestContext& context, ImportFunction import) {
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto mode = ParseDryRun(context.request.QueryParam("dry_run"));
    if (!mode) return tl::unexpected(mode.error());
    auto reference = ReferenceOf(context);
    if (!reference) return tl::unexpected(reference.error());
    const audit::Actor actor = ActorOf(context);
    const exercise::TransferContext transfer{
        context.services.database, context.services.clock, context.services.audit, **reference, **caller, actor};
    auto report = import(transfer, *exercise_id, context.request.body, *mode);
    if (!report) return tl::unexpected(report.error());
    const int status = (!report->valid && *mode == exercise::ImportMode::kApply) ? 422 : 200;
    return Response::Json(exercise::ImportReportJson(*report), status);
}

Result<Response> RunExport(RequestContext& context, ExportFunction export_file) {
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    const Request& request = context.request;
    auto format = exercise::ParseExportFormat(request.QueryParam("format"));
    if (!format) return tl::unexpected(format.error());
    auto language = exercise::ParseHeaderLanguage(request.QueryParam("lang"));
    if (!language) return tl::unexpected(language.error());
    auto query = exercise::ParseOrganisationListQuery({request.QueryParam("sector"), request.QueryParam("ministry"),
                                                       request.QueryParam("mode"), request.QueryParam("q"),
                                                       std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    if (!query) return tl::unexpected(query.error());
    auto reference = ReferenceOf(context);
    if (!reference) return tl::unexpected(reference.error());
    const audit::Actor actor = ActorOf(context);
    const exercise::TransferContext transfer{
        context.services.database, context.services.clock, context.services.audit, **reference, **caller, actor};
    auto file = export_file(transfer, *exercise_id, query->filter, *format, *language);
    if (!file) return tl::unexpected(file.error());
    return Response::ExportDownload(std::move(file->body), std::move(file->content_type), file->filename);
}

}  // namespace

Result<Response> HandleImportOrganisations(RequestContext& context) {
    return RunImport(context, &exercise::ImportOrganisations);
}

Result<Response> HandleImportPeople(RequestContext& context) { return RunImport(context, &exercise::ImportPeople); }

Result<Response> HandleExportOrganisations(RequestContext& context) {
    return RunExport(context, &exercise::ExportOrganisations);
}

Result<Response> HandleExportPeople(RequestContext& context) { return RunExport(context, &exercise::ExportPeople); }

}  // namespace enshu::api
