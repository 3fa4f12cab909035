// Import side of archive_repository.hpp: a checked Archive → the exercise's tables, in
// the caller's write transaction. This file: the driver, organisations and people (through
// the exercise module's repositories); archive_store_records.cpp: everything else.

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "archive/archive_repository.hpp"
#include "archive/archive_storer.hpp"
#include "exercise/organisation_repository.hpp"
#include "exercise/person_repository.hpp"

namespace enshu::archive {
namespace {

constexpr std::string_view kSelectOpinionKindCodes =
    "SELECT code FROM opinion_kind WHERE exercise_id = 0 OR exercise_id = $1 ORDER BY code";
constexpr std::string_view kSelectBuiltinOpinionKindCodes =
    "SELECT code FROM opinion_kind WHERE exercise_id = 0 ORDER BY code";

std::string Lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool SameFields(const exercise::Organisation& a, const exercise::Organisation& b) {
    return a.external_ref == b.external_ref && a.name == b.name && a.name_kana == b.name_kana &&
           a.name_en == b.name_en && a.sector_code == b.sector_code && a.ministry_code == b.ministry_code &&
           a.size_band == b.size_band && a.region == b.region && a.participation_mode == b.participation_mode;
}

bool SameFields(const exercise::Person& a, const exercise::Person& b) {
    return a.role == b.role && a.display_name == b.display_name && a.email == b.email && a.phone == b.phone &&
           a.department == b.department && a.is_contact == b.is_contact && a.team_roles == b.team_roles;
}

}  // namespace

Result<ImportSummary> Storer::Run() {
    for (auto step : {&Storer::StoreOrganisations, &Storer::StorePeople, &Storer::StoreInstruments,
                      &Storer::StoreSurveys, &Storer::StoreForum}) {
        if (auto status = (this->*step)(); !status) return tl::unexpected(status.error());
        if (!problems_.empty()) return summary_;
    }
    return summary_;
}

Status Storer::Execute(std::string_view sql, const db::Params& params) {
    auto done = connection_.Execute(sql, params);
    if (!done) return tl::unexpected(done.error());
    return Ok();
}

Result<std::int64_t> Storer::InsertReturningId(std::string_view sql, const db::Params& params) {
    auto row = connection_.QueryOne(sql, params);
    if (!row) return tl::unexpected(row.error());
    if (!*row) return Fail(ErrorCode::kInternal, "INSERT returned no id");
    return (*row)->Int(0);
}

db::Value Storer::UserOf(const std::string& person_key) const {
    if (person_key.empty()) return std::monostate{};
    return people_.at(person_key).user_id;
}

Status Storer::StoreOrganisations() {
    auto existing = exercise::AllOrganisations(connection_, exercise_id_);
    if (!existing) return tl::unexpected(existing.error());
    std::map<std::string, const exercise::Organisation*> by_ref, by_name;
    for (const auto& organisation : *existing) {
        if (!organisation.external_ref.empty()) by_ref[organisation.external_ref] = &organisation;
        by_name[organisation.name] = &organisation;
    }
    std::map<std::int64_t, std::size_t> matched_rows;  // organisation id → archive row
    for (const auto& record : archive_.organisations) {
        // Match: by external_ref; else the organisation of the same name that has no
        // external_ref (or, when the file gives none, any of that name).
        const exercise::Organisation* match = nullptr;
        if (!record.external_ref.empty()) {
            const auto found = by_ref.find(record.external_ref);
            if (found != by_ref.end()) match = found->second;
        }
        if (!match) {
            const auto found = by_name.find(record.name);
            if (found != by_name.end() && (record.external_ref.empty() || found->second->external_ref.empty())) {
                match = found->second;
            }
        }
        if (match) {
            const auto [earlier, first] = matched_rows.emplace(match->id, record.row);
            if (!first) {
                problems_.push_back({std::string(files::kOrganisations), record.row, "organisation_key",
                                     "matches the same organisation of the exercise as row " +
                                         std::to_string(earlier->second) + " (by external_ref or name)"});
                continue;
            }
        }
        exercise::Organisation organisation = match ? *match : exercise::Organisation{};
        organisation.exercise_id = exercise_id_;
        // An empty external_ref in the file never clears the stored one.
        if (!record.external_ref.empty()) organisation.external_ref = record.external_ref;
        organisation.name = record.name;
        organisation.name_kana = record.name_kana;
        organisation.name_en = record.name_en;
        organisation.sector_code = record.sector_code;
        organisation.ministry_code = record.ministry_code;
        organisation.size_band = record.size_band;
        organisation.region = record.region;
        organisation.participation_mode = record.participation_mode;

        const std::int64_t except = match ? match->id : 0;
        auto name_taken = exercise::FindOrganisationIdByName(connection_, exercise_id_, organisation.name, except);
        if (!name_taken) return tl::unexpected(name_taken.error());
        if (*name_taken) {
            problems_.push_back({std::string(files::kOrganisations), record.row, "name",
                                 "another organisation of the exercise already has this name"});
            continue;
        }
        if (!organisation.external_ref.empty()) {
            auto ref_taken =
                exercise::FindOrganisationIdByExternalRef(connection_, exercise_id_, organisation.external_ref, except);
            if (!ref_taken) return tl::unexpected(ref_taken.error());
            if (*ref_taken) {
                problems_.push_back({std::string(files::kOrganisations), record.row, "external_ref",
                                     "another organisation of the exercise already has this external_ref"});
                continue;
            }
        }
        if (!match) {
            auto id = exercise::InsertOrganisation(connection_, organisation, now_);
            if (!id) return tl::unexpected(id.error());
            organisation_ids_[record.key] = *id;
            ++summary_.organisations_created;
            continue;
        }
        organisation_ids_[record.key] = match->id;
        replaced_organisations_.push_back(match->id);
        if (SameFields(organisation, *match)) {
            ++summary_.organisations_unchanged;
            continue;
        }
        if (auto updated = exercise::UpdateOrganisation(connection_, organisation, now_); !updated) {
            return tl::unexpected(updated.error());
        }
        ++summary_.organisations_updated;
    }
    return Ok();
}

// People match within their organisation by e-mail (case-insensitive), else by the one
// unmatched person of the same name; unmatched people are created. People of the
// exercise that the archive does not list are kept.
Status Storer::StorePeople() {
    std::map<std::int64_t, std::vector<exercise::Person>> existing;
    std::map<std::int64_t, std::vector<bool>> taken;
    for (const auto& record : archive_.people) {
        const std::int64_t organisation_id = organisation_ids_.at(record.organisation_key);
        if (!existing.count(organisation_id)) {
            auto people = exercise::ListPeople(connection_, exercise_id_, organisation_id, now_);
            if (!people) return tl::unexpected(people.error());
            taken[organisation_id].assign(people->size(), false);
            existing[organisation_id] = std::move(*people);
        }
        auto& candidates = existing[organisation_id];
        auto& used = taken[organisation_id];
        std::optional<std::size_t> match;
        for (std::size_t i = 0; i < candidates.size() && !match; ++i) {
            if (!used[i] && !record.email.empty() && Lower(candidates[i].email) == Lower(record.email)) match = i;
        }
        // Without e-mail: the first unmatched person with the same name and the same
        // other fields, else the first unmatched one with the same name (in ListPeople
        // order), so that identical people in the file map one to one to stored ones.
        for (int pass = 0; pass < 2 && !match && record.email.empty(); ++pass) {
            for (std::size_t i = 0; i < candidates.size() && !match; ++i) {
                const auto& candidate = candidates[i];
                if (used[i] || candidate.display_name != record.display_name) continue;
                if (pass == 0 && (candidate.role != record.role || candidate.phone != record.phone ||
                                  candidate.department != record.department || !candidate.email.empty())) {
                    continue;
                }
                match = i;
            }
        }
        exercise::Person person = match ? candidates[*match] : exercise::Person{};
        person.exercise_id = exercise_id_;
        person.organisation_id = organisation_id;
        person.role = record.role;
        person.display_name = record.display_name;
        person.email = record.email;
        person.phone = record.phone;
        person.department = record.department;
        person.is_contact = record.is_contact;
        person.team_roles = record.team_roles;
        if (!person.email.empty()) {
            auto email_taken =
                exercise::FindPersonIdByEmail(connection_, organisation_id, person.email, match ? person.id : 0);
            if (!email_taken) return tl::unexpected(email_taken.error());
            if (*email_taken) {
                problems_.push_back({std::string(files::kPeople), record.row, "email",
                                     "another person of the organisation already has this e-mail address"});
                continue;
            }
        }
        if (match) {
            used[*match] = true;
            if (SameFields(person, candidates[*match])) {
                ++summary_.people_unchanged;
            } else {
                if (auto updated = exercise::UpdatePerson(connection_, person, now_); !updated) {
                    return tl::unexpected(updated.error());
                }
                ++summary_.people_updated;
            }
        } else {
            if (auto inserted = exercise::InsertPerson(connection_, person, now_); !inserted) {
                return tl::unexpected(inserted.error());
            }
            ++summary_.people_created;
        }
        people_[record.key] = {person.id, person.user_id};
    }
    return Ok();
}

nlohmann::json ImportSummary::ToJson() const {
    return {{"organisations",
             {{"created", organisations_created},
              {"updated", organisations_updated},
              {"unchanged", organisations_unchanged}}},
            {"people", {{"created", people_created}, {"updated", people_updated}, {"unchanged", people_unchanged}}},
            {"instrument_rows", {{"deleted", instrument_rows_deleted}, {"inserted", instrument_rows_inserted}}},
            {"instrument_windows", instrument_windows_written},
            {"surveys",
             {{"created", surveys_created}, {"replaced", surveys_replaced}, {"rows_inserted", survey_rows_inserted}}},
            {"sessions",
             {{"created", sessions_created}, {"replaced", sessions_replaced}, {"rows_inserted", forum_rows_inserted}}},
            {"opinion_kinds", opinion_kinds_written}};
}

Result<ImportSummary> StoreArchive(db::Connection& connection, std::int64_t exercise_id, const Archive& archive,
                                   const std::string& now, std::vector<Problem>& problems) {
    return Storer(connection, exercise_id, archive, now, problems).Run();
}

Result<std::set<std::string>> KnownOpinionKinds(db::Connection& connection, std::int64_t exercise_id) {
    auto rows = connection.Query(kSelectOpinionKindCodes, {exercise_id});
    if (!rows) return tl::unexpected(rows.error());
    std::set<std::string> codes;
    for (const auto& row : *rows) codes.insert(row.Text(0));
    return codes;
}

Result<std::set<std::string>> BuiltinOpinionKinds(db::Connection& connection) {
    auto rows = connection.Query(kSelectBuiltinOpinionKindCodes);
    if (!rows) return tl::unexpected(rows.error());
    std::set<std::string> codes;
    for (const auto& row : *rows) codes.insert(row.Text(0));
    return codes;
}

}  // namespace enshu::archive
