#include "evaluation/readiness_survey.hpp"

#include <set>

namespace enshu::evaluation {
namespace {

// Items of a part with their scale's option codes, in display order.
constexpr std::string_view kSelectItems =
    "SELECT i.id, o.code FROM ref_readiness_item i JOIN ref_answer_option o ON o.scale_code = i.scale_code "
    "WHERE i.timing = $1 ORDER BY i.sort_order, o.position";
constexpr std::string_view kSelectResponse =
    "SELECT status, submitted_at, updated_at FROM readiness_response WHERE exercise_id = $1 AND organisation_id = $2 "
    "AND part = $3";
constexpr std::string_view kSelectAnswers =
    "SELECT a.item_id, a.option_code FROM readiness_answer a JOIN ref_readiness_item i ON i.id = a.item_id "
    "WHERE a.exercise_id = $1 AND a.organisation_id = $2 AND i.timing = $3";
constexpr std::string_view kDeleteAnswers =
    "DELETE FROM readiness_answer WHERE exercise_id = $1 AND organisation_id = $2 AND item_id IN "
    "(SELECT id FROM ref_readiness_item WHERE timing = $3)";
constexpr std::string_view kInsertAnswer =
    "INSERT INTO readiness_answer (exercise_id, organisation_id, item_id, option_code, updated_at) "
    "VALUES ($1, $2, $3, $4, $5)";
constexpr std::string_view kUpsertResponse =
    "INSERT INTO readiness_response (exercise_id, organisation_id, part, status, submitted_at, submitted_by_user_id, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (exercise_id, organisation_id, part) DO UPDATE SET "
    "status = excluded.status, submitted_at = excluded.submitted_at, "
    "submitted_by_user_id = excluded.submitted_by_user_id, updated_at = excluded.updated_at";
constexpr std::string_view kReopenResponse =
    "UPDATE readiness_response SET status = 'draft', updated_at = $4 WHERE exercise_id = $1 AND organisation_id = $2 "
    "AND part = $3 AND status = 'submitted'";

constexpr std::size_t kMaxAnswers = 200;

using ItemOptions = std::vector<std::pair<std::string, std::vector<std::string>>>;  // in display order

Result<ItemOptions> LoadItems(db::Connection& connection, ReadinessPart part) {
    auto rows = connection.Query(kSelectItems, {std::string(ReadinessPartName(part))});
    if (!rows) return tl::unexpected(rows.error());
    ItemOptions items;
    for (const db::Row& row : *rows) {
        if (items.empty() || items.back().first != row.Text(0)) items.push_back({row.Text(0), {}});
        items.back().second.push_back(row.Text(1));
    }
    return items;
}

std::string Joined(const std::vector<std::string>& values) {
    std::string text;
    for (const auto& value : values) text += (text.empty() ? "" : ", ") + value;
    return text;
}

nlohmann::json OptionalJson(const std::optional<std::string>& text) {
    return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

}  // namespace

std::string_view ReadinessPartName(ReadinessPart part) { return part == ReadinessPart::kBefore ? "before" : "day_of"; }

std::optional<ReadinessPart> ParseReadinessPart(std::string_view name) {
    if (name == "before") return ReadinessPart::kBefore;
    if (name == "day_of") return ReadinessPart::kDayOf;
    return std::nullopt;
}

Instrument InstrumentOfPart(ReadinessPart part) {
    return part == ReadinessPart::kBefore ? Instrument::kReadinessBefore : Instrument::kReadinessDayOf;
}

nlohmann::json ReadinessJson(const ReadinessState& state, TimePoint now) {
    return {{"part", ReadinessPartName(state.part)},
            {"status", AnswerStatusName(state.status)},
            {"submitted_at", OptionalJson(state.submitted_at)},
            {"updated_at", OptionalJson(state.updated_at)},
            {"answers", state.answers},
            {"missing", state.missing},
            {"window",
             {{"opens_at", OptionalJson(state.window.opens_at)},
              {"closes_at", OptionalJson(state.window.closes_at)},
              {"open", IsWindowOpen(state.window, now)}}}};
}

ReadinessService::ReadinessService(db::Database& database, const Clock& clock, const audit::AuditLog& audit)
    : database_(database), clock_(clock), audit_(audit) {}

Result<ReadinessState> ReadinessService::Load(db::Connection& connection, const OrganisationFacts& organisation,
                                              ReadinessPart part) {
    ReadinessState state;
    state.part = part;
    const std::string part_name(ReadinessPartName(part));
    auto response = connection.QueryOne(kSelectResponse, {organisation.exercise_id, organisation.id, part_name});
    if (!response) return tl::unexpected(response.error());
    if (*response) {
        state.status = ParseStoredStatus((*response)->Text(0));
        state.submitted_at = (*response)->OptionalText(1);
        state.updated_at = (*response)->Text(2);
    }
    auto answers = connection.Query(kSelectAnswers, {organisation.exercise_id, organisation.id, part_name});
    if (!answers) return tl::unexpected(answers.error());
    for (const db::Row& row : *answers) state.answers[row.Text(0)] = row.Text(1);
    auto items = LoadItems(connection, part);
    if (!items) return tl::unexpected(items.error());
    for (const auto& [item_id, options] : *items) {
        if (!state.answers.count(item_id)) state.missing.push_back(item_id);
    }
    auto window = LoadWindow(connection, organisation.exercise_id, InstrumentOfPart(part));
    if (!window) return tl::unexpected(window.error());
    state.window = *window;
    return state;
}

Result<ReadinessState> ReadinessService::Get(const OrganisationFacts& organisation, ReadinessPart part) {
    ReadinessState state;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto loaded = Load(connection, organisation, part);
        if (!loaded) return tl::unexpected(loaded.error());
        state = std::move(*loaded);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return state;
}

Checked<ReadinessState> ReadinessService::Save(const OrganisationFacts& organisation, ReadinessPart part,
                                               const std::map<std::string, std::string>& answers, SaveMode mode,
                                               std::optional<std::int64_t> user_id, const audit::Actor& actor) {
    if (answers.size() > kMaxAnswers) {
        return Refuse(Error{ErrorCode::kPayloadTooLarge, "answers: more than 200 entries", "answers"});
    }
    const std::string part_name(ReadinessPartName(part));
    std::optional<Refusal> refusal;
    ReadinessState state;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto current = Load(connection, organisation, part);
        if (!current) return tl::unexpected(current.error());
        const TimePoint now = clock_.Now();
        if (auto open = RequireWindowOpen(current->window, now); !open) return open;
        if (current->status == AnswerStatus::kSubmitted) {
            return Fail(ErrorCode::kConflict,
                        "the readiness survey (" + part_name + ") is submitted; ask the organiser to reopen it",
                        "status");
        }
        auto items = LoadItems(connection, part);
        if (!items) return tl::unexpected(items.error());
        std::vector<FieldProblem> problems;
        std::set<std::string> known;
        for (const auto& [item_id, options] : *items) {
            known.insert(item_id);
            auto answer = answers.find(item_id);
            if (answer == answers.end()) {
                if (mode == SaveMode::kSubmit) problems.push_back({"answers." + item_id, "unanswered"});
                continue;
            }
            if (std::find(options.begin(), options.end(), answer->second) == options.end()) {
                problems.push_back({"answers." + item_id, "'" + answer->second + "' is not one of " + Joined(options)});
            }
        }
        for (const auto& [item_id, code] : answers) {
            if (!known.count(item_id)) {
                problems.push_back({"answers." + item_id, "not an item of the " + part_name + " survey"});
            }
        }
        if (!problems.empty()) {
            refusal = RefuseProblems("readiness survey (" + part_name + ")", std::move(problems)).value();
            return Fail(ErrorCode::kUnprocessable, "refused");
        }
        const std::string now_text = FormatTimestamp(now);
        if (auto deleted = connection.Execute(kDeleteAnswers, {organisation.exercise_id, organisation.id, part_name});
            !deleted) {
            return tl::unexpected(deleted.error());
        }
        for (const auto& [item_id, code] : answers) {
            auto inserted =
                connection.Execute(kInsertAnswer, {organisation.exercise_id, organisation.id, item_id, code, now_text});
            if (!inserted) return tl::unexpected(inserted.error());
        }
        const bool submit = mode == SaveMode::kSubmit;
        auto stored = connection.Execute(
            kUpsertResponse, {organisation.exercise_id, organisation.id, part_name,
                              std::string(submit ? "submitted" : "draft"), submit ? db::Value(now_text) : db::Value(),
                              submit && user_id ? db::Value(*user_id) : db::Value(), now_text});
        if (!stored) return tl::unexpected(stored.error());
        auto after = Load(connection, organisation, part);
        if (!after) return tl::unexpected(after.error());
        state = std::move(*after);
        audit::AuditEntry entry{
            organisation.exercise_id,
            submit ? "readiness.submit" : "readiness.save",
            "organisation",
            std::to_string(organisation.id),
            {{"answers", current->answers}, {"status", AnswerStatusName(current->status)}},
            {{"part", part_name}, {"answers", state.answers}, {"status", AnswerStatusName(state.status)}}};
        return audit_.Append(connection, actor, entry);
    });
    if (refusal) return tl::unexpected(std::move(*refusal));
    if (!written) return Refuse(written.error());
    return state;
}

Result<ReadinessState> ReadinessService::Reopen(const OrganisationFacts& organisation, ReadinessPart part,
                                                const audit::Actor& actor) {
    const std::string part_name(ReadinessPartName(part));
    ReadinessState state;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto changed = connection.Execute(
            kReopenResponse, {organisation.exercise_id, organisation.id, part_name, FormatTimestamp(clock_.Now())});
        if (!changed) return tl::unexpected(changed.error());
        if (*changed == 0) {
            return Fail(ErrorCode::kConflict, "the readiness survey (" + part_name + ") is not submitted", "status");
        }
        auto after = Load(connection, organisation, part);
        if (!after) return tl::unexpected(after.error());
        state = std::move(*after);
        audit::AuditEntry entry{organisation.exercise_id,
                                "readiness.reopen",
                                "organisation",
                                std::to_string(organisation.id),
                                {{"part", part_name}, {"status", "submitted"}},
                                {{"part", part_name}, {"status", "draft"}}};
        return audit_.Append(connection, actor, entry);
    });
    if (!written) return tl::unexpected(written.error());
    return state;
}

}  // namespace enshu::evaluation
