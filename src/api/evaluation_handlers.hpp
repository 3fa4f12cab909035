#pragma once

// Evaluation instruments, part A (docs/api.md "Evaluation instruments"): instrument
// windows, the readiness survey, verification objectives, the action-record sheet (with
// its XLSX download/upload), completion per sector, reminders and notices. The logic
// lives in src/evaluation; these handlers parse, scope to the caller's exercise and
// organisation (out of scope = 404), call it and serialise.

#include "api/context.hpp"

namespace enshu::api {

Result<Response> HandleGetEvaluationWindows(RequestContext& context);
Result<Response> HandlePutEvaluationWindows(RequestContext& context);

Result<Response> HandleGetReadiness(RequestContext& context);
Result<Response> HandleSaveReadiness(RequestContext& context);
Result<Response> HandleSubmitReadiness(RequestContext& context);
Result<Response> HandleReopenReadiness(RequestContext& context);

Result<Response> HandleGetObjectives(RequestContext& context);
Result<Response> HandlePutObjectives(RequestContext& context);

Result<Response> HandleGetActionRecord(RequestContext& context);
Result<Response> HandleSaveActionRecord(RequestContext& context);
Result<Response> HandleSubmitActionRecord(RequestContext& context);
Result<Response> HandleReopenActionRecord(RequestContext& context);
Result<Response> HandleDownloadActionRecordXlsx(RequestContext& context);
Result<Response> HandleUploadActionRecordXlsx(RequestContext& context);

Result<Response> HandleGetCompletion(RequestContext& context);
Result<Response> HandleSendReminders(RequestContext& context);

Result<Response> HandleListNotices(RequestContext& context);
Result<Response> HandleDismissNotice(RequestContext& context);

}  // namespace enshu::api
