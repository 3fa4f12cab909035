#pragma once

// When each instrument may be answered (table instrument_window): the organiser sets an
// opening and a closing time per instrument; an org lead's save or submit outside the
// window is refused. An instrument without a row, or with NULL times, has no limit.
// The organiser may reopen a submitted answer or move the window at any time.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace enshu::evaluation {

enum class Instrument { kReadinessBefore, kReadinessDayOf, kObjectives, kActionRecord };

// "readiness_before", "readiness_day_of", "objectives", "action_record" (the CHECK of 0006).
std::string_view InstrumentName(Instrument instrument);
std::optional<Instrument> ParseInstrument(std::string_view name);
const std::vector<Instrument>& AllInstruments();

struct InstrumentWindow {
    Instrument instrument = Instrument::kReadinessBefore;
    std::optional<std::string> opens_at;  // FormatTimestamp text (UTC), or no limit
    std::optional<std::string> closes_at;
};

// The window of every instrument, in AllInstruments() order (no row = no limits).
Result<std::vector<InstrumentWindow>> LoadWindows(db::Connection& connection, std::int64_t exercise_id);
Result<InstrumentWindow> LoadWindow(db::Connection& connection, std::int64_t exercise_id, Instrument instrument);

// kConflict when `now` is before opens_at (field "opens_at") or after closes_at
// (field "closes_at"); the message names the instrument and the time.
Status RequireWindowOpen(const InstrumentWindow& window, TimePoint now);
bool IsWindowOpen(const InstrumentWindow& window, TimePoint now);

// Replaces the windows of the instruments listed (others unchanged), audited as
// "evaluation.windows.update" with before/after. Times must parse (ParseTimestamp;
// field "windows[i].opens_at"), opens_at before closes_at ("windows[i].closes_at"),
// each instrument at most once ("windows[i].instrument"). Answers every window.
Result<std::vector<InstrumentWindow>> SaveWindows(db::Database& database, std::int64_t exercise_id,
                                                  const std::vector<InstrumentWindow>& windows,
                                                  const audit::AuditLog& audit, const audit::Actor& actor);

}  // namespace enshu::evaluation
