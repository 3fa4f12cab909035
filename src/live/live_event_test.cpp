#include "live/live_event.hpp"

#include <gtest/gtest.h>

#include "live/event_log.hpp"

namespace enshu::live {
namespace {

StreamSubscriber Participant(std::int64_t organisation_id, std::int64_t person_id, std::string sector = "electricity",
                             std::string mode = "venue", std::vector<std::string> team_roles = {}) {
    StreamSubscriber subscriber;
    subscriber.exercise_id = 1;
    subscriber.organisation_id = organisation_id;
    subscriber.person_id = person_id;
    subscriber.sector = std::move(sector);
    subscriber.mode = std::move(mode);
    subscriber.team_roles = std::move(team_roles);
    return subscriber;
}

StreamSubscriber Watcher() {
    StreamSubscriber subscriber;
    subscriber.exercise_id = 1;
    subscriber.watches_everything = true;
    return subscriber;
}

StreamSubscriber Ministry(std::vector<std::string> sectors) {
    StreamSubscriber subscriber;
    subscriber.exercise_id = 1;
    subscriber.ministry_sectors = std::move(sectors);
    return subscriber;
}

TEST(AudienceMatchesTest, EveryoneReachesParticipantsAndAllStaff) {
    EventAudience audience;
    audience.everyone = true;
    EXPECT_TRUE(AudienceMatches(audience, Participant(7, 12)));
    EXPECT_TRUE(AudienceMatches(audience, Watcher()));
    EXPECT_TRUE(AudienceMatches(audience, Ministry({"water"})));
}

TEST(AudienceMatchesTest, OrganisationIds) {
    EventAudience audience;
    audience.organisation_ids = {7, 9};
    EXPECT_TRUE(AudienceMatches(audience, Participant(7, 12)));
    EXPECT_TRUE(AudienceMatches(audience, Participant(9, 13)));
    EXPECT_FALSE(AudienceMatches(audience, Participant(8, 14)));
    EXPECT_TRUE(AudienceMatches(audience, Watcher()));
    EXPECT_FALSE(AudienceMatches(audience, Ministry({"electricity"})));  // ministries: by sector only
}

TEST(AudienceMatchesTest, PersonIdsReachOnlyThatPerson) {
    EventAudience audience;
    audience.person_ids = {12};
    audience.participants_only = true;
    EXPECT_TRUE(AudienceMatches(audience, Participant(7, 12)));
    EXPECT_FALSE(AudienceMatches(audience, Participant(7, 13)));
    EXPECT_FALSE(AudienceMatches(audience, Watcher()));  // participants_only
}

TEST(AudienceMatchesTest, SectorsAndModesAreEachRequiredWhenListed) {
    EventAudience audience;
    audience.sectors = {"electricity", "gas"};
    EXPECT_TRUE(AudienceMatches(audience, Participant(7, 12, "gas")));
    EXPECT_FALSE(AudienceMatches(audience, Participant(7, 12, "water")));
    EXPECT_TRUE(AudienceMatches(audience, Ministry({"water", "gas"})));
    EXPECT_FALSE(AudienceMatches(audience, Ministry({"water"})));
    audience.modes = {"online"};
    EXPECT_FALSE(AudienceMatches(audience, Participant(7, 12, "gas", "venue")));
    EXPECT_TRUE(AudienceMatches(audience, Participant(7, 12, "gas", "online")));
    EventAudience by_mode;
    by_mode.modes = {"simulated"};
    EXPECT_TRUE(AudienceMatches(by_mode, Participant(7, 12, "water", "simulated")));
    EXPECT_FALSE(AudienceMatches(by_mode, Participant(7, 12, "water", "venue")));
}

TEST(AudienceMatchesTest, SectorListAlsoFiltersListedOrganisations) {
    EventAudience audience;
    audience.organisation_ids = {7};
    audience.sectors = {"gas"};
    EXPECT_FALSE(AudienceMatches(audience, Participant(7, 12, "electricity")));
    EXPECT_TRUE(AudienceMatches(audience, Participant(7, 12, "gas")));
    EXPECT_FALSE(AudienceMatches(audience, Participant(8, 12, "gas")));  // organisation listed: others out
}

TEST(AudienceMatchesTest, TeamRolesSelectPeopleWithinTheOrganisation) {
    EventAudience audience;
    audience.organisation_ids = {7};
    audience.team_roles = {"pr", "management"};
    EXPECT_TRUE(AudienceMatches(audience, Participant(7, 12, "electricity", "venue", {"management"})));
    EXPECT_FALSE(AudienceMatches(audience, Participant(7, 12, "electricity", "venue", {"csirt"})));
    // Without recorded team roles, a person sees role-addressed injects of its organisation.
    EXPECT_TRUE(AudienceMatches(audience, Participant(7, 12)));
    EXPECT_FALSE(AudienceMatches(audience, Participant(8, 12, "electricity", "venue", {"pr"})));
    EventAudience roles_only;
    roles_only.team_roles = {"pr"};  // no scope: reaches no participant
    EXPECT_FALSE(AudienceMatches(roles_only, Participant(7, 12, "electricity", "venue", {"pr"})));
}

TEST(AudienceMatchesTest, StaffOnlyEvents) {
    EventAudience audience;
    audience.staff = true;
    EXPECT_TRUE(AudienceMatches(audience, Watcher()));
    EXPECT_FALSE(AudienceMatches(audience, Participant(7, 12)));
    EXPECT_FALSE(AudienceMatches(audience, Ministry({"electricity"})));
    audience.organisation_ids = {7};  // the organisation and staff
    EXPECT_TRUE(AudienceMatches(audience, Participant(7, 12)));
    EXPECT_FALSE(AudienceMatches(audience, Participant(8, 13)));
}

TEST(AudienceMatchesTest, StaffSectorsReachOnlyThatMinistrysStaff) {
    EventAudience audience;
    audience.organisation_ids = {7};
    audience.staff_sectors = {"electricity"};
    EXPECT_TRUE(AudienceMatches(audience, Ministry({"electricity", "gas"})));
    EXPECT_FALSE(AudienceMatches(audience, Ministry({"finance"})));
    EXPECT_TRUE(AudienceMatches(audience, Watcher()));
    EXPECT_TRUE(AudienceMatches(audience, Participant(7, 12)));
    EXPECT_FALSE(AudienceMatches(audience, Participant(8, 13)));  // another organisation of the same sector
    EventAudience staff_only;
    staff_only.staff_sectors = {"electricity"};  // never reaches participants by itself
    EXPECT_FALSE(AudienceMatches(staff_only, Participant(7, 12)));
    EXPECT_TRUE(AudienceMatches(staff_only, Ministry({"electricity"})));
    auto parsed = AudienceFromJson(AudienceToJson(audience));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->staff_sectors, std::vector<std::string>{"electricity"});
}

TEST(SerialiseFrameTest, ByteExactWithReleasedAtFirst) {
    LiveEvent event;
    event.exercise_id = 1;
    event.seq = 42;
    event.type = "inject.released";
    event.released_at_us = 1701925200123456;
    event.payload_json = R"({"inject_id":"i-01","title":{"ja":"停止","en":"Outage"}})";
    auto frame = SerialiseFrame(event);
    EXPECT_EQ(*frame,
              "id: 42\nevent: inject.released\n"
              "data: {\"released_at_us\":1701925200123456,\"seq\":42,\"type\":\"inject.released\","
              "\"payload\":{\"inject_id\":\"i-01\",\"title\":{\"ja\":\"停止\",\"en\":\"Outage\"}}}\n\n");
}

TEST(SerialiseFrameTest, PayloadLineBreaksNeverSplitTheDataLine) {
    LiveEvent event;
    event.seq = 1;
    event.type = "broadcast";
    event.payload_json = "{\n\"text\": \"a\"\n}";
    EXPECT_EQ(*SerialiseFrame(event),
              "id: 1\nevent: broadcast\ndata: {\"released_at_us\":0,\"seq\":1,\"type\":\"broadcast\","
              "\"payload\":{\"text\":\"a\"}}\n\n");
}

TEST(AudienceJsonTest, RoundTripsEveryMember) {
    EventAudience audience;
    audience.organisation_ids = {7, 9};
    audience.person_ids = {12};
    audience.sectors = {"gas"};
    audience.modes = {"online"};
    audience.team_roles = {"pr"};
    audience.staff = true;
    audience.participants_only = true;
    const std::string text = AudienceToJson(audience);
    EXPECT_EQ(text, R"({"modes":["online"],"organisation_ids":[7,9],"participants_only":true,"person_ids":[12],)"
                    R"("sectors":["gas"],"staff":true,"team_roles":["pr"]})");
    auto parsed = AudienceFromJson(text);
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(parsed->organisation_ids, audience.organisation_ids);
    EXPECT_EQ(parsed->person_ids, audience.person_ids);
    EXPECT_EQ(parsed->sectors, audience.sectors);
    EXPECT_EQ(parsed->modes, audience.modes);
    EXPECT_EQ(parsed->team_roles, audience.team_roles);
    EXPECT_TRUE(parsed->staff);
    EXPECT_TRUE(parsed->participants_only);
    EXPECT_FALSE(parsed->everyone);
    EventAudience everyone;
    everyone.everyone = true;
    EXPECT_EQ(AudienceToJson(everyone), R"({"everyone":true})");
}

TEST(AudienceJsonTest, BadInputNamesTheMember) {
    EXPECT_EQ(AudienceFromJson("[]").error().field, "audience");
    EXPECT_EQ(AudienceFromJson(R"({"organisation_ids":["7"]})").error().field, "organisation_ids");
    EXPECT_EQ(AudienceFromJson(R"({"everyone":"yes"})").error().field, "everyone");
    EXPECT_EQ(AudienceFromJson(R"({"sectors":"gas"})").error().field, "sectors");
}

}  // namespace
}  // namespace enshu::live
