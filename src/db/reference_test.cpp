#include "db/reference.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "db/migrations.hpp"

namespace enshu::db {
namespace {

class ReferenceDataTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        auto database = OpenDatabase(":memory:");
        ASSERT_TRUE(database.has_value());
        ASSERT_TRUE(Migrate(**database).has_value());
        auto loaded = LoadReferenceData(**database);
        ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
        reference_ = new ReferenceData(std::move(*loaded));
    }
    static void TearDownTestSuite() {
        delete reference_;
        reference_ = nullptr;
    }
    const ReferenceData& reference() const { return *reference_; }

  private:
    static inline ReferenceData* reference_ = nullptr;
};

TEST_F(ReferenceDataTest, MinistriesInSeedOrder) {
    ASSERT_EQ(reference().ministries.size(), 5u);
    const std::vector<std::pair<std::string, std::string>> expected{
        {"fsa", "金融庁"}, {"mic", "総務省"}, {"mhlw", "厚生労働省"}, {"meti", "経済産業省"}, {"mlit", "国土交通省"}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(reference().ministries[i].code, expected[i].first);
        EXPECT_EQ(reference().ministries[i].name_ja, expected[i].second);
        EXPECT_FALSE(reference().ministries[i].name_en.empty());
        EXPECT_FALSE(reference().ministries[i].short_en.empty());
    }
    EXPECT_EQ(reference().FindMinistry("meti")->short_en, "METI");
}

TEST_F(ReferenceDataTest, FourteenSectorsInSeedOrderWithTheirMinistries) {
    const std::vector<std::tuple<std::string, std::string, std::string>> expected{
        {"ict", "情報通信", "mic"},       {"finance", "金融", "fsa"},
        {"aviation", "航空", "mlit"},     {"airports", "空港", "mlit"},
        {"railway", "鉄道", "mlit"},      {"electricity", "電力", "meti"},
        {"gas", "ガス", "meti"},          {"government", "政府・行政サービス", "mic"},
        {"medical", "医療", "mhlw"},      {"water", "水道", "mhlw"},
        {"logistics", "物流", "mlit"},    {"chemical", "化学", "meti"},
        {"credit", "クレジット", "meti"}, {"petroleum", "石油", "meti"}};
    ASSERT_EQ(reference().sectors.size(), 14u);
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Sector& sector = reference().sectors[i];
        EXPECT_EQ(sector.code, std::get<0>(expected[i]));
        EXPECT_EQ(sector.name_ja, std::get<1>(expected[i]));
        EXPECT_EQ(sector.ministry_code, std::get<2>(expected[i]));
        EXPECT_EQ(reference().MinistryOfSector(sector.code)->code, std::get<2>(expected[i]));
        EXPECT_FALSE(sector.name_en.empty());
        EXPECT_EQ(sector.ceptoar_name_ja, sector.name_ja + "セプター");
        EXPECT_EQ(sector.ceptoar_name_en, sector.name_en + " CEPTOAR");
    }
    EXPECT_EQ(reference().MinistryOfSector("unknown"), nullptr);
    EXPECT_EQ(reference().FindSector("電力"), nullptr);  // codes only
    EXPECT_EQ(reference().FindSectorByName("電力")->code, "electricity");
    EXPECT_EQ(reference().FindSectorByName("electricity")->code, "electricity");
    EXPECT_EQ(reference().FindSectorByName("FINANCE")->code, "finance");
    EXPECT_EQ(reference().FindSectorByName("電気"), nullptr);
}

TEST_F(ReferenceDataTest, Agencies) {
    std::map<std::string, std::string> kinds;
    for (const Agency& agency : reference().agencies) kinds[agency.code] = agency.kind;
    EXPECT_EQ(kinds, (std::map<std::string, std::string>{{"npa", "incident_response"},
                                                         {"mod", "incident_response"},
                                                         {"ipa", "cybersecurity_body"},
                                                         {"jpcert", "cybersecurity_body"},
                                                         {"nict", "cybersecurity_body"}}));
    EXPECT_EQ(reference().FindAgency("npa")->name_ja, "警察庁");
    EXPECT_EQ(reference().FindAgency("jpcert")->short_en, "JPCERT/CC");
}

TEST_F(ReferenceDataTest, TenObjectivesTiedToTheActionPlan) {
    ASSERT_EQ(reference().objectives.size(), 10u);
    const std::vector<std::string> items{"1.2(2)", "1.2(2)", "1.1",    "1.2(4)", "1.2(4)",
                                         "1.2(4)", "1.2(6)", "1.2(1)", "1.1",    ""};
    for (std::size_t i = 0; i < 10; ++i) {
        const Objective& objective = reference().objectives[i];
        EXPECT_EQ(objective.id, static_cast<int>(i) + 1);
        EXPECT_EQ(objective.action_plan_item, items[i]);
        EXPECT_EQ(objective.is_custom, i == 9);
        EXPECT_FALSE(objective.title_ja.empty());
        EXPECT_FALSE(objective.title_en.empty());
        EXPECT_FALSE(objective.description_ja.empty());
        EXPECT_FALSE(objective.description_en.empty());
    }
    EXPECT_EQ(reference().FindObjective(6)->title_ja, "サプライチェーン全体への情報共有");
    EXPECT_EQ(reference().FindObjective(10)->title_ja, "独自の課題設定");
    EXPECT_EQ(reference().FindObjective(11), nullptr);
}

TEST_F(ReferenceDataTest, FourLevelScaleCountsTheFirstTwoAsYes) {
    const AnswerScale* scale = reference().FindAnswerScale("four_level");
    ASSERT_NE(scale, nullptr);
    ASSERT_EQ(scale->options.size(), 5u);
    const std::vector<std::tuple<std::string, std::string, bool, bool>> expected{
        {"very_well", "よく対応できた", true, false},
        {"well", "対応できた", true, false},
        {"not_well", "あまり対応できなかった", false, false},
        {"hardly", "ほとんど対応できなかった", false, false},
        {"no_answer", "無回答", false, true}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(scale->options[i].code, std::get<0>(expected[i]));
        EXPECT_EQ(scale->options[i].label_ja, std::get<1>(expected[i]));
        EXPECT_EQ(scale->options[i].counts_as_yes, std::get<2>(expected[i]));
        EXPECT_EQ(scale->options[i].is_no_answer, std::get<3>(expected[i]));
        EXPECT_EQ(scale->options[i].position, static_cast<int>(i) + 1);
    }
}

TEST_F(ReferenceDataTest, EveryScaleHasOneNoAnswerAndDegreeScaleHasLevels) {
    for (const AnswerScale& scale : reference().answer_scales) {
        int no_answers = 0, yes = 0;
        for (const AnswerOption& option : scale.options) {
            no_answers += option.is_no_answer ? 1 : 0;
            yes += option.counts_as_yes ? 1 : 0;
            EXPECT_FALSE(option.is_no_answer && option.counts_as_yes) << scale.code << "." << option.code;
            EXPECT_FALSE(option.label_en.empty());
        }
        EXPECT_EQ(no_answers, 1) << scale.code;
        EXPECT_GE(yes, 1) << scale.code;
    }
    const AnswerScale* degree = reference().FindAnswerScale("degree");
    ASSERT_NE(degree, nullptr);
    std::vector<double> levels;
    for (const AnswerOption& option : degree->options) {
        if (option.is_no_answer) {
            EXPECT_FALSE(option.degree.has_value());
        } else {
            ASSERT_TRUE(option.degree.has_value());
            levels.push_back(*option.degree);
        }
    }
    EXPECT_EQ(levels, (std::vector<double>{100, 75, 50, 25, 0}));
    EXPECT_FALSE(reference().FindAnswerScale("prepared")->options.front().degree.has_value());
}

// Every row of DOMAIN.md §3.1: area, timing, yes label and measure.
TEST_F(ReferenceDataTest, ReadinessItemsMatchTheSurvey) {
    struct Expected {
        std::string id, area, timing, yes_label, measure;
    };
    const std::vector<Expected> expected{
        {"governance.roles_defined", "governance", "before", "整理済み", "share"},
        {"governance.day_of_authority", "governance", "day_of", "対応できた", "share"},
        {"governance.decision_criteria", "governance", "before", "整理済み", "share"},
        {"governance.day_of_criteria", "governance", "day_of", "対応できた", "share"},
        {"bcp.it_bcp_prepared", "bcp", "before", "整備済み", "share"},
        {"bcp.day_of_degree", "bcp", "day_of", "できた程度 (平均値)", "average_degree"},
        {"csirt.prepared", "csirt", "before", "整備済み", "share"},
        {"csirt.day_of_degree", "csirt", "day_of", "できた程度 (平均値)", "average_degree"},
        {"safety_standards.manuals_prepared", "safety_standards", "before", "整備済み", "share"},
        {"safety_standards.day_of_degree", "safety_standards", "day_of", "できた程度 (平均値)", "average_degree"},
        {"information_sharing.internal_arrangements", "information_sharing", "before", "整理済み", "share"},
        {"information_sharing.day_of_degree", "information_sharing", "day_of", "できた程度 (平均値)", "average_degree"},
        {"incident_response.contingency_plan_prepared", "incident_response", "before", "整備済み", "share"},
        {"incident_response.day_of_degree", "incident_response", "day_of", "できた程度 (平均値)", "average_degree"},
        {"risk_management.improvement_mechanism", "risk_management", "before", "仕組みあり", "share"},
        {"risk_management.supply_chain", "risk_management", "before", "整理済み", "share"},
        {"audit.frequency", "audit", "before", "年1回以上", "share"},
    };
    ASSERT_EQ(reference().readiness_items.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const ReadinessItem& item = reference().readiness_items[i];
        EXPECT_EQ(item.id, expected[i].id);
        EXPECT_EQ(item.area_code, expected[i].area);
        EXPECT_EQ(item.timing, expected[i].timing);
        EXPECT_EQ(item.yes_label_ja, expected[i].yes_label);
        EXPECT_EQ(item.measure, expected[i].measure);
        EXPECT_EQ(item.sort_order, static_cast<int>(i) + 1);
        EXPECT_EQ(item.introduced_fiscal_year, 2023);
        EXPECT_FALSE(item.text_en.empty());
        // The item's yes label is the label of a counts-as-yes option of its scale.
        const AnswerScale* scale = reference().FindAnswerScale(item.scale_code);
        ASSERT_NE(scale, nullptr) << item.id;
        if (item.measure == "share") {
            bool found = false;
            for (const auto& option : scale->options)
                found |= option.counts_as_yes && option.label_ja == item.yes_label_ja;
            EXPECT_TRUE(found) << item.id;
        } else {
            EXPECT_EQ(item.scale_code, "degree");
        }
    }
    EXPECT_EQ(reference().FindReadinessItem("governance.roles_defined")->text_ja, "経営層・CISOの役割と責任の整理状況");
}

TEST_F(ReferenceDataTest, FortySevenPrefectures) {
    ASSERT_EQ(reference().regions.size(), 47u);
    std::set<std::string> codes;
    for (std::size_t i = 0; i < 47; ++i) {
        const Region& region = reference().regions[i];
        char code[8];
        std::snprintf(code, sizeof code, "JP-%02zu", i + 1);
        EXPECT_EQ(region.code, code);
        codes.insert(region.name_ja);
    }
    EXPECT_EQ(codes.size(), 47u);
    EXPECT_EQ(reference().FindRegion("JP-13")->name_ja, "東京都");
    EXPECT_EQ(reference().FindRegion("JP-01")->name_en, "Hokkaido");
    EXPECT_EQ(reference().FindRegion("JP-47")->name_ja, "沖縄県");
    EXPECT_EQ(reference().FindRegion("JP-48"), nullptr);
    EXPECT_EQ(reference().FindRegionByName("東京都")->code, "JP-13");
    EXPECT_EQ(reference().FindRegionByName("東京")->code, "JP-13");
    EXPECT_EQ(reference().FindRegionByName("京都")->code, "JP-26");
    EXPECT_EQ(reference().FindRegionByName("osaka")->code, "JP-27");
    EXPECT_EQ(reference().FindRegionByName("北海道")->code, "JP-01");
    EXPECT_EQ(reference().FindRegionByName("JP-40")->name_ja, "福岡県");
    EXPECT_EQ(reference().FindRegionByName("北海"), nullptr);
    EXPECT_EQ(reference().FindRegionByName(""), nullptr);
}

TEST_F(ReferenceDataTest, JsonHasTheDocumentedShape) {
    const nlohmann::json json = ToJson(reference());
    std::vector<std::string> keys;
    for (const auto& [key, value] : json.items()) keys.push_back(key);
    std::sort(keys.begin(), keys.end());
    EXPECT_EQ(keys,
              (std::vector<std::string>{"agencies", "answer_scales", "ministries", "objectives", "participation_modes",
                                        "phase_kinds", "readiness_items", "regions", "sectors", "size_bands"}));
    const auto member_names = [](const nlohmann::json& object) {
        std::set<std::string> names;
        for (const auto& [key, value] : object.items()) names.insert(key);
        return names;
    };
    EXPECT_EQ(member_names(json["ministries"][0]),
              (std::set<std::string>{"code", "name_ja", "name_en", "short_ja", "short_en"}));
    EXPECT_EQ(member_names(json["sectors"][0]), (std::set<std::string>{"code", "ministry_code", "name_ja", "name_en",
                                                                       "ceptoar_name_ja", "ceptoar_name_en"}));
    EXPECT_EQ(member_names(json["agencies"][0]),
              (std::set<std::string>{"code", "kind", "name_ja", "name_en", "short_ja", "short_en"}));
    EXPECT_EQ(member_names(json["objectives"][0]),
              (std::set<std::string>{"id", "title_ja", "title_en", "description_ja", "description_en",
                                     "action_plan_item", "action_plan_title_ja", "action_plan_title_en", "is_custom"}));
    EXPECT_EQ(member_names(json["answer_scales"][0]), (std::set<std::string>{"code", "name_ja", "name_en", "options"}));
    EXPECT_EQ(
        member_names(json["answer_scales"][0]["options"][0]),
        (std::set<std::string>{"code", "position", "label_ja", "label_en", "counts_as_yes", "degree", "is_no_answer"}));
    EXPECT_EQ(
        member_names(json["readiness_items"][0]),
        (std::set<std::string>{"id", "area_code", "area_ja", "area_en", "text_ja", "text_en", "timing", "scale_code",
                               "measure", "yes_label_ja", "yes_label_en", "sort_order", "introduced_fiscal_year"}));
    EXPECT_EQ(member_names(json["regions"][0]), (std::set<std::string>{"code", "name_ja", "name_en"}));
    EXPECT_EQ(json["sectors"][5]["code"], "electricity");
    EXPECT_EQ(json["objectives"][9]["is_custom"], true);
    EXPECT_EQ(json["size_bands"], nlohmann::json({"small", "medium", "large"}));
    EXPECT_EQ(json["participation_modes"], nlohmann::json({"venue", "online", "simulated"}));
    EXPECT_EQ(json["phase_kinds"].size(), 6u);
    EXPECT_EQ(json["phase_kinds"][3], "exercise_day");
    for (const auto& scale : json["answer_scales"]) {
        for (const auto& option : scale["options"]) {
            EXPECT_TRUE(scale["code"] == "degree" ? (option["degree"].is_number() || option["is_no_answer"] == true)
                                                  : option["degree"].is_null());
        }
    }
    // Japanese text survives serialisation as UTF-8.
    EXPECT_NE(json.dump().find("政府・行政サービス"), std::string::npos);
}

TEST(LoadReferenceDataTest, UnmigratedDatabaseFails) {
    auto database = OpenDatabase(":memory:");
    ASSERT_TRUE(database.has_value());
    auto loaded = LoadReferenceData(**database);
    ASSERT_FALSE(loaded.has_value());
    EXPECT_EQ(loaded.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace enshu::db
