#include "archive/archive_format.hpp"

namespace enshu::archive {
namespace {

constexpr std::size_t kMiB = 1024 * 1024;
constexpr std::size_t kSmallFileBytes = 16 * kMiB;
constexpr std::size_t kLargeFileBytes = 256 * kMiB;

using K = ColumnKind;

std::vector<FileSpec> MakeDataFiles() {
    constexpr bool kOptional = true;
    return {
        {files::kOrganisations,
         {{"organisation_key", K::kKey},
          {"external_ref", K::kCode},
          {"name", K::kText},
          {"name_kana", K::kText},
          {"name_en", K::kText},
          {"sector_code", K::kCode},
          {"ministry_code", K::kCode},
          {"size_band", K::kCode},
          {"region", K::kCode},
          {"participation_mode", K::kCode}},
         10'000,
         kSmallFileBytes},
        {files::kPeople,
         {{"person_key", K::kKey},
          {"organisation_key", K::kKey},
          {"role", K::kCode},
          {"display_name", K::kText},
          {"email", K::kText},
          {"phone", K::kText},
          {"department", K::kText},
          {"is_contact", K::kInteger},
          {"team_roles", K::kCode}},
         100'000,
         64 * kMiB},
        {files::kInstrumentWindows,
         {{"instrument", K::kCode}, {"opens_at", K::kTimestamp}, {"closes_at", K::kTimestamp}},
         10,
         kSmallFileBytes},
        {files::kReadinessResponses,
         {{"organisation_key", K::kKey},
          {"part", K::kCode},
          {"status", K::kCode},
          {"submitted_at", K::kTimestamp},
          {"submitted_by", K::kKey},
          {"updated_at", K::kTimestamp, kOptional}},
         100'000,
         kSmallFileBytes},
        {files::kReadinessAnswers,
         {{"organisation_key", K::kKey},
          {"item_id", K::kCode},
          {"option_code", K::kCode},
          {"updated_at", K::kTimestamp, kOptional}},
         1'000'000,
         kLargeFileBytes},
        {files::kObjectives,
         {{"organisation_key", K::kKey},
          {"objective_id", K::kInteger},
          {"custom_index", K::kInteger},
          {"custom_text", K::kText},
          {"created_at", K::kTimestamp, kOptional},
          {"updated_at", K::kTimestamp, kOptional}},
         200'000,
         64 * kMiB},
        {files::kActionRecords,
         {{"organisation_key", K::kKey},
          {"status", K::kCode},
          {"submitted_at", K::kTimestamp},
          {"submitted_by", K::kKey},
          {"reopened_at", K::kTimestamp, kOptional},
          {"reopened_by", K::kKey, kOptional},
          {"updated_at", K::kTimestamp, kOptional}},
         10'000,
         kSmallFileBytes},
        {files::kActionRecordRatings,
         {{"organisation_key", K::kKey},
          {"objective_id", K::kInteger},
          {"custom_index", K::kInteger},
          {"setting", K::kInteger},
          {"option_code", K::kCode},
          {"updated_at", K::kTimestamp, kOptional}},
         1'000'000,
         kLargeFileBytes},
        {files::kActionRecordIssues,
         {{"organisation_key", K::kKey},
          {"objective_id", K::kInteger},
          {"custom_index", K::kInteger},
          {"position", K::kInteger},
          {"text", K::kText},
          {"created_at", K::kTimestamp, kOptional},
          {"updated_at", K::kTimestamp, kOptional}},
         1'000'000,
         kLargeFileBytes},
        {files::kSurveys,
         {{"survey_code", K::kCode},
          {"title_ja", K::kText},
          {"title_en", K::kText},
          {"intro_ja", K::kText},
          {"intro_en", K::kText},
          {"respondent", K::kCode},
          {"anonymity", K::kCode},
          {"opens_at", K::kTimestamp},
          {"closes_at", K::kTimestamp},
          {"created_at", K::kTimestamp, kOptional},
          {"updated_at", K::kTimestamp, kOptional}},
         1'000,
         kSmallFileBytes},
        {files::kSurveyQuestions,
         {{"survey_code", K::kCode},
          {"question_code", K::kCode},
          {"position", K::kInteger},
          {"kind", K::kCode},
          {"text_ja", K::kText},
          {"text_en", K::kText},
          {"required", K::kInteger},
          {"number_min", K::kNumber},
          {"number_max", K::kNumber},
          {"show_if_question", K::kCode},
          {"show_if_any_of", K::kCode}},
         100'000,
         kSmallFileBytes},
        {files::kSurveyOptions,
         {{"survey_code", K::kCode},
          {"question_code", K::kCode},
          {"position", K::kInteger},
          {"option_code", K::kCode},
          {"label_ja", K::kText},
          {"label_en", K::kText}},
         1'000'000,
         kLargeFileBytes},
        {files::kSurveyResponses,
         {{"survey_code", K::kCode},
          {"response_key", K::kKey},
          {"organisation_key", K::kKey},
          {"person_key", K::kKey},
          {"sector_code", K::kCode},
          {"submitted_on", K::kDate}},
         1'000'000,
         kLargeFileBytes},
        {files::kSurveyAnswers,
         {{"survey_code", K::kCode}, {"response_key", K::kKey}, {"question_code", K::kCode}, {"value", K::kAnswer}},
         1'000'000,
         kLargeFileBytes},
        {files::kSurveyParticipation,
         {{"survey_code", K::kCode}, {"organisation_key", K::kKey}, {"person_key", K::kKey}},
         1'000'000,
         kLargeFileBytes},
        {files::kForumSessions,
         {{"session_key", K::kKey},
          {"kind", K::kCode},
          {"title_ja", K::kText},
          {"title_en", K::kText},
          {"starts_at", K::kCode},
          {"ends_at", K::kCode},
          {"format", K::kCode},
          {"location", K::kText},
          {"capacity", K::kInteger},
          {"themes", K::kJson},
          {"experts", K::kJson},
          {"survey_code", K::kCode},
          {"created_at", K::kTimestamp, kOptional},
          {"updated_at", K::kTimestamp, kOptional}},
         10'000,
         kSmallFileBytes},
        {files::kForumRegistrations,
         {{"session_key", K::kKey},
          {"person_key", K::kKey},
          {"organisation_key", K::kKey},
          {"attended", K::kInteger},
          {"registered_at", K::kTimestamp, kOptional}},
         1'000'000,
         kLargeFileBytes},
        {files::kOpinionKinds,
         {{"kind_code", K::kCode}, {"label_ja", K::kText}, {"label_en", K::kText}, {"position", K::kInteger}},
         1'000,
         kSmallFileBytes},
        {files::kOpinions,
         {{"session_key", K::kKey},
          {"organisation_key", K::kKey},
          {"kind_code", K::kCode},
          {"text", K::kText},
          {"created_at", K::kTimestamp, kOptional}},
         1'000'000,
         kLargeFileBytes},
    };
}

bool NeedsGuard(std::string_view cell) {
    if (cell.empty()) return false;
    switch (cell.front()) {
        case '=':
        case '+':
        case '-':
        case '@':
        case '\t':
        case '\r':
        case '\'':
            return true;
        default:
            return false;
    }
}

}  // namespace

const std::vector<FileSpec>& DataFiles() {
    static const std::vector<FileSpec> specs = MakeDataFiles();
    return specs;
}

const FileSpec& ManifestSpec() {
    static const FileSpec spec{
        kManifestFile, {{"key", ColumnKind::kCode}, {"value", ColumnKind::kText}}, 200, 1024 * 1024};
    return spec;
}

const FileSpec* FindDataFile(std::string_view name) {
    for (const auto& spec : DataFiles()) {
        if (spec.name == name) return &spec;
    }
    return nullptr;
}

std::string ToString(const Problem& problem) {
    std::string text = problem.file;
    if (problem.row > 0) {
        text += " row " + std::to_string(problem.row);
        if (!problem.column.empty()) text += ", column " + problem.column;
    } else if (!problem.column.empty()) {
        text += " column " + problem.column;
    }
    return text + ": " + problem.message;
}

std::string GuardCell(std::string_view cell) {
    if (!NeedsGuard(cell)) return std::string(cell);
    return "'" + std::string(cell);
}

std::string UnguardCell(std::string_view cell) {
    if (!cell.empty() && cell.front() == '\'') return std::string(cell.substr(1));
    return std::string(cell);
}

bool IsCode(std::string_view text) {
    if (text.empty() || text.size() > 64) return false;
    for (char c : text) {
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                             c == '_' || c == '-';
        if (!allowed) return false;
    }
    return true;
}

}  // namespace enshu::archive
