#include "world/queue_state.hpp"

#include <gtest/gtest.h>

namespace enshu::world {
namespace {

QueueState Next(QueueState state, QueueAction action, Assignment assignment = Assignment::kNobody) {
    auto next = NextQueueState(state, action, assignment);
    EXPECT_TRUE(next) << QueueStateName(state) << " + " << QueueActionName(action);
    return next ? *next : state;
}

ErrorCode Refused(QueueState state, QueueAction action, Assignment assignment = Assignment::kNobody) {
    auto next = NextQueueState(state, action, assignment);
    EXPECT_FALSE(next) << QueueStateName(state) << " + " << QueueActionName(action) << " was allowed";
    return next ? ErrorCode::kInternal : next.error().code;
}

TEST(QueueStateTest, HappyPathNewClaimReplyClose) {
    EXPECT_EQ(Next(QueueState::kNew, QueueAction::kClaim), QueueState::kClaimed);
    EXPECT_EQ(Next(QueueState::kClaimed, QueueAction::kReply, Assignment::kCaller), QueueState::kAnswered);
    EXPECT_EQ(Next(QueueState::kAnswered, QueueAction::kClose, Assignment::kCaller), QueueState::kClosed);
}

TEST(QueueStateTest, AskBackWaitsAndTheOrganisationsAnswerReturnsToTheAssignee) {
    EXPECT_EQ(Next(QueueState::kClaimed, QueueAction::kAskBack, Assignment::kCaller), QueueState::kWaiting);
    EXPECT_EQ(Next(QueueState::kWaiting, QueueAction::kInbound, Assignment::kSomeoneElse), QueueState::kClaimed);
    EXPECT_EQ(Next(QueueState::kWaiting, QueueAction::kInbound, Assignment::kNobody), QueueState::kNew);
    EXPECT_EQ(Next(QueueState::kNew, QueueAction::kInbound), QueueState::kNew);
    // A closed case is reopened when the organisation writes again.
    EXPECT_EQ(Next(QueueState::kClosed, QueueAction::kInbound, Assignment::kSomeoneElse), QueueState::kClaimed);
}

TEST(QueueStateTest, ReplyWithoutClaimAndAcknowledgeAnswer) {
    EXPECT_EQ(Next(QueueState::kNew, QueueAction::kReply), QueueState::kAnswered);
    EXPECT_EQ(Next(QueueState::kNew, QueueAction::kAcknowledge), QueueState::kAnswered);
    EXPECT_EQ(Next(QueueState::kNew, QueueAction::kAskBack), QueueState::kWaiting);
}

TEST(QueueStateTest, NotesNeverChangeTheStateEvenWhenClosed) {
    for (QueueState state :
         {QueueState::kNew, QueueState::kClaimed, QueueState::kWaiting, QueueState::kAnswered, QueueState::kClosed}) {
        EXPECT_EQ(Next(state, QueueAction::kNote), state);
    }
}

TEST(QueueStateTest, ClaimRules) {
    EXPECT_EQ(Refused(QueueState::kClaimed, QueueAction::kClaim, Assignment::kSomeoneElse), ErrorCode::kConflict);
    EXPECT_EQ(Refused(QueueState::kClaimed, QueueAction::kClaim, Assignment::kCaller), ErrorCode::kConflict);
    EXPECT_EQ(Next(QueueState::kAnswered, QueueAction::kClaim, Assignment::kSomeoneElse), QueueState::kClaimed);
    EXPECT_EQ(Next(QueueState::kWaiting, QueueAction::kClaim, Assignment::kCaller), QueueState::kClaimed);
    EXPECT_EQ(Next(QueueState::kClaimed, QueueAction::kHandover, Assignment::kSomeoneElse), QueueState::kClaimed);
}

TEST(QueueStateTest, ClosedCasesRefuseStaffActions) {
    for (QueueAction action : {QueueAction::kClaim, QueueAction::kReply, QueueAction::kAskBack,
                               QueueAction::kAcknowledge, QueueAction::kHandover, QueueAction::kClose}) {
        EXPECT_EQ(Refused(QueueState::kClosed, action), ErrorCode::kConflict);
    }
}

TEST(QueueStateTest, NamesRoundTripAndMessageKinds) {
    for (QueueState state :
         {QueueState::kNew, QueueState::kClaimed, QueueState::kWaiting, QueueState::kAnswered, QueueState::kClosed}) {
        EXPECT_EQ(ParseQueueState(QueueStateName(state)), state);
    }
    EXPECT_FALSE(ParseQueueState("open"));
    EXPECT_FALSE(MessageKindOf(QueueAction::kClaim));
    EXPECT_EQ(MessageKindOf(QueueAction::kAskBack), "ask_back");
    EXPECT_TRUE(IsReplyToOrganisation(QueueAction::kAcknowledge));
    EXPECT_FALSE(IsReplyToOrganisation(QueueAction::kNote));
}

}  // namespace
}  // namespace enshu::world
