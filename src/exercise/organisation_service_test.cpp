#include "exercise/organisation_service.hpp"

#include <gtest/gtest.h>

#include "exercise/exercise_test_support.hpp"

namespace enshu::exercise {
namespace {

class OrganisationServiceTest : public testing::ExerciseTest {
  protected:
    std::vector<std::string> Names(const Principal& principal, OrganisationListParameters parameters = {}) {
        auto query = ParseOrganisationListQuery(parameters);
        EXPECT_TRUE(query) << (query ? "" : query.error().message);
        if (!query) return {};
        auto page = Organisations().List(principal, exercise_id_, *query);
        EXPECT_TRUE(page) << (page ? "" : page.error().message);
        std::vector<std::string> names;
        if (page) {
            for (const auto& organisation : page->items) names.push_back(organisation.name);
        }
        return names;
    }

    Error CreateError(const OrganisationInput& input) {
        auto created = Organisations().Create(organiser_, actor_, exercise_id_, input);
        EXPECT_FALSE(created);
        return created ? Error{} : created.error();
    }
};

TEST_F(OrganisationServiceTest, ValidationErrorsNameTheField) {
    auto input = OrganisationOf("", "electricity");
    EXPECT_EQ(CreateError(input).field, "name");
    input = OrganisationOf(std::string(201, 'x'), "electricity");
    EXPECT_EQ(CreateError(input).field, "name");
    input = OrganisationOf("A", "電気");
    EXPECT_EQ(CreateError(input).field, "sector_code");
    input = OrganisationOf("A", "electricity");
    input.ministry_code = "nisc";
    EXPECT_EQ(CreateError(input).field, "ministry_code");
    input = OrganisationOf("A", "electricity");
    input.ministry_code = "mlit";  // electricity belongs to METI
    EXPECT_EQ(CreateError(input).field, "ministry_code");
    input = OrganisationOf("A", "electricity");
    input.size_band = "huge";
    EXPECT_EQ(CreateError(input).field, "size_band");
    input = OrganisationOf("A", "electricity");
    input.region = "JP-48";
    EXPECT_EQ(CreateError(input).field, "region");
    input = OrganisationOf("A", "electricity");
    input.region = "東京都";  // names only on import
    EXPECT_EQ(CreateError(input).field, "region");
    input = OrganisationOf("A", "electricity");
    input.participation_mode = "hybrid";
    EXPECT_EQ(CreateError(input).field, "participation_mode");
    input = OrganisationOf("A", "electricity", "E 01");
    EXPECT_EQ(CreateError(input).field, "external_ref");
    input = OrganisationOf("A", "electricity", std::string(65, 'a'));
    EXPECT_EQ(CreateError(input).field, "external_ref");
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM organisation"), 0);
}

TEST_F(OrganisationServiceTest, MinistryDefaultsToTheSectorsAndUniquenessConflictsNameTheField) {
    const auto id = AddOrganisation("デモ電力", "electricity", "E-1");
    auto read = Organisations().Get(organiser_, exercise_id_, id);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->ministry_code, "meti");
    EXPECT_EQ(read->external_ref, "E-1");

    auto same_name = CreateError(OrganisationOf("デモ電力", "gas"));
    EXPECT_EQ(same_name.code, ErrorCode::kConflict);
    EXPECT_EQ(same_name.field, "name");
    auto same_ref = CreateError(OrganisationOf("別の会社", "gas", "E-1"));
    EXPECT_EQ(same_ref.code, ErrorCode::kConflict);
    EXPECT_EQ(same_ref.field, "external_ref");
    EXPECT_EQ(AuditCount("organisation.create"), 1);
}

TEST_F(OrganisationServiceTest, ScopingByRole) {
    const auto power = AddOrganisation("デモ電力", "electricity");
    const auto bank = AddOrganisation("デモ銀行", "finance");
    AddOrganisation("デモ鉄道", "railway");

    EXPECT_EQ(Names(organiser_).size(), 3u);
    EXPECT_EQ(Names(WithRole(Role::kObserver)).size(), 3u);
    EXPECT_EQ(Names(WithRole(Role::kController)).size(), 3u);
    EXPECT_EQ(Names(WithRole(Role::kMinistry, {}, "meti")), std::vector<std::string>{"デモ電力"});
    EXPECT_EQ(Names(WithRole(Role::kMinistry, {}, "fsa")), std::vector<std::string>{"デモ銀行"});
    EXPECT_EQ(Names(WithRole(Role::kOrgLead, power)), std::vector<std::string>{"デモ電力"});
    EXPECT_EQ(Names(WithRole(Role::kParticipant, bank)), std::vector<std::string>{"デモ銀行"});

    // Outside the scope is not found, also for a ministry filter asking for more.
    auto other = Organisations().Get(WithRole(Role::kOrgLead, power), exercise_id_, bank);
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
    auto ministry_other = Organisations().Get(WithRole(Role::kMinistry, {}, "meti"), exercise_id_, bank);
    ASSERT_FALSE(ministry_other);
    EXPECT_EQ(ministry_other.error().code, ErrorCode::kNotFound);
    EXPECT_TRUE(Names(WithRole(Role::kMinistry, {}, "meti"), {.ministry = "fsa"}).empty());

    Principal stranger;
    auto list = Organisations().List(stranger, exercise_id_, {});
    ASSERT_FALSE(list);
    EXPECT_EQ(list.error().code, ErrorCode::kNotFound);
}

TEST_F(OrganisationServiceTest, SearchMatchesShortJapaneseWordsAndWidthVariants) {
    AddOrganisation("デモ北関東電力株式会社", "electricity", "D-001");
    AddOrganisation("デモ水道局", "water", "D-002");
    {
        auto input = OrganisationOf("ＡＢＣ銀行", "finance", "D-003");
        input.name_en = "ABC Bank";
        auto created = Organisations().Create(organiser_, actor_, exercise_id_, input);
        ASSERT_TRUE(created);
    }
    {
        auto input = OrganisationOf("ﾃﾞﾓｶﾞｽ", "gas");  // half-width katakana
        ASSERT_TRUE(Organisations().Create(organiser_, actor_, exercise_id_, input));
    }
    EXPECT_EQ(Names(organiser_, {.q = "水"}), std::vector<std::string>{"デモ水道局"});
    EXPECT_EQ(Names(organiser_, {.q = "電力"}), std::vector<std::string>{"デモ北関東電力株式会社"});
    EXPECT_EQ(Names(organiser_, {.q = "abc"}), std::vector<std::string>{"ＡＢＣ銀行"});
    EXPECT_EQ(Names(organiser_, {.q = "ａｂｃ"}), std::vector<std::string>{"ＡＢＣ銀行"});
    EXPECT_EQ(Names(organiser_, {.q = "bank"}), std::vector<std::string>{"ＡＢＣ銀行"});
    EXPECT_EQ(Names(organiser_, {.q = "ガス"}), std::vector<std::string>{"ﾃﾞﾓｶﾞｽ"});
    EXPECT_EQ(Names(organiser_, {.q = "d-002"}), std::vector<std::string>{"デモ水道局"});
    EXPECT_EQ(Names(organiser_, {.q = "%"}).size(), 0u);  // LIKE wildcards are literal
    EXPECT_EQ(Names(organiser_, {.q = "デモ"}).size(), 3u);
}

TEST_F(OrganisationServiceTest, FiltersSortingAndPaging) {
    AddOrganisation("C電力", "electricity");
    AddOrganisation("A銀行", "finance");
    AddOrganisation("B鉄道", "railway");
    {
        auto input = OrganisationOf("D航空", "aviation");
        input.participation_mode = "online";
        input.size_band = "small";
        ASSERT_TRUE(Organisations().Create(organiser_, actor_, exercise_id_, input));
    }
    EXPECT_EQ(Names(organiser_), (std::vector<std::string>{"A銀行", "B鉄道", "C電力", "D航空"}));
    EXPECT_EQ(Names(organiser_, {.order = "desc"}), (std::vector<std::string>{"D航空", "C電力", "B鉄道", "A銀行"}));
    // Sector order is the reference order: finance(2), aviation(3), railway(5), electricity(6).
    EXPECT_EQ(Names(organiser_, {.sort = "sector"}), (std::vector<std::string>{"A銀行", "D航空", "B鉄道", "C電力"}));
    EXPECT_EQ(Names(organiser_, {.sort = "size_band"}).front(), "D航空");
    EXPECT_EQ(Names(organiser_, {.mode = "online"}), std::vector<std::string>{"D航空"});
    EXPECT_EQ(Names(organiser_, {.sector = "railway"}), std::vector<std::string>{"B鉄道"});
    EXPECT_EQ(Names(organiser_, {.ministry = "mlit"}), (std::vector<std::string>{"B鉄道", "D航空"}));
    EXPECT_EQ(Names(organiser_, {.page = "2", .page_size = "3"}), std::vector<std::string>{"D航空"});

    auto query = ParseOrganisationListQuery({.page_size = "2"});
    ASSERT_TRUE(query);
    auto page = Organisations().List(organiser_, exercise_id_, *query);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->total, 4);
    EXPECT_EQ(page->items.size(), 2u);

    EXPECT_EQ(ParseOrganisationListQuery({.sort = "name; DROP TABLE x"}).error().field, "sort");
    EXPECT_EQ(ParseOrganisationListQuery({.order = "up"}).error().field, "order");
    EXPECT_EQ(ParseOrganisationListQuery({.mode = "hybrid"}).error().field, "mode");
    EXPECT_EQ(ParseOrganisationListQuery({.page = "0"}).error().field, "page");
    EXPECT_EQ(ParseOrganisationListQuery({.page_size = "201"}).error().field, "page_size");
    EXPECT_EQ(ParseOrganisationListQuery({.q = std::string(201, 'q')}).error().field, "q");
}

TEST_F(OrganisationServiceTest, OrgLeadEditsOnlyItsOwnOrganisationsEditableFields) {
    const auto power = AddOrganisation("デモ電力", "electricity", "E-1");
    const auto bank = AddOrganisation("デモ銀行", "finance");
    const Principal lead = WithRole(Role::kOrgLead, power);

    OrganisationInput allowed;
    allowed.name_en = "Demo Power";
    allowed.region = "JP-27";
    allowed.name = "デモ電力";  // unchanged restricted fields may be sent back
    auto updated = Organisations().Update(lead, actor_, exercise_id_, power, allowed);
    ASSERT_TRUE(updated) << updated.error().message;
    EXPECT_EQ(updated->region, "JP-27");

    OrganisationInput rename;
    rename.name = "別名";
    auto denied = Organisations().Update(lead, actor_, exercise_id_, power, rename);
    ASSERT_FALSE(denied);
    EXPECT_EQ(denied.error().code, ErrorCode::kForbidden);
    EXPECT_EQ(denied.error().field, "name");
    OrganisationInput sector;
    sector.sector_code = "gas";
    EXPECT_EQ(Organisations().Update(lead, actor_, exercise_id_, power, sector).error().field, "sector_code");

    auto other = Organisations().Update(lead, actor_, exercise_id_, bank, allowed);
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
    auto participant =
        Organisations().Update(WithRole(Role::kParticipant, power), actor_, exercise_id_, power, allowed);
    ASSERT_FALSE(participant);
    EXPECT_EQ(participant.error().code, ErrorCode::kForbidden);

    // The organiser changes the sector; the ministry follows it.
    auto moved = Organisations().Update(organiser_, actor_, exercise_id_, power, sector);
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved->ministry_code, "meti");
    OrganisationInput to_bank_sector;
    to_bank_sector.sector_code = "finance";
    auto moved_again = Organisations().Update(organiser_, actor_, exercise_id_, power, to_bank_sector);
    ASSERT_TRUE(moved_again);
    EXPECT_EQ(moved_again->ministry_code, "fsa");
    OrganisationInput other_ministry;  // finance belongs to the FSA only
    other_ministry.ministry_code = "meti";
    auto mismatch = Organisations().Update(organiser_, actor_, exercise_id_, power, other_ministry);
    ASSERT_FALSE(mismatch);
    EXPECT_EQ(mismatch.error().field, "ministry_code");
    EXPECT_EQ(AuditCount("organisation.update"), 3);
}

TEST_F(OrganisationServiceTest, DeleteRemovesPeopleAndIsAudited) {
    const auto power = AddOrganisation("デモ電力", "electricity");
    AddPerson(power, "山田 花子", "org_lead");
    AddPerson(power, "佐藤 健", "participant");
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM person"), 2);
    auto denied = Organisations().Delete(WithRole(Role::kOrgLead, power), actor_, exercise_id_, power);
    ASSERT_FALSE(denied);
    EXPECT_EQ(denied.error().code, ErrorCode::kForbidden);
    ASSERT_TRUE(Organisations().Delete(organiser_, actor_, exercise_id_, power));
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM person"), 0);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM join_link"), 0);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM organisation"), 0);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM app_user WHERE kind = 'person' AND disabled = 1"), 2);
    EXPECT_EQ(AuditCount("organisation.delete"), 1);
    EXPECT_EQ(Organisations().Get(organiser_, exercise_id_, power).error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace enshu::exercise
