#include "db/migrations.hpp"

#include <gtest/gtest.h>

#include "db/embedded.hpp"
#include "db/migration_runner.hpp"
#include "db/reference_loader.hpp"

namespace enshu::db {
namespace {

std::unique_ptr<Database> OpenMemory() {
    auto database = OpenDatabase(":memory:");
    EXPECT_TRUE(database.has_value());
    return std::move(*database);
}

std::vector<EmbeddedFile> FirstMigrations(int count) {
    auto migrations = ParseMigrationList(EmbeddedMigrations());
    EXPECT_TRUE(migrations.has_value());
    std::vector<EmbeddedFile> files;
    for (const EmbeddedFile& file : EmbeddedMigrations()) {
        if (std::stoi(std::string(file.name.substr(0, 4))) <= count) files.push_back(file);
    }
    return files;
}

std::int64_t QueryInt(Database& database, std::string_view sql) {
    std::int64_t value = -1;
    EXPECT_TRUE(database.Read([&](Connection& c) -> Status {
        auto row = c.QueryOne(sql);
        if (!row) return tl::unexpected(row.error());
        value = (*row)->Int(0);
        return Ok();
    }));
    return value;
}

TEST(MigrationListTest, EmbeddedListIsNumberedFromOneWithoutGaps) {
    auto migrations = ParseMigrationList(EmbeddedMigrations());
    ASSERT_TRUE(migrations.has_value()) << migrations.error().message;
    ASSERT_GE(migrations->size(), 2u);
    EXPECT_EQ((*migrations)[0].version, 1);
    EXPECT_EQ((*migrations)[0].name, "foundation");
    EXPECT_EQ((*migrations)[1].version, 2);
    EXPECT_EQ((*migrations)[1].name, "reference_data");
}

TEST(MigrationListTest, SortsByNumber) {
    auto migrations = ParseMigrationList({{"0002_b.sql", "B"}, {"0001_a.sql", "A"}});
    ASSERT_TRUE(migrations.has_value());
    EXPECT_EQ((*migrations)[0].sql, "A");
    EXPECT_EQ((*migrations)[1].name, "b");
}

TEST(MigrationListTest, GapDuplicateAndBadNamesAreBugs) {
    auto gap = ParseMigrationList({{"0001_a.sql", ""}, {"0003_c.sql", ""}});
    ASSERT_FALSE(gap.has_value());
    EXPECT_EQ(gap.error().code, ErrorCode::kInternal);
    EXPECT_EQ(gap.error().message, "migration 2 is missing (next is 3)");

    auto duplicate = ParseMigrationList({{"0001_a.sql", ""}, {"0002_b.sql", ""}, {"0002_c.sql", ""}});
    ASSERT_FALSE(duplicate.has_value());
    EXPECT_EQ(duplicate.error().message, "migration number 2 is used twice");

    EXPECT_FALSE(ParseMigrationList({{"1_a.sql", ""}}).has_value());
    EXPECT_FALSE(ParseMigrationList({{"0001-a.sql", ""}}).has_value());
    EXPECT_FALSE(ParseMigrationList({{"0001_A.sql", ""}}).has_value());
    EXPECT_FALSE(ParseMigrationList({{"0001_a.txt", ""}}).has_value());
    EXPECT_FALSE(ParseMigrationList({{"0002_b.sql", ""}}).has_value());  // must start at 1
}

TEST(MigrateTest, EmptyDatabaseGetsEveryMigrationAndReRunIsNoOp) {
    auto database = OpenMemory();
    auto before = InspectMigrations(*database);
    ASSERT_TRUE(before.has_value()) << before.error().message;
    EXPECT_EQ(before->current_version, 0);

    auto status = Migrate(*database);
    ASSERT_TRUE(status.has_value()) << status.error().message;
    const int latest = static_cast<int>(EmbeddedMigrations().size());
    EXPECT_EQ(status->latest_version, latest);
    EXPECT_EQ(status->current_version, latest);
    ASSERT_EQ(static_cast<int>(status->applied_now.size()), latest);
    for (int i = 0; i < latest; ++i) EXPECT_EQ(status->applied_now[static_cast<std::size_t>(i)], i + 1);
    EXPECT_EQ(QueryInt(*database, "SELECT COUNT(*) FROM schema_migration"), latest);
    EXPECT_EQ(QueryInt(*database, "SELECT COUNT(*) FROM ref_sector"), 14);

    auto again = Migrate(*database);
    ASSERT_TRUE(again.has_value());
    EXPECT_TRUE(again->applied_now.empty());
    EXPECT_EQ(again->current_version, latest);
    EXPECT_EQ(QueryInt(*database, "SELECT COUNT(*) FROM schema_migration"), latest);

    auto inspected = InspectMigrations(*database);
    ASSERT_TRUE(inspected.has_value());
    EXPECT_EQ(inspected->current_version, latest);
    EXPECT_EQ(inspected->latest_version, latest);
    EXPECT_TRUE(inspected->applied_now.empty());
}

TEST(MigrateTest, DatabaseAtVersionOneUpgrades) {
    auto database = OpenMemory();
    auto first = MigrateWith(*database, FirstMigrations(1), EmbeddedReferenceData());
    ASSERT_TRUE(first.has_value()) << first.error().message;
    EXPECT_EQ(first->current_version, 1);
    EXPECT_EQ(QueryInt(*database, "SELECT COUNT(*) FROM ref_sector"), 0);

    auto upgraded = Migrate(*database);
    ASSERT_TRUE(upgraded.has_value()) << upgraded.error().message;
    EXPECT_EQ(upgraded->applied_now.front(), 2);
    EXPECT_EQ(upgraded->current_version, upgraded->latest_version);
    EXPECT_EQ(QueryInt(*database, "SELECT COUNT(*) FROM ref_region"), 47);
    EXPECT_EQ(QueryInt(*database, "SELECT version FROM reference_data_version WHERE dataset = 'sectors'"), 1);
    EXPECT_EQ(QueryInt(*database, "SELECT COUNT(*) FROM reference_data_version"), 7);
}

TEST(MigrateTest, NewerDatabaseIsRefusedWithoutChanges) {
    auto database = OpenMemory();
    ASSERT_TRUE(Migrate(*database).has_value());
    const int latest = static_cast<int>(EmbeddedMigrations().size());
    auto older_binary = MigrateWith(*database, FirstMigrations(1), EmbeddedReferenceData());
    ASSERT_FALSE(older_binary.has_value());
    EXPECT_EQ(older_binary.error().code, ErrorCode::kConflict);
    EXPECT_EQ(older_binary.error().message, "database schema version " + std::to_string(latest) +
                                                " is newer than this binary (latest 1); upgrade enshu");
    EXPECT_EQ(QueryInt(*database, "SELECT COUNT(*) FROM schema_migration"), latest);
}

TEST(MigrateTest, FailingMigrationRollsBackItselfOnly) {
    auto database = OpenMemory();
    std::vector<EmbeddedFile> files = FirstMigrations(1);
    files.push_back({"0002_broken.sql", "CREATE TABLE half_done (id INTEGER); INSERT INTO nowhere VALUES (1);"});
    auto status = MigrateWith(*database, files, EmbeddedReferenceData());
    ASSERT_FALSE(status.has_value());
    EXPECT_EQ(status.error().code, ErrorCode::kInternal);
    EXPECT_NE(status.error().message.find("migration 2_broken"), std::string::npos);
    EXPECT_NE(status.error().message.find("no such table: nowhere"), std::string::npos);
    EXPECT_EQ(QueryInt(*database, "SELECT MAX(version) FROM schema_migration"), 1);
    EXPECT_EQ(QueryInt(*database, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'"), 0);
}

TEST(ReferenceMarkerTest, FindsMarkerOnlyAtLineStart) {
    EXPECT_EQ(FindReferenceDataMarker("CREATE TABLE x (a);\n-- enshu:load-reference-data a@1 b@2\n"), " a@1 b@2");
    EXPECT_EQ(FindReferenceDataMarker("-- enshu:load-reference-data\r\n"), "");
    EXPECT_EQ(FindReferenceDataMarker("SELECT 1; -- enshu:load-reference-data a@1"), std::nullopt);
    EXPECT_EQ(FindReferenceDataMarker("-- enshu:load-reference-datasets a@1"), std::nullopt);
    EXPECT_EQ(FindReferenceDataMarker("CREATE TABLE x (a);"), std::nullopt);
}

// A later fiscal year: a new dataset version adds items, keeps ids, records the version.
TEST(ReferenceLoaderTest, LaterVersionAddsItemsWithoutChangingIds) {
    auto database = OpenMemory();
    ASSERT_TRUE(Migrate(*database).has_value());
    std::vector<EmbeddedFile> files = EmbeddedReferenceData();
    files.push_back({"readiness_items.v2.json", R"({"dataset":"readiness_items","version":2,"items":[
        {"id":"audit.external","area_code":"audit","area_ja":"監査検証","area_en":"Audit and verification",
         "text_ja":"外部監査の実施状況","text_en":"External audits are carried out","timing":"before",
         "scale_code":"audit_frequency","measure":"share","yes_label_ja":"年1回以上",
         "yes_label_en":"At least once a year","sort_order":18,"introduced_fiscal_year":2024}]})"});
    std::vector<EmbeddedFile> migrations = EmbeddedMigrations();
    const std::string name = std::to_string(migrations.size() + 1);
    const std::string file_name = std::string(4 - name.size(), '0') + name + "_reference_data_fy2024.sql";
    migrations.push_back({file_name, "-- enshu:load-reference-data readiness_items@2\n"});

    auto status = MigrateWith(*database, migrations, files);
    ASSERT_TRUE(status.has_value()) << status.error().message;
    EXPECT_EQ(status->applied_now.size(), 1u);
    EXPECT_EQ(QueryInt(*database, "SELECT COUNT(*) FROM ref_readiness_item"), 18);
    EXPECT_EQ(QueryInt(*database, "SELECT introduced_fiscal_year FROM ref_readiness_item WHERE id = 'audit.frequency'"),
              2023);
    EXPECT_EQ(QueryInt(*database, "SELECT version FROM reference_data_version WHERE dataset = 'readiness_items'"), 2);
}

Status LoadInTransaction(Database& database, std::string_view arguments, const std::vector<EmbeddedFile>& files) {
    return database.Write(
        [&](Connection& c) { return LoadReferenceDatasets(c, arguments, files, "2024-01-01T00:00:00.000Z"); });
}

TEST(ReferenceLoaderTest, RejectsBadDataNamingTheFileAndItem) {
    auto database = OpenMemory();
    ASSERT_TRUE(Migrate(*database).has_value());

    auto unknown_member =
        LoadInTransaction(*database, "regions@2", {{"regions.v2.json", R"({"dataset":"regions","version":2,"items":[
            {"code":"JP-48","name_ja":"x","name_en":"x","sort_order":48,"colour":"red"}]})"}});
    ASSERT_FALSE(unknown_member.has_value());
    EXPECT_EQ(unknown_member.error().code, ErrorCode::kInternal);
    EXPECT_NE(unknown_member.error().message.find("regions.v2.json items[0]: unknown member 'colour'"),
              std::string::npos);

    auto wrong_type =
        LoadInTransaction(*database, "regions@2", {{"regions.v2.json", R"({"dataset":"regions","version":2,"items":[
            {"code":"JP-48","name_ja":"x","name_en":"x","sort_order":"48"}]})"}});
    ASSERT_FALSE(wrong_type.has_value());
    EXPECT_NE(wrong_type.error().message.find("'sort_order' must be an integer"), std::string::npos);

    auto missing_file = LoadInTransaction(*database, "regions@9", EmbeddedReferenceData());
    ASSERT_FALSE(missing_file.has_value());
    EXPECT_NE(missing_file.error().message.find("regions.v9.json"), std::string::npos);

    auto older = LoadInTransaction(*database, "regions@1",
                                   {{"regions.v1.json", R"({"dataset":"regions","version":1,"items":[]})"}});
    EXPECT_TRUE(older.has_value());  // same version: reload is allowed

    auto bad_json = LoadInTransaction(*database, "regions@3", {{"regions.v3.json", "{not json"}});
    ASSERT_FALSE(bad_json.has_value());
    EXPECT_NE(bad_json.error().message.find("not a JSON object"), std::string::npos);

    auto foreign_key =
        LoadInTransaction(*database, "sectors@2", {{"sectors.v2.json", R"({"dataset":"sectors","version":2,"items":[
            {"code":"space","ministry_code":"nasa","name_ja":"宇宙","name_en":"Space","ceptoar_name_ja":"x",
             "ceptoar_name_en":"x","sort_order":15}]})"}});
    ASSERT_FALSE(foreign_key.has_value());
    EXPECT_EQ(foreign_key.error().code, ErrorCode::kConflict);
    EXPECT_EQ(QueryInt(*database, "SELECT COUNT(*) FROM ref_sector"), 14);  // rolled back

    EXPECT_FALSE(LoadInTransaction(*database, "", EmbeddedReferenceData()).has_value());
    EXPECT_FALSE(LoadInTransaction(*database, "regions", EmbeddedReferenceData()).has_value());
    EXPECT_FALSE(LoadInTransaction(*database, "planets@1",
                                   {{"planets.v1.json", R"({"dataset":"planets","version":1,"items":[]})"}})
                     .has_value());
}

TEST(ReferenceLoaderTest, RefusesToGoBackToAnOlderVersion) {
    auto database = OpenMemory();
    ASSERT_TRUE(Migrate(*database).has_value());
    ASSERT_TRUE(LoadInTransaction(*database, "regions@2",
                                  {{"regions.v2.json", R"({"dataset":"regions","version":2,"items":[]})"}}));
    auto older = LoadInTransaction(*database, "regions@1", EmbeddedReferenceData());
    ASSERT_FALSE(older.has_value());
    EXPECT_NE(older.error().message.find("already holds version 2"), std::string::npos);
}

}  // namespace
}  // namespace enshu::db
