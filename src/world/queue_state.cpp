#include "world/queue_state.hpp"

#include <array>
#include <utility>

namespace enshu::world {
namespace {

constexpr std::array<std::pair<QueueState, std::string_view>, 5> kStateNames = {{
    {QueueState::kNew, "new"},
    {QueueState::kClaimed, "claimed"},
    {QueueState::kWaiting, "waiting"},
    {QueueState::kAnswered, "answered"},
    {QueueState::kClosed, "closed"},
}};

tl::unexpected<Error> NotAllowed(QueueState state, QueueAction action) {
    return Fail(
        ErrorCode::kConflict,
        std::string(QueueActionName(action)) + " is not allowed on a " + std::string(QueueStateName(state)) + " case",
        "state");
}

}  // namespace

std::string_view QueueStateName(QueueState state) {
    for (const auto& [value, name] : kStateNames) {
        if (value == state) return name;
    }
    return "new";
}

std::optional<QueueState> ParseQueueState(std::string_view name) {
    for (const auto& [value, text] : kStateNames) {
        if (text == name) return value;
    }
    return std::nullopt;
}

std::string_view QueueActionName(QueueAction action) {
    switch (action) {
        case QueueAction::kClaim:
            return "claim";
        case QueueAction::kReply:
            return "reply";
        case QueueAction::kAskBack:
            return "ask_back";
        case QueueAction::kAcknowledge:
            return "acknowledge";
        case QueueAction::kNote:
            return "note";
        case QueueAction::kHandover:
            return "handover";
        case QueueAction::kClose:
            return "close";
        case QueueAction::kInbound:
            return "inbound";
    }
    return "note";
}

std::optional<std::string_view> MessageKindOf(QueueAction action) {
    if (action == QueueAction::kClaim || action == QueueAction::kClose) return std::nullopt;
    return QueueActionName(action);
}

bool IsReplyToOrganisation(QueueAction action) {
    return action == QueueAction::kReply || action == QueueAction::kAskBack || action == QueueAction::kAcknowledge;
}

Result<QueueState> NextQueueState(QueueState state, QueueAction action, Assignment assignment) {
    const bool closed = state == QueueState::kClosed;
    switch (action) {
        case QueueAction::kNote:
            return state;
        case QueueAction::kInbound:
            if (state == QueueState::kNew) return QueueState::kNew;
            return assignment == Assignment::kNobody ? QueueState::kNew : QueueState::kClaimed;
        case QueueAction::kClaim:
            if (closed || (state == QueueState::kClaimed && assignment == Assignment::kCaller)) {
                return NotAllowed(state, action);
            }
            if (assignment == Assignment::kSomeoneElse && state == QueueState::kClaimed) {
                return Fail(ErrorCode::kConflict, "the case is claimed by someone else: hand it over instead",
                            "assignee");
            }
            return QueueState::kClaimed;
        case QueueAction::kReply:
        case QueueAction::kAcknowledge:
            if (closed) return NotAllowed(state, action);
            return QueueState::kAnswered;
        case QueueAction::kAskBack:
            if (closed) return NotAllowed(state, action);
            return QueueState::kWaiting;
        case QueueAction::kHandover:
            if (closed) return NotAllowed(state, action);
            return QueueState::kClaimed;
        case QueueAction::kClose:
            if (closed) return NotAllowed(state, action);
            return QueueState::kClosed;
    }
    return NotAllowed(state, action);
}

}  // namespace enshu::world
