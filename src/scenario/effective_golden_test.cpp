// Golden tests of ResolveEffectiveTimeline through the file readers: each directory of
// tests/fixtures/golden/effective holds scenario.yaml, optional sector_overlay.yaml and
// organisation_overlay.yaml, organisation.json (the OrganisationProfile) and
// expected.json (the timeline as EffectiveTimelineJson, or {"errors":[...]} when a file
// is refused). ENSHU_UPDATE_GOLDEN=1 rewrites expected.json; review the diff before
// committing it.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "scenario/scenario_yaml.hpp"

namespace enshu::scenario {
namespace {

namespace fs = std::filesystem;

fs::path GoldenRoot() {
    const char* source_dir = std::getenv("ENSHU_SOURCE_DIR");
    return fs::path(source_dir ? source_dir : ".") / "tests" / "fixtures" / "golden" / "effective";
}

std::optional<std::string> ReadFile(const fs::path& path) {
    if (!fs::exists(path)) return std::nullopt;
    std::ifstream file(path, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

nlohmann::json ErrorsJson(const std::string& file, const Problems& problems) {
    nlohmann::json errors = nlohmann::json::array();
    for (const Problem& problem : problems) errors.push_back(file + ": " + problem.message);
    return {{"errors", errors}};
}

// The answer for one case directory.
nlohmann::json Resolve(const fs::path& directory) {
    ValidationContext context;
    context.sector_codes = {"electricity", "finance", "water"};
    auto scenario = ReadScenarioYaml(ReadFile(directory / "scenario.yaml").value_or(""), context);
    if (!scenario) return ErrorsJson("scenario.yaml", scenario.error());
    std::optional<Overlay> sector;
    if (auto text = ReadFile(directory / "sector_overlay.yaml")) {
        auto read = ReadOverlayYaml(*text, {OverlayScope::kSector, &*scenario, nullptr}, context);
        if (!read) return ErrorsJson("sector_overlay.yaml", read.error());
        sector = *read;
    }
    std::optional<Overlay> own;
    if (auto text = ReadFile(directory / "organisation_overlay.yaml")) {
        auto read =
            ReadOverlayYaml(*text, {OverlayScope::kOrganisation, &*scenario, sector ? &*sector : nullptr}, context);
        if (!read) return ErrorsJson("organisation_overlay.yaml", read.error());
        own = *read;
    }
    const nlohmann::json profile = nlohmann::json::parse(ReadFile(directory / "organisation.json").value_or("{}"));
    const OrganisationProfile organisation{profile.value("id", std::int64_t{0}), profile.value("external_ref", ""),
                                           profile.value("name", ""), profile.value("sector_code", ""),
                                           profile.value("mode", "")};
    auto items = ResolveEffectiveTimeline(*scenario, sector ? &*sector : nullptr, own ? &*own : nullptr, organisation);
    return EffectiveTimelineJson(items, ControllerNotes::kInclude);
}

TEST(EffectiveGoldenTest, EveryCaseMatchesItsExpectedFile) {
    const fs::path root = GoldenRoot();
    ASSERT_TRUE(fs::is_directory(root)) << root << " (set ENSHU_SOURCE_DIR)";
    const bool update =
        std::getenv("ENSHU_UPDATE_GOLDEN") != nullptr && std::string(std::getenv("ENSHU_UPDATE_GOLDEN")) == "1";
    int cases = 0;
    for (const auto& entry : fs::directory_iterator(root)) {
        if (!entry.is_directory()) continue;
        ++cases;
        const nlohmann::json actual = Resolve(entry.path());
        const fs::path expected_file = entry.path() / "expected.json";
        if (update) {
            std::ofstream(expected_file, std::ios::binary) << actual.dump(2) << "\n";
            continue;
        }
        auto expected_text = ReadFile(expected_file);
        ASSERT_TRUE(expected_text) << expected_file << " is missing (run with ENSHU_UPDATE_GOLDEN=1 and review)";
        EXPECT_EQ(actual, nlohmann::json::parse(*expected_text)) << entry.path().filename() << ": actual\n"
                                                                 << actual.dump(2);
    }
    EXPECT_GE(cases, 7);
}

}  // namespace
}  // namespace enshu::scenario
