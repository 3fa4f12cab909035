#include "archive/archive_writer.hpp"

#include <nlohmann/json.hpp>

#include "archive/archive_format.hpp"
#include "archive/archive_table.hpp"

namespace enshu::archive {
namespace {

using Rows = std::vector<std::vector<std::string>>;

std::string Flag(bool value) { return value ? "1" : "0"; }

std::string Join(const std::vector<std::string>& codes) {
    std::string text;
    for (const auto& code : codes) {
        if (!text.empty()) text += kCodeListSeparator;
        text += code;
    }
    return text;
}

std::string JsonArray(const std::vector<std::string>& items) {
    if (items.empty()) return "";
    return nlohmann::json(items).dump();
}

std::string Optional(const std::optional<double>& value) { return value ? FormatNumber(*value) : ""; }

}  // namespace

std::map<std::string, std::string> WriteArchive(const Archive& a) {
    std::map<std::string, Rows> rows;
    std::vector<bool> free_text_answers;

    for (const auto& r : a.organisations) {
        rows[std::string(files::kOrganisations)].push_back({r.key, r.external_ref, r.name, r.name_kana, r.name_en,
                                                            r.sector_code, r.ministry_code, r.size_band, r.region,
                                                            r.participation_mode});
    }
    for (const auto& r : a.people) {
        rows[std::string(files::kPeople)].push_back({r.key, r.organisation_key, r.role, r.display_name, r.email,
                                                     r.phone, r.department, Flag(r.is_contact), Join(r.team_roles)});
    }
    for (const auto& r : a.instrument_windows) {
        rows[std::string(files::kInstrumentWindows)].push_back({r.instrument, r.opens_at, r.closes_at});
    }
    for (const auto& r : a.readiness_responses) {
        rows[std::string(files::kReadinessResponses)].push_back(
            {r.organisation_key, r.part, r.status, r.submitted_at, r.submitted_by, r.updated_at});
    }
    for (const auto& r : a.readiness_answers) {
        rows[std::string(files::kReadinessAnswers)].push_back(
            {r.organisation_key, r.item_id, r.option_code, r.updated_at});
    }
    for (const auto& r : a.objectives) {
        rows[std::string(files::kObjectives)].push_back({r.organisation_key, std::to_string(r.objective_id),
                                                         std::to_string(r.custom_index), r.custom_text, r.created_at,
                                                         r.updated_at});
    }
    for (const auto& r : a.action_records) {
        rows[std::string(files::kActionRecords)].push_back(
            {r.organisation_key, r.status, r.submitted_at, r.submitted_by, r.reopened_at, r.reopened_by, r.updated_at});
    }
    for (const auto& r : a.ratings) {
        rows[std::string(files::kActionRecordRatings)].push_back(
            {r.organisation_key, std::to_string(r.objective_id), std::to_string(r.custom_index),
             std::to_string(r.setting), r.option_code, r.updated_at});
    }
    for (const auto& r : a.issues) {
        rows[std::string(files::kActionRecordIssues)].push_back(
            {r.organisation_key, std::to_string(r.objective_id), std::to_string(r.custom_index),
             std::to_string(r.position), r.text, r.created_at, r.updated_at});
    }
    for (const auto& r : a.surveys) {
        rows[std::string(files::kSurveys)].push_back({r.code, r.title_ja, r.title_en, r.intro_ja, r.intro_en,
                                                      r.respondent, r.anonymity, r.opens_at, r.closes_at, r.created_at,
                                                      r.updated_at});
    }
    std::map<std::pair<std::string, std::string>, std::string> kinds;
    for (const auto& r : a.questions) {
        kinds[{r.survey_code, r.code}] = r.kind;
        rows[std::string(files::kSurveyQuestions)].push_back(
            {r.survey_code, r.code, std::to_string(r.position), r.kind, r.text_ja, r.text_en, Flag(r.required),
             Optional(r.number_min), Optional(r.number_max), r.show_if_question, Join(r.show_if_any_of)});
    }
    for (const auto& r : a.options) {
        rows[std::string(files::kSurveyOptions)].push_back(
            {r.survey_code, r.question_code, std::to_string(r.position), r.code, r.label_ja, r.label_en});
    }
    for (const auto& r : a.responses) {
        rows[std::string(files::kSurveyResponses)].push_back(
            {r.survey_code, r.key, r.organisation_key, r.person_key, r.sector_code, r.submitted_on});
    }
    for (const auto& r : a.answers) {
        rows[std::string(files::kSurveyAnswers)].push_back({r.survey_code, r.response_key, r.question_code, r.value});
        const auto kind = kinds.find({r.survey_code, r.question_code});
        free_text_answers.push_back(kind != kinds.end() && kind->second == "free_text");
    }
    for (const auto& r : a.participation) {
        rows[std::string(files::kSurveyParticipation)].push_back({r.survey_code, r.organisation_key, r.person_key});
    }
    for (const auto& r : a.sessions) {
        rows[std::string(files::kForumSessions)].push_back(
            {r.key, r.kind, r.title_ja, r.title_en, r.starts_at, r.ends_at, r.format, r.location,
             r.capacity ? std::to_string(*r.capacity) : "", JsonArray(r.themes), JsonArray(r.experts), r.survey_code,
             r.created_at, r.updated_at});
    }
    for (const auto& r : a.registrations) {
        rows[std::string(files::kForumRegistrations)].push_back(
            {r.session_key, r.person_key, r.organisation_key, r.attended ? Flag(*r.attended) : "", r.registered_at});
    }
    for (const auto& r : a.opinion_kinds) {
        rows[std::string(files::kOpinionKinds)].push_back({r.code, r.label_ja, r.label_en, std::to_string(r.position)});
    }
    for (const auto& r : a.opinions) {
        rows[std::string(files::kOpinions)].push_back(
            {r.session_key, r.organisation_key, r.kind_code, r.text, r.created_at});
    }

    std::map<std::string, std::string> files;
    Rows manifest = {{"format", std::string(kFormatName)},
                     {"format_version", std::to_string(kFormatVersion)},
                     {"fiscal_year", std::to_string(a.manifest.fiscal_year)},
                     {"title_ja", a.manifest.title_ja},
                     {"title_en", a.manifest.title_en}};
    for (const auto& spec : DataFiles()) {
        const auto& file_rows = rows[std::string(spec.name)];
        manifest.push_back({"rows:" + std::string(spec.name), std::to_string(file_rows.size())});
        files[std::string(spec.name)] =
            WriteFile(spec, file_rows, spec.name == files::kSurveyAnswers ? free_text_answers : std::vector<bool>{});
    }
    files[std::string(kManifestFile)] = WriteFile(ManifestSpec(), manifest);
    return files;
}

}  // namespace enshu::archive
