#include "evaluation/survey_service.hpp"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string_view>

#include "evaluation/survey_templates.hpp"

namespace enshu::evaluation {
namespace {

constexpr std::string_view kInsertSurvey =
    "INSERT INTO survey (exercise_id, code, title_ja, title_en, intro_ja, intro_en, respondent, anonymity, opens_at, "
    "closes_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id";
constexpr std::string_view kInsertQuestion =
    "INSERT INTO survey_question (survey_id, code, position, kind, text_ja, text_en, required, options, number_min, "
    "number_max, show_if) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
constexpr std::string_view kSelectSurvey =
    "SELECT id, exercise_id, code, title_ja, title_en, intro_ja, intro_en, respondent, anonymity, opens_at, closes_at, "
    "created_at, updated_at, (SELECT COUNT(*) FROM survey_response r WHERE r.survey_id = survey.id) FROM survey "
    "WHERE id = $1 AND exercise_id = $2";
constexpr std::string_view kSelectQuestions =
    "SELECT id, code, kind, text_ja, text_en, required, options, number_min, number_max, show_if FROM survey_question "
    "WHERE survey_id = $1 ORDER BY position";
constexpr std::string_view kListSurveyIds = "SELECT id FROM survey WHERE exercise_id = $1 ORDER BY id";
constexpr std::string_view kCodeTaken = "SELECT 1 FROM survey WHERE exercise_id = $1 AND code = $2 AND id <> $3";
constexpr std::string_view kUpdateSurvey =
    "UPDATE survey SET code = $2, title_ja = $3, title_en = $4, intro_ja = $5, intro_en = $6, respondent = $7, "
    "anonymity = $8, opens_at = $9, closes_at = $10, updated_at = $11 WHERE id = $1";
constexpr std::string_view kDeleteQuestions = "DELETE FROM survey_question WHERE survey_id = $1";
constexpr std::string_view kUpdateWindow =
    "UPDATE survey SET opens_at = $2, closes_at = $3, updated_at = $4 WHERE id = $1";
constexpr std::string_view kDeleteSurvey = "DELETE FROM survey WHERE id = $1";
constexpr std::string_view kInsertParticipation =
    "INSERT INTO survey_participation (survey_id, organisation_id, person_id) VALUES ($1, $2, $3) "
    "ON CONFLICT (survey_id, organisation_id, person_id) DO NOTHING";
constexpr std::string_view kSelectParticipation =
    "SELECT 1 FROM survey_participation WHERE survey_id = $1 AND organisation_id = $2 AND person_id = $3";
constexpr std::string_view kSelectRespondentOrganisation =
    "SELECT o.sector_code, e.time_zone FROM organisation o JOIN exercise e ON e.id = o.exercise_id "
    "WHERE o.id = $1 AND o.exercise_id = $2";
constexpr std::string_view kInsertAnonymousResponse =
    "INSERT INTO survey_response (id, survey_id, organisation_id, person_id, sector_code, submitted_on) "
    "VALUES ($1, $2, NULL, NULL, $3, $4)";
constexpr std::string_view kInsertNamedResponse =
    "INSERT INTO survey_response (survey_id, organisation_id, person_id, sector_code, submitted_on) "
    "VALUES ($1, $2, $3, $4, $5) RETURNING id";
constexpr std::string_view kInsertAnswer =
    "INSERT INTO survey_answer (response_id, question_id, value) VALUES ($1, $2, $3)";
constexpr std::string_view kSelectResponses = "SELECT id, sector_code FROM survey_response WHERE survey_id = $1";
constexpr std::string_view kSelectAnswers =
    "SELECT a.response_id, q.code, a.value FROM survey_answer a JOIN survey_question q ON q.id = a.question_id "
    "WHERE q.survey_id = $1";
constexpr std::string_view kSelectEligible =
    "SELECT o.id, o.name, o.sector_code, o.ministry_code, (SELECT COUNT(*) FROM person p WHERE p.organisation_id = "
    "o.id) FROM organisation o WHERE o.exercise_id = $1";
constexpr std::string_view kSelectParticipations =
    "SELECT organisation_id, person_id FROM survey_participation WHERE survey_id = $1";
constexpr std::string_view kSelectSectorMinistries = "SELECT code, ministry_code FROM ref_sector";
constexpr std::string_view kSelectNamedResponses =
    "SELECT r.id, r.organisation_id, COALESCE(o.name, ''), r.person_id, COALESCE(p.display_name, ''), r.submitted_on "
    "FROM survey_response r LEFT JOIN organisation o ON o.id = r.organisation_id LEFT JOIN person p ON p.id = "
    "r.person_id WHERE r.survey_id = $1 ORDER BY o.name, p.display_name, r.id";

// Anonymous response ids: random in [1, 2^53) so that they say nothing about order.
constexpr std::int64_t kMaxRandomId = (std::int64_t{1} << 53) - 1;
constexpr int kRandomIdAttempts = 8;

std::string NowText(const Clock& clock) { return FormatTimestamp(clock.Now()); }

db::Value OptionalValue(const std::optional<std::string>& text) { return text ? db::Value(*text) : db::Value(); }
db::Value OptionalValue(const std::optional<double>& number) { return number ? db::Value(*number) : db::Value(); }

// 'YYYY-MM-DD' of `now` in the IANA time zone `zone` (UTC when ICU does not know it).
std::string LocalDate(TimePoint now, const std::string& zone) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    std::int32_t raw = 0;
    std::int32_t dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::TimeZone> time_zone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
    time_zone->getOffset(static_cast<UDate>(ms), false, raw, dst, status);
    if (U_FAILURE(status)) raw = dst = 0;
    const TimePoint local = now + std::chrono::milliseconds(raw + dst);
    const auto days = std::chrono::floor<std::chrono::days>(local);
    const std::chrono::year_month_day date(days);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

std::int64_t RandomResponseId() {
    static thread_local std::mt19937_64 generator{std::random_device{}()};
    return std::uniform_int_distribution<std::int64_t>(1, kMaxRandomId)(generator);
}

Status InsertQuestions(db::Connection& connection, std::int64_t survey_id, const SurveyDefinition& definition) {
    for (std::size_t i = 0; i < definition.questions.size(); ++i) {
        const SurveyQuestion& question = definition.questions[i];
        auto inserted =
            connection.Execute(kInsertQuestion, {survey_id, question.code, static_cast<std::int64_t>(i + 1),
                                                 std::string(QuestionKindName(question.kind)), question.text_ja,
                                                 question.text_en, std::int64_t{question.required ? 1 : 0},
                                                 OptionsColumn(question.options), OptionalValue(question.number_min),
                                                 OptionalValue(question.number_max), ShowIfColumn(question.show_if)});
        if (!inserted) return tl::unexpected(inserted.error());
    }
    return Ok();
}

Status RequireFreeCode(db::Connection& connection, std::int64_t exercise_id, const std::string& code,
                       std::int64_t survey_id) {
    auto taken = connection.QueryOne(kCodeTaken, {exercise_id, code, survey_id});
    if (!taken) return tl::unexpected(taken.error());
    if (*taken) return Fail(ErrorCode::kConflict, "code: this exercise already has a survey '" + code + "'", "code");
    return Ok();
}

// The questions without their stored ids, for "did the questions change?".
nlohmann::json QuestionsWithoutIds(const SurveyDefinition& definition) {
    nlohmann::json questions = nlohmann::json::array();
    for (SurveyQuestion question : definition.questions) {
        question.id = 0;
        questions.push_back(SurveyQuestionJson(question));
    }
    return questions;
}

nlohmann::json AuditSummary(const SurveyDefinition& definition) {
    return {{"code", definition.code},
            {"title_ja", definition.title_ja},
            {"respondent", RespondentName(definition.respondent)},
            {"anonymity", AnonymityName(definition.anonymity)},
            {"opens_at", definition.opens_at ? nlohmann::json(*definition.opens_at) : nlohmann::json(nullptr)},
            {"closes_at", definition.closes_at ? nlohmann::json(*definition.closes_at) : nlohmann::json(nullptr)},
            {"questions", definition.questions.size()}};
}

Status Audit(db::Connection& connection, const audit::AuditLog& audit, const audit::Actor& actor,
             std::int64_t exercise_id, const std::string& action, std::int64_t survey_id, nlohmann::json before,
             nlohmann::json after) {
    audit::AuditEntry entry{exercise_id,       action,          "survey", std::to_string(survey_id),
                            std::move(before), std::move(after)};
    return audit.Append(connection, actor, entry);
}

}  // namespace

std::string_view SurveyStateName(SurveyState state) {
    switch (state) {
        case SurveyState::kDraft:
            return "draft";
        case SurveyState::kScheduled:
            return "scheduled";
        case SurveyState::kOpen:
            return "open";
        case SurveyState::kClosed:
            return "closed";
    }
    return "draft";
}

SurveyState StateAt(const SurveyDefinition& definition, TimePoint now) {
    if (!definition.opens_at) return SurveyState::kDraft;
    TimePoint opens;
    ParseTimestamp(*definition.opens_at, opens);
    if (definition.closes_at) {
        TimePoint closes;
        ParseTimestamp(*definition.closes_at, closes);
        if (now >= closes) return SurveyState::kClosed;
    }
    return now < opens ? SurveyState::kScheduled : SurveyState::kOpen;
}

nlohmann::json StoredSurveyJson(const StoredSurvey& survey, TimePoint now) {
    nlohmann::json json = SurveyDefinitionJson(survey.definition);
    json["id"] = survey.id;
    json["exercise_id"] = survey.exercise_id;
    json["status"] = SurveyStateName(StateAt(survey.definition, now));
    json["response_count"] = survey.response_count;
    json["editable"] = survey.response_count == 0;
    json["created_at"] = survey.created_at;
    json["updated_at"] = survey.updated_at;
    return json;
}

SurveyService::SurveyService(db::Database& database, const Clock& clock, const audit::AuditLog& audit)
    : database_(database), clock_(clock), audit_(audit) {}

Result<StoredSurvey> SurveyService::Load(db::Connection& connection, std::int64_t exercise_id, std::int64_t survey_id) {
    auto row = connection.QueryOne(kSelectSurvey, {survey_id, exercise_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return Fail(ErrorCode::kNotFound, "no such survey", "survey_id");
    const db::Row& r = **row;
    StoredSurvey survey;
    survey.id = r.Int(0);
    survey.exercise_id = r.Int(1);
    SurveyDefinition& definition = survey.definition;
    definition.code = r.Text(2);
    definition.title_ja = r.Text(3);
    definition.title_en = r.Text(4);
    definition.intro_ja = r.Text(5);
    definition.intro_en = r.Text(6);
    definition.respondent = r.Text(7) == "person" ? Respondent::kPerson : Respondent::kOrganisation;
    definition.anonymity = r.Text(8) == "named" ? Anonymity::kNamed : Anonymity::kAnonymous;
    definition.opens_at = r.OptionalText(9);
    definition.closes_at = r.OptionalText(10);
    survey.created_at = r.Text(11);
    survey.updated_at = r.Text(12);
    survey.response_count = r.Int(13);
    auto questions = connection.Query(kSelectQuestions, {survey_id});
    if (!questions) return tl::unexpected(questions.error());
    for (const db::Row& q : *questions) {
        SurveyQuestion question;
        question.id = q.Int(0);
        question.code = q.Text(1);
        question.kind = ParseQuestionKind(q.Text(2)).value_or(QuestionKind::kFreeText);
        question.text_ja = q.Text(3);
        question.text_en = q.Text(4);
        question.required = q.Int(5) != 0;
        auto options = OptionsFromColumn(q.Text(6));
        if (!options) return tl::unexpected(options.error());
        question.options = std::move(*options);
        if (!q.IsNull(7)) question.number_min = q.Real(7);
        if (!q.IsNull(8)) question.number_max = q.Real(8);
        auto show_if = ShowIfFromColumn(q.Text(9));
        if (!show_if) return tl::unexpected(show_if.error());
        question.show_if = std::move(*show_if);
        definition.questions.push_back(std::move(question));
    }
    return survey;
}

Result<std::vector<StoredSurvey>> SurveyService::List(std::int64_t exercise_id) {
    std::vector<StoredSurvey> surveys;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto ids = connection.Query(kListSurveyIds, {exercise_id});
        if (!ids) return tl::unexpected(ids.error());
        for (const db::Row& row : *ids) {
            auto survey = Load(connection, exercise_id, row.Int(0));
            if (!survey) return tl::unexpected(survey.error());
            surveys.push_back(std::move(*survey));
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return surveys;
}

Result<StoredSurvey> SurveyService::Get(std::int64_t exercise_id, std::int64_t survey_id) {
    StoredSurvey survey;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto loaded = Load(connection, exercise_id, survey_id);
        if (!loaded) return tl::unexpected(loaded.error());
        survey = std::move(*loaded);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return survey;
}

Result<StoredSurvey> SurveyService::Insert(db::Connection& connection, std::int64_t exercise_id,
                                           const SurveyDefinition& definition, const audit::Actor& actor,
                                           const std::string& origin) {
    if (auto s = RequireFreeCode(connection, exercise_id, definition.code, 0); !s) return tl::unexpected(s.error());
    auto id = connection.QueryOne(
        kInsertSurvey, {exercise_id, definition.code, definition.title_ja, definition.title_en, definition.intro_ja,
                        definition.intro_en, std::string(RespondentName(definition.respondent)),
                        std::string(AnonymityName(definition.anonymity)), OptionalValue(definition.opens_at),
                        OptionalValue(definition.closes_at), NowText(clock_)});
    if (!id) return tl::unexpected(id.error());
    const std::int64_t survey_id = (*id)->Int(0);
    if (auto s = InsertQuestions(connection, survey_id, definition); !s) return tl::unexpected(s.error());
    nlohmann::json after = AuditSummary(definition);
    if (!origin.empty()) after["template"] = origin;
    if (auto s = Audit(connection, audit_, actor, exercise_id, "survey.create", survey_id, nullptr, after); !s) {
        return tl::unexpected(s.error());
    }
    return Load(connection, exercise_id, survey_id);
}

Result<StoredSurvey> SurveyService::Create(std::int64_t exercise_id, const SurveyDefinition& definition,
                                           const audit::Actor& actor) {
    if (auto valid = ValidateSurveyDefinition(definition); !valid) return tl::unexpected(valid.error());
    StoredSurvey created;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto survey = Insert(connection, exercise_id, definition, actor, "");
        if (!survey) return tl::unexpected(survey.error());
        created = std::move(*survey);
        return Ok();
    });
    if (!written) return tl::unexpected(written.error());
    return created;
}

Result<StoredSurvey> SurveyService::CreateFromTemplate(std::int64_t exercise_id, const std::string& template_code,
                                                       const std::optional<std::string>& code,
                                                       const audit::Actor& actor) {
    auto definition = SurveyTemplate(template_code);
    if (!definition) return tl::unexpected(definition.error());
    if (code) definition->code = *code;
    definition->opens_at.reset();
    definition->closes_at.reset();
    if (auto valid = ValidateSurveyDefinition(*definition); !valid) return tl::unexpected(valid.error());
    StoredSurvey created;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto survey = Insert(connection, exercise_id, *definition, actor, template_code);
        if (!survey) return tl::unexpected(survey.error());
        created = std::move(*survey);
        return Ok();
    });
    if (!written) return tl::unexpected(written.error());
    return created;
}

Result<StoredSurvey> SurveyService::Update(std::int64_t exercise_id, std::int64_t survey_id,
                                           const SurveyDefinition& definition, const audit::Actor& actor) {
    if (auto valid = ValidateSurveyDefinition(definition); !valid) return tl::unexpected(valid.error());
    StoredSurvey updated;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto current = Load(connection, exercise_id, survey_id);
        if (!current) return tl::unexpected(current.error());
        const SurveyDefinition& before = current->definition;
        const bool questions_changed = QuestionsWithoutIds(before) != QuestionsWithoutIds(definition);
        if (current->response_count > 0) {
            const auto locked = [](const std::string& field) {
                return Fail(ErrorCode::kConflict,
                            field + ": cannot change once the survey has responses (only titles, intro and dates can)",
                            field);
            };
            if (questions_changed) return locked("questions");
            if (before.code != definition.code) return locked("code");
            if (before.respondent != definition.respondent) return locked("respondent");
            if (before.anonymity != definition.anonymity) return locked("anonymity");
        }
        if (auto s = RequireFreeCode(connection, exercise_id, definition.code, survey_id); !s) return s;
        auto changed = connection.Execute(
            kUpdateSurvey, {survey_id, definition.code, definition.title_ja, definition.title_en, definition.intro_ja,
                            definition.intro_en, std::string(RespondentName(definition.respondent)),
                            std::string(AnonymityName(definition.anonymity)), OptionalValue(definition.opens_at),
                            OptionalValue(definition.closes_at), NowText(clock_)});
        if (!changed) return tl::unexpected(changed.error());
        if (questions_changed) {
            if (auto deleted = connection.Execute(kDeleteQuestions, {survey_id}); !deleted) {
                return tl::unexpected(deleted.error());
            }
            if (auto s = InsertQuestions(connection, survey_id, definition); !s) return s;
        }
        auto [audit_before, audit_after] = audit::ChangedFields(AuditSummary(before), AuditSummary(definition));
        if (questions_changed) {
            audit_before["questions_changed"] = false;
            audit_after["questions_changed"] = true;
        }
        if (auto s =
                Audit(connection, audit_, actor, exercise_id, "survey.update", survey_id, audit_before, audit_after);
            !s) {
            return s;
        }
        auto loaded = Load(connection, exercise_id, survey_id);
        if (!loaded) return tl::unexpected(loaded.error());
        updated = std::move(*loaded);
        return Ok();
    });
    if (!written) return tl::unexpected(written.error());
    return updated;
}

Result<StoredSurvey> SurveyService::SetWindow(std::int64_t exercise_id, std::int64_t survey_id, bool open,
                                              const audit::Actor& actor) {
    StoredSurvey updated;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto current = Load(connection, exercise_id, survey_id);
        if (!current) return tl::unexpected(current.error());
        const TimePoint now = clock_.Now();
        const std::string now_text = FormatTimestamp(now);
        SurveyDefinition window = current->definition;
        const SurveyState state = StateAt(window, now);
        if (open) {
            if (state != SurveyState::kOpen) window.opens_at = now_text;
            if (state == SurveyState::kClosed) window.closes_at.reset();
            if (window.closes_at) {
                TimePoint closes;
                ParseTimestamp(*window.closes_at, closes);
                if (closes <= now) window.closes_at.reset();
            }
        } else {
            if (state == SurveyState::kDraft) {
                return Fail(ErrorCode::kConflict, "status: a draft survey cannot be closed; open it first", "status");
            }
            if (state == SurveyState::kScheduled) {
                return Fail(ErrorCode::kConflict,
                            "status: the survey has not opened yet (it opens at " + *window.opens_at +
                                "); change its dates instead",
                            "status");
            }
            if (state != SurveyState::kClosed) window.closes_at = now_text;
        }
        auto changed = connection.Execute(
            kUpdateWindow, {survey_id, OptionalValue(window.opens_at), OptionalValue(window.closes_at), now_text});
        if (!changed) return tl::unexpected(changed.error());
        auto [before, after] = audit::ChangedFields(AuditSummary(current->definition), AuditSummary(window));
        if (auto s = Audit(connection, audit_, actor, exercise_id, open ? "survey.open" : "survey.close", survey_id,
                           before, after);
            !s) {
            return s;
        }
        auto loaded = Load(connection, exercise_id, survey_id);
        if (!loaded) return tl::unexpected(loaded.error());
        updated = std::move(*loaded);
        return Ok();
    });
    if (!written) return tl::unexpected(written.error());
    return updated;
}

Result<StoredSurvey> SurveyService::Open(std::int64_t exercise_id, std::int64_t survey_id, const audit::Actor& actor) {
    return SetWindow(exercise_id, survey_id, true, actor);
}

Result<StoredSurvey> SurveyService::Close(std::int64_t exercise_id, std::int64_t survey_id, const audit::Actor& actor) {
    return SetWindow(exercise_id, survey_id, false, actor);
}

Status SurveyService::Delete(std::int64_t exercise_id, std::int64_t survey_id, const audit::Actor& actor) {
    return database_.Write([&](db::Connection& connection) -> Status {
        auto current = Load(connection, exercise_id, survey_id);
        if (!current) return tl::unexpected(current.error());
        if (auto deleted = connection.Execute(kDeleteSurvey, {survey_id}); !deleted) {
            return tl::unexpected(deleted.error());
        }
        nlohmann::json before = AuditSummary(current->definition);
        before["responses"] = current->response_count;
        return Audit(connection, audit_, actor, exercise_id, "survey.delete", survey_id, before, nullptr);
    });
}

Result<bool> SurveyService::HasAnswered(std::int64_t survey_id, Respondent respondent_kind,
                                        const SurveyRespondent& respondent) {
    bool answered = false;
    const std::int64_t person_id = respondent_kind == Respondent::kPerson ? respondent.person_id : 0;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne(kSelectParticipation, {survey_id, respondent.organisation_id, person_id});
        if (!row) return tl::unexpected(row.error());
        answered = row->has_value();
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return answered;
}

Status SurveyService::Respond(std::int64_t exercise_id, std::int64_t survey_id, const SurveyRespondent& respondent,
                              const AnswerMap& answers, const audit::Actor& actor) {
    return database_.Write([&](db::Connection& connection) -> Status {
        auto survey = Load(connection, exercise_id, survey_id);
        if (!survey) return tl::unexpected(survey.error());
        const SurveyDefinition& definition = survey->definition;
        const TimePoint now = clock_.Now();
        switch (StateAt(definition, now)) {
            case SurveyState::kDraft:
                return Fail(ErrorCode::kNotFound, "no such survey", "survey_id");
            case SurveyState::kScheduled:
                return Fail(ErrorCode::kConflict, "status: the survey opens at " + *definition.opens_at, "status");
            case SurveyState::kClosed:
                return Fail(ErrorCode::kConflict, "status: the survey closed at " + *definition.closes_at, "status");
            case SurveyState::kOpen:
                break;
        }
        if (definition.respondent == Respondent::kOrganisation && !respondent.is_org_lead) {
            return Fail(ErrorCode::kForbidden, "the organisation's lead answers this survey for the organisation",
                        "survey_id");
        }
        auto stored = ValidateAnswers(definition, answers);
        if (!stored) return tl::unexpected(stored.error());
        auto organisation =
            connection.QueryOne(kSelectRespondentOrganisation, {respondent.organisation_id, exercise_id});
        if (!organisation) return tl::unexpected(organisation.error());
        if (!*organisation) return Fail(ErrorCode::kNotFound, "no such organisation", "organisation_id");
        const std::string sector_code = (*organisation)->Text(0);
        const std::string submitted_on = LocalDate(now, (*organisation)->Text(1));
        const std::int64_t participation_person =
            definition.respondent == Respondent::kPerson ? respondent.person_id : 0;
        auto participated =
            connection.Execute(kInsertParticipation, {survey_id, respondent.organisation_id, participation_person});
        if (!participated) return tl::unexpected(participated.error());
        if (*participated == 0) {
            return Fail(ErrorCode::kConflict,
                        definition.respondent == Respondent::kPerson
                            ? "you have already answered this survey"
                            : "your organisation has already answered this survey",
                        "survey_id");
        }
        std::int64_t response_id = 0;
        if (definition.anonymity == Anonymity::kAnonymous) {
            for (int attempt = 0; attempt < kRandomIdAttempts && response_id == 0; ++attempt) {
                const std::int64_t candidate = RandomResponseId();
                auto inserted =
                    connection.Execute(kInsertAnonymousResponse, {candidate, survey_id, sector_code, submitted_on});
                if (inserted) {
                    response_id = candidate;
                } else if (inserted.error().code != ErrorCode::kConflict) {
                    return tl::unexpected(inserted.error());
                }
            }
            if (response_id == 0) return Fail(ErrorCode::kInternal, "could not draw a free response id");
        } else {
            auto id = connection.QueryOne(kInsertNamedResponse, {survey_id, respondent.organisation_id,
                                                                 respondent.person_id, sector_code, submitted_on});
            if (!id) return tl::unexpected(id.error());
            response_id = (*id)->Int(0);
        }
        for (const SurveyQuestion& question : definition.questions) {
            auto answer = stored->find(question.code);
            if (answer == stored->end()) continue;
            auto inserted = connection.Execute(kInsertAnswer, {response_id, question.id, answer->second.dump()});
            if (!inserted) return tl::unexpected(inserted.error());
        }
        // The entry names the survey and who took part (as survey_participation does),
        // never the response.
        nlohmann::json after = {{"organisation_id", respondent.organisation_id}};
        if (definition.respondent == Respondent::kPerson) after["person_id"] = respondent.person_id;
        return Audit(connection, audit_, actor, exercise_id, "survey.respond", survey_id, nullptr, after);
    });
}

Result<nlohmann::json> SurveyService::Results(std::int64_t exercise_id, std::int64_t survey_id,
                                              const ResultsScope& scope) {
    nlohmann::json json;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto survey = Load(connection, exercise_id, survey_id);
        if (!survey) return tl::unexpected(survey.error());
        const SurveyDefinition& definition = survey->definition;
        const auto in_ministries = [&](const std::string& ministry) {
            return scope.all || std::find(scope.ministry_codes.begin(), scope.ministry_codes.end(), ministry) !=
                                    scope.ministry_codes.end();
        };
        std::set<std::string> sectors_in_scope;
        auto sectors = connection.Query(kSelectSectorMinistries);
        if (!sectors) return tl::unexpected(sectors.error());
        for (const db::Row& row : *sectors) {
            if (in_ministries(row.Text(1))) sectors_in_scope.insert(row.Text(0));
        }
        // Answers of the responses in scope, grouped by response (order is irrelevant:
        // aggregation counts and sorts).
        std::map<std::int64_t, AnswerMap> responses;
        auto response_rows = connection.Query(kSelectResponses, {survey_id});
        if (!response_rows) return tl::unexpected(response_rows.error());
        for (const db::Row& row : *response_rows) {
            if (sectors_in_scope.count(row.Text(1))) responses[row.Int(0)];
        }
        auto answer_rows = connection.Query(kSelectAnswers, {survey_id});
        if (!answer_rows) return tl::unexpected(answer_rows.error());
        for (const db::Row& row : *answer_rows) {
            auto response = responses.find(row.Int(0));
            if (response == responses.end()) continue;
            auto value = nlohmann::json::parse(row.Text(2), nullptr, false);
            if (!value.is_discarded()) response->second.emplace(row.Text(1), std::move(value));
        }
        std::vector<AnswerMap> answer_sets;
        answer_sets.reserve(responses.size());
        for (auto& [id, answers] : responses) answer_sets.push_back(std::move(answers));
        const bool suppressed = !scope.all && static_cast<std::int64_t>(answer_sets.size()) < kMinimumGroupSize;
        SurveyResults results = AggregateAnswers(definition, suppressed ? std::vector<AnswerMap>{} : answer_sets);
        json = SurveyResultsJson(results);
        json["responses"] = static_cast<std::int64_t>(answer_sets.size());
        if (suppressed) json["questions"] = nlohmann::json::array();

        std::vector<EligibleOrganisation> eligible;
        auto organisations = connection.Query(kSelectEligible, {exercise_id});
        if (!organisations) return tl::unexpected(organisations.error());
        std::set<std::int64_t> organisations_in_scope;
        for (const db::Row& row : *organisations) {
            if (!in_ministries(row.Text(3))) continue;
            eligible.push_back({row.Int(0), row.Text(1), row.Text(2), row.Int(4)});
            organisations_in_scope.insert(row.Int(0));
        }
        std::vector<Participation> participations;
        auto participation_rows = connection.Query(kSelectParticipations, {survey_id});
        if (!participation_rows) return tl::unexpected(participation_rows.error());
        for (const db::Row& row : *participation_rows) {
            if (organisations_in_scope.count(row.Int(0))) participations.push_back({row.Int(0), row.Int(1)});
        }
        const ResponseRates rates = ComputeResponseRates(definition.respondent, eligible, participations,
                                                         scope.all ? SmallGroups::kShow : SmallGroups::kSuppress);
        json["survey_id"] = survey_id;
        json["respondent"] = RespondentName(definition.respondent);
        json["anonymity"] = AnonymityName(definition.anonymity);
        json["suppressed"] = suppressed;
        json["minimum_group_size"] = kMinimumGroupSize;
        json["response_rates"] = ResponseRatesJson(rates);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return json;
}

Result<std::vector<NamedResponse>> SurveyService::NamedResponses(std::int64_t exercise_id, std::int64_t survey_id) {
    std::vector<NamedResponse> list;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto survey = Load(connection, exercise_id, survey_id);
        if (!survey) return tl::unexpected(survey.error());
        if (survey->definition.anonymity != Anonymity::kNamed) {
            return Fail(ErrorCode::kForbidden,
                        "survey_id: the survey is anonymous; its answers are only shown aggregated", "survey_id");
        }
        std::map<std::int64_t, std::size_t> index_of;
        auto rows = connection.Query(kSelectNamedResponses, {survey_id});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) {
            NamedResponse response;
            response.organisation_id = row.Int(1);
            response.organisation_name = row.Text(2);
            response.person_id = row.OptionalInt(3);
            response.person_name = row.Text(4);
            response.submitted_on = row.Text(5);
            index_of[row.Int(0)] = list.size();
            list.push_back(std::move(response));
        }
        auto answers = connection.Query(kSelectAnswers, {survey_id});
        if (!answers) return tl::unexpected(answers.error());
        for (const db::Row& row : *answers) {
            auto found = index_of.find(row.Int(0));
            if (found == index_of.end()) continue;
            auto value = nlohmann::json::parse(row.Text(2), nullptr, false);
            if (!value.is_discarded()) list[found->second].answers.emplace(row.Text(1), std::move(value));
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return list;
}

}  // namespace enshu::evaluation
