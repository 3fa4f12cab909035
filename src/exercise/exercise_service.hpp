#pragma once

// Exercises: create (administrators; the creator becomes organiser), read and list
// (members; administrators see all), update (organisers). Every change is written
// with its audit entry in one transaction. Stateless apart from its references;
// safe to share between threads.

#include <cstdint>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/access.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "exercise/exercise_input.hpp"
#include "exercise/model.hpp"

namespace enshu::exercise {

class ExerciseService {
  public:
    ExerciseService(db::Database& database, const Clock& clock, const audit::AuditLog& audit)
        : database_(database), clock_(clock), audit_(audit) {}

    // Errors: kForbidden (not an administrator), kInvalidArgument (create requires
    // fiscal_year and title_ja; see ParseExerciseInput).
    Result<ExerciseView> Create(const Principal& principal, const audit::Actor& actor, const ExerciseInput& input);
    // Errors: kNotFound (no such exercise, or the caller is not a member).
    Result<ExerciseView> Get(const Principal& principal, std::int64_t exercise_id);
    // Administrators: every exercise; others: those they are members of. Newest first.
    Result<std::vector<ExerciseView>> List(const Principal& principal);
    // Errors: kNotFound (as Get), kForbidden (a member but not an organiser).
    Result<ExerciseView> Update(const Principal& principal, const audit::Actor& actor, std::int64_t exercise_id,
                                const ExerciseInput& input);

  private:
    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
};

}  // namespace enshu::exercise
