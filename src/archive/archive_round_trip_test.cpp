// Export → import → export on a real (in-memory) SQLite database with every kind of
// archived data: the files must be byte-identical, the anonymity of responses kept, and a
// failed or dry-run import must store nothing.

#include <gtest/gtest.h>

#include "archive/archive_test_support.hpp"
#include "evaluation/action_record_sheet.hpp"
#include "evaluation/readiness_survey.hpp"
#include "evaluation/survey_service.hpp"
#include "evaluation/verification_objectives.hpp"

namespace enshu::archive {
namespace {

class ArchiveRoundTripTest : public testing::ArchiveTest {
  protected:
    Result<ExportReport> Export(std::int64_t exercise_id, const std::filesystem::path& out) {
        return ExportArchive(*database_, exercise_id, out);
    }
    Result<ImportReport> Import(std::int64_t exercise_id, const std::filesystem::path& in, ImportMode mode) {
        return ImportArchive(*database_, clock_, audit_, actor_, exercise_id, in, mode);
    }
    static std::string Problems(const ImportReport& report) {
        std::string text;
        for (const auto& problem : report.problems) text += ToString(problem) + "\n";
        return text;
    }
    std::int64_t StoredRows(std::int64_t exercise_id) {
        return CountRows(
            "SELECT (SELECT COUNT(*) FROM organisation WHERE exercise_id = $1) + "
            "(SELECT COUNT(*) FROM person WHERE exercise_id = $1) + "
            "(SELECT COUNT(*) FROM readiness_answer WHERE exercise_id = $1) + "
            "(SELECT COUNT(*) FROM chosen_objective WHERE exercise_id = $1) + "
            "(SELECT COUNT(*) FROM survey WHERE exercise_id = $1) + "
            "(SELECT COUNT(*) FROM forum_session WHERE exercise_id = $1)",
            {exercise_id});
    }
};

TEST_F(ArchiveRoundTripTest, ExportImportExportGivesIdenticalFiles) {
    ASSERT_NO_FATAL_FAILURE(FillExercise());
    const auto first = directory_ / "first";
    auto exported = Export(exercise_id_, first);
    ASSERT_TRUE(exported) << exported.error().message;
    EXPECT_TRUE(exported->warnings.empty());
    EXPECT_EQ(exported->rows.at("people.csv"), 4u);
    EXPECT_EQ(exported->rows.at("survey_answers.csv"), 8u);

    const std::int64_t twin = CreateTwinExercise();
    auto dry = Import(twin, first, ImportMode::kDryRun);
    ASSERT_TRUE(dry) << dry.error().message;
    ASSERT_TRUE(dry->problems.empty()) << Problems(*dry);
    EXPECT_FALSE(dry->applied);
    EXPECT_EQ(dry->summary.organisations_created, 2);
    EXPECT_EQ(dry->summary.people_created, 4);
    EXPECT_EQ(StoredRows(twin), 0) << "a dry run stores nothing";
    EXPECT_EQ(AuditCount("archive.import"), 0);

    auto applied = Import(twin, first, ImportMode::kApply);
    ASSERT_TRUE(applied) << applied.error().message;
    ASSERT_TRUE(applied->problems.empty()) << Problems(*applied);
    EXPECT_TRUE(applied->applied);
    EXPECT_EQ(AuditCount("archive.import"), 1);
    EXPECT_EQ(StoredRows(twin), StoredRows(exercise_id_));

    const auto second = directory_ / "second";
    ASSERT_TRUE(Export(twin, second));
    const auto before = testing::ReadDirectoryFiles(first);
    const auto after = testing::ReadDirectoryFiles(second);
    ASSERT_EQ(before.size(), 20u);  // manifest + 19 data files
    for (const auto& [name, bytes] : before) {
        ASSERT_TRUE(after.count(name)) << name;
        EXPECT_EQ(after.at(name), bytes) << name << " differs after the round trip";
    }
}

// The survey engine's own stored forms: the three bundled templates, created and opened
// through SurveyService, survive the round trip too.
TEST_F(ArchiveRoundTripTest, BundledSurveyTemplatesRoundTrip) {
    evaluation::SurveyService surveys(*database_, clock_, audit_);
    for (const std::string code : {"roundtable", "exercise_day", "feedback_session"}) {
        auto created = surveys.CreateFromTemplate(exercise_id_, code, std::nullopt, actor_);
        ASSERT_TRUE(created) << code << ": " << created.error().message;
        if (code == "feedback_session") {
            ASSERT_TRUE(surveys.Open(exercise_id_, created->id, actor_));
            const evaluation::AnswerMap answers = {{"joined", "joined"},
                                                   {"meaningful", "meaningful"},
                                                   {"meaningful_reason", "=他組織の状況が分かった"},
                                                   {"time", "right"},
                                                   {"exchange", "promoted"}};
            const auto organisation = AddOrganisation("回答組織", "ict", "R-1");
            const auto lead = AddPerson(organisation, "回答者", "org_lead");
            auto answered = surveys.Respond(exercise_id_, created->id, {organisation, lead, true}, answers, actor_);
            ASSERT_TRUE(answered) << answered.error().message;
        }
    }
    const auto first = directory_ / "first";
    ASSERT_TRUE(Export(exercise_id_, first));
    EXPECT_GT(CountRows("SELECT COUNT(*) FROM survey_question q JOIN survey s ON s.id = q.survey_id "
                        "WHERE s.exercise_id = $1",
                        {exercise_id_}),
              10);
    const std::int64_t twin = CreateTwinExercise();
    auto applied = Import(twin, first, ImportMode::kApply);
    ASSERT_TRUE(applied && applied->applied) << (applied ? Problems(*applied) : applied.error().message);
    EXPECT_EQ(applied->summary.surveys_created, 3);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM survey_answer a JOIN survey_question q ON q.id = a.question_id "
                        "JOIN survey s ON s.id = q.survey_id WHERE s.exercise_id = $1 AND a.value = $2",
                        {twin, std::string("\"=他組織の状況が分かった\"")}),
              1);
    ASSERT_TRUE(Export(twin, directory_ / "second"));
    EXPECT_EQ(testing::ReadDirectoryFiles(first), testing::ReadDirectoryFiles(directory_ / "second"));
    // The imported surveys read back through the engine like the originals.
    auto listed = surveys.List(twin);
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 3u);
    for (const auto& survey : *listed) {
        auto loaded = surveys.Get(twin, survey.id);
        ASSERT_TRUE(loaded) << loaded.error().message;
        EXPECT_FALSE(loaded->definition.questions.empty());
    }
}

// The readiness survey, objectives and action record as their services store them
// (submitted, reopened, own objectives, ratings, issues) survive the round trip.
TEST_F(ArchiveRoundTripTest, InstrumentServicesDataRoundTrips) {
    const auto organisation_id = AddOrganisation("計測電力", "electricity", "M-1");
    const auto lead = AddPerson(organisation_id, "計測 太郎", "org_lead", "lead@m1.example");
    const evaluation::OrganisationFacts facts{exercise_id_, organisation_id, "計測電力", "electricity",
                                              "meti",       "venue",         "M-1"};
    const auto user = UserOf(lead);

    std::map<std::string, std::string> answers;
    for (const auto& item : reference_data_->readiness_items) {
        if (item.timing != "before") continue;
        answers[item.id] = reference_data_->FindAnswerScale(item.scale_code)->options.front().code;
    }
    evaluation::ReadinessService readiness(*database_, clock_, audit_);
    auto saved =
        readiness.Save(facts, evaluation::ReadinessPart::kBefore, answers, evaluation::SaveMode::kSubmit, user, actor_);
    ASSERT_TRUE(saved) << saved.error().error.message;

    evaluation::ObjectivesService objectives(*database_, clock_, audit_);
    auto chosen = objectives.Save(facts, {{1, 3}, {{std::nullopt, "委託先との連絡\n体制"}}}, actor_);
    ASSERT_TRUE(chosen) << chosen.error().error.message;

    evaluation::ActionRecordService sheets(*database_, clock_, audit_);
    std::vector<evaluation::ObjectiveRecordInput> inputs = {
        {"1", {"very_well", "well", "not_well"}, {"課題一", "-課題二"}},
        {"3", {"hardly", "no_answer", "well"}, {}},
        {"10-1", {"well", "well", "well"}, {"自組織の課題"}}};
    auto sheet = sheets.Save(facts, inputs, {evaluation::SaveMode::kSubmit, "form", false}, user, actor_);
    ASSERT_TRUE(sheet) << sheet.error().error.message;
    clock_.Advance(std::chrono::hours(1));
    ASSERT_TRUE(sheets.Reopen(facts, std::nullopt, actor_));

    const auto first = directory_ / "first";
    ASSERT_TRUE(Export(exercise_id_, first));
    EXPECT_NE(testing::ReadText(first / "action_records.csv")
                  .find("M-1,draft,2023-10-01T00:00:00.000Z,M-1/1,"
                        "2023-10-01T01:00:00.000Z,,"),
              std::string::npos)
        << testing::ReadText(first / "action_records.csv");
    const std::int64_t twin = CreateTwinExercise();
    auto applied = Import(twin, first, ImportMode::kApply);
    ASSERT_TRUE(applied && applied->applied) << (applied ? Problems(*applied) : applied.error().message);
    ASSERT_TRUE(Export(twin, directory_ / "second"));
    EXPECT_EQ(testing::ReadDirectoryFiles(first), testing::ReadDirectoryFiles(directory_ / "second"));

    // The services read the imported rows like their own.
    const auto twin_organisation = CountRows("SELECT id FROM organisation WHERE exercise_id = $1", {twin});
    const evaluation::OrganisationFacts twin_facts{twin,   twin_organisation, "計測電力", "electricity",
                                                   "meti", "venue",           "M-1"};
    auto state = readiness.Get(twin_facts, evaluation::ReadinessPart::kBefore);
    ASSERT_TRUE(state) << state.error().message;
    EXPECT_EQ(state->answers, answers);
    auto twin_sheet = sheets.Get(twin_facts);
    ASSERT_TRUE(twin_sheet) << twin_sheet.error().message;
    EXPECT_EQ(twin_sheet->objectives.size(), 3u);
}

TEST_F(ArchiveRoundTripTest, FilesUseKeysCodesAndTheFormulaGuard) {
    ASSERT_NO_FATAL_FAILURE(FillExercise());
    ASSERT_TRUE(Export(exercise_id_, directory_ / "out"));
    const auto files = testing::ReadDirectoryFiles(directory_ / "out");
    EXPECT_EQ(files.at("manifest.csv").rfind("\xEF\xBB\xBFkey,value\r\nformat,enshu-exercise-archive\r\n", 0), 0u);
    const std::string& organisations = files.at("organisations.csv");
    EXPECT_NE(organisations.find("\r\nA-001,A-001,アルファ電力,"), std::string::npos) << organisations;
    EXPECT_NE(organisations.find("\r\nname:ベータ銀行,,ベータ銀行,"), std::string::npos) << organisations;
    // Two identical people get keys in content order.
    EXPECT_NE(files.at("people.csv").find("name:ベータ銀行/2,name:ベータ銀行,participant,鈴木 一郎"),
              std::string::npos);
    EXPECT_NE(files.at("people.csv")
                  .find("A-001/1,A-001,org_lead,山田 太郎,yamada@alpha.example,03-1234-5678,,1,"
                        "csirt;pr"),
              std::string::npos)
        << files.at("people.csv");
    // Free texts that look like formulas are guarded; the import removes the guard again.
    EXPECT_NE(files.at("action_record_issues.csv").find("'=HYPERLINK"), std::string::npos);
    EXPECT_NE(files.at("opinions.csv").find(",'+予算が足りない,"), std::string::npos);
    EXPECT_NE(files.at("survey_answers.csv").find("exercise_day,R2,hours,-2.5"), std::string::npos)
        << files.at("survey_answers.csv");
    EXPECT_NE(files.at("survey_answers.csv").find("exercise_day,R2,comment,'@everyone"), std::string::npos);
    EXPECT_NE(files.at("survey_answers.csv").find("exercise_day,R2,topics,pr;law"), std::string::npos);
    EXPECT_NE(files.at("survey_answers.csv").find("roundtable,R1,why,'-難しかった"), std::string::npos);
    // Submitters are people keys; opinions and registrations refer to session keys.
    EXPECT_NE(files.at("readiness_responses.csv").find("A-001,before,submitted,2023-11-02T01:00:00.000Z,A-001/1,"),
              std::string::npos);
    EXPECT_NE(files.at("forum_registrations.csv").find("S1,name:ベータ銀行/1,name:ベータ銀行,,"), std::string::npos);
    EXPECT_NE(
        files.at("forum_sessions.csv")
            .find(R"(S1,roundtable,座談会,,2024-01-15T14:00,2024-01-15T16:00,hybrid,東京,30,"[""広報"",""BCP""]",)"),
        std::string::npos)
        << files.at("forum_sessions.csv");
}

TEST_F(ArchiveRoundTripTest, AnonymousResponsesNameNoOneAndGetNewRandomIds) {
    ASSERT_NO_FATAL_FAILURE(FillExercise());
    ASSERT_TRUE(Export(exercise_id_, directory_ / "out"));
    const std::string responses = testing::ReadText(directory_ / "out" / "survey_responses.csv");
    // Anonymous: key, no organisation, no person, sector, date — in content order (finance
    // sorts after electricity although its stored id is larger: ids carry no meaning).
    EXPECT_NE(responses.find("exercise_day,R1,,,electricity,2023-12-08\r\nexercise_day,R2,,,finance,2023-12-07"),
              std::string::npos)
        << responses;
    EXPECT_NE(responses.find("roundtable,R1,A-001,A-001/1,electricity,2023-12-07"), std::string::npos);

    const std::int64_t twin = CreateTwinExercise();
    auto applied = Import(twin, directory_ / "out", ImportMode::kApply);
    ASSERT_TRUE(applied && applied->applied) << (applied ? Problems(*applied) : applied.error().message);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM survey_response r JOIN survey s ON s.id = r.survey_id "
                        "WHERE s.exercise_id = $1 AND s.anonymity = 'anonymous' AND r.organisation_id IS NULL "
                        "AND r.person_id IS NULL",
                        {twin}),
              2);
    // Not the next ids in sequence: random in 1..2^53.
    EXPECT_GT(CountRows("SELECT MIN(r.id) FROM survey_response r JOIN survey s ON s.id = r.survey_id "
                        "WHERE s.exercise_id = $1 AND s.anonymity = 'anonymous'",
                        {twin}),
              9007199254740000 / 1'000'000'000);
}

TEST_F(ArchiveRoundTripTest, ReimportIntoTheSameExerciseChangesNothing) {
    ASSERT_NO_FATAL_FAILURE(FillExercise());
    ASSERT_TRUE(Export(exercise_id_, directory_ / "first"));
    const auto people_before = CountRows("SELECT COUNT(*) FROM person WHERE exercise_id = $1", {exercise_id_});
    auto applied = Import(exercise_id_, directory_ / "first", ImportMode::kApply);
    ASSERT_TRUE(applied && applied->applied) << (applied ? Problems(*applied) : applied.error().message);
    EXPECT_EQ(applied->summary.organisations_unchanged, 2);
    EXPECT_EQ(applied->summary.people_unchanged, 4);
    EXPECT_EQ(applied->summary.surveys_replaced, 2);
    EXPECT_EQ(applied->summary.sessions_replaced, 2);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM person WHERE exercise_id = $1", {exercise_id_}), people_before);
    ASSERT_TRUE(Export(exercise_id_, directory_ / "second"));
    EXPECT_EQ(testing::ReadDirectoryFiles(directory_ / "first"), testing::ReadDirectoryFiles(directory_ / "second"));
}

TEST_F(ArchiveRoundTripTest, AProblemAnywhereStoresNothing) {
    ASSERT_NO_FATAL_FAILURE(FillExercise());
    const auto out = directory_ / "out";
    ASSERT_TRUE(Export(exercise_id_, out));
    // A bad answer in the last file: organisations and people (read first) must not be stored either.
    std::string opinions = testing::ReadText(out / "opinions.csv");
    opinions.replace(opinions.find("manual_gaps"), 11, "no_such_kind");
    testing::WriteText(out / "opinions.csv", opinions);

    const std::int64_t twin = CreateTwinExercise();
    auto report = Import(twin, out, ImportMode::kApply);
    ASSERT_TRUE(report) << report.error().message;
    ASSERT_EQ(report->problems.size(), 1u) << Problems(*report);
    EXPECT_EQ(ToString(report->problems[0]),
              "opinions.csv row 2, column kind_code: 'no_such_kind' is neither a built-in kind nor in "
              "opinion_kinds.csv");
    EXPECT_FALSE(report->applied);
    EXPECT_EQ(StoredRows(twin), 0);
    EXPECT_EQ(AuditCount("archive.import"), 0);
}

TEST_F(ArchiveRoundTripTest, ConflictsWithDataOutsideTheArchiveAreProblems) {
    ASSERT_NO_FATAL_FAILURE(FillExercise());
    const auto out = directory_ / "out";
    ASSERT_TRUE(Export(exercise_id_, out));
    const std::int64_t twin = CreateTwinExercise();
    // The twin has another organisation (other external_ref) with the name the archive's A-001 has.
    const std::int64_t saved = exercise_id_;
    exercise_id_ = twin;
    organiser_.memberships.push_back({twin, Role::kOrganiser, {}, {}, {}});
    AddOrganisation("アルファ電力", "electricity", "Z-999");
    exercise_id_ = saved;
    auto report = Import(twin, out, ImportMode::kApply);
    ASSERT_TRUE(report) << report.error().message;
    ASSERT_FALSE(report->problems.empty());
    EXPECT_EQ(ToString(report->problems[0]),
              "organisations.csv row 2, column name: another organisation of the exercise already has this name");
    EXPECT_FALSE(report->applied);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM organisation WHERE exercise_id = $1", {twin}), 1);
}

TEST_F(ArchiveRoundTripTest, OrganisationsAreMatchedByExternalRefThenByName) {
    ASSERT_NO_FATAL_FAILURE(FillExercise());
    const auto out = directory_ / "out";
    ASSERT_TRUE(Export(exercise_id_, out));
    const std::int64_t twin = CreateTwinExercise();
    const std::int64_t saved = exercise_id_;
    exercise_id_ = twin;
    organiser_.memberships.push_back({twin, Role::kOrganiser, {}, {}, {}});
    // Same name, no external_ref: adopted by A-001 (gets its external_ref); a person with
    // the archive's e-mail is updated, one the archive does not list is kept.
    const std::int64_t adopted = AddOrganisation("アルファ電力", "ict");
    const std::int64_t yamada = AddPerson(adopted, "山田", "participant", "YAMADA@alpha.example");
    AddPerson(adopted, "残る人", "participant");
    exercise_id_ = saved;
    auto applied = Import(twin, out, ImportMode::kApply);
    ASSERT_TRUE(applied && applied->applied) << (applied ? Problems(*applied) : applied.error().message);
    EXPECT_EQ(applied->summary.organisations_updated, 1);
    EXPECT_EQ(applied->summary.organisations_created, 1);
    EXPECT_EQ(applied->summary.people_updated, 1);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM organisation WHERE id = $1 AND external_ref = 'A-001' AND "
                        "sector_code = 'electricity'",
                        {adopted}),
              1);
    EXPECT_EQ(
        CountRows("SELECT COUNT(*) FROM person WHERE id = $1 AND display_name = '山田 太郎' AND role = 'org_lead'",
                  {yamada}),
        1);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM person WHERE organisation_id = $1", {adopted}), 3);
}

TEST_F(ArchiveRoundTripTest, TwoRowsMatchingOneOrganisationAreAProblem) {
    ASSERT_NO_FATAL_FAILURE(FillExercise());
    const auto out = directory_ / "out";
    ASSERT_TRUE(Export(exercise_id_, out));
    const std::int64_t twin = CreateTwinExercise();
    const std::int64_t saved = exercise_id_;
    exercise_id_ = twin;
    organiser_.memberships.push_back({twin, Role::kOrganiser, {}, {}, {}});
    AddOrganisation("ベータ銀行", "finance", "A-001");  // A-001 by ref, name:ベータ銀行 by name
    exercise_id_ = saved;
    auto report = Import(twin, out, ImportMode::kDryRun);
    ASSERT_TRUE(report) << report.error().message;
    ASSERT_FALSE(report->problems.empty());
    EXPECT_EQ(ToString(report->problems[0]),
              "organisations.csv row 3, column organisation_key: matches the same organisation of the exercise as "
              "row 2 (by external_ref or name)");
}

// The hand-made past-year example of docs/data-format.md ("Bringing in a past year").
TEST_F(ArchiveRoundTripTest, TheDocumentedPastYearExampleImports) {
    const auto in = directory_ / "fy2022";
    std::filesystem::create_directories(in);
    testing::WriteText(in / "manifest.csv",
                       "key,value\nformat,enshu-exercise-archive\nformat_version,1\nfiscal_year,2022\n");
    testing::WriteText(
        in / "organisations.csv",
        "organisation_key,external_ref,name,name_kana,name_en,sector_code,ministry_code,size_band,region,"
        "participation_mode\nE-0001,E-0001,東日本電力株式会社,,,electricity,meti,large,JP-13,venue\n"
        "name:西日本銀行,,西日本銀行,,,finance,fsa,medium,JP-27,online\n");
    testing::WriteText(in / "objectives.csv",
                       "organisation_key,objective_id,custom_index,custom_text\nE-0001,1,0,\n"
                       "E-0001,10,1,委託先との連絡体制の確認\nname:西日本銀行,3,0,\n");
    testing::WriteText(in / "readiness_answers.csv",
                       "organisation_key,item_id,option_code\nE-0001,governance.roles_defined,organised\n"
                       "name:西日本銀行,governance.roles_defined,in_progress\n");
    auto report = Import(exercise_id_, in, ImportMode::kApply);
    ASSERT_TRUE(report) << report.error().message;
    ASSERT_TRUE(report->problems.empty()) << Problems(*report);
    ASSERT_EQ(report->notes.size(), 1u);  // fiscal year 2022 into the 2023 fixture exercise
    EXPECT_NE(report->notes[0].find("fiscal year 2022"), std::string::npos);
    EXPECT_EQ(report->summary.organisations_created, 2);
    EXPECT_EQ(report->summary.instrument_rows_inserted, 5);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM chosen_objective WHERE exercise_id = $1 AND created_at = $2",
                        {exercise_id_, FormatTimestamp(clock_.Now())}),
              3);
}

TEST_F(ArchiveRoundTripTest, ExportRefusesANonEmptyDirectoryAndAnUnknownExercise) {
    testing::WriteText(directory_ / "notes.txt", "keep me");
    auto refused = Export(exercise_id_, directory_);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, "--out");
    EXPECT_EQ(testing::ReadText(directory_ / "notes.txt"), "keep me");
    auto missing = Export(exercise_id_ + 100, directory_ / "x");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
    EXPECT_FALSE(std::filesystem::exists(directory_ / "x"));
    // A trailing slash names the same directory; an existing empty directory is filled.
    ASSERT_TRUE(Export(exercise_id_, (directory_ / "slash").string() + "/"));
    EXPECT_TRUE(std::filesystem::exists(directory_ / "slash" / "manifest.csv"));
    std::filesystem::create_directories(directory_ / "existing");
    ASSERT_TRUE(Export(exercise_id_, directory_ / "existing"));
    EXPECT_TRUE(std::filesystem::exists(directory_ / "existing" / "people.csv"));
    // An empty exercise exports header-only files.
    ASSERT_TRUE(Export(exercise_id_, directory_ / "empty"));
    EXPECT_EQ(testing::ReadText(directory_ / "empty" / "opinions.csv"),
              "\xEF\xBB\xBFsession_key,organisation_key,kind_code,text,created_at\r\n");
}

}  // namespace
}  // namespace enshu::archive
