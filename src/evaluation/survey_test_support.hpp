#pragma once

// Fixture for the survey, forum and opinion service tests: a migrated in-memory
// database with the reference data, a fake clock, the audit log, and helpers that insert
// an exercise, organisations and people directly. Included by *_test.cpp only.

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"

namespace enshu::evaluation::testing {

inline TimePoint At(const std::string& text) {
    TimePoint point;
    ParseTimestamp(text, point);
    return point;
}

class EvaluationTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto opened = db::OpenDatabase(":memory:");
        ASSERT_TRUE(opened) << opened.error().message;
        database_ = std::move(*opened);
        auto migrated = db::Migrate(*database_);
        ASSERT_TRUE(migrated) << migrated.error().message;
        exercise_id_ = Insert(
            "INSERT INTO exercise (fiscal_year, title_ja, created_at, updated_at) "
            "VALUES (2023, 'テスト演習', 'x', 'x') RETURNING id",
            {});
        other_exercise_id_ = Insert(
            "INSERT INTO exercise (fiscal_year, title_ja, created_at, updated_at) "
            "VALUES (2023, '別の演習', 'x', 'x') RETURNING id",
            {});
    }

    std::int64_t Insert(std::string_view sql, const db::Params& params) {
        std::int64_t id = 0;
        auto written = database_->Write([&](db::Connection& connection) -> Status {
            auto row = connection.QueryOne(sql, params);
            if (!row) return tl::unexpected(row.error());
            id = (*row)->Int(0);
            return Ok();
        });
        EXPECT_TRUE(written) << (written ? "" : written.error().message);
        return id;
    }

    std::int64_t Scalar(std::string_view sql, const db::Params& params = {}) {
        std::int64_t value = 0;
        auto read = database_->Read([&](db::Connection& connection) -> Status {
            auto row = connection.QueryOne(sql, params);
            if (!row) return tl::unexpected(row.error());
            value = *row ? (*row)->Int(0) : 0;
            return Ok();
        });
        EXPECT_TRUE(read);
        return value;
    }

    std::int64_t AddOrganisation(const std::string& name, const std::string& sector, const std::string& ministry,
                                 std::int64_t exercise_id = 0) {
        return Insert(
            "INSERT INTO organisation (exercise_id, name, sector_code, ministry_code, size_band, region, "
            "participation_mode, search_text, created_at, updated_at) VALUES ($1, $2, $3, $4, 'medium', "
            "'JP-13', 'venue', $2, 'x', 'x') RETURNING id",
            {exercise_id == 0 ? exercise_id_ : exercise_id, name, sector, ministry});
    }

    std::int64_t AddPerson(std::int64_t organisation_id, const std::string& name, const std::string& role,
                           std::int64_t exercise_id = 0) {
        const std::int64_t user_id = Insert(
            "INSERT INTO app_user (kind, display_name, created_at, updated_at) VALUES ('person', $1, 'x', 'x') "
            "RETURNING id",
            {name});
        return Insert(
            "INSERT INTO person (user_id, exercise_id, organisation_id, role, display_name, created_at, "
            "updated_at) VALUES ($1, $2, $3, $4, $5, 'x', 'x') RETURNING id",
            {user_id, exercise_id == 0 ? exercise_id_ : exercise_id, organisation_id, role, name});
    }

    FakeClock clock_{At("2023-12-14T01:00:00Z")};
    audit::AuditLog audit_{clock_};
    audit::Actor actor_{std::nullopt, "test", "", ""};
    std::unique_ptr<db::Database> database_;
    std::int64_t exercise_id_ = 0;
    std::int64_t other_exercise_id_ = 0;
};

}  // namespace enshu::evaluation::testing
