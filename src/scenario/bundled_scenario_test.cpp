// The scenario shipped in scenarios/ reads and validates against the real reference
// data, has the size issue 3 asks for, and fits the 13:00-17:00 afternoon.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "db/migrations.hpp"
#include "db/reference.hpp"
#include "scenario/scenario_msel.hpp"
#include "scenario/scenario_yaml.hpp"

namespace enshu::scenario {
namespace {

std::string ReadSource(const std::string& relative) {
    const char* source_dir = std::getenv("ENSHU_SOURCE_DIR");
    EXPECT_NE(source_dir, nullptr) << "ENSHU_SOURCE_DIR must name the source tree (ctest sets it)";
    std::ifstream file(std::filesystem::path(source_dir ? source_dir : ".") / relative, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

ValidationContext RealContext() {
    auto database = db::OpenDatabase(":memory:");
    EXPECT_TRUE(database);
    EXPECT_TRUE(db::Migrate(**database));
    auto reference = db::LoadReferenceData(**database);
    EXPECT_TRUE(reference);
    return ValidationContextFrom(*reference);
}

TEST(BundledScenarioTest, Ransomware2023ReadsAndFitsTheAfternoon) {
    const std::string text = ReadSource("scenarios/ransomware-2023.yaml");
    ASSERT_FALSE(text.empty());
    const ValidationContext context = RealContext();
    ASSERT_EQ(context.sector_codes.size(), 14u);
    auto scenario = ReadScenarioYaml(text, context);
    ASSERT_TRUE(scenario) << scenario.error().front().message;
    EXPECT_GE(scenario->scenes.size(), 5u);
    EXPECT_GE(scenario->injects.size(), 30u);

    // Play time (scenario minutes / speed) leaves room for breaks within 240 minutes.
    double wall_minutes = 0;
    for (const Scene& scene : scenario->scenes) {
        wall_minutes += static_cast<double>(scene.ends_at - scene.starts_at) / scene.speed;
    }
    EXPECT_LE(wall_minutes, 210.0);
    EXPECT_GE(wall_minutes, 150.0);

    // Every kind of audience, every sector reached, objectives and notes present.
    bool everyone = false, by_sector = false, by_mode = false, by_role = false;
    std::set<std::string> sectors, roles;
    std::set<int> objectives;
    int with_notes = 0;
    for (const Inject& inject : scenario->injects) {
        everyone |= inject.audience.everyone;
        by_sector |= !inject.audience.sectors.empty();
        by_mode |= !inject.audience.modes.empty();
        by_role |= !inject.audience.team_roles.empty();
        sectors.insert(inject.audience.sectors.begin(), inject.audience.sectors.end());
        roles.insert(inject.audience.team_roles.begin(), inject.audience.team_roles.end());
        objectives.insert(inject.objectives.begin(), inject.objectives.end());
        with_notes += inject.controller_notes.empty() ? 0 : 1;
        EXPECT_FALSE(inject.title.en.empty()) << inject.id;
        EXPECT_FALSE(inject.body.en.empty()) << inject.id;
    }
    EXPECT_TRUE(everyone && by_sector && by_mode && by_role);
    EXPECT_EQ(sectors, context.sector_codes);
    for (const char* role : {"management", "csirt", "pr", "systems"}) EXPECT_TRUE(roles.contains(role)) << role;
    for (int objective = 1; objective <= 9; ++objective) EXPECT_TRUE(objectives.contains(objective)) << objective;
    EXPECT_GE(with_notes, 5);
    for (const char* name : {"service", "supplier"}) EXPECT_TRUE(scenario->variables.contains(name)) << name;

    // The canonical forms keep it whole.
    auto again = ReadScenarioYaml(WriteScenarioYaml(*scenario), context);
    ASSERT_TRUE(again) << again.error().front().message;
    EXPECT_EQ(WriteScenarioYaml(*again), WriteScenarioYaml(*scenario));
    auto workbook = WriteScenarioXlsx(*scenario);
    ASSERT_TRUE(workbook) << workbook.error().message;
    auto from_workbook = ReadScenarioXlsx(*workbook, context);
    ASSERT_TRUE(from_workbook) << from_workbook.error().front().message;
    EXPECT_EQ(WriteScenarioYaml(*from_workbook), WriteScenarioYaml(*scenario));
}

}  // namespace
}  // namespace enshu::scenario
