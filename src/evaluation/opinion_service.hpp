#pragma once

// Opinions said during a roundtable or feedback session (意見の種類ごとの意見), and the
// kinds they are grouped by: the six built-in kinds of migration 0006 (manual gaps,
// public disclosure, organisation building, information sharing, incident judgement,
// supply chain) plus those an organiser adds to an exercise. Every change is one write
// transaction with its audit entry. Scoping is the caller's job (api/forum_handlers.cpp);
// the session, opinion and organisation must belong to the exercise (kNotFound otherwise).

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

inline constexpr std::size_t kMaxOpinionCharacters = 4000;
inline constexpr std::size_t kMaxOpinionKindsPerExercise = 50;

struct OpinionKind {
    std::string code;      // [a-z][a-z0-9_]*, 1..40
    std::string label_ja;  // 1..100 characters
    std::string label_en;  // 0..100
    std::int64_t position = 0;
    bool built_in = false;
};

nlohmann::json OpinionKindJson(const OpinionKind& kind);
// {"code","label":{"ja","en"}}; errors name the member.
Result<OpinionKind> ParseOpinionKind(const nlohmann::json& json);

struct OpinionInput {
    std::string kind_code;
    std::string text;                             // 1..4000 characters
    std::optional<std::int64_t> organisation_id;  // who said it, when attributed
};

// {"kind","text","organisation_id"}; errors name the member.
Result<OpinionInput> ParseOpinion(const nlohmann::json& json);

struct Opinion {
    std::int64_t id = 0;
    std::int64_t session_id = 0;
    std::optional<std::int64_t> organisation_id;
    std::string organisation_name;
    std::string kind_code;
    std::string text;
    std::optional<std::int64_t> recorded_by_user_id;
    std::string created_at;
};

nlohmann::json OpinionJson(const Opinion& opinion);

class OpinionService {
  public:
    OpinionService(db::Database& database, const Clock& clock, const audit::AuditLog& audit);

    // Built-in kinds first, then the exercise's own, each by position.
    Result<std::vector<OpinionKind>> Kinds(std::int64_t exercise_id);
    // kConflict "code" when the code exists (built in or added before).
    Result<OpinionKind> AddKind(std::int64_t exercise_id, const OpinionKind& kind, const audit::Actor& actor);

    // Opinions of the exercise, optionally of one session and/or kind, grouped by kind
    // (kind order) and then in recording order.
    Result<std::vector<Opinion>> List(std::int64_t exercise_id, std::optional<std::int64_t> session_id,
                                      const std::optional<std::string>& kind_code);
    // kInvalidArgument "kind" for an unknown kind, "organisation_id" for an organisation
    // outside the exercise; kNotFound "session_id".
    Result<Opinion> Create(std::int64_t exercise_id, std::int64_t session_id, const OpinionInput& input,
                           const audit::Actor& actor);
    Result<Opinion> Update(std::int64_t exercise_id, std::int64_t opinion_id, const OpinionInput& input,
                           const audit::Actor& actor);
    Status Delete(std::int64_t exercise_id, std::int64_t opinion_id, const audit::Actor& actor);

  private:
    Status CheckInput(db::Connection& connection, std::int64_t exercise_id, const OpinionInput& input);
    Result<Opinion> Load(db::Connection& connection, std::int64_t exercise_id, std::int64_t opinion_id);

    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
};

}  // namespace enshu::evaluation
