#include "world/attachment_store.hpp"

#include <string_view>

#include "world/attachment_type.hpp"

namespace enshu::world {
namespace {

constexpr std::string_view kOrganisationInExercise = "SELECT 1 FROM organisation WHERE id = $1 AND exercise_id = $2";
// CAST AS BLOB: the bytes are bound as text (db::Value) and stored as a BLOB unchanged.
constexpr std::string_view kInsertAttachment =
    "INSERT INTO attachment (exercise_id, organisation_id, visibility, filename, content_type, size_bytes, content, "
    "uploaded_by, created_at) VALUES ($1, $2, 'owner', $3, $4, $5, CAST($6 AS BLOB), $7, $8) RETURNING id";
constexpr std::string_view kSelectInfo =
    "SELECT a.id, a.exercise_id, a.organisation_id, COALESCE(o.ministry_code, ''), a.visibility, a.filename, "
    "a.content_type, a.size_bytes, a.uploaded_by, a.created_at FROM attachment a "
    "LEFT JOIN organisation o ON o.id = a.organisation_id WHERE a.id = $1 AND a.exercise_id = $2";
constexpr std::string_view kSelectContent = "SELECT content FROM attachment WHERE id = $1 AND exercise_id = $2";
constexpr std::string_view kUpdateVisibility =
    "UPDATE attachment SET visibility = $3 WHERE id = $1 AND exercise_id = $2";

std::string_view VisibilityName(AttachmentVisibility visibility) {
    return visibility == AttachmentVisibility::kExercise ? "exercise" : "owner";
}

Status NotFound() { return Fail(ErrorCode::kNotFound, "no such attachment", "attachment_id"); }

}  // namespace

std::string AttachmentUrl(std::int64_t exercise_id, std::int64_t attachment_id) {
    return "/api/exercises/" + std::to_string(exercise_id) + "/attachments/" + std::to_string(attachment_id);
}

nlohmann::json AttachmentJson(const AttachmentInfo& info) {
    return {{"id", info.id},
            {"filename", info.filename},
            {"content_type", info.content_type},
            {"size_bytes", info.size_bytes},
            {"visibility", VisibilityName(info.visibility)},
            {"organisation_id", info.organisation_id ? nlohmann::json(*info.organisation_id) : nlohmann::json(nullptr)},
            {"created_at", info.created_at},
            {"url", AttachmentUrl(info.exercise_id, info.id)}};
}

bool CanViewAttachment(const Principal& principal, const AttachmentInfo& info) {
    if (!principal.IsMember(info.exercise_id) && !principal.is_admin) return false;
    if (info.visibility == AttachmentVisibility::kExercise) return true;
    if (info.organisation_id) {
        return CanViewOrganisation(principal, {info.exercise_id, *info.organisation_id, info.ministry_code});
    }
    return principal.IsOrganiser(info.exercise_id) || principal.HasRole(info.exercise_id, Role::kController) ||
           principal.HasRole(info.exercise_id, Role::kObserver);
}

Result<AttachmentInfo> AttachmentStore::Store(db::Connection& connection, std::int64_t exercise_id,
                                              std::optional<std::int64_t> organisation_id,
                                              const AttachmentUpload& upload, const audit::Actor& actor) const {
    if (upload.content.empty()) return Fail(ErrorCode::kInvalidArgument, "content: the file is empty", "content");
    if (upload.content.size() > kMaxAttachmentBytes) {
        return Fail(ErrorCode::kPayloadTooLarge,
                    "content: " + std::to_string(upload.content.size()) + " bytes exceed the limit of " +
                        std::to_string(kMaxAttachmentBytes) + " bytes (5 MiB)",
                    "content");
    }
    auto filename = SafeFilename(upload.filename);
    if (!filename) return tl::unexpected(filename.error());
    auto content_type = ResolveContentType(upload.declared_type, upload.content);
    if (!content_type) return tl::unexpected(content_type.error());
    if (organisation_id) {
        auto exists = connection.QueryOne(kOrganisationInExercise, {*organisation_id, exercise_id});
        if (!exists) return tl::unexpected(exists.error());
        if (!*exists) return Fail(ErrorCode::kNotFound, "no such organisation", "organisation_id");
    }
    const std::string created_at = FormatTimestamp(clock_.Now());
    auto inserted = connection.QueryOne(
        kInsertAttachment, {exercise_id, organisation_id ? db::Value(*organisation_id) : db::Value(), *filename,
                            *content_type, static_cast<std::int64_t>(upload.content.size()), upload.content,
                            actor.user_id ? db::Value(*actor.user_id) : db::Value(), created_at});
    if (!inserted) return tl::unexpected(inserted.error());
    const std::int64_t id = (*inserted)->Int(0);
    audit::AuditEntry entry{exercise_id,
                            "attachment.upload",
                            "attachment",
                            std::to_string(id),
                            nullptr,
                            nlohmann::json{{"filename", *filename},
                                           {"content_type", *content_type},
                                           {"size_bytes", upload.content.size()},
                                           {"organisation_id", organisation_id ? nlohmann::json(*organisation_id)
                                                                               : nlohmann::json(nullptr)}}};
    if (auto audited = audit_.Append(connection, actor, entry); !audited) return tl::unexpected(audited.error());
    return Info(connection, exercise_id, id);
}

Result<AttachmentInfo> AttachmentStore::Info(db::Connection& connection, std::int64_t exercise_id,
                                             std::int64_t attachment_id) const {
    auto row = connection.QueryOne(kSelectInfo, {attachment_id, exercise_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return tl::unexpected(NotFound().error());
    const db::Row& r = **row;
    AttachmentInfo info;
    info.id = r.Int(0);
    info.exercise_id = r.Int(1);
    info.organisation_id = r.OptionalInt(2);
    info.ministry_code = r.Text(3);
    info.visibility = r.Text(4) == "exercise" ? AttachmentVisibility::kExercise : AttachmentVisibility::kOwner;
    info.filename = r.Text(5);
    info.content_type = r.Text(6);
    info.size_bytes = r.Int(7);
    info.uploaded_by = r.OptionalInt(8);
    info.created_at = r.Text(9);
    return info;
}

Result<AttachmentFile> AttachmentStore::Load(db::Connection& connection, std::int64_t exercise_id,
                                             std::int64_t attachment_id) const {
    auto info = Info(connection, exercise_id, attachment_id);
    if (!info) return tl::unexpected(info.error());
    auto row = connection.QueryOne(kSelectContent, {attachment_id, exercise_id});
    if (!row) return tl::unexpected(row.error());
    if (!*row) return tl::unexpected(NotFound().error());
    return AttachmentFile{std::move(*info), (*row)->Text(0)};
}

Result<AttachmentInfo> AttachmentStore::RequireAttachable(db::Connection& connection, std::int64_t exercise_id,
                                                          std::int64_t attachment_id,
                                                          std::optional<std::int64_t> organisation_id) const {
    auto info = Info(connection, exercise_id, attachment_id);
    if (!info) return tl::unexpected(info.error());
    if (info->organisation_id != organisation_id) return tl::unexpected(NotFound().error());
    return info;
}

Status AttachmentStore::SetVisibility(db::Connection& connection, std::int64_t exercise_id, std::int64_t attachment_id,
                                      AttachmentVisibility visibility) const {
    auto changed =
        connection.Execute(kUpdateVisibility, {attachment_id, exercise_id, std::string(VisibilityName(visibility))});
    if (!changed) return tl::unexpected(changed.error());
    if (*changed == 0) return NotFound();
    return Ok();
}

}  // namespace enshu::world
