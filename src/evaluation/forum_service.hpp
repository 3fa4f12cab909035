#pragma once

// Roundtable (サブコン座談会) and feedback sessions (意見交換会) of one exercise: the
// sessions (organiser), the people organisations register (org leads, capacity enforced
// in the write transaction), attendance (organiser, in bulk) and the counts of
// organisations and people registered and attended. Every change is one write
// transaction with its audit entry.
//
// Scoping is the caller's job (api/forum_handlers.cpp); these functions check that the
// session, person and organisation belong to the exercise (kNotFound otherwise).
// Thread-safe: no state besides references.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace enshu::evaluation {

inline constexpr std::size_t kMaxForumThemes = 20;
inline constexpr std::size_t kMaxForumExperts = 50;
inline constexpr std::size_t kMaxForumListItemCharacters = 200;
inline constexpr std::size_t kMaxForumLocationCharacters = 500;
inline constexpr std::int64_t kMaxForumCapacity = 100000;
inline constexpr std::size_t kMaxAttendanceEntries = 2000;

struct ForumSessionInput {
    std::string kind;                       // roundtable | feedback
    std::string title_ja;                   // 1..200 characters
    std::string title_en;                   // 0..200
    std::string starts_at;                  // local 'YYYY-MM-DDTHH:MM'
    std::string ends_at;                    // after starts_at
    std::string format;                     // venue | web | hybrid
    std::string location;                   // room or URL text, 0..500
    std::optional<std::int64_t> capacity;   // people; 1..100000 or none
    std::vector<std::string> themes;        // up to 20 × 200 characters
    std::vector<std::string> experts;       // up to 50 × 200 characters
    std::optional<std::int64_t> survey_id;  // a survey of the same exercise
};

// Reads {"kind","title":{"ja","en"},"starts_at","ends_at","format","location","capacity",
// "themes":[…],"experts":[…],"survey_id"} and checks it (errors name the member).
Result<ForumSessionInput> ParseForumSession(const nlohmann::json& json);
Status ValidateForumSession(const ForumSessionInput& input);

struct ForumCounts {
    std::int64_t organisations_registered = 0;
    std::int64_t people_registered = 0;
    std::int64_t organisations_attended = 0;
    std::int64_t people_attended = 0;
};

struct ForumSession {
    std::int64_t id = 0;
    std::int64_t exercise_id = 0;
    ForumSessionInput input;
    ForumCounts counts;
    std::string created_at;
    std::string updated_at;
};

nlohmann::json ForumSessionJson(const ForumSession& session);

struct ForumRegistration {
    std::int64_t person_id = 0;
    std::string person_name;
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::string sector_code;
    std::optional<bool> attended;  // not yet recorded
    std::string registered_at;
};

nlohmann::json ForumRegistrationJson(const ForumRegistration& registration);

// Which registrations a caller sees: all (staff), the organisations of some ministries, or one organisation.
struct RegistrationScope {
    bool all = false;
    std::vector<std::string> ministry_codes;
    std::optional<std::int64_t> organisation_id;
};

// Totals per kind: sessions and distinct organisations / people registered and attended.
struct ForumTotals {
    std::string kind;
    std::int64_t sessions = 0;
    ForumCounts counts;
};

nlohmann::json ForumTotalsJson(const std::vector<ForumTotals>& totals);

struct AttendanceEntry {
    std::int64_t person_id = 0;
    std::optional<bool> attended;  // nullopt: back to "not recorded"
};

class ForumService {
  public:
    ForumService(db::Database& database, const Clock& clock, const audit::AuditLog& audit);

    // Sessions by start time, with their counts.
    Result<std::vector<ForumSession>> List(std::int64_t exercise_id);
    Result<std::vector<ForumTotals>> Totals(std::int64_t exercise_id);
    Result<ForumSession> Get(std::int64_t exercise_id, std::int64_t session_id);
    Result<ForumSession> Create(std::int64_t exercise_id, const ForumSessionInput& input, const audit::Actor& actor);
    // Errors as Create; kConflict "capacity" when lowered below the people registered.
    Result<ForumSession> Update(std::int64_t exercise_id, std::int64_t session_id, const ForumSessionInput& input,
                                const audit::Actor& actor);
    Status Delete(std::int64_t exercise_id, std::int64_t session_id, const audit::Actor& actor);

    // Registrations visible in `scope`, ordered by organisation name then person name.
    Result<std::vector<ForumRegistration>> Registrations(std::int64_t exercise_id, std::int64_t session_id,
                                                         const RegistrationScope& scope);
    // Registers a person of the exercise. `organisation_id` restricts to one organisation
    // (org leads: kNotFound "person_id" for others' people). Errors: kConflict "person_id"
    // when already registered, kConflict "capacity" when the session is full.
    Result<ForumRegistration> Register(std::int64_t exercise_id, std::int64_t session_id, std::int64_t person_id,
                                       std::optional<std::int64_t> organisation_id, const audit::Actor& actor);
    // kNotFound "person_id" when not registered (or not of `organisation_id`).
    Status Cancel(std::int64_t exercise_id, std::int64_t session_id, std::int64_t person_id,
                  std::optional<std::int64_t> organisation_id, const audit::Actor& actor);
    // Sets attendance of registered people (all or nothing): kInvalidArgument
    // "attendance[i].person_id" for someone not registered.
    Result<ForumCounts> RecordAttendance(std::int64_t exercise_id, std::int64_t session_id,
                                         const std::vector<AttendanceEntry>& entries, const audit::Actor& actor);

  private:
    Result<ForumSession> Load(db::Connection& connection, std::int64_t exercise_id, std::int64_t session_id);
    Status CheckSurvey(db::Connection& connection, std::int64_t exercise_id, const ForumSessionInput& input);

    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
};

}  // namespace enshu::evaluation
