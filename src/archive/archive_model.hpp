#pragma once

// The content of an exercise data archive in memory, one record per CSV row
// (docs/data-format.md). Records refer to each other by the archive's keys
// (organisation_key, person_key, survey_code, response_key, session_key), never by
// database ids. Export fills an Archive from the database and writes its files; import
// reads the files into an Archive, checks it and stores it. Plain data.
//
// `row` is the record's row in its file (header = 1) for problem messages; 0 for
// records that did not come from a file. Empty timestamps mean "not given" (the import
// uses its own time); optional values are "" when absent.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace enshu::archive {

struct OrganisationRecord {
    std::size_t row = 0;
    std::string key;  // external_ref, or "name:" + name when the organisation has none
    std::string external_ref, name, name_kana, name_en, sector_code, ministry_code, size_band, region,
        participation_mode;
};

struct PersonRecord {
    std::size_t row = 0;
    std::string key;  // unique in the archive; export writes "<organisation_key>/<n>"
    std::string organisation_key;
    std::string role, display_name, email, phone, department;
    bool is_contact = false;
    std::vector<std::string> team_roles;  // codes, in core/team_roles.hpp order
};

struct InstrumentWindowRecord {
    std::size_t row = 0;
    std::string instrument;  // readiness_before, readiness_day_of, objectives, action_record
    std::string opens_at, closes_at;
};

struct ReadinessResponseRecord {
    std::size_t row = 0;
    std::string organisation_key;
    std::string part;    // before, day_of
    std::string status;  // draft, submitted
    std::string submitted_at;
    std::string submitted_by;  // person_key or ""
    std::string updated_at;
};

struct ReadinessAnswerRecord {
    std::size_t row = 0;
    std::string organisation_key, item_id, option_code, updated_at;
};

struct ObjectiveRecord {
    std::size_t row = 0;
    std::string organisation_key;
    int objective_id = 0;
    int custom_index = 0;
    std::string custom_text, created_at, updated_at;
};

struct ActionRecordRecord {
    std::size_t row = 0;
    std::string organisation_key, status, submitted_at, submitted_by, reopened_at, reopened_by, updated_at;
};

struct RatingRecord {
    std::size_t row = 0;
    std::string organisation_key;
    int objective_id = 0;
    int custom_index = 0;
    int setting = 0;
    std::string option_code, updated_at;
};

struct IssueRecord {
    std::size_t row = 0;
    std::string organisation_key;
    int objective_id = 0;
    int custom_index = 0;
    int position = 0;
    std::string text, created_at, updated_at;
};

struct SurveyRecord {
    std::size_t row = 0;
    std::string code, title_ja, title_en, intro_ja, intro_en, respondent, anonymity, opens_at, closes_at, created_at,
        updated_at;
};

struct QuestionRecord {
    std::size_t row = 0;
    std::string survey_code, code;
    int position = 0;
    std::string kind, text_ja, text_en;
    bool required = false;
    std::optional<double> number_min, number_max;
    std::string show_if_question;             // "" = always shown
    std::vector<std::string> show_if_any_of;  // option codes of show_if_question
};

struct OptionRecord {
    std::size_t row = 0;
    std::string survey_code, question_code;
    int position = 0;
    std::string code, label_ja, label_en;
};

// Named surveys keep organisation_key (and person_key); anonymous ones never do.
struct ResponseRecord {
    std::size_t row = 0;
    std::string survey_code, key, organisation_key, person_key, sector_code, submitted_on;
};

// value: the option code (single_choice, likert), codes joined by ';' (multiple_choice),
// a JSON number (number) or the text (free_text), unguarded.
struct AnswerRecord {
    std::size_t row = 0;
    std::string survey_code, response_key, question_code, value;
};

struct ParticipationRecord {
    std::size_t row = 0;
    std::string survey_code, organisation_key, person_key;  // person_key "" = the organisation answered
};

struct SessionRecord {
    std::size_t row = 0;
    std::string key, kind, title_ja, title_en, starts_at, ends_at, format, location;
    std::optional<std::int64_t> capacity;
    std::vector<std::string> themes, experts;
    std::string survey_code, created_at, updated_at;
};

struct RegistrationRecord {
    std::size_t row = 0;
    std::string session_key, person_key, organisation_key;
    std::optional<bool> attended;  // nullopt = not recorded
    std::string registered_at;
};

struct OpinionKindRecord {
    std::size_t row = 0;
    std::string code, label_ja, label_en;
    int position = 0;
};

struct OpinionRecord {
    std::size_t row = 0;
    std::string session_key, organisation_key, kind_code, text, created_at;
};

// The exercise the archive came from (manifest.csv); informational on import.
struct ManifestInfo {
    int format_version = kFormatVersionUnknown;
    int fiscal_year = 0;
    std::string title_ja, title_en;
    static constexpr int kFormatVersionUnknown = 0;
};

struct Archive {
    ManifestInfo manifest;
    // False when a file could not be read at all (bad CSV, header, size): references
    // between files are then not checked (they would only repeat the problem).
    bool every_file_read = true;
    std::vector<OrganisationRecord> organisations;
    std::vector<PersonRecord> people;
    std::vector<InstrumentWindowRecord> instrument_windows;
    std::vector<ReadinessResponseRecord> readiness_responses;
    std::vector<ReadinessAnswerRecord> readiness_answers;
    std::vector<ObjectiveRecord> objectives;
    std::vector<ActionRecordRecord> action_records;
    std::vector<RatingRecord> ratings;
    std::vector<IssueRecord> issues;
    std::vector<SurveyRecord> surveys;
    std::vector<QuestionRecord> questions;
    std::vector<OptionRecord> options;
    std::vector<ResponseRecord> responses;
    std::vector<AnswerRecord> answers;
    std::vector<ParticipationRecord> participation;
    std::vector<SessionRecord> sessions;
    std::vector<RegistrationRecord> registrations;
    std::vector<OpinionKindRecord> opinion_kinds;
    std::vector<OpinionRecord> opinions;
};

// The key of an organisation in the archive: its external_ref, or "name:" + name when it
// has none (an external_ref never contains ':', so the two cannot collide).
std::string OrganisationKey(const std::string& external_ref, const std::string& name);

}  // namespace enshu::archive
