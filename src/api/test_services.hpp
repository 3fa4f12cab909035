#pragma once

// Test support for api unit tests: a Services bundle whose database answers every
// call with kUnavailable (Ping false). The AccountService is real but never asked:
// tests construct the Pipeline with their own Authenticator. Header-only; included
// by *_test.cpp files only.

#include <memory>

#include "accounts/account_service.hpp"
#include "api/context.hpp"
#include "api/settings.hpp"
#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/metrics.hpp"
#include "db/database.hpp"

namespace enshu::api::testing {

class UnavailableDatabase final : public db::Database {
  public:
    db::Backend backend() const override { return db::Backend::kSqlite; }
    Status Read(const std::function<Status(db::Connection&)>&) override {
        return Fail(ErrorCode::kUnavailable, "database: unavailable in this test");
    }
    Status Write(const std::function<Status(db::Connection&)>&) override {
        return Fail(ErrorCode::kUnavailable, "database: unavailable in this test");
    }
    bool Ping() override { return false; }
    std::pair<int, int> PoolUsage() const override { return {0, 0}; }
};

struct TestServices {
    explicit TestServices(ServerSettings server_settings = {})
        : settings(std::move(server_settings)),
          audit(clock),
          accounts(database, clock, audit, accounts::AccountSettings{}),
          services{database, clock, metrics, accounts, audit, settings} {}

    ServerSettings settings;
    UnavailableDatabase database;
    SystemClock clock;
    Metrics metrics;
    audit::AuditLog audit;
    accounts::AccountService accounts;
    Services services;
};

}  // namespace enshu::api::testing
