#pragma once

// The readiness survey (障害対応体制の強化の取組状況, DOMAIN.md §3.1): per organisation,
// part "before" (answered during preparation) and part "day_of" (answered after play).
// The items and their answer scales are reference data (ref_readiness_item,
// ref_answer_option) with ids stable across fiscal years; every item of a part is
// required for a submission ("無回答" is an answer). The org lead saves drafts and
// submits inside the part's window; the organiser may reopen a submitted part.
// Every change is one write transaction with its audit entry. Scoping is the caller's
// job (api/evaluation_handlers.cpp). Thread-safe: no state besides references.

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "evaluation/evaluation_support.hpp"
#include "evaluation/instrument_window.hpp"

namespace enshu::evaluation {

enum class ReadinessPart { kBefore, kDayOf };
std::string_view ReadinessPartName(ReadinessPart part);  // "before" | "day_of" (= ref_readiness_item.timing)
std::optional<ReadinessPart> ParseReadinessPart(std::string_view name);
Instrument InstrumentOfPart(ReadinessPart part);

struct ReadinessState {
    ReadinessPart part = ReadinessPart::kBefore;
    AnswerStatus status = AnswerStatus::kNotStarted;
    std::optional<std::string> submitted_at;
    std::optional<std::string> updated_at;
    std::map<std::string, std::string> answers;  // item id -> option code
    std::vector<std::string> missing;            // items of the part without an answer, in display order
    InstrumentWindow window;
};

// {"part","status","submitted_at","updated_at","answers":{item:code},"missing":[ids],
//  "window":{"opens_at","closes_at","open"}}
nlohmann::json ReadinessJson(const ReadinessState& state, TimePoint now);

class ReadinessService {
  public:
    ReadinessService(db::Database& database, const Clock& clock, const audit::AuditLog& audit);

    Result<ReadinessState> Get(const OrganisationFacts& organisation, ReadinessPart part);

    // Replaces the stored answers of the part by `answers` (item id -> option code;
    // items left out are cleared) and, with kSubmit, submits. Refusals (nothing stored):
    // kConflict "status" when already submitted, kConflict "opens_at"/"closes_at"
    // outside the window; kUnprocessable with one problem per field
    // ("answers.<item id>": not an item of this part, not an option of its scale, or —
    // on submit — unanswered). Audited "readiness.save" or "readiness.submit".
    Checked<ReadinessState> Save(const OrganisationFacts& organisation, ReadinessPart part,
                                 const std::map<std::string, std::string>& answers, SaveMode mode,
                                 std::optional<std::int64_t> user_id, const audit::Actor& actor);

    // Organiser: a submitted part back to draft (answers kept), audited "readiness.reopen".
    // kConflict "status" when it is not submitted.
    Result<ReadinessState> Reopen(const OrganisationFacts& organisation, ReadinessPart part, const audit::Actor& actor);

  private:
    Result<ReadinessState> Load(db::Connection& connection, const OrganisationFacts& organisation, ReadinessPart part);

    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
};

}  // namespace enshu::evaluation
