#include "live/play_service.hpp"

#include <gtest/gtest.h>

#include "live/live_fixture.hpp"
#include "live/play_metrics.hpp"

namespace enshu::live {
namespace {

using testing::kMinuteUs;

class PlayServiceTest : public testing::LiveTest {
  protected:
    void SetUp() override {
        ASSERT_NO_FATAL_FAILURE(LiveTest::SetUp());
        person_a1_ = AddPerson(org_a_, "山田 花子", "org_lead");
        person_a2_ = AddPerson(org_a_, "鈴木 一郎", "participant");
        person_c1_ = AddPerson(org_c_, "佐藤 次郎", "participant");
        // i1 only to electricity; i2 to everyone (texts differ per organisation).
        auto snapshot = testing::ThreeDayScenario();
        snapshot.master.injects[0].audience.everyone = false;
        snapshot.master.injects[0].audience.sectors = {"electricity"};
        source_.Set(exercise_id_, snapshot);
        Operate(t0_, ClockOperation::kStart);
        TickAt(t0_ + 5 * kMinuteUs);  // i1, i2
        release_us_ = t0_ + 5 * kMinuteUs;
    }

    PlayService Play() { return PlayService(*database_, clock_, audit_, log_, source_); }

    std::int64_t person_a1_ = 0;
    std::int64_t person_a2_ = 0;
    std::int64_t person_c1_ = 0;
    std::int64_t release_us_ = 0;
};

TEST_F(PlayServiceTest, AcknowledgeOncePerPersonWithEvents) {
    At(release_us_ + 30'000'000);
    auto ack = Play().Acknowledge(exercise_id_, org_a_, person_a1_, "i2", actor_);
    ASSERT_TRUE(ack) << ack.error().message;
    EXPECT_TRUE(ack->created);
    EXPECT_EQ(ack->acked_at_us, release_us_ + 30'000'000);
    At(release_us_ + 90'000'000);
    auto again = Play().Acknowledge(exercise_id_, org_a_, person_a1_, "i2", actor_);
    ASSERT_TRUE(again);
    EXPECT_FALSE(again->created);
    EXPECT_EQ(again->acked_at_us, release_us_ + 30'000'000);
    auto acknowledged = Published("inject.acknowledged");
    ASSERT_EQ(acknowledged.size(), 1u);
    EXPECT_EQ(acknowledged[0].at("person_name"), "山田 花子");
    auto progress = Published("progress.updated");
    ASSERT_EQ(progress.size(), 1u);
    EXPECT_EQ(progress[0].at("organisation_id"), org_a_);
    EXPECT_EQ(progress[0].at("acked"), 1);
    EXPECT_EQ(AuditCount("inject.ack"), 1);
}

TEST_F(PlayServiceTest, AcknowledgingAnInjectNotReleasedToTheOrganisationIsNotFound) {
    auto gas = Play().Acknowledge(exercise_id_, org_c_, person_c1_, "i1", actor_);  // i1: electricity only
    ASSERT_FALSE(gas);
    EXPECT_EQ(gas.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(Play().Acknowledge(exercise_id_, org_a_, person_a1_, "i5", actor_).error().code,
              ErrorCode::kNotFound);  // not released yet
    EXPECT_TRUE(Play().Acknowledge(exercise_id_, org_c_, person_c1_, "i2", actor_));
}

TEST_F(PlayServiceTest, ActionLogIsTimeStampedAndAttributed) {
    At(release_us_ + kMinuteUs);  // D1 10:12
    ActionInput input{"CSIRT 招集", 2, "decision", std::string("i1")};
    auto entry = Play().LogAction(exercise_id_, org_a_, person_a2_, input, actor_);
    ASSERT_TRUE(entry) << entry.error().message;
    EXPECT_EQ(entry->person_name, "鈴木 一郎");
    EXPECT_DOUBLE_EQ(*entry->scenario_minutes, 612);
    EXPECT_EQ(ActionJson(*entry).at("scenario_time"), "D1 10:12");
    EXPECT_EQ(entry->wall_at_us, release_us_ + kMinuteUs);
    At(release_us_ + 2 * kMinuteUs);
    ASSERT_TRUE(Play().LogAction(exercise_id_, org_a_, person_a1_, {"報告", std::nullopt, "report", {}}, actor_));
    auto page = Play().ListActions(exercise_id_, org_a_, 1, 50);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->total, 2);
    EXPECT_EQ(page->items[0].text, "報告");  // newest first
    EXPECT_EQ(page->items[1].objective, 2);
    EXPECT_EQ(Play().ListActions(exercise_id_, org_c_, 1, 50)->total, 0);
    auto logged = Published("action.logged");
    ASSERT_EQ(logged.size(), 2u);
    EXPECT_EQ(AuditCount("action.create"), 2);
}

TEST_F(PlayServiceTest, ActionValidationNamesTheField) {
    const auto fails = [&](ActionInput input) {
        auto entry = Play().LogAction(exercise_id_, org_c_, person_c1_, input, actor_);
        return entry ? std::string("ok") : entry.error().field;
    };
    EXPECT_EQ(fails({"", std::nullopt, "decision", {}}), "text");
    EXPECT_EQ(fails({std::string(4001, 'x'), std::nullopt, "decision", {}}), "text");
    EXPECT_EQ(fails({"x", 0, "decision", {}}), "objective");
    EXPECT_EQ(fails({"x", std::nullopt, "guess", {}}), "decision_type");
    EXPECT_EQ(fails({"x", std::nullopt, "other", std::string("i1")}), "inject_id");  // not released to gas
    EXPECT_EQ(fails({std::string(4000, 'x'), 10, "other", std::string("i2")}), "ok");
}

TEST_F(PlayServiceTest, ProgressCountsPerOrganisation) {
    At(release_us_ + 20'000'000);
    ASSERT_TRUE(Play().Acknowledge(exercise_id_, org_a_, person_a1_, "i1", actor_));
    ASSERT_TRUE(Play().Acknowledge(exercise_id_, org_a_, person_a2_, "i1", actor_));
    ASSERT_TRUE(Play().Acknowledge(exercise_id_, org_a_, person_a2_, "i2", actor_));
    At(release_us_ + 40'000'000);
    ASSERT_TRUE(Play().LogAction(exercise_id_, org_a_, person_a1_, {"対応", 1, "technical", {}}, actor_));
    auto rows = Play().Progress(exercise_id_, "", "", {{org_a_, 2}});
    ASSERT_TRUE(rows) << rows.error().message;
    ASSERT_EQ(rows->size(), 3u);
    const ProgressRow* a = nullptr;
    const ProgressRow* c = nullptr;
    for (const auto& row : *rows) {
        if (row.organisation_id == org_a_) a = &row;
        if (row.organisation_id == org_c_) c = &row;
    }
    ASSERT_TRUE(a && c);
    EXPECT_EQ(a->online_participants, 2);
    EXPECT_EQ(a->released_injects, 2);
    EXPECT_EQ(a->acknowledged_injects, 2);
    EXPECT_EQ(a->action_entries, 1);
    EXPECT_EQ(a->last_activity_us, release_us_ + 40'000'000);
    EXPECT_EQ(c->released_injects, 1);  // only i2
    EXPECT_EQ(c->acknowledged_injects, 0);
    EXPECT_FALSE(c->last_activity_us.has_value());
    auto gas_only = Play().Progress(exercise_id_, "gas", "", {});
    ASSERT_TRUE(gas_only);
    ASSERT_EQ(gas_only->size(), 1u);
    EXPECT_EQ(gas_only->at(0).organisation_id, org_c_);
    EXPECT_EQ(Play().Progress(exercise_id_, "", "online", {})->size(), 0u);
}

TEST_F(PlayServiceTest, InboxHoldsWhatWasAddressedWithAckState) {
    At(release_us_ + 10'000'000);
    ASSERT_TRUE(Play().Acknowledge(exercise_id_, org_a_, person_a2_, "i1", actor_));
    auto subscriber = ParticipantSubscriber(*database_, exercise_id_, org_a_, person_a1_);
    ASSERT_TRUE(subscriber) << subscriber.error().message;
    auto inbox = Play().InboxOf(*subscriber);
    ASSERT_TRUE(inbox) << inbox.error().message;
    ASSERT_EQ(inbox->items.size(), 2u);
    EXPECT_EQ(nlohmann::json::parse(inbox->items[0].event.payload_json).at("inject_id"), "i1");
    EXPECT_FALSE(inbox->items[0].my_ack_us.has_value());
    EXPECT_EQ(inbox->items[0].organisation_ack_us, release_us_ + 10'000'000);
    EXPECT_EQ(nlohmann::json::parse(inbox->items[1].event.payload_json).at("body").at("ja"), "電力A の状況 i2");
    auto gas = ParticipantSubscriber(*database_, exercise_id_, org_c_, person_c1_);
    ASSERT_TRUE(gas);
    auto gas_inbox = Play().InboxOf(*gas);
    ASSERT_TRUE(gas_inbox);
    ASSERT_EQ(gas_inbox->items.size(), 1u);
    EXPECT_EQ(nlohmann::json::parse(gas_inbox->items[0].event.payload_json).at("body").at("ja"), "ガスC の状況 i2");
    // A person is looked up within its organisation only.
    EXPECT_EQ(ParticipantSubscriber(*database_, exercise_id_, org_c_, person_a1_).error().code, ErrorCode::kNotFound);
}

TEST_F(PlayServiceTest, ResponseTimesFromStoredRows) {
    At(release_us_ + 45'000'000);
    ASSERT_TRUE(Play().Acknowledge(exercise_id_, org_a_, person_a2_, "i1", actor_));
    At(release_us_ + 50'000'000);
    ASSERT_TRUE(Play().Acknowledge(exercise_id_, org_a_, person_a1_, "i1", actor_));  // later: not the first
    At(release_us_ + 3 * kMinuteUs);
    ASSERT_TRUE(Play().LogAction(exercise_id_, org_a_, person_a1_, {"初動", 1, "decision", std::string("i1")}, actor_));
    At(release_us_ + 4 * kMinuteUs);
    ASSERT_TRUE(Play().Acknowledge(exercise_id_, org_c_, person_c1_, "i2", actor_));
    auto times = ResponseTimes(*database_, exercise_id_);
    ASSERT_TRUE(times) << times.error().message;
    ASSERT_EQ(times->size(), 2u);
    EXPECT_EQ(times->at(0).organisation_id, org_a_);
    EXPECT_EQ(times->at(0).inject_id, "i1");
    EXPECT_EQ(times->at(0).released_at_us, release_us_);
    EXPECT_EQ(times->at(0).time_to_acknowledge_us, 45'000'000);
    EXPECT_EQ(times->at(0).time_to_first_action_us, 3 * kMinuteUs);
    EXPECT_EQ(times->at(1).organisation_id, org_c_);
    EXPECT_EQ(times->at(1).time_to_acknowledge_us, 4 * kMinuteUs);
    EXPECT_FALSE(times->at(1).time_to_first_action_us.has_value());
}

TEST_F(PlayServiceTest, BroadcastReachesEveryoneAndIsAudited) {
    auto seq = Play().Broadcast(exercise_id_, {"15時に全体会議", "All-hands at 15:00"}, "事務局", actor_);
    ASSERT_TRUE(seq) << seq.error().message;
    auto broadcasts = Published("broadcast");
    ASSERT_EQ(broadcasts.size(), 1u);
    EXPECT_EQ(broadcasts[0].at("message").at("en"), "All-hands at 15:00");
    EXPECT_EQ(broadcasts[0].at("from"), "事務局");
    EXPECT_EQ(AuditCount("broadcast.create"), 1);
    auto gas = ParticipantSubscriber(*database_, exercise_id_, org_c_, person_c1_);
    ASSERT_TRUE(gas);
    EXPECT_EQ(Play().InboxOf(*gas)->items.back().event.seq, *seq);
    EXPECT_EQ(Play().Broadcast(exercise_id_, {"", "x"}, "", actor_).error().field, "message.ja");
    EXPECT_EQ(Play().Broadcast(exercise_id_, {"x", std::string(2001, 'x')}, "", actor_).error().field, "message.en");
}

}  // namespace
}  // namespace enshu::live
