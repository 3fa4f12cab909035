#include "app/load_prepare.hpp"

#include <sys/stat.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "accounts/account_service.hpp"
#include "accounts/session_store.hpp"
#include "exercise/exercise_input.hpp"
#include "exercise/exercise_service.hpp"
#include "exercise/organisation_import.hpp"
#include "exercise/person_import.hpp"
#include "exercise/reference_lookup.hpp"

namespace enshu::app {

namespace {

constexpr char kAdminLogin[] = "load-admin";
constexpr int kMaxOrganisations = 10'000;
constexpr int kMaxParticipants = 100'000;
constexpr std::size_t kImportChunkRows = 5000;  // exercise::kMaxImportRows

constexpr std::string_view kParticipantsOfExercise =
    "SELECT p.user_id, p.display_name, p.organisation_id FROM person p WHERE p.exercise_id = $1 ORDER BY p.id";

constexpr std::array<const char*, 14> kSectors = {"ict",         "finance",  "aviation",   "airports", "railway",
                                                  "electricity", "gas",      "government", "medical",  "water",
                                                  "logistics",   "chemical", "credit",     "petroleum"};
constexpr std::array<const char*, 2> kModes = {"venue", "online"};

std::string Numbered(const char* prefix, int number, int width) {
    char digits[16];
    std::snprintf(digits, sizeof(digits), "%0*d", width, number);
    return std::string(prefix) + digits;
}

Status ImportChecked(const Result<exercise::ImportReport>& report, const std::string& what) {
    if (!report) return tl::unexpected(report.error());
    if (!report->valid) {
        std::string message = what + ": import refused";
        if (!report->errors.empty()) {
            message += " (row " + std::to_string(report->errors.front().row) + ", " + report->errors.front().column +
                       ": " + report->errors.front().message + ")";
        }
        return Fail(ErrorCode::kInternal, message, what);
    }
    return Ok();
}

}  // namespace

Result<LoadCredentials> PrepareLoad(Application& application, const LoadPrepareOptions& options) {
    if (options.organisations < 1 || options.organisations > kMaxOrganisations) {
        return Fail(ErrorCode::kInvalidArgument, "organisations: must be 1.." + std::to_string(kMaxOrganisations),
                    "organisations");
    }
    if (options.participants < 1 || options.participants > kMaxParticipants) {
        return Fail(ErrorCode::kInvalidArgument, "participants: must be 1.." + std::to_string(kMaxParticipants),
                    "participants");
    }
    api::Services& services = application.services();
    db::Database& database = services.database;
    if (services.accounts.FindUserIdByLogin(kAdminLogin)) {
        return Fail(ErrorCode::kConflict, "db: already prepared for a load test (use a fresh database)", "db");
    }
    const audit::Actor cli{std::nullopt, "cli", "", ""};
    auto admin_id = services.accounts.CreateStaffUser(
        {kAdminLogin, "Load generator", accounts::RandomToken(24), "", /*is_admin=*/true}, cli);
    if (!admin_id) return tl::unexpected(admin_id.error());
    Principal admin;
    admin.user_id = *admin_id;
    admin.display_name = "Load generator";
    admin.is_admin = true;
    const audit::Actor actor{*admin_id, "Load generator", "", ""};

    exercise::ExerciseService exercises(database, services.clock, services.audit);
    exercise::ExerciseInput input;
    input.fiscal_year = 2023;
    input.title_ja = "負荷試験（enshu load）";
    input.title_en = "Load test (enshu load)";
    auto created = exercises.Create(admin, actor, input);
    if (!created) return tl::unexpected(created.error());
    LoadCredentials credentials;
    credentials.exercise_id = created->exercise.id;

    auto reference = exercise::SharedReferenceLookup(database);
    if (!reference) return tl::unexpected(reference.error());
    const exercise::TransferContext context{database, services.clock, services.audit, **reference, admin, actor};

    std::string organisations = "external_ref,name,sector,size_band,region,participation_mode\n";
    for (int i = 1; i <= options.organisations; ++i) {
        organisations += Numbered("L", i, 5) + "," + Numbered("負荷試験組織 ", i, 5) + "," +
                         kSectors[static_cast<std::size_t>(i) % kSectors.size()] + ",medium,JP-13," +
                         kModes[static_cast<std::size_t>(i) % kModes.size()] + "\n";
    }
    auto imported =
        exercise::ImportOrganisations(context, credentials.exercise_id, organisations, exercise::ImportMode::kApply);
    if (auto checked = ImportChecked(imported, "organisations"); !checked) return tl::unexpected(checked.error());

    for (int first = 1; first <= options.participants; first += static_cast<int>(kImportChunkRows)) {
        const int last = std::min(options.participants, first + static_cast<int>(kImportChunkRows) - 1);
        std::string people = "organisation,display_name,role\n";
        for (int i = first; i <= last; ++i) {
            people += Numbered("L", 1 + (i - 1) % options.organisations, 5) + "," + Numbered("参加者 ", i, 6) +
                      ",participant\n";
        }
        auto added = exercise::ImportPeople(context, credentials.exercise_id, people, exercise::ImportMode::kApply);
        if (auto checked = ImportChecked(added, "people"); !checked) return tl::unexpected(checked.error());
    }

    // Sessions, as a join would start them (not audited: a join is not audited either).
    const accounts::ClientInfo client{"127.0.0.1", "enshu load prepare", ""};
    const auto& settings = services.accounts.settings();
    const TimePoint now = services.clock.Now();
    auto written = database.Write([&](db::Connection& connection) -> Status {
        auto staff =
            accounts::StartSession(connection, {*admin_id, "Load generator", kAdminLogin, true}, now, settings, client);
        if (!staff) return tl::unexpected(staff.error());
        credentials.staff_token = staff->token;
        credentials.staff_csrf = staff->principal.csrf_token;
        auto rows = connection.Query(kParticipantsOfExercise, {credentials.exercise_id});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) {
            auto session =
                accounts::StartSession(connection, {row.Int(0), row.Text(1), "", false}, now, settings, client);
            if (!session) return tl::unexpected(session.error());
            credentials.participants.push_back({row.Int(2), session->token});
        }
        return Ok();
    });
    if (!written) return tl::unexpected(written.error());
    return credentials;
}

Status WriteLoadCredentials(const std::string& path, const LoadCredentials& credentials) {
    std::ofstream file(path, std::ios::trunc);
    if (!file) return Fail(ErrorCode::kInvalidArgument, "credentials: cannot write '" + path + "'", "credentials");
    ::chmod(path.c_str(), 0600);  // session tokens
    file << "# enshu load credentials: session tokens (secret)\n";
    file << "exercise " << credentials.exercise_id << "\n";
    file << "staff " << credentials.staff_token << " " << credentials.staff_csrf << "\n";
    for (const auto& participant : credentials.participants) {
        file << "stream " << participant.organisation_id << " " << participant.token << "\n";
    }
    file.close();
    if (!file) return Fail(ErrorCode::kUnavailable, "credentials: writing '" + path + "' failed", "credentials");
    return Ok();
}

Result<LoadCredentials> ReadLoadCredentials(const std::string& path) {
    std::ifstream file(path);
    if (!file) return Fail(ErrorCode::kInvalidArgument, "credentials: cannot read '" + path + "'", "credentials");
    LoadCredentials credentials;
    std::string line;
    int number = 0;
    while (std::getline(file, line)) {
        ++number;
        if (line.empty() || line.front() == '#') continue;
        std::istringstream fields(line);
        std::string kind;
        fields >> kind;
        bool ok = false;
        if (kind == "exercise") {
            ok = static_cast<bool>(fields >> credentials.exercise_id);
        } else if (kind == "staff") {
            ok = static_cast<bool>(fields >> credentials.staff_token >> credentials.staff_csrf);
        } else if (kind == "stream") {
            LoadCredentials::Participant participant;
            ok = static_cast<bool>(fields >> participant.organisation_id >> participant.token);
            if (ok) credentials.participants.push_back(std::move(participant));
        }
        if (!ok) {
            return Fail(ErrorCode::kInvalidArgument,
                        "credentials: line " + std::to_string(number) + " of '" + path +
                            "' is not 'exercise', 'staff' or 'stream'",
                        "credentials");
        }
    }
    if (credentials.exercise_id == 0 || credentials.staff_token.empty() || credentials.participants.empty()) {
        return Fail(ErrorCode::kInvalidArgument,
                    "credentials: '" + path + "' lacks the exercise, staff or stream lines", "credentials");
    }
    return credentials;
}

}  // namespace enshu::app
