#include "live/event_log.hpp"

#include <gtest/gtest.h>

#include "live/live_test_support.hpp"

namespace enshu::live {
namespace {

class EventLogTest : public exercise::testing::ExerciseTest {
  protected:
    LiveEvent Event(const std::string& type, std::int64_t exercise_id = 0) {
        LiveEvent event;
        event.exercise_id = exercise_id ? exercise_id : exercise_id_;
        event.type = type;
        event.audience.everyone = true;
        event.released_at_us = 1'700'000'000'000'000;
        event.payload_json = R"({"n":1})";
        return event;
    }

    Status AppendAll(std::vector<LiveEvent>& events) {
        return database_->Write([&](db::Connection& connection) -> Status {
            for (auto& event : events) {
                if (auto appended = log_.Append(connection, event); !appended) return appended;
            }
            return Ok();
        });
    }

    testing::RecordingSink sink_;
    EventLog log_{&sink_};
};

TEST_F(EventLogTest, SequenceNumbersAreContiguousPerExercise) {
    std::vector<LiveEvent> first = {Event("a"), Event("b")};
    ASSERT_TRUE(AppendAll(first));
    std::vector<LiveEvent> second = {Event("c")};
    ASSERT_TRUE(AppendAll(second));
    EXPECT_EQ(first[0].seq, 1);
    EXPECT_EQ(first[1].seq, 2);
    EXPECT_EQ(second[0].seq, 3);
    auto other = Exercises().Create(admin_, actor_, MinimalExercise());
    ASSERT_TRUE(other);
    std::vector<LiveEvent> elsewhere = {Event("x", other->exercise.id)};
    ASSERT_TRUE(AppendAll(elsewhere));
    EXPECT_EQ(elsewhere[0].seq, 1);
    EXPECT_EQ(*log_.LastSeq(*database_, exercise_id_), 3);
    EXPECT_EQ(*log_.LastSeq(*database_, other->exercise.id), 1);
}

TEST_F(EventLogTest, PublishesOnlyAfterCommitInOrder) {
    std::size_t seen_inside = 99;
    auto status = database_->Write([&](db::Connection& connection) -> Status {
        for (const char* type : {"a", "b", "c"}) {
            LiveEvent event = Event(type);
            if (auto appended = log_.Append(connection, event); !appended) return appended;
        }
        seen_inside = sink_.Count();
        return Ok();
    });
    ASSERT_TRUE(status) << status.error().message;
    EXPECT_EQ(seen_inside, 0u);
    auto published = sink_.Published();
    ASSERT_EQ(published.size(), 3u);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(published[i].first->seq, i + 1);
        EXPECT_EQ(*published[i].second, *SerialiseFrame(*published[i].first));
    }
    EXPECT_EQ(published[2].first->type, "c");
}

TEST_F(EventLogTest, NothingIsPublishedOrStoredOnRollback) {
    auto status = database_->Write([&](db::Connection& connection) -> Status {
        LiveEvent event = Event("a");
        if (auto appended = log_.Append(connection, event); !appended) return appended;
        return Fail(ErrorCode::kConflict, "the state change failed");
    });
    EXPECT_FALSE(status);
    EXPECT_EQ(sink_.Count(), 0u);
    EXPECT_EQ(*log_.LastSeq(*database_, exercise_id_), 0);
    // The next event still gets 1: the rolled-back number was never used.
    std::vector<LiveEvent> next = {Event("b")};
    ASSERT_TRUE(AppendAll(next));
    EXPECT_EQ(next[0].seq, 1);
}

TEST_F(EventLogTest, ReadAfterServesReplayRanges) {
    std::vector<LiveEvent> events = {Event("a"), Event("b"), Event("c"), Event("d")};
    events[1].audience = EventAudience{};
    events[1].audience.organisation_ids = {7};
    ASSERT_TRUE(AppendAll(events));
    auto after = log_.ReadAfter(*database_, exercise_id_, 1, 0, 100);
    ASSERT_TRUE(after);
    ASSERT_EQ(after->size(), 3u);
    EXPECT_EQ((*after)[0].seq, 2);
    EXPECT_EQ((*after)[0].audience.organisation_ids, std::vector<std::int64_t>{7});
    EXPECT_EQ((*after)[0].payload_json, R"({"n":1})");
    EXPECT_EQ((*after)[0].released_at_us, 1'700'000'000'000'000);
    auto bounded = log_.ReadAfter(*database_, exercise_id_, 0, 3, 2);
    ASSERT_TRUE(bounded);
    ASSERT_EQ(bounded->size(), 2u);
    EXPECT_EQ((*bounded)[1].seq, 2);
    EXPECT_EQ(log_.ReadAfter(*database_, exercise_id_, 0, 0, 0).error().field, "limit");
}

TEST_F(EventLogTest, RejectsOversizedPayloadsAndEmptyTypes) {
    std::vector<LiveEvent> bad_type = {Event("")};
    EXPECT_EQ(AppendAll(bad_type).error().field, "type");
    std::vector<LiveEvent> big = {Event("a")};
    big[0].payload_json = "\"" + std::string(300 * 1024, 'x') + "\"";
    EXPECT_EQ(AppendAll(big).error().code, ErrorCode::kPayloadTooLarge);
}

TEST_F(EventLogTest, NullSinkStoresWithoutPublishing) {
    EventLog quiet(nullptr);
    auto status = database_->Write([&](db::Connection& connection) -> Status {
        LiveEvent event = Event("a");
        return quiet.Append(connection, event);
    });
    ASSERT_TRUE(status);
    EXPECT_EQ(*quiet.LastSeq(*database_, exercise_id_), 1);
}

}  // namespace
}  // namespace enshu::live
