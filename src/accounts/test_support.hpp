#pragma once

// Test fixture for src/accounts tests: a migrated SQLite database in a fresh temporary
// file, a fake clock, an audit log, an AccountService with fast Argon2 settings, and
// helpers that insert exercises, organisations and people directly. Test-only.

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "accounts/account_service.hpp"
#include "audit/audit_log.hpp"
#include "db/migrations.hpp"

namespace enshu::accounts::testing {

// Argon2id at the cheapest useful cost so that suites stay fast.
inline AccountSettings FastSettings() {
    AccountSettings settings;
    settings.argon_ops_limit = 1;
    settings.argon_memory_limit = 8 * 1024 * 1024;
    settings.login_attempts_per_account = 3;
    settings.login_attempts_per_address = 5;
    return settings;
}

inline constexpr char kPassword[] = "correct horse battery";

class AccountsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("enshu-accounts-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db");
        RemoveFiles();
        auto opened = db::OpenDatabase(path_.string());
        ASSERT_TRUE(opened) << opened.error().message;
        database_ = std::move(*opened);
        auto migrated = db::Migrate(*database_);
        ASSERT_TRUE(migrated) << migrated.error().message;
        service_ = std::make_unique<AccountService>(*database_, clock_, audit_log_, settings_);
        ASSERT_NO_FATAL_FAILURE(
            Exec("INSERT INTO ref_ministry (code, name_ja, name_en, short_ja, short_en, sort_order) "
                 "VALUES ('test_ministry', 'テスト省', 'Test Ministry', 'テスト', 'Test', 99)"));
        ASSERT_NO_FATAL_FAILURE(
            Exec("INSERT INTO ref_sector (code, ministry_code, name_ja, name_en, ceptoar_name_ja, ceptoar_name_en, "
                 "sort_order) VALUES ('test_sector', 'test_ministry', 'テスト', 'Test', 'テスト', 'Test', 99)"));
    }

    void TearDown() override {
        service_.reset();
        database_.reset();
        RemoveFiles();
    }

    void RemoveFiles() {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
    }

    // Runs one statement in a write transaction; fails the test on error.
    void Exec(const std::string& sql, const db::Params& params = {}) {
        auto status = database_->Write([&](db::Connection& connection) -> Status {
            auto changed = connection.Execute(sql, params);
            if (!changed) return tl::unexpected(changed.error());
            return Ok();
        });
        ASSERT_TRUE(status) << sql << ": " << status.error().message;
    }

    // The first column of the first row as an integer (-1 when there is no row).
    std::int64_t QueryInt(const std::string& sql, const db::Params& params = {}) {
        std::int64_t value = -1;
        auto status = database_->Read([&](db::Connection& connection) -> Status {
            auto row = connection.QueryOne(sql, params);
            if (!row) return tl::unexpected(row.error());
            if (*row) value = (*row)->Int(0);
            return Ok();
        });
        EXPECT_TRUE(status) << sql << ": " << status.error().message;
        return value;
    }

    std::string QueryText(const std::string& sql, const db::Params& params = {}) {
        std::string value;
        auto status = database_->Read([&](db::Connection& connection) -> Status {
            auto row = connection.QueryOne(sql, params);
            if (!row) return tl::unexpected(row.error());
            if (*row) value = (*row)->Text(0);
            return Ok();
        });
        EXPECT_TRUE(status) << sql << ": " << status.error().message;
        return value;
    }

    std::int64_t AuditCount(const std::string& action) {
        return QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = $1", {action});
    }

    std::int64_t CreateExercise() {
        Exec("INSERT INTO exercise (fiscal_year, title_ja, created_at, updated_at) VALUES (2023, '演習', $1, $1)",
             {Now()});
        return QueryInt("SELECT MAX(id) FROM exercise");
    }

    // An organisation with one person (role org_lead or participant) and that person's
    // app_user; returns the person id.
    std::int64_t CreatePerson(std::int64_t exercise_id, const std::string& role = "org_lead") {
        const std::int64_t n = ++people_created_;
        Exec(
            "INSERT INTO organisation (exercise_id, name, sector_code, ministry_code, size_band, region, "
            "participation_mode, search_text, created_at, updated_at) VALUES ($1, $2, 'test_sector', "
            "'test_ministry', 'large', 'JP-13', 'venue', '', $3, $3)",
            {exercise_id, "組織" + std::to_string(n), Now()});
        const std::int64_t organisation_id = QueryInt("SELECT MAX(id) FROM organisation");
        Exec("INSERT INTO app_user (kind, display_name, created_at, updated_at) VALUES ('person', $1, $2, $2)",
             {"参加者 " + std::to_string(n), Now()});
        const std::int64_t user_id = QueryInt("SELECT MAX(id) FROM app_user");
        Exec(
            "INSERT INTO person (user_id, exercise_id, organisation_id, role, display_name, created_at, "
            "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)",
            {user_id, exercise_id, organisation_id, role, "参加者 " + std::to_string(n), Now()});
        return QueryInt("SELECT MAX(id) FROM person");
    }

    // A staff user with kPassword.
    std::int64_t CreateStaff(const std::string& login, bool is_admin = false) {
        auto created =
            service_->CreateStaffUser(StaffUserInput{login, "職員 " + login, kPassword, "", is_admin}, actor_);
        EXPECT_TRUE(created) << created.error().message;
        return created ? *created : 0;
    }

    std::string Now() const { return FormatTimestamp(clock_.Now()); }

    std::filesystem::path path_;
    std::unique_ptr<db::Database> database_;
    FakeClock clock_{TimePoint(std::chrono::seconds(1'800'000'000))};
    audit::AuditLog audit_log_{clock_};
    AccountSettings settings_ = FastSettings();
    std::unique_ptr<AccountService> service_;
    audit::Actor actor_{std::nullopt, "cli", "req-test", ""};
    ClientInfo client_{"192.0.2.1", "test-agent", "req-1"};
    int people_created_ = 0;
};

}  // namespace enshu::accounts::testing
