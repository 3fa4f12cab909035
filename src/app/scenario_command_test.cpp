#include "app/scenario_command.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "exercise/exercise_test_support.hpp"
#include "scenario/scenario_store.hpp"
#include "scenario/scenario_yaml.hpp"

namespace enshu::app {
namespace {

std::string ReadText(const std::filesystem::path& path) {
    std::ifstream stream(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
}

void WriteText(const std::filesystem::path& path, const std::string& text) {
    std::ofstream stream(path, std::ios::binary | std::ios::trunc);
    stream << text;
}

class ScenarioCommandTest : public exercise::testing::ExerciseTest {
  protected:
    void SetUp() override {
        ExerciseTest::SetUp();
        const char* source = std::getenv("ENSHU_SOURCE_DIR");
        ASSERT_NE(source, nullptr) << "ENSHU_SOURCE_DIR must name the source tree (ctest sets it)";
        bundled_ = std::filesystem::path(source) / "scenarios" / "ransomware-2023.yaml";
        directory_ =
            std::filesystem::temp_directory_path() / ("enshu-scenario-cli-" + std::to_string(::getpid()) + "-" +
                                                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(directory_);
    }
    void TearDown() override { std::filesystem::remove_all(directory_); }

    int Import(const std::filesystem::path& file, bool dry_run = false, std::int64_t exercise = 0) {
        out_.str("");
        err_.str("");
        return ImportScenario(*database_, clock_, {exercise != 0 ? exercise : exercise_id_, file.string(), dry_run},
                              out_, err_);
    }
    int Export(const std::string& format, const std::filesystem::path& out) {
        out_.str("");
        err_.str("");
        return ExportScenario(*database_, clock_, {exercise_id_, format, out.string()}, out_, err_);
    }
    // The stored master (canonical YAML) and its version, read by a fresh store.
    std::pair<std::string, std::int64_t> Stored() {
        scenario::ScenarioStore store(*database_, audit_, clock_);
        auto snapshot = store.Load(exercise_id_);
        EXPECT_TRUE(snapshot);
        if (!snapshot || (*snapshot)->master.scenes.empty()) return {"", snapshot ? (*snapshot)->master_version : -1};
        return {scenario::WriteScenarioYaml((*snapshot)->master), (*snapshot)->master_version};
    }

    std::filesystem::path bundled_;
    std::filesystem::path directory_;
    std::ostringstream out_;
    std::ostringstream err_;
};

TEST_F(ScenarioCommandTest, ImportExportAndReimportKeepTheContent) {
    ASSERT_EQ(Import(bundled_, /*dry_run=*/true), 0) << err_.str();
    EXPECT_NE(out_.str().find("dry run"), std::string::npos) << out_.str();
    EXPECT_EQ(Stored().second, 0);  // a dry run stores nothing

    ASSERT_EQ(Import(bundled_), 0) << err_.str();
    EXPECT_NE(out_.str().find("34 injects in 5 scenes"), std::string::npos) << out_.str();
    EXPECT_NE(out_.str().find("version 1"), std::string::npos) << out_.str();
    const auto [first, first_version] = Stored();
    EXPECT_EQ(first_version, 1);
    EXPECT_EQ(
        CountRows("SELECT COUNT(*) FROM audit_log WHERE actor_label = 'cli' AND exercise_id = $1", {exercise_id_}), 1);

    const auto yaml = directory_ / "exported.yaml";
    ASSERT_EQ(Export("yaml", yaml), 0) << err_.str();
    EXPECT_EQ(ReadText(yaml), first);
    ASSERT_EQ(Import(yaml), 0) << err_.str();
    EXPECT_NE(out_.str().find("version 2"), std::string::npos) << out_.str();
    EXPECT_EQ(Stored(), std::make_pair(first, std::int64_t{2}));

    const auto workbook = directory_ / "exported.xlsx";
    ASSERT_EQ(Export("xlsx", workbook), 0) << err_.str();
    EXPECT_EQ(ReadText(workbook).rfind("PK", 0), 0u);
    ASSERT_EQ(Import(workbook), 0) << err_.str();
    EXPECT_EQ(Stored(), std::make_pair(first, std::int64_t{3}));
}

TEST_F(ScenarioCommandTest, BrokenFilePrintsLineNumberedProblemsAndStoresNothing) {
    ASSERT_EQ(Import(bundled_), 0) << err_.str();
    const auto before = Stored();

    std::string text = ReadText(bundled_);
    const auto at = text.find("starts_at: D1 09:00");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, std::string("starts_at: D1 09:00").size(), "starts_at: D1 25:00");
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    const auto broken = directory_ / "broken.yml";
    WriteText(broken, text);

    EXPECT_EQ(Import(broken), 1);
    const std::string problems = err_.str();
    EXPECT_NE(problems.find(broken.string() + ": line " + std::to_string(line) + ": scenes[0].starts_at"),
              std::string::npos)
        << problems;
    EXPECT_NE(problems.find("nothing was imported"), std::string::npos) << problems;
    EXPECT_EQ(Stored(), before);
    EXPECT_EQ(Import(broken, /*dry_run=*/true), 1);

    // A workbook that is not one: the problem names the file, nothing changes.
    const auto not_a_workbook = directory_ / "plan.xlsx";
    WriteText(not_a_workbook, "id,title\n");
    EXPECT_EQ(Import(not_a_workbook), 1);
    EXPECT_FALSE(err_.str().empty());
    EXPECT_EQ(Stored(), before);
}

TEST_F(ScenarioCommandTest, RefusesUnknownExercisesExtensionsAndEmptyExports) {
    const auto out = directory_ / "none.yaml";
    EXPECT_EQ(Export("yaml", out), 1);  // no scenario yet
    EXPECT_NE(err_.str().find("has no scenario"), std::string::npos) << err_.str();
    EXPECT_FALSE(std::filesystem::exists(out));
    EXPECT_EQ(Import(bundled_, false, exercise_id_ + 100), 1);
    EXPECT_NE(err_.str().find("--exercise"), std::string::npos) << err_.str();
    const auto text = directory_ / "scenario.txt";
    WriteText(text, ReadText(bundled_));
    EXPECT_EQ(Import(text), 2);
    EXPECT_EQ(Stored().second, 0);
}

}  // namespace
}  // namespace enshu::app
