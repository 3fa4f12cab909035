#pragma once

// The results report (docs/api.md "Results report", docs/report.md): the report as JSON
// for the web view, renders in HTML/PDF/XLSX/CSV with progress, an organisation's
// feedback report, and the organiser's settings and representative issues.
// Scope: organisers see everything; a ministry member only its ministry's sectors and
// their organisations; an org lead only its own organisation's feedback report;
// everyone else 403 (members) or 404 (non-members, out of scope).

#include "api/context.hpp"

namespace enshu::api {

Result<Response> HandleGetReport(RequestContext& context);
Result<Response> HandleGetOrganisationReport(RequestContext& context);
Result<Response> HandleStartReportRender(RequestContext& context);
Result<Response> HandleGetReportRender(RequestContext& context);
Result<Response> HandleDownloadReportRender(RequestContext& context);
Result<Response> HandleGetReportSettings(RequestContext& context);
Result<Response> HandlePutReportSettings(RequestContext& context);
Result<Response> HandleSearchReportIssues(RequestContext& context);
Result<Response> HandleSuggestReportThemes(RequestContext& context);
Result<Response> HandlePutReportIssueSelection(RequestContext& context);

}  // namespace enshu::api
