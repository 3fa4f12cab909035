#include "archive/archive_checks.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "archive/archive_answers.hpp"

namespace enshu::archive {
namespace {

class Checker {
  public:
    Checker(Archive& archive, const CheckContext& context, std::vector<Problem>& problems)
        : archive_(archive), context_(context), problems_(problems) {}

    void Run() {
        CheckOrganisationsAndPeople();
        CheckInstruments();
        const std::size_t before_surveys = problems_.size();
        CheckSurveys();
        if (problems_.size() == before_surveys) CheckSurveyDefinitions(archive_, problems_);
        CheckForum();
    }

  private:
    void Fail(std::string_view file, std::size_t row, std::string_view column, std::string message) {
        problems_.push_back({std::string(file), row, std::string(column), std::move(message)});
    }

    // True when `key` is new in `seen`; otherwise reports a duplicate naming the first row.
    template <typename Key>
    bool Unique(std::map<Key, std::size_t>& seen, const Key& key, std::string_view file, std::size_t row,
                std::string_view column, std::string_view what) {
        const auto [at, inserted] = seen.emplace(key, row);
        if (!inserted) Fail(file, row, column, std::string(what) + " repeats row " + std::to_string(at->second));
        return inserted;
    }

    bool RequireOrganisation(const std::string& key, std::string_view file, std::size_t row,
                             std::string_view column = "organisation_key") {
        if (organisations_.count(key)) return true;
        Fail(file, row, column, "'" + key + "' is not an organisation_key of organisations.csv");
        return false;
    }

    // The person exists and (when `organisation_key` is given) belongs to that organisation.
    bool RequirePerson(const std::string& key, const std::string& organisation_key, std::string_view file,
                       std::size_t row, std::string_view column) {
        const auto found = person_organisation_.find(key);
        if (found == person_organisation_.end()) {
            Fail(file, row, column, "'" + key + "' is not a person_key of people.csv");
            return false;
        }
        if (!organisation_key.empty() && found->second != organisation_key) {
            Fail(file, row, column,
                 "'" + key + "' belongs to organisation '" + found->second + "', not '" + organisation_key + "'");
            return false;
        }
        return true;
    }

    void CheckOrganisationsAndPeople() {
        std::map<std::string, std::size_t> names;
        for (const auto& organisation : archive_.organisations) {
            if (Unique(organisations_, organisation.key, files::kOrganisations, organisation.row, "organisation_key",
                       "the key")) {
                Unique(names, organisation.name, files::kOrganisations, organisation.row, "name", "the name");
            }
        }
        std::map<std::string, std::size_t> person_keys;
        std::map<std::pair<std::string, std::string>, std::size_t> emails;
        for (const auto& person : archive_.people) {
            if (!Unique(person_keys, person.key, files::kPeople, person.row, "person_key", "the key")) continue;
            person_organisation_[person.key] = person.organisation_key;
            if (!RequireOrganisation(person.organisation_key, files::kPeople, person.row)) continue;
            if (!person.email.empty()) {
                std::string lower = person.email;
                std::transform(lower.begin(), lower.end(), lower.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                Unique(emails, std::make_pair(person.organisation_key, lower), files::kPeople, person.row, "email",
                       "the e-mail address (in this organisation)");
            }
        }
    }

    void CheckSubmitter(const std::string& person_key, const std::string& organisation_key, std::string_view file,
                        std::size_t row, std::string_view column) {
        if (!person_key.empty()) RequirePerson(person_key, organisation_key, file, row, column);
    }

    void CheckInstruments() {
        std::map<std::string, std::size_t> windows;
        for (const auto& window : archive_.instrument_windows) {
            Unique(windows, window.instrument, files::kInstrumentWindows, window.row, "instrument", "the instrument");
        }
        std::map<std::pair<std::string, std::string>, std::size_t> responses;
        for (const auto& response : archive_.readiness_responses) {
            if (!RequireOrganisation(response.organisation_key, files::kReadinessResponses, response.row)) continue;
            Unique(responses, std::make_pair(response.organisation_key, response.part), files::kReadinessResponses,
                   response.row, "part", "the organisation and part");
            CheckSubmitter(response.submitted_by, response.organisation_key, files::kReadinessResponses, response.row,
                           "submitted_by");
        }
        std::map<std::pair<std::string, std::string>, std::size_t> answers;
        for (const auto& answer : archive_.readiness_answers) {
            if (!RequireOrganisation(answer.organisation_key, files::kReadinessAnswers, answer.row)) continue;
            Unique(answers, std::make_pair(answer.organisation_key, answer.item_id), files::kReadinessAnswers,
                   answer.row, "item_id", "the organisation and item");
        }
        std::map<std::tuple<std::string, int, int>, std::size_t> objectives;
        for (const auto& objective : archive_.objectives) {
            if (!RequireOrganisation(objective.organisation_key, files::kObjectives, objective.row)) continue;
            Unique(objectives,
                   std::make_tuple(objective.organisation_key, objective.objective_id, objective.custom_index),
                   files::kObjectives, objective.row, "custom_index", "the organisation, objective and custom_index");
        }
        std::map<std::string, std::size_t> sheets;
        for (const auto& sheet : archive_.action_records) {
            if (!RequireOrganisation(sheet.organisation_key, files::kActionRecords, sheet.row)) continue;
            Unique(sheets, sheet.organisation_key, files::kActionRecords, sheet.row, "organisation_key",
                   "the organisation");
            CheckSubmitter(sheet.submitted_by, sheet.organisation_key, files::kActionRecords, sheet.row,
                           "submitted_by");
            CheckSubmitter(sheet.reopened_by, sheet.organisation_key, files::kActionRecords, sheet.row, "reopened_by");
        }
        const auto objective_exists = [&](const std::string& organisation, int id, int index, std::string_view file,
                                          std::size_t row) {
            if (objectives.count(std::make_tuple(organisation, id, index))) return true;
            Fail(file, row, "objective_id",
                 "organisation '" + organisation + "' has no objective " + std::to_string(id) + " with custom_index " +
                     std::to_string(index) + " in objectives.csv");
            return false;
        };
        std::map<std::tuple<std::string, int, int, int>, std::size_t> ratings;
        for (const auto& rating : archive_.ratings) {
            if (!objective_exists(rating.organisation_key, rating.objective_id, rating.custom_index,
                                  files::kActionRecordRatings, rating.row)) {
                continue;
            }
            Unique(ratings,
                   std::make_tuple(rating.organisation_key, rating.objective_id, rating.custom_index, rating.setting),
                   files::kActionRecordRatings, rating.row, "setting", "the objective and setting");
        }
        std::map<std::tuple<std::string, int, int, int>, std::size_t> issues;
        for (const auto& issue : archive_.issues) {
            if (!objective_exists(issue.organisation_key, issue.objective_id, issue.custom_index,
                                  files::kActionRecordIssues, issue.row)) {
                continue;
            }
            Unique(issues,
                   std::make_tuple(issue.organisation_key, issue.objective_id, issue.custom_index, issue.position),
                   files::kActionRecordIssues, issue.row, "position", "the objective and position");
        }
    }

    void CheckSurveys() {
        std::map<std::string, std::size_t> survey_rows;
        std::map<std::string, const SurveyRecord*> surveys;
        for (const auto& survey : archive_.surveys) {
            if (Unique(survey_rows, survey.code, files::kSurveys, survey.row, "survey_code", "the code")) {
                surveys[survey.code] = &survey;
            }
        }
        const auto require_survey = [&](const std::string& code, std::string_view file,
                                        std::size_t row) -> const SurveyRecord* {
            const auto found = surveys.find(code);
            if (found != surveys.end()) return found->second;
            Fail(file, row, "survey_code", "'" + code + "' is not a survey_code of surveys.csv");
            return nullptr;
        };

        using QuestionKey = std::pair<std::string, std::string>;
        std::map<QuestionKey, std::size_t> question_rows;
        std::map<std::pair<std::string, int>, std::size_t> question_positions;
        std::map<QuestionKey, const QuestionRecord*> questions;
        std::map<QuestionKey, QuestionShape> shapes;
        for (const auto& question : archive_.questions) {
            if (!require_survey(question.survey_code, files::kSurveyQuestions, question.row)) continue;
            const QuestionKey key{question.survey_code, question.code};
            if (!Unique(question_rows, key, files::kSurveyQuestions, question.row, "question_code", "the code")) {
                continue;
            }
            Unique(question_positions, std::make_pair(question.survey_code, question.position), files::kSurveyQuestions,
                   question.row, "position", "the position");
            questions[key] = &question;
            shapes[key] = QuestionShape{question.kind, {}, question.number_min, question.number_max};
        }
        // Options, in position order per question.
        std::vector<const OptionRecord*> options;
        for (const auto& option : archive_.options) options.push_back(&option);
        std::stable_sort(options.begin(), options.end(), [](const OptionRecord* a, const OptionRecord* b) {
            return std::tie(a->survey_code, a->question_code, a->position) <
                   std::tie(b->survey_code, b->question_code, b->position);
        });
        std::map<std::tuple<std::string, std::string, std::string>, std::size_t> option_codes;
        std::map<std::tuple<std::string, std::string, int>, std::size_t> option_positions;
        for (const auto* option : options) {
            const QuestionKey key{option->survey_code, option->question_code};
            const auto question = questions.find(key);
            if (question == questions.end()) {
                Fail(files::kSurveyOptions, option->row, "question_code",
                     "survey '" + option->survey_code + "' has no question '" + option->question_code +
                         "' in survey_questions.csv");
                continue;
            }
            if (question->second->kind == "number" || question->second->kind == "free_text") {
                Fail(files::kSurveyOptions, option->row, "question_code",
                     "question '" + option->question_code + "' is " + question->second->kind + " and has no options");
                continue;
            }
            if (!Unique(option_codes, std::make_tuple(key.first, key.second, option->code), files::kSurveyOptions,
                        option->row, "option_code", "the option code") ||
                !Unique(option_positions, std::make_tuple(key.first, key.second, option->position),
                        files::kSurveyOptions, option->row, "position", "the position")) {
                continue;
            }
            shapes[key].option_codes.push_back(option->code);
        }
        for (const auto& [key, question] : questions) {
            const auto& shape = shapes[key];
            if (shape.option_codes.empty() && shape.kind != "number" && shape.kind != "free_text") {
                Fail(files::kSurveyQuestions, question->row, "kind",
                     "a " + shape.kind + " question needs options in survey_options.csv");
            }
            if (question->show_if_question.empty()) continue;
            const auto condition = questions.find({key.first, question->show_if_question});
            if (condition == questions.end() || condition->second->position >= question->position) {
                Fail(files::kSurveyQuestions, question->row, "show_if_question",
                     "'" + question->show_if_question + "' is not an earlier question of the survey");
                continue;
            }
            const auto& condition_shape = shapes[condition->first];
            for (const auto& code : question->show_if_any_of) {
                if (std::find(condition_shape.option_codes.begin(), condition_shape.option_codes.end(), code) ==
                    condition_shape.option_codes.end()) {
                    Fail(files::kSurveyQuestions, question->row, "show_if_any_of",
                         "'" + code + "' is not an option of question '" + question->show_if_question + "'");
                }
            }
        }

        std::map<std::pair<std::string, std::string>, std::size_t> response_rows;
        for (const auto& response : archive_.responses) {
            const auto* survey = require_survey(response.survey_code, files::kSurveyResponses, response.row);
            if (!survey) continue;
            if (!Unique(response_rows, std::make_pair(response.survey_code, response.key), files::kSurveyResponses,
                        response.row, "response_key", "the key")) {
                continue;
            }
            if (survey->anonymity == "anonymous") {
                if (!response.organisation_key.empty() || !response.person_key.empty()) {
                    Fail(files::kSurveyResponses, response.row,
                         response.organisation_key.empty() ? "person_key" : "organisation_key",
                         "survey '" + survey->code +
                             "' is anonymous: its responses name no organisation or person (only the sector)");
                }
                continue;
            }
            // Named responses name their organisation and person; either is empty when it was
            // deleted after answering (the schema sets them to NULL).
            if (!response.organisation_key.empty() &&
                !RequireOrganisation(response.organisation_key, files::kSurveyResponses, response.row)) {
                continue;
            }
            CheckSubmitter(response.person_key, response.organisation_key, files::kSurveyResponses, response.row,
                           "person_key");
        }
        std::map<std::tuple<std::string, std::string, std::string>, std::size_t> answer_rows;
        for (auto& answer : archive_.answers) {
            if (!surveys.count(answer.survey_code)) {
                require_survey(answer.survey_code, files::kSurveyAnswers, answer.row);
                continue;
            }
            if (!response_rows.count({answer.survey_code, answer.response_key})) {
                Fail(files::kSurveyAnswers, answer.row, "response_key",
                     "survey '" + answer.survey_code + "' has no response '" + answer.response_key +
                         "' in survey_responses.csv");
                continue;
            }
            const auto shape = shapes.find({answer.survey_code, answer.question_code});
            if (shape == shapes.end()) {
                Fail(files::kSurveyAnswers, answer.row, "question_code",
                     "survey '" + answer.survey_code + "' has no question '" + answer.question_code + "'");
                continue;
            }
            if (!Unique(answer_rows, std::make_tuple(answer.survey_code, answer.response_key, answer.question_code),
                        files::kSurveyAnswers, answer.row, "question_code", "the response and question")) {
                continue;
            }
            // Guarded cells: free text carries the formula guard; the other kinds are codes or numbers.
            if (shape->second.kind == "free_text") answer.value = UnguardCell(answer.value);
            if (auto json = AnswerJsonFromCell(shape->second, answer.value); !json) {
                Fail(files::kSurveyAnswers, answer.row, "value", json.error().message);
            }
        }
        std::map<std::tuple<std::string, std::string, std::string>, std::size_t> participation_rows;
        for (const auto& participation : archive_.participation) {
            const auto* survey =
                require_survey(participation.survey_code, files::kSurveyParticipation, participation.row);
            if (!survey ||
                !RequireOrganisation(participation.organisation_key, files::kSurveyParticipation, participation.row)) {
                continue;
            }
            if ((survey->respondent == "person") == participation.person_key.empty()) {
                Fail(files::kSurveyParticipation, participation.row, "person_key",
                     survey->respondent == "person"
                         ? "is required: survey '" + survey->code + "' is answered by people"
                         : "must be empty: survey '" + survey->code + "' is answered by organisations");
                continue;
            }
            if (!participation.person_key.empty() &&
                !RequirePerson(participation.person_key, participation.organisation_key, files::kSurveyParticipation,
                               participation.row, "person_key")) {
                continue;
            }
            Unique(participation_rows,
                   std::make_tuple(participation.survey_code, participation.organisation_key, participation.person_key),
                   files::kSurveyParticipation, participation.row, "organisation_key", "the participant");
        }
        survey_codes_ = std::move(surveys);
    }

    void CheckForum() {
        std::map<std::string, std::size_t> sessions;
        for (const auto& session : archive_.sessions) {
            Unique(sessions, session.key, files::kForumSessions, session.row, "session_key", "the key");
            if (!session.survey_code.empty() && !survey_codes_.count(session.survey_code)) {
                Fail(files::kForumSessions, session.row, "survey_code",
                     "'" + session.survey_code + "' is not a survey_code of surveys.csv");
            }
        }
        const auto require_session = [&](const std::string& key, std::string_view file, std::size_t row) {
            if (sessions.count(key)) return true;
            Fail(file, row, "session_key", "'" + key + "' is not a session_key of forum_sessions.csv");
            return false;
        };
        std::map<std::pair<std::string, std::string>, std::size_t> registrations;
        for (const auto& registration : archive_.registrations) {
            if (!require_session(registration.session_key, files::kForumRegistrations, registration.row) ||
                !RequireOrganisation(registration.organisation_key, files::kForumRegistrations, registration.row) ||
                !RequirePerson(registration.person_key, registration.organisation_key, files::kForumRegistrations,
                               registration.row, "person_key")) {
                continue;
            }
            Unique(registrations, std::make_pair(registration.session_key, registration.person_key),
                   files::kForumRegistrations, registration.row, "person_key", "the session and person");
        }
        std::set<std::string> kinds = context_.known_opinion_kinds;
        std::map<std::string, std::size_t> kind_rows;
        for (const auto& kind : archive_.opinion_kinds) {
            if (context_.builtin_opinion_kinds.count(kind.code)) {
                Fail(files::kOpinionKinds, kind.row, "kind_code", "'" + kind.code + "' is a built-in kind");
                continue;
            }
            if (Unique(kind_rows, kind.code, files::kOpinionKinds, kind.row, "kind_code", "the code")) {
                kinds.insert(kind.code);
            }
        }
        for (const auto& opinion : archive_.opinions) {
            if (!require_session(opinion.session_key, files::kOpinions, opinion.row)) continue;
            if (!opinion.organisation_key.empty()) {
                RequireOrganisation(opinion.organisation_key, files::kOpinions, opinion.row);
            }
            if (!kinds.count(opinion.kind_code)) {
                Fail(files::kOpinions, opinion.row, "kind_code",
                     "'" + opinion.kind_code + "' is neither a built-in kind nor in opinion_kinds.csv");
            }
        }
    }

    Archive& archive_;
    const CheckContext& context_;
    std::vector<Problem>& problems_;
    std::map<std::string, std::size_t> organisations_;
    std::map<std::string, std::string> person_organisation_;
    std::map<std::string, const SurveyRecord*> survey_codes_;
};

}  // namespace

void CheckArchive(Archive& archive, const CheckContext& context, std::vector<Problem>& problems) {
    Checker(archive, context, problems).Run();
}

}  // namespace enshu::archive
