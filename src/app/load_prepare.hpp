#pragma once

// `enshu load prepare`: writes a load-test exercise straight into a database before
// the server starts (bench/README.md): an administrator account, one exercise, M
// organisations and N participants (through the same validated, audited import code
// as the API), and one session per participant and for the administrator. The session
// tokens go to a credentials file (mode 0600) that `enshu load run` reads. Creating
// 10,000 sessions this way takes seconds; through the API (10,000 join links and
// joins) it would take minutes and hit the join rate limit.

#include <cstdint>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "core/result.hpp"

namespace enshu::app {

struct LoadPrepareOptions {
    int organisations = 800;   // 1..10,000
    int participants = 10000;  // 1..100,000, spread evenly over the organisations
};

struct LoadCredentials {
    std::int64_t exercise_id = 0;
    std::string staff_token;  // administrator session (acts as organiser)
    std::string staff_csrf;
    struct Participant {
        std::int64_t organisation_id = 0;
        std::string token;
    };
    std::vector<Participant> participants;
};

// Errors name the failing step; a database that already holds the load-test
// administrator is refused (kConflict "db": prepare a fresh database).
Result<LoadCredentials> PrepareLoad(Application& application, const LoadPrepareOptions& options);

// The credentials file: "exercise ID", "staff TOKEN CSRF", then "stream ORG TOKEN" lines.
Status WriteLoadCredentials(const std::string& path, const LoadCredentials& credentials);
Result<LoadCredentials> ReadLoadCredentials(const std::string& path);

}  // namespace enshu::app
