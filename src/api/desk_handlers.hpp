#pragma once

// Handlers of the simulated world's desks (docs/api.md "Desks, cases and incident
// reports"): desk configuration and homepages, inquiries, the case queue, incident
// reports and their configuration, supply-chain partners and notices, desk metrics.
// Implementations: desk_handlers.cpp, queue_handlers.cpp, incident_report_handlers.cpp,
// partner_handlers.cpp; shared helpers in desk_support.hpp.

#include "api/context.hpp"

namespace enshu::api {

// desk_handlers.cpp
Result<Response> HandleListDesks(RequestContext& context);
Result<Response> HandleCreateDesk(RequestContext& context);
Result<Response> HandleUseDefaultDesks(RequestContext& context);
Result<Response> HandleGetDesk(RequestContext& context);
Result<Response> HandleUpdateDesk(RequestContext& context);
Result<Response> HandleDeleteDesk(RequestContext& context);
Result<Response> HandleListReplyTemplates(RequestContext& context);
Result<Response> HandleCreateReplyTemplate(RequestContext& context);
Result<Response> HandleDeleteReplyTemplate(RequestContext& context);
Result<Response> HandleListDeskStaff(RequestContext& context);
Result<Response> HandleGetDeskMetrics(RequestContext& context);

// queue_handlers.cpp
Result<Response> HandleCreateInquiry(RequestContext& context);
Result<Response> HandleListCases(RequestContext& context);
Result<Response> HandleGetCase(RequestContext& context);
Result<Response> HandleCaseAction(RequestContext& context);
Result<Response> HandleBulkReply(RequestContext& context);

// incident_report_handlers.cpp
Result<Response> HandleGetReportingConfig(RequestContext& context);
Result<Response> HandlePutReportingConfig(RequestContext& context);
Result<Response> HandleCreateIncidentReport(RequestContext& context);
Result<Response> HandleListIncidentReports(RequestContext& context);

// partner_handlers.cpp
Result<Response> HandleListPartners(RequestContext& context);
Result<Response> HandleCreatePartner(RequestContext& context);
Result<Response> HandleDeletePartner(RequestContext& context);
Result<Response> HandleListPartnerCandidates(RequestContext& context);
Result<Response> HandleListPartnerNotices(RequestContext& context);
Result<Response> HandleCreatePartnerNotice(RequestContext& context);

}  // namespace enshu::api
