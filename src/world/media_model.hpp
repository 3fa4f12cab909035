#pragma once

// The simulated press and social media (media pressure) as values: personas (who
// speaks), items (what they say), hashtags parsed from the text, and engagement counts
// that grow deterministically with the time since publication. Pure: no I/O.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "world/attachment_store.hpp"

namespace enshu::world {

inline constexpr std::size_t kMaxMediaTextCharacters = 2000;
inline constexpr std::int64_t kMaxBaseEngagement = 1'000'000;

// news (報道機関), citizen (一般利用者), vendor (ベンダー), official (公的機関).
const std::vector<std::string>& PersonaKinds();
// press (記事), social (SNS投稿).
const std::vector<std::string>& MediaChannels();

struct PersonaInput {
    std::string name;    // 1..100 characters
    std::string handle;  // [A-Za-z0-9_]{1,30}, with or without a leading '@'
    std::string kind;    // one of PersonaKinds()
    bool verified = false;
    std::optional<std::int64_t> avatar_attachment_id;  // a staff-owned PNG or JPEG
};
// Fields "name", "handle", "kind". Returns the handle normalised to "@name".
Result<std::string> ValidatePersona(const PersonaInput& input);

struct Persona {
    std::int64_t id = 0;
    std::int64_t exercise_id = 0;
    std::string name;
    std::string handle;
    std::string kind;
    bool verified = false;
    std::optional<AttachmentInfo> avatar;
};
// {"id","name","handle","kind","verified","avatar":attachment|null,"initials"}.
nlohmann::json PersonaJson(const Persona& persona);
// The first one or two letters shown in a generated avatar ("日本経済新聞" -> "日本", "Tokyo News" -> "TN").
std::string PersonaInitials(const std::string& name);

struct MediaItemInput {
    std::int64_t persona_id = 0;
    std::string channel;  // press or social
    std::string text;     // 1..2000 characters
    std::optional<std::int64_t> image_attachment_id;
    std::int64_t base_engagement = 100;       // 0..1,000,000: the level the counts approach
    std::optional<double> scheduled_minutes;  // release when the clock reaches it; nullopt = now
};
// Fields "persona_id", "channel", "text", "base_engagement", "at".
Status ValidateMediaItem(const MediaItemInput& input);

// "#停電 #Outage and ＃復旧見込み" -> ["停電", "outage", "復旧見込み"]: distinct, in order,
// ASCII lower-cased, at most 20 tags of at most 50 bytes each.
std::vector<std::string> ParseHashtags(const std::string& text);

struct Engagement {
    std::int64_t likes = 0;
    std::int64_t shares = 0;
    std::int64_t replies = 0;
    std::int64_t views = 0;
};
// Counts after `elapsed_minutes` of exposure: a saturating curve
// base * k * (1 - e^(-t/30)), where k in [0.8, 1.2] comes from the item id, so the same
// item always shows the same counts at the same time and they never go down.
Engagement EngagementAt(std::int64_t item_id, std::int64_t base, double elapsed_minutes);

// The curve behind EngagementAt, for clients that let the counts tick between reads:
// likes = floor(level * (1 - e^(-t/tau))), shares = floor(that level * share_ratio) …,
// views = floor(level_now * 14 + (t > 0 ? 1 : 0)).
struct EngagementCurve {
    double level = 0;
    double share_ratio = 0;
    double reply_ratio = 0;
    double tau_minutes = 30;
};
EngagementCurve EngagementCurveOf(std::int64_t item_id, std::int64_t base);

struct MediaItem {
    std::int64_t id = 0;
    std::int64_t exercise_id = 0;
    Persona persona;
    std::string channel;
    std::string text;
    std::vector<std::string> hashtags;
    std::optional<AttachmentInfo> image;
    std::int64_t base_engagement = 0;
    bool published = false;  // false: scheduled
    std::optional<double> scheduled_minutes;
    bool hidden = false;
    std::optional<std::int64_t> published_at_us;
    std::optional<double> published_scenario_minutes;
};

// The moment a media item is shown at.
struct MediaTime {
    std::int64_t now_us = 0;
    std::optional<double> scenario_minutes;  // null before the clock started
    double scenario_minutes_per_second = 0;  // 0 unless the clock runs
};

// The item with its counts at `time`: elapsed time is scenario time when the item and the
// clock both have it, wall time otherwise; "engagement_curve" {level, share_ratio,
// reply_ratio, tau_minutes, elapsed_minutes, minutes_per_second} lets a client continue the
// counts until its next read.
nlohmann::json MediaItemJson(const MediaItem& item, const MediaTime& time);

}  // namespace enshu::world
