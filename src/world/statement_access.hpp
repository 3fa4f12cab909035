#pragma once

// Who sees what of a statement (pure; core/access.hpp roles):
//   its organisation's people and the organiser: everything, drafts included;
//   controllers and observers: published and withdrawn ones in full (not drafts);
//   everyone else of the exercise: published ones in full, withdrawn ones as a tombstone;
//   nobody else: nothing (the API answers 404).

#include "core/access.hpp"
#include "world/statement_model.hpp"

namespace enshu::world {

enum class StatementAccess { kNone, kTombstone, kFull };

StatementAccess AccessToStatement(const Principal& principal, std::int64_t exercise_id,
                                  std::int64_t statement_organisation_id, StatementState state);

// The organisation whose people the caller is in this exercise (org lead or participant).
std::optional<std::int64_t> OwnOrganisation(const Principal& principal, std::int64_t exercise_id);

}  // namespace enshu::world
