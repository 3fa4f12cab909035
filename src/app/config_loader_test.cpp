#include "app/config_loader.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace enshu::app {
namespace {

std::function<const char*(const char*)> FakeEnvironment(std::map<std::string, std::string> variables) {
    return [variables = std::move(variables)](const char* name) -> const char* {
        auto found = variables.find(name);
        return found == variables.end() ? nullptr : found->second.c_str();
    };
}

std::string WriteTempFile(const std::string& name, const std::string& content) {
    const auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path) << content;
    return path.string();
}

TEST(ConfigLoader, DefaultsWhenNothingIsGiven) {
    auto config = LoadConfig(std::nullopt, {}, FakeEnvironment({}));
    ASSERT_TRUE(config.has_value());
    EXPECT_EQ(config->database_url, "var/enshu.db");
    EXPECT_EQ(config->server.port, 8080);
    EXPECT_EQ(config->server.public_url, "");
}

TEST(ConfigLoader, FlagsBeatEnvironmentWhichBeatsTheFile) {
    const auto file = WriteTempFile("enshu-config-test.yaml", "port: 7000\ndatabase: /tmp/from-file.db\nlog_level: debug\n");
    auto config = LoadConfig(file, {{"port", "9000"}},
                             FakeEnvironment({{"ENSHU_PORT", "8000"}, {"ENSHU_DB", "sqlite:///tmp/from-env.db"}}));
    ASSERT_TRUE(config.has_value()) << config.error().message;
    EXPECT_EQ(config->server.port, 9000);
    EXPECT_EQ(config->database_url, "sqlite:///tmp/from-env.db");
    EXPECT_EQ(config->log_level, "debug");
    std::remove(file.c_str());
}

TEST(ConfigLoader, ConfigFileFromEnvironment) {
    const auto file = WriteTempFile("enshu-config-env.yaml", "web_root: /srv/enshu/web\n");
    auto config = LoadConfig(std::nullopt, {}, FakeEnvironment({{"ENSHU_CONFIG", file}}));
    ASSERT_TRUE(config.has_value());
    EXPECT_EQ(config->server.web_root, "/srv/enshu/web");
    std::remove(file.c_str());
}

TEST(ConfigLoader, BadValuesNameTheSourceAndKey) {
    auto config = LoadConfig(std::nullopt, {}, FakeEnvironment({{"ENSHU_PORT", "eighty"}}));
    ASSERT_FALSE(config.has_value());
    EXPECT_EQ(config.error().field, "port");
    EXPECT_NE(config.error().message.find("environment"), std::string::npos);

    auto out_of_range = LoadConfig(std::nullopt, {{"port", "70000"}}, FakeEnvironment({}));
    ASSERT_FALSE(out_of_range.has_value());
    EXPECT_NE(out_of_range.error().message.find("between 0 and 65535"), std::string::npos);
}

TEST(ConfigLoader, UnknownKeyInFileIsRefused) {
    const auto file = WriteTempFile("enshu-config-unknown.yaml", "prot: 80\n");
    auto config = LoadConfig(file, {}, FakeEnvironment({}));
    ASSERT_FALSE(config.has_value());
    EXPECT_EQ(config.error().field, "prot");
    EXPECT_NE(config.error().message.find(file), std::string::npos);
    std::remove(file.c_str());
}

TEST(ConfigLoader, MissingFileIsAnError) {
    auto config = LoadConfig(std::string("/nonexistent/enshu.yaml"), {}, FakeEnvironment({}));
    ASSERT_FALSE(config.has_value());
    EXPECT_NE(config.error().message.find("cannot be read"), std::string::npos);
}

TEST(ConfigLoader, BooleansChoicesAndDurations) {
    auto config = LoadConfig(std::nullopt,
                             {{"secure_cookies", "true"}, {"log_format", "json"}, {"session_ttl_hours", "4"},
                              {"join_link_ttl_days", "30"}, {"public_url", "https://enshu.example.jp/"}},
                             FakeEnvironment({}));
    ASSERT_TRUE(config.has_value()) << config.error().message;
    EXPECT_TRUE(config->server.secure_cookies);
    EXPECT_EQ(config->log_format, "json");
    EXPECT_EQ(config->accounts.session_ttl, std::chrono::hours(4));
    EXPECT_EQ(config->accounts.join_link_ttl, std::chrono::hours(24 * 30));
    EXPECT_EQ(config->server.public_url, "https://enshu.example.jp");

    auto bad_choice = LoadConfig(std::nullopt, {{"log_format", "xml"}}, FakeEnvironment({}));
    ASSERT_FALSE(bad_choice.has_value());
    EXPECT_EQ(bad_choice.error().field, "log_format");
}

TEST(ConfigLoader, EveryKeyHasAnEnvironmentVariable) {
    for (const auto& key : ConfigKeys()) {
        EXPECT_EQ(key.environment.rfind("ENSHU_", 0), 0u) << key.key;
        EXPECT_FALSE(key.description.empty()) << key.key;
    }
}

}  // namespace
}  // namespace enshu::app
