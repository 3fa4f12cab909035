// Team roles end to end inside the live module: people stored with person.team_roles
// (exercise module), their subscription read back (ParticipantSubscriber, as the
// stream and the inbox use it), and an inject addressed to team role "pr".

#include <gtest/gtest.h>

#include <algorithm>

#include "exercise/person_input.hpp"
#include "live/live_fixture.hpp"
#include "live/play_service.hpp"

namespace enshu::live {
namespace {

using testing::kMinuteUs;

class TeamRolesTest : public testing::LiveTest {
  protected:
    std::int64_t AddPersonWithRoles(std::int64_t organisation_id, const std::string& name,
                                    std::vector<std::string> roles) {
        exercise::PersonInput input;
        input.display_name = name;
        input.role = "participant";
        input.team_roles = std::move(roles);
        auto created = People().Create(organiser_, actor_, exercise_id_, organisation_id, input);
        EXPECT_TRUE(created) << (created ? "" : created.error().message);
        return created ? created->person.id : 0;
    }

    StreamSubscriber SubscriberOf(std::int64_t organisation_id, std::int64_t person_id) {
        auto subscriber = ParticipantSubscriber(*database_, exercise_id_, organisation_id, person_id);
        EXPECT_TRUE(subscriber) << (subscriber ? "" : subscriber.error().message);
        return subscriber ? *subscriber : StreamSubscriber{};
    }

    // The inject ids in the person's inbox.
    std::vector<std::string> InboxInjects(const StreamSubscriber& subscriber) {
        auto inbox = PlayService(*database_, clock_, audit_, log_, source_).InboxOf(subscriber);
        EXPECT_TRUE(inbox) << (inbox ? "" : inbox.error().message);
        std::vector<std::string> ids;
        if (!inbox) return ids;
        for (const auto& item : inbox->items) {
            if (item.event.type != "inject.released") continue;
            ids.push_back(nlohmann::json::parse(item.event.payload_json).at("inject_id"));
        }
        return ids;
    }
};

TEST_F(TeamRolesTest, AnInjectForPrReachesOnlyThePrPeopleOfTheOrganisation) {
    const std::int64_t press = AddPersonWithRoles(org_a_, "広報 花子", {"pr", "management"});
    const std::int64_t responder = AddPersonWithRoles(org_a_, "対応 一郎", {"csirt"});
    const std::int64_t other_press = AddPersonWithRoles(org_c_, "ガス 広報", {"pr"});

    const StreamSubscriber press_subscriber = SubscriberOf(org_a_, press);
    EXPECT_EQ(press_subscriber.team_roles, (std::vector<std::string>{"management", "pr"}));
    const StreamSubscriber responder_subscriber = SubscriberOf(org_a_, responder);
    EXPECT_EQ(responder_subscriber.team_roles, std::vector<std::string>{"csirt"});

    // i1 goes to the PR function of the electricity sector; i2 to everyone.
    auto snapshot = testing::ThreeDayScenario();
    snapshot.master.injects[0].audience.everyone = false;
    snapshot.master.injects[0].audience.sectors = {"electricity"};
    snapshot.master.injects[0].audience.team_roles = {"pr"};
    source_.Set(exercise_id_, snapshot);
    Operate(t0_, ClockOperation::kStart);
    TickAt(t0_ + 5 * kMinuteUs);

    // i1's release events (one per group of organisations with the same text).
    std::vector<LiveEvent> pr_events;
    for (const auto& [event, frame] : sink_.Published()) {
        if (event->type == "inject.released" &&
            nlohmann::json::parse(event->payload_json).at("inject_id") == snapshot.master.injects[0].id) {
            pr_events.push_back(*event);
        }
    }
    ASSERT_FALSE(pr_events.empty());
    const auto receives = [&](const StreamSubscriber& subscriber) {
        return std::count_if(pr_events.begin(), pr_events.end(),
                             [&](const LiveEvent& event) { return AudienceMatches(event.audience, subscriber); });
    };
    // The live stream's filter: exactly one copy for the PR person, none for the others.
    EXPECT_EQ(receives(press_subscriber), 1);
    EXPECT_EQ(receives(responder_subscriber), 0);
    EXPECT_EQ(receives(SubscriberOf(org_c_, other_press)), 0);  // gas: not addressed
    // The inbox (what a reconnecting console loads).
    const std::string pr_inject = snapshot.master.injects[0].id;
    const std::string everyone_inject = snapshot.master.injects[1].id;
    EXPECT_EQ(InboxInjects(press_subscriber), (std::vector<std::string>{pr_inject, everyone_inject}));
    EXPECT_EQ(InboxInjects(responder_subscriber), std::vector<std::string>{everyone_inject});
}

}  // namespace
}  // namespace enshu::live
