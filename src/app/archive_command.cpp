#include "app/archive_command.hpp"

#include <iostream>

#include "archive/archive_transfer.hpp"
#include "audit/audit_log.hpp"
#include "db/migrations.hpp"

namespace enshu::app {
namespace {

const audit::Actor kCliActor{std::nullopt, "cli", "", ""};

void Report(std::ostream& err, const Error& error) { err << "enshu: " << error.message << "\n"; }

std::string Counts(std::int64_t created, std::int64_t updated, std::int64_t unchanged) {
    return std::to_string(created) + " created, " + std::to_string(updated) + " updated, " + std::to_string(unchanged) +
           " unchanged";
}

void PrintSummary(std::ostream& out, const archive::ImportSummary& s) {
    out << "  organisations: " << Counts(s.organisations_created, s.organisations_updated, s.organisations_unchanged)
        << "\n"
        << "  people: " << Counts(s.people_created, s.people_updated, s.people_unchanged) << "\n"
        << "  instrument data of these organisations: " << s.instrument_rows_deleted << " rows replaced by "
        << s.instrument_rows_inserted << "; instrument windows: " << s.instrument_windows_written << "\n"
        << "  surveys: " << s.surveys_created << " created, " << s.surveys_replaced << " replaced; "
        << s.survey_rows_inserted << " questions, responses, answers and participations\n"
        << "  sessions: " << s.sessions_created << " created, " << s.sessions_replaced << " replaced; "
        << s.forum_rows_inserted << " registrations and opinions; opinion kinds: " << s.opinion_kinds_written << "\n";
}

std::optional<std::unique_ptr<db::Database>> OpenMigrated(const ServerOptions& options) {
    auto config = LoadConfigOrReport(options);
    if (!config) return std::nullopt;
    auto database = db::OpenDatabase(config->database_url);
    if (!database) {
        Report(std::cerr, database.error());
        return std::nullopt;
    }
    if (auto migrated = db::Migrate(**database); !migrated) {
        Report(std::cerr, migrated.error());
        return std::nullopt;
    }
    return std::move(*database);
}

}  // namespace

int ExportArchiveCommand(db::Database& database, const ArchiveExportOptions& options, std::ostream& out,
                         std::ostream& err) {
    auto report = archive::ExportArchive(database, options.exercise_id, options.out);
    if (!report) {
        Report(err, report.error());
        return 1;
    }
    for (const auto& warning : report->warnings) err << "enshu: warning: " << warning << "\n";
    out << "enshu: wrote the data of exercise " << options.exercise_id << " to " << options.out << ":\n";
    for (const auto& spec : archive::DataFiles()) {
        out << "  " << spec.name << ": " << report->rows.at(std::string(spec.name)) << " rows\n";
    }
    return 0;
}

int ImportArchiveCommand(db::Database& database, const Clock& clock, const ArchiveImportOptions& options,
                         std::ostream& out, std::ostream& err) {
    if (options.dry_run && options.apply) {
        err << "enshu: --dry-run and --apply exclude each other\n";
        return 2;
    }
    const auto mode = options.apply ? archive::ImportMode::kApply : archive::ImportMode::kDryRun;
    const audit::AuditLog audit(clock);
    auto report =
        archive::ImportArchive(database, clock, audit, kCliActor, options.exercise_id, options.directory, mode);
    if (!report) {
        Report(err, report.error());
        return 1;
    }
    for (const auto& note : report->notes) out << "enshu: note: " << note << "\n";
    if (!report->problems.empty()) {
        std::size_t printed = 0;
        for (const auto& problem : report->problems) {
            if (printed++ == kMaxPrintedProblems) {
                err << "... and " << report->problems.size() - kMaxPrintedProblems << " more\n";
                break;
            }
            err << archive::ToString(problem) << "\n";
        }
        err << "enshu: " << report->problems.size() << " problem(s) in " << options.directory
            << "; nothing was imported\n";
        return 1;
    }
    out << "enshu: " << options.directory << " is valid; "
        << (report->applied ? "imported into" : "an import would change") << " exercise " << options.exercise_id
        << ":\n";
    PrintSummary(out, report->summary);
    if (!report->applied) out << "enshu: dry run, nothing stored; run again with --apply to import\n";
    return 0;
}

int RunArchiveExport(const ServerOptions& options, const ArchiveExportOptions& exported) {
    auto database = OpenMigrated(options);
    if (!database) return 1;
    return ExportArchiveCommand(**database, exported, std::cout, std::cerr);
}

int RunArchiveImport(const ServerOptions& options, const ArchiveImportOptions& imported) {
    auto database = OpenMigrated(options);
    if (!database) return 1;
    const SystemClock clock;
    return ImportArchiveCommand(**database, clock, imported, std::cout, std::cerr);
}

}  // namespace enshu::app
