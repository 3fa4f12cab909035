#include "audit/audit_log.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>

#include "db/migrations.hpp"

namespace enshu::audit {
namespace {

using std::chrono::seconds;

// A migrated database in a fresh temporary file, removed at the end of the test.
class AuditLogTest : public ::testing::Test {
  protected:
    void SetUp() override {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("enshu-audit-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db");
        std::filesystem::remove(path_);
        auto opened = db::OpenDatabase(path_.string());
        ASSERT_TRUE(opened) << opened.error().message;
        database_ = std::move(*opened);
        auto migrated = db::Migrate(*database_);
        ASSERT_TRUE(migrated) << migrated.error().message;
    }
    void TearDown() override {
        database_.reset();
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
    }

    Status AppendOne(const std::string& action, std::int64_t exercise_id, const std::string& entity_id) {
        return database_->Write([&](db::Connection& connection) {
            return log_.Append(
                connection, actor_,
                AuditEntry{exercise_id, action, "organisation", entity_id, {{"name", "old"}}, {{"name", "new"}}});
        });
    }

    std::int64_t CountRows() {
        std::int64_t count = -1;
        auto status = database_->Read([&](db::Connection& connection) -> Status {
            auto row = connection.QueryOne("SELECT COUNT(*) FROM audit_log");
            if (!row) return tl::unexpected(row.error());
            count = (*row)->Int(0);
            return Ok();
        });
        EXPECT_TRUE(status);
        return count;
    }

    std::filesystem::path path_;
    std::unique_ptr<db::Database> database_;
    FakeClock clock_{TimePoint(seconds(1'800'000'000))};
    AuditLog log_{clock_};
    Actor actor_{7, "事務局 太郎", "req-1", "192.0.2.10"};
};

TEST_F(AuditLogTest, AppendThenListReturnsTheEntryWithAllFields) {
    ASSERT_TRUE(AppendOne("organisation.update", 3, "42"));
    auto page = log_.List(*database_, 3, 1, 50);
    ASSERT_TRUE(page) << page.error().message;
    EXPECT_EQ(page->total, 1);
    ASSERT_EQ(page->items.size(), 1u);
    const auto& item = page->items[0];
    EXPECT_EQ(item["exercise_id"], 3);
    EXPECT_EQ(item["actor_user_id"], 7);
    EXPECT_EQ(item["actor_label"], "事務局 太郎");
    EXPECT_EQ(item["action"], "organisation.update");
    EXPECT_EQ(item["entity_type"], "organisation");
    EXPECT_EQ(item["entity_id"], "42");
    EXPECT_EQ(item["before"], (nlohmann::json{{"name", "old"}}));
    EXPECT_EQ(item["after"], (nlohmann::json{{"name", "new"}}));
    EXPECT_EQ(item["request_id"], "req-1");
    EXPECT_EQ(item["remote_address"], "192.0.2.10");
    EXPECT_EQ(item["created_at"], FormatTimestamp(clock_.Now()));
}

TEST_F(AuditLogTest, NullSummariesAreStoredAsEmptyTextAndReadAsNull) {
    ASSERT_TRUE(database_->Write([&](db::Connection& connection) {
        return log_.Append(connection, Actor{std::nullopt, "cli", "", ""},
                           AuditEntry{1, "exercise.create", "exercise", "1", nullptr, nullptr});
    }));
    std::string before = "unset";
    ASSERT_TRUE(database_->Read([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne("SELECT before_summary, actor_user_id FROM audit_log");
        if (!row) return tl::unexpected(row.error());
        before = (*row)->Text(0);
        EXPECT_TRUE((*row)->IsNull(1));
        return Ok();
    }));
    EXPECT_EQ(before, "");
    auto page = log_.List(*database_, 1, 1, 10);
    ASSERT_TRUE(page);
    EXPECT_TRUE(page->items[0]["before"].is_null());
    EXPECT_TRUE(page->items[0]["after"].is_null());
    EXPECT_TRUE(page->items[0]["actor_user_id"].is_null());
}

TEST_F(AuditLogTest, SummariesAreCompactJson) {
    ASSERT_TRUE(AppendOne("organisation.update", 1, "1"));
    std::string after;
    ASSERT_TRUE(database_->Read([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne("SELECT after_summary FROM audit_log");
        if (!row) return tl::unexpected(row.error());
        after = (*row)->Text(0);
        return Ok();
    }));
    EXPECT_EQ(after, R"({"name":"new"})");
}

TEST_F(AuditLogTest, ListIsNewestFirstPagedAndScopedToTheExercise) {
    for (int i = 1; i <= 5; ++i) {
        ASSERT_TRUE(AppendOne("organisation.update", 1, std::to_string(i)));
        clock_.Advance(seconds(1));
    }
    ASSERT_TRUE(AppendOne("organisation.update", 2, "other"));

    auto first = log_.List(*database_, 1, 1, 2);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->total, 5);
    ASSERT_EQ(first->items.size(), 2u);
    EXPECT_EQ(first->items[0]["entity_id"], "5");
    EXPECT_EQ(first->items[1]["entity_id"], "4");

    auto last = log_.List(*database_, 1, 3, 2);
    ASSERT_TRUE(last);
    EXPECT_EQ(last->total, 5);
    ASSERT_EQ(last->items.size(), 1u);
    EXPECT_EQ(last->items[0]["entity_id"], "1");

    auto beyond = log_.List(*database_, 1, 4, 2);
    ASSERT_TRUE(beyond);
    EXPECT_EQ(beyond->total, 5);
    EXPECT_TRUE(beyond->items.empty());
}

TEST_F(AuditLogTest, ActionPrefixFiltersLiterally) {
    ASSERT_TRUE(AppendOne("organisation.update", 1, "1"));
    ASSERT_TRUE(AppendOne("organisation.create", 1, "2"));
    ASSERT_TRUE(AppendOne("person.create", 1, "3"));
    ASSERT_TRUE(AppendOne("join_link.issue", 1, "4"));

    auto organisations = log_.List(*database_, 1, 1, 50, "organisation.");
    ASSERT_TRUE(organisations);
    EXPECT_EQ(organisations->total, 2);
    EXPECT_EQ(organisations->items.size(), 2u);

    // '_' is not a wildcard: "join_" matches join_link only, "joi%" matches nothing.
    auto join = log_.List(*database_, 1, 1, 50, "join_");
    ASSERT_TRUE(join);
    EXPECT_EQ(join->total, 1);
    auto wildcard = log_.List(*database_, 1, 1, 50, "%");
    ASSERT_TRUE(wildcard);
    EXPECT_EQ(wildcard->total, 0);
}

TEST_F(AuditLogTest, ListRejectsBadPagingNamingTheParameter) {
    auto bad_page = log_.List(*database_, 1, 0, 50);
    ASSERT_FALSE(bad_page);
    EXPECT_EQ(bad_page.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(bad_page.error().field, "page");
    auto bad_size = log_.List(*database_, 1, 1, 201);
    ASSERT_FALSE(bad_size);
    EXPECT_EQ(bad_size.error().field, "page_size");
    auto zero_size = log_.List(*database_, 1, 1, 0);
    ASSERT_FALSE(zero_size);
    EXPECT_EQ(zero_size.error().field, "page_size");
    auto long_prefix = log_.List(*database_, 1, 1, 10, std::string(101, 'a'));
    ASSERT_FALSE(long_prefix);
    EXPECT_EQ(long_prefix.error().field, "action");
}

TEST_F(AuditLogTest, TableRefusesUpdateAndDelete) {
    ASSERT_TRUE(AppendOne("organisation.update", 1, "1"));
    auto update = database_->Write([](db::Connection& connection) -> Status {
        auto changed = connection.Execute("UPDATE audit_log SET action = $1", {std::string("forged")});
        if (!changed) return tl::unexpected(changed.error());
        return Ok();
    });
    EXPECT_FALSE(update);
    auto remove = database_->Write([](db::Connection& connection) -> Status {
        auto changed = connection.Execute("DELETE FROM audit_log");
        if (!changed) return tl::unexpected(changed.error());
        return Ok();
    });
    EXPECT_FALSE(remove);
    auto page = log_.List(*database_, 1, 1, 10);
    ASSERT_TRUE(page);
    ASSERT_EQ(page->total, 1);
    EXPECT_EQ(page->items[0]["action"], "organisation.update");
}

TEST_F(AuditLogTest, RollbackRemovesTheEntryTogetherWithTheChange) {
    auto status = database_->Write([&](db::Connection& connection) -> Status {
        auto created = connection.Execute(
            "INSERT INTO exercise (fiscal_year, title_ja, created_at, updated_at) VALUES (2023, $1, $2, $2)",
            {std::string("演習"), FormatTimestamp(clock_.Now())});
        if (!created) return tl::unexpected(created.error());
        if (auto appended = log_.Append(connection, actor_, AuditEntry{1, "exercise.create", "exercise", "1"});
            !appended) {
            return appended;
        }
        return Fail(ErrorCode::kConflict, "later step failed", "title_ja");
    });
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().field, "title_ja");
    EXPECT_EQ(CountRows(), 0);
    std::int64_t exercises = -1;
    ASSERT_TRUE(database_->Read([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne("SELECT COUNT(*) FROM exercise");
        if (!row) return tl::unexpected(row.error());
        exercises = (*row)->Int(0);
        return Ok();
    }));
    EXPECT_EQ(exercises, 0);
}

TEST_F(AuditLogTest, AppendRejectsAnEmptyAction) {
    auto status = database_->Write([&](db::Connection& connection) {
        return log_.Append(connection, actor_, AuditEntry{1, "", "organisation", "1"});
    });
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().field, "action");
    EXPECT_EQ(CountRows(), 0);
}

TEST_F(AuditLogTest, OversizedSummaryIsReplacedByAMarker) {
    ASSERT_TRUE(database_->Write([&](db::Connection& connection) {
        return log_.Append(
            connection, actor_,
            AuditEntry{1, "import.organisations", "exercise", "1", nullptr, {{"text", std::string(70 * 1024, 'x')}}});
    }));
    auto page = log_.List(*database_, 1, 1, 10);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->items[0]["after"]["truncated"], true);
    EXPECT_GT(page->items[0]["after"]["bytes"].get<std::int64_t>(), 70 * 1024);
}

TEST(ChangedFieldsTest, KeepsOnlyFieldsThatDiffer) {
    const nlohmann::json before = {{"name", "A"}, {"region", "JP-13"}, {"size_band", "large"}};
    const nlohmann::json after = {{"name", "B"}, {"region", "JP-13"}, {"name_en", "B Co."}};
    auto [changed_before, changed_after] = ChangedFields(before, after);
    EXPECT_EQ(changed_before, (nlohmann::json{{"name", "A"}, {"size_band", "large"}, {"name_en", nullptr}}));
    EXPECT_EQ(changed_after, (nlohmann::json{{"name", "B"}, {"size_band", nullptr}, {"name_en", "B Co."}}));
}

TEST(ChangedFieldsTest, EqualObjectsGiveEmptyObjects) {
    const nlohmann::json same = {{"name", "A"}};
    auto [changed_before, changed_after] = ChangedFields(same, same);
    EXPECT_EQ(changed_before, nlohmann::json::object());
    EXPECT_EQ(changed_after, nlohmann::json::object());
}

TEST(ChangedFieldsTest, NonObjectsAreComparedWhole) {
    auto [changed_before, changed_after] = ChangedFields(nullptr, nlohmann::json{{"name", "A"}});
    EXPECT_TRUE(changed_before.is_null());
    EXPECT_EQ(changed_after, (nlohmann::json{{"name", "A"}}));
}

}  // namespace
}  // namespace enshu::audit
