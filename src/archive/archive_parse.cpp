#include "archive/archive_parse.hpp"

#include <charconv>

#include "exercise/organisation_input.hpp"
#include "exercise/person_input.hpp"

namespace enshu::archive {
namespace {

// "name: message" from the exercise module's validation -> "message".
std::string WithoutFieldPrefix(const Error& error) {
    const std::string prefix = error.field + ": ";
    if (error.message.rfind(prefix, 0) == 0) return error.message.substr(prefix.size());
    return error.message;
}

// The column of a member named by the exercise validation ("team_roles[2]" -> "team_roles").
std::string ColumnOfField(const std::string& field) { return field.substr(0, field.find('[')); }

std::optional<std::string> PresentOrNull(const std::string& value) {
    if (value.empty()) return std::nullopt;
    return value;
}

std::optional<int> ParseSmallInteger(const std::string& text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

std::string OrganisationKey(const std::string& external_ref, const std::string& name) {
    return external_ref.empty() ? "name:" + name : external_ref;
}

void ParseManifest(const std::string& bytes, Archive& archive, std::map<std::string, std::size_t>& row_counts,
                   std::vector<Problem>& problems) {
    const std::string file(kManifestFile);
    auto rows = FileRows::Parse(ManifestSpec(), bytes, problems);
    if (!rows) return;
    bool has_format = false;
    bool has_version = false;
    for (std::size_t i = 0; i < rows->size(); ++i) {
        RowReader row(*rows, i, problems);
        const std::string key = rows->Cell(i, "key");
        const std::string value = rows->Cell(i, "value");
        if (key == "format") {
            has_format = true;
            if (value != kFormatName) row.Fail("value", "format must be '" + std::string(kFormatName) + "'");
        } else if (key == "format_version") {
            has_version = true;
            const auto version = ParseSmallInteger(value);
            if (!version || *version < 1) {
                row.Fail("value", "format_version '" + value + "' is not a version number");
            } else if (*version > kFormatVersion) {
                row.Fail("value", "format_version " + value + " is newer than this enshu reads (" +
                                      std::to_string(kFormatVersion) + "); use a newer enshu");
            } else {
                archive.manifest.format_version = *version;
            }
        } else if (key == "fiscal_year") {
            const auto year = ParseSmallInteger(value);
            if (!year || *year < 1990 || *year > 2200) {
                row.Fail("value", "fiscal_year '" + value + "' is not a year");
            } else {
                archive.manifest.fiscal_year = *year;
            }
        } else if (key == "title_ja") {
            archive.manifest.title_ja = value;
        } else if (key == "title_en") {
            archive.manifest.title_en = value;
        } else if (key.rfind("rows:", 0) == 0) {
            const std::string name = key.substr(5);
            const auto count = ParseSmallInteger(value);
            if (!FindDataFile(name)) {
                row.Fail("key", "'" + name + "' is not a file of the archive format");
            } else if (!count || *count < 0) {
                row.Fail("value", "'" + value + "' is not a row count");
            } else {
                row_counts[name] = static_cast<std::size_t>(*count);
            }
        } else {
            row.Fail("key", "unknown manifest entry '" + key + "'");
        }
    }
    if (!has_format) problems.push_back({file, 0, "", "the entry 'format' is missing"});
    if (!has_version) problems.push_back({file, 0, "", "the entry 'format_version' is missing"});
}

void ParseOrganisationFile(const FileRows& rows, const ArchiveReference& reference, Archive& archive,
                           std::vector<Problem>& problems) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RowReader row(rows, i, problems);
        exercise::OrganisationInput input;
        input.external_ref = PresentOrNull(rows.Cell(i, "external_ref"));
        input.name = rows.Cell(i, "name");
        input.name_kana = rows.Cell(i, "name_kana");
        input.name_en = rows.Cell(i, "name_en");
        input.sector_code = rows.Cell(i, "sector_code");
        input.ministry_code = rows.Cell(i, "ministry_code");
        input.size_band = rows.Cell(i, "size_band");
        input.region = rows.Cell(i, "region");
        input.participation_mode = rows.Cell(i, "participation_mode");
        exercise::Organisation organisation;
        const auto errors = exercise::ApplyOrganisationInput(input, reference.lookup, exercise::InputMode::kCreate,
                                                             exercise::ValueSpelling::kCodes, organisation);
        for (const auto& error : errors) row.Fail(ColumnOfField(error.field), WithoutFieldPrefix(error));
        if (!errors.empty()) {
            // Kept with its key so that other files' references to it are not reported too.
            OrganisationRecord invalid;
            invalid.row = row.row();
            invalid.key = rows.Cell(i, "organisation_key");
            invalid.name = rows.Cell(i, "name");
            archive.organisations.push_back(std::move(invalid));
            continue;
        }
        OrganisationRecord record;
        record.row = row.row();
        record.external_ref = organisation.external_ref;
        record.name = organisation.name;
        record.name_kana = organisation.name_kana;
        record.name_en = organisation.name_en;
        record.sector_code = organisation.sector_code;
        record.ministry_code = organisation.ministry_code;
        record.size_band = organisation.size_band;
        record.region = organisation.region;
        record.participation_mode = organisation.participation_mode;
        record.key = rows.Cell(i, "organisation_key");
        const std::string expected = OrganisationKey(record.external_ref, record.name);
        if (record.key != expected) {
            row.Fail("organisation_key",
                     "must be '" + expected + "' (the external_ref, or name: and the name when there is none)");
        }
        archive.organisations.push_back(std::move(record));
    }
}

void ParsePeopleFile(const FileRows& rows, Archive& archive, std::vector<Problem>& problems) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RowReader row(rows, i, problems);
        const std::size_t before = problems.size();
        PersonRecord record;
        record.row = row.row();
        record.key = row.RequiredText("person_key", kMaxKeyCharacters);
        record.organisation_key = row.RequiredText("organisation_key", kMaxKeyCharacters);
        exercise::PersonInput input;
        input.display_name = rows.Cell(i, "display_name");
        input.role = rows.Cell(i, "role");
        input.email = rows.Cell(i, "email");
        input.phone = rows.Cell(i, "phone");
        input.department = rows.Cell(i, "department");
        input.is_contact = row.Flag("is_contact");
        input.team_roles = row.CodeList("team_roles");
        exercise::Person person;
        const auto errors =
            exercise::ApplyPersonInput(input, exercise::InputMode::kCreate, exercise::ValueSpelling::kCodes, person);
        for (const auto& error : errors) row.Fail(ColumnOfField(error.field), WithoutFieldPrefix(error));
        if (problems.size() != before) {
            // Kept with its keys so that other files' references to it are not reported too.
            if (!record.key.empty()) archive.people.push_back(std::move(record));
            continue;
        }
        record.role = person.role;
        record.display_name = person.display_name;
        record.email = person.email;
        record.phone = person.phone;
        record.department = person.department;
        record.is_contact = person.is_contact;
        record.team_roles = person.team_roles;
        archive.people.push_back(std::move(record));
    }
}

Archive ParseArchive(const std::map<std::string, std::string>& files, const ArchiveReference& reference,
                     std::vector<Problem>& problems) {
    Archive archive;
    std::map<std::string, std::size_t> row_counts;
    const auto manifest = files.find(std::string(kManifestFile));
    if (manifest == files.end()) {
        problems.push_back({std::string(kManifestFile), 0, "", "the file is missing"});
        return archive;
    }
    ParseManifest(manifest->second, archive, row_counts, problems);
    if (archive.manifest.format_version == ManifestInfo::kFormatVersionUnknown) return archive;

    for (const auto& spec : DataFiles()) {
        const auto found = files.find(std::string(spec.name));
        const auto counted = row_counts.find(std::string(spec.name));
        if (found == files.end()) {
            if (counted != row_counts.end() && counted->second > 0) {
                problems.push_back(
                    {std::string(spec.name), 0, "",
                     "the file is missing; manifest.csv says it has " + std::to_string(counted->second) + " rows"});
            }
            continue;
        }
        auto rows = FileRows::Parse(spec, found->second, problems);
        if (!rows) {
            archive.every_file_read = false;
            continue;
        }
        if (counted != row_counts.end() && counted->second != rows->size()) {
            problems.push_back({std::string(spec.name), 0, "",
                                "has " + std::to_string(rows->size()) + " data rows; manifest.csv says " +
                                    std::to_string(counted->second) + " (is the file complete?)"});
        }
        const auto name = spec.name;
        if (name == files::kOrganisations) {
            ParseOrganisationFile(*rows, reference, archive, problems);
        } else if (name == files::kPeople) {
            ParsePeopleFile(*rows, archive, problems);
        } else if (name == files::kInstrumentWindows || name == files::kReadinessResponses ||
                   name == files::kReadinessAnswers || name == files::kObjectives || name == files::kActionRecords ||
                   name == files::kActionRecordRatings || name == files::kActionRecordIssues) {
            ParseInstrumentFile(*rows, reference, archive, problems);
        } else if (name == files::kSurveys || name == files::kSurveyQuestions || name == files::kSurveyOptions ||
                   name == files::kSurveyResponses || name == files::kSurveyAnswers ||
                   name == files::kSurveyParticipation) {
            ParseSurveyFile(*rows, reference, archive, problems);
        } else {
            ParseForumFile(*rows, archive, problems);
        }
    }
    return archive;
}

}  // namespace enshu::archive
