#include "exercise/person_import.hpp"

#include <map>
#include <optional>
#include <utility>

#include "exercise/exercise_repository.hpp"
#include "exercise/organisation_repository.hpp"
#include "exercise/person_input.hpp"
#include "exercise/person_repository.hpp"
#include "exercise/visibility.hpp"
#include "io/text.hpp"

namespace enshu::exercise {
namespace {

struct PlannedPerson {
    Person person;
    bool exists = false;
    bool changed = false;
};

std::string MessageWithoutField(const Error& error) {
    const std::string prefix = error.field + ": ";
    if (error.message.rfind(prefix, 0) == 0) return error.message.substr(prefix.size());
    return error.message;
}

std::string EmailKey(std::int64_t organisation_id, const std::string& email) {
    return std::to_string(organisation_id) + "\n" + io::NormaliseForSearch(email);
}

std::string NameKey(std::int64_t organisation_id, const std::string& display_name) {
    return std::to_string(organisation_id) + "\n" + display_name;
}

class PersonPlanner {
  public:
    PersonPlanner(std::vector<Organisation> organisations, std::vector<Person> people)
        : organisations_(std::move(organisations)), people_(std::move(people)) {
        for (std::size_t i = 0; i < organisations_.size(); ++i) {
            if (!organisations_[i].external_ref.empty()) organisation_by_ref_[organisations_[i].external_ref] = i;
            organisation_by_name_[organisations_[i].name] = i;
        }
        for (std::size_t i = 0; i < people_.size(); ++i) {
            const Person& person = people_[i];
            if (!person.email.empty()) person_by_email_[EmailKey(person.organisation_id, person.email)] = i;
            people_by_name_.emplace(NameKey(person.organisation_id, person.display_name), i);
        }
    }

    void Plan(const UploadedTable& table, ImportReport& report, std::vector<PlannedPerson>& planned) {
        const ColumnMap columns = ColumnMap::Resolve(table, PersonColumns(), report.errors);
        report.row_count = table.rows.size();
        if (!report.errors.empty()) return;
        for (const auto& row : table.rows) PlanRow(columns, row, report, planned);
    }

  private:
    void PlanRow(const ColumnMap& columns, const UploadedRow& row, ImportReport& report,
                 std::vector<PlannedPerson>& planned) {
        const std::size_t errors_before = report.errors.size();
        const auto add_error = [&](std::string_view field, std::string message) {
            report.errors.push_back({row.number, columns.HeaderOfField(field), std::move(message)});
        };

        const std::string organisation_text = columns.Cell(row, "organisation").value_or("");
        const Organisation* organisation = nullptr;
        if (organisation_text.empty()) {
            add_error("organisation", "is required");
        } else if (const auto it = organisation_by_ref_.find(organisation_text); it != organisation_by_ref_.end()) {
            organisation = &organisations_[it->second];
        } else if (const auto named = organisation_by_name_.find(organisation_text);
                   named != organisation_by_name_.end()) {
            organisation = &organisations_[named->second];
        } else {
            add_error("organisation", "no organisation with external_ref or name '" + organisation_text + "'");
        }

        PersonInput input;
        input.display_name = columns.Cell(row, "display_name");
        input.role = columns.Cell(row, "role");
        input.email = columns.Cell(row, "email");
        input.phone = columns.Cell(row, "phone");
        input.department = columns.Cell(row, "department");
        if (const auto contact = columns.Cell(row, "is_contact")) {
            if (const auto parsed = ParseYesNo(*contact)) {
                input.is_contact = *parsed;
            } else {
                add_error("is_contact", "'" + *contact + "' is not yes/no (yes, no, true, false, 1, 0, はい, いいえ)");
            }
        }

        if (const auto roles = columns.Cell(row, "team_roles")) input.team_roles = SplitTeamRolesCell(*roles);

        // The existing person this row updates, if any.
        std::optional<std::size_t> target;
        if (organisation) {
            const std::string email = input.email.value_or("");
            if (!email.empty()) {
                if (const auto it = person_by_email_.find(EmailKey(organisation->id, email));
                    it != person_by_email_.end()) {
                    target = it->second;
                }
            } else if (input.display_name && !input.display_name->empty()) {
                const auto [first, last] = people_by_name_.equal_range(NameKey(organisation->id, *input.display_name));
                if (first != last && std::next(first) == last) {
                    target = first->second;
                } else if (first != last) {
                    add_error("display_name", "several people of this organisation are named '" + *input.display_name +
                                                  "': give their e-mail addresses");
                }
            }
        }

        PlannedPerson plan;
        plan.exists = target.has_value();
        if (target) {
            plan.person = people_[*target];
        } else if (organisation) {
            plan.person.exercise_id = organisation->exercise_id;
            plan.person.organisation_id = organisation->id;
        }
        for (const auto& error :
             ApplyPersonInput(input, InputMode::kCreate, ValueSpelling::kCodesOrNames, plan.person)) {
            // An entry of the team_roles cell keeps its index in the message ("team_roles[1]: …").
            if (error.field.rfind("team_roles[", 0) == 0) {
                add_error("team_roles", error.message);
            } else {
                add_error(error.field, MessageWithoutField(error));
            }
        }

        if (organisation) {
            const Person& result = plan.person;
            // Duplicates inside the file: the same e-mail, or the same name without e-mail.
            const std::string key = result.email.empty() ? NameKey(organisation->id, result.display_name)
                                                         : EmailKey(organisation->id, result.email);
            auto& seen = result.email.empty() ? seen_names_ : seen_emails_;
            if (const auto it = seen.find(key); it != seen.end()) {
                add_error(result.email.empty() ? "display_name" : "email",
                          "the same person of this organisation also appears in row " + std::to_string(it->second));
            } else {
                seen[key] = row.number;
            }
            if (target) {
                if (const auto it = targeted_.find(*target); it != targeted_.end()) {
                    add_error("display_name", "updates the same person as row " + std::to_string(it->second));
                } else {
                    targeted_[*target] = row.number;
                }
            }
            if (!result.email.empty()) {
                if (const auto it = person_by_email_.find(EmailKey(organisation->id, result.email));
                    it != person_by_email_.end() && it->second != target) {
                    add_error("email", "'" + result.email + "' is already used by another person of this organisation");
                }
            }
        }
        if (report.errors.size() != errors_before) return;
        if (target) {
            plan.changed = PersonFieldsJson(people_[*target]) != PersonFieldsJson(plan.person);
            ++(plan.changed ? report.updated : report.unchanged);
        } else {
            ++report.created;
        }
        planned.push_back(std::move(plan));
    }

    std::vector<Organisation> organisations_;
    std::vector<Person> people_;
    std::map<std::string, std::size_t> organisation_by_ref_;
    std::map<std::string, std::size_t> organisation_by_name_;
    std::map<std::string, std::size_t> person_by_email_;
    std::multimap<std::string, std::size_t> people_by_name_;
    std::map<std::string, std::size_t> seen_emails_;
    std::map<std::string, std::size_t> seen_names_;
    std::map<std::size_t, std::size_t> targeted_;
};

}  // namespace

const std::vector<ColumnSpec>& PersonColumns() {
    static const std::vector<ColumnSpec> columns = {
        {"organisation", "組織", "organisation", true, false},
        {"display_name", "氏名", "display_name", true, false},
        {"role", "役割", "role", true, false},
        {"email", "メール", "email", false, false},
        {"phone", "電話", "phone", false, false},
        {"department", "部署", "department", false, false},
        {"is_contact", "連絡窓口", "is_contact", false, false},
        {"team_roles", "担当機能", "team_roles", false, false},
        {"join_link", "参加リンク", "join_link", false, true},
    };
    return columns;
}

Result<ImportReport> ImportPeople(const TransferContext& context, std::int64_t exercise_id, std::string_view file_bytes,
                                  ImportMode mode) {
    auto table = OpenImport(context, exercise_id, file_bytes);
    if (!table) return tl::unexpected(table.error());

    ImportReport report;
    report.dry_run = mode == ImportMode::kDryRun;
    const std::string now = FormatTimestamp(context.clock.Now());
    const auto work = [&](db::Connection& connection) -> Status {
        if (auto exists = RequireExerciseIn(connection, exercise_id); !exists) return exists;
        auto organisations = AllOrganisations(connection, exercise_id);
        if (!organisations) return tl::unexpected(organisations.error());
        auto people = ListPeopleOfExercise(connection, exercise_id, now);
        if (!people) return tl::unexpected(people.error());
        std::vector<PlannedPerson> planned;
        PersonPlanner(std::move(*organisations), std::move(*people)).Plan(*table, report, planned);
        report.valid = report.errors.empty();
        if (mode == ImportMode::kDryRun || !report.valid) return Ok();
        for (auto& plan : planned) {
            if (!plan.exists) {
                if (auto inserted = InsertPerson(connection, plan.person, now); !inserted) return inserted;
            } else if (plan.changed) {
                if (auto updated = UpdatePerson(connection, plan.person, now); !updated) return updated;
            }
        }
        return AppendImportAudit(context, connection, exercise_id, "people.import", report);
    };
    auto status = RunImportTransaction(context, mode, work);
    if (!status) return tl::unexpected(status.error());
    return report;
}

}  // namespace enshu::exercise
