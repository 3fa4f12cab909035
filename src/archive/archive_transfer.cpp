#include "archive/archive_transfer.hpp"

#include <unistd.h>

#include <fstream>

#include "archive/archive_checks.hpp"
#include "archive/archive_parse.hpp"
#include "archive/archive_writer.hpp"
#include "exercise/reference_lookup.hpp"

namespace enshu::archive {
namespace {

namespace fs = std::filesystem;

// All files of one archive together (each file also has its own limit, archive_format.cpp).
constexpr std::uintmax_t kMaxArchiveBytes = std::uintmax_t{1} << 30;  // 1 GiB

// Marks the rollback of a dry run (or of an import with conflicts) inside Database::Write.
constexpr std::string_view kRolledBack = "archive import rolled back";

tl::unexpected<Error> DirectoryError(const std::string& field, const fs::path& path, const std::string& what) {
    return Fail(ErrorCode::kInvalidArgument, field + ": '" + path.string() + "' " + what, field);
}

Status WriteBytes(const fs::path& path, const std::string& bytes) {
    std::ofstream stream(path, std::ios::binary | std::ios::trunc);
    stream.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    stream.close();
    if (!stream) return DirectoryError("--out", path, "cannot be written");
    return Ok();
}

std::size_t MaxBytesOf(const std::string& name) {
    if (name == kManifestFile) return ManifestSpec().max_bytes;
    const auto* spec = FindDataFile(name);
    return spec ? spec->max_bytes : 0;
}

// Reads the archive files of `directory`: name → bytes. Files over their limit become
// problems (not read); other entries become notes.
Result<std::map<std::string, std::string>> ReadDirectory(const fs::path& directory, std::vector<Problem>& problems,
                                                         std::vector<std::string>& notes) {
    std::error_code code;
    if (!fs::is_directory(directory, code)) return DirectoryError("DIR", directory, "is not a directory");
    std::map<std::string, std::string> files;
    std::uintmax_t total = 0;
    for (const auto& entry : fs::directory_iterator(directory, code)) {
        const std::string name = entry.path().filename().string();
        const std::size_t limit = MaxBytesOf(name);
        if (limit == 0 || !entry.is_regular_file()) {
            notes.push_back("ignored " + name + " (not a file of the archive format)");
            continue;
        }
        const auto size = entry.file_size(code);
        if (code) return DirectoryError("DIR", entry.path(), "cannot be read: " + code.message());
        if (size > limit) {
            problems.push_back(
                {name, 0, "",
                 "the file has " + std::to_string(size) + " bytes; at most " + std::to_string(limit) + " are read"});
            continue;
        }
        total += size;
        if (total > kMaxArchiveBytes) {
            problems.push_back({name, 0, "",
                                "the archive's files have more than " + std::to_string(kMaxArchiveBytes) +
                                    " bytes together; split it"});
            return files;
        }
        std::ifstream stream(entry.path(), std::ios::binary);
        std::string bytes(static_cast<std::size_t>(size), '\0');
        stream.read(bytes.data(), static_cast<std::streamsize>(size));
        if (!stream || stream.gcount() != static_cast<std::streamsize>(size)) {
            return DirectoryError("DIR", entry.path(), "cannot be read");
        }
        files.emplace(name, std::move(bytes));
    }
    if (code) return DirectoryError("DIR", directory, "cannot be listed: " + code.message());
    return files;
}

std::map<std::string, std::size_t> RowCounts(const Archive& archive) {
    return {{std::string(files::kOrganisations), archive.organisations.size()},
            {std::string(files::kPeople), archive.people.size()},
            {std::string(files::kInstrumentWindows), archive.instrument_windows.size()},
            {std::string(files::kReadinessResponses), archive.readiness_responses.size()},
            {std::string(files::kReadinessAnswers), archive.readiness_answers.size()},
            {std::string(files::kObjectives), archive.objectives.size()},
            {std::string(files::kActionRecords), archive.action_records.size()},
            {std::string(files::kActionRecordRatings), archive.ratings.size()},
            {std::string(files::kActionRecordIssues), archive.issues.size()},
            {std::string(files::kSurveys), archive.surveys.size()},
            {std::string(files::kSurveyQuestions), archive.questions.size()},
            {std::string(files::kSurveyOptions), archive.options.size()},
            {std::string(files::kSurveyResponses), archive.responses.size()},
            {std::string(files::kSurveyAnswers), archive.answers.size()},
            {std::string(files::kSurveyParticipation), archive.participation.size()},
            {std::string(files::kForumSessions), archive.sessions.size()},
            {std::string(files::kForumRegistrations), archive.registrations.size()},
            {std::string(files::kOpinionKinds), archive.opinion_kinds.size()},
            {std::string(files::kOpinions), archive.opinions.size()}};
}

Result<int> ExerciseFiscalYear(db::Connection& connection, std::int64_t exercise_id) {
    auto row = connection.QueryOne("SELECT fiscal_year FROM exercise WHERE id = $1", {exercise_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) {
        return Fail(ErrorCode::kNotFound, "--exercise: no exercise " + std::to_string(exercise_id), "--exercise");
    }
    return static_cast<int>((*row)->Int(0));
}

}  // namespace

Result<ExportReport> ExportArchive(db::Database& database, std::int64_t exercise_id, const fs::path& directory) {
    std::error_code code;
    if (fs::exists(directory, code) && (!fs::is_directory(directory, code) || !fs::is_empty(directory, code))) {
        return DirectoryError("--out", directory, "exists and is not an empty directory");
    }
    ExportReport report;
    Archive archive;
    auto read = database.Read([&](db::Connection& connection) -> Status {
        auto loaded = LoadArchive(connection, exercise_id, report.warnings);
        if (!loaded) return tl::unexpected(loaded.error());
        archive = std::move(*loaded);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    const auto files = WriteArchive(archive);
    report.rows = RowCounts(archive);

    fs::path absolute = fs::absolute(directory, code).lexically_normal();
    if (!absolute.has_filename()) absolute = absolute.parent_path();  // "out/" names "out"
    const fs::path staging =
        absolute.parent_path() / ("." + absolute.filename().string() + ".partial-" + std::to_string(::getpid()));
    fs::remove_all(staging, code);
    if (!fs::create_directories(staging, code) || code) {
        return DirectoryError("--out", staging, "cannot be created" + (code ? ": " + code.message() : ""));
    }
    for (const auto& [name, bytes] : files) {
        if (auto written = WriteBytes(staging / name, bytes); !written) {
            fs::remove_all(staging, code);
            return tl::unexpected(written.error());
        }
    }
    fs::rename(staging, absolute, code);  // replaces an empty directory, atomically
    if (code) {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        return DirectoryError("--out", directory, "cannot be written: " + code.message());
    }
    return report;
}

Result<ImportReport> ImportArchive(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                                   const audit::Actor& actor, std::int64_t exercise_id, const fs::path& directory,
                                   ImportMode mode) {
    ImportReport report;
    int fiscal_year = 0;
    CheckContext context;
    auto read = database.Read([&](db::Connection& connection) -> Status {
        auto year = ExerciseFiscalYear(connection, exercise_id);
        if (!year) return tl::unexpected(year.error());
        fiscal_year = *year;
        auto known = KnownOpinionKinds(connection, exercise_id);
        if (!known) return tl::unexpected(known.error());
        auto builtin = BuiltinOpinionKinds(connection);
        if (!builtin) return tl::unexpected(builtin.error());
        context.known_opinion_kinds = std::move(*known);
        context.builtin_opinion_kinds = std::move(*builtin);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    auto reference_data = exercise::SharedReferenceData(database);
    if (!reference_data) return tl::unexpected(reference_data.error());
    auto lookup = exercise::SharedReferenceLookup(database);
    if (!lookup) return tl::unexpected(lookup.error());

    auto files = ReadDirectory(directory, report.problems, report.notes);
    if (!files) return tl::unexpected(files.error());
    Archive archive = ParseArchive(*files, ArchiveReference{**reference_data, **lookup}, report.problems);
    report.rows = RowCounts(archive);
    if (archive.manifest.format_version == ManifestInfo::kFormatVersionUnknown) return report;
    if (archive.manifest.fiscal_year != 0 && archive.manifest.fiscal_year != fiscal_year) {
        report.notes.push_back("the archive is from fiscal year " + std::to_string(archive.manifest.fiscal_year) +
                               "; exercise " + std::to_string(exercise_id) + " is fiscal year " +
                               std::to_string(fiscal_year));
    }
    if (archive.every_file_read) CheckArchive(archive, context, report.problems);
    if (!report.problems.empty()) return report;

    const std::string now = FormatTimestamp(clock.Now());
    auto written = database.Write([&](db::Connection& connection) -> Status {
        auto summary = StoreArchive(connection, exercise_id, archive, now, report.problems);
        if (!summary) return tl::unexpected(summary.error());
        report.summary = *summary;
        if (!report.problems.empty() || mode == ImportMode::kDryRun) {
            return Fail(ErrorCode::kConflict, std::string(kRolledBack));
        }
        nlohmann::json rows = nlohmann::json::object();
        for (const auto& [name, count] : report.rows) {
            if (count > 0) rows[name] = count;
        }
        audit::AuditEntry entry{exercise_id, "archive.import",
                                "exercise",  std::to_string(exercise_id),
                                nullptr,     {{"summary", summary->ToJson()}, {"rows", rows}}};
        return audit.Append(connection, actor, entry);
    });
    if (!written) {
        if (written.error().message == kRolledBack) return report;
        return tl::unexpected(written.error());
    }
    report.applied = true;
    return report;
}

}  // namespace enshu::archive
