#include "api/actor.hpp"

namespace enshu::api {

audit::Actor ActorOf(const RequestContext& context) {
    audit::Actor actor;
    if (context.principal) {
        actor.user_id = context.principal->user_id;
        actor.label = context.principal->display_name;
    } else {
        actor.label = "anonymous";
    }
    actor.request_id = context.request.request_id;
    actor.remote_address = context.request.remote_address;
    return actor;
}

accounts::ClientInfo ClientOf(const RequestContext& context) {
    return accounts::ClientInfo{context.request.remote_address, context.request.Header("user-agent").value_or(""),
                                context.request.request_id};
}

}  // namespace enshu::api
