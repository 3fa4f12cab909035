// `enshu demo`: seeds the demo exercise if it is missing, prints how to log in as each
// role, and serves it.
//
// Passwords are generated when the demo is first seeded; only their Argon2id hashes are
// in the database. So that a second `make demo` can still tell the user how to log in,
// the printed lines are also written to `demo-logins.txt` beside the database file
// (mode 0600). A demo on `:memory:` has no such file.

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/application.hpp"
#include "app/commands.hpp"
#include "db/reference.hpp"
#include "evaluation/forum_demo.hpp"
#include "exercise/demo_seed.hpp"
#include "scenario/bundled_scenarios.hpp"
#include "scenario/scenario_store.hpp"
#include "scenario/scenario_yaml.hpp"

namespace enshu::app {

namespace {

std::optional<std::filesystem::path> LoginsFileFor(const std::string& database_url) {
    std::string path = database_url;
    if (path.rfind("sqlite://", 0) == 0) path = path.substr(9);
    if (path.empty() || path == ":memory:" || path.find("://") != std::string::npos) return std::nullopt;
    return std::filesystem::path(path).parent_path() / "demo-logins.txt";
}

std::string FormatLogins(const exercise::DemoSeedOutput& seeded) {
    std::ostringstream text;
    for (const auto& login : seeded.logins) {
        text << "login: " << login.login << " password: " << login.password << " role: " << login.role << "\n";
    }
    for (const auto& url : seeded.join_urls) text << "join: " << url << "\n";
    return text.str();
}

void SaveLogins(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::trunc);
    out << text;
    out.close();
    ::chmod(file.c_str(), S_IRUSR | S_IWUSR);
}

// Gives the demo exercise the bundled ransomware scenario unless it already has one.
Status LoadDemoScenario(api::Services& services, std::int64_t exercise_id) {
    if (services.scenarios == nullptr) return Ok();
    auto current = services.scenarios->Load(exercise_id);
    if (!current) return tl::unexpected(current.error());
    if (!(*current)->master.scenes.empty()) return Ok();
    const EmbeddedFile* bundled = nullptr;
    for (const auto& file : scenario::EmbeddedScenarios()) {
        if (file.name == scenario::kDemoScenarioFile) bundled = &file;
    }
    if (bundled == nullptr) return Fail(ErrorCode::kInternal, "the bundled demo scenario is missing from the binary");
    auto reference = db::LoadReferenceData(services.database);
    if (!reference) return tl::unexpected(reference.error());
    auto parsed = scenario::ReadScenarioYaml(bundled->content, scenario::ValidationContextFrom(*reference));
    if (!parsed) {
        return Fail(ErrorCode::kInternal, std::string("the bundled demo scenario is invalid: ") +
                                              (parsed.error().empty() ? "" : parsed.error().front().message));
    }
    return services.scenarios->SaveMaster(exercise_id, *parsed, audit::Actor{std::nullopt, "system", "", ""});
}

std::optional<std::string> ReadSavedLogins(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

int RunDemo(const ServerOptions& options, const DemoOptions& demo) {
    auto config = LoadConfigOrReport(options);
    if (!config) return 2;
    auto opened = Application::Open(*config);
    if (!opened) {
        std::cerr << "enshu: " << opened.error().message << "\n";
        return 1;
    }
    Application& application = **opened;

    std::optional<unsigned short> port;
    if (!demo.seed_only) {
        auto started = application.Start();
        if (!started) {
            std::cerr << "enshu: " << started.error().message << "\n";
            return 1;
        }
        port = *started;
    }

    exercise::DemoSeedOptions seed_options;
    seed_options.password = demo.password;
    seed_options.public_url = application.config().server.public_url.empty()
                                  ? "http://localhost:" + std::to_string(config->server.port)
                                  : application.config().server.public_url;
    auto& services = application.services();
    exercise::DemoSeedOutput seeded;
    if (auto status = exercise::SeedDemo(services.database, services.accounts, services.audit, services.clock,
                                         seed_options, seeded);
        !status) {
        std::cerr << "enshu: seeding the demo failed: " << status.error().message << "\n";
        return 1;
    }

    if (auto loaded = LoadDemoScenario(services, seeded.exercise_id); !loaded) {
        std::cerr << "enshu: loading the demo scenario failed: " << loaded.error().message << "\n";
        return 1;
    }
    if (auto sessions =
            evaluation::SeedDemoForumSessions(services.database, services.clock, services.audit, seeded.exercise_id);
        !sessions) {
        std::cerr << "enshu: adding the demo sessions failed: " << sessions.error().message << "\n";
        return 1;
    }

    const auto logins_file = LoginsFileFor(config->database_url);
    std::cout << "enshu: demo exercise \"" << exercise::kDemoExerciseTitleEn << "\" (id " << seeded.exercise_id << ")"
              << (seeded.created ? " seeded" : " already present") << "\n";
    if (seeded.created) {
        const auto text = FormatLogins(seeded);
        std::cout << text;
        if (logins_file) SaveLogins(*logins_file, text);
    } else if (auto saved = logins_file ? ReadSavedLogins(*logins_file) : std::nullopt) {
        std::cout << *saved;
    } else {
        std::cout << "enshu: the demo logins were printed when it was first seeded; delete the database to "
                     "seed it again\n";
    }
    std::cout << "enshu: open the UI and log in with one of the logins above, or open a join link\n";
    if (demo.seed_only) return 0;

    std::cout << "enshu: listening on http://" << config->server.listen_address << ":" << *port << std::endl;
    application.RunUntilStopped();
    std::cout << "enshu: stopped" << std::endl;
    return 0;
}

}  // namespace enshu::app
