#include "evaluation/evaluation_support.hpp"

#include <algorithm>

namespace enshu::evaluation {
namespace {

constexpr std::string_view kSelectOrganisation =
    "SELECT id, name, sector_code, ministry_code, participation_mode, COALESCE(external_ref, '') FROM organisation "
    "WHERE id = $1 AND exercise_id = $2";

constexpr std::string_view kSelectExerciseTitle = "SELECT title_ja, title_en FROM exercise WHERE id = $1";

}  // namespace

Result<std::string> LoadExerciseTitle(db::Database& database, std::int64_t exercise_id) {
    std::string title;
    auto read = database.Read([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne(kSelectExerciseTitle, {exercise_id});
        if (!row) return tl::unexpected(row.error());
        if (!*row) return Fail(ErrorCode::kNotFound, "no such exercise", "exercise_id");
        title = (*row)->Text(0).empty() ? (*row)->Text(1) : (*row)->Text(0);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return title;
}

Result<OrganisationFacts> LoadOrganisationFacts(db::Connection& connection, std::int64_t exercise_id,
                                                std::int64_t organisation_id) {
    auto row = connection.QueryOne(kSelectOrganisation, {organisation_id, exercise_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return Fail(ErrorCode::kNotFound, "no such organisation", "organisation_id");
    const db::Row& found = **row;
    return OrganisationFacts{exercise_id,   found.Int(0),  found.Text(1), found.Text(2),
                             found.Text(3), found.Text(4), found.Text(5)};
}

Result<OrganisationFacts> LoadOrganisationFacts(db::Database& database, std::int64_t exercise_id,
                                                std::int64_t organisation_id) {
    OrganisationFacts facts;
    auto read = database.Read([&](db::Connection& connection) -> Status {
        auto loaded = LoadOrganisationFacts(connection, exercise_id, organisation_id);
        if (!loaded) return tl::unexpected(loaded.error());
        facts = std::move(*loaded);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return facts;
}

std::string_view AnswerStatusName(AnswerStatus status) {
    switch (status) {
        case AnswerStatus::kNotStarted:
            return "not_started";
        case AnswerStatus::kDraft:
            return "draft";
        case AnswerStatus::kSubmitted:
            return "submitted";
    }
    return "";
}

AnswerStatus ParseStoredStatus(const std::string& text) {
    return text == "submitted" ? AnswerStatus::kSubmitted : AnswerStatus::kDraft;
}

tl::unexpected<Refusal> RefuseProblems(const std::string& what, std::vector<FieldProblem> problems) {
    std::string message =
        what + ": " + std::to_string(problems.size()) + " problem" + (problems.size() == 1 ? "" : "s");
    std::string field;
    if (!problems.empty()) {
        message += " (first: " + problems.front().field + ": " + problems.front().message + ")";
        field = problems.front().field;
    }
    return tl::unexpected<Refusal>(
        Refusal{Error{ErrorCode::kUnprocessable, std::move(message), std::move(field)}, std::move(problems)});
}

std::size_t CharacterCount(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string Trim(const std::string& text) {
    static const std::string kIdeographicSpace = "\xE3\x80\x80";
    std::size_t start = 0;
    std::size_t end = text.size();
    while (start < end) {
        if (text[start] == ' ' || text[start] == '\t' || text[start] == '\r' || text[start] == '\n') {
            ++start;
        } else if (text.compare(start, 3, kIdeographicSpace) == 0) {
            start += 3;
        } else {
            break;
        }
    }
    while (end > start) {
        if (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r' || text[end - 1] == '\n') {
            --end;
        } else if (end - start >= 3 && text.compare(end - 3, 3, kIdeographicSpace) == 0) {
            end -= 3;
        } else {
            break;
        }
    }
    return text.substr(start, end - start);
}

}  // namespace enshu::evaluation
