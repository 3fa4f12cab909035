// GET /api/exercises/{exercise_id}/stream: the live event stream (Server-Sent Events).
// Any member of the exercise may open it; the handler decides who is listening (the
// live::StreamSubscriber the hub filters by) and hands the connection to the network
// layer through Response::stream (net/sse_hub.hpp, net/sse_stream.cpp).
//
// - organiser, controller, observer (and administrators): watch the whole exercise;
// - org lead, participant: their organisation (its sector and participation mode) and
//   their own person, with the team roles recorded for the person;
// - ministry: the sectors of their ministry.
// The stream carries the caller's session: it ends when the session does
// (core/session_streams.hpp).
// Replay: the Last-Event-ID header (browsers send it when EventSource reconnects), or
// the last_event_id query parameter for clients that cannot set headers.

#include <charconv>
#include <memory>

#include "api/handlers.hpp"
#include "db/database.hpp"
#include "live/live_event.hpp"

namespace enshu::api {
namespace {

constexpr std::string_view kExerciseExists = "SELECT 1 FROM exercise WHERE id = $1";
constexpr std::string_view kParticipantScope =
    "SELECT o.sector_code, o.participation_mode, p.team_roles FROM person p "
    "JOIN organisation o ON o.id = p.organisation_id "
    "WHERE p.id = $1 AND p.exercise_id = $2 AND o.id = $3";
constexpr std::string_view kMinistrySectors = "SELECT code FROM ref_sector WHERE ministry_code = $1 ORDER BY code";

constexpr std::size_t kMaxEventIdDigits = 18;

// "management,csirt" -> {"management", "csirt"} (blank items skipped).
std::vector<std::string> SplitList(const std::string& text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        std::string item = text.substr(start, end - start);
        const auto first = item.find_first_not_of(' ');
        const auto last = item.find_last_not_of(' ');
        if (first != std::string::npos) items.push_back(item.substr(first, last - first + 1));
        start = end + 1;
    }
    return items;
}

// The replay position: Last-Event-ID header first, else ?last_event_id=.
Result<std::optional<std::int64_t>> LastEventId(const Request& request) {
    std::string field = "Last-Event-ID";
    std::optional<std::string> text = request.Header("last-event-id");
    if (!text || text->empty()) {
        field = "last_event_id";
        text = request.QueryParam("last_event_id");
    }
    if (!text || text->empty()) return std::optional<std::int64_t>();
    std::int64_t value = 0;
    const char* end = text->data() + text->size();
    auto [stop, error] = std::from_chars(text->data(), end, value);
    if (error != std::errc() || stop != end || value < 0 || text->size() > kMaxEventIdDigits) {
        return Fail(ErrorCode::kInvalidArgument, field + ": must be an event id (0 or a positive integer)", field);
    }
    return std::optional<std::int64_t>(value);
}

// Who the caller listens as, from their memberships of the exercise; kNotFound when
// they have none (exercise ids are not probed).
Result<live::StreamSubscriber> SubscriberOf(RequestContext& context, const Principal& caller,
                                            std::int64_t exercise_id) {
    live::StreamSubscriber subscriber;
    subscriber.exercise_id = exercise_id;
    const Membership* organisation_role = nullptr;
    const Membership* ministry_role = nullptr;
    bool watches = caller.is_admin;
    for (const Membership& membership : caller.memberships) {
        if (membership.exercise_id != exercise_id) continue;
        switch (membership.role) {
            case Role::kOrganiser:
            case Role::kController:
            case Role::kObserver:
                watches = true;
                break;
            case Role::kMinistry:
                ministry_role = &membership;
                break;
            case Role::kOrgLead:
            case Role::kParticipant:
                organisation_role = &membership;
                break;
        }
    }
    const Error not_found{ErrorCode::kNotFound, "exercise_id: no exercise " + std::to_string(exercise_id),
                          "exercise_id"};
    Status status = context.services.database.Read([&](db::Connection& connection) -> Status {
        auto exists = connection.QueryOne(kExerciseExists, {exercise_id});
        if (!exists) return tl::unexpected(exists.error());
        if (!*exists) return tl::unexpected(not_found);
        if (watches) {
            subscriber.watches_everything = true;
            return Ok();
        }
        if (organisation_role && organisation_role->organisation_id && organisation_role->person_id) {
            auto row = connection.QueryOne(
                kParticipantScope, {*organisation_role->person_id, exercise_id, *organisation_role->organisation_id});
            if (!row) return tl::unexpected(row.error());
            if (!*row) return tl::unexpected(not_found);
            subscriber.organisation_id = organisation_role->organisation_id;
            subscriber.person_id = organisation_role->person_id;
            subscriber.sector = (*row)->Text(0);
            subscriber.mode = (*row)->Text(1);
            subscriber.team_roles = SplitList((*row)->Text(2));
            return Ok();
        }
        if (ministry_role && ministry_role->ministry_code) {
            auto rows = connection.Query(kMinistrySectors, {*ministry_role->ministry_code});
            if (!rows) return tl::unexpected(rows.error());
            for (const db::Row& row : *rows) subscriber.ministry_sectors.push_back(row.Text(0));
            return Ok();
        }
        return tl::unexpected(not_found);
    });
    if (!status) return tl::unexpected(status.error());
    return subscriber;
}

}  // namespace

Result<Response> HandleStream(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = context.RequireCaller();
    if (!caller) return tl::unexpected(caller.error());
    auto last_event_id = LastEventId(context.request);
    if (!last_event_id) return tl::unexpected(last_event_id.error());
    auto subscriber = SubscriberOf(context, **caller, *exercise_id);
    if (!subscriber) return tl::unexpected(subscriber.error());

    Response response;
    response.content_type = "text/event-stream; charset=utf-8";
    response.stream = std::make_shared<const StreamRequest>(
        StreamRequest{std::move(*subscriber), *last_event_id, (*caller)->session_id, (*caller)->user_id});
    return response;
}

}  // namespace enshu::api
