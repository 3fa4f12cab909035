#include "app/commands.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "accounts/account_service.hpp"
#include "app/application.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"

namespace enshu::app {

namespace {

void ReportError(const Error& error) {
    std::cerr << "enshu: " << error.message;
    if (!error.field.empty() && error.message.find(error.field) == std::string::npos) {
        std::cerr << " (" << error.field << ")";
    }
    std::cerr << "\n";
}

// Reads a password: the first line of stdin, or a prompt without echo on a terminal.
std::optional<std::string> ReadPassword(bool from_stdin) {
    std::string password;
    const bool terminal = isatty(STDIN_FILENO) != 0;
    if (!from_stdin && !terminal) {
        std::cerr << "enshu: no terminal to ask for the password; use --password-stdin\n";
        return std::nullopt;
    }
    termios saved{};
    if (!from_stdin) {
        std::cerr << "Password: " << std::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    std::getline(std::cin, password);
    if (!from_stdin) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::cerr << "\n";
    }
    if (!password.empty() && password.back() == '\r') password.pop_back();
    return password;
}

}  // namespace

std::optional<AppConfig> LoadConfigOrReport(const ServerOptions& options) {
    auto config = LoadConfig(options.config_file, options.flags, [](const char* name) { return std::getenv(name); });
    if (!config) {
        ReportError(config.error());
        return std::nullopt;
    }
    return *config;
}

int ServeUntilStopped(Application& application) {
    auto port = application.Start();
    if (!port) {
        ReportError(port.error());
        return 1;
    }
    const auto& server = application.config().server;
    std::cout << "enshu: listening on http://" << server.listen_address << ":" << *port << std::endl;
    application.RunUntilStopped();
    std::cout << "enshu: stopped" << std::endl;
    return 0;
}

int RunServe(const ServerOptions& options) {
    auto config = LoadConfigOrReport(options);
    if (!config) return 2;
    auto application = Application::Open(*config);
    if (!application) {
        ReportError(application.error());
        return 1;
    }
    return ServeUntilStopped(**application);
}

int RunMigrate(const ServerOptions& options) {
    auto config = LoadConfigOrReport(options);
    if (!config) return 2;
    auto database = db::OpenDatabase(config->database_url);
    if (!database) {
        ReportError(database.error());
        return 1;
    }
    auto status = db::Migrate(**database);
    if (!status) {
        ReportError(status.error());
        return 1;
    }
    if (status->applied_now.empty()) {
        std::cout << "enshu: database " << config->database_url << " is up to date at schema version "
                  << status->current_version << "\n";
    } else {
        std::cout << "enshu: applied " << status->applied_now.size() << " migration(s) to " << config->database_url
                  << "; schema version is now " << status->current_version << "\n";
    }
    return 0;
}

int RunUserAdd(const ServerOptions& options, const UserAddOptions& user) {
    auto config = LoadConfigOrReport(options);
    if (!config) return 2;
    if (user.role.has_value() != user.exercise_id.has_value()) {
        std::cerr << "enshu: --role and --exercise go together\n";
        return 2;
    }
    std::optional<Role> role;
    if (user.role) {
        role = ParseRole(*user.role);
        if (!role || *role == Role::kOrgLead || *role == Role::kParticipant) {
            std::cerr << "enshu: --role must be organiser, controller, ministry or observer\n";
            return 2;
        }
    }
    auto password = ReadPassword(user.password_from_stdin);
    if (!password) return 2;
    auto application = Application::Open(*config);
    if (!application) {
        ReportError(application.error());
        return 1;
    }
    auto& accounts = (*application)->services().accounts;
    const audit::Actor actor{std::nullopt, "cli", "", ""};
    auto user_id = accounts.CreateStaffUser({user.login, user.display_name, *password, user.email, user.is_admin}, actor);
    if (!user_id) {
        ReportError(user_id.error());
        return 1;
    }
    if (role) {
        if (auto added = accounts.AddMembership(*user.exercise_id, *user_id, *role, user.ministry_code, actor); !added) {
            ReportError(added.error());
            return 1;
        }
    }
    std::cout << "enshu: created staff account '" << user.login << "' (id " << *user_id << ")"
              << (user.is_admin ? " with administrator rights" : "") << "\n";
    return 0;
}

}  // namespace enshu::app
