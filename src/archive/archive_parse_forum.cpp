// Parsers of the forum files: roundtable and feedback sessions, registrations with
// attendance, opinion kinds and opinions (0006_evaluation.sql).

#include <algorithm>

#include "archive/archive_parse.hpp"
#include "evaluation/forum_service.hpp"
#include "evaluation/opinion_service.hpp"

namespace enshu::archive {
namespace {

const std::vector<std::string_view> kSessionKinds = {"roundtable", "feedback"};
const std::vector<std::string_view> kFormats = {"venue", "web", "hybrid"};
constexpr std::size_t kMaxListEntries = 100;
constexpr std::size_t kMaxListEntryCharacters = 200;
constexpr std::size_t kMaxLocationCharacters = 500;

// An error of the evaluation module's validation ("title.ja: ...", "themes[2]: ...") as a
// problem of the column it names (title_ja, themes).
void FailWithColumn(RowReader& row, const Error& error) {
    std::string column = error.field.substr(0, error.field.find('['));
    std::replace(column.begin(), column.end(), '.', '_');
    std::string message = error.message;
    const std::string prefix = error.field + ": ";
    if (message.rfind(prefix, 0) == 0) message.erase(0, prefix.size());
    row.Fail(column == "code" ? "kind_code" : column, message);
}

void ParseSessions(const FileRows& rows, Archive& archive, std::vector<Problem>& problems) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RowReader row(rows, i, problems);
        const std::size_t before = problems.size();
        SessionRecord record;
        record.row = row.row();
        record.key = row.RequiredText("session_key", kMaxKeyCharacters);
        record.kind = row.OneOf("kind", kSessionKinds);
        record.title_ja = row.RequiredText("title_ja", kMaxTitleCharacters);
        record.title_en = row.Text("title_en", kMaxTitleCharacters);
        record.starts_at = row.Cell("starts_at");
        record.ends_at = row.Cell("ends_at");
        if (!IsLocalDateTime(record.starts_at)) {
            row.Fail("starts_at", "'" + record.starts_at + "' is not a local time YYYY-MM-DDTHH:MM");
        }
        if (!IsLocalDateTime(record.ends_at)) {
            row.Fail("ends_at", "'" + record.ends_at + "' is not a local time YYYY-MM-DDTHH:MM");
        } else if (IsLocalDateTime(record.starts_at) && record.ends_at < record.starts_at) {
            row.Fail("ends_at", "is before starts_at");
        }
        record.format = row.OneOf("format", kFormats);
        record.location = row.Text("location", kMaxLocationCharacters);
        record.capacity = row.Integer("capacity", 1, 1'000'000, Presence::kOptional);
        record.themes = row.StringArray("themes", kMaxListEntries, kMaxListEntryCharacters);
        record.experts = row.StringArray("experts", kMaxListEntries, kMaxListEntryCharacters);
        record.survey_code = row.Code("survey_code", Presence::kOptional);
        record.created_at = row.Timestamp("created_at", Presence::kOptional);
        record.updated_at = row.Timestamp("updated_at", Presence::kOptional);
        if (problems.size() == before) {
            // The session rules of the forum service (limits of themes, experts, capacity).
            const evaluation::ForumSessionInput input{
                record.kind,     record.title_ja, record.title_en, record.starts_at, record.ends_at, record.format,
                record.location, record.capacity, record.themes,   record.experts,   std::nullopt};
            if (auto valid = evaluation::ValidateForumSession(input); !valid) FailWithColumn(row, valid.error());
        }
        if (problems.size() == before) archive.sessions.push_back(std::move(record));
    }
}

void ParseRegistrations(const FileRows& rows, Archive& archive, std::vector<Problem>& problems) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RowReader row(rows, i, problems);
        const std::size_t before = problems.size();
        RegistrationRecord record;
        record.row = row.row();
        record.session_key = row.RequiredText("session_key", kMaxKeyCharacters);
        record.person_key = row.RequiredText("person_key", kMaxKeyCharacters);
        record.organisation_key = row.RequiredText("organisation_key", kMaxKeyCharacters);
        if (!row.Cell("attended").empty()) record.attended = row.Flag("attended");
        record.registered_at = row.Timestamp("registered_at", Presence::kOptional);
        if (problems.size() == before) archive.registrations.push_back(std::move(record));
    }
}

void ParseOpinionKinds(const FileRows& rows, Archive& archive, std::vector<Problem>& problems) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RowReader row(rows, i, problems);
        const std::size_t before = problems.size();
        OpinionKindRecord record;
        record.row = row.row();
        record.code = row.Code("kind_code", Presence::kRequired);
        record.label_ja = row.RequiredText("label_ja", kMaxLabelCharacters);
        record.label_en = row.Text("label_en", kMaxLabelCharacters);
        record.position = static_cast<int>(row.Integer("position", 1, 10'000, Presence::kRequired).value_or(0));
        if (problems.size() == before) {
            // The opinion service's rules for a kind (code spelling, label lengths).
            const nlohmann::json kind = {{"code", record.code},
                                         {"label", {{"ja", record.label_ja}, {"en", record.label_en}}}};
            if (auto valid = evaluation::ParseOpinionKind(kind); !valid) FailWithColumn(row, valid.error());
        }
        if (problems.size() == before) archive.opinion_kinds.push_back(std::move(record));
    }
}

void ParseOpinions(const FileRows& rows, Archive& archive, std::vector<Problem>& problems) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RowReader row(rows, i, problems);
        const std::size_t before = problems.size();
        OpinionRecord record;
        record.row = row.row();
        record.session_key = row.RequiredText("session_key", kMaxKeyCharacters);
        record.organisation_key = row.Text("organisation_key", kMaxKeyCharacters);
        record.kind_code = row.Code("kind_code", Presence::kRequired);
        record.text = row.RequiredText("text", kMaxOpinionCharacters, exercise::TextLines::kMultiple);
        record.created_at = row.Timestamp("created_at", Presence::kOptional);
        if (problems.size() == before) archive.opinions.push_back(std::move(record));
    }
}

}  // namespace

void ParseForumFile(const FileRows& rows, Archive& archive, std::vector<Problem>& problems) {
    const auto name = rows.spec().name;
    if (name == files::kForumSessions) {
        ParseSessions(rows, archive, problems);
    } else if (name == files::kForumRegistrations) {
        ParseRegistrations(rows, archive, problems);
    } else if (name == files::kOpinionKinds) {
        ParseOpinionKinds(rows, archive, problems);
    } else if (name == files::kOpinions) {
        ParseOpinions(rows, archive, problems);
    }
}

}  // namespace enshu::archive
