#pragma once

// The state machine of a desk case (inquiries and incident-report deliveries share it):
//
//   new ──claim──▶ claimed ──reply/acknowledge──▶ answered ──close──▶ closed
//    │               │  ▲                            │
//    │               │  └──organisation writes───────┤ (also from waiting; a closed
//    │               └──ask back──▶ waiting ─────────┘  case is reopened by it)
//
// - claim: new, waiting or answered → claimed (the caller becomes the assignee); a case
//   claimed by someone else must be handed over instead (kConflict).
// - reply / acknowledge → answered; ask back → waiting (for the organisation). Each of
//   them is visible to the organisation and the first one sets the first-reply time.
// - note (internal, staff only): no change, allowed in every state.
// - hand-over: any open state → claimed with the new assignee.
// - close: any open state → closed.
// - inbound (the organisation writes): new stays new; otherwise → claimed when the case
//   has an assignee, else new (also reopening a closed case).
// Pure: no I/O.

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace enshu::world {

enum class QueueState { kNew, kClaimed, kWaiting, kAnswered, kClosed };
enum class QueueAction { kClaim, kReply, kAskBack, kAcknowledge, kNote, kHandover, kClose, kInbound };

std::string_view QueueStateName(QueueState state);  // "new", "claimed", ...
std::optional<QueueState> ParseQueueState(std::string_view name);
std::string_view QueueActionName(QueueAction action);  // "claim", "reply", "ask_back", ...

// The message kind stored for an action ("reply", "ask_back", "acknowledge", "note",
// "handover", "inbound"); claim and close store no message.
std::optional<std::string_view> MessageKindOf(QueueAction action);

// True for the actions whose message the organisation sees and that count as a reply.
bool IsReplyToOrganisation(QueueAction action);

// Whether the case is claimed by the caller, by someone else, or by nobody.
enum class Assignment { kNobody, kCaller, kSomeoneElse };

// The state after `action`. kConflict (field "state") when the action is not allowed in
// `state` (a closed case, or claiming a case someone else holds).
Result<QueueState> NextQueueState(QueueState state, QueueAction action, Assignment assignment);

}  // namespace enshu::world
