#pragma once

// The shared attachment store (table `attachment`, migration 0007): files attached to
// PR statements, media items, inquiries and incident reports. Bytes are kept in the
// database (BLOB), at most kMaxAttachmentBytes each, of the allowed types only
// (world/attachment_type.hpp: PDF, PNG, JPEG, plain text, checked by their bytes).
//
// Who may read an attachment (CanViewAttachment):
//   visibility kOwner with an organisation -> whoever may view that organisation
//     (its own people, organisers, controllers, observers, its ministry: core/access.hpp);
//   visibility kOwner without one          -> staff who watch the exercise (organiser,
//     controller, observer) — e.g. a controller's image for a scheduled media item;
//   visibility kExercise                   -> every member of the exercise.
// A feature that publishes an object (a statement, a media item) widens the visibility
// of its attachment to kExercise in the same transaction, and narrows it back when the
// object is withdrawn or hidden.
//
// Use from another feature (e.g. inquiries):
//   1. the client uploads through POST /api/exercises/{id}/attachments (handler in
//      api/attachment_handlers.cpp, which calls Store) and gets {"id": N, ...};
//   2. the feature's write receives attachment_id N and, inside its own transaction,
//      calls RequireAttachable(connection, exercise_id, N, organisation_id) so that
//      nobody links a file of another organisation, and stores N beside its row;
//   3. clients download it from GET /api/exercises/{id}/attachments/{N}.
//
// Thread-safe: no state besides references. Every write is audited ("attachment.upload").

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "audit/audit_log.hpp"
#include "core/access.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace enshu::world {

inline constexpr std::size_t kMaxAttachmentBytes = 5 * 1024 * 1024;

enum class AttachmentVisibility { kOwner, kExercise };

struct AttachmentUpload {
    std::string filename;       // as sent; made safe by SafeFilename
    std::string declared_type;  // the request's Content-Type (may be empty)
    std::string content;        // the file's bytes
};

struct AttachmentInfo {
    std::int64_t id = 0;
    std::int64_t exercise_id = 0;
    std::optional<std::int64_t> organisation_id;  // owner organisation; nullopt = staff-owned
    std::string ministry_code;                    // of the owner organisation ("" when staff-owned)
    AttachmentVisibility visibility = AttachmentVisibility::kOwner;
    std::string filename;
    std::string content_type;
    std::int64_t size_bytes = 0;
    std::optional<std::int64_t> uploaded_by;
    std::string created_at;
};

struct AttachmentFile {
    AttachmentInfo info;
    std::string content;
};

// {"id","filename","content_type","size_bytes","visibility","organisation_id","created_at","url"}.
nlohmann::json AttachmentJson(const AttachmentInfo& info);
// "/api/exercises/{exercise_id}/attachments/{id}".
std::string AttachmentUrl(std::int64_t exercise_id, std::int64_t attachment_id);

// The read rule described above (administrators count as organisers).
bool CanViewAttachment(const Principal& principal, const AttachmentInfo& info);

class AttachmentStore {
  public:
    AttachmentStore(const Clock& clock, const audit::AuditLog& audit) : clock_(clock), audit_(audit) {}

    // Validates and stores a file inside the caller's write transaction, visibility kOwner.
    // Errors: kPayloadTooLarge "content" over 5 MiB; kInvalidArgument "content" (empty),
    // "filename", "content_type" (not allowed / contradicts the bytes); kNotFound
    // "organisation_id" when the organisation is not in the exercise.
    Result<AttachmentInfo> Store(db::Connection& connection, std::int64_t exercise_id,
                                 std::optional<std::int64_t> organisation_id, const AttachmentUpload& upload,
                                 const audit::Actor& actor) const;

    // kNotFound "attachment_id" when it does not exist in the exercise.
    Result<AttachmentInfo> Info(db::Connection& connection, std::int64_t exercise_id, std::int64_t attachment_id) const;
    Result<AttachmentFile> Load(db::Connection& connection, std::int64_t exercise_id, std::int64_t attachment_id) const;

    // An attachment that the writer may link to an object of `organisation_id`
    // (nullopt: a staff object such as a media item): it must exist in the exercise and
    // be owned by that organisation (or be staff-owned, for staff objects).
    // kNotFound "attachment_id" otherwise, so that nobody links another's file.
    Result<AttachmentInfo> RequireAttachable(db::Connection& connection, std::int64_t exercise_id,
                                             std::int64_t attachment_id,
                                             std::optional<std::int64_t> organisation_id) const;

    // Widens or narrows who may read it (see above). Inside the caller's transaction.
    Status SetVisibility(db::Connection& connection, std::int64_t exercise_id, std::int64_t attachment_id,
                         AttachmentVisibility visibility) const;

  private:
    const Clock& clock_;
    const audit::AuditLog& audit_;
};

}  // namespace enshu::world
