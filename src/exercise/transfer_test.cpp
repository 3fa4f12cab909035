#include <gtest/gtest.h>

#include <algorithm>

#include "exercise/exercise_test_support.hpp"
#include "exercise/organisation_import.hpp"
#include "exercise/person_import.hpp"
#include "exercise/transfer_export.hpp"
#include "io/csv.hpp"
#include "io/xlsx.hpp"

namespace enshu::exercise {
namespace {

constexpr char kGoodOrganisations[] =
    "external_ref,name,name_kana,name_en,sector,ministry,size_band,region,participation_mode\n"
    "D-001,デモ北関東電力株式会社,デモキタカントウデンリョク,Demo Kita-Kanto Power,electricity,meti,large,JP-09,venue\n"
    "D-002,デモ銀行,デモギンコウ,Demo Bank,金融,金融庁,中,東京都,オンライン\n"
    "D-003,デモ水道局,,Demo Water,Water supply,,small,Osaka,疑似体験プログラム\n";

class TransferTest : public testing::ExerciseTest {
  protected:
    Result<ImportReport> ImportOrganisationsText(const std::string& text, ImportMode mode) {
        return ImportOrganisations(Transfer(organiser_), exercise_id_, text, mode);
    }
    Result<ImportReport> ImportPeopleText(const std::string& text, ImportMode mode) {
        return ImportPeople(Transfer(organiser_), exercise_id_, text, mode);
    }

    static bool HasError(const ImportReport& report, std::size_t row, const std::string& column) {
        return std::any_of(report.errors.begin(), report.errors.end(),
                           [&](const ImportError& error) { return error.row == row && error.column == column; });
    }

    static std::string Describe(const ImportReport& report) {
        std::string text;
        for (const auto& error : report.errors) {
            text += std::to_string(error.row) + "/" + error.column + ": " + error.message + "\n";
        }
        return text;
    }

    std::string OrganisationsSnapshot() {
        std::string text;
        auto status = database_->Read([&](db::Connection& connection) -> Status {
            auto rows = connection.Query(
                "SELECT external_ref, name, name_kana, name_en, sector_code, ministry_code, size_band, region, "
                "participation_mode, updated_at FROM organisation ORDER BY id");
            if (!rows) return tl::unexpected(rows.error());
            for (const auto& row : *rows) {
                for (std::size_t i = 0; i < row.size(); ++i) text += row.Text(i) + "|";
                text += "\n";
            }
            return Ok();
        });
        EXPECT_TRUE(status);
        return text;
    }

    std::string PeopleSnapshot() {
        std::string text;
        auto status = database_->Read([&](db::Connection& connection) -> Status {
            auto rows = connection.Query(
                "SELECT organisation_id, role, display_name, email, phone, department, is_contact, team_roles, "
                "updated_at "
                "FROM person ORDER BY id");
            if (!rows) return tl::unexpected(rows.error());
            for (const auto& row : *rows) {
                for (std::size_t i = 0; i < row.size(); ++i) text += row.Text(i) + "|";
                text += "\n";
            }
            return Ok();
        });
        EXPECT_TRUE(status);
        return text;
    }
};

TEST_F(TransferTest, ImportsCodesAndJapaneseOrEnglishNames) {
    auto dry = ImportOrganisationsText(kGoodOrganisations, ImportMode::kDryRun);
    ASSERT_TRUE(dry) << dry.error().message;
    EXPECT_TRUE(dry->valid) << Describe(*dry);
    EXPECT_EQ(dry->created, 3u);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM organisation"), 0);  // a dry run writes nothing
    EXPECT_EQ(AuditCount("organisations.import"), 0);

    auto run = ImportOrganisationsText(kGoodOrganisations, ImportMode::kApply);
    ASSERT_TRUE(run);
    EXPECT_TRUE(run->valid) << Describe(*run);
    EXPECT_EQ(run->row_count, 3u);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM organisation WHERE external_ref = 'D-002' AND sector_code = 'finance' "
                        "AND ministry_code = 'fsa' AND size_band = 'medium' AND region = 'JP-13' AND "
                        "participation_mode = 'online'"),
              1);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM organisation WHERE external_ref = 'D-003' AND ministry_code = 'mhlw' "
                        "AND region = 'JP-27' AND participation_mode = 'simulated'"),
              1);
    EXPECT_EQ(AuditCount("organisations.import"), 1);
}

TEST_F(TransferTest, DryRunReportsEveryBadRowWithRowAndColumn) {
    const std::string text =
        "管理番号,組織名,分野,規模,地域,参加形態,所管省庁\n"
        "D-001,デモ電力,電気,large,JP-13,venue,\n"       // row 2: unknown sector
        "D-002,,electricity,huge,JP-99,hybrid,\n"        // row 3: name, size, region, mode
        "\n"                                             // row 4: blank, skipped
        "D 003,デモガス,gas,small,JP-13,venue,金融庁\n"  // row 5: external_ref, ministry mismatch
        "D-004,デモ鉄道,railway,small,JP-13,venue,\n"    // row 6: valid
        "D-004,デモ鉄道,railway,small,JP-13,venue,\n";   // row 7: duplicates of row 6
    auto report = ImportOrganisationsText(text, ImportMode::kDryRun);
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_FALSE(report->valid);
    EXPECT_EQ(report->row_count, 5u);  // the blank row is not counted
    EXPECT_TRUE(HasError(*report, 2, "分野")) << Describe(*report);
    EXPECT_TRUE(HasError(*report, 3, "組織名"));
    EXPECT_TRUE(HasError(*report, 3, "規模"));
    EXPECT_TRUE(HasError(*report, 3, "地域"));
    EXPECT_TRUE(HasError(*report, 3, "参加形態"));
    EXPECT_TRUE(HasError(*report, 5, "管理番号"));
    EXPECT_TRUE(HasError(*report, 5, "所管省庁"));
    EXPECT_TRUE(HasError(*report, 7, "組織名"));
    EXPECT_TRUE(HasError(*report, 7, "管理番号"));
    EXPECT_FALSE(HasError(*report, 6, "組織名"));
    EXPECT_EQ(report->errors.size(), 9u) << Describe(*report);

    // A real run with bad rows writes nothing, not even the good row.
    auto run = ImportOrganisationsText(text, ImportMode::kApply);
    ASSERT_TRUE(run);
    EXPECT_FALSE(run->valid);
    EXPECT_FALSE(run->dry_run);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM organisation"), 0);
    EXPECT_EQ(AuditCount("organisations.import"), 0);
}

TEST_F(TransferTest, HeaderProblemsAreReportedOnRowOne) {
    auto report =
        ImportOrganisationsText("name,sector,colour,size_band,region\nA,gas,red,small,JP-13\n", ImportMode::kDryRun);
    ASSERT_TRUE(report);
    EXPECT_FALSE(report->valid);
    EXPECT_TRUE(HasError(*report, 1, "colour")) << Describe(*report);
    EXPECT_TRUE(HasError(*report, 1, "participation_mode"));

    auto empty = ImportOrganisationsText("", ImportMode::kDryRun);
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().field, "file");

    std::string many = "name,sector,size_band,region,participation_mode\n";
    for (int i = 0; i < 5001; ++i) many += "N" + std::to_string(i) + ",gas,small,JP-13,venue\n";
    auto too_many = ImportOrganisationsText(many, ImportMode::kDryRun);
    ASSERT_FALSE(too_many);
    EXPECT_EQ(too_many.error().code, ErrorCode::kPayloadTooLarge);
}

TEST_F(TransferTest, RowsWithAKnownExternalRefUpdate) {
    ASSERT_TRUE(ImportOrganisationsText(kGoodOrganisations, ImportMode::kApply));
    const std::string text =
        "external_ref,name,sector,size_band,region,participation_mode\n"
        "D-001,デモ北関東電力株式会社(改),electricity,small,JP-10,online\n"
        "D-009,デモ新会社,gas,small,JP-13,venue\n";
    auto report = ImportOrganisationsText(text, ImportMode::kApply);
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->valid) << Describe(*report);
    EXPECT_EQ(report->updated, 1u);
    EXPECT_EQ(report->created, 1u);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM organisation"), 4);
    // Columns absent from the file keep their values.
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM organisation WHERE external_ref = 'D-001' AND region = 'JP-10' AND "
                        "name_en = 'Demo Kita-Kanto Power'"),
              1);
    // Taking another organisation's name is reported.
    auto clash = ImportOrganisationsText(
        "external_ref,name,sector,size_band,region,participation_mode\nD-002,デモ新会社,gas,small,JP-13,venue\n",
        ImportMode::kDryRun);
    ASSERT_TRUE(clash);
    EXPECT_TRUE(HasError(*clash, 2, "name")) << Describe(*clash);
}

TEST_F(TransferTest, OrganisationExportReimportsUnchangedInCsvAndXlsxAndJapanese) {
    ASSERT_TRUE(ImportOrganisationsText(kGoodOrganisations, ImportMode::kApply));
    {
        auto input = OrganisationOf("=HYPERLINK(\"x\")", "gas", "D-010");  // formula-looking name survives
        ASSERT_TRUE(Organisations().Create(organiser_, actor_, exercise_id_, input));
    }
    const std::string before = OrganisationsSnapshot();
    for (auto format : {ExportFormat::kCsv, ExportFormat::kXlsx}) {
        for (auto language : {HeaderLanguage::kEnglish, HeaderLanguage::kJapanese}) {
            auto file = ExportOrganisations(Transfer(organiser_), exercise_id_, {}, format, language);
            ASSERT_TRUE(file) << file.error().message;
            EXPECT_EQ(file->filename, "organisations-" + std::to_string(exercise_id_) +
                                          (format == ExportFormat::kCsv ? ".csv" : ".xlsx"));
            auto report = ImportOrganisationsText(file->body, ImportMode::kApply);
            ASSERT_TRUE(report) << report.error().message;
            EXPECT_TRUE(report->valid) << Describe(*report);
            EXPECT_EQ(report->unchanged, 4u);
            EXPECT_EQ(report->created + report->updated, 0u);
            EXPECT_EQ(OrganisationsSnapshot(), before);
        }
    }
    auto japanese =
        ExportOrganisations(Transfer(organiser_), exercise_id_, {}, ExportFormat::kCsv, HeaderLanguage::kJapanese);
    ASSERT_TRUE(japanese);
    EXPECT_NE(japanese->body.find("管理番号,組織名"), std::string::npos);
    EXPECT_NE(japanese->body.find("東京都"), std::string::npos);
}

TEST_F(TransferTest, MinistryExportsOnlyItsSectors) {
    ASSERT_TRUE(ImportOrganisationsText(kGoodOrganisations, ImportMode::kApply));
    auto file = ExportOrganisations(Transfer(WithRole(Role::kMinistry, {}, "fsa")), exercise_id_, {},
                                    ExportFormat::kCsv, HeaderLanguage::kEnglish);
    ASSERT_TRUE(file);
    auto table = io::ParseCsv(file->body);
    ASSERT_TRUE(table);
    ASSERT_EQ(table->size(), 2u);
    EXPECT_EQ((*table)[1][0], "D-002");
    auto denied = ExportOrganisations(Transfer(WithRole(Role::kObserver)), exercise_id_, {}, ExportFormat::kCsv,
                                      HeaderLanguage::kEnglish);
    ASSERT_FALSE(denied);
    EXPECT_EQ(denied.error().code, ErrorCode::kForbidden);
    auto import_denied = ImportOrganisations(Transfer(WithRole(Role::kMinistry, {}, "fsa")), exercise_id_,
                                             kGoodOrganisations, ImportMode::kDryRun);
    ASSERT_FALSE(import_denied);
    EXPECT_EQ(import_denied.error().code, ErrorCode::kForbidden);
}

TEST_F(TransferTest, PeopleImportValidatesEveryRowAndRoundTrips) {
    ASSERT_TRUE(ImportOrganisationsText(kGoodOrganisations, ImportMode::kApply));
    const std::string bad =
        "組織,氏名,役割,メール,電話,部署,連絡窓口\n"
        "D-001,山田 花子,組織責任者,hanako@example.jp,03-0000-0000,情報システム部,はい\n"
        "D-404,佐藤 健,参加者,,,,\n"                             // unknown organisation
        "デモ銀行,鈴木 一郎,boss,not-an-email,,,maybe\n"         // role, email, is_contact
        "D-001,山田 太郎,participant,HANAKO@example.jp,,,no\n";  // same e-mail as row 2
    auto report = ImportPeopleText(bad, ImportMode::kApply);
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_FALSE(report->valid);
    EXPECT_TRUE(HasError(*report, 3, "組織")) << Describe(*report);
    EXPECT_TRUE(HasError(*report, 4, "役割"));
    EXPECT_TRUE(HasError(*report, 4, "メール"));
    EXPECT_TRUE(HasError(*report, 4, "連絡窓口"));
    EXPECT_TRUE(HasError(*report, 5, "メール"));
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM person"), 0);

    const std::string good =
        "organisation,display_name,role,email,phone,department,is_contact,team_roles\n"
        "D-001,山田 花子,org_lead,hanako@example.jp,+81-3-0000-0000,情報システム部,yes,\"pr, csirt\"\n"
        "デモ銀行,鈴木 一郎,participant,,,,0,\n";
    auto applied = ImportPeopleText(good, ImportMode::kApply);
    ASSERT_TRUE(applied);
    EXPECT_TRUE(applied->valid) << Describe(*applied);
    EXPECT_EQ(applied->created, 2u);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM join_link"), 0);  // imported people get no link
    EXPECT_EQ(AuditCount("people.import"), 1);
    // Team roles are stored in the fixed order of kTeamRoles.
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM person WHERE team_roles = 'csirt,pr'"), 1);

    const std::string before = PeopleSnapshot();
    for (auto format : {ExportFormat::kCsv, ExportFormat::kXlsx}) {
        for (auto language : {HeaderLanguage::kEnglish, HeaderLanguage::kJapanese}) {
            auto file = ExportPeople(Transfer(organiser_), exercise_id_, {}, format, language);
            ASSERT_TRUE(file) << file.error().message;
            auto again = ImportPeopleText(file->body, ImportMode::kApply);
            ASSERT_TRUE(again);
            EXPECT_TRUE(again->valid) << Describe(*again);
            EXPECT_EQ(again->unchanged, 2u);
            EXPECT_EQ(PeopleSnapshot(), before);
        }
    }
}

TEST_F(TransferTest, PeopleImportReadsTeamRolesAsCodesOrJapaneseLabels) {
    ASSERT_TRUE(ImportOrganisationsText(kGoodOrganisations, ImportMode::kApply));
    const std::string bad =
        "組織,氏名,役割,担当機能\n"
        "D-001,山田 花子,組織責任者,広報、経営層\n"
        "D-001,佐藤 健,参加者,\"csirt,hacker\"\n"   // unknown role
        "デモ銀行,鈴木 一郎,参加者,\"広報,pr\"\n";  // the same role twice
    auto report = ImportPeopleText(bad, ImportMode::kApply);
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_FALSE(report->valid);
    EXPECT_TRUE(HasError(*report, 3, "担当機能")) << Describe(*report);
    EXPECT_TRUE(HasError(*report, 4, "担当機能")) << Describe(*report);
    EXPECT_FALSE(HasError(*report, 2, "担当機能")) << Describe(*report);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM person"), 0);

    const std::string good =
        "組織,氏名,役割,担当機能\n"
        "D-001,山田 花子,組織責任者,広報、経営層\n"
        "D-001,佐藤 健,参加者,ＣＳＩＲＴ，システム\n"
        "デモ銀行,鈴木 一郎,参加者,\n";
    auto applied = ImportPeopleText(good, ImportMode::kApply);
    ASSERT_TRUE(applied);
    ASSERT_TRUE(applied->valid) << Describe(*applied);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM person WHERE team_roles = 'management,pr'"), 1);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM person WHERE team_roles = 'csirt,systems'"), 1);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM person WHERE team_roles = ''"), 1);

    auto english = ExportPeople(Transfer(organiser_), exercise_id_, {}, ExportFormat::kCsv, HeaderLanguage::kEnglish);
    ASSERT_TRUE(english);
    EXPECT_NE(english->body.find("team_roles"), std::string::npos);
    EXPECT_NE(english->body.find("\"management,pr\""), std::string::npos) << english->body;
    auto japanese = ExportPeople(Transfer(organiser_), exercise_id_, {}, ExportFormat::kCsv, HeaderLanguage::kJapanese);
    ASSERT_TRUE(japanese);
    EXPECT_NE(japanese->body.find("担当機能"), std::string::npos);
    EXPECT_NE(japanese->body.find("\"経営層,広報\""), std::string::npos) << japanese->body;

    // Changing only the team roles updates the person; an empty cell clears them.
    auto changed = ImportPeopleText("組織,氏名,役割,担当機能\nD-001,山田 花子,組織責任者,\n", ImportMode::kApply);
    ASSERT_TRUE(changed);
    EXPECT_EQ(changed->updated, 1u) << Describe(*changed);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM person WHERE team_roles = 'management,pr'"), 0);
}

}  // namespace
}  // namespace enshu::exercise
