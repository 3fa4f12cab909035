#pragma once

// Who is making a request, in the two forms the feature services take: the audit
// Actor (every handler that changes state passes ActorOf(context)) and the accounts
// ClientInfo (address, user agent, request id) for sessions.

#include "accounts/account_service.hpp"
#include "api/context.hpp"
#include "audit/audit_log.hpp"

namespace enshu::api {

// The caller's user id and display name (or no id and "anonymous" before sign-in),
// with the request id and remote address of this request.
audit::Actor ActorOf(const RequestContext& context);

// Remote address, User-Agent header and request id of this request.
accounts::ClientInfo ClientOf(const RequestContext& context);

}  // namespace enshu::api
