// Reading and checking archive files without a database write: every problem names its
// file, row (header = row 1) and column.

#include "archive/archive_parse.hpp"

#include <gtest/gtest.h>

#include "archive/archive_checks.hpp"
#include "archive/archive_test_support.hpp"

namespace enshu::archive {
namespace {

using Files = std::map<std::string, std::string>;

// A small valid archive in hand-written form (no BOM, LF line ends).
Files ValidFiles() {
    return {
        {"manifest.csv", "key,value\nformat,enshu-exercise-archive\nformat_version,1\nfiscal_year,2022\n"},
        {"organisations.csv",
         "organisation_key,external_ref,name,name_kana,name_en,sector_code,ministry_code,size_band,region,"
         "participation_mode\nA-001,A-001,アルファ電力,,,electricity,meti,large,JP-13,venue\n"},
        {"people.csv",
         "person_key,organisation_key,role,display_name,email,phone,department,is_contact,team_roles\n"
         "P1,A-001,org_lead,山田,yamada@example.jp,,,1,csirt\n"},
        {"readiness_responses.csv",
         "organisation_key,part,status,submitted_at,submitted_by,updated_at\nA-001,before,submitted,"
         "2022-11-01T00:00:00Z,P1,\n"},
        {"readiness_answers.csv",
         "organisation_key,item_id,option_code,updated_at\nA-001,governance.roles_defined,organised,\n"},
        // created_at/updated_at are optional columns.
        {"objectives.csv", "organisation_key,objective_id,custom_index,custom_text\nA-001,3,0,\n"},
        {"action_record_ratings.csv",
         "organisation_key,objective_id,custom_index,setting,option_code\nA-001,3,0,1,well\n"},
        {"action_record_issues.csv",
         "organisation_key,objective_id,custom_index,position,text\nA-001,3,0,1,\"二行の\n課題\"\n"},
        {"surveys.csv",
         "survey_code,title_ja,title_en,intro_ja,intro_en,respondent,anonymity,opens_at,closes_at\n"
         "s1,調査,,,,person,named,,\n"},
        {"survey_questions.csv",
         "survey_code,question_code,position,kind,text_ja,text_en,required,number_min,number_max,show_if_question,"
         "show_if_any_of\ns1,q1,1,single_choice,問,,1,,,,\n"},
        {"survey_options.csv",
         "survey_code,question_code,position,option_code,label_ja,label_en\ns1,q1,1,yes,はい,Yes\n"
         "s1,q1,2,no,いいえ,No\n"},
        {"survey_responses.csv",
         "survey_code,response_key,organisation_key,person_key,sector_code,submitted_on\n"
         "s1,R1,A-001,P1,electricity,2022-12-07\n"},
        {"survey_answers.csv", "survey_code,response_key,question_code,value\ns1,R1,q1,yes\n"},
        {"survey_participation.csv", "survey_code,organisation_key,person_key\ns1,A-001,P1\n"},
        {"forum_sessions.csv",
         "session_key,kind,title_ja,title_en,starts_at,ends_at,format,location,capacity,themes,experts,"
         "survey_code\nS1,roundtable,座談会,,2023-01-15T14:00,2023-01-15T16:00,venue,,,,,s1\n"},
        {"forum_registrations.csv", "session_key,person_key,organisation_key,attended\nS1,P1,A-001,1\n"},
        {"opinion_kinds.csv", "kind_code,label_ja,label_en,position\nbudget,予算,Budget,7\n"},
        {"opinions.csv", "session_key,organisation_key,kind_code,text\nS1,,manual_gaps,意見\nS1,A-001,budget,予算\n"},
    };
}

// The valid archive with the data rows of `file` replaced by `row` (which is row 2).
Files With(const std::string& file, const std::string& row) {
    Files files = ValidFiles();
    std::string& text = files.at(file);
    text = text.substr(0, text.find('\n') + 1) + row + "\n";
    return files;
}

class ArchiveParseTest : public testing::ArchiveTest {
  protected:
    std::vector<std::string> Problems(const Files& files, Archive* out = nullptr) {
        auto data = exercise::SharedReferenceData(*database_);
        EXPECT_TRUE(data);
        std::vector<Problem> problems;
        Archive archive = ParseArchive(files, ArchiveReference{**data, *reference_}, problems);
        if (archive.manifest.format_version != 0 && archive.every_file_read) {
            CheckContext context;
            context.builtin_opinion_kinds = {"manual_gaps",         "public_disclosure",  "organisation_building",
                                             "information_sharing", "incident_judgement", "supply_chain"};
            context.known_opinion_kinds = context.builtin_opinion_kinds;
            CheckArchive(archive, context, problems);
        }
        if (out) *out = archive;
        std::vector<std::string> texts;
        for (const auto& problem : problems) texts.push_back(ToString(problem));
        return texts;
    }

    // The first problem starts with `expected` (file, row, column and the start of the
    // message) and is the only one in its file (a broken objective row may also leave the
    // ratings that refer to it without their objective).
    void ExpectOneProblem(const Files& files, const std::string& expected) {
        const auto problems = Problems(files);
        ASSERT_FALSE(problems.empty());
        EXPECT_EQ(problems[0].substr(0, expected.size()), expected) << ::testing::PrintToString(problems);
        const std::string file = expected.substr(0, expected.find_first_of(" :"));
        for (std::size_t i = 1; i < problems.size(); ++i) {
            EXPECT_NE(problems[i].rfind(file, 0), 0u) << ::testing::PrintToString(problems);
        }
    }
};

TEST_F(ArchiveParseTest, AValidHandWrittenArchiveHasNoProblems) {
    Archive archive;
    EXPECT_TRUE(Problems(ValidFiles(), &archive).empty()) << ::testing::PrintToString(Problems(ValidFiles()));
    EXPECT_EQ(archive.manifest.fiscal_year, 2022);
    ASSERT_EQ(archive.people.size(), 1u);
    EXPECT_EQ(archive.people[0].team_roles, std::vector<std::string>{"csirt"});
    ASSERT_EQ(archive.issues.size(), 1u);
    EXPECT_EQ(archive.issues[0].text, "二行の\n課題");
    // Timestamps without milliseconds are read into the canonical form; absent ones stay empty.
    EXPECT_EQ(archive.readiness_responses[0].submitted_at, "2022-11-01T00:00:00.000Z");
    EXPECT_EQ(archive.objectives[0].created_at, "");
}

TEST_F(ArchiveParseTest, EveryCellProblemNamesFileRowAndColumn) {
    const std::vector<std::pair<Files, std::string>> cases = {
        {With("organisations.csv", "A-001,A-001,アルファ電力,,,nowhere,meti,large,JP-13,venue"),
         "organisations.csv row 2, column sector_code: "},
        {With("organisations.csv", "X,A-001,アルファ電力,,,electricity,meti,large,JP-13,venue"),
         "organisations.csv row 2, column organisation_key: must be 'A-001'"},
        {With("organisations.csv", "A-001,A-001,アルファ電力,,,electricity,meti,huge,JP-13,venue"),
         "organisations.csv row 2, column size_band: "},
        {With("people.csv", "P1,A-001,org_lead,山田,not-an-address,,,1,csirt"), "people.csv row 2, column email: "},
        {With("people.csv", "P1,A-001,org_lead,山田,,,,yes,csirt"),
         "people.csv row 2, column is_contact: 'yes' must be 0 or 1"},
        {With("people.csv", "P1,A-001,org_lead,山田,,,,1,boss"), "people.csv row 2, column team_roles: "},
        {With("people.csv", "P1,A-001,chief,山田,,,,1,"), "people.csv row 2, column role: "},
        {With("readiness_responses.csv", "A-001,before,submitted,,P1,"),
         "readiness_responses.csv row 2, column submitted_at: is required"},
        {With("readiness_answers.csv", "A-001,governance.roles_defined,maybe,"),
         "readiness_answers.csv row 2, column option_code: 'maybe' is not an option of scale organised"},
        {With("readiness_answers.csv", "A-001,governance.unknown,organised,"),
         "readiness_answers.csv row 2, column item_id: no readiness-survey item 'governance.unknown'"},
        {With("objectives.csv", "A-001,3,1,"),
         "objectives.csv row 2, column custom_index: must be 0 for objectives 1-9"},
        {With("objectives.csv", "A-001,10,1,"),
         "objectives.csv row 2, column custom_text: the own objective (10) needs its text"},
        {With("action_record_ratings.csv", "A-001,3,0,4,well"),
         "action_record_ratings.csv row 2, column setting: '4' is not a whole number from 1 to 3"},
        {With("action_record_ratings.csv", "A-001,3,0,1,great"),
         "action_record_ratings.csv row 2, column option_code: 'great' is not an option of scale four_level"},
        {With("action_record_issues.csv", "A-001,3,0,1,"), "action_record_issues.csv row 2, column text: is required"},
        {With("surveys.csv", "s1,調査,,,,person,secret,,"),
         "surveys.csv row 2, column anonymity: 'secret' is not allowed (one of named, anonymous)"},
        {With("surveys.csv", "s1,調査,,,,person,named,tomorrow,"),
         "surveys.csv row 2, column opens_at: 'tomorrow' is not a UTC timestamp"},
        {With("survey_questions.csv", "s1,q1,1,essay,問,,1,,,,"), "survey_questions.csv row 2, column kind: "},
        {With("survey_options.csv", "s1,q1,1,yes,,Yes"), "survey_options.csv row 2, column label_ja: is required"},
        {With("survey_responses.csv", "s1,R1,A-001,P1,electricity,2022-13-01"),
         "survey_responses.csv row 2, column submitted_on: '2022-13-01' is not a date YYYY-MM-DD"},
        {With("survey_answers.csv", "s1,R1,q1,maybe"),
         "survey_answers.csv row 2, column value: 'maybe' is not an option of the question"},
        {With("survey_participation.csv", "s1,A-001,"),
         "survey_participation.csv row 2, column person_key: is required: survey 's1' is answered by people"},
        {With("forum_sessions.csv", "S1,roundtable,座談会,,2023-01-15 14:00,2023-01-15T16:00,venue,,,,,s1"),
         "forum_sessions.csv row 2, column starts_at: '2023-01-15 14:00' is not a local time YYYY-MM-DDTHH:MM"},
        {With("forum_sessions.csv", "S1,roundtable,座談会,,2023-01-15T14:00,2023-01-15T16:00,venue,,,[1],,s1"),
         "forum_sessions.csv row 2, column themes: must be a JSON array of strings"},
        {With("forum_sessions.csv",
              "S1,roundtable,座談会,,2023-01-15T14:00,2023-01-15T16:00,venue,,,\"[\"\"a\"\",\"\"b\"\",\"\"c\"\","
              "\"\"d\"\","
              "\"\"e\"\",\"\"f\"\",\"\"g\"\",\"\"h\"\",\"\"i\"\",\"\"j\"\",\"\"k\"\",\"\"l\"\",\"\"m\"\",\"\"n\"\","
              "\"\"o\"\","
              "\"\"p\"\",\"\"q\"\",\"\"r\"\",\"\"s\"\",\"\"t\"\",\"\"u\"\"]\",,s1"),
         "forum_sessions.csv row 2, column themes: "},
        {With("opinion_kinds.csv", "Budget,予算,,7"), "opinion_kinds.csv row 2, column kind_code: "},
        {With("forum_registrations.csv", "S1,P1,A-001,2"),
         "forum_registrations.csv row 2, column attended: '2' must be 0 or 1"},
        {With("opinion_kinds.csv", "manual_gaps,マニュアル,,1"),
         "opinion_kinds.csv row 2, column kind_code: 'manual_gaps' is a built-in kind"},
        {With("opinions.csv", "S1,,manual_gaps,"), "opinions.csv row 2, column text: is required"},
    };
    for (const auto& [files, expected] : cases) {
        SCOPED_TRACE(expected);
        ExpectOneProblem(files, expected);
    }
}

TEST_F(ArchiveParseTest, AnInvalidRowDoesNotMakeReferencesToItProblemsToo) {
    EXPECT_EQ(Problems(With("organisations.csv", "A-001,A-001,アルファ電力,,,nowhere,meti,large,JP-13,venue")).size(),
              1u);
    EXPECT_EQ(Problems(With("people.csv", "P1,A-001,org_lead,山田,not-an-address,,,1,csirt")).size(), 1u);
    // A file that cannot be read at all is the only problem reported.
    Files unreadable = ValidFiles();
    unreadable["organisations.csv"] = "name\nx\n";
    const auto problems = Problems(unreadable);
    ASSERT_EQ(problems.size(), 9u) << ::testing::PrintToString(problems);  // the 9 missing columns
    for (const auto& problem : problems) EXPECT_EQ(problem.rfind("organisations.csv row 1, column ", 0), 0u) << problem;
}

TEST_F(ArchiveParseTest, ReferencesBetweenFilesAreChecked) {
    ExpectOneProblem(With("people.csv", "P1,B-999,org_lead,山田,,,,1,"),
                     "people.csv row 2, column organisation_key: 'B-999' is not an organisation_key of "
                     "organisations.csv");
    ExpectOneProblem(With("forum_registrations.csv", "S1,P9,A-001,1"),
                     "forum_registrations.csv row 2, column person_key: 'P9' is not a person_key of people.csv");
    ExpectOneProblem(With("action_record_ratings.csv", "A-001,4,0,1,well"),
                     "action_record_ratings.csv row 2, column objective_id: organisation 'A-001' has no objective 4");
    ExpectOneProblem(With("survey_answers.csv", "s1,R7,q1,yes"),
                     "survey_answers.csv row 2, column response_key: survey 's1' has no response 'R7'");
    ExpectOneProblem(With("forum_sessions.csv", "S1,roundtable,座談会,,2023-01-15T14:00,2023-01-15T16:00,venue,,,,,s9"),
                     "forum_sessions.csv row 2, column survey_code: 's9' is not a survey_code of surveys.csv");
    Files duplicate = ValidFiles();
    duplicate["people.csv"] += "P1,A-001,participant,佐藤,,,,0,\n";
    ExpectOneProblem(duplicate, "people.csv row 3, column person_key: the key repeats row 2");
}

TEST_F(ArchiveParseTest, AnonymousResponsesMayNotNameAnOrganisationOrPerson) {
    Files files = With("surveys.csv", "s1,調査,,,,organisation,anonymous,,");
    files["survey_participation.csv"] = "survey_code,organisation_key,person_key\ns1,A-001,\n";
    ExpectOneProblem(files,
                     "survey_responses.csv row 2, column organisation_key: survey 's1' is anonymous: its responses "
                     "name no organisation or person");
}

TEST_F(ArchiveParseTest, TheSurveyEnginesDefinitionRulesApply) {
    Files files = ValidFiles();
    files["survey_options.csv"] =
        "survey_code,question_code,position,option_code,label_ja,label_en\ns1,q1,1,yes,はい,\n";
    files["survey_answers.csv"] = "survey_code,response_key,question_code,value\n";
    ExpectOneProblem(files, "survey_questions.csv row 2, column kind: ");
}

TEST_F(ArchiveParseTest, HeaderAndShapeProblems) {
    Files unknown = ValidFiles();
    unknown["organisations.csv"].insert(unknown["organisations.csv"].find('\n'), ",colour");
    ExpectOneProblem(unknown, "organisations.csv row 1, column colour: unknown column");
    Files missing = ValidFiles();
    missing["people.csv"] = "person_key,organisation_key,role,display_name,phone,department,is_contact,team_roles\n";
    ExpectOneProblem(missing, "people.csv row 1, column email: required column is missing");
    Files narrow = ValidFiles();
    narrow["opinion_kinds.csv"] += "extra,row\n";
    ExpectOneProblem(narrow, "opinion_kinds.csv row 3: has 2 cells; the header has 4");
    // Rows count records: the two-line issue is row 2, the next record row 3.
    Files multi_line = ValidFiles();
    multi_line["action_record_issues.csv"] += "A-001,3,0,0,x\n";
    ExpectOneProblem(multi_line, "action_record_issues.csv row 3, column position: '0' is not a whole number");
    ExpectOneProblem(With("opinions.csv", "\"S1,,manual_gaps,unterminated"), "opinions.csv: line ");
}

TEST_F(ArchiveParseTest, TheManifestIsRequiredAndNewerVersionsAreRefused) {
    Files newer = ValidFiles();
    newer["manifest.csv"] = "key,value\nformat,enshu-exercise-archive\nformat_version,2\n";
    ExpectOneProblem(newer,
                     "manifest.csv row 3, column value: format_version 2 is newer than this enshu reads (1); use a "
                     "newer enshu");
    Files counted = ValidFiles();
    counted["manifest.csv"] += "rows:people.csv,5\n";
    ExpectOneProblem(counted, "people.csv: has 1 data rows; manifest.csv says 5 (is the file complete?)");
    Files absent = ValidFiles();
    absent.erase("manifest.csv");
    ExpectOneProblem(absent, "manifest.csv: the file is missing");
    Files other = ValidFiles();
    other["manifest.csv"] = "key,value\nformat,something-else\nformat_version,1\n";
    ExpectOneProblem(other, "manifest.csv row 2, column value: format must be 'enshu-exercise-archive'");
}

TEST_F(ArchiveParseTest, LimitsOfRowsAndBytesPerFile) {
    Files many = ValidFiles();
    std::string& kinds = many["opinion_kinds.csv"];
    for (int i = 0; i < 1001; ++i) kinds += "k" + std::to_string(i) + ",種類,,1\n";
    ExpectOneProblem(many, "opinion_kinds.csv: has more than 1000 data rows, the limit of this file");
    Files large = ValidFiles();
    large["surveys.csv"] += std::string(17 * 1024 * 1024, ' ');
    ExpectOneProblem(large, "surveys.csv: the file has 17825");
}

TEST(ArchiveFormatTest, TheFormulaGuardIsUndoneExactly) {
    for (const std::string text : {"=1+1", "+81 3", "-5", "@x", "\tx", "'quoted", "''", "plain", ""}) {
        EXPECT_EQ(UnguardCell(GuardCell(text)), text) << text;
    }
    EXPECT_EQ(GuardCell("=SUM(A1)"), "'=SUM(A1)");
    EXPECT_EQ(GuardCell("'x"), "''x");
    EXPECT_EQ(GuardCell("plain"), "plain");
}

}  // namespace
}  // namespace enshu::archive
