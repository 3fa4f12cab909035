#include "world/desk_service.hpp"

#include "live/clock_repository.hpp"
#include "world/desk_repository.hpp"
#include "world/desk_time.hpp"

namespace enshu::world {
namespace {

nlohmann::json AuditSummary(const DeskInput& input) {
    return {{"kind", DeskKindName(input.kind)},
            {"code", input.code},
            {"name_ja", input.name_ja},
            {"name_en", input.name_en},
            {"categories", input.categories.size()},
            {"notices", input.notices.size()},
            {"staff_user_ids", input.staff_user_ids}};
}

DeskInput InputOf(const Desk& desk) {
    return {desk.kind,  desk.code,       desk.name_ja, desk.name_en,
            desk.intro, desk.categories, desk.notices, desk.staff_user_ids};
}

}  // namespace

bool MaySeeDesk(const QueueViewer& viewer, const Desk& desk, const std::string& organisation_sector,
                const std::string& organisation_ministry) {
    if (viewer.role != ViewerRole::kOrganisation) return true;
    OrganisationFacts facts{viewer.organisation_id.value_or(0), "", organisation_sector, organisation_ministry};
    return DeskServesOrganisation(desk.kind, desk.code, facts);
}

DeskService::DeskService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                         const live::EventLog* events)
    : database_(database), clock_(clock), audit_(audit), events_(events) {}

Status DeskService::AnnounceDesk(db::Connection& connection, std::int64_t exercise_id, std::int64_t desk_id) {
    if (events_ == nullptr) return Ok();
    live::LiveEvent event;
    event.exercise_id = exercise_id;
    event.type = "desk.updated";
    event.audience.everyone = true;
    event.released_at_us = live::MicrosOf(clock_.Now());
    event.payload_json = nlohmann::json({{"desk_id", desk_id}}).dump();
    return events_->Append(connection, event);
}

Result<std::vector<Desk>> DeskService::List(const QueueViewer& viewer, const audit::Actor& actor) {
    std::vector<Desk> desks;
    OrganisationFacts organisation;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto loaded = LoadDesks(connection, viewer.exercise_id);
        if (!loaded) return tl::unexpected(loaded.error());
        desks = std::move(*loaded);
        if (viewer.organisation_id) {
            auto facts = LoadOrganisationFacts(connection, viewer.exercise_id, *viewer.organisation_id);
            if (!facts) return tl::unexpected(facts.error());
            organisation = *facts;
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    if (desks.empty()) {
        auto created = UseDefaults(viewer.exercise_id, actor);
        if (!created) return tl::unexpected(created.error());
        desks = std::move(*created);
    }
    std::vector<Desk> visible;
    for (auto& desk : desks) {
        if (MaySeeDesk(viewer, desk, organisation.sector_code, organisation.ministry_code)) {
            visible.push_back(std::move(desk));
        }
    }
    return visible;
}

Result<Desk> DeskService::Get(const QueueViewer& viewer, std::int64_t desk_id) {
    Desk desk;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto loaded = LoadDesk(connection, viewer.exercise_id, desk_id);
        if (!loaded) return tl::unexpected(loaded.error());
        desk = std::move(*loaded);
        if (viewer.organisation_id) {
            auto facts = LoadOrganisationFacts(connection, viewer.exercise_id, *viewer.organisation_id);
            if (!facts) return tl::unexpected(facts.error());
            if (!MaySeeDesk(viewer, desk, facts->sector_code, facts->ministry_code)) {
                return Fail(ErrorCode::kNotFound, "no such desk", "desk_id");
            }
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return desk;
}

Result<std::vector<Desk>> DeskService::UseDefaults(std::int64_t exercise_id, const audit::Actor& actor) {
    std::vector<Desk> desks;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        const std::string now = FormatTimestamp(clock_.Now());
        nlohmann::json created = nlohmann::json::array();
        for (const std::string& code : DefaultAgencyCodes()) {
            auto desk = EnsureDesk(connection, exercise_id, DeskKind::kAgency, code, now);
            if (!desk) return tl::unexpected(desk.error());
            if (desk->created) {
                created.push_back(code);
                if (auto s = AnnounceDesk(connection, exercise_id, desk->id); !s) return s;
            }
        }
        auto loaded = LoadDesks(connection, exercise_id);
        if (!loaded) return tl::unexpected(loaded.error());
        desks = std::move(*loaded);
        if (created.empty()) return Ok();
        audit::AuditEntry entry{exercise_id, "desk.defaults",       "exercise", std::to_string(exercise_id),
                                nullptr,     {{"created", created}}};
        return audit_.Append(connection, actor, entry);
    });
    if (!written) return tl::unexpected(written.error());
    return desks;
}

Result<Desk> DeskService::Create(std::int64_t exercise_id, const DeskInput& input, const audit::Actor& actor) {
    Desk desk;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        if (auto names = ReferenceDeskNames(connection, input.kind, input.code); !names) {
            return tl::unexpected(names.error());
        }
        if (auto s = CheckDeskStaff(connection, exercise_id, input); !s) return s;
        auto id = InsertDesk(connection, exercise_id, input, FormatTimestamp(clock_.Now()));
        if (!id) return tl::unexpected(id.error());
        auto loaded = LoadDesk(connection, exercise_id, *id);
        if (!loaded) return tl::unexpected(loaded.error());
        desk = std::move(*loaded);
        if (auto s = AnnounceDesk(connection, exercise_id, desk.id); !s) return s;
        audit::AuditEntry entry{exercise_id, "desk.create",      "desk", std::to_string(desk.id),
                                nullptr,     AuditSummary(input)};
        return audit_.Append(connection, actor, entry);
    });
    if (!written) return tl::unexpected(written.error());
    return desk;
}

Result<Desk> DeskService::Update(std::int64_t exercise_id, std::int64_t desk_id, const DeskInput& input,
                                 const audit::Actor& actor) {
    Desk desk;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto before = LoadDesk(connection, exercise_id, desk_id);
        if (!before) return tl::unexpected(before.error());
        DeskInput complete = input;
        complete.kind = before->kind;
        complete.code = before->code;
        if (auto s = CheckDeskStaff(connection, exercise_id, complete); !s) return s;
        if (auto s = UpdateDesk(connection, desk_id, complete, FormatTimestamp(clock_.Now())); !s) return s;
        auto loaded = LoadDesk(connection, exercise_id, desk_id);
        if (!loaded) return tl::unexpected(loaded.error());
        desk = std::move(*loaded);
        if (auto s = AnnounceDesk(connection, exercise_id, desk_id); !s) return s;
        auto [changed_before, changed_after] =
            audit::ChangedFields(AuditSummary(InputOf(*before)), AuditSummary(complete));
        audit::AuditEntry entry{exercise_id,
                                "desk.update",
                                "desk",
                                std::to_string(desk_id),
                                std::move(changed_before),
                                std::move(changed_after)};
        return audit_.Append(connection, actor, entry);
    });
    if (!written) return tl::unexpected(written.error());
    return desk;
}

Status DeskService::Delete(std::int64_t exercise_id, std::int64_t desk_id, const audit::Actor& actor) {
    return database_.Write([&](db::Connection& connection) -> Status {
        auto before = LoadDesk(connection, exercise_id, desk_id);
        if (!before) return tl::unexpected(before.error());
        if (auto s = DeleteDesk(connection, desk_id); !s) return s;
        if (auto s = AnnounceDesk(connection, exercise_id, desk_id); !s) return s;
        audit::AuditEntry entry{
            exercise_id, "desk.delete", "desk", std::to_string(desk_id), AuditSummary(InputOf(*before)), nullptr};
        return audit_.Append(connection, actor, entry);
    });
}

Result<Desk> DeskService::RequireStaffDesk(db::Connection& connection, const QueueViewer& viewer,
                                           std::int64_t desk_id) {
    auto desk = LoadDesk(connection, viewer.exercise_id, desk_id);
    if (!desk) return tl::unexpected(desk.error());
    const bool allowed = viewer.role == ViewerRole::kDeskStaff ||
                         (viewer.role == ViewerRole::kMinistry && desk->kind == DeskKind::kMinistry &&
                          desk->code == viewer.ministry_code);
    if (!allowed) return Fail(ErrorCode::kNotFound, "no such desk", "desk_id");
    return desk;
}

Result<std::vector<ReplyTemplate>> DeskService::Templates(const QueueViewer& viewer, std::int64_t desk_id) {
    std::vector<ReplyTemplate> templates;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        if (auto desk = RequireStaffDesk(connection, viewer, desk_id); !desk) return tl::unexpected(desk.error());
        auto loaded = LoadReplyTemplates(connection, desk_id);
        if (!loaded) return tl::unexpected(loaded.error());
        templates = std::move(*loaded);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return templates;
}

Result<ReplyTemplate> DeskService::AddTemplate(const QueueViewer& viewer, std::int64_t desk_id,
                                               const ReplyTemplate& input, const audit::Actor& actor) {
    ReplyTemplate stored;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        if (auto desk = RequireStaffDesk(connection, viewer, desk_id); !desk) return tl::unexpected(desk.error());
        auto inserted = InsertReplyTemplate(connection, desk_id, input, viewer.user_id, FormatTimestamp(clock_.Now()));
        if (!inserted) return tl::unexpected(inserted.error());
        stored = std::move(*inserted);
        audit::AuditEntry entry{viewer.exercise_id,
                                "desk_template.create",
                                "desk_reply_template",
                                std::to_string(stored.id),
                                nullptr,
                                {{"desk_id", desk_id}, {"title", stored.title}}};
        return audit_.Append(connection, actor, entry);
    });
    if (!written) return tl::unexpected(written.error());
    return stored;
}

Status DeskService::DeleteTemplate(const QueueViewer& viewer, std::int64_t desk_id, std::int64_t template_id,
                                   const audit::Actor& actor) {
    return database_.Write([&](db::Connection& connection) -> Status {
        if (auto desk = RequireStaffDesk(connection, viewer, desk_id); !desk) return tl::unexpected(desk.error());
        if (auto s = DeleteReplyTemplate(connection, desk_id, template_id); !s) return s;
        audit::AuditEntry entry{viewer.exercise_id,          "desk_template.delete", "desk_reply_template",
                                std::to_string(template_id), {{"desk_id", desk_id}}, nullptr};
        return audit_.Append(connection, actor, entry);
    });
}

}  // namespace enshu::world
