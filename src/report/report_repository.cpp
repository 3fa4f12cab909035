#include "report/report_repository.hpp"

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string_view>

#include "live/play_metrics.hpp"

namespace enshu::report {
namespace {

constexpr std::string_view kSectors =
    "SELECT code, ministry_code, name_ja, name_en FROM ref_sector ORDER BY sort_order, code";
constexpr std::string_view kMinistries = "SELECT code, name_ja, name_en FROM ref_ministry ORDER BY sort_order, code";
constexpr std::string_view kObjectives =
    "SELECT id, title_ja, title_en, action_plan_item FROM ref_objective ORDER BY id";
constexpr std::string_view kReadinessItems =
    "SELECT id, area_code, area_ja, area_en, text_ja, text_en, timing, scale_code, measure, yes_label_ja, "
    "yes_label_en FROM ref_readiness_item ORDER BY sort_order, id";
constexpr std::string_view kAnswerOptions =
    "SELECT scale_code, code, counts_as_yes, degree, is_no_answer, label_ja, label_en FROM ref_answer_option "
    "ORDER BY scale_code, position";

constexpr std::string_view kExercise =
    "SELECT id, fiscal_year, title_ja, title_en, description FROM exercise WHERE id = $1";
constexpr std::string_view kExerciseYears = "SELECT id, fiscal_year FROM exercise ORDER BY fiscal_year, id";
constexpr std::string_view kPhases =
    "SELECT kind, starts_at, ends_at, note FROM exercise_phase WHERE exercise_id = $1 ORDER BY sort_order, starts_at";
constexpr std::string_view kOrganisations =
    "SELECT o.id, COALESCE(o.external_ref, ''), o.name, o.sector_code, o.ministry_code, o.participation_mode, "
    "(SELECT COUNT(*) FROM person p WHERE p.organisation_id = o.id) "
    "FROM organisation o WHERE o.exercise_id = $1 ORDER BY o.id";
// Answers of submitted parts only: the part of an item is its timing.
constexpr std::string_view kReadinessAnswers =
    "SELECT a.organisation_id, a.item_id, a.option_code FROM readiness_answer a "
    "JOIN ref_readiness_item i ON i.id = a.item_id "
    "JOIN readiness_response r ON r.exercise_id = a.exercise_id AND r.organisation_id = a.organisation_id "
    "AND r.part = i.timing "
    "WHERE a.exercise_id = $1 AND r.status = 'submitted'";
constexpr std::string_view kSubmittedSheets =
    "SELECT COUNT(*) FROM action_record_sheet WHERE exercise_id = $1 AND status = 'submitted'";
constexpr std::string_view kChosenObjectives =
    "SELECT c.id, c.organisation_id, c.objective_id, c.custom_index, c.custom_text, r.setting, r.option_code "
    "FROM chosen_objective c "
    "JOIN action_record_sheet s ON s.exercise_id = c.exercise_id AND s.organisation_id = c.organisation_id "
    "LEFT JOIN action_record_rating r ON r.chosen_objective_id = c.id "
    "WHERE c.exercise_id = $1 AND s.status = 'submitted' ORDER BY c.id, r.setting";
constexpr std::string_view kOrganisationIssues =
    "SELECT i.id, c.organisation_id, c.objective_id, i.text FROM action_record_issue i "
    "JOIN chosen_objective c ON c.id = i.chosen_objective_id "
    "WHERE c.exercise_id = $1 AND c.organisation_id = $2 ORDER BY c.objective_id, c.custom_index, i.position";
constexpr std::string_view kSurveys = "SELECT id, code, title_ja, title_en FROM survey WHERE exercise_id = $1";
constexpr std::string_view kSurveyResponses = "SELECT COUNT(*) FROM survey_response WHERE survey_id = $1";
constexpr std::string_view kSurveyQuestions =
    "SELECT id, code, kind, text_ja, text_en, options FROM survey_question WHERE survey_id = $1 ORDER BY position, id";
constexpr std::string_view kSurveyAnswers =
    "SELECT a.question_id, a.value, r.sector_code FROM survey_answer a JOIN survey_response r ON r.id = a.response_id "
    "WHERE r.survey_id = $1 ORDER BY r.id";
constexpr std::string_view kSurveyResponsesBySector =
    "SELECT sector_code, COUNT(*) FROM survey_response WHERE survey_id = $1 GROUP BY sector_code";
constexpr std::string_view kSessions =
    "SELECT s.id, s.kind, s.title_ja, s.title_en, s.starts_at, s.ends_at, s.format, s.themes, s.experts, "
    "(SELECT COUNT(DISTINCT g.organisation_id) FROM forum_registration g "
    " WHERE g.session_id = s.id AND (g.attended IS NULL OR g.attended = 1)), "
    "(SELECT COUNT(*) FROM forum_registration g WHERE g.session_id = s.id AND (g.attended IS NULL OR g.attended = 1)) "
    "FROM forum_session s WHERE s.exercise_id = $1 ORDER BY s.starts_at, s.id";
constexpr std::string_view kOpinionKinds =
    "SELECT code, label_ja, label_en FROM opinion_kind WHERE exercise_id IN (0, $1) ORDER BY position, code";
constexpr std::string_view kOpinions =
    "SELECT o.kind_code, o.text, s.kind FROM forum_opinion o JOIN forum_session s ON s.id = o.session_id "
    "WHERE s.exercise_id = $1 ORDER BY o.id";
constexpr std::string_view kReleasedInjects = "SELECT COUNT(*) FROM inject_release WHERE exercise_id = $1";
constexpr std::string_view kScenarioDocument = "SELECT document FROM scenario WHERE exercise_id = $1";
// The organiser's representative issues (migration 0010), in their chosen order.
constexpr std::string_view kSelectedIssues =
    "SELECT i.id, c.organisation_id, c.objective_id, i.text FROM report_selected_issue s "
    "JOIN action_record_issue i ON i.id = s.issue_id JOIN chosen_objective c ON c.id = i.chosen_objective_id "
    "WHERE s.exercise_id = $1 AND c.exercise_id = $1 ORDER BY c.objective_id, s.position, i.id";

Localised LocalisedOf(const db::Row& row, std::size_t ja) { return Localised{row.Text(ja), row.Text(ja + 1)}; }

std::vector<std::string> StringArray(const std::string& json_text) {
    std::vector<std::string> out;
    auto json = nlohmann::json::parse(json_text, nullptr, false);
    if (!json.is_array()) return out;
    for (const auto& element : json) {
        if (element.is_string()) out.push_back(element.get<std::string>());
    }
    return out;
}

std::vector<OptionLabel> SurveyOptions(const std::string& json_text) {
    std::vector<OptionLabel> out;
    auto json = nlohmann::json::parse(json_text, nullptr, false);
    if (!json.is_array()) return out;
    for (const auto& option : json) {
        if (!option.is_object()) continue;
        out.push_back(
            OptionLabel{option.value("code", std::string()),
                        Localised{option.value("label_ja", std::string()), option.value("label_en", std::string())}});
    }
    return out;
}

// Replaces {{name}} by the scenario's variable defaults and {{org.name}} by a neutral word.
std::string FillVariables(std::string text, const std::map<std::string, std::string>& variables,
                          const std::string& organisation_word) {
    std::string out;
    std::size_t position = 0;
    while (true) {
        const std::size_t open = text.find("{{", position);
        if (open == std::string::npos) break;
        const std::size_t close = text.find("}}", open + 2);
        if (close == std::string::npos) break;
        out += text.substr(position, open - position);
        std::string name = text.substr(open + 2, close - open - 2);
        while (!name.empty() && name.front() == ' ') name.erase(0, 1);
        while (!name.empty() && name.back() == ' ') name.pop_back();
        auto found = variables.find(name);
        out += name == "org.name" ? organisation_word : (found != variables.end() ? found->second : name);
        position = close + 2;
    }
    out += text.substr(position);
    return out;
}

// Title and summary of the stored master scenario; nullopt members when absent or unreadable.
void ReadScenarioSummary(const std::string& document, ExerciseData& data) {
    try {
        YAML::Node root = YAML::Load(document);
        std::map<std::string, std::string> variables;
        if (root["variables"] && root["variables"].IsMap()) {
            for (const auto& entry : root["variables"]) {
                variables[entry.first.as<std::string>()] = entry.second.as<std::string>();
            }
        }
        const auto localised = [&](const char* key) -> std::optional<Localised> {
            YAML::Node node = root[key];
            if (!node) return std::nullopt;
            if (node.IsScalar()) return Localised{node.as<std::string>(), ""};
            if (!node.IsMap()) return std::nullopt;
            Localised text{node["ja"] ? node["ja"].as<std::string>() : "",
                           node["en"] ? node["en"].as<std::string>() : ""};
            text.ja = FillVariables(text.ja, variables, "各組織");
            text.en = FillVariables(text.en, variables, "each organisation");
            return text;
        };
        data.scenario_title = localised("title");
        data.scenario_summary = localised("summary");
    } catch (const YAML::Exception&) {
        // A stored scenario is validated on save; an unreadable one simply has no summary.
    }
}

Status LoadSurveys(db::Connection& connection, std::int64_t exercise_id, ExerciseData& data) {
    auto surveys = connection.Query(kSurveys, {exercise_id});
    if (!surveys) return tl::unexpected(surveys.error());
    for (const db::Row& row : *surveys) {
        SurveyData survey;
        const std::int64_t survey_id = row.Int(0);
        survey.code = row.Text(1);
        survey.title = LocalisedOf(row, 2);
        auto responses = connection.QueryOne(kSurveyResponses, {survey_id});
        if (!responses) return tl::unexpected(responses.error());
        survey.responses = *responses ? (*responses)->Int(0) : 0;
        auto by_sector = connection.Query(kSurveyResponsesBySector, {survey_id});
        if (!by_sector) return tl::unexpected(by_sector.error());
        for (const db::Row& sector : *by_sector) survey.responses_by_sector[sector.Text(0)] = sector.Int(1);
        auto questions = connection.Query(kSurveyQuestions, {survey_id});
        if (!questions) return tl::unexpected(questions.error());
        std::map<std::int64_t, std::size_t> index;
        for (const db::Row& question : *questions) {
            index[question.Int(0)] = survey.questions.size();
            survey.questions.push_back(SurveyQuestionData{
                question.Text(1), question.Text(2), LocalisedOf(question, 3), SurveyOptions(question.Text(5)), {}, {}});
        }
        auto answers = connection.Query(kSurveyAnswers, {survey_id});
        if (!answers) return tl::unexpected(answers.error());
        for (const db::Row& answer : *answers) {
            auto found = index.find(answer.Int(0));
            if (found == index.end()) continue;
            survey.questions[found->second].values.push_back(answer.Text(1));
            survey.questions[found->second].sectors.push_back(answer.Text(2));
        }
        data.surveys[survey.code] = std::move(survey);
    }
    return Ok();
}

Status LoadForum(db::Connection& connection, std::int64_t exercise_id, ExerciseData& data) {
    auto sessions = connection.Query(kSessions, {exercise_id});
    if (!sessions) return tl::unexpected(sessions.error());
    for (const db::Row& row : *sessions) {
        data.sessions.push_back(ForumSessionData{row.Text(1), LocalisedOf(row, 2), row.Text(4), row.Text(5),
                                                 row.Text(6), StringArray(row.Text(7)), StringArray(row.Text(8)),
                                                 row.Int(9), row.Int(10)});
    }
    auto kinds = connection.Query(kOpinionKinds, {exercise_id});
    if (!kinds) return tl::unexpected(kinds.error());
    std::map<std::string, std::size_t> index;
    for (const db::Row& row : *kinds) {
        if (index.count(row.Text(0))) continue;
        index[row.Text(0)] = data.opinion_kinds.size();
        data.opinion_kinds.push_back(OpinionKindData{row.Text(0), LocalisedOf(row, 1), {}});
    }
    data.roundtable_opinion_kinds = data.opinion_kinds;
    auto opinions = connection.Query(kOpinions, {exercise_id});
    if (!opinions) return tl::unexpected(opinions.error());
    for (const db::Row& row : *opinions) {
        auto found = index.find(row.Text(0));
        if (found == index.end()) continue;
        auto& kinds_of_session = row.Text(2) == "roundtable" ? data.roundtable_opinion_kinds : data.opinion_kinds;
        kinds_of_session[found->second].opinions.push_back(row.Text(1));
    }
    return Ok();
}

Status LoadActionRecord(db::Connection& connection, std::int64_t exercise_id, ExerciseData& data) {
    auto sheets = connection.QueryOne(kSubmittedSheets, {exercise_id});
    if (!sheets) return tl::unexpected(sheets.error());
    data.action_record_respondents = *sheets ? (*sheets)->Int(0) : 0;
    auto rows = connection.Query(kChosenObjectives, {exercise_id});
    if (!rows) return tl::unexpected(rows.error());
    for (const db::Row& row : *rows) {
        if (data.chosen_objectives.empty() || data.chosen_objectives.back().id != row.Int(0)) {
            ChosenObjectiveRow chosen;
            chosen.id = row.Int(0);
            chosen.organisation_id = row.Int(1);
            chosen.objective_id = static_cast<int>(row.Int(2));
            chosen.custom_index = static_cast<int>(row.Int(3));
            chosen.custom_text = row.Text(4);
            data.chosen_objectives.push_back(std::move(chosen));
        }
        if (!row.IsNull(5)) {
            const std::int64_t setting = row.Int(5);
            if (setting >= 1 && setting <= kSettings) data.chosen_objectives.back().ratings[setting - 1] = row.Text(6);
        }
    }
    return Ok();
}

std::vector<IssueRow> IssuesOf(const db::Rows& rows) {
    std::vector<IssueRow> issues;
    issues.reserve(rows.size());
    for (const db::Row& row : rows) {
        issues.push_back(IssueRow{row.Int(0), row.Int(1), static_cast<int>(row.Int(2)), row.Text(3)});
    }
    return issues;
}

}  // namespace

const SectorInfo* ReferenceSet::Sector(const std::string& code) const {
    for (const SectorInfo& sector : sectors) {
        if (sector.code == code) return &sector;
    }
    return nullptr;
}

const ObjectiveInfo* ReferenceSet::Objective(int id) const {
    for (const ObjectiveInfo& objective : objectives) {
        if (objective.id == id) return &objective;
    }
    return nullptr;
}

std::string ReferenceSet::OptionLabelOf(const std::string& scale_code, const std::string& option_code,
                                        const std::string& language) const {
    auto labels = scale_labels.find(scale_code);
    if (labels != scale_labels.end()) {
        for (const OptionLabel& option : labels->second) {
            if (option.code == option_code) return option.label.In(language);
        }
    }
    return option_code.empty() ? "—" : option_code;
}

const OrganisationInfo* ExerciseData::Organisation(std::int64_t id) const {
    for (const OrganisationInfo& organisation : organisations) {
        if (organisation.id == id) return &organisation;
    }
    return nullptr;
}

Result<ReferenceSet> LoadReferenceSet(db::Database& database) {
    ReferenceSet reference;
    auto read = database.Read([&](db::Connection& connection) -> Status {
        auto sectors = connection.Query(kSectors);
        if (!sectors) return tl::unexpected(sectors.error());
        for (const db::Row& row : *sectors)
            reference.sectors.push_back({row.Text(0), row.Text(1), LocalisedOf(row, 2)});
        auto ministries = connection.Query(kMinistries);
        if (!ministries) return tl::unexpected(ministries.error());
        for (const db::Row& row : *ministries) reference.ministries.push_back({row.Text(0), LocalisedOf(row, 1)});
        auto objectives = connection.Query(kObjectives);
        if (!objectives) return tl::unexpected(objectives.error());
        for (const db::Row& row : *objectives) {
            reference.objectives.push_back({static_cast<int>(row.Int(0)), LocalisedOf(row, 1), row.Text(3)});
        }
        auto items = connection.Query(kReadinessItems);
        if (!items) return tl::unexpected(items.error());
        for (const db::Row& row : *items) {
            reference.readiness_items.push_back(ReadinessItemInfo{
                row.Text(0), row.Text(1), LocalisedOf(row, 2), LocalisedOf(row, 4), row.Text(6), row.Text(7),
                row.Text(8) == "average_degree" ? Measure::kAverageDegree : Measure::kShare, LocalisedOf(row, 9)});
        }
        auto options = connection.Query(kAnswerOptions);
        if (!options) return tl::unexpected(options.error());
        for (const db::Row& row : *options) {
            AnswerOption option{row.Text(1), row.Int(2) != 0, std::nullopt, row.Int(4) != 0};
            if (!row.IsNull(3)) option.degree = row.Real(3);
            reference.scales[row.Text(0)][row.Text(1)] = option;
            reference.scale_labels[row.Text(0)].push_back(OptionLabel{row.Text(1), LocalisedOf(row, 5)});
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return reference;
}

Result<ExerciseData> LoadExerciseData(db::Database& database, std::int64_t exercise_id, IssueLoading issues,
                                      std::int64_t organisation_id) {
    ExerciseData data;
    bool found = false;
    auto read = database.Read([&](db::Connection& connection) -> Status {
        auto exercise = connection.QueryOne(kExercise, {exercise_id});
        if (!exercise) return tl::unexpected(exercise.error());
        if (!*exercise) return Ok();
        found = true;
        const db::Row& row = **exercise;
        data.exercise = ExerciseInfo{row.Int(0), static_cast<int>(row.Int(1)), LocalisedOf(row, 2), row.Text(4)};
        auto phases = connection.Query(kPhases, {exercise_id});
        if (!phases) return tl::unexpected(phases.error());
        for (const db::Row& phase : *phases) {
            data.phases.push_back({phase.Text(0), phase.Text(1), phase.Text(2), phase.Text(3)});
        }
        auto organisations = connection.Query(kOrganisations, {exercise_id});
        if (!organisations) return tl::unexpected(organisations.error());
        for (const db::Row& organisation : *organisations) {
            data.organisations.push_back({organisation.Int(0), organisation.Text(1), organisation.Text(2),
                                          organisation.Text(3), organisation.Text(4), organisation.Text(5),
                                          organisation.Int(6)});
        }
        auto answers = connection.Query(kReadinessAnswers, {exercise_id});
        if (!answers) return tl::unexpected(answers.error());
        data.readiness_answers.reserve(answers->size());
        for (const db::Row& answer : *answers) {
            data.readiness_answers.push_back({answer.Int(0), answer.Text(1), answer.Text(2)});
        }
        if (auto status = LoadActionRecord(connection, exercise_id, data); !status) return status;
        auto selected = connection.Query(kSelectedIssues, {exercise_id});
        if (!selected) return tl::unexpected(selected.error());
        data.selected_issues = IssuesOf(*selected);
        if (issues == IssueLoading::kWithOrganisationIssues) {
            auto own = connection.Query(kOrganisationIssues, {exercise_id, organisation_id});
            if (!own) return tl::unexpected(own.error());
            data.organisation_issues = IssuesOf(*own);
        }
        if (auto status = LoadSurveys(connection, exercise_id, data); !status) return status;
        if (auto status = LoadForum(connection, exercise_id, data); !status) return status;
        auto released = connection.QueryOne(kReleasedInjects, {exercise_id});
        if (!released) return tl::unexpected(released.error());
        data.released_injects = *released ? (*released)->Int(0) : 0;
        auto scenario = connection.QueryOne(kScenarioDocument, {exercise_id});
        if (!scenario) return tl::unexpected(scenario.error());
        if (*scenario) ReadScenarioSummary((*scenario)->Text(0), data);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    if (!found) return Fail(ErrorCode::kNotFound, "no such exercise", "exercise_id");
    auto times = live::ResponseTimes(database, exercise_id);
    if (!times) return tl::unexpected(times.error());
    for (const auto& time : *times) {
        data.response_times.push_back(
            {time.organisation_id, time.inject_id, time.time_to_acknowledge_us, time.time_to_first_action_us});
    }
    return data;
}

Result<std::vector<ExerciseYear>> ListExerciseYears(db::Database& database) {
    std::vector<ExerciseYear> years;
    auto read = database.Read([&](db::Connection& connection) -> Status {
        auto rows = connection.Query(kExerciseYears);
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) years.push_back({row.Int(0), static_cast<int>(row.Int(1))});
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return years;
}

}  // namespace enshu::report
