#include "app/cli.hpp"

#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "app/application.hpp"
#include "app/archive_command.hpp"
#include "app/commands.hpp"
#include "app/config_loader.hpp"
#include "app/file_limit.hpp"
#include "app/load_command.hpp"
#include "app/report_command.hpp"
#include "app/scenario_command.hpp"
#include "app/version.hpp"

namespace enshu::app {

namespace {

// The flag spelling of a configuration key: "web_root" -> "--web-root"; "database" -> "--db".
std::string FlagName(const std::string& key) {
    if (key == "database") return "--db";
    std::string flag = "--" + key;
    for (auto& character : flag) {
        if (character == '_') character = '-';
    }
    return flag;
}

// Adds one flag per configuration key, plus --config, collecting what was given.
void AddConfigFlags(CLI::App& command, ServerOptions& options) {
    command.add_option("--config", options.config_file, "YAML configuration file (also ENSHU_CONFIG)");
    for (const auto& key : ConfigKeys()) {
        const std::string name = key.key;
        command.add_option_function<std::string>(
            FlagName(name), [&options, name](const std::string& value) { options.flags[name] = value; },
            key.description + " [" + key.environment + "]");
    }
}

}  // namespace

int RunCommandLine(int argc, char** argv) {
    RaiseOpenFileLimit();  // live streams: one descriptor each
    CLI::App cli{"enshu: runs national cross-sector cyber-incident exercises (演習)", "enshu"};
    cli.require_subcommand(1);

    ServerOptions serve_options;
    auto* serve = cli.add_subcommand("serve", "Run the HTTP server (API, live streams and web UI)");
    AddConfigFlags(*serve, serve_options);

    ServerOptions demo_options;
    DemoOptions demo_settings;
    auto* demo = cli.add_subcommand(
        "demo", "Seed the demo exercise (if missing), print how to log in as each role, and serve it");
    AddConfigFlags(*demo, demo_options);
    demo->add_option("--password", demo_settings.password,
                     "password for every demo staff account (default: generated and printed)");
    demo->add_flag("--seed-only", demo_settings.seed_only, "seed and print the logins, then exit without serving");

    ServerOptions migrate_options;
    auto* migrate = cli.add_subcommand("migrate", "Apply pending database migrations and print the schema version");
    AddConfigFlags(*migrate, migrate_options);

    auto* user = cli.add_subcommand("user", "Manage staff accounts");
    user->require_subcommand(1);
    ServerOptions user_options;
    UserAddOptions user_add;
    auto* user_add_command =
        user->add_subcommand("add", "Create a staff account (organiser, controller, ministry, observer)");
    AddConfigFlags(*user_add_command, user_options);
    user_add_command->add_option("--login", user_add.login, "login name (3-64 of A-Z a-z 0-9 . _ - @)")->required();
    user_add_command->add_option("--name", user_add.display_name, "display name")->required();
    user_add_command->add_option("--email", user_add.email, "e-mail address");
    user_add_command->add_flag("--admin", user_add.is_admin, "may create exercises and acts as organiser everywhere");
    user_add_command->add_flag("--password-stdin", user_add.password_from_stdin,
                               "read the password from the first line of standard input");
    user_add_command->add_option("--exercise", user_add.exercise_id, "exercise id to add a role in");
    user_add_command->add_option("--role", user_add.role,
                                 "role in that exercise: organiser, controller, ministry, observer");
    user_add_command->add_option("--ministry", user_add.ministry_code,
                                 "ministry code for the ministry role (fsa, mic, mhlw, meti, mlit)");

    auto* scenario = cli.add_subcommand("scenario", "Import or export the master scenario of an exercise");
    scenario->require_subcommand(1);
    ServerOptions scenario_options;
    ScenarioImportOptions scenario_import;
    auto* scenario_import_command =
        scenario->add_subcommand("import", "Validate a scenario file (.yaml/.yml or MSEL .xlsx) and store it");
    AddConfigFlags(*scenario_import_command, scenario_options);
    scenario_import_command->add_option("--exercise", scenario_import.exercise_id, "exercise id")->required();
    scenario_import_command->add_option("FILE", scenario_import.file, "scenario file")->required();
    scenario_import_command->add_flag("--dry-run", scenario_import.dry_run, "validate only; store nothing");
    ScenarioExportOptions scenario_export;
    auto* scenario_export_command = scenario->add_subcommand("export", "Write the stored scenario to a file");
    AddConfigFlags(*scenario_export_command, scenario_options);
    scenario_export_command->add_option("--exercise", scenario_export.exercise_id, "exercise id")->required();
    scenario_export_command->add_option("--format", scenario_export.format, "yaml (default) or xlsx")
        ->check(CLI::IsMember({"yaml", "xlsx"}));
    scenario_export_command->add_option("--out", scenario_export.out, "file to write")->required();

    // The exercise data archive (docs/data-format.md).
    ServerOptions archive_options;
    ArchiveExportOptions archive_export;
    auto* export_command = cli.add_subcommand(
        "export", "Write an exercise's data as CSV files (docs/data-format.md) into a new directory");
    AddConfigFlags(*export_command, archive_options);
    export_command->add_option("--exercise", archive_export.exercise_id, "exercise id")->required();
    export_command->add_option("--out", archive_export.out, "directory to create (must not exist or be empty)")
        ->required();
    ArchiveImportOptions archive_import;
    auto* import_command = cli.add_subcommand(
        "import", "Check an exported data directory and (with --apply) import it into an exercise, all or nothing");
    AddConfigFlags(*import_command, archive_options);
    import_command->add_option("--exercise", archive_import.exercise_id, "exercise id")->required();
    import_command->add_option("DIR", archive_import.directory, "directory with manifest.csv and the data files")
        ->required();
    import_command->add_flag("--dry-run", archive_import.dry_run, "check and report what would change (the default)");
    import_command->add_flag("--apply", archive_import.apply, "store the data (only if every file is valid)");

    // The results report (docs/report.md "Command line").
    ServerOptions report_options;
    ReportCommandOptions report_command;
    auto* report = cli.add_subcommand("report", "Write the results report of an exercise (pdf, html, xlsx or csv)");
    AddConfigFlags(*report, report_options);
    report->add_option("--exercise", report_command.exercise_id, "exercise id")->required();
    report->add_option("--format", report_command.format, "pdf (default), html, xlsx or csv")
        ->check(CLI::IsMember({"pdf", "html", "xlsx", "csv"}));
    report->add_option("--out", report_command.out, "file to write; for csv a .zip file or a directory")->required();
    report->add_option("--language", report_command.language, "ja (default) or en")->check(CLI::IsMember({"ja", "en"}));
    report->add_option("--ministry", report_command.ministry, "a ministry's report: its sectors only (fsa, mic, ...)");
    report->add_option("--organisation", report_command.organisation_id, "an organisation's feedback report (id)");
    report
        ->add_option("--minimum-group", report_command.minimum_group,
                     "suppress sector figures below N organisations (3..100)")
        ->check(CLI::Range(3, 100));

    LoadCommand load(cli);
    cli.add_subcommand("version", "Print the version");

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return cli.exit(error);
    }

    if (serve->parsed()) return RunServe(serve_options);
    if (demo->parsed()) return RunDemo(demo_options, demo_settings);
    if (migrate->parsed()) return RunMigrate(migrate_options);
    if (user_add_command->parsed()) return RunUserAdd(user_options, user_add);
    if (scenario_import_command->parsed()) return RunScenarioImport(scenario_options, scenario_import);
    if (scenario_export_command->parsed()) return RunScenarioExport(scenario_options, scenario_export);
    if (export_command->parsed()) return RunArchiveExport(archive_options, archive_export);
    if (import_command->parsed()) return RunArchiveImport(archive_options, archive_import);
    if (report->parsed()) return RunReport(report_options, report_command);
    if (load.parsed()) return load.Run();
    std::cout << "enshu " << kVersion << "\n";
    return 0;
}

}  // namespace enshu::app
