#include "exercise/demo_seed.hpp"

#include <utility>

#include "db/reference.hpp"
#include "exercise/demo_data.hpp"
#include "exercise/exercise_repository.hpp"
#include "exercise/model.hpp"
#include "exercise/organisation_repository.hpp"
#include "exercise/person_repository.hpp"

namespace enshu::exercise {
namespace {

constexpr std::size_t kExampleJoinLinks = 3;
constexpr std::size_t kGeneratedPasswordBytes = 12;  // 16 URL-safe characters

struct StaffAccount {
    std::string login;
    std::string display_name;
    bool is_admin = false;
    Role role = Role::kObserver;
    std::optional<std::string> ministry_code;
    std::string role_label;
    std::int64_t user_id = 0;
};

std::vector<StaffAccount> StaffAccounts(const db::ReferenceData& reference) {
    std::vector<StaffAccount> accounts = {
        {"admin", "管理者", true, Role::kOrganiser, std::nullopt, "admin", 0},
        {"organiser", "事務局 太郎", false, Role::kOrganiser, std::nullopt, "organiser", 0},
        {"controller", "統制 花子", false, Role::kController, std::nullopt, "controller", 0},
        {"observer", "見学 次郎", false, Role::kObserver, std::nullopt, "observer", 0},
    };
    for (const auto& ministry : reference.ministries) {
        accounts.push_back({"ministry-" + ministry.code, ministry.short_ja + " 担当", false, Role::kMinistry,
                            ministry.code, "ministry:" + ministry.code, 0});
    }
    return accounts;
}

// Creates the account unless its login exists; records the login and password.
Status EnsureStaffUser(accounts::AccountService& accounts, const audit::Actor& actor, const DemoSeedOptions& options,
                       StaffAccount& account, DemoSeedOutput& out) {
    if (auto existing = accounts.FindUserIdByLogin(account.login)) {
        account.user_id = *existing;
        out.logins.push_back({account.login, "", account.role_label});
        return Ok();
    }
    const std::string password = options.password.value_or(accounts::RandomToken(kGeneratedPasswordBytes));
    auto id = accounts.CreateStaffUser({account.login, account.display_name, password, "", account.is_admin}, actor);
    if (!id) return tl::unexpected(id.error());
    account.user_id = *id;
    out.logins.push_back({account.login, password, account.role_label});
    return Ok();
}

std::string Trimmed(std::string url) {
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

}  // namespace

Status SeedDemo(db::Database& database, accounts::AccountService& accounts, const audit::AuditLog& audit,
                const Clock& clock, DemoSeedOutput& out) {
    return SeedDemo(database, accounts, audit, clock, DemoSeedOptions{}, out);
}

Status SeedDemo(db::Database& database, accounts::AccountService& accounts, const audit::AuditLog& audit,
                const Clock& clock, const DemoSeedOptions& options, DemoSeedOutput& out) {
    out = DemoSeedOutput{};
    const audit::Actor actor{std::nullopt, "demo", "", ""};
    std::optional<std::int64_t> existing;
    auto checked = database.Read([&](db::Connection& connection) -> Status {
        auto found = FindExerciseIdByTitleEn(connection, kDemoExerciseTitleEn);
        if (!found) return tl::unexpected(found.error());
        existing = *found;
        return Ok();
    });
    if (!checked) return checked;
    if (existing) {
        out.exercise_id = *existing;
        return Ok();
    }

    auto reference = db::LoadReferenceData(database);
    if (!reference) return tl::unexpected(reference.error());
    std::vector<StaffAccount> staff = StaffAccounts(*reference);
    for (auto& account : staff) {
        if (auto ensured = EnsureStaffUser(accounts, actor, options, account, out); !ensured) return ensured;
    }

    const std::string now = FormatTimestamp(clock.Now());
    const std::string base_url = Trimmed(options.public_url);
    std::vector<DemoOrganisation> organisations = DemoOrganisations();
    DemoSeedOutput written = out;
    auto status = database.Write([&](db::Connection& connection) -> Status {
        Exercise exercise;
        exercise.fiscal_year = 2023;
        exercise.title_ja = kDemoExerciseTitleJa;
        exercise.title_en = kDemoExerciseTitleEn;
        exercise.description = "デモ用の架空の演習です。組織名・氏名はすべて架空のものです。";
        exercise.phases = DemoPhases();
        if (auto inserted = InsertExercise(connection, exercise, now); !inserted) return inserted;
        written.exercise_id = exercise.id;
        if (auto audited = audit.Append(connection, actor,
                                        {exercise.id, "exercise.create", "exercise", std::to_string(exercise.id),
                                         nullptr, ExerciseFieldsJson(exercise)});
            !audited) {
            return audited;
        }
        for (const auto& account : staff) {
            if (auto added = AddStaffMembership(connection, exercise.id, account.user_id, account.role,
                                                account.ministry_code, now);
                !added) {
                return added;
            }
        }
        for (auto& demo : organisations) {
            Organisation& organisation = demo.organisation;
            organisation.exercise_id = exercise.id;
            const auto* sector = reference->FindSector(organisation.sector_code);
            if (!sector) return Fail(ErrorCode::kInternal, "demo data: unknown sector " + organisation.sector_code);
            organisation.ministry_code = sector->ministry_code;
            auto id = InsertOrganisation(connection, organisation, now);
            if (!id) return tl::unexpected(id.error());
            organisation.id = *id;
            ++written.organisation_count;
            for (const auto& demo_person : demo.people) {
                Person person;
                person.exercise_id = exercise.id;
                person.organisation_id = organisation.id;
                person.role = demo_person.role;
                person.display_name = demo_person.display_name;
                person.email = demo_person.email;
                person.phone = demo_person.phone;
                person.department = demo_person.department;
                person.is_contact = demo_person.is_contact;
                if (auto inserted = InsertPerson(connection, person, now); !inserted) return inserted;
                ++written.person_count;
                if (person.role == "org_lead" && written.join_urls.size() < kExampleJoinLinks) {
                    auto token = accounts.IssueJoinLinkIn(connection, person.id, actor);
                    if (!token) return tl::unexpected(token.error());
                    written.join_urls.push_back(base_url + "/join#" + *token);
                }
            }
        }
        return audit.Append(connection, actor,
                            {exercise.id,
                             "demo.seed",
                             "exercise",
                             std::to_string(exercise.id),
                             nullptr,
                             {{"organisations", written.organisation_count},
                              {"people", written.person_count},
                              {"staff_accounts", staff.size()}}});
    });
    if (!status) return status;
    written.created = true;
    out = std::move(written);
    return Ok();
}

}  // namespace enshu::exercise
