#include "app/report_command.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "audit/audit_log.hpp"
#include "db/migrations.hpp"
#include "report/html_renderer.hpp"
#include "report/report_service.hpp"
#include "report/table_renderers.hpp"

namespace enshu::app {
namespace {

void ReportError(std::ostream& err, const Error& error) {
    err << "error: " << error.message;
    if (!error.field.empty()) err << " (" << error.field << ")";
    err << "\n";
}

Status WriteFile(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    if (!out) return Fail(ErrorCode::kInternal, "--out: cannot write " + path.string(), "--out");
    return Ok();
}

// CSV into a directory: one file per table (the directory is created if missing).
Status WriteCsvDirectory(const report::ReportService& service, const report::ReportRequest& request,
                         const std::filesystem::path& directory) {
    auto document = service.Build(request);
    if (!document) return tl::unexpected(document.error());
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    if (error) return Fail(ErrorCode::kInternal, "--out: cannot create " + directory.string(), "--out");
    for (const auto& file : report::RenderCsvFiles(*document)) {
        if (auto written = WriteFile(directory / file.name, file.bytes); !written) return written;
    }
    return Ok();
}

}  // namespace

int WriteReport(db::Database& database, const Clock& clock, const ReportCommandOptions& options, std::ostream& out,
                std::ostream& err) {
    auto format = report::ParseReportFormat(options.format);
    if (!format) {
        err << "error: --format must be pdf, html, xlsx or csv\n";
        return 2;
    }
    if (options.out.empty()) {
        err << "error: --out is required\n";
        return 2;
    }
    if (options.ministry && options.organisation_id) {
        err << "error: give --ministry or --organisation, not both\n";
        return 2;
    }
    report::ReportRequest request;
    request.exercise_id = options.exercise_id;
    request.language = options.language;
    request.minimum_group = options.minimum_group;
    if (options.ministry) request.scope = {report::ScopeKind::kMinistry, *options.ministry, 0};
    if (options.organisation_id) request.scope = {report::ScopeKind::kOrganisation, "", *options.organisation_id};
    const audit::AuditLog audit(clock);
    const report::ReportService service(database, clock, audit);
    const auto started = std::chrono::steady_clock::now();
    const std::filesystem::path path(options.out);
    Status written;
    if (*format == report::ReportFormat::kCsv && path.extension() != ".zip") {
        written = WriteCsvDirectory(service, request, path);
    } else {
        auto rendered = service.Render(request, *format);
        if (!rendered) {
            written = tl::unexpected(rendered.error());
        } else {
            written = WriteFile(path, rendered->bytes);
        }
    }
    if (!written) {
        ReportError(err, written.error());
        return 1;
    }
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    std::error_code ignored;
    const auto size = std::filesystem::is_regular_file(path, ignored) ? std::filesystem::file_size(path, ignored) : 0;
    out << "wrote " << path.string() << " (" << options.format << ", " << size << " bytes) in " << elapsed << " ms\n";
    return 0;
}

int RunReport(const ServerOptions& server, const ReportCommandOptions& options) {
    auto config = LoadConfigOrReport(server);
    if (!config) return 1;
    auto database = db::OpenDatabase(config->database_url);
    if (!database) {
        ReportError(std::cerr, database.error());
        return 1;
    }
    if (auto migrated = db::Migrate(**database); !migrated) {
        ReportError(std::cerr, migrated.error());
        return 1;
    }
    const SystemClock clock;
    return WriteReport(**database, clock, options, std::cout, std::cerr);
}

}  // namespace enshu::app
