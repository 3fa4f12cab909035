#pragma once

// Surveys of one exercise: definitions (created blank or from a bundled template,
// editable while nobody has answered), opening and closing, answering, and results.
// Every change is one write transaction with its audit entry.
//
// Anonymity (migration 0006): an anonymous response row has a random id, no
// organisation or person and only the date; survey_participation records who answered
// (for "already answered" and response rates) and is never linked to a response. No
// function here returns a response together with anything that identifies its author,
// and the audit entry of an answer names the survey, not the response.
//
// Scoping is the caller's job (api/survey_handlers.cpp): these functions trust the
// exercise, organisation and person ids they get, but check that the survey belongs to
// the exercise (kNotFound "survey_id" otherwise). Thread-safe: no state besides references.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "evaluation/survey_definition.hpp"
#include "evaluation/survey_results.hpp"
#include "evaluation/survey_validation.hpp"

namespace enshu::evaluation {

// draft: no opens_at; scheduled: opens later; open; closed: closes_at has passed.
enum class SurveyState { kDraft, kScheduled, kOpen, kClosed };
std::string_view SurveyStateName(SurveyState state);
SurveyState StateAt(const SurveyDefinition& definition, TimePoint now);

struct StoredSurvey {
    std::int64_t id = 0;
    std::int64_t exercise_id = 0;
    SurveyDefinition definition;  // questions carry their ids
    std::int64_t response_count = 0;
    std::string created_at;
    std::string updated_at;
};

// {"id","exercise_id",<definition>,"status","response_count","editable","created_at","updated_at"}.
nlohmann::json StoredSurveyJson(const StoredSurvey& survey, TimePoint now);

// Who answers: the caller's organisation and person, and whether they lead it.
struct SurveyRespondent {
    std::int64_t organisation_id = 0;
    std::int64_t person_id = 0;
    bool is_org_lead = false;
};

// Which answers a results request may count: everything (organisers, observers) or the
// organisations of some ministries (ministry members; small groups suppressed).
struct ResultsScope {
    bool all = false;
    std::vector<std::string> ministry_codes;
};

// One named response, for the organiser's per-respondent table (named surveys only).
struct NamedResponse {
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::optional<std::int64_t> person_id;
    std::string person_name;
    std::string submitted_on;
    AnswerMap answers;
};

class SurveyService {
  public:
    SurveyService(db::Database& database, const Clock& clock, const audit::AuditLog& audit);

    // Every survey of the exercise (without questions' details: question_count), by id.
    Result<std::vector<StoredSurvey>> List(std::int64_t exercise_id);
    Result<StoredSurvey> Get(std::int64_t exercise_id, std::int64_t survey_id);

    // Errors: kInvalidArgument (ValidateSurveyDefinition), kConflict "code" when the
    // exercise already has a survey with that code.
    Result<StoredSurvey> Create(std::int64_t exercise_id, const SurveyDefinition& definition,
                                const audit::Actor& actor);
    // A copy of the bundled template `template_code` as a draft (kNotFound "template").
    // `code` overrides the template's code (to add the same template twice).
    Result<StoredSurvey> CreateFromTemplate(std::int64_t exercise_id, const std::string& template_code,
                                            const std::optional<std::string>& code, const audit::Actor& actor);
    // Replaces the definition. Once someone has answered, only the titles, intro texts and
    // the window may change (kConflict "questions" or "code" / "respondent" / "anonymity").
    Result<StoredSurvey> Update(std::int64_t exercise_id, std::int64_t survey_id, const SurveyDefinition& definition,
                                const audit::Actor& actor);
    // Open now: opens_at = now unless already open; a passed closes_at is cleared.
    Result<StoredSurvey> Open(std::int64_t exercise_id, std::int64_t survey_id, const audit::Actor& actor);
    // Close now: closes_at = now (kConflict "status" for a draft or a survey that has not
    // opened yet; closing a closed survey changes nothing).
    Result<StoredSurvey> Close(std::int64_t exercise_id, std::int64_t survey_id, const audit::Actor& actor);
    // Deletes the survey with its answers (audited with the number of responses lost).
    Status Delete(std::int64_t exercise_id, std::int64_t survey_id, const audit::Actor& actor);

    // Whether this person (person surveys) or organisation (organisation surveys) has answered.
    Result<bool> HasAnswered(std::int64_t survey_id, Respondent respondent_kind, const SurveyRespondent& respondent);

    // Stores one answer set. Errors: kConflict "status" outside the window (message says
    // when it opens or closed); kForbidden when an organisation survey is answered by
    // someone other than an org lead; kConflict "survey_id" when already answered;
    // kInvalidArgument "answers.<code>" (ValidateAnswers).
    Status Respond(std::int64_t exercise_id, std::int64_t survey_id, const SurveyRespondent& respondent,
                   const AnswerMap& answers, const audit::Actor& actor);

    // {"survey_id","anonymity","respondent","suppressed","minimum_group_size","responses",
    //  "questions":[…],"response_rates":{…}}. Questions are left out ("suppressed": true)
    // for a ministry scope counting fewer than kMinimumGroupSize responses.
    Result<nlohmann::json> Results(std::int64_t exercise_id, std::int64_t survey_id, const ResultsScope& scope);

    // Named surveys only (kForbidden "survey_id" for anonymous ones), ordered by
    // organisation name and person name.
    Result<std::vector<NamedResponse>> NamedResponses(std::int64_t exercise_id, std::int64_t survey_id);

  private:
    Result<StoredSurvey> Load(db::Connection& connection, std::int64_t exercise_id, std::int64_t survey_id);
    Result<StoredSurvey> Insert(db::Connection& connection, std::int64_t exercise_id,
                                const SurveyDefinition& definition, const audit::Actor& actor,
                                const std::string& origin);
    Result<StoredSurvey> SetWindow(std::int64_t exercise_id, std::int64_t survey_id, bool open,
                                   const audit::Actor& actor);

    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
};

}  // namespace enshu::evaluation
