#pragma once

// The demo exercise behind `enshu demo`: the FY2023 cross-sector exercise with the
// phases of DOMAIN.md §2, 60 fictional organisations over all 14 sectors with their
// people (demo_data.hpp), and staff accounts with memberships: admin (administrator
// and organiser), organiser, controller, observer and one ministry account per
// ministry ("ministry-fsa", ...). Passwords are generated at seed time (16 random
// URL-safe characters each) unless DemoSeedOptions::password is given.
// Idempotent: when an exercise titled "FY2023 cross-sector exercise (demo)" exists,
// nothing is written and out.created is false. Staff accounts that already exist
// keep their passwords (listed with an empty password).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/account_service.hpp"
#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace enshu::exercise {

inline constexpr char kDemoExerciseTitleEn[] = "FY2023 cross-sector exercise (demo)";
inline constexpr char kDemoExerciseTitleJa[] = "2023年度 分野横断的演習（デモ）";

struct DemoSeedOptions {
    std::optional<std::string> password;               // for every staff account (12..256 characters)
    std::string public_url = "http://localhost:8080";  // base of the printed join URLs
};

struct DemoLogin {
    std::string login;
    std::string password;  // empty when the account existed before (password unchanged)
    std::string role;      // "admin", "organiser", "controller", "observer", "ministry:meti"
};

struct DemoSeedOutput {
    bool created = false;
    std::int64_t exercise_id = 0;
    std::int64_t organisation_count = 0;
    std::int64_t person_count = 0;
    std::vector<DemoLogin> logins;
    std::vector<std::string> join_urls;  // org leads of the first three organisations
};

Status SeedDemo(db::Database& database, accounts::AccountService& accounts, const audit::AuditLog& audit,
                const Clock& clock, DemoSeedOutput& out);
Status SeedDemo(db::Database& database, accounts::AccountService& accounts, const audit::AuditLog& audit,
                const Clock& clock, const DemoSeedOptions& options, DemoSeedOutput& out);

}  // namespace enshu::exercise
