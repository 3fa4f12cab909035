#pragma once

// The media pressure feed: controllers and the organiser speak as personas (news
// agencies, citizens, vendors, officials) in simulated press articles and social posts,
// published now or scheduled at a scenario time; the organiser can hide an item.
//
// Exactly once: a scheduled item is released by ReleaseDue (called by MediaTimer once a
// second, and by Post for a time already reached) when its exercise's running clock has
// reached its time; reads never write; the release is one guarded UPDATE (state 'scheduled' -> 'published'), so
// concurrent or repeated calls and restarts never publish it twice.
//
// Live events (appended in the write transaction): "media.published" {item} and
// "media.unhidden" {item} to everyone, "media.hidden" {id} to everyone (clients drop
// it), "media.scheduled" {item} to watching staff only. Every change is audited
// ("media.persona.create", "media.item.create", ".release", ".hide", ".unhide") and
// posts count towards the per-account rate limit. Thread-safe: no state besides references.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "live/event_log.hpp"
#include "live/scenario_source.hpp"
#include "world/attachment_store.hpp"
#include "world/media_model.hpp"

namespace enshu::world {

enum class MediaAudience { kParticipants, kStaff };  // staff also see scheduled and hidden items

struct MediaFeed {
    std::vector<MediaItem> items;  // newest first (scheduled ones by their time, after)
    std::int64_t now_us = 0;
    std::optional<double> scenario_minutes_now;  // null before the clock started
    double scenario_minutes_per_second = 0;      // 0 unless the clock runs

    MediaTime Time() const { return {now_us, scenario_minutes_now, scenario_minutes_per_second}; }
};

struct HashtagTrend {
    std::string tag;
    int count = 0;
};

class MediaService {
  public:
    MediaService(db::Database& database, const Clock& clock, const audit::AuditLog& audit, const live::EventLog& events,
                 live::ScenarioSource& scenarios);

    // Errors: "name", "handle", "kind" (kInvalidArgument), "handle" (kConflict: taken),
    // "avatar_attachment_id" (kNotFound / kInvalidArgument when not an image).
    Result<Persona> CreatePersona(std::int64_t exercise_id, const PersonaInput& input, const audit::Actor& actor);
    Result<std::vector<Persona>> ListPersonas(std::int64_t exercise_id);

    // Errors: as ValidateMediaItem; kNotFound "persona_id", "image_attachment_id"; kRateLimited.
    Result<MediaItem> Post(std::int64_t exercise_id, const MediaItemInput& input, const audit::Actor& actor);
    // kNotFound "item_id".
    Result<MediaItem> SetHidden(std::int64_t exercise_id, std::int64_t item_id, bool hidden, const audit::Actor& actor);

    // Newest first; `channel` "" = both. Read-only (the timer releases what is due).
    Result<MediaFeed> Feed(std::int64_t exercise_id, MediaAudience audience, const std::string& channel, int limit);
    // The most used hashtags of visible published items in the last `window_minutes` of
    // scenario time (wall time before the clock starts), most used first, at most 10.
    Result<std::vector<HashtagTrend>> Trends(std::int64_t exercise_id, double window_minutes);

    // Releases due scheduled items of every running exercise (or only `exercise_id`);
    // returns how many were released.
    Result<int> ReleaseDue(std::optional<std::int64_t> exercise_id = std::nullopt);

  private:
    Result<MediaItem> LoadItem(db::Connection& connection, std::int64_t exercise_id, std::int64_t item_id) const;
    Result<Persona> LoadPersona(db::Connection& connection, std::int64_t exercise_id, std::int64_t persona_id) const;
    Status Announce(db::Connection& connection, const std::string& type, const nlohmann::json& payload,
                    std::int64_t exercise_id, bool staff_only, std::int64_t now_us) const;
    Status Publish(db::Connection& connection, const MediaItem& item, const MediaTime& time, const audit::Actor& actor);

    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
    const live::EventLog& events_;
    live::ScenarioSource& scenarios_;
    AttachmentStore attachments_;
};

}  // namespace enshu::world
