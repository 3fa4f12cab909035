// Import side of archive_repository.hpp, continued: instrument data (replaced per
// organisation), instrument windows, surveys with their questions, responses, answers and
// participation, sessions with registrations and opinions, opinion kinds.

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>

#include "archive/archive_answers.hpp"
#include "archive/archive_storer.hpp"
#include "evaluation/survey_definition.hpp"

namespace enshu::archive {
namespace {

// Instrument data of one organisation, replaced as a whole (ratings and issues follow
// their chosen objectives by ON DELETE CASCADE).
constexpr std::string_view kDeleteReadinessResponses =
    "DELETE FROM readiness_response WHERE exercise_id = $1 AND organisation_id = $2";
constexpr std::string_view kDeleteReadinessAnswers =
    "DELETE FROM readiness_answer WHERE exercise_id = $1 AND organisation_id = $2";
constexpr std::string_view kCountObjectiveChildren =
    "SELECT (SELECT COUNT(*) FROM action_record_rating r JOIN chosen_objective c ON c.id = r.chosen_objective_id "
    "WHERE c.exercise_id = $1 AND c.organisation_id = $2) + (SELECT COUNT(*) FROM action_record_issue i "
    "JOIN chosen_objective c ON c.id = i.chosen_objective_id WHERE c.exercise_id = $1 AND c.organisation_id = $2)";
constexpr std::string_view kDeleteObjectives =
    "DELETE FROM chosen_objective WHERE exercise_id = $1 AND organisation_id = $2";
constexpr std::string_view kDeleteSheet =
    "DELETE FROM action_record_sheet WHERE exercise_id = $1 AND organisation_id = $2";
constexpr std::string_view kUpsertWindow =
    "INSERT INTO instrument_window (exercise_id, instrument, opens_at, closes_at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (exercise_id, instrument) DO UPDATE SET opens_at = excluded.opens_at, closes_at = excluded.closes_at";
constexpr std::string_view kInsertReadinessResponse =
    "INSERT INTO readiness_response (exercise_id, organisation_id, part, status, submitted_at, submitted_by_user_id, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr std::string_view kInsertReadinessAnswer =
    "INSERT INTO readiness_answer (exercise_id, organisation_id, item_id, option_code, updated_at) "
    "VALUES ($1, $2, $3, $4, $5)";
constexpr std::string_view kInsertObjective =
    "INSERT INTO chosen_objective (exercise_id, organisation_id, objective_id, custom_index, custom_text, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr std::string_view kInsertSheet =
    "INSERT INTO action_record_sheet (exercise_id, organisation_id, status, submitted_at, submitted_by_user_id, "
    "reopened_at, reopened_by_user_id, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr std::string_view kInsertRating =
    "INSERT INTO action_record_rating (chosen_objective_id, setting, option_code, updated_at) VALUES ($1, $2, $3, $4)";
constexpr std::string_view kInsertIssue =
    "INSERT INTO action_record_issue (chosen_objective_id, position, text, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5)";
constexpr std::string_view kFindSurvey = "SELECT id FROM survey WHERE exercise_id = $1 AND code = $2";
constexpr std::string_view kInsertSurvey =
    "INSERT INTO survey (exercise_id, code, title_ja, title_en, intro_ja, intro_en, respondent, anonymity, opens_at, "
    "closes_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id";
constexpr std::string_view kUpdateSurvey =
    "UPDATE survey SET title_ja = $2, title_en = $3, intro_ja = $4, intro_en = $5, respondent = $6, anonymity = $7, "
    "opens_at = $8, closes_at = $9, created_at = $10, updated_at = $11 WHERE id = $1";
constexpr std::string_view kDeleteSurveyResponses = "DELETE FROM survey_response WHERE survey_id = $1";
constexpr std::string_view kDeleteSurveyQuestions = "DELETE FROM survey_question WHERE survey_id = $1";
constexpr std::string_view kDeleteSurveyParticipation = "DELETE FROM survey_participation WHERE survey_id = $1";
constexpr std::string_view kInsertQuestion =
    "INSERT INTO survey_question (survey_id, code, position, kind, text_ja, text_en, required, options, number_min, "
    "number_max, show_if) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";
constexpr std::string_view kInsertNamedResponse =
    "INSERT INTO survey_response (survey_id, organisation_id, person_id, sector_code, submitted_on) "
    "VALUES ($1, $2, $3, $4, $5) RETURNING id";
// Anonymous responses get a random id (0006: not in submission order) and no organisation or person.
constexpr std::string_view kInsertAnonymousResponse =
    "INSERT INTO survey_response (id, survey_id, organisation_id, person_id, sector_code, submitted_on) "
    "VALUES ($1, $2, NULL, NULL, $3, $4) RETURNING id";
constexpr std::string_view kInsertAnswer =
    "INSERT INTO survey_answer (response_id, question_id, value) VALUES ($1, $2, $3)";
constexpr std::string_view kInsertParticipation =
    "INSERT INTO survey_participation (survey_id, organisation_id, person_id) VALUES ($1, $2, $3)";
constexpr std::string_view kFindSession =
    "SELECT id FROM forum_session WHERE exercise_id = $1 AND kind = $2 AND starts_at = $3 AND title_ja = $4 "
    "ORDER BY id LIMIT 1";
constexpr std::string_view kInsertSession =
    "INSERT INTO forum_session (exercise_id, kind, title_ja, title_en, starts_at, ends_at, format, location, "
    "capacity, themes, experts, survey_id, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id";
constexpr std::string_view kUpdateSession =
    "UPDATE forum_session SET title_en = $2, ends_at = $3, format = $4, location = $5, capacity = $6, themes = $7, "
    "experts = $8, survey_id = $9, created_at = $10, updated_at = $11 WHERE id = $1";
constexpr std::string_view kDeleteRegistrations = "DELETE FROM forum_registration WHERE session_id = $1";
constexpr std::string_view kDeleteOpinions = "DELETE FROM forum_opinion WHERE session_id = $1";
constexpr std::string_view kInsertRegistration =
    "INSERT INTO forum_registration (session_id, person_id, organisation_id, attended, registered_at) "
    "VALUES ($1, $2, $3, $4, $5)";
constexpr std::string_view kUpsertOpinionKind =
    "INSERT INTO opinion_kind (exercise_id, code, label_ja, label_en, position) VALUES ($1, $2, $3, $4, $5) "
    "ON CONFLICT (exercise_id, code) DO UPDATE SET label_ja = excluded.label_ja, label_en = excluded.label_en, "
    "position = excluded.position";
constexpr std::string_view kInsertOpinion =
    "INSERT INTO forum_opinion (session_id, organisation_id, kind_code, text, recorded_by_user_id, created_at) "
    "VALUES ($1, $2, $3, $4, NULL, $5)";

constexpr int kRandomIdAttempts = 8;

db::Value TextOrNull(const std::string& text) {
    if (text.empty()) return std::monostate{};
    return text;
}

}  // namespace

Status Storer::DeleteInstrumentData(std::int64_t organisation_id) {
    const db::Params params{exercise_id_, organisation_id};
    auto children = connection_.QueryOne(kCountObjectiveChildren, params);
    if (!children) return tl::unexpected(children.error());
    summary_.instrument_rows_deleted += *children ? (*children)->Int(0) : 0;
    for (auto sql : {kDeleteReadinessResponses, kDeleteReadinessAnswers, kDeleteObjectives, kDeleteSheet}) {
        auto deleted = connection_.Execute(sql, params);
        if (!deleted) return tl::unexpected(deleted.error());
        summary_.instrument_rows_deleted += *deleted;
    }
    return Ok();
}

Status Storer::StoreInstruments() {
    for (const auto organisation_id : replaced_organisations_) {
        if (auto deleted = DeleteInstrumentData(organisation_id); !deleted) return deleted;
    }
    for (const auto& r : archive_.instrument_windows) {
        if (auto done =
                Execute(kUpsertWindow, {exercise_id_, r.instrument, TextOrNull(r.opens_at), TextOrNull(r.closes_at)});
            !done) {
            return done;
        }
        ++summary_.instrument_windows_written;
    }
    auto& inserted = summary_.instrument_rows_inserted;
    for (const auto& r : archive_.readiness_responses) {
        if (auto done = Execute(kInsertReadinessResponse,
                                {exercise_id_, organisation_ids_.at(r.organisation_key), r.part, r.status,
                                 TextOrNull(r.submitted_at), UserOf(r.submitted_by), Or(r.updated_at)});
            !done) {
            return done;
        }
        ++inserted;
    }
    for (const auto& r : archive_.readiness_answers) {
        if (auto done = Execute(kInsertReadinessAnswer, {exercise_id_, organisation_ids_.at(r.organisation_key),
                                                         r.item_id, r.option_code, Or(r.updated_at)});
            !done) {
            return done;
        }
        ++inserted;
    }
    std::map<std::tuple<std::string, int, int>, std::int64_t> objective_ids;
    for (const auto& r : archive_.objectives) {
        auto id = InsertReturningId(
            kInsertObjective, {exercise_id_, organisation_ids_.at(r.organisation_key), std::int64_t{r.objective_id},
                               std::int64_t{r.custom_index}, r.custom_text, Or(r.created_at), Or(r.updated_at)});
        if (!id) return tl::unexpected(id.error());
        objective_ids[{r.organisation_key, r.objective_id, r.custom_index}] = *id;
        ++inserted;
    }
    for (const auto& r : archive_.action_records) {
        if (auto done = Execute(kInsertSheet, {exercise_id_, organisation_ids_.at(r.organisation_key), r.status,
                                               TextOrNull(r.submitted_at), UserOf(r.submitted_by),
                                               TextOrNull(r.reopened_at), UserOf(r.reopened_by), Or(r.updated_at)});
            !done) {
            return done;
        }
        ++inserted;
    }
    for (const auto& r : archive_.ratings) {
        const auto objective = objective_ids.at({r.organisation_key, r.objective_id, r.custom_index});
        if (auto done = Execute(kInsertRating, {objective, std::int64_t{r.setting}, r.option_code, Or(r.updated_at)});
            !done) {
            return done;
        }
        ++inserted;
    }
    for (const auto& r : archive_.issues) {
        const auto objective = objective_ids.at({r.organisation_key, r.objective_id, r.custom_index});
        if (auto done = Execute(kInsertIssue,
                                {objective, std::int64_t{r.position}, r.text, Or(r.created_at), Or(r.updated_at)});
            !done) {
            return done;
        }
        ++inserted;
    }
    return Ok();
}

Result<std::int64_t> Storer::UpsertSurvey(const SurveyRecord& r) {
    auto found = connection_.QueryOne(kFindSurvey, {exercise_id_, r.code});
    if (!found) return tl::unexpected(found.error());
    if (!*found) {
        ++summary_.surveys_created;
        return InsertReturningId(kInsertSurvey, {exercise_id_, r.code, r.title_ja, r.title_en, r.intro_ja, r.intro_en,
                                                 r.respondent, r.anonymity, TextOrNull(r.opens_at),
                                                 TextOrNull(r.closes_at), Or(r.created_at), Or(r.updated_at)});
    }
    const std::int64_t id = (*found)->Int(0);
    ++summary_.surveys_replaced;
    if (auto done = Execute(kUpdateSurvey,
                            {id, r.title_ja, r.title_en, r.intro_ja, r.intro_en, r.respondent, r.anonymity,
                             TextOrNull(r.opens_at), TextOrNull(r.closes_at), Or(r.created_at), Or(r.updated_at)});
        !done) {
        return tl::unexpected(done.error());
    }
    for (auto sql : {kDeleteSurveyResponses, kDeleteSurveyQuestions, kDeleteSurveyParticipation}) {
        if (auto done = Execute(sql, {id}); !done) return tl::unexpected(done.error());
    }
    return id;
}

Result<std::int64_t> Storer::InsertAnonymousResponse(std::int64_t survey_id, const ResponseRecord& r) {
    for (int attempt = 0;; ++attempt) {
        const auto id = static_cast<std::int64_t>(random_() >> 11) + 1;  // 1 .. 2^53
        auto row = connection_.QueryOne(kInsertAnonymousResponse, {id, survey_id, r.sector_code, r.submitted_on});
        if (row) return id;
        if (row.error().code != ErrorCode::kConflict || attempt + 1 == kRandomIdAttempts) {
            return tl::unexpected(row.error());
        }
    }
}

Status Storer::StoreSurveys() {
    std::map<std::string, std::int64_t> survey_ids;
    std::map<std::string, const SurveyRecord*> surveys;
    for (const auto& r : archive_.surveys) {
        auto id = UpsertSurvey(r);
        if (!id) return tl::unexpected(id.error());
        survey_ids[r.code] = *id;
        surveys[r.code] = &r;
    }
    std::map<std::pair<std::string, std::string>, std::vector<const OptionRecord*>> options;
    for (const auto& option : archive_.options) options[{option.survey_code, option.question_code}].push_back(&option);
    std::map<std::pair<std::string, std::string>, std::pair<std::int64_t, QuestionShape>> questions;
    auto& inserted = summary_.survey_rows_inserted;
    for (const auto& r : archive_.questions) {
        auto& list = options[{r.survey_code, r.code}];
        std::sort(list.begin(), list.end(),
                  [](const OptionRecord* a, const OptionRecord* b) { return a->position < b->position; });
        // The survey engine's stored forms (evaluation/survey_definition.hpp).
        std::vector<evaluation::SurveyOption> stored_options;
        QuestionShape shape{r.kind, {}, r.number_min, r.number_max};
        for (const auto* option : list) {
            stored_options.push_back({option->code, option->label_ja, option->label_en});
            shape.option_codes.push_back(option->code);
        }
        std::optional<evaluation::ShowIf> show_if;
        if (!r.show_if_question.empty()) show_if = evaluation::ShowIf{r.show_if_question, r.show_if_any_of};
        const auto number = [](const std::optional<double>& value) -> db::Value {
            if (!value) return std::monostate{};
            return *value;
        };
        auto id = InsertReturningId(
            kInsertQuestion, {survey_ids.at(r.survey_code), r.code, std::int64_t{r.position}, r.kind, r.text_ja,
                              r.text_en, std::int64_t{r.required ? 1 : 0}, evaluation::OptionsColumn(stored_options),
                              number(r.number_min), number(r.number_max), evaluation::ShowIfColumn(show_if)});
        if (!id) return tl::unexpected(id.error());
        questions[{r.survey_code, r.code}] = {*id, std::move(shape)};
        ++inserted;
    }
    std::map<std::pair<std::string, std::string>, std::int64_t> response_ids;
    for (const auto& r : archive_.responses) {
        const std::int64_t survey_id = survey_ids.at(r.survey_code);
        Result<std::int64_t> id;
        if (surveys.at(r.survey_code)->anonymity == "anonymous") {
            id = InsertAnonymousResponse(survey_id, r);
        } else {
            const db::Value organisation =
                r.organisation_key.empty() ? db::Value{} : db::Value{organisation_ids_.at(r.organisation_key)};
            const db::Value person = r.person_key.empty() ? db::Value{} : db::Value{people_.at(r.person_key).person_id};
            id = InsertReturningId(kInsertNamedResponse,
                                   {survey_id, organisation, person, r.sector_code, r.submitted_on});
        }
        if (!id) return tl::unexpected(id.error());
        response_ids[{r.survey_code, r.key}] = *id;
        ++inserted;
    }
    for (const auto& r : archive_.answers) {
        const auto& [question_id, shape] = questions.at({r.survey_code, r.question_code});
        auto json = AnswerJsonFromCell(shape, r.value);
        if (!json) {
            problems_.push_back({std::string(files::kSurveyAnswers), r.row, "value", json.error().message});
            continue;
        }
        if (auto done = Execute(kInsertAnswer, {response_ids.at({r.survey_code, r.response_key}), question_id, *json});
            !done) {
            return done;
        }
        ++inserted;
    }
    for (const auto& r : archive_.participation) {
        const std::int64_t person = r.person_key.empty() ? 0 : people_.at(r.person_key).person_id;
        if (auto done = Execute(kInsertParticipation,
                                {survey_ids.at(r.survey_code), organisation_ids_.at(r.organisation_key), person});
            !done) {
            return done;
        }
        ++inserted;
    }
    survey_ids_ = std::move(survey_ids);
    return Ok();
}

Status Storer::StoreForum() {
    for (const auto& r : archive_.opinion_kinds) {
        if (auto done =
                Execute(kUpsertOpinionKind, {exercise_id_, r.code, r.label_ja, r.label_en, std::int64_t{r.position}});
            !done) {
            return done;
        }
        ++summary_.opinion_kinds_written;
    }
    std::map<std::string, std::int64_t> session_ids;
    auto& inserted = summary_.forum_rows_inserted;
    for (const auto& r : archive_.sessions) {
        const db::Value capacity = r.capacity ? db::Value{*r.capacity} : db::Value{};
        const db::Value survey = r.survey_code.empty() ? db::Value{} : db::Value{survey_ids_.at(r.survey_code)};
        const std::string themes = nlohmann::json(r.themes).dump();
        const std::string experts = nlohmann::json(r.experts).dump();
        auto found = connection_.QueryOne(kFindSession, {exercise_id_, r.kind, r.starts_at, r.title_ja});
        if (!found) return tl::unexpected(found.error());
        std::int64_t id = 0;
        if (*found) {
            id = (*found)->Int(0);
            if (auto done = Execute(kUpdateSession, {id, r.title_en, r.ends_at, r.format, r.location, capacity, themes,
                                                     experts, survey, Or(r.created_at), Or(r.updated_at)});
                !done) {
                return done;
            }
            for (auto sql : {kDeleteRegistrations, kDeleteOpinions}) {
                if (auto done = Execute(sql, {id}); !done) return done;
            }
            ++summary_.sessions_replaced;
        } else {
            auto created = InsertReturningId(
                kInsertSession, {exercise_id_, r.kind, r.title_ja, r.title_en, r.starts_at, r.ends_at, r.format,
                                 r.location, capacity, themes, experts, survey, Or(r.created_at), Or(r.updated_at)});
            if (!created) return tl::unexpected(created.error());
            id = *created;
            ++summary_.sessions_created;
        }
        session_ids[r.key] = id;
    }
    for (const auto& r : archive_.registrations) {
        const db::Value attended = r.attended ? db::Value{std::int64_t{*r.attended ? 1 : 0}} : db::Value{};
        if (auto done =
                Execute(kInsertRegistration, {session_ids.at(r.session_key), people_.at(r.person_key).person_id,
                                              organisation_ids_.at(r.organisation_key), attended, Or(r.registered_at)});
            !done) {
            return done;
        }
        ++inserted;
    }
    for (const auto& r : archive_.opinions) {
        const db::Value organisation =
            r.organisation_key.empty() ? db::Value{} : db::Value{organisation_ids_.at(r.organisation_key)};
        if (auto done = Execute(kInsertOpinion,
                                {session_ids.at(r.session_key), organisation, r.kind_code, r.text, Or(r.created_at)});
            !done) {
            return done;
        }
        ++inserted;
    }
    return Ok();
}

}  // namespace enshu::archive
