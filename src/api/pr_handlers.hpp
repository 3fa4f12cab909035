#pragma once

// Handlers of the simulated world, part A (docs/api.md "PR site and media"): the shared
// attachment store (attachment_handlers.cpp), the mock PR site's statements
// (statement_handlers.cpp) and the media pressure feed (media_handlers.cpp). Declared
// here rather than in handlers.hpp so that changes recompile only these files.

#include "api/context.hpp"

namespace enshu::api {

// attachment_handlers.cpp
Result<Response> HandleUploadAttachment(RequestContext& context);
Result<Response> HandleGetAttachment(RequestContext& context);

// statement_handlers.cpp
Result<Response> HandleListStatements(RequestContext& context);
Result<Response> HandleListOrganisationStatements(RequestContext& context);
Result<Response> HandleCreateStatement(RequestContext& context);
Result<Response> HandleGetStatement(RequestContext& context);
Result<Response> HandleUpdateStatement(RequestContext& context);
Result<Response> HandlePublishStatement(RequestContext& context);
Result<Response> HandleWithdrawStatement(RequestContext& context);
Result<Response> HandleGetStatementMetrics(RequestContext& context);

// media_handlers.cpp
Result<Response> HandleListPersonas(RequestContext& context);
Result<Response> HandleCreatePersona(RequestContext& context);
Result<Response> HandleListMediaItems(RequestContext& context);
Result<Response> HandleCreateMediaItem(RequestContext& context);
Result<Response> HandleHideMediaItem(RequestContext& context);
Result<Response> HandleUnhideMediaItem(RequestContext& context);
Result<Response> HandleGetMediaTrends(RequestContext& context);

}  // namespace enshu::api
