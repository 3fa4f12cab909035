#pragma once

// Test fixture for src/exercise tests: a migrated in-memory database with the real
// reference data, a fake clock, the audit log, an AccountService with cheap Argon2,
// and helpers that build principals of each role and create exercises,
// organisations and people through the services. Included by *_test.cpp only.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "accounts/account_service.hpp"
#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"
#include "exercise/exercise_service.hpp"
#include "exercise/import_context.hpp"
#include "exercise/organisation_service.hpp"
#include "exercise/person_service.hpp"
#include "exercise/reference_lookup.hpp"

namespace enshu::exercise::testing {

inline accounts::AccountSettings FastAccountSettings() {
    accounts::AccountSettings settings;
    settings.argon_ops_limit = 1;
    settings.argon_memory_limit = 8 * 1024 * 1024;
    return settings;
}

inline TimePoint TestStart() {
    TimePoint start;
    ParseTimestamp("2023-10-01T00:00:00.000Z", start);
    return start;
}

class ExerciseTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_NO_FATAL_FAILURE(SetUpDatabase());
        admin_ = StaffPrincipal("admin", /*is_admin=*/true);
        auto exercise = Exercises().Create(admin_, actor_, MinimalExercise());
        ASSERT_TRUE(exercise) << exercise.error().message;
        exercise_id_ = exercise->exercise.id;
        organiser_ = StaffPrincipal("organiser", false);
        organiser_.memberships.push_back({exercise_id_, Role::kOrganiser, {}, {}, {}});
    }

    // The migrated database, accounts and reference data only (no users, no exercise).
    void SetUpDatabase() {
        auto opened = db::OpenDatabase(":memory:");
        ASSERT_TRUE(opened) << opened.error().message;
        database_ = std::move(*opened);
        auto migrated = db::Migrate(*database_);
        ASSERT_TRUE(migrated) << migrated.error().message;
        accounts_ = std::make_unique<accounts::AccountService>(*database_, clock_, audit_, FastAccountSettings());
        auto reference = SharedReferenceLookup(*database_);
        ASSERT_TRUE(reference) << reference.error().message;
        reference_ = *reference;
    }

    static ExerciseInput MinimalExercise() {
        ExerciseInput input;
        input.fiscal_year = 2023;
        input.title_ja = "テスト演習";
        return input;
    }

    // A staff user in the database (so that memberships and audit rows can refer to it).
    Principal StaffPrincipal(const std::string& login, bool is_admin) {
        accounts::StaffUserInput input{login, login, "a long enough password", "", is_admin};
        auto id = accounts_->CreateStaffUser(input, actor_);
        EXPECT_TRUE(id) << (id ? "" : id.error().message);
        Principal principal;
        principal.user_id = id ? *id : 0;
        principal.login = login;
        principal.display_name = login;
        principal.is_admin = is_admin;
        return principal;
    }

    // A principal with one role in the exercise (not stored: services trust the session).
    Principal WithRole(Role role, std::optional<std::int64_t> organisation_id = {},
                       std::optional<std::string> ministry_code = {}) const {
        Principal principal;
        principal.user_id = 999'000 + static_cast<int>(role);
        principal.display_name = std::string(RoleName(role));
        principal.memberships.push_back({exercise_id_, role, organisation_id, {}, ministry_code});
        return principal;
    }

    ExerciseService Exercises() { return ExerciseService(*database_, clock_, audit_); }
    OrganisationService Organisations() {
        return OrganisationService(*database_, clock_, audit_, *reference_, *accounts_);
    }
    PersonService People() { return PersonService(*database_, clock_, audit_, *accounts_); }
    TransferContext Transfer(const Principal& principal) {
        return TransferContext{*database_, clock_, audit_, *reference_, principal, actor_};
    }

    static OrganisationInput OrganisationOf(const std::string& name, const std::string& sector,
                                            const std::string& external_ref = "") {
        OrganisationInput input;
        input.name = name;
        input.sector_code = sector;
        input.size_band = "medium";
        input.region = "JP-13";
        input.participation_mode = "venue";
        if (!external_ref.empty()) input.external_ref = external_ref;
        return input;
    }

    std::int64_t AddOrganisation(const std::string& name, const std::string& sector,
                                 const std::string& external_ref = "") {
        auto created =
            Organisations().Create(organiser_, actor_, exercise_id_, OrganisationOf(name, sector, external_ref));
        EXPECT_TRUE(created) << (created ? "" : created.error().message);
        return created ? created->id : 0;
    }

    std::int64_t AddPerson(std::int64_t organisation_id, const std::string& name, const std::string& role,
                           const std::string& email = "") {
        PersonInput input;
        input.display_name = name;
        input.role = role;
        if (!email.empty()) input.email = email;
        auto created = People().Create(organiser_, actor_, exercise_id_, organisation_id, input);
        EXPECT_TRUE(created) << (created ? "" : created.error().message);
        return created ? created->person.id : 0;
    }

    std::int64_t CountRows(const std::string& sql, const db::Params& params = {}) {
        std::int64_t count = -1;
        auto status = database_->Read([&](db::Connection& connection) -> Status {
            auto row = connection.QueryOne(sql, params);
            if (!row) return tl::unexpected(row.error());
            count = *row ? (*row)->Int(0) : 0;
            return Ok();
        });
        EXPECT_TRUE(status) << (status ? "" : status.error().message);
        return count;
    }

    std::int64_t AuditCount(const std::string& action) {
        return CountRows("SELECT COUNT(*) FROM audit_log WHERE action = $1", {action});
    }

    FakeClock clock_{TestStart()};
    audit::AuditLog audit_{clock_};
    audit::Actor actor_{std::nullopt, "test", "req-1", "127.0.0.1"};
    std::unique_ptr<db::Database> database_;
    std::unique_ptr<accounts::AccountService> accounts_;
    std::shared_ptr<const ReferenceLookup> reference_;
    Principal admin_;
    Principal organiser_;
    std::int64_t exercise_id_ = 0;
};

}  // namespace enshu::exercise::testing
