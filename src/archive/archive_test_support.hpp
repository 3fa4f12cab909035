#pragma once

// Test fixture for src/archive tests: the exercise module's fixture (migrated in-memory
// SQLite with the real reference data) plus a filled exercise with every kind of archived
// data, temporary directories and file helpers. Included by *_test.cpp only.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

#include "archive/archive_transfer.hpp"
#include "exercise/exercise_test_support.hpp"

namespace enshu::archive::testing {

inline std::string ReadText(const std::filesystem::path& path) {
    std::ifstream stream(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
}

inline void WriteText(const std::filesystem::path& path, const std::string& text) {
    std::ofstream stream(path, std::ios::binary | std::ios::trunc);
    stream << text;
}

// Every file of a directory: name → bytes.
inline std::map<std::string, std::string> ReadDirectoryFiles(const std::filesystem::path& directory) {
    std::map<std::string, std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        files[entry.path().filename().string()] = ReadText(entry.path());
    }
    return files;
}

class ArchiveTest : public exercise::testing::ExerciseTest {
  protected:
    void SetUp() override {
        ExerciseTest::SetUp();
        directory_ =
            std::filesystem::temp_directory_path() / ("enshu-archive-" + std::to_string(::getpid()) + "-" +
                                                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(directory_);
        std::filesystem::create_directories(directory_);
        auto data = exercise::SharedReferenceData(*database_);
        ASSERT_TRUE(data) << data.error().message;
        reference_data_ = *data;
    }
    void TearDown() override { std::filesystem::remove_all(directory_); }

    // A second exercise with the same fiscal year and title (so that even manifest.csv
    // of a round trip is identical).
    std::int64_t CreateTwinExercise() {
        auto exercise = Exercises().Create(admin_, actor_, MinimalExercise());
        EXPECT_TRUE(exercise) << (exercise ? "" : exercise.error().message);
        return exercise ? exercise->exercise.id : 0;
    }

    void Sql(const std::string& sql, const db::Params& params = {}) {
        auto status = database_->Write([&](db::Connection& connection) -> Status {
            auto done = connection.Execute(sql, params);
            if (!done) return tl::unexpected(done.error());
            return Ok();
        });
        ASSERT_TRUE(status) << status.error().message << "\n" << sql;
    }

    std::int64_t SqlId(const std::string& sql, const db::Params& params) {
        std::int64_t id = 0;
        auto status = database_->Write([&](db::Connection& connection) -> Status {
            auto row = connection.QueryOne(sql, params);
            if (!row) return tl::unexpected(row.error());
            id = (*row)->Int(0);
            return Ok();
        });
        EXPECT_TRUE(status) << status.error().message << "\n" << sql;
        return id;
    }

    std::int64_t UserOf(std::int64_t person_id) {
        return CountRows("SELECT user_id FROM person WHERE id = $1", {person_id});
    }

    // Fills the fixture's exercise with every kind of archived data: organisations with
    // and without external_ref, people (two with the same name), readiness answers,
    // objectives (standard and own), ratings, issues (multi-line, formula-like), sheets,
    // a named per-person survey and an anonymous per-organisation survey with every
    // question kind and show_if, participation, sessions with registrations and
    // opinions, a custom opinion kind and instrument windows.
    void FillExercise() {
        const std::int64_t e = exercise_id_;
        alpha_ = AddOrganisation("アルファ電力", "electricity", "A-001");
        beta_ = AddOrganisation("ベータ銀行", "finance");  // no external_ref: key "name:ベータ銀行"
        lead_ = AddPerson(alpha_, "山田 太郎", "org_lead", "yamada@alpha.example");
        member_ = AddPerson(alpha_, "佐藤 花子", "participant");
        twin_ = AddPerson(beta_, "鈴木 一郎", "participant");
        AddPerson(beta_, "鈴木 一郎", "participant");  // same name, same content
        Sql("UPDATE person SET team_roles = 'csirt,pr', phone = '03-1234-5678', is_contact = 1 WHERE id = $1", {lead_});

        Sql("INSERT INTO instrument_window VALUES ($1, 'objectives', '2023-11-01T00:00:00.000Z', NULL)", {e});
        Sql("INSERT INTO readiness_response VALUES ($1, $2, 'before', 'submitted', '2023-11-02T01:00:00.000Z', $3, "
            "'2023-11-02T01:00:00.000Z')",
            {e, alpha_, UserOf(lead_)});
        Sql("INSERT INTO readiness_response VALUES ($1, $2, 'day_of', 'draft', NULL, NULL, '2023-12-07T08:00:00.000Z')",
            {e, beta_});
        Sql("INSERT INTO readiness_answer VALUES ($1, $2, 'governance.roles_defined', 'organised', "
            "'2023-11-02T01:00:00.000Z')",
            {e, alpha_});
        Sql("INSERT INTO readiness_answer VALUES ($1, $2, 'bcp.day_of_degree', 'mostly', '2023-12-07T08:00:00.000Z')",
            {e, beta_});
        const auto objective = SqlId(
            "INSERT INTO chosen_objective (exercise_id, organisation_id, objective_id, custom_index, custom_text, "
            "created_at, updated_at) VALUES ($1, $2, 3, 0, '', '2023-11-03T00:00:00.000Z', "
            "'2023-11-03T00:00:00.000Z') RETURNING id",
            {e, alpha_});
        const auto own = SqlId(
            "INSERT INTO chosen_objective (exercise_id, organisation_id, objective_id, custom_index, custom_text, "
            "created_at, updated_at) VALUES ($1, $2, 10, 1, $3, '2023-11-03T00:00:00.000Z', "
            "'2023-11-04T00:00:00.000Z') RETURNING id",
            {e, alpha_, std::string("自組織の検証課題, \"引用\"\n二行目")});
        Sql("INSERT INTO action_record_rating VALUES ($1, 1, 'very_well', '2023-12-08T00:00:00.000Z')", {objective});
        Sql("INSERT INTO action_record_rating VALUES ($1, 3, 'no_answer', '2023-12-08T00:00:00.000Z')", {own});
        Sql("INSERT INTO action_record_issue (chosen_objective_id, position, text, created_at, updated_at) VALUES "
            "($1, 1, '=HYPERLINK(\"x\")', '2023-12-08T00:00:00.000Z', '2023-12-08T00:00:00.000Z')",
            {objective});
        Sql("INSERT INTO action_record_issue (chosen_objective_id, position, text, created_at, updated_at) VALUES "
            "($1, 2, $2, '2023-12-08T00:00:00.000Z', '2023-12-09T00:00:00.000Z')",
            {objective, std::string("連絡体制の不備\r\n- 夜間の連絡先が古い\n'引用'")});
        Sql("INSERT INTO action_record_sheet VALUES ($1, $2, 'draft', '2023-12-08T00:00:00.000Z', $3, "
            "'2023-12-10T00:00:00.000Z', NULL, '2023-12-10T00:00:00.000Z')",
            {e, alpha_, UserOf(lead_)});

        const auto named = SqlId(
            "INSERT INTO survey (exercise_id, code, title_ja, title_en, intro_ja, respondent, anonymity, opens_at, "
            "created_at, updated_at) VALUES ($1, 'roundtable', '座談会アンケート', 'Roundtable survey', 'ご協力を', "
            "'person', 'named', '2023-12-01T00:00:00.000Z', '2023-11-30T00:00:00.000Z', "
            "'2023-11-30T00:00:00.000Z') RETURNING id",
            {e});
        const auto anonymous = SqlId(
            "INSERT INTO survey (exercise_id, code, title_ja, respondent, anonymity, created_at, updated_at) "
            "VALUES ($1, 'exercise_day', '演習当日アンケート', 'organisation', 'anonymous', "
            "'2023-11-30T00:00:00.000Z', '2023-11-30T00:00:00.000Z') RETURNING id",
            {e});
        const std::string yes_no =
            R"([{"code":"yes","label_ja":"はい","label_en":"Yes"},{"code":"no","label_ja":"いいえ","label_en":"No"}])";
        const auto q_useful = SqlId(
            "INSERT INTO survey_question (survey_id, code, position, kind, text_ja, required, options) VALUES "
            "($1, 'useful', 1, 'likert', '有益でしたか', 1, $2) RETURNING id",
            {named, yes_no});
        const auto q_why = SqlId(
            "INSERT INTO survey_question (survey_id, code, position, kind, text_ja, show_if) VALUES "
            "($1, 'why', 2, 'free_text', '理由', '{\"question\":\"useful\",\"any_of\":[\"no\"]}') RETURNING id",
            {named});
        const auto q_topics = SqlId(
            "INSERT INTO survey_question (survey_id, code, position, kind, text_ja, options) VALUES "
            "($1, 'topics', 1, 'multiple_choice', 'テーマ', $2) RETURNING id",
            {anonymous, std::string(R"([{"code":"pr","label_ja":"広報","label_en":"PR"},)"
                                    R"({"code":"ops","label_ja":"業務","label_en":"Operations"},)"
                                    R"({"code":"law","label_ja":"法務","label_en":"Legal"}])")});
        const auto q_hours = SqlId(
            "INSERT INTO survey_question (survey_id, code, position, kind, text_ja, number_min, number_max) VALUES "
            "($1, 'hours', 2, 'number', '準備時間', -10, 1000) RETURNING id",
            {anonymous});
        const auto q_pick = SqlId(
            "INSERT INTO survey_question (survey_id, code, position, kind, text_ja, options) VALUES "
            "($1, 'again', 3, 'single_choice', '次回も参加しますか', $2) RETURNING id",
            {anonymous, yes_no});
        const auto q_comment = SqlId(
            "INSERT INTO survey_question (survey_id, code, position, kind, text_ja) VALUES "
            "($1, 'comment', 4, 'free_text', 'ご意見') RETURNING id",
            {anonymous});
        const auto r1 = SqlId(
            "INSERT INTO survey_response (survey_id, organisation_id, person_id, sector_code, submitted_on) VALUES "
            "($1, $2, $3, 'electricity', '2023-12-07') RETURNING id",
            {named, alpha_, lead_});
        Sql("INSERT INTO survey_answer VALUES ($1, $2, '\"no\"')", {r1, q_useful});
        Sql("INSERT INTO survey_answer VALUES ($1, $2, '\"-難しかった\"')", {r1, q_why});
        Sql("INSERT INTO survey_participation VALUES ($1, $2, $3)", {named, alpha_, lead_});
        // Anonymous responses: random ids, no organisation or person, only the sector.
        const auto a1 = SqlId(
            "INSERT INTO survey_response (id, survey_id, sector_code, submitted_on) VALUES "
            "(9007199254740000, $1, 'finance', '2023-12-07') RETURNING id",
            {anonymous});
        const auto a2 = SqlId(
            "INSERT INTO survey_response (id, survey_id, sector_code, submitted_on) VALUES "
            "(12345, $1, 'electricity', '2023-12-08') RETURNING id",
            {anonymous});
        Sql("INSERT INTO survey_answer VALUES ($1, $2, '[\"pr\",\"law\"]')", {a1, q_topics});
        Sql("INSERT INTO survey_answer VALUES ($1, $2, '-2.5')", {a1, q_hours});
        Sql("INSERT INTO survey_answer VALUES ($1, $2, '\"yes\"')", {a1, q_pick});
        Sql("INSERT INTO survey_answer VALUES ($1, $2, '\"@everyone 良かった\"')", {a1, q_comment});
        Sql("INSERT INTO survey_answer VALUES ($1, $2, '[]')", {a2, q_topics});
        Sql("INSERT INTO survey_answer VALUES ($1, $2, '12')", {a2, q_hours});
        Sql("INSERT INTO survey_participation VALUES ($1, $2, 0)", {anonymous, alpha_});
        Sql("INSERT INTO survey_participation VALUES ($1, $2, 0)", {anonymous, beta_});

        const auto session = SqlId(
            "INSERT INTO forum_session (exercise_id, kind, title_ja, starts_at, ends_at, format, location, capacity, "
            "themes, experts, survey_id, created_at, updated_at) VALUES ($1, 'roundtable', '座談会', "
            "'2024-01-15T14:00', '2024-01-15T16:00', 'hybrid', '東京', 30, '[\"広報\",\"BCP\"]', '[\"専門家A\"]', "
            "$2, '2023-11-30T00:00:00.000Z', '2023-11-30T00:00:00.000Z') RETURNING id",
            {e, named});
        const auto feedback = SqlId(
            "INSERT INTO forum_session (exercise_id, kind, title_ja, starts_at, ends_at, format, created_at, "
            "updated_at) VALUES ($1, 'feedback', '意見交換会', '2024-02-01T10:00', '2024-02-01T12:00', 'web', "
            "'2023-11-30T00:00:00.000Z', '2023-11-30T00:00:00.000Z') RETURNING id",
            {e});
        Sql("INSERT INTO forum_registration VALUES ($1, $2, $3, 1, '2023-12-20T00:00:00.000Z')",
            {session, lead_, alpha_});
        Sql("INSERT INTO forum_registration VALUES ($1, $2, $3, NULL, '2023-12-21T00:00:00.000Z')",
            {session, twin_, beta_});
        Sql("INSERT INTO forum_registration VALUES ($1, $2, $3, 0, '2023-12-21T00:00:00.000Z')",
            {feedback, member_, alpha_});
        Sql("INSERT INTO opinion_kind VALUES ($1, 'budget', '予算', 'Budget', 7)", {e});
        Sql("INSERT INTO forum_opinion (session_id, organisation_id, kind_code, text, created_at) VALUES "
            "($1, $2, 'manual_gaps', 'マニュアルが古い', '2024-01-15T05:00:00.000Z')",
            {session, alpha_});
        Sql("INSERT INTO forum_opinion (session_id, organisation_id, kind_code, text, created_at) VALUES "
            "($1, NULL, 'budget', '+予算が足りない', '2024-02-01T01:30:00.000Z')",
            {feedback});
    }

    std::filesystem::path directory_;
    std::shared_ptr<const db::ReferenceData> reference_data_;
    std::int64_t alpha_ = 0, beta_ = 0, lead_ = 0, member_ = 0, twin_ = 0;
};

}  // namespace enshu::archive::testing
