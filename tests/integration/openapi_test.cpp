// docs/openapi.yaml must describe exactly the routes of api::Routes(), with the same
// roles (x-roles). Every difference is listed, not only the first.

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "api/route.hpp"

namespace enshu::testing {
namespace {

// "organiser, ministry" and [ministry, organiser] both become "ministry,organiser".
std::string NormaliseRoles(const std::vector<std::string>& roles) {
    std::set<std::string> sorted;
    for (const std::string& role : roles) {
        std::string trimmed = role;
        trimmed.erase(0, trimmed.find_first_not_of(' '));
        trimmed.erase(trimmed.find_last_not_of(' ') + 1);
        if (!trimmed.empty()) sorted.insert(trimmed);
    }
    std::string joined;
    for (const std::string& role : sorted) joined += (joined.empty() ? "" : ",") + role;
    return joined;
}

std::vector<std::string> SplitRoles(std::string_view roles) {
    std::vector<std::string> parts;
    std::string current;
    for (char c : roles) {
        if (c == ',') {
            parts.push_back(current);
            current.clear();
        } else {
            current.push_back(c);
        }
    }
    parts.push_back(current);
    return parts;
}

std::string RolesOf(const YAML::Node& operation) {
    const YAML::Node roles = operation["x-roles"];
    if (!roles) return "<missing x-roles>";
    if (roles.IsSequence()) {
        std::vector<std::string> list;
        for (const auto& role : roles) list.push_back(role.as<std::string>());
        return NormaliseRoles(list);
    }
    return NormaliseRoles(SplitRoles(roles.as<std::string>()));
}

std::string Upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
    return text;
}

TEST(OpenApiTest, DescribesExactlyTheRouteTable) {
    const char* source_dir = std::getenv("ENSHU_SOURCE_DIR");
    ASSERT_NE(source_dir, nullptr) << "ENSHU_SOURCE_DIR must name the source tree (ctest sets it)";
    const std::filesystem::path file = std::filesystem::path(source_dir) / "docs" / "openapi.yaml";
    ASSERT_TRUE(std::filesystem::exists(file)) << file << " does not exist";

    YAML::Node document;
    try {
        document = YAML::LoadFile(file.string());
    } catch (const YAML::Exception& error) {
        FAIL() << file << ": " << error.what();
    }
    ASSERT_TRUE(document["paths"] && document["paths"].IsMap()) << file << ": no paths map";

    // (METHOD path) -> roles
    std::map<std::string, std::string> documented;
    static const std::set<std::string> kMethods = {"get", "post", "patch", "put", "delete", "head", "options"};
    for (const auto& path_entry : document["paths"]) {
        const std::string path = path_entry.first.as<std::string>();
        for (const auto& operation_entry : path_entry.second) {
            const std::string method = operation_entry.first.as<std::string>();
            if (!kMethods.count(method)) continue;  // "parameters", "summary", ...
            documented[Upper(method) + " " + path] = RolesOf(operation_entry.second);
        }
    }
    std::map<std::string, std::string> implemented;
    for (const api::Route& route : api::Routes()) {
        implemented[std::string(route.method) + " " + std::string(route.pattern)] =
            NormaliseRoles(SplitRoles(route.roles));
    }

    std::ostringstream differences;
    for (const auto& [key, roles] : implemented) {
        auto found = documented.find(key);
        if (found == documented.end()) {
            differences << "  in routes.cpp, missing from openapi.yaml: " << key << "\n";
        } else if (found->second != roles) {
            differences << "  roles differ for " << key << ": routes.cpp '" << roles << "', openapi.yaml '"
                        << found->second << "'\n";
        }
    }
    for (const auto& [key, roles] : documented) {
        if (!implemented.count(key)) differences << "  in openapi.yaml, missing from routes.cpp: " << key << "\n";
    }
    EXPECT_TRUE(differences.str().empty()) << "docs/openapi.yaml and api::Routes() disagree:\n" << differences.str();
}

}  // namespace
}  // namespace enshu::testing
