// The shared attachment store over HTTP: upload (raw body, ?filename=, Content-Type
// header) and download with safe headers. The rules live in world/attachment_store.hpp.

#include <nlohmann/json.hpp>

#include "api/actor.hpp"
#include "api/live_support.hpp"
#include "api/pr_handlers.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "world/attachment_store.hpp"
#include "world/attachment_type.hpp"
#include "world/feed_post_limit.hpp"

namespace enshu::api {
namespace {

// The owner organisation of an upload: a team member's own organisation (a different
// ?organisation_id= is refused with 404); for organisers and controllers the optional
// ?organisation_id= (staff-owned without it).
Result<std::optional<std::int64_t>> UploadOwner(const RequestContext& context, std::int64_t exercise_id) {
    auto caller = RequireLiveRole(context, exercise_id,
                                  {Role::kOrganiser, Role::kController, Role::kOrgLead, Role::kParticipant});
    if (!caller) return tl::unexpected(caller.error());
    std::optional<std::int64_t> requested;
    if (auto text = context.request.QueryParam("organisation_id"); text && !text->empty()) {
        char* end = nullptr;
        const long long value = std::strtoll(text->c_str(), &end, 10);
        if (end == nullptr || *end != '\0' || value <= 0 || text->size() > 18) {
            return Fail(ErrorCode::kInvalidArgument, "organisation_id: expected a positive integer", "organisation_id");
        }
        requested = value;
    }
    const bool staff = (*caller)->IsOrganiser(exercise_id) || (*caller)->HasRole(exercise_id, Role::kController);
    if (staff) return requested;
    auto member = RequireTeamMember(context, exercise_id);
    if (!member) return tl::unexpected(member.error());
    if (requested && *requested != member->organisation_id) {
        return Fail(ErrorCode::kNotFound, "no such organisation", "organisation_id");
    }
    return std::optional<std::int64_t>(member->organisation_id);
}

}  // namespace

Result<Response> HandleUploadAttachment(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto owner = UploadOwner(context, *exercise_id);
    if (!owner) return tl::unexpected(owner.error());
    world::AttachmentUpload upload{context.request.QueryParam("filename").value_or(""),
                                   context.request.Header("content-type").value_or(""), context.request.body};
    const audit::Actor actor = ActorOf(context);
    const world::AttachmentStore store(context.services.clock, context.services.audit);
    world::AttachmentInfo info;
    auto written = context.services.database.Write([&](db::Connection& connection) -> Status {
        auto limited = world::RecordPost(
            connection, actor.user_id,
            std::chrono::duration_cast<std::chrono::microseconds>(context.services.clock.Now().time_since_epoch())
                .count());
        if (!limited) return limited;
        auto stored = store.Store(connection, *exercise_id, *owner, upload, actor);
        if (!stored) return tl::unexpected(stored.error());
        info = std::move(*stored);
        return Ok();
    });
    if (!written) return tl::unexpected(written.error());
    return Response::Json(world::AttachmentJson(info), 201);
}

Result<Response> HandleGetAttachment(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto attachment_id = context.PathId("attachment_id");
    if (!attachment_id) return tl::unexpected(attachment_id.error());
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    if (!(*caller)->IsMember(*exercise_id)) return Fail(ErrorCode::kNotFound, "no such exercise", "exercise_id");
    const bool inline_wanted = context.request.QueryParam("disposition").value_or("") == "inline";
    const world::AttachmentStore store(context.services.clock, context.services.audit);
    world::AttachmentFile file;
    auto read = context.services.database.Read([&](db::Connection& connection) -> Status {
        auto info = store.Info(connection, *exercise_id, *attachment_id);
        if (!info) return tl::unexpected(info.error());
        // Out of scope answers exactly like a missing attachment.
        if (!world::CanViewAttachment(**caller, *info)) {
            return Fail(ErrorCode::kNotFound, "no such attachment", "attachment_id");
        }
        auto loaded = store.Load(connection, *exercise_id, *attachment_id);
        if (!loaded) return tl::unexpected(loaded.error());
        file = std::move(*loaded);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    const std::string content_type =
        file.info.content_type == world::kPlainText ? "text/plain; charset=utf-8" : file.info.content_type;
    Response response = Response::Download(std::move(file.content), content_type, file.info.filename);
    // Images may be shown inline in the feed; everything else is always a download.
    if (inline_wanted && world::IsImageType(file.info.content_type)) {
        for (auto& [name, value] : response.headers) {
            if (name == "Content-Disposition") value.replace(0, std::string("attachment").size(), "inline");
        }
    }
    // Added to the pipeline's own policy (both apply): the file never runs as a page.
    response.headers.emplace_back("Content-Security-Policy", "sandbox; default-src 'none'");
    response.headers.emplace_back("Cache-Control", "private, max-age=300");
    return response;
}

}  // namespace enshu::api
