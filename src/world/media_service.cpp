#include "world/media_service.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <string_view>

#include "live/clock_repository.hpp"
#include "world/attachment_type.hpp"
#include "world/feed_clock.hpp"
#include "world/feed_post_limit.hpp"

namespace enshu::world {
namespace {

constexpr std::string_view kInsertPersona =
    "INSERT INTO media_persona (exercise_id, name, handle, kind, verified, avatar_attachment_id, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr std::string_view kSelectPersona =
    "SELECT id, exercise_id, name, handle, kind, verified, avatar_attachment_id FROM media_persona "
    "WHERE exercise_id = $1 AND id = $2";
constexpr std::string_view kListPersonas = "SELECT id FROM media_persona WHERE exercise_id = $1 ORDER BY name, id";
constexpr std::string_view kInsertItem =
    "INSERT INTO media_item (exercise_id, persona_id, channel, text, hashtags, image_attachment_id, "
    "base_engagement, state, scheduled_minutes, created_by, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, 'scheduled', $8, $9, $10) RETURNING id";
constexpr std::string_view kSelectItem =
    "SELECT id, persona_id, channel, text, hashtags, image_attachment_id, base_engagement, state, scheduled_minutes, "
    "hidden, published_at_us, published_scenario_minutes FROM media_item WHERE exercise_id = $1 AND id = $2";
// The guarded release: only a still-scheduled item changes (exactly once).
constexpr std::string_view kReleaseItem =
    "UPDATE media_item SET state = 'published', published_at_us = $3, published_scenario_minutes = $4 "
    "WHERE exercise_id = $1 AND id = $2 AND state = 'scheduled'";
constexpr std::string_view kSetHidden = "UPDATE media_item SET hidden = $3 WHERE exercise_id = $1 AND id = $2";
constexpr std::string_view kDueItems =
    "SELECT id FROM media_item WHERE exercise_id = $1 AND state = 'scheduled' AND scheduled_minutes <= $2 "
    "ORDER BY scheduled_minutes, id";
constexpr std::string_view kScheduledExercises =
    "SELECT DISTINCT exercise_id FROM media_item WHERE state = 'scheduled'";
constexpr std::string_view kFeedItems =
    "SELECT id FROM media_item WHERE exercise_id = $1 AND ($2 = '' OR channel = $2) "
    "AND ($3 = 1 OR (state = 'published' AND hidden = 0)) "
    "ORDER BY state = 'scheduled', published_at_us DESC, scheduled_minutes, id DESC LIMIT $4";
constexpr std::string_view kTrendItems =
    "SELECT hashtags, published_at_us, published_scenario_minutes FROM media_item "
    "WHERE exercise_id = $1 AND state = 'published' AND hidden = 0";

std::int64_t MicrosNow(const Clock& clock) {
    return std::chrono::duration_cast<std::chrono::microseconds>(clock.Now().time_since_epoch()).count();
}

db::Value OptionalValue(std::optional<std::int64_t> value) { return value ? db::Value(*value) : db::Value(); }
db::Value OptionalValue(std::optional<double> value) { return value ? db::Value(*value) : db::Value(); }

Status NotFound(const std::string& field, const std::string& what) {
    return Fail(ErrorCode::kNotFound, "no such " + what, field);
}

audit::Actor SystemActor() { return {std::nullopt, "system", "", ""}; }

// The moment `now_us` of the exercise: scenario position and rate (world/feed_clock.hpp).
Result<MediaTime> MediaTimeOf(db::Connection& connection, std::int64_t exercise_id,
                              const std::vector<scenario::Scene>& scenes, std::int64_t now_us) {
    auto minutes = ScenarioMinutesNow(connection, exercise_id, scenes, now_us);
    if (!minutes) return tl::unexpected(minutes.error());
    auto rate = ScenarioMinutesPerSecondNow(connection, exercise_id, scenes);
    if (!rate) return tl::unexpected(rate.error());
    return MediaTime{now_us, *minutes, *rate};
}

}  // namespace

MediaService::MediaService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                           const live::EventLog& events, live::ScenarioSource& scenarios)
    : database_(database),
      clock_(clock),
      audit_(audit),
      events_(events),
      scenarios_(scenarios),
      attachments_(clock, audit) {}

Result<Persona> MediaService::LoadPersona(db::Connection& connection, std::int64_t exercise_id,
                                          std::int64_t persona_id) const {
    auto row = connection.QueryOne(kSelectPersona, {exercise_id, persona_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return tl::unexpected(NotFound("persona_id", "persona").error());
    const db::Row& r = **row;
    Persona persona{r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5) != 0, std::nullopt};
    if (auto avatar_id = r.OptionalInt(6)) {
        auto avatar = attachments_.Info(connection, exercise_id, *avatar_id);
        if (!avatar) return tl::unexpected(avatar.error());
        persona.avatar = std::move(*avatar);
    }
    return persona;
}

Result<MediaItem> MediaService::LoadItem(db::Connection& connection, std::int64_t exercise_id,
                                         std::int64_t item_id) const {
    auto row = connection.QueryOne(kSelectItem, {exercise_id, item_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return tl::unexpected(NotFound("item_id", "media item").error());
    const db::Row& r = **row;
    MediaItem item;
    item.id = r.Int(0);
    item.exercise_id = exercise_id;
    auto persona = LoadPersona(connection, exercise_id, r.Int(1));
    if (!persona) return tl::unexpected(persona.error());
    item.persona = std::move(*persona);
    item.channel = r.Text(2);
    item.text = r.Text(3);
    auto tags = nlohmann::json::parse(r.Text(4), nullptr, false);
    if (tags.is_array()) {
        for (const auto& tag : tags) {
            if (tag.is_string()) item.hashtags.push_back(tag.get<std::string>());
        }
    }
    if (auto image_id = r.OptionalInt(5)) {
        auto image = attachments_.Info(connection, exercise_id, *image_id);
        if (!image) return tl::unexpected(image.error());
        item.image = std::move(*image);
    }
    item.base_engagement = r.Int(6);
    item.published = r.Text(7) == "published";
    if (!r.IsNull(8)) item.scheduled_minutes = r.Real(8);
    item.hidden = r.Int(9) != 0;
    item.published_at_us = r.OptionalInt(10);
    if (!r.IsNull(11)) item.published_scenario_minutes = r.Real(11);
    return item;
}

Status MediaService::Announce(db::Connection& connection, const std::string& type, const nlohmann::json& payload,
                              std::int64_t exercise_id, bool staff_only, std::int64_t now_us) const {
    live::LiveEvent event;
    event.exercise_id = exercise_id;
    event.type = type;
    if (staff_only) {
        event.audience.staff = true;
    } else {
        event.audience.everyone = true;
    }
    event.released_at_us = now_us;
    event.payload_json = payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return events_.Append(connection, event);
}

Result<Persona> MediaService::CreatePersona(std::int64_t exercise_id, const PersonaInput& input,
                                            const audit::Actor& actor) {
    auto handle = ValidatePersona(input);
    if (!handle) return tl::unexpected(handle.error());
    Persona persona;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        const std::int64_t now_us = MicrosNow(clock_);
        if (auto limited = RecordPost(connection, actor.user_id, now_us); !limited) return limited;
        if (input.avatar_attachment_id) {
            auto avatar =
                attachments_.RequireAttachable(connection, exercise_id, *input.avatar_attachment_id, std::nullopt);
            if (!avatar) return NotFound("avatar_attachment_id", "staff attachment");
            if (!IsImageType(avatar->content_type)) {
                return Fail(ErrorCode::kInvalidArgument, "avatar_attachment_id: must be a PNG or JPEG image",
                            "avatar_attachment_id");
            }
            // Avatars are shown with every item of the persona.
            auto widened =
                attachments_.SetVisibility(connection, exercise_id, avatar->id, AttachmentVisibility::kExercise);
            if (!widened) return widened;
        }
        auto inserted = connection.QueryOne(
            kInsertPersona,
            {exercise_id, input.name, *handle, input.kind, std::int64_t{input.verified ? 1 : 0},
             OptionalValue(input.avatar_attachment_id), FormatTimestamp(TimePoint(std::chrono::microseconds(now_us)))});
        if (!inserted) {
            if (inserted.error().code == ErrorCode::kConflict) {
                return Fail(ErrorCode::kConflict, "handle " + *handle + " is already used in this exercise", "handle");
            }
            return tl::unexpected(inserted.error());
        }
        auto loaded = LoadPersona(connection, exercise_id, (*inserted)->Int(0));
        if (!loaded) return tl::unexpected(loaded.error());
        persona = std::move(*loaded);
        return audit_.Append(connection, actor,
                             {exercise_id, "media.persona.create", "media_persona", std::to_string(persona.id), nullptr,
                              PersonaJson(persona)});
    });
    if (!written) return tl::unexpected(written.error());
    return persona;
}

Result<std::vector<Persona>> MediaService::ListPersonas(std::int64_t exercise_id) {
    std::vector<Persona> personas;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto rows = connection.Query(kListPersonas, {exercise_id});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) {
            auto persona = LoadPersona(connection, exercise_id, row.Int(0));
            if (!persona) return tl::unexpected(persona.error());
            personas.push_back(std::move(*persona));
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return personas;
}

Status MediaService::Publish(db::Connection& connection, const MediaItem& item, const MediaTime& time,
                             const audit::Actor& actor) {
    const std::int64_t now_us = time.now_us;
    const std::optional<double> minutes = time.scenario_minutes;
    auto released = connection.Execute(kReleaseItem, {item.exercise_id, item.id, now_us, OptionalValue(minutes)});
    if (!released) return tl::unexpected(released.error());
    if (*released == 0) return Ok();  // released already (exactly once)
    if (item.image) {
        auto widened =
            attachments_.SetVisibility(connection, item.exercise_id, item.image->id, AttachmentVisibility::kExercise);
        if (!widened) return widened;
    }
    auto published = LoadItem(connection, item.exercise_id, item.id);
    if (!published) return tl::unexpected(published.error());
    if (auto audited = audit_.Append(
            connection, actor,
            {item.exercise_id, "media.item.release", "media_item", std::to_string(item.id), nullptr,
             nlohmann::json{{"scenario_minutes", minutes ? nlohmann::json(*minutes) : nlohmann::json(nullptr)}}});
        !audited) {
        return audited;
    }
    if (published->hidden) return Ok();
    return Announce(connection, "media.published", {{"item", MediaItemJson(*published, time)}}, item.exercise_id, false,
                    now_us);
}

Result<MediaItem> MediaService::Post(std::int64_t exercise_id, const MediaItemInput& input, const audit::Actor& actor) {
    if (auto valid = ValidateMediaItem(input); !valid) return tl::unexpected(valid.error());
    auto snapshot = scenarios_.Load(exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    MediaItem result;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        const std::int64_t now_us = MicrosNow(clock_);
        if (auto limited = RecordPost(connection, actor.user_id, now_us); !limited) return limited;
        if (auto persona = LoadPersona(connection, exercise_id, input.persona_id); !persona) {
            return tl::unexpected(persona.error());
        }
        if (input.image_attachment_id) {
            auto image =
                attachments_.RequireAttachable(connection, exercise_id, *input.image_attachment_id, std::nullopt);
            if (!image) return NotFound("image_attachment_id", "staff attachment");
            if (!IsImageType(image->content_type)) {
                return Fail(ErrorCode::kInvalidArgument, "image_attachment_id: must be a PNG or JPEG image",
                            "image_attachment_id");
            }
        }
        const std::vector<std::string> tags = ParseHashtags(input.text);
        auto inserted = connection.QueryOne(
            kInsertItem,
            {exercise_id, input.persona_id, input.channel, input.text, nlohmann::json(tags).dump(),
             OptionalValue(input.image_attachment_id), input.base_engagement, OptionalValue(input.scheduled_minutes),
             OptionalValue(actor.user_id), FormatTimestamp(TimePoint(std::chrono::microseconds(now_us)))});
        if (!inserted) return tl::unexpected(inserted.error());
        auto item = LoadItem(connection, exercise_id, (*inserted)->Int(0));
        if (!item) return tl::unexpected(item.error());
        if (auto audited = audit_.Append(connection, actor,
                                         {exercise_id, "media.item.create", "media_item", std::to_string(item->id),
                                          nullptr, MediaItemJson(*item, MediaTime{now_us, std::nullopt, 0})});
            !audited) {
            return audited;
        }
        auto time = MediaTimeOf(connection, exercise_id, (*snapshot)->master.scenes, now_us);
        if (!time) return tl::unexpected(time.error());
        if (!input.scheduled_minutes) {
            if (auto published = Publish(connection, *item, *time, actor); !published) return published;
        } else if (auto announced = Announce(connection, "media.scheduled", {{"item", MediaItemJson(*item, *time)}},
                                             exercise_id, true, now_us);
                   !announced) {
            return announced;
        }
        auto reloaded = LoadItem(connection, exercise_id, item->id);
        if (!reloaded) return tl::unexpected(reloaded.error());
        result = std::move(*reloaded);
        return Ok();
    });
    if (!written) return tl::unexpected(written.error());
    // A schedule already reached is released at once.
    if (input.scheduled_minutes) {
        if (auto released = ReleaseDue(exercise_id); !released) return tl::unexpected(released.error());
    }
    return result;
}

Result<MediaItem> MediaService::SetHidden(std::int64_t exercise_id, std::int64_t item_id, bool hidden,
                                          const audit::Actor& actor) {
    MediaItem result;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto item = LoadItem(connection, exercise_id, item_id);
        if (!item) return tl::unexpected(item.error());
        const std::int64_t now_us = MicrosNow(clock_);
        if (item->hidden != hidden) {
            auto changed = connection.Execute(kSetHidden, {exercise_id, item_id, std::int64_t{hidden ? 1 : 0}});
            if (!changed) return tl::unexpected(changed.error());
            if (item->image) {
                const auto visibility =
                    hidden || !item->published ? AttachmentVisibility::kOwner : AttachmentVisibility::kExercise;
                if (auto set = attachments_.SetVisibility(connection, exercise_id, item->image->id, visibility); !set) {
                    return set;
                }
            }
            if (auto audited =
                    audit_.Append(connection, actor,
                                  {exercise_id, hidden ? "media.item.hide" : "media.item.unhide", "media_item",
                                   std::to_string(item_id), nlohmann::json{{"hidden", item->hidden}},
                                   nlohmann::json{{"hidden", hidden}}});
                !audited) {
                return audited;
            }
            item->hidden = hidden;
            if (item->published) {
                auto snapshot = scenarios_.Load(exercise_id);
                if (!snapshot) return tl::unexpected(snapshot.error());
                auto time = MediaTimeOf(connection, exercise_id, (*snapshot)->master.scenes, now_us);
                if (!time) return tl::unexpected(time.error());
                const nlohmann::json payload =
                    hidden ? nlohmann::json{{"id", item_id}} : nlohmann::json{{"item", MediaItemJson(*item, *time)}};
                if (auto announced = Announce(connection, hidden ? "media.hidden" : "media.unhidden", payload,
                                              exercise_id, false, now_us);
                    !announced) {
                    return announced;
                }
            }
        }
        result = std::move(*item);
        return Ok();
    });
    if (!written) return tl::unexpected(written.error());
    return result;
}

Result<int> MediaService::ReleaseDue(std::optional<std::int64_t> exercise_id) {
    std::vector<std::int64_t> exercises;
    if (exercise_id) {
        exercises.push_back(*exercise_id);
    } else {
        auto read = database_.Read([&](db::Connection& connection) -> Status {
            auto rows = connection.Query(kScheduledExercises);
            if (!rows) return tl::unexpected(rows.error());
            for (const db::Row& row : *rows) exercises.push_back(row.Int(0));
            return Ok();
        });
        if (!read) return tl::unexpected(read.error());
    }
    int released = 0;
    for (std::int64_t exercise : exercises) {
        auto snapshot = scenarios_.Load(exercise);
        if (!snapshot) return tl::unexpected(snapshot.error());
        auto written = database_.Write([&](db::Connection& connection) -> Status {
            auto clock = live::LoadClock(connection, exercise);
            if (!clock) return tl::unexpected(clock.error());
            if (clock->version == 0 || clock->snapshot.state == ClockState::kScheduled) return Ok();
            const std::int64_t now_us = MicrosNow(clock_);
            auto time = MediaTimeOf(connection, exercise, (*snapshot)->master.scenes, now_us);
            if (!time) return tl::unexpected(time.error());
            if (!time->scenario_minutes) return Ok();
            auto due = connection.Query(kDueItems, {exercise, *time->scenario_minutes});
            if (!due) return tl::unexpected(due.error());
            for (const db::Row& row : *due) {
                auto item = LoadItem(connection, exercise, row.Int(0));
                if (!item) return tl::unexpected(item.error());
                if (auto published = Publish(connection, *item, *time, SystemActor()); !published) {
                    return published;
                }
                ++released;
            }
            return Ok();
        });
        if (!written) return tl::unexpected(written.error());
    }
    return released;
}

Result<MediaFeed> MediaService::Feed(std::int64_t exercise_id, MediaAudience audience, const std::string& channel,
                                     int limit) {
    auto snapshot = scenarios_.Load(exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    MediaFeed feed;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        feed.now_us = MicrosNow(clock_);
        auto time = MediaTimeOf(connection, exercise_id, (*snapshot)->master.scenes, feed.now_us);
        if (!time) return tl::unexpected(time.error());
        feed.scenario_minutes_now = time->scenario_minutes;
        feed.scenario_minutes_per_second = time->scenario_minutes_per_second;
        auto rows = connection.Query(
            kFeedItems,
            {exercise_id, channel, std::int64_t{audience == MediaAudience::kStaff ? 1 : 0}, std::int64_t{limit}});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) {
            auto item = LoadItem(connection, exercise_id, row.Int(0));
            if (!item) return tl::unexpected(item.error());
            feed.items.push_back(std::move(*item));
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return feed;
}

Result<std::vector<HashtagTrend>> MediaService::Trends(std::int64_t exercise_id, double window_minutes) {
    auto snapshot = scenarios_.Load(exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    std::map<std::string, int> counts;
    std::map<std::string, std::size_t> first_seen;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        const std::int64_t now_us = MicrosNow(clock_);
        auto minutes = ScenarioMinutesNow(connection, exercise_id, (*snapshot)->master.scenes, now_us);
        if (!minutes) return tl::unexpected(minutes.error());
        auto rows = connection.Query(kTrendItems, {exercise_id});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) {
            bool recent = false;
            if (*minutes && !row.IsNull(2)) {
                recent = row.Real(2) >= **minutes - window_minutes;
            } else {
                recent = static_cast<double>(now_us - row.Int(1)) / 60e6 <= window_minutes;
            }
            if (!recent) continue;
            auto tags = nlohmann::json::parse(row.Text(0), nullptr, false);
            if (!tags.is_array()) continue;
            for (const auto& tag : tags) {
                if (!tag.is_string()) continue;
                const std::string name = tag.get<std::string>();
                ++counts[name];
                first_seen.emplace(name, first_seen.size());
            }
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    std::vector<HashtagTrend> trends;
    for (const auto& [tag, count] : counts) trends.push_back({tag, count});
    std::sort(trends.begin(), trends.end(), [&](const HashtagTrend& a, const HashtagTrend& b) {
        if (a.count != b.count) return a.count > b.count;
        return first_seen[a.tag] < first_seen[b.tag];
    });
    if (trends.size() > 10) trends.resize(10);
    return trends;
}

}  // namespace enshu::world
