#include "world/queue_service.hpp"

#include <algorithm>
#include <set>

#include "exercise/field_validation.hpp"
#include "live/clock_repository.hpp"
#include "world/attachment_store.hpp"
#include "world/desk_repository.hpp"
#include "world/incident_report_repository.hpp"
#include "world/queue_events.hpp"
#include "world/queue_rate_limit.hpp"

namespace enshu::world {
namespace {

constexpr std::size_t kMaxBodyCharacters = 8000;
constexpr std::size_t kMaxBulkCases = 50;

CaseFacts FactsOf(const DeskCase& desk_case) {
    return {desk_case.desk_kind, desk_case.desk_code, desk_case.organisation_id, desk_case.ministry_code};
}

Assignment AssignmentOf(const DeskCase& desk_case, std::int64_t user_id) {
    if (!desk_case.assignee_user_id) return Assignment::kNobody;
    return *desk_case.assignee_user_id == user_id ? Assignment::kCaller : Assignment::kSomeoneElse;
}

tl::unexpected<Error> CaseNotFound() { return Fail(ErrorCode::kNotFound, "no such case", "case_id"); }

}  // namespace

nlohmann::json CaseDetailJson(const CaseDetail& detail) {
    nlohmann::json json = CaseJson(detail.desk_case);
    nlohmann::json messages = nlohmann::json::array();
    for (const auto& message : detail.messages) messages.push_back(MessageJson(message, detail.desk_case.exercise_id));
    json["messages"] = std::move(messages);
    json["report"] = detail.report;
    nlohmann::json templates = nlohmann::json::array();
    for (const auto& reply_template : detail.templates) templates.push_back(ReplyTemplateJson(reply_template));
    json["templates"] = std::move(templates);
    return json;
}

Status ValidateCaseAction(const CaseActionInput& input) {
    if (input.attachment_id && input.action != QueueAction::kInbound) {
        return Fail(ErrorCode::kInvalidArgument, "attachment_id: only the organisation's messages carry files",
                    "attachment_id");
    }
    switch (input.action) {
        case QueueAction::kClaim:
        case QueueAction::kClose:
            return Ok();
        case QueueAction::kReply:
        case QueueAction::kAskBack:
        case QueueAction::kNote:
        case QueueAction::kInbound:
            if (auto error =
                    exercise::CheckText(input.body, "body", 1, kMaxBodyCharacters, exercise::TextLines::kMultiple)) {
                return tl::unexpected(*error);
            }
            return Ok();
        case QueueAction::kAcknowledge:
        case QueueAction::kHandover:
            if (auto error =
                    exercise::CheckText(input.body, "body", 0, kMaxBodyCharacters, exercise::TextLines::kMultiple)) {
                return tl::unexpected(*error);
            }
            if (input.action == QueueAction::kHandover && !input.assignee_user_id) {
                return Fail(ErrorCode::kInvalidArgument, "assignee_user_id is required for a hand-over",
                            "assignee_user_id");
            }
            return Ok();
    }
    return Ok();
}

QueueService::QueueService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                           const live::EventLog& events, live::ScenarioSource& scenarios)
    : database_(database), clock_(clock), audit_(audit), events_(events), scenarios_(scenarios) {}

Result<std::vector<scenario::Scene>> QueueService::Scenes(std::int64_t exercise_id) {
    auto snapshot = scenarios_.Load(exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    return (*snapshot)->master.scenes;
}

Result<CasePage> QueueService::List(const QueueViewer& viewer, const CaseFilter& filter) {
    if (filter.page < 1) return Fail(ErrorCode::kInvalidArgument, "page must be at least 1", "page");
    if (filter.page_size < 1 || filter.page_size > 200) {
        return Fail(ErrorCode::kInvalidArgument, "page_size must be 1..200", "page_size");
    }
    if (!filter.state.empty() && filter.state != "open" && !ParseQueueState(filter.state)) {
        return Fail(ErrorCode::kInvalidArgument, "state must be open, new, claimed, waiting, answered or closed",
                    "state");
    }
    if (!filter.kind.empty() && filter.kind != "inquiry" && filter.kind != "report") {
        return Fail(ErrorCode::kInvalidArgument, "kind must be inquiry or report", "kind");
    }
    CasePage page;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto listed = ListCases(connection, viewer, filter);
        if (!listed) return tl::unexpected(listed.error());
        page = std::move(*listed);
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return page;
}

Result<CaseDetail> QueueService::Get(const QueueViewer& viewer, std::int64_t case_id) {
    CaseDetail detail;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto loaded = LoadCase(connection, viewer.exercise_id, case_id);
        if (!loaded) return tl::unexpected(loaded.error());
        if (!MaySeeCase(viewer, FactsOf(*loaded))) return CaseNotFound();
        detail.desk_case = std::move(*loaded);
        auto messages =
            LoadMessages(connection, case_id,
                         SeesInternalMessages(viewer) ? InternalMessages::kInclude : InternalMessages::kExclude);
        if (!messages) return tl::unexpected(messages.error());
        detail.messages = std::move(*messages);
        if (detail.desk_case.report_id) {
            auto report = LoadReportJson(connection, viewer.exercise_id, *detail.desk_case.report_id);
            if (!report) return tl::unexpected(report.error());
            detail.report = std::move(*report);
        }
        if (MayActAsStaff(viewer, FactsOf(detail.desk_case))) {
            auto templates = LoadReplyTemplates(connection, detail.desk_case.desk_id);
            if (!templates) return tl::unexpected(templates.error());
            detail.templates = std::move(*templates);
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return detail;
}

Status QueueService::ApplyInTransaction(db::Connection& connection, const QueueViewer& viewer, std::int64_t case_id,
                                        const CaseActionInput& input, const std::vector<scenario::Scene>& scenes,
                                        const audit::Actor& actor, DeskCase& out) {
    auto loaded = LoadCase(connection, viewer.exercise_id, case_id);
    if (!loaded) return tl::unexpected(loaded.error());
    DeskCase desk_case = std::move(*loaded);
    const CaseFacts facts = FactsOf(desk_case);
    if (!MaySeeCase(viewer, facts)) return CaseNotFound();
    const bool inbound = input.action == QueueAction::kInbound;
    if (inbound && viewer.role != ViewerRole::kOrganisation) {
        return Fail(ErrorCode::kForbidden, "only the organisation writes inbound messages", "action");
    }
    if (!inbound && !MayActAsStaff(viewer, facts)) {
        return Fail(ErrorCode::kForbidden, "your role may read this case but not act on it", "action");
    }
    const std::int64_t now_us = live::MicrosOf(clock_.Now());
    if (inbound) {
        if (auto s = CheckSubmissionRate(connection, viewer.user_id, now_us); !s) return s;
        if (input.attachment_id) {
            AttachmentStore attachments(clock_, audit_);
            auto attachable = attachments.RequireAttachable(connection, viewer.exercise_id, *input.attachment_id,
                                                            desk_case.organisation_id);
            if (!attachable) return tl::unexpected(attachable.error());
        }
    }
    auto next = NextQueueState(desk_case.state, input.action, AssignmentOf(desk_case, viewer.user_id));
    if (!next) return tl::unexpected(next.error());

    std::optional<std::int64_t> assignee = desk_case.assignee_user_id;
    std::string handover_label;
    if (input.action == QueueAction::kClaim) assignee = viewer.user_id;
    if (IsReplyToOrganisation(input.action) && !assignee) assignee = viewer.user_id;
    if (input.action == QueueAction::kHandover) {
        auto allowed = IsDeskStaffMember(connection, viewer.exercise_id, *input.assignee_user_id, desk_case.desk_kind,
                                         desk_case.desk_code);
        if (!allowed) return tl::unexpected(allowed.error());
        if (!*allowed) {
            return Fail(ErrorCode::kInvalidArgument, "assignee_user_id: that user may not serve this desk",
                        "assignee_user_id");
        }
        assignee = input.assignee_user_id;
        auto name = UserName(connection, *assignee);
        if (!name) return tl::unexpected(name.error());
        handover_label = *name;
    }

    auto stamp = StampAt(connection, viewer.exercise_id, scenes, now_us);
    if (!stamp) return tl::unexpected(stamp.error());
    std::optional<CaseMessage> message;
    if (auto kind = MessageKindOf(input.action)) {
        std::string body = input.body;
        if (input.action == QueueAction::kHandover) {
            body = "→ " + handover_label + (input.body.empty() ? std::string() : "\n" + input.body);
        }
        auto inserted = InsertMessage(connection, case_id, std::string(*kind), viewer.user_id, viewer.label, body,
                                      input.attachment_id, *stamp);
        if (!inserted) return tl::unexpected(inserted.error());
        message = std::move(*inserted);
    }
    const std::optional<std::int64_t> reply_at =
        IsReplyToOrganisation(input.action) ? std::optional<std::int64_t>(now_us) : std::nullopt;
    if (auto s = UpdateCase(connection, case_id, *next, assignee, reply_at, now_us); !s) return s;
    auto updated = LoadCase(connection, viewer.exercise_id, case_id);
    if (!updated) return tl::unexpected(updated.error());
    out = std::move(*updated);
    const std::string type = message ? "case.message" : "case.updated";
    if (auto s = AppendCaseEvent(connection, events_, type, out, message, now_us); !s) return s;
    nlohmann::json after = {{"state", QueueStateName(out.state)},
                            {"assignee_user_id", assignee ? nlohmann::json(*assignee) : nlohmann::json(nullptr)}};
    if (message) after["message_id"] = message->id;
    audit::AuditEntry entry{
        viewer.exercise_id,      "case." + std::string(QueueActionName(input.action)), "desk_case",
        std::to_string(case_id), {{"state", QueueStateName(desk_case.state)}},         std::move(after)};
    return audit_.Append(connection, actor, entry);
}

Result<CaseDetail> QueueService::Act(const QueueViewer& viewer, std::int64_t case_id, const CaseActionInput& input,
                                     const audit::Actor& actor) {
    if (auto valid = ValidateCaseAction(input); !valid) return tl::unexpected(valid.error());
    auto scenes = Scenes(viewer.exercise_id);
    if (!scenes) return tl::unexpected(scenes.error());
    DeskCase changed;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        return ApplyInTransaction(connection, viewer, case_id, input, *scenes, actor, changed);
    });
    if (!written) return tl::unexpected(written.error());
    return Get(viewer, case_id);
}

Result<std::vector<DeskCase>> QueueService::BulkReply(const QueueViewer& viewer,
                                                      const std::vector<std::int64_t>& case_ids,
                                                      const std::string& body, const audit::Actor& actor) {
    if (case_ids.empty() || case_ids.size() > kMaxBulkCases) {
        return Fail(ErrorCode::kInvalidArgument, "case_ids: 1 to 50 cases", "case_ids");
    }
    if (std::set<std::int64_t>(case_ids.begin(), case_ids.end()).size() != case_ids.size()) {
        return Fail(ErrorCode::kInvalidArgument, "case_ids: a case is listed twice", "case_ids");
    }
    CaseActionInput input{QueueAction::kReply, body, std::nullopt, std::nullopt};
    if (auto valid = ValidateCaseAction(input); !valid) return tl::unexpected(valid.error());
    auto scenes = Scenes(viewer.exercise_id);
    if (!scenes) return tl::unexpected(scenes.error());
    std::vector<DeskCase> changed;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        for (std::int64_t case_id : case_ids) {
            DeskCase one;
            auto applied = ApplyInTransaction(connection, viewer, case_id, input, *scenes, actor, one);
            if (!applied) {
                Error error = applied.error();
                error.message = "case " + std::to_string(case_id) + ": " + error.message;
                if (error.code == ErrorCode::kNotFound) error.field = "case_ids";
                return tl::unexpected(error);
            }
            changed.push_back(std::move(one));
        }
        return Ok();
    });
    if (!written) return tl::unexpected(written.error());
    return changed;
}

}  // namespace enshu::world
