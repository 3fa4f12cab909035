#include "db/database.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>
#include <vector>

namespace enshu::db {
namespace {

using namespace std::chrono_literals;

std::unique_ptr<Database> OpenMemory(DatabaseOptions options = {}) {
    auto database = OpenDatabase(":memory:", options);
    EXPECT_TRUE(database.has_value()) << (database ? "" : database.error().message);
    return std::move(*database);
}

Status CreateItemTable(Database& database) {
    return database.Write([](Connection& c) {
        return c.ExecuteScript(
            "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, score REAL, note TEXT);");
    });
}

std::int64_t CountItems(Database& database) {
    std::int64_t count = -1;
    EXPECT_TRUE(database.Read([&](Connection& c) -> Status {
        auto row = c.QueryOne("SELECT COUNT(*) FROM item");
        if (!row) return tl::unexpected(row.error());
        count = (*row)->Int(0);
        return Ok();
    }));
    return count;
}

class TempDirectory {
  public:
    TempDirectory() {
        path_ = std::filesystem::temp_directory_path() /
                ("enshu-db-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
        std::filesystem::remove_all(path_);
    }
    ~TempDirectory() { std::filesystem::remove_all(path_); }
    const std::filesystem::path& path() const { return path_; }

  private:
    static inline int counter_ = 0;
    std::filesystem::path path_;
};

TEST(RowTest, ConvertsBetweenTypes) {
    Row row({std::monostate{}, std::int64_t{42}, 2.5, std::string("17"), std::string("abc")});
    EXPECT_TRUE(row.IsNull(0));
    EXPECT_EQ(row.Int(0), 0);
    EXPECT_EQ(row.Text(0), "");
    EXPECT_EQ(row.OptionalText(0), std::nullopt);
    EXPECT_EQ(row.OptionalInt(0), std::nullopt);
    EXPECT_EQ(row.Int(1), 42);
    EXPECT_EQ(row.Text(1), "42");
    EXPECT_DOUBLE_EQ(row.Real(1), 42.0);
    EXPECT_DOUBLE_EQ(row.Real(2), 2.5);
    EXPECT_EQ(row.Text(2), "2.5");
    EXPECT_EQ(Row({0.1}).Text(0), "0.1");
    EXPECT_DOUBLE_EQ(Row({std::string("83.5")}).Real(0), 83.5);
    EXPECT_DOUBLE_EQ(Row({std::string("83.5%")}).Real(0), 0.0);
    EXPECT_EQ(row.Int(3), 17);
    EXPECT_EQ(row.OptionalInt(3), 17);
    EXPECT_EQ(row.Int(4), 0);  // not digits
    EXPECT_EQ(row.OptionalText(4), "abc");
    EXPECT_EQ(row.size(), 5u);
    EXPECT_THROW(row.Int(5), std::out_of_range);
}

TEST(OpenDatabaseTest, PostgresIsRecognisedButNotAvailable) {
    auto database = OpenDatabase("postgresql://enshu@localhost/enshu");
    ASSERT_FALSE(database.has_value());
    EXPECT_EQ(database.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(database.error().message, "PostgreSQL backend is not available in this build");
    EXPECT_EQ(database.error().field, "database_url");
}

TEST(OpenDatabaseTest, RejectsBadUrlsAndOptions) {
    EXPECT_EQ(OpenDatabase("").error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(OpenDatabase("mysql://host/db").error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(OpenDatabase("sqlite://").error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(OpenDatabase(std::string(5000, 'a')).error().code, ErrorCode::kInvalidArgument);
    DatabaseOptions no_readers;
    no_readers.reader_connections = 0;
    auto database = OpenDatabase(":memory:", no_readers);
    ASSERT_FALSE(database.has_value());
    EXPECT_EQ(database.error().field, "reader_connections");
}

TEST(OpenDatabaseTest, MemoryDatabasesAreSeparate) {
    auto first = OpenMemory();
    auto second = OpenMemory();
    ASSERT_TRUE(CreateItemTable(*first));
    // The second database has no table "item": its readers and writer share only their own data.
    const Status read = second->Read([](Connection& c) -> Status {
        auto rows = c.Query("SELECT * FROM item");
        if (!rows) return tl::unexpected(rows.error());
        return Ok();
    });
    ASSERT_FALSE(read.has_value());
    EXPECT_EQ(read.error().code, ErrorCode::kInternal);
    EXPECT_NE(read.error().message.find("no such table: item"), std::string::npos);
    EXPECT_NE(read.error().message.find("SELECT * FROM item"), std::string::npos);  // the SQL is quoted
}

TEST(SqliteDatabaseTest, ReadersSeeCommittedWrites) {
    auto database = OpenMemory();
    ASSERT_TRUE(CreateItemTable(*database));
    ASSERT_TRUE(database->Write([](Connection& c) -> Status {
        auto changed = c.Execute("INSERT INTO item (name) VALUES ($1), ($2)", {std::string("a"), std::string("b")});
        if (!changed) return tl::unexpected(changed.error());
        EXPECT_EQ(*changed, 2);
        return Ok();
    }));
    EXPECT_EQ(CountItems(*database), 2);
    EXPECT_EQ(database->backend(), Backend::kSqlite);
    EXPECT_TRUE(database->Ping());
}

TEST(SqliteDatabaseTest, RoundTripsNullIntegerRealAndJapaneseText) {
    auto database = OpenMemory();
    ASSERT_TRUE(CreateItemTable(*database));
    const std::string japanese = "分野横断的演習：デモ電力株式会社（ランサムウェア）🚨";
    std::int64_t id = 0;
    ASSERT_TRUE(database->Write([&](Connection& c) -> Status {
        auto row = c.QueryOne("INSERT INTO item (name, score, note) VALUES ($1, $2, $3) RETURNING id",
                              {japanese, 83.5, std::monostate{}});
        if (!row) return tl::unexpected(row.error());
        id = (*row)->Int(0);
        return Ok();
    }));
    ASSERT_GT(id, 0);
    ASSERT_TRUE(database->Read([&](Connection& c) -> Status {
        auto row = c.QueryOne("SELECT id, name, score, note, length(name) FROM item WHERE id = $1", {id});
        if (!row) return tl::unexpected(row.error());
        EXPECT_TRUE(row->has_value());
        const Row& r = **row;
        EXPECT_TRUE(std::holds_alternative<std::int64_t>(r.at(0)));
        EXPECT_EQ(r.Int(0), id);
        EXPECT_EQ(r.Text(1), japanese);
        EXPECT_TRUE(std::holds_alternative<double>(r.at(2)));
        EXPECT_DOUBLE_EQ(r.Real(2), 83.5);
        EXPECT_TRUE(r.IsNull(3));
        EXPECT_EQ(r.Int(4), 26);  // characters, not bytes: the text is valid UTF-8
        return Ok();
    }));
    ASSERT_TRUE(database->Read([&](Connection& c) -> Status {
        auto row = c.QueryOne("SELECT id FROM item WHERE id = $1", {id + 1000});
        if (!row) return tl::unexpected(row.error());
        EXPECT_FALSE(row->has_value());
        return Ok();
    }));
}

TEST(SqliteDatabaseTest, BindsDollarParametersByNumberIncludingReuse) {
    auto database = OpenMemory();
    ASSERT_TRUE(database->Read([](Connection& c) -> Status {
        // $2 before $1, and $1 used twice.
        auto row = c.QueryOne("SELECT $2 || '-' || $1, $1 + $1", {std::int64_t{21}, std::string("x")});
        if (!row) return tl::unexpected(row.error());
        EXPECT_EQ((*row)->Text(0), "x-21");
        EXPECT_EQ((*row)->Int(1), 42);
        return Ok();
    }));
}

TEST(SqliteDatabaseTest, RejectsMissingAndUnusedParameterValues) {
    auto database = OpenMemory();
    ASSERT_TRUE(database->Read([](Connection& c) -> Status {
        auto missing = c.Query("SELECT $1, $2", {std::int64_t{1}});
        EXPECT_FALSE(missing.has_value());
        EXPECT_EQ(missing.error().code, ErrorCode::kInternal);
        EXPECT_EQ(missing.error().field, "$2");
        EXPECT_NE(missing.error().message.find("SQL uses $2 but only 1 values were given"), std::string::npos);

        auto unused = c.Query("SELECT $1", {std::int64_t{1}, std::int64_t{2}});
        EXPECT_FALSE(unused.has_value());
        EXPECT_EQ(unused.error().field, "$2");

        auto skipped = c.Query("SELECT $2", {std::int64_t{1}, std::int64_t{2}});
        EXPECT_FALSE(skipped.has_value());
        EXPECT_EQ(skipped.error().field, "$1");

        auto question = c.Query("SELECT ?", {std::int64_t{1}});
        EXPECT_FALSE(question.has_value());

        auto named = c.Query("SELECT :name");
        EXPECT_FALSE(named.has_value());
        EXPECT_NE(named.error().message.find(":name"), std::string::npos);

        auto two = c.Query("SELECT 1; SELECT 2");
        EXPECT_FALSE(two.has_value());
        EXPECT_NE(two.error().message.find("one statement"), std::string::npos);

        // The same cached statement works again after a failed binding.
        auto again = c.QueryOne("SELECT $1, $2", {std::int64_t{1}, std::int64_t{2}});
        EXPECT_TRUE(again.has_value());
        if (again) {
            EXPECT_EQ((*again)->Int(1), 2);
        }
        return Ok();
    }));
}

TEST(SqliteDatabaseTest, ConstraintViolationIsConflictWithSqliteMessage) {
    auto database = OpenMemory();
    ASSERT_TRUE(CreateItemTable(*database));
    const Status status = database->Write([](Connection& c) -> Status {
        auto first = c.Execute("INSERT INTO item (name) VALUES ($1)", {std::string("same")});
        if (!first) return tl::unexpected(first.error());
        auto second = c.Execute("INSERT INTO item (name) VALUES ($1)", {std::string("same")});
        if (!second) return tl::unexpected(second.error());
        return Ok();
    });
    ASSERT_FALSE(status.has_value());
    EXPECT_EQ(status.error().code, ErrorCode::kConflict);
    EXPECT_EQ(status.error().message, "UNIQUE constraint failed: item.name");
    EXPECT_EQ(CountItems(*database), 0);  // the first insert was rolled back too
}

TEST(SqliteDatabaseTest, ForeignKeysAreEnforced) {
    auto database = OpenMemory();
    const Status status = database->Write([](Connection& c) -> Status {
        if (auto s = c.ExecuteScript("CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                                     "CREATE TABLE child (parent_id INTEGER REFERENCES parent(id));");
            !s) {
            return s;
        }
        auto inserted = c.Execute("INSERT INTO child (parent_id) VALUES ($1)", {std::int64_t{7}});
        if (!inserted) return tl::unexpected(inserted.error());
        return Ok();
    });
    ASSERT_FALSE(status.has_value());
    EXPECT_EQ(status.error().code, ErrorCode::kConflict);
    EXPECT_EQ(status.error().message, "FOREIGN KEY constraint failed");
}

TEST(SqliteDatabaseTest, FailedCallbackRollsBack) {
    auto database = OpenMemory();
    ASSERT_TRUE(CreateItemTable(*database));
    const Status status = database->Write([](Connection& c) -> Status {
        auto inserted = c.Execute("INSERT INTO item (name) VALUES ($1)", {std::string("kept?")});
        EXPECT_TRUE(inserted.has_value());
        return Fail(ErrorCode::kInvalidArgument, "name: rejected after insert", "name");
    });
    ASSERT_FALSE(status.has_value());
    EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(status.error().field, "name");
    EXPECT_EQ(CountItems(*database), 0);
    EXPECT_EQ(database->PoolUsage().first, 0);
}

TEST(SqliteDatabaseTest, ExceptionInCallbackRollsBackAndPropagates) {
    auto database = OpenMemory();
    ASSERT_TRUE(CreateItemTable(*database));
    EXPECT_THROW(database->Write([](Connection& c) -> Status {
        auto inserted = c.Execute("INSERT INTO item (name) VALUES ($1)", {std::string("lost")});
        EXPECT_TRUE(inserted.has_value());
        throw std::runtime_error("bug");
    }),
                 std::runtime_error);
    EXPECT_EQ(CountItems(*database), 0);
    // The writer is usable again: the mutex and the transaction were released.
    ASSERT_TRUE(database->Write([](Connection& c) -> Status {
        auto inserted = c.Execute("INSERT INTO item (name) VALUES ($1)", {std::string("next")});
        if (!inserted) return tl::unexpected(inserted.error());
        return Ok();
    }));
    EXPECT_EQ(CountItems(*database), 1);
    EXPECT_THROW(database->Read([](Connection&) -> Status { throw std::runtime_error("bug"); }), std::runtime_error);
    EXPECT_EQ(database->PoolUsage().first, 0);
}

TEST(SqliteDatabaseTest, ReadersCannotWriteAndWritesCannotNest) {
    auto database = OpenMemory();
    ASSERT_TRUE(CreateItemTable(*database));
    const Status read = database->Read([](Connection& c) -> Status {
        auto inserted = c.Execute("INSERT INTO item (name) VALUES ($1)", {std::string("x")});
        if (!inserted) return tl::unexpected(inserted.error());
        return Ok();
    });
    EXPECT_FALSE(read.has_value());
    const Status nested =
        database->Write([&](Connection&) { return database->Write([](Connection&) { return Ok(); }); });
    ASSERT_FALSE(nested.has_value());
    EXPECT_EQ(nested.error().code, ErrorCode::kInternal);
    EXPECT_EQ(CountItems(*database), 0);
}

// Three reader threads read while this thread writes 200 single-row transactions.
void ExpectConsistentConcurrentReads(const std::string& url) {
    DatabaseOptions options;
    options.reader_connections = 3;
    auto opened = OpenDatabase(url, options);
    ASSERT_TRUE(opened.has_value()) << opened.error().message;
    Database& database = **opened;
    ASSERT_TRUE(CreateItemTable(database));

    constexpr int kWrites = 200;
    std::atomic<bool> writing{true};
    std::atomic<int> reads{0};
    std::atomic<int> failures{0};
    std::vector<std::thread> readers;
    for (int t = 0; t < 3; ++t) {
        readers.emplace_back([&] {
            std::int64_t last_seen = 0;
            while (writing.load() || reads.load() < 10) {
                const Status status = database.Read([&](Connection& c) -> Status {
                    auto row = c.QueryOne("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM item");
                    if (!row) return tl::unexpected(row.error());
                    // Each write inserts one row per transaction: counts only grow, and a
                    // reader never sees half a transaction (count equals the highest id).
                    const std::int64_t count = (*row)->Int(0);
                    if (count < last_seen || count != (*row)->Int(1)) ++failures;
                    last_seen = count;
                    return Ok();
                });
                if (!status) ++failures;
                ++reads;
            }
        });
    }
    for (int i = 0; i < kWrites; ++i) {
        ASSERT_TRUE(database.Write([&](Connection& c) -> Status {
            auto changed = c.Execute("INSERT INTO item (id, name) VALUES ($1, $2)",
                                     {std::int64_t{i + 1}, "item " + std::to_string(i)});
            if (!changed) return tl::unexpected(changed.error());
            return Ok();
        }));
    }
    writing = false;
    for (auto& reader : readers) reader.join();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_GE(reads.load(), 10);
    EXPECT_EQ(CountItems(database), kWrites);
}

TEST(SqliteDatabaseTest, ConcurrentReadersWhileWriterWritesToFile) {
    TempDirectory directory;
    ExpectConsistentConcurrentReads((directory.path() / "concurrent.db").string());
}

TEST(SqliteDatabaseTest, ConcurrentReadersWhileWriterWritesInMemory) { ExpectConsistentConcurrentReads(":memory:"); }

TEST(SqliteDatabaseTest, ReaderPoolExhaustionWaitsForAFreeReader) {
    DatabaseOptions options;
    options.reader_connections = 1;
    auto database = OpenMemory(options);
    ASSERT_EQ(database->PoolUsage(), std::make_pair(0, 2));

    std::atomic<bool> first_holds{false};
    std::atomic<bool> holder_finished{false};
    std::thread holder([&] {
        EXPECT_TRUE(database->Read([&](Connection&) {
            first_holds = true;
            std::this_thread::sleep_for(200ms);
            holder_finished = true;
            return Ok();
        }));
    });
    while (!first_holds.load()) std::this_thread::sleep_for(1ms);
    EXPECT_EQ(database->PoolUsage(), std::make_pair(1, 2));
    // The only reader is taken: this Read waits (busy timeout 5 s) instead of failing,
    // and its callback runs only after the holder's callback has finished.
    EXPECT_TRUE(database->Read([&](Connection& c) -> Status {
        EXPECT_TRUE(holder_finished.load());
        auto row = c.QueryOne("SELECT 1");
        if (!row) return tl::unexpected(row.error());
        return Ok();
    }));
    holder.join();
    EXPECT_EQ(database->PoolUsage(), std::make_pair(0, 2));
}

TEST(SqliteDatabaseTest, ReaderPoolTimesOutAsUnavailable) {
    DatabaseOptions options;
    options.reader_connections = 1;
    options.busy_timeout_ms = 50;
    auto database = OpenMemory(options);
    std::atomic<bool> first_holds{false};
    std::atomic<bool> release{false};
    std::thread holder([&] {
        EXPECT_TRUE(database->Read([&](Connection&) {
            first_holds = true;
            while (!release.load()) std::this_thread::sleep_for(1ms);
            return Ok();
        }));
    });
    while (!first_holds.load()) std::this_thread::sleep_for(1ms);
    const Status status = database->Read([](Connection&) { return Ok(); });
    release = true;
    holder.join();
    ASSERT_FALSE(status.has_value());
    EXPECT_EQ(status.error().code, ErrorCode::kUnavailable);
}

TEST(SqliteDatabaseTest, FileDatabaseUsesWalAndCreatesItsDirectory) {
    TempDirectory directory;
    const auto file = directory.path() / "nested" / "deeper" / "enshu.db";
    {
        auto database = OpenDatabase("sqlite://" + file.string());
        ASSERT_TRUE(database.has_value()) << database.error().message;
        ASSERT_TRUE(CreateItemTable(**database));
        ASSERT_TRUE((*database)->Write([](Connection& c) -> Status {
            auto changed = c.Execute("INSERT INTO item (name) VALUES ($1)", {std::string("永続")});
            if (!changed) return tl::unexpected(changed.error());
            return Ok();
        }));
        ASSERT_TRUE((*database)->Read([](Connection& c) -> Status {
            auto mode = c.QueryOne("PRAGMA journal_mode");
            if (!mode) return tl::unexpected(mode.error());
            EXPECT_EQ((*mode)->Text(0), "wal");
            auto keys = c.QueryOne("PRAGMA foreign_keys");
            if (!keys) return tl::unexpected(keys.error());
            EXPECT_EQ((*keys)->Int(0), 1);
            auto synchronous = c.QueryOne("PRAGMA synchronous");
            if (!synchronous) return tl::unexpected(synchronous.error());
            EXPECT_EQ((*synchronous)->Int(0), 1);  // NORMAL
            return Ok();
        }));
        EXPECT_TRUE(std::filesystem::exists(file));
        EXPECT_TRUE(std::filesystem::exists(file.string() + "-wal"));
    }
    // Reopened through a plain path: the data survived.
    auto reopened = OpenDatabase(file.string());
    ASSERT_TRUE(reopened.has_value());
    ASSERT_TRUE((*reopened)->Read([](Connection& c) -> Status {
        auto row = c.QueryOne("SELECT name FROM item");
        if (!row) return tl::unexpected(row.error());
        EXPECT_EQ((*row)->Text(0), "永続");
        return Ok();
    }));
}

TEST(SqliteDatabaseTest, UnwritableDirectoryIsUnavailable) {
    TempDirectory directory;
    std::filesystem::create_directories(directory.path());
    const auto blocker = directory.path() / "file";
    {
        std::FILE* f = std::fopen(blocker.c_str(), "w");
        ASSERT_NE(f, nullptr);
        std::fclose(f);
    }
    auto database = OpenDatabase((blocker / "sub" / "enshu.db").string());
    ASSERT_FALSE(database.has_value());
    EXPECT_EQ(database.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace enshu::db

namespace enshu::db {
namespace {

TEST(AfterCommit, RunsAfterCommitInOrderAndIsDroppedOnRollback) {
    auto database = OpenDatabase(":memory:");
    ASSERT_TRUE(database.has_value());
    std::vector<int> ran;
    ASSERT_TRUE((*database)->Write([&](Connection& connection) -> Status {
        connection.AfterCommit([&] { ran.push_back(1); });
        connection.AfterCommit([&] { ran.push_back(2); });
        EXPECT_TRUE(ran.empty());  // not before the commit
        return Ok();
    }));
    EXPECT_EQ(ran, (std::vector<int>{1, 2}));

    auto failed = (*database)->Write([&](Connection& connection) -> Status {
        connection.AfterCommit([&] { ran.push_back(3); });
        return Fail(ErrorCode::kInvalidArgument, "rolled back");
    });
    EXPECT_FALSE(failed.has_value());
    EXPECT_THROW((*database)->Write([&](Connection& connection) -> Status {
        connection.AfterCommit([&] { ran.push_back(4); });
        throw std::runtime_error("bug");
    }),
                 std::runtime_error);
    ASSERT_TRUE((*database)->Write([&](Connection& connection) -> Status {
        connection.AfterCommit([&] { ran.push_back(5); });
        return Ok();
    }));
    EXPECT_EQ(ran, (std::vector<int>{1, 2, 5}));
}

}  // namespace
}  // namespace enshu::db
