#include "app/scenario_command.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>

#include "api/scenario_context.hpp"
#include "audit/audit_log.hpp"
#include "db/migrations.hpp"
#include "exercise/exercise_repository.hpp"
#include "scenario/scenario_msel.hpp"
#include "scenario/scenario_store.hpp"
#include "scenario/scenario_yaml.hpp"

namespace enshu::app {
namespace {

enum class FileFormat { kYaml, kXlsx };

// A workbook is zipped XML; the reader applies its own limit (4 × kMaxScenarioBytes).
constexpr std::uintmax_t kMaxFileBytes = 4 * scenario::kMaxScenarioBytes;

const audit::Actor kCliActor{std::nullopt, "cli", "", ""};

std::string Lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::optional<FileFormat> FormatOfPath(const std::string& path) {
    const std::string extension = Lower(std::filesystem::path(path).extension().string());
    if (extension == ".yaml" || extension == ".yml") return FileFormat::kYaml;
    if (extension == ".xlsx") return FileFormat::kXlsx;
    return std::nullopt;
}

void Report(std::ostream& err, const Error& error) {
    err << "enshu: " << error.message;
    if (!error.field.empty() && error.message.find(error.field) == std::string::npos) err << " (" << error.field << ")";
    err << "\n";
}

Result<std::string> ReadFile(const std::string& path) {
    std::error_code code;
    const auto size = std::filesystem::file_size(path, code);
    if (code) return Fail(ErrorCode::kInvalidArgument, "FILE: cannot read '" + path + "': " + code.message(), "FILE");
    if (size > kMaxFileBytes) {
        return Fail(ErrorCode::kPayloadTooLarge,
                    "FILE: '" + path + "' is larger than " + std::to_string(kMaxFileBytes) + " bytes", "FILE");
    }
    std::ifstream stream(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
    if (!stream.good() && !stream.eof()) {
        return Fail(ErrorCode::kInvalidArgument, "FILE: cannot read '" + path + "'", "FILE");
    }
    return bytes;
}

Status RequireExercise(db::Database& database, std::int64_t exercise_id) {
    return database.Read([&](db::Connection& connection) -> Status {
        auto exists = exercise::ExerciseExists(connection, exercise_id);
        if (!exists) return tl::unexpected(exists.error());
        if (!*exists) {
            return Fail(ErrorCode::kNotFound, "--exercise: no exercise " + std::to_string(exercise_id), "--exercise");
        }
        return Ok();
    });
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

int ImportScenario(db::Database& database, const Clock& clock, const ScenarioImportOptions& options, std::ostream& out,
                   std::ostream& err) {
    const auto format = FormatOfPath(options.file);
    if (!format) {
        err << "enshu: FILE: '" << options.file << "' must end in .yaml, .yml or .xlsx\n";
        return 2;
    }
    if (auto exists = RequireExercise(database, options.exercise_id); !exists) {
        Report(err, exists.error());
        return 1;
    }
    auto bytes = ReadFile(options.file);
    if (!bytes) {
        Report(err, bytes.error());
        return 1;
    }
    auto validation = api::ExerciseValidationContext(database, options.exercise_id);
    if (!validation) {
        Report(err, validation.error());
        return 1;
    }
    const auto read = *format == FileFormat::kYaml ? scenario::ReadScenarioYaml(*bytes, *validation)
                                                   : scenario::ReadScenarioXlsx(*bytes, *validation);
    if (!read) {
        // Each message already starts with its place: "line 42: injects[7].at: ...".
        for (const auto& problem : read.error()) err << options.file << ": " << problem.message << "\n";
        err << "enshu: " << read.error().size() << " problem(s) in " << options.file << "; nothing was imported\n";
        return 1;
    }
    const std::string counts =
        std::to_string(read->injects.size()) + " injects in " + std::to_string(read->scenes.size()) + " scenes";
    if (options.dry_run) {
        out << "enshu: " << options.file << " is valid (" << counts << "); dry run, nothing stored\n";
        return 0;
    }
    const audit::AuditLog audit(clock);
    scenario::ScenarioStore store(database, audit, clock);
    if (auto saved = store.SaveMaster(options.exercise_id, *read, kCliActor); !saved) {
        Report(err, saved.error());
        return 1;
    }
    auto snapshot = store.Load(options.exercise_id);
    if (!snapshot) {
        Report(err, snapshot.error());
        return 1;
    }
    out << "enshu: imported scenario '" << read->id << "' into exercise " << options.exercise_id << ": " << counts
        << "; version " << (*snapshot)->master_version << "\n";
    return 0;
}

int ExportScenario(db::Database& database, const Clock& clock, const ScenarioExportOptions& options, std::ostream& out,
                   std::ostream& err) {
    if (options.format != "yaml" && options.format != "xlsx") {
        err << "enshu: --format: must be yaml or xlsx\n";
        return 2;
    }
    if (auto exists = RequireExercise(database, options.exercise_id); !exists) {
        Report(err, exists.error());
        return 1;
    }
    const audit::AuditLog audit(clock);
    scenario::ScenarioStore store(database, audit, clock);
    auto snapshot = store.Load(options.exercise_id);
    if (!snapshot) {
        Report(err, snapshot.error());
        return 1;
    }
    const scenario::Scenario& master = (*snapshot)->master;
    if (master.scenes.empty()) {
        err << "enshu: exercise " << options.exercise_id << " has no scenario\n";
        return 1;
    }
    std::string bytes;
    if (options.format == "yaml") {
        bytes = scenario::WriteScenarioYaml(master);
    } else {
        auto workbook = scenario::WriteScenarioXlsx(master);
        if (!workbook) {
            Report(err, workbook.error());
            return 1;
        }
        bytes = std::move(*workbook);
    }
    std::ofstream stream(options.out, std::ios::binary | std::ios::trunc);
    stream.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    stream.close();
    if (!stream) {
        err << "enshu: --out: cannot write '" << options.out << "'\n";
        return 1;
    }
    out << "enshu: wrote scenario '" << master.id << "' of exercise " << options.exercise_id << " (version "
        << (*snapshot)->master_version << ", " << master.injects.size() << " injects in " << master.scenes.size()
        << " scenes) to " << options.out << "\n";
    return 0;
}

int RunScenarioImport(const ServerOptions& options, const ScenarioImportOptions& import) {
    auto database = OpenMigrated(options);
    if (!database) return 1;
    const SystemClock clock;
    return ImportScenario(**database, clock, import, std::cout, std::cerr);
}

int RunScenarioExport(const ServerOptions& options, const ScenarioExportOptions& exported) {
    auto database = OpenMigrated(options);
    if (!database) return 1;
    const SystemClock clock;
    return ExportScenario(**database, clock, exported, std::cout, std::cerr);
}

}  // namespace enshu::app
