#pragma once

// Announcements (アナウンス): a message from the organiser or a controller that every
// screen of the exercise shows as a banner until it expires, is withdrawn, or the
// person dismisses it in their browser (table announcement, migration 0009).
//
// Announcements differ from live broadcasts (live::PlayService::Broadcast, which land in
// the teams' inbox as messages): they are state with a lifetime. Each change is one
// write transaction with its audit entry ("announcement.create", "announcement.withdraw")
// and its live event for everyone ("announcement.posted" with the announcement JSON,
// "announcement.withdrawn" with {id}).
//
// Scoping and roles are the caller's job (api/announcement_handlers.cpp).
// Thread-safe: no state besides references.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "live/event_log.hpp"

namespace enshu::world {

// Limits (characters).
inline constexpr std::size_t kMaxAnnouncementCharacters = 1000;
inline constexpr int kMaxAnnouncementMinutes = 24 * 60;

struct AnnouncementInput {
    std::string message_ja;                 // 1..1000 characters (field "message.ja")
    std::string message_en;                 // 0..1000 (field "message.en")
    std::string severity = "info";          // info | warning | critical
    std::optional<int> expires_in_minutes;  // 1..1440; nullopt = until withdrawn
};

struct Announcement {
    std::int64_t id = 0;
    std::int64_t exercise_id = 0;
    std::string message_ja;
    std::string message_en;
    std::string severity;
    std::optional<std::int64_t> expires_at_us;
    std::string created_by_name;
    std::int64_t created_at_us = 0;
    std::optional<std::int64_t> withdrawn_at_us;

    // Shown at `now_us`: not withdrawn and not expired.
    bool ActiveAt(std::int64_t now_us) const;
};

// {"id","message":{"ja","en"},"severity","expires_at_us","created_by","created_at_us",
//  "withdrawn_at_us","active"} (active at now_us).
nlohmann::json AnnouncementJson(const Announcement& announcement, std::int64_t now_us);

// Checks the input; errors name the JSON member ("message.ja", "severity", "expires_in_minutes").
Status ValidateAnnouncement(const AnnouncementInput& input);

class AnnouncementService {
  public:
    AnnouncementService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                        const live::EventLog& events);

    Result<Announcement> Post(std::int64_t exercise_id, const AnnouncementInput& input, const std::string& author,
                              std::optional<std::int64_t> author_user_id, const audit::Actor& actor);
    // Withdrawing a withdrawn announcement changes nothing (no event, no audit).
    // kNotFound "announcement_id" when the exercise has no such announcement.
    Result<Announcement> Withdraw(std::int64_t exercise_id, std::int64_t announcement_id, const audit::Actor& actor);
    // Newest first; only the active ones unless include_inactive. At most 200.
    Result<std::vector<Announcement>> List(std::int64_t exercise_id, bool include_inactive);

    std::int64_t NowUs() const;

  private:
    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
    const live::EventLog& events_;
};

}  // namespace enshu::world
