#include "world/media_model.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "world/feed_clock.hpp"

namespace enshu::world {
namespace {

constexpr std::size_t kMaxHashtags = 20;
constexpr std::size_t kMaxHashtagBytes = 50;
constexpr double kEngagementMinutes = 30.0;

std::size_t CharacterCount(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool IsBlank(const std::string& text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

bool OneOf(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

int Utf8Length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0) return 2;
    if ((lead & 0xF0) == 0xE0) return 3;
    if ((lead & 0xF8) == 0xF0) return 4;
    return 1;
}

// Characters that end a hashtag: ASCII other than letters, digits and '_', and the
// Japanese spaces and punctuation a writer puts after one.
bool EndsHashtag(std::string_view character) {
    if (character.size() == 1) {
        const unsigned char c = static_cast<unsigned char>(character[0]);
        return !(std::isalnum(c) || c == '_');
    }
    static const std::vector<std::string_view> stops = {"\u3000", "\u3001", "\u3002", "\uff01", "\uff1f", "\uff03",
                                                        "\u300c", "\u300d", "\uff08", "\uff09", "\u30fb"};
    return std::find(stops.begin(), stops.end(), character) != stops.end();
}

// A 64-bit mix of the id (splitmix64), for the per-item factor.
std::uint64_t Mix(std::uint64_t value) {
    value += 0x9E3779B97F4A7C15ULL;
    value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ULL;
    value = (value ^ (value >> 27)) * 0x94D049BB133111EBULL;
    return value ^ (value >> 31);
}

}  // namespace

const std::vector<std::string>& PersonaKinds() {
    static const std::vector<std::string> kinds = {"news", "citizen", "vendor", "official"};
    return kinds;
}

const std::vector<std::string>& MediaChannels() {
    static const std::vector<std::string> channels = {"press", "social"};
    return channels;
}

Result<std::string> ValidatePersona(const PersonaInput& input) {
    if (IsBlank(input.name)) return Fail(ErrorCode::kInvalidArgument, "name is required", "name");
    if (CharacterCount(input.name) > 100)
        return Fail(ErrorCode::kInvalidArgument, "name exceeds 100 characters", "name");
    std::string handle = input.handle.starts_with('@') ? input.handle.substr(1) : input.handle;
    const bool valid =
        !handle.empty() && handle.size() <= 30 &&
        std::all_of(handle.begin(), handle.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; });
    if (!valid) {
        return Fail(ErrorCode::kInvalidArgument, "handle must be 1..30 letters, digits or _ (e.g. @tokyo_news)",
                    "handle");
    }
    if (!OneOf(PersonaKinds(), input.kind)) {
        return Fail(ErrorCode::kInvalidArgument, "kind must be one of news, citizen, vendor, official", "kind");
    }
    return "@" + handle;
}

std::string PersonaInitials(const std::string& name) {
    std::vector<std::string> words;
    std::string current;
    for (char c : name) {
        if (c == ' ') {
            if (!current.empty()) words.push_back(current);
            current.clear();
        } else {
            current.push_back(c);
        }
    }
    if (!current.empty()) words.push_back(current);
    if (words.empty()) return "?";
    auto first_character = [](const std::string& word) {
        return word.substr(0, Utf8Length(static_cast<unsigned char>(word[0])));
    };
    const bool ascii = static_cast<unsigned char>(words[0][0]) < 0x80;
    if (ascii) {
        std::string initials = first_character(words[0]);
        if (words.size() > 1) initials += first_character(words[1]);
        std::transform(initials.begin(), initials.end(), initials.begin(),
                       [](unsigned char c) { return std::toupper(c); });
        return initials;
    }
    // Japanese names: the first two characters.
    const std::string& word = words[0];
    const std::size_t first = Utf8Length(static_cast<unsigned char>(word[0]));
    if (first >= word.size()) return word;
    return word.substr(0, first + Utf8Length(static_cast<unsigned char>(word[first])));
}

nlohmann::json PersonaJson(const Persona& persona) {
    return {{"id", persona.id},
            {"name", persona.name},
            {"handle", persona.handle},
            {"kind", persona.kind},
            {"verified", persona.verified},
            {"initials", PersonaInitials(persona.name)},
            {"avatar", persona.avatar ? AttachmentJson(*persona.avatar) : nlohmann::json(nullptr)}};
}

Status ValidateMediaItem(const MediaItemInput& input) {
    if (input.persona_id <= 0) return Fail(ErrorCode::kInvalidArgument, "persona_id is required", "persona_id");
    if (!OneOf(MediaChannels(), input.channel)) {
        return Fail(ErrorCode::kInvalidArgument, "channel must be press or social", "channel");
    }
    if (IsBlank(input.text)) return Fail(ErrorCode::kInvalidArgument, "text is required", "text");
    if (CharacterCount(input.text) > kMaxMediaTextCharacters) {
        return Fail(ErrorCode::kInvalidArgument, "text exceeds 2000 characters", "text");
    }
    if (input.base_engagement < 0 || input.base_engagement > kMaxBaseEngagement) {
        return Fail(ErrorCode::kInvalidArgument, "base_engagement must be 0..1000000", "base_engagement");
    }
    if (input.scheduled_minutes && (*input.scheduled_minutes < 0 || !std::isfinite(*input.scheduled_minutes))) {
        return Fail(ErrorCode::kInvalidArgument, "at must be a scenario time such as D1 10:30", "at");
    }
    return Ok();
}

std::vector<std::string> ParseHashtags(const std::string& text) {
    std::vector<std::string> tags;
    const std::string_view view(text);
    for (std::size_t i = 0; i < view.size() && tags.size() < kMaxHashtags;) {
        std::size_t start = std::string_view::npos;
        if (view[i] == '#')
            start = i + 1;
        else if (view.substr(i).starts_with("\uff03"))
            start = i + 3;
        if (start == std::string_view::npos) {
            i += Utf8Length(static_cast<unsigned char>(view[i]));
            continue;
        }
        std::size_t end = start;
        while (end < view.size()) {
            const std::size_t length =
                std::min<std::size_t>(Utf8Length(static_cast<unsigned char>(view[end])), view.size() - end);
            if (EndsHashtag(view.substr(end, length)) || end + length - start > kMaxHashtagBytes) break;
            end += length;
        }
        std::string tag(view.substr(start, end - start));
        std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) {
            return c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c);
        });
        if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
        i = std::max(end, start);
    }
    return tags;
}

EngagementCurve EngagementCurveOf(std::int64_t item_id, std::int64_t base) {
    const std::uint64_t mixed = Mix(static_cast<std::uint64_t>(item_id));
    EngagementCurve curve;
    const double factor = 0.8 + 0.4 * static_cast<double>(mixed % 1001) / 1000.0;
    curve.level = static_cast<double>(base) * factor;
    curve.share_ratio = 0.15 + 0.25 * static_cast<double>((mixed >> 16) % 101) / 100.0;
    curve.reply_ratio = 0.05 + 0.10 * static_cast<double>((mixed >> 32) % 101) / 100.0;
    curve.tau_minutes = kEngagementMinutes;
    return curve;
}

Engagement EngagementAt(std::int64_t item_id, std::int64_t base, double elapsed_minutes) {
    const double elapsed = std::max(0.0, elapsed_minutes);
    const EngagementCurve curve = EngagementCurveOf(item_id, base);
    const double level = curve.level * (1.0 - std::exp(-elapsed / curve.tau_minutes));
    Engagement engagement;
    engagement.likes = static_cast<std::int64_t>(std::floor(level));
    engagement.shares = static_cast<std::int64_t>(std::floor(level * curve.share_ratio));
    engagement.replies = static_cast<std::int64_t>(std::floor(level * curve.reply_ratio));
    engagement.views = static_cast<std::int64_t>(std::floor(level * 14.0 + (elapsed > 0 ? 1.0 : 0.0)));
    return engagement;
}

nlohmann::json MediaItemJson(const MediaItem& item, const MediaTime& time) {
    nlohmann::json json = {{"id", item.id},
                           {"persona", PersonaJson(item.persona)},
                           {"channel", item.channel},
                           {"text", item.text},
                           {"hashtags", item.hashtags},
                           {"image", item.image ? AttachmentJson(*item.image) : nlohmann::json(nullptr)},
                           {"base_engagement", item.base_engagement},
                           {"state", item.published ? "published" : "scheduled"},
                           {"hidden", item.hidden}};
    json["scheduled_scenario_time"] = item.scheduled_minutes
                                          ? nlohmann::json(scenario::FormatScenarioTime(
                                                static_cast<scenario::ScenarioMinutes>(*item.scheduled_minutes)))
                                          : nlohmann::json(nullptr);
    json["scheduled_minutes"] = item.scheduled_minutes ? nlohmann::json(*item.scheduled_minutes) : nlohmann::json();
    AddTimeStamp(json, "published", item.published_at_us, item.published_scenario_minutes);
    double elapsed = 0;
    double minutes_per_second = 0;
    if (item.published_at_us) {
        if (item.published_scenario_minutes && time.scenario_minutes) {
            elapsed = *time.scenario_minutes - *item.published_scenario_minutes;
            minutes_per_second = time.scenario_minutes_per_second;
        } else {
            elapsed = static_cast<double>(time.now_us - *item.published_at_us) / 60e6;
            minutes_per_second = 1.0 / 60.0;
        }
    }
    const Engagement engagement = EngagementAt(item.id, item.base_engagement, elapsed);
    json["engagement"] = {{"likes", engagement.likes},
                          {"shares", engagement.shares},
                          {"replies", engagement.replies},
                          {"views", engagement.views}};
    const EngagementCurve curve = EngagementCurveOf(item.id, item.base_engagement);
    json["engagement_curve"] = {{"level", curve.level},
                                {"share_ratio", curve.share_ratio},
                                {"reply_ratio", curve.reply_ratio},
                                {"tau_minutes", curve.tau_minutes},
                                {"elapsed_minutes", std::max(0.0, elapsed)},
                                {"minutes_per_second", item.published_at_us ? minutes_per_second : 0.0}};
    return json;
}

}  // namespace enshu::world
