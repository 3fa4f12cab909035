#include "app/load_command.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "app/commands.hpp"
#include "net/http_client.hpp"
#include "net/load_generator.hpp"

namespace enshu::app {

namespace {

struct ServerMemory {
    double rss_mb = 0;
    double hwm_mb = 0;
    bool known = false;
};

// VmRSS and VmHWM of a process (Linux /proc), in MB (10^6 bytes).
ServerMemory ReadServerMemory(long pid) {
    ServerMemory memory;
    if (pid <= 0) return memory;
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        long kilobytes = 0;
        if (std::sscanf(line.c_str(), "VmRSS: %ld kB", &kilobytes) == 1) {
            memory.rss_mb = static_cast<double>(kilobytes) * 1024 / 1e6;
            memory.known = true;
        } else if (std::sscanf(line.c_str(), "VmHWM: %ld kB", &kilobytes) == 1) {
            memory.hwm_mb = static_cast<double>(kilobytes) * 1024 / 1e6;
        }
    }
    return memory;
}

std::string Milliseconds(std::int64_t microseconds) {
    char text[32];
    std::snprintf(text, sizeof(text), "%.3f ms", static_cast<double>(microseconds) / 1000.0);
    return text;
}

std::string Filler(int bytes) {
    static const std::string sentence = "Load test inject: the operator's billing system is unavailable. ";
    std::string text;
    while (static_cast<int>(text.size()) < bytes) text += sentence;
    text.resize(static_cast<std::size_t>(std::max(0, bytes)));
    return text;
}

int PrepareCommand(const std::string& database, const std::string& credentials_path,
                   const LoadPrepareOptions& options) {
    ServerOptions server_options;
    server_options.flags["database"] = database;
    auto config = LoadConfigOrReport(server_options);
    if (!config) return 2;
    auto application = Application::Open(*config);
    if (!application) {
        std::cerr << "enshu load: " << application.error().message << "\n";
        return 1;
    }
    const auto started = std::chrono::steady_clock::now();
    auto credentials = PrepareLoad(**application, options);
    if (!credentials) {
        std::cerr << "enshu load prepare: " << credentials.error().message << "\n";
        return 1;
    }
    if (auto written = WriteLoadCredentials(credentials_path, *credentials); !written) {
        std::cerr << "enshu load prepare: " << written.error().message << "\n";
        return 1;
    }
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "enshu load prepare: exercise " << credentials->exercise_id << ", " << options.organisations
              << " organisations, " << credentials->participants.size() << " participant sessions in " << seconds
              << " s; credentials in " << credentials_path << std::endl;
    return 0;
}

int RunCommand(const LoadRunOptions& options) {
    auto credentials = ReadLoadCredentials(options.credentials);
    if (!credentials) {
        std::cerr << "enshu load run: " << credentials.error().message << "\n";
        return 2;
    }
    if (options.audience != "everyone" && options.audience != "organisation") {
        std::cerr << "enshu load run: --audience must be 'everyone' or 'organisation'\n";
        return 2;
    }
    std::vector<net::LoadStream> streams;
    std::set<std::int64_t> organisation_set;
    for (const auto& participant : credentials->participants) {
        if (options.participants > 0 && static_cast<int>(streams.size()) >= options.participants) break;
        streams.push_back({participant.token, participant.organisation_id, std::nullopt});
        organisation_set.insert(participant.organisation_id);
    }
    const std::vector<std::int64_t> organisations(organisation_set.begin(), organisation_set.end());

    net::LoadSettings settings;
    settings.host = options.host;
    settings.port = options.port;
    settings.exercise_id = credentials->exercise_id;
    settings.io_threads = options.threads;
    settings.source_addresses = options.source_addresses;
    net::LoadGenerator generator(settings, streams);
    const auto connect_started = std::chrono::steady_clock::now();
    if (auto connected = generator.Connect(); !connected) {
        std::cerr << "enshu load run: " << connected.error().message << "\n";
        return 1;
    }
    const double connect_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - connect_started).count();
    const ServerMemory connected_memory = ReadServerMemory(options.server_pid);
    std::cout << "enshu load run: " << streams.size() << " streams open over " << organisations.size()
              << " organisations in " << connect_seconds << " s";
    if (connected_memory.known) std::cout << "; server VmRSS " << connected_memory.rss_mb << " MB";
    std::cout << std::endl;

    net::HttpClient organiser(options.host, options.port);
    organiser.SetCookie("enshu_session", credentials->staff_token);
    organiser.SetCsrfToken(credentials->staff_csrf);
    const std::string target = "/api/exercises/" + std::to_string(credentials->exercise_id) + "/adhoc-injects";
    const std::string body_text = Filler(options.body_bytes);
    for (int release = 0; release < options.releases; ++release) {
        nlohmann::json audience;
        std::optional<std::vector<std::int64_t>> reached;
        if (options.audience == "everyone") {
            audience = {{"everyone", true}};
        } else {
            const std::int64_t organisation_id =
                organisations[static_cast<std::size_t>(release) % organisations.size()];
            audience = {{"organisation_ids", {organisation_id}}};
            reached = std::vector<std::int64_t>{organisation_id};
        }
        const nlohmann::json body = {
            {"title",
             {{"ja", "負荷試験 " + std::to_string(release + 1)}, {"en", "Load test " + std::to_string(release + 1)}}},
            {"body", {{"ja", body_text}}},
            {"audience", audience},
            {"objectives", nlohmann::json::array()}};
        auto response = organiser.Post(target, body.dump());
        if (!response || response->status != 201) {
            std::cerr << "enshu load run: release " << release + 1 << " failed: "
                      << (response ? std::to_string(response->status) + " " + response->body : response.error().message)
                      << "\n";
            return 1;
        }
        const auto answer = nlohmann::json::parse(response->body, nullptr, false);
        if (!answer.contains("release") || !answer["release"].contains("inject_id")) {
            std::cerr << "enshu load run: release " << release + 1 << ": no release.inject_id in " << response->body
                      << "\n";
            return 1;
        }
        generator.Expect(answer["release"]["inject_id"].get<std::string>(), reached);
        if (options.interval_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(options.interval_ms));
    }
    const bool complete =
        generator.WaitForDelivery(std::chrono::steady_clock::now() + std::chrono::seconds(options.wait_seconds));
    const net::LoadReport report = generator.Report();
    const ServerMemory memory = ReadServerMemory(options.server_pid);

    std::cout << "releases: " << options.releases << " to "
              << (options.audience == "everyone" ? "everyone" : "one organisation each, in turn") << "; inject frame "
              << report.inject_frame_bytes << " bytes\n";
    std::cout << "streams: " << report.streams << " (connected " << report.connected << ", failed " << report.failed
              << ", dropped by the server " << report.dropped << ")\n";
    std::cout << "delivered: " << report.received << " of " << report.expected << " (stream, inject) pairs; lost "
              << report.lost << ", duplicates " << report.duplicates << ", misaddressed " << report.misaddressed
              << ", out of order " << report.out_of_order << "\n";
    std::cout << "delay: p50 " << Milliseconds(report.delay_p50_us) << ", p99 " << Milliseconds(report.delay_p99_us)
              << ", max " << Milliseconds(report.delay_max_us) << "\n";
    if (memory.known) {
        std::cout << "server " << options.server_pid << ": VmRSS " << memory.rss_mb << " MB, VmHWM " << memory.hwm_mb
                  << " MB\n";
    }
    bool ok = complete && report.lost == 0 && report.duplicates == 0 && report.misaddressed == 0 &&
              report.out_of_order == 0 && report.dropped == 0;
    if (options.max_p99_ms > 0 && static_cast<double>(report.delay_p99_us) / 1000.0 > options.max_p99_ms) {
        std::cout << "target missed: p99 above " << options.max_p99_ms << " ms\n";
        ok = false;
    }
    if (options.max_rss_mb > 0 && memory.known && memory.rss_mb > options.max_rss_mb) {
        std::cout << "target missed: server VmRSS above " << options.max_rss_mb << " MB\n";
        ok = false;
    }
    std::cout << (ok ? "result: PASS" : "result: FAIL") << std::endl;
    return ok ? 0 : 1;
}

}  // namespace

LoadCommand::LoadCommand(CLI::App& cli) {
    auto* load = cli.add_subcommand("load", "Live-delivery load generator (see bench/README.md)");
    load->require_subcommand(1);
    prepare_ = load->add_subcommand(
        "prepare", "Write a load-test exercise, organisations, participants and their sessions into a fresh database");
    prepare_->add_option("--db", database_, "SQLite database file (fresh; the server is started on it afterwards)")
        ->required();
    prepare_->add_option("--credentials", prepare_credentials_, "file to write the session tokens to")->required();
    prepare_->add_option("--organisations", prepare_options_.organisations, "organisations (default 800)");
    prepare_->add_option("--participants", prepare_options_.participants, "participants (default 10000)");

    run_ = load->add_subcommand("run", "Open SSE streams as participants, release ad-hoc injects, report delivery");
    LoadRunOptions& run = run_options_;
    run_->add_option("--host", run.host, "server address (loopback only; default 127.0.0.1)");
    run_->add_option("--port", run.port, "server port")->required();
    run_->add_option("--credentials", run.credentials, "file written by `enshu load prepare`")->required();
    run_->add_option("--participants", run.participants, "open only the first N streams (default: all)");
    run_->add_option("--releases", run.releases, "ad-hoc injects to release (default 20)");
    run_->add_option("--audience", run.audience, "everyone | organisation (one organisation per release, in turn)");
    run_->add_option("--interval-ms", run.interval_ms, "pause between releases (default 250)");
    run_->add_option("--body-bytes", run.body_bytes, "inject body size (default 660: a ~1 KB frame)");
    run_->add_option("--server-pid", run.server_pid, "report this process's VmRSS/VmHWM");
    run_->add_option("--threads", run.threads, "generator io threads (default 1)");
    run_->add_option("--source-addresses", run.source_addresses,
                     "spread streams over 127.0.0.1..127.0.0.N when ephemeral ports run short (default 1)");
    run_->add_option("--wait-seconds", run.wait_seconds, "wait this long for deliveries after the last release");
    run_->add_option("--max-p99-ms", run.max_p99_ms, "fail when the p99 delay is above this");
    run_->add_option("--max-rss-mb", run.max_rss_mb, "fail when the server's VmRSS is above this (MB)");
}

bool LoadCommand::parsed() const { return prepare_->parsed() || run_->parsed(); }

int LoadCommand::Run() const {
    if (prepare_->parsed()) return PrepareCommand(database_, prepare_credentials_, prepare_options_);
    return RunCommand(run_options_);
}

}  // namespace enshu::app
