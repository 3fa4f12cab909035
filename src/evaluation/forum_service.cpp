#include "evaluation/forum_service.hpp"

#include <map>
#include <set>
#include <string_view>

#include "exercise/field_validation.hpp"

namespace enshu::evaluation {
namespace {

constexpr std::string_view kSessionColumns =
    "s.id, s.exercise_id, s.kind, s.title_ja, s.title_en, s.starts_at, s.ends_at, s.format, s.location, s.capacity, "
    "s.themes, s.experts, s.survey_id, s.created_at, s.updated_at, "
    "(SELECT COUNT(DISTINCT r.organisation_id) FROM forum_registration r WHERE r.session_id = s.id), "
    "(SELECT COUNT(*) FROM forum_registration r WHERE r.session_id = s.id), "
    "(SELECT COUNT(DISTINCT r.organisation_id) FROM forum_registration r WHERE r.session_id = s.id AND r.attended = "
    "1), "
    "(SELECT COUNT(*) FROM forum_registration r WHERE r.session_id = s.id AND r.attended = 1)";
const std::string kSelectSession = std::string("SELECT ") + std::string(kSessionColumns) +
                                   " FROM forum_session s WHERE s.id = $1 AND s.exercise_id = $2";
const std::string kListSessions = std::string("SELECT ") + std::string(kSessionColumns) +
                                  " FROM forum_session s WHERE s.exercise_id = $1 ORDER BY s.starts_at, s.id";
constexpr std::string_view kInsertSession =
    "INSERT INTO forum_session (exercise_id, kind, title_ja, title_en, starts_at, ends_at, format, location, capacity, "
    "themes, experts, survey_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
    "$13, $13) RETURNING id";
constexpr std::string_view kUpdateSession =
    "UPDATE forum_session SET kind = $2, title_ja = $3, title_en = $4, starts_at = $5, ends_at = $6, format = $7, "
    "location = $8, capacity = $9, themes = $10, experts = $11, survey_id = $12, updated_at = $13 WHERE id = $1";
constexpr std::string_view kDeleteSession = "DELETE FROM forum_session WHERE id = $1";
constexpr std::string_view kSurveyInExercise = "SELECT 1 FROM survey WHERE id = $1 AND exercise_id = $2";
constexpr std::string_view kTotals =
    "SELECT s.kind, COUNT(DISTINCT s.id), COUNT(DISTINCT r.organisation_id), COUNT(DISTINCT r.person_id), "
    "COUNT(DISTINCT CASE WHEN r.attended = 1 THEN r.organisation_id END), "
    "COUNT(DISTINCT CASE WHEN r.attended = 1 THEN r.person_id END) FROM forum_session s LEFT JOIN forum_registration r "
    "ON r.session_id = s.id WHERE s.exercise_id = $1 GROUP BY s.kind ORDER BY s.kind";
constexpr std::string_view kSelectRegistrations =
    "SELECT r.person_id, p.display_name, r.organisation_id, o.name, o.sector_code, o.ministry_code, r.attended, "
    "r.registered_at FROM forum_registration r JOIN person p ON p.id = r.person_id JOIN organisation o ON o.id = "
    "r.organisation_id WHERE r.session_id = $1 ORDER BY o.name, p.display_name, r.person_id";
constexpr std::string_view kSelectPerson =
    "SELECT p.organisation_id, p.display_name, o.name, o.sector_code FROM person p JOIN organisation o ON o.id = "
    "p.organisation_id WHERE p.id = $1 AND p.exercise_id = $2";
constexpr std::string_view kCountRegistered = "SELECT COUNT(*) FROM forum_registration WHERE session_id = $1";
constexpr std::string_view kInsertRegistration =
    "INSERT INTO forum_registration (session_id, person_id, organisation_id, attended, registered_at) "
    "VALUES ($1, $2, $3, NULL, $4) ON CONFLICT (session_id, person_id) DO NOTHING";
constexpr std::string_view kSelectRegistration =
    "SELECT organisation_id FROM forum_registration WHERE session_id = $1 AND person_id = $2";
constexpr std::string_view kDeleteRegistration =
    "DELETE FROM forum_registration WHERE session_id = $1 AND person_id = $2";
constexpr std::string_view kUpdateAttendance =
    "UPDATE forum_registration SET attended = $3 WHERE session_id = $1 AND person_id = $2";

const std::vector<std::string>& Kinds() {
    static const std::vector<std::string> kinds = {"roundtable", "feedback"};
    return kinds;
}
const std::vector<std::string>& Formats() {
    static const std::vector<std::string> formats = {"venue", "web", "hybrid"};
    return formats;
}

bool OneOf(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

tl::unexpected<Error> Invalid(const std::string& field, const std::string& problem) {
    return Fail(ErrorCode::kInvalidArgument, field + ": " + problem, field);
}

Status Check(std::string_view value, const std::string& field, std::size_t min, std::size_t max) {
    if (auto error = exercise::CheckText(value, field, min, max)) return tl::unexpected(*error);
    return Ok();
}

Result<std::vector<std::string>> StringList(const nlohmann::json& json, const std::string& member, std::size_t max) {
    std::vector<std::string> list;
    auto found = json.find(member);
    if (found == json.end() || found->is_null()) return list;
    if (!found->is_array()) return Invalid(member, "expected an array of strings");
    if (found->size() > max) return Invalid(member, "at most " + std::to_string(max) + " entries");
    for (std::size_t i = 0; i < found->size(); ++i) {
        if (!(*found)[i].is_string()) return Invalid(member + "[" + std::to_string(i) + "]", "expected a string");
        list.push_back((*found)[i].get<std::string>());
    }
    return list;
}

std::vector<std::string> ListFromColumn(const std::string& text) {
    std::vector<std::string> list;
    auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_array()) return list;
    for (const auto& item : json) {
        if (item.is_string()) list.push_back(item.get<std::string>());
    }
    return list;
}

db::Value OptionalInt(const std::optional<std::int64_t>& value) { return value ? db::Value(*value) : db::Value(); }

db::Params SessionParams(std::int64_t first, const ForumSessionInput& input, const std::string& now) {
    return {first,
            input.kind,
            input.title_ja,
            input.title_en,
            input.starts_at,
            input.ends_at,
            input.format,
            input.location,
            OptionalInt(input.capacity),
            nlohmann::json(input.themes).dump(),
            nlohmann::json(input.experts).dump(),
            OptionalInt(input.survey_id),
            now};
}

nlohmann::json AuditSummary(const ForumSessionInput& input) {
    return {{"kind", input.kind},
            {"title_ja", input.title_ja},
            {"title_en", input.title_en},
            {"starts_at", input.starts_at},
            {"ends_at", input.ends_at},
            {"format", input.format},
            {"location", input.location},
            {"capacity", input.capacity ? nlohmann::json(*input.capacity) : nlohmann::json(nullptr)},
            {"themes", input.themes},
            {"experts", input.experts},
            {"survey_id", input.survey_id ? nlohmann::json(*input.survey_id) : nlohmann::json(nullptr)}};
}

ForumSession SessionFromRow(const db::Row& row) {
    ForumSession session;
    session.id = row.Int(0);
    session.exercise_id = row.Int(1);
    ForumSessionInput& input = session.input;
    input.kind = row.Text(2);
    input.title_ja = row.Text(3);
    input.title_en = row.Text(4);
    input.starts_at = row.Text(5);
    input.ends_at = row.Text(6);
    input.format = row.Text(7);
    input.location = row.Text(8);
    input.capacity = row.OptionalInt(9);
    input.themes = ListFromColumn(row.Text(10));
    input.experts = ListFromColumn(row.Text(11));
    input.survey_id = row.OptionalInt(12);
    session.created_at = row.Text(13);
    session.updated_at = row.Text(14);
    session.counts = {row.Int(15), row.Int(16), row.Int(17), row.Int(18)};
    return session;
}

nlohmann::json CountsJson(const ForumCounts& counts) {
    return {{"organisations_registered", counts.organisations_registered},
            {"people_registered", counts.people_registered},
            {"organisations_attended", counts.organisations_attended},
            {"people_attended", counts.people_attended}};
}

Status AuditSession(db::Connection& connection, const audit::AuditLog& audit, const audit::Actor& actor,
                    std::int64_t exercise_id, const std::string& action, std::int64_t session_id, nlohmann::json before,
                    nlohmann::json after) {
    audit::AuditEntry entry{exercise_id,       action,          "forum_session", std::to_string(session_id),
                            std::move(before), std::move(after)};
    return audit.Append(connection, actor, entry);
}

}  // namespace

Result<ForumSessionInput> ParseForumSession(const nlohmann::json& json) {
    if (!json.is_object()) return Invalid("body", "expected a JSON object");
    if (auto s = exercise::RejectUnknownMembers(json,
                                                {"kind", "title", "starts_at", "ends_at", "format", "location",
                                                 "capacity", "themes", "experts", "survey_id"},
                                                {"id", "exercise_id", "counts", "created_at", "updated_at"});
        !s) {
        return tl::unexpected(s.error());
    }
    ForumSessionInput input;
    for (auto [member, target] : {std::pair{"kind", &input.kind}, std::pair{"starts_at", &input.starts_at},
                                  std::pair{"ends_at", &input.ends_at}, std::pair{"format", &input.format},
                                  std::pair{"location", &input.location}}) {
        auto value = exercise::OptionalString(json, member, member);
        if (!value) return tl::unexpected(value.error());
        *target = value->value_or("");
    }
    if (auto title = json.find("title"); title != json.end() && !title->is_null()) {
        if (!title->is_object()) return Invalid("title", "expected {\"ja\",\"en\"}");
        for (auto [member, target] : {std::pair{"ja", &input.title_ja}, std::pair{"en", &input.title_en}}) {
            auto value = exercise::OptionalString(*title, member, std::string("title.") + member);
            if (!value) return tl::unexpected(value.error());
            *target = value->value_or("");
        }
    }
    auto capacity = exercise::OptionalInteger(json, "capacity", "capacity");
    if (!capacity) return tl::unexpected(capacity.error());
    input.capacity = *capacity;
    auto survey = exercise::OptionalInteger(json, "survey_id", "survey_id");
    if (!survey) return tl::unexpected(survey.error());
    input.survey_id = *survey;
    auto themes = StringList(json, "themes", kMaxForumThemes);
    if (!themes) return tl::unexpected(themes.error());
    input.themes = std::move(*themes);
    auto experts = StringList(json, "experts", kMaxForumExperts);
    if (!experts) return tl::unexpected(experts.error());
    input.experts = std::move(*experts);
    if (auto valid = ValidateForumSession(input); !valid) return tl::unexpected(valid.error());
    return input;
}

Status ValidateForumSession(const ForumSessionInput& input) {
    if (!OneOf(Kinds(), input.kind)) return Invalid("kind", "must be roundtable or feedback");
    if (auto s = Check(input.title_ja, "title.ja", 1, 200); !s) return s;
    if (auto s = Check(input.title_en, "title.en", 0, 200); !s) return s;
    const auto is_local_time = [](const std::string& text) {
        return text.size() == 16 && exercise::IsPhaseDateTime(text);
    };
    if (!is_local_time(input.starts_at)) return Invalid("starts_at", "must be a local time like 2023-12-14T13:00");
    if (!is_local_time(input.ends_at)) return Invalid("ends_at", "must be a local time like 2023-12-14T15:30");
    if (input.ends_at <= input.starts_at) return Invalid("ends_at", "must be after starts_at");
    if (!OneOf(Formats(), input.format)) return Invalid("format", "must be venue, web or hybrid");
    if (auto s = Check(input.location, "location", 0, kMaxForumLocationCharacters); !s) return s;
    if (input.capacity && (*input.capacity < 1 || *input.capacity > kMaxForumCapacity)) {
        return Invalid("capacity", "must be 1..100000 people, or null for no limit");
    }
    for (auto [list, name] : {std::pair{&input.themes, "themes"}, std::pair{&input.experts, "experts"}}) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            if (auto s = Check((*list)[i], std::string(name) + "[" + std::to_string(i) + "]", 1,
                               kMaxForumListItemCharacters);
                !s) {
                return s;
            }
        }
    }
    if (input.themes.size() > kMaxForumThemes) return Invalid("themes", "at most 20 themes");
    if (input.experts.size() > kMaxForumExperts) return Invalid("experts", "at most 50 experts");
    return Ok();
}

nlohmann::json ForumSessionJson(const ForumSession& session) {
    const ForumSessionInput& input = session.input;
    return {{"id", session.id},
            {"exercise_id", session.exercise_id},
            {"kind", input.kind},
            {"title", {{"ja", input.title_ja}, {"en", input.title_en}}},
            {"starts_at", input.starts_at},
            {"ends_at", input.ends_at},
            {"format", input.format},
            {"location", input.location},
            {"capacity", input.capacity ? nlohmann::json(*input.capacity) : nlohmann::json(nullptr)},
            {"themes", input.themes},
            {"experts", input.experts},
            {"survey_id", input.survey_id ? nlohmann::json(*input.survey_id) : nlohmann::json(nullptr)},
            {"counts", CountsJson(session.counts)},
            {"created_at", session.created_at},
            {"updated_at", session.updated_at}};
}

nlohmann::json ForumRegistrationJson(const ForumRegistration& registration) {
    return {{"person_id", registration.person_id},
            {"person_name", registration.person_name},
            {"organisation_id", registration.organisation_id},
            {"organisation_name", registration.organisation_name},
            {"sector_code", registration.sector_code},
            {"attended", registration.attended ? nlohmann::json(*registration.attended) : nlohmann::json(nullptr)},
            {"registered_at", registration.registered_at}};
}

nlohmann::json ForumTotalsJson(const std::vector<ForumTotals>& totals) {
    nlohmann::json json = nlohmann::json::array();
    for (const ForumTotals& total : totals) {
        json.push_back({{"kind", total.kind}, {"sessions", total.sessions}, {"counts", CountsJson(total.counts)}});
    }
    return json;
}

ForumService::ForumService(db::Database& database, const Clock& clock, const audit::AuditLog& audit)
    : database_(database), clock_(clock), audit_(audit) {}

Result<ForumSession> ForumService::Load(db::Connection& connection, std::int64_t exercise_id, std::int64_t session_id) {
    auto row = connection.QueryOne(kSelectSession, {session_id, exercise_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return Fail(ErrorCode::kNotFound, "no such session", "session_id");
    return SessionFromRow(**row);
}

Status ForumService::CheckSurvey(db::Connection& connection, std::int64_t exercise_id, const ForumSessionInput& input) {
    if (!input.survey_id) return Ok();
    auto row = connection.QueryOne(kSurveyInExercise, {*input.survey_id, exercise_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return Invalid("survey_id", "no such survey in this exercise");
    return Ok();
}

Result<std::vector<ForumSession>> ForumService::List(std::int64_t exercise_id) {
    std::vector<ForumSession> sessions;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto rows = connection.Query(kListSessions, {exercise_id});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) sessions.push_back(SessionFromRow(row));
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return sessions;
}

Result<std::vector<ForumTotals>> ForumService::Totals(std::int64_t exercise_id) {
    std::vector<ForumTotals> totals;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto rows = connection.Query(kTotals, {exercise_id});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) {
            totals.push_back({row.Text(0), row.Int(1), {row.Int(2), row.Int(3), row.Int(4), row.Int(5)}});
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return totals;
}

Result<ForumSession> ForumService::Get(std::int64_t exercise_id, std::int64_t session_id) {
    ForumSession session;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto loaded = Load(connection, exercise_id, session_id);
        if (!loaded) return tl::unexpected(loaded.error());
        session = std::move(*loaded);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return session;
}

Result<ForumSession> ForumService::Create(std::int64_t exercise_id, const ForumSessionInput& input,
                                          const audit::Actor& actor) {
    if (auto valid = ValidateForumSession(input); !valid) return tl::unexpected(valid.error());
    ForumSession created;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        if (auto s = CheckSurvey(connection, exercise_id, input); !s) return s;
        auto id = connection.QueryOne(kInsertSession, SessionParams(exercise_id, input, FormatTimestamp(clock_.Now())));
        if (!id) return tl::unexpected(id.error());
        const std::int64_t session_id = (*id)->Int(0);
        if (auto s = AuditSession(connection, audit_, actor, exercise_id, "forum_session.create", session_id, nullptr,
                                  AuditSummary(input));
            !s) {
            return s;
        }
        auto loaded = Load(connection, exercise_id, session_id);
        if (!loaded) return tl::unexpected(loaded.error());
        created = std::move(*loaded);
        return Ok();
    });
    if (!written) return tl::unexpected(written.error());
    return created;
}

Result<ForumSession> ForumService::Update(std::int64_t exercise_id, std::int64_t session_id,
                                          const ForumSessionInput& input, const audit::Actor& actor) {
    if (auto valid = ValidateForumSession(input); !valid) return tl::unexpected(valid.error());
    ForumSession updated;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto current = Load(connection, exercise_id, session_id);
        if (!current) return tl::unexpected(current.error());
        if (auto s = CheckSurvey(connection, exercise_id, input); !s) return s;
        if (input.capacity && *input.capacity < current->counts.people_registered) {
            return Fail(ErrorCode::kConflict,
                        "capacity: " + std::to_string(current->counts.people_registered) +
                            " people are registered already; cancel registrations first",
                        "capacity");
        }
        db::Params params = SessionParams(session_id, input, FormatTimestamp(clock_.Now()));
        if (auto changed = connection.Execute(kUpdateSession, params); !changed) {
            return tl::unexpected(changed.error());
        }
        auto [before, after] = audit::ChangedFields(AuditSummary(current->input), AuditSummary(input));
        if (auto s =
                AuditSession(connection, audit_, actor, exercise_id, "forum_session.update", session_id, before, after);
            !s) {
            return s;
        }
        auto loaded = Load(connection, exercise_id, session_id);
        if (!loaded) return tl::unexpected(loaded.error());
        updated = std::move(*loaded);
        return Ok();
    });
    if (!written) return tl::unexpected(written.error());
    return updated;
}

Status ForumService::Delete(std::int64_t exercise_id, std::int64_t session_id, const audit::Actor& actor) {
    return database_.Write([&](db::Connection& connection) -> Status {
        auto current = Load(connection, exercise_id, session_id);
        if (!current) return tl::unexpected(current.error());
        if (auto deleted = connection.Execute(kDeleteSession, {session_id}); !deleted) {
            return tl::unexpected(deleted.error());
        }
        nlohmann::json before = AuditSummary(current->input);
        before["people_registered"] = current->counts.people_registered;
        return AuditSession(connection, audit_, actor, exercise_id, "forum_session.delete", session_id, before,
                            nullptr);
    });
}

Result<std::vector<ForumRegistration>> ForumService::Registrations(std::int64_t exercise_id, std::int64_t session_id,
                                                                   const RegistrationScope& scope) {
    std::vector<ForumRegistration> registrations;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto session = Load(connection, exercise_id, session_id);
        if (!session) return tl::unexpected(session.error());
        auto rows = connection.Query(kSelectRegistrations, {session_id});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) {
            const bool visible = scope.all || (scope.organisation_id && *scope.organisation_id == row.Int(2)) ||
                                 std::find(scope.ministry_codes.begin(), scope.ministry_codes.end(), row.Text(5)) !=
                                     scope.ministry_codes.end();
            if (!visible) continue;
            ForumRegistration registration;
            registration.person_id = row.Int(0);
            registration.person_name = row.Text(1);
            registration.organisation_id = row.Int(2);
            registration.organisation_name = row.Text(3);
            registration.sector_code = row.Text(4);
            if (!row.IsNull(6)) registration.attended = row.Int(6) != 0;
            registration.registered_at = row.Text(7);
            registrations.push_back(std::move(registration));
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return registrations;
}

Result<ForumRegistration> ForumService::Register(std::int64_t exercise_id, std::int64_t session_id,
                                                 std::int64_t person_id, std::optional<std::int64_t> organisation_id,
                                                 const audit::Actor& actor) {
    ForumRegistration registration;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto session = Load(connection, exercise_id, session_id);
        if (!session) return tl::unexpected(session.error());
        auto person = connection.QueryOne(kSelectPerson, {person_id, exercise_id});
        if (!person) return tl::unexpected(person.error());
        if (!*person || (organisation_id && (*person)->Int(0) != *organisation_id)) {
            return Fail(ErrorCode::kNotFound, "no such person in your organisation", "person_id");
        }
        if (session->input.capacity) {
            auto count = connection.QueryOne(kCountRegistered, {session_id});
            if (!count) return tl::unexpected(count.error());
            if ((*count)->Int(0) >= *session->input.capacity) {
                return Fail(ErrorCode::kConflict,
                            "capacity: the session is full (" + std::to_string(*session->input.capacity) + " people)",
                            "capacity");
            }
        }
        const std::string now = FormatTimestamp(clock_.Now());
        auto inserted = connection.Execute(kInsertRegistration, {session_id, person_id, (*person)->Int(0), now});
        if (!inserted) return tl::unexpected(inserted.error());
        if (*inserted == 0) {
            return Fail(ErrorCode::kConflict, "person_id: already registered for this session", "person_id");
        }
        registration = {
            person_id, (*person)->Text(1), (*person)->Int(0), (*person)->Text(2), (*person)->Text(3), std::nullopt,
            now};
        return AuditSession(connection, audit_, actor, exercise_id, "forum_registration.create", session_id, nullptr,
                            {{"person_id", person_id}, {"organisation_id", registration.organisation_id}});
    });
    if (!written) return tl::unexpected(written.error());
    return registration;
}

Status ForumService::Cancel(std::int64_t exercise_id, std::int64_t session_id, std::int64_t person_id,
                            std::optional<std::int64_t> organisation_id, const audit::Actor& actor) {
    return database_.Write([&](db::Connection& connection) -> Status {
        auto session = Load(connection, exercise_id, session_id);
        if (!session) return tl::unexpected(session.error());
        auto existing = connection.QueryOne(kSelectRegistration, {session_id, person_id});
        if (!existing) return tl::unexpected(existing.error());
        if (!*existing || (organisation_id && (*existing)->Int(0) != *organisation_id)) {
            return Fail(ErrorCode::kNotFound, "no such registration", "person_id");
        }
        if (auto deleted = connection.Execute(kDeleteRegistration, {session_id, person_id}); !deleted) {
            return tl::unexpected(deleted.error());
        }
        return AuditSession(connection, audit_, actor, exercise_id, "forum_registration.delete", session_id,
                            {{"person_id", person_id}, {"organisation_id", (*existing)->Int(0)}}, nullptr);
    });
}

Result<ForumCounts> ForumService::RecordAttendance(std::int64_t exercise_id, std::int64_t session_id,
                                                   const std::vector<AttendanceEntry>& entries,
                                                   const audit::Actor& actor) {
    if (entries.size() > kMaxAttendanceEntries) return Invalid("attendance", "at most 2000 entries");
    ForumCounts counts;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto session = Load(connection, exercise_id, session_id);
        if (!session) return tl::unexpected(session.error());
        nlohmann::json changes = nlohmann::json::array();
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const AttendanceEntry& entry = entries[i];
            const db::Value value = entry.attended ? db::Value(std::int64_t{*entry.attended ? 1 : 0}) : db::Value();
            auto changed = connection.Execute(kUpdateAttendance, {session_id, entry.person_id, value});
            if (!changed) return tl::unexpected(changed.error());
            if (*changed == 0) {
                return Invalid("attendance[" + std::to_string(i) + "].person_id",
                               "person " + std::to_string(entry.person_id) + " is not registered for this session");
            }
            changes.push_back(
                {{"person_id", entry.person_id},
                 {"attended", entry.attended ? nlohmann::json(*entry.attended) : nlohmann::json(nullptr)}});
        }
        if (auto s = AuditSession(connection, audit_, actor, exercise_id, "forum_attendance.update", session_id,
                                  nullptr, {{"attendance", changes}});
            !s) {
            return s;
        }
        auto loaded = Load(connection, exercise_id, session_id);
        if (!loaded) return tl::unexpected(loaded.error());
        counts = loaded->counts;
        return Ok();
    });
    if (!written) return tl::unexpected(written.error());
    return counts;
}

}  // namespace enshu::evaluation
