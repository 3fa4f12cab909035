// Export side of archive_repository.hpp: one exercise's rows → Archive, with keys and
// the canonical row order.

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "archive/archive_answers.hpp"
#include "archive/archive_repository.hpp"
#include "archive/archive_table.hpp"

namespace enshu::archive {
namespace {

constexpr std::string_view kSelectExercise = "SELECT fiscal_year, title_ja, title_en FROM exercise WHERE id = $1";
constexpr std::string_view kSelectOrganisations =
    "SELECT id, COALESCE(external_ref, ''), name, name_kana, name_en, sector_code, ministry_code, size_band, region, "
    "participation_mode FROM organisation WHERE exercise_id = $1";
constexpr std::string_view kSelectPeople =
    "SELECT id, user_id, organisation_id, role, display_name, email, phone, department, is_contact, team_roles "
    "FROM person WHERE exercise_id = $1";
constexpr std::string_view kSelectWindows =
    "SELECT instrument, COALESCE(opens_at, ''), COALESCE(closes_at, '') FROM instrument_window WHERE exercise_id = $1";
constexpr std::string_view kSelectReadinessResponses =
    "SELECT organisation_id, part, status, COALESCE(submitted_at, ''), submitted_by_user_id, updated_at "
    "FROM readiness_response WHERE exercise_id = $1";
constexpr std::string_view kSelectReadinessAnswers =
    "SELECT organisation_id, item_id, option_code, updated_at FROM readiness_answer WHERE exercise_id = $1";
constexpr std::string_view kSelectObjectives =
    "SELECT id, organisation_id, objective_id, custom_index, custom_text, created_at, updated_at "
    "FROM chosen_objective WHERE exercise_id = $1";
constexpr std::string_view kSelectSheets =
    "SELECT organisation_id, status, COALESCE(submitted_at, ''), submitted_by_user_id, COALESCE(reopened_at, ''), "
    "reopened_by_user_id, updated_at FROM action_record_sheet WHERE exercise_id = $1";
constexpr std::string_view kSelectRatings =
    "SELECT r.chosen_objective_id, r.setting, r.option_code, r.updated_at FROM action_record_rating r "
    "JOIN chosen_objective c ON c.id = r.chosen_objective_id WHERE c.exercise_id = $1";
constexpr std::string_view kSelectIssues =
    "SELECT i.chosen_objective_id, i.position, i.text, i.created_at, i.updated_at FROM action_record_issue i "
    "JOIN chosen_objective c ON c.id = i.chosen_objective_id WHERE c.exercise_id = $1";
constexpr std::string_view kSelectSurveys =
    "SELECT id, code, title_ja, title_en, intro_ja, intro_en, respondent, anonymity, COALESCE(opens_at, ''), "
    "COALESCE(closes_at, ''), created_at, updated_at FROM survey WHERE exercise_id = $1";
constexpr std::string_view kSelectQuestions =
    "SELECT q.id, q.survey_id, q.code, q.position, q.kind, q.text_ja, q.text_en, q.required, q.options, "
    "q.number_min, q.number_max, q.show_if FROM survey_question q JOIN survey s ON s.id = q.survey_id "
    "WHERE s.exercise_id = $1";
// Only what the schema keeps: anonymous responses have no organisation or person.
constexpr std::string_view kSelectResponses =
    "SELECT r.id, r.survey_id, r.organisation_id, r.person_id, r.sector_code, r.submitted_on "
    "FROM survey_response r JOIN survey s ON s.id = r.survey_id WHERE s.exercise_id = $1";
constexpr std::string_view kSelectAnswers =
    "SELECT a.response_id, a.question_id, a.value FROM survey_answer a "
    "JOIN survey_response r ON r.id = a.response_id JOIN survey s ON s.id = r.survey_id WHERE s.exercise_id = $1";
constexpr std::string_view kSelectParticipation =
    "SELECT p.survey_id, p.organisation_id, p.person_id FROM survey_participation p "
    "JOIN survey s ON s.id = p.survey_id WHERE s.exercise_id = $1";
constexpr std::string_view kSelectSessions =
    "SELECT id, kind, title_ja, title_en, starts_at, ends_at, format, location, capacity, themes, experts, "
    "survey_id, created_at, updated_at FROM forum_session WHERE exercise_id = $1";
constexpr std::string_view kSelectRegistrations =
    "SELECT g.session_id, g.person_id, g.organisation_id, g.attended, g.registered_at FROM forum_registration g "
    "JOIN forum_session f ON f.id = g.session_id WHERE f.exercise_id = $1";
constexpr std::string_view kSelectOpinionKinds =
    "SELECT code, label_ja, label_en, position FROM opinion_kind WHERE exercise_id = $1";
constexpr std::string_view kSelectOpinions =
    "SELECT o.session_id, o.organisation_id, o.kind_code, o.text, o.created_at FROM forum_opinion o "
    "JOIN forum_session f ON f.id = o.session_id WHERE f.exercise_id = $1";

using IdMap = std::unordered_map<std::int64_t, std::string>;

std::string Lookup(const IdMap& keys, const db::Row& row, std::size_t column) {
    if (row.IsNull(column)) return "";
    const auto found = keys.find(row.Int(column));
    return found == keys.end() ? "" : found->second;
}

std::vector<std::string> SplitStored(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = std::min(text.find(separator, start), text.size());
        if (end > start) parts.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

std::vector<std::string> StringArray(const std::string& json_text) {
    std::vector<std::string> items;
    const auto parsed = nlohmann::json::parse(json_text, nullptr, false);
    if (!parsed.is_array()) return items;
    for (const auto& item : parsed) {
        if (item.is_string()) items.push_back(item.get<std::string>());
    }
    return items;
}

Status Corrupt(std::string message) { return Fail(ErrorCode::kInternal, std::move(message)); }

class Loader {
  public:
    Loader(db::Connection& connection, std::int64_t exercise_id, std::vector<std::string>& warnings)
        : connection_(connection), exercise_id_(exercise_id), warnings_(warnings) {}

    Result<Archive> Run() {
        for (auto step :
             {&Loader::LoadExercise, &Loader::LoadOrganisations, &Loader::LoadPeople, &Loader::LoadInstruments,
              &Loader::LoadObjectives, &Loader::LoadSurveys, &Loader::LoadResponses, &Loader::LoadForum}) {
            if (auto status = (this->*step)(); !status) return tl::unexpected(status.error());
        }
        return std::move(archive_);
    }

  private:
    Result<db::Rows> Query(std::string_view sql) { return connection_.Query(sql, {exercise_id_}); }

    Status LoadExercise() {
        auto row = connection_.QueryOne(kSelectExercise, {exercise_id_});
        if (!row) return tl::unexpected(row.error());
        if (!*row) {
            return Fail(ErrorCode::kNotFound, "--exercise: no exercise " + std::to_string(exercise_id_), "--exercise");
        }
        archive_.manifest.format_version = kFormatVersion;
        archive_.manifest.fiscal_year = static_cast<int>((*row)->Int(0));
        archive_.manifest.title_ja = (*row)->Text(1);
        archive_.manifest.title_en = (*row)->Text(2);
        return Ok();
    }

    Status LoadOrganisations() {
        auto rows = Query(kSelectOrganisations);
        if (!rows) return tl::unexpected(rows.error());
        for (const auto& row : *rows) {
            OrganisationRecord record{0,           "",          row.Text(1), row.Text(2), row.Text(3), row.Text(4),
                                      row.Text(5), row.Text(6), row.Text(7), row.Text(8), row.Text(9)};
            record.key = OrganisationKey(record.external_ref, record.name);
            organisation_keys_[row.Int(0)] = record.key;
            archive_.organisations.push_back(std::move(record));
        }
        std::sort(archive_.organisations.begin(), archive_.organisations.end(),
                  [](const auto& a, const auto& b) { return a.key < b.key; });
        return Ok();
    }

    // People get "<organisation_key>/<n>", numbered in content order within their
    // organisation (ties, which are identical rows, by id = insertion order).
    Status LoadPeople() {
        auto rows = Query(kSelectPeople);
        if (!rows) return tl::unexpected(rows.error());
        struct Loaded {
            PersonRecord record;
            std::int64_t id, user_id;
        };
        std::vector<Loaded> people;
        for (const auto& row : *rows) {
            Loaded loaded{{}, row.Int(0), row.Int(1)};
            auto& r = loaded.record;
            r.organisation_key = Lookup(organisation_keys_, row, 2);
            r.role = row.Text(3);
            r.display_name = row.Text(4);
            r.email = row.Text(5);
            r.phone = row.Text(6);
            r.department = row.Text(7);
            r.is_contact = row.Int(8) != 0;
            r.team_roles = SplitStored(row.Text(9), ',');
            people.push_back(std::move(loaded));
        }
        const auto order = [](const Loaded& p) {
            const auto& r = p.record;
            return std::make_tuple(std::cref(r.organisation_key), r.role == "org_lead" ? 0 : 1,
                                   std::cref(r.display_name), std::cref(r.email), std::cref(r.phone),
                                   std::cref(r.department), r.is_contact, std::cref(r.team_roles), p.id);
        };
        std::sort(people.begin(), people.end(), [&](const Loaded& a, const Loaded& b) { return order(a) < order(b); });
        std::map<std::string, int> numbers;
        for (auto& loaded : people) {
            loaded.record.key =
                loaded.record.organisation_key + "/" + std::to_string(++numbers[loaded.record.organisation_key]);
            person_keys_[loaded.id] = loaded.record.key;
            user_keys_[loaded.user_id] = loaded.record.key;
            archive_.people.push_back(std::move(loaded.record));
        }
        return Ok();
    }

    Status LoadInstruments() {
        auto windows = Query(kSelectWindows);
        if (!windows) return tl::unexpected(windows.error());
        for (const auto& row : *windows) {
            archive_.instrument_windows.push_back(
                {0, row.Text(0), NormaliseTimestamp(row.Text(1)), NormaliseTimestamp(row.Text(2))});
        }
        std::sort(archive_.instrument_windows.begin(), archive_.instrument_windows.end(),
                  [](const auto& a, const auto& b) { return a.instrument < b.instrument; });

        auto responses = Query(kSelectReadinessResponses);
        if (!responses) return tl::unexpected(responses.error());
        for (const auto& row : *responses) {
            archive_.readiness_responses.push_back({0, Lookup(organisation_keys_, row, 0), row.Text(1), row.Text(2),
                                                    NormaliseTimestamp(row.Text(3)), Lookup(user_keys_, row, 4),
                                                    NormaliseTimestamp(row.Text(5))});
        }
        std::sort(archive_.readiness_responses.begin(), archive_.readiness_responses.end(),
                  [](const auto& a, const auto& b) {
                      return std::tie(a.organisation_key, a.part) < std::tie(b.organisation_key, b.part);
                  });

        auto answers = Query(kSelectReadinessAnswers);
        if (!answers) return tl::unexpected(answers.error());
        archive_.readiness_answers.reserve(answers->size());
        for (const auto& row : *answers) {
            archive_.readiness_answers.push_back(
                {0, Lookup(organisation_keys_, row, 0), row.Text(1), row.Text(2), NormaliseTimestamp(row.Text(3))});
        }
        std::sort(archive_.readiness_answers.begin(), archive_.readiness_answers.end(),
                  [](const auto& a, const auto& b) {
                      return std::tie(a.organisation_key, a.item_id) < std::tie(b.organisation_key, b.item_id);
                  });

        auto sheets = Query(kSelectSheets);
        if (!sheets) return tl::unexpected(sheets.error());
        for (const auto& row : *sheets) {
            archive_.action_records.push_back({0, Lookup(organisation_keys_, row, 0), row.Text(1),
                                               NormaliseTimestamp(row.Text(2)), Lookup(user_keys_, row, 3),
                                               NormaliseTimestamp(row.Text(4)), Lookup(user_keys_, row, 5),
                                               NormaliseTimestamp(row.Text(6))});
        }
        std::sort(archive_.action_records.begin(), archive_.action_records.end(),
                  [](const auto& a, const auto& b) { return a.organisation_key < b.organisation_key; });
        return Ok();
    }

    Status LoadObjectives() {
        auto objectives = Query(kSelectObjectives);
        if (!objectives) return tl::unexpected(objectives.error());
        struct ObjectiveKey {
            std::string organisation_key;
            int objective_id, custom_index;
        };
        std::unordered_map<std::int64_t, ObjectiveKey> keys;
        for (const auto& row : *objectives) {
            ObjectiveRecord record{0,
                                   Lookup(organisation_keys_, row, 1),
                                   static_cast<int>(row.Int(2)),
                                   static_cast<int>(row.Int(3)),
                                   row.Text(4),
                                   NormaliseTimestamp(row.Text(5)),
                                   NormaliseTimestamp(row.Text(6))};
            keys[row.Int(0)] = {record.organisation_key, record.objective_id, record.custom_index};
            archive_.objectives.push_back(std::move(record));
        }
        std::sort(archive_.objectives.begin(), archive_.objectives.end(), [](const auto& a, const auto& b) {
            return std::tie(a.organisation_key, a.objective_id, a.custom_index) <
                   std::tie(b.organisation_key, b.objective_id, b.custom_index);
        });

        auto ratings = Query(kSelectRatings);
        if (!ratings) return tl::unexpected(ratings.error());
        archive_.ratings.reserve(ratings->size());
        for (const auto& row : *ratings) {
            const auto& key = keys[row.Int(0)];
            archive_.ratings.push_back({0, key.organisation_key, key.objective_id, key.custom_index,
                                        static_cast<int>(row.Int(1)), row.Text(2), NormaliseTimestamp(row.Text(3))});
        }
        std::sort(archive_.ratings.begin(), archive_.ratings.end(), [](const auto& a, const auto& b) {
            return std::tie(a.organisation_key, a.objective_id, a.custom_index, a.setting) <
                   std::tie(b.organisation_key, b.objective_id, b.custom_index, b.setting);
        });

        auto issues = Query(kSelectIssues);
        if (!issues) return tl::unexpected(issues.error());
        archive_.issues.reserve(issues->size());
        for (const auto& row : *issues) {
            const auto& key = keys[row.Int(0)];
            archive_.issues.push_back({0, key.organisation_key, key.objective_id, key.custom_index,
                                       static_cast<int>(row.Int(1)), row.Text(2), NormaliseTimestamp(row.Text(3)),
                                       NormaliseTimestamp(row.Text(4))});
        }
        std::sort(archive_.issues.begin(), archive_.issues.end(), [](const auto& a, const auto& b) {
            return std::tie(a.organisation_key, a.objective_id, a.custom_index, a.position) <
                   std::tie(b.organisation_key, b.objective_id, b.custom_index, b.position);
        });
        return Ok();
    }

    Status LoadSurveys() {
        auto surveys = Query(kSelectSurveys);
        if (!surveys) return tl::unexpected(surveys.error());
        for (const auto& row : *surveys) {
            survey_codes_[row.Int(0)] = row.Text(1);
            survey_anonymous_[row.Int(0)] = row.Text(7) == "anonymous";
            archive_.surveys.push_back({0, row.Text(1), row.Text(2), row.Text(3), row.Text(4), row.Text(5), row.Text(6),
                                        row.Text(7), NormaliseTimestamp(row.Text(8)), NormaliseTimestamp(row.Text(9)),
                                        NormaliseTimestamp(row.Text(10)), NormaliseTimestamp(row.Text(11))});
        }
        std::sort(archive_.surveys.begin(), archive_.surveys.end(),
                  [](const auto& a, const auto& b) { return a.code < b.code; });

        auto questions = Query(kSelectQuestions);
        if (!questions) return tl::unexpected(questions.error());
        for (const auto& row : *questions) {
            QuestionRecord record;
            record.survey_code = Lookup(survey_codes_, row, 1);
            record.code = row.Text(2);
            record.position = static_cast<int>(row.Int(3));
            record.kind = row.Text(4);
            record.text_ja = row.Text(5);
            record.text_en = row.Text(6);
            record.required = row.Int(7) != 0;
            if (!row.IsNull(9)) record.number_min = row.Real(9);
            if (!row.IsNull(10)) record.number_max = row.Real(10);
            const auto options = nlohmann::json::parse(row.Text(8), nullptr, false);
            if (!options.is_array()) {
                return Corrupt("survey '" + record.survey_code + "' question '" + record.code +
                               "': stored options are not a JSON array");
            }
            int position = 0;
            for (const auto& option : options) {
                archive_.options.push_back({0, record.survey_code, record.code, ++position, option.value("code", ""),
                                            option.value("label_ja", ""), option.value("label_en", "")});
            }
            if (!row.Text(11).empty()) {
                const auto show_if = nlohmann::json::parse(row.Text(11), nullptr, false);
                if (!show_if.is_object() || !show_if.contains("question") || !show_if["question"].is_string()) {
                    return Corrupt("survey '" + record.survey_code + "' question '" + record.code +
                                   "': stored show_if is not {\"question\",\"any_of\"}");
                }
                record.show_if_question = show_if["question"].get<std::string>();
                for (const auto& code : show_if.value("any_of", nlohmann::json::array())) {
                    if (code.is_string()) record.show_if_any_of.push_back(code.get<std::string>());
                }
            }
            question_kinds_[row.Int(0)] = {record.code, record.kind, record.position};
            archive_.questions.push_back(std::move(record));
        }
        std::sort(archive_.questions.begin(), archive_.questions.end(), [](const auto& a, const auto& b) {
            return std::tie(a.survey_code, a.position, a.code) < std::tie(b.survey_code, b.position, b.code);
        });
        std::map<std::pair<std::string, std::string>, int> question_positions;
        for (const auto& question : archive_.questions) {
            question_positions[{question.survey_code, question.code}] = question.position;
        }
        std::stable_sort(archive_.options.begin(), archive_.options.end(), [&](const auto& a, const auto& b) {
            return std::make_tuple(std::cref(a.survey_code), question_positions[{a.survey_code, a.question_code}],
                                   a.position) < std::make_tuple(std::cref(b.survey_code),
                                                                 question_positions[{b.survey_code, b.question_code}],
                                                                 b.position);
        });
        return Ok();
    }

    // Response keys "R<n>" count the responses of a survey in content order: named ones
    // by organisation and person, anonymous ones by sector, date and answers only — never
    // by id or submission order, so the key says nothing about who answered.
    Status LoadResponses() {
        struct Loaded {
            ResponseRecord record;
            std::int64_t survey_id;
            std::vector<std::tuple<int, std::string, std::string>> answers;  // position, question code, cell
        };
        std::unordered_map<std::int64_t, Loaded> responses;
        auto rows = Query(kSelectResponses);
        if (!rows) return tl::unexpected(rows.error());
        for (const auto& row : *rows) {
            Loaded loaded;
            loaded.survey_id = row.Int(1);
            auto& r = loaded.record;
            r.survey_code = Lookup(survey_codes_, row, 1);
            if (!survey_anonymous_[loaded.survey_id]) {
                r.organisation_key = Lookup(organisation_keys_, row, 2);
                r.person_key = Lookup(person_keys_, row, 3);
            }
            r.sector_code = row.Text(4);
            r.submitted_on = row.Text(5);
            responses.emplace(row.Int(0), std::move(loaded));
        }
        auto answers = Query(kSelectAnswers);
        if (!answers) return tl::unexpected(answers.error());
        for (const auto& row : *answers) {
            auto response = responses.find(row.Int(0));
            const auto question = question_kinds_.find(row.Int(1));
            if (response == responses.end() || question == question_kinds_.end()) continue;
            const auto& [code, kind, position] = question->second;
            auto cell = AnswerCellFromJson(kind, row.Text(2));
            if (!cell) {
                return Corrupt("survey '" + response->second.record.survey_code + "' question '" + code +
                               "': " + cell.error().message);
            }
            response->second.answers.emplace_back(position, code, std::move(*cell));
        }
        std::vector<Loaded*> ordered;
        ordered.reserve(responses.size());
        for (auto& [id, loaded] : responses) {
            std::sort(loaded.answers.begin(), loaded.answers.end());
            ordered.push_back(&loaded);
        }
        const auto order = [](const Loaded* p) {
            const auto& r = p->record;
            return std::tie(r.survey_code, r.organisation_key, r.person_key, r.sector_code, r.submitted_on, p->answers);
        };
        std::sort(ordered.begin(), ordered.end(),
                  [&](const Loaded* a, const Loaded* b) { return order(a) < order(b); });
        std::map<std::string, int> numbers;
        for (auto* loaded : ordered) {
            auto& r = loaded->record;
            r.key = "R" + std::to_string(++numbers[r.survey_code]);
            for (auto& [position, code, cell] : loaded->answers) {
                archive_.answers.push_back({0, r.survey_code, r.key, code, std::move(cell)});
            }
            archive_.responses.push_back(std::move(r));
        }

        auto participation = Query(kSelectParticipation);
        if (!participation) return tl::unexpected(participation.error());
        for (const auto& row : *participation) {
            ParticipationRecord record{0, Lookup(survey_codes_, row, 0), Lookup(organisation_keys_, row, 1), ""};
            if (row.Int(2) != 0) {
                record.person_key = Lookup(person_keys_, row, 2);
                if (record.person_key.empty()) {
                    warnings_.push_back("survey '" + record.survey_code + "': a participation of organisation '" +
                                        record.organisation_key + "' names a person who no longer exists; left out");
                    continue;
                }
            }
            archive_.participation.push_back(std::move(record));
        }
        std::sort(archive_.participation.begin(), archive_.participation.end(), [](const auto& a, const auto& b) {
            return std::tie(a.survey_code, a.organisation_key, a.person_key) <
                   std::tie(b.survey_code, b.organisation_key, b.person_key);
        });
        return Ok();
    }

    // Session keys "S<n>" count sessions in (starts_at, ends_at, kind, title) order.
    Status LoadForum() {
        auto sessions = Query(kSelectSessions);
        if (!sessions) return tl::unexpected(sessions.error());
        std::vector<std::pair<SessionRecord, std::int64_t>> loaded;
        for (const auto& row : *sessions) {
            SessionRecord r;
            r.kind = row.Text(1);
            r.title_ja = row.Text(2);
            r.title_en = row.Text(3);
            r.starts_at = row.Text(4);
            r.ends_at = row.Text(5);
            r.format = row.Text(6);
            r.location = row.Text(7);
            r.capacity = row.OptionalInt(8);
            r.themes = StringArray(row.Text(9));
            r.experts = StringArray(row.Text(10));
            r.survey_code = Lookup(survey_codes_, row, 11);
            r.created_at = NormaliseTimestamp(row.Text(12));
            r.updated_at = NormaliseTimestamp(row.Text(13));
            loaded.emplace_back(std::move(r), row.Int(0));
        }
        std::sort(loaded.begin(), loaded.end(), [](const auto& a, const auto& b) {
            return std::tie(a.first.starts_at, a.first.ends_at, a.first.kind, a.first.title_ja, a.first.title_en,
                            a.second) < std::tie(b.first.starts_at, b.first.ends_at, b.first.kind, b.first.title_ja,
                                                 b.first.title_en, b.second);
        });
        IdMap session_keys;
        std::map<std::string, std::size_t> session_order;
        for (auto& [record, id] : loaded) {
            record.key = "S" + std::to_string(archive_.sessions.size() + 1);
            session_keys[id] = record.key;
            session_order[record.key] = archive_.sessions.size();
            archive_.sessions.push_back(std::move(record));
        }

        auto registrations = Query(kSelectRegistrations);
        if (!registrations) return tl::unexpected(registrations.error());
        for (const auto& row : *registrations) {
            RegistrationRecord r{0,
                                 Lookup(session_keys, row, 0),
                                 Lookup(person_keys_, row, 1),
                                 Lookup(organisation_keys_, row, 2),
                                 std::nullopt,
                                 NormaliseTimestamp(row.Text(4))};
            if (!row.IsNull(3)) r.attended = row.Int(3) != 0;
            archive_.registrations.push_back(std::move(r));
        }
        std::sort(archive_.registrations.begin(), archive_.registrations.end(), [&](const auto& a, const auto& b) {
            return std::make_tuple(session_order[a.session_key], std::cref(a.organisation_key),
                                   std::cref(a.person_key)) < std::make_tuple(session_order[b.session_key],
                                                                              std::cref(b.organisation_key),
                                                                              std::cref(b.person_key));
        });

        auto kinds = Query(kSelectOpinionKinds);
        if (!kinds) return tl::unexpected(kinds.error());
        for (const auto& row : *kinds) {
            archive_.opinion_kinds.push_back({0, row.Text(0), row.Text(1), row.Text(2), static_cast<int>(row.Int(3))});
        }
        std::sort(archive_.opinion_kinds.begin(), archive_.opinion_kinds.end(), [](const auto& a, const auto& b) {
            return std::tie(a.position, a.code) < std::tie(b.position, b.code);
        });

        auto opinions = Query(kSelectOpinions);
        if (!opinions) return tl::unexpected(opinions.error());
        for (const auto& row : *opinions) {
            archive_.opinions.push_back({0, Lookup(session_keys, row, 0), Lookup(organisation_keys_, row, 1),
                                         row.Text(2), row.Text(3), NormaliseTimestamp(row.Text(4))});
        }
        std::sort(archive_.opinions.begin(), archive_.opinions.end(), [&](const auto& a, const auto& b) {
            return std::make_tuple(session_order[a.session_key], std::cref(a.created_at), std::cref(a.organisation_key),
                                   std::cref(a.kind_code), std::cref(a.text)) <
                   std::make_tuple(session_order[b.session_key], std::cref(b.created_at), std::cref(b.organisation_key),
                                   std::cref(b.kind_code), std::cref(b.text));
        });
        return Ok();
    }

    db::Connection& connection_;
    std::int64_t exercise_id_;
    std::vector<std::string>& warnings_;
    Archive archive_;
    IdMap organisation_keys_, person_keys_, user_keys_, survey_codes_;
    std::unordered_map<std::int64_t, bool> survey_anonymous_;
    std::unordered_map<std::int64_t, std::tuple<std::string, std::string, int>> question_kinds_;
};

}  // namespace

Result<Archive> LoadArchive(db::Connection& connection, std::int64_t exercise_id, std::vector<std::string>& warnings) {
    return Loader(connection, exercise_id, warnings).Run();
}

}  // namespace enshu::archive
