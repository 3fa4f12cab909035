#pragma once

// `enshu load prepare` and `enshu load run`: the live-delivery load generator
// (bench/README.md). cli.cpp constructs one LoadCommand before parsing and runs it
// when it was chosen.

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

#include "app/load_prepare.hpp"

namespace enshu::app {

struct LoadRunOptions {
    std::string host = "127.0.0.1";
    unsigned short port = 8080;
    std::string credentials;
    int participants = 0;  // the first N streams of the credentials file; 0 = all
    int releases = 20;
    std::string audience = "everyone";  // everyone | organisation (one organisation per release, in turn)
    int interval_ms = 250;              // between releases
    int body_bytes = 660;               // ad-hoc inject body (with the envelope: a ~1 KB frame)
    long server_pid = 0;                // read VmRSS/VmHWM of this process; 0 = do not
    int threads = 1;                    // generator io threads
    int source_addresses = 1;           // 127.0.0.1 .. 127.0.0.N
    int wait_seconds = 30;              // for deliveries after the last release
    double max_p99_ms = 0;              // exit 1 when exceeded (0 = no check)
    double max_rss_mb = 0;              // exit 1 when the server's VmRSS exceeds it (0 = no check)
};

class LoadCommand {
  public:
    // Adds the `load` subcommand with `prepare` and `run` to `cli`.
    explicit LoadCommand(CLI::App& cli);
    bool parsed() const;
    // Exit code: 0 success; 1 failure or a missed target (loss, duplicates, limits); 2 usage.
    int Run() const;

  private:
    CLI::App* prepare_ = nullptr;
    CLI::App* run_ = nullptr;
    std::string database_;
    std::string prepare_credentials_;
    LoadPrepareOptions prepare_options_;
    LoadRunOptions run_options_;
};

}  // namespace enshu::app
