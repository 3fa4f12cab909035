#include "world/media_model.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace enshu::world {
namespace {

TEST(MediaModelTest, ParsesHashtagsInJapaneseAndEnglish) {
    EXPECT_EQ(ParseHashtags("#停電 の影響 #Outage and ＃復旧見込み、#停電"),
              (std::vector<std::string>{"停電", "outage", "復旧見込み"}));
    EXPECT_EQ(ParseHashtags("no tags # here"), std::vector<std::string>{});
    EXPECT_EQ(ParseHashtags("#a_b!#c"), (std::vector<std::string>{"a_b", "c"}));
    EXPECT_EQ(ParseHashtags("「#ランサムウェア」"), (std::vector<std::string>{"ランサムウェア"}));
    std::string many;
    for (int i = 0; i < 30; ++i) many += "#t" + std::to_string(i) + " ";
    EXPECT_EQ(ParseHashtags(many).size(), 20u);
    EXPECT_LE(ParseHashtags("#" + std::string(80, 'x'))[0].size(), 50u);
}

TEST(MediaModelTest, EngagementIsDeterministicGrowsAndSaturates) {
    const Engagement start = EngagementAt(42, 1000, 0);
    EXPECT_EQ(start.likes, 0);
    EXPECT_EQ(start.views, 0);
    Engagement previous = start;
    for (double minutes = 1; minutes <= 300; minutes += 7) {
        const Engagement now = EngagementAt(42, 1000, minutes);
        EXPECT_GE(now.likes, previous.likes);
        EXPECT_GE(now.shares, previous.shares);
        EXPECT_GE(now.views, previous.views);
        previous = now;
    }
    const Engagement late = EngagementAt(42, 1000, 1000);
    EXPECT_GE(late.likes, 800);   // k >= 0.8
    EXPECT_LE(late.likes, 1200);  // k <= 1.2
    EXPECT_EQ(EngagementAt(42, 1000, 45).likes, EngagementAt(42, 1000, 45).likes);
    EXPECT_NE(EngagementAt(42, 1000, 1000).likes, EngagementAt(43, 1000, 1000).likes);
    EXPECT_EQ(EngagementAt(42, 0, 1000).likes, 0);
    EXPECT_EQ(EngagementAt(42, 1000, -5).likes, 0);  // never negative before publication
}

TEST(MediaModelTest, TheCurveReproducesTheCounts) {
    const EngagementCurve curve = EngagementCurveOf(42, 1000);
    EXPECT_GE(curve.level, 800);
    EXPECT_LE(curve.level, 1200);
    const double level = curve.level * (1 - std::exp(-45.0 / curve.tau_minutes));
    const Engagement counts = EngagementAt(42, 1000, 45);
    EXPECT_EQ(counts.likes, static_cast<std::int64_t>(std::floor(level)));
    EXPECT_EQ(counts.shares, static_cast<std::int64_t>(std::floor(level * curve.share_ratio)));
    EXPECT_EQ(counts.replies, static_cast<std::int64_t>(std::floor(level * curve.reply_ratio)));
    EXPECT_EQ(counts.views, static_cast<std::int64_t>(std::floor(level * 14 + 1)));
}

TEST(MediaModelTest, ItemJsonUsesScenarioTimeWhenBothHaveIt) {
    MediaItem item;
    item.id = 5;
    item.base_engagement = 600;
    item.published = true;
    item.published_at_us = 1'000'000'000;
    item.published_scenario_minutes = 600;
    const auto scenario = MediaItemJson(item, MediaTime{item.published_at_us.value() + 60'000'000, 630.0, 0.2});
    EXPECT_DOUBLE_EQ(scenario["engagement_curve"]["elapsed_minutes"].get<double>(), 30.0);
    EXPECT_DOUBLE_EQ(scenario["engagement_curve"]["minutes_per_second"].get<double>(), 0.2);
    EXPECT_EQ(scenario["engagement"]["likes"], EngagementAt(5, 600, 30).likes);
    item.published_scenario_minutes.reset();  // published before the clock started: wall time
    const auto wall = MediaItemJson(item, MediaTime{item.published_at_us.value() + 120'000'000, 630.0, 0.2});
    EXPECT_DOUBLE_EQ(wall["engagement_curve"]["elapsed_minutes"].get<double>(), 2.0);
    EXPECT_DOUBLE_EQ(wall["engagement_curve"]["minutes_per_second"].get<double>(), 1.0 / 60);
}

TEST(MediaModelTest, ValidatesPersonasAndItems) {
    EXPECT_EQ(ValidatePersona({"東京ニュース", "tokyo_news", "news", true, std::nullopt}).value(), "@tokyo_news");
    EXPECT_EQ(ValidatePersona({"x", "@ok", "citizen", false, std::nullopt}).value(), "@ok");
    EXPECT_EQ(ValidatePersona({"", "a", "news", false, std::nullopt}).error().field, "name");
    EXPECT_EQ(ValidatePersona({"x", "bad handle", "news", false, std::nullopt}).error().field, "handle");
    EXPECT_EQ(ValidatePersona({"x", "a", "blogger", false, std::nullopt}).error().field, "kind");

    MediaItemInput item;
    item.persona_id = 1;
    item.channel = "social";
    item.text = "#停電 です";
    EXPECT_TRUE(ValidateMediaItem(item));
    item.channel = "tv";
    EXPECT_EQ(ValidateMediaItem(item).error().field, "channel");
    item.channel = "press";
    item.text = std::string(2001, 'a');
    EXPECT_EQ(ValidateMediaItem(item).error().field, "text");
    item.text = "ok";
    item.base_engagement = -1;
    EXPECT_EQ(ValidateMediaItem(item).error().field, "base_engagement");
}

TEST(MediaModelTest, InitialsForGeneratedAvatars) {
    EXPECT_EQ(PersonaInitials("日本経済新聞"), "日本");
    EXPECT_EQ(PersonaInitials("tokyo news"), "TN");
    EXPECT_EQ(PersonaInitials("A"), "A");
    EXPECT_EQ(PersonaInitials(""), "?");
}

}  // namespace
}  // namespace enshu::world
