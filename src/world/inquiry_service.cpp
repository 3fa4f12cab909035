#include "world/inquiry_service.hpp"

#include <algorithm>

#include "exercise/field_validation.hpp"
#include "live/clock_repository.hpp"
#include "world/attachment_store.hpp"
#include "world/desk_repository.hpp"
#include "world/queue_events.hpp"
#include "world/queue_rate_limit.hpp"
#include "world/queue_repository.hpp"

namespace enshu::world {
namespace {

Result<std::string> Text(const nlohmann::json& body, const char* member, std::size_t min, std::size_t max,
                         exercise::TextLines lines) {
    auto value = exercise::OptionalString(body, member, member);
    if (!value) return tl::unexpected(value.error());
    const std::string text = value->value_or("");
    if (auto error = exercise::CheckText(text, member, min, max, lines)) return tl::unexpected(*error);
    return text;
}

}  // namespace

Result<InquiryInput> ParseInquiryInput(const nlohmann::json& body) {
    if (!body.is_object()) return Fail(ErrorCode::kInvalidArgument, "body: expected a JSON object", "body");
    if (auto s = exercise::RejectUnknownMembers(
            body, {"category", "urgency", "subject", "body", "contact_name", "contact_detail", "attachment_id"}, {});
        !s) {
        return tl::unexpected(s.error());
    }
    InquiryInput input;
    using exercise::TextLines;
    auto category = Text(body, "category", 1, 32, TextLines::kSingle);
    if (!category) return tl::unexpected(category.error());
    auto urgency = exercise::OptionalString(body, "urgency", "urgency");
    if (!urgency) return tl::unexpected(urgency.error());
    input.urgency = urgency->value_or("normal");
    if (input.urgency != "low" && input.urgency != "normal" && input.urgency != "high") {
        return Fail(ErrorCode::kInvalidArgument, "urgency must be low, normal or high", "urgency");
    }
    auto subject = Text(body, "subject", 1, 200, TextLines::kSingle);
    if (!subject) return tl::unexpected(subject.error());
    auto text = Text(body, "body", 1, 8000, TextLines::kMultiple);
    if (!text) return tl::unexpected(text.error());
    auto contact_name = Text(body, "contact_name", 0, 100, TextLines::kSingle);
    if (!contact_name) return tl::unexpected(contact_name.error());
    auto contact_detail = Text(body, "contact_detail", 0, 200, TextLines::kSingle);
    if (!contact_detail) return tl::unexpected(contact_detail.error());
    input.category = *category;
    input.subject = *subject;
    input.body = *text;
    input.contact_name = *contact_name;
    input.contact_detail = *contact_detail;
    auto attachment = exercise::OptionalInteger(body, "attachment_id", "attachment_id");
    if (!attachment) return tl::unexpected(attachment.error());
    input.attachment_id = *attachment;
    return input;
}

InquiryService::InquiryService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                               const live::EventLog& events, live::ScenarioSource& scenarios)
    : database_(database), clock_(clock), audit_(audit), events_(events), scenarios_(scenarios) {}

Result<DeskCase> InquiryService::Create(const QueueViewer& viewer, std::int64_t desk_id, const InquiryInput& input,
                                        const audit::Actor& actor) {
    if (viewer.role != ViewerRole::kOrganisation || !viewer.organisation_id || !viewer.person_id) {
        return Fail(ErrorCode::kForbidden, "only organisation people send inquiries");
    }
    auto snapshot = scenarios_.Load(viewer.exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    DeskCase created;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto desk = LoadDesk(connection, viewer.exercise_id, desk_id);
        if (!desk) return tl::unexpected(desk.error());
        auto organisation = LoadOrganisationFacts(connection, viewer.exercise_id, *viewer.organisation_id);
        if (!organisation) return tl::unexpected(organisation.error());
        if (!DeskServesOrganisation(desk->kind, desk->code, *organisation)) {
            return Fail(ErrorCode::kNotFound, "no such desk", "desk_id");
        }
        if (std::none_of(desk->categories.begin(), desk->categories.end(),
                         [&](const DeskCategory& category) { return category.code == input.category; })) {
            return Fail(ErrorCode::kInvalidArgument,
                        "category: '" + input.category + "' is not a category of this desk", "category");
        }
        const std::int64_t now_us = live::MicrosOf(clock_.Now());
        if (auto s = CheckSubmissionRate(connection, viewer.user_id, now_us); !s) return s;
        auto stamp = StampAt(connection, viewer.exercise_id, (*snapshot)->master.scenes, now_us);
        if (!stamp) return tl::unexpected(stamp.error());
        NewCase new_case;
        new_case.exercise_id = viewer.exercise_id;
        new_case.desk_id = desk_id;
        new_case.kind = CaseKind::kInquiry;
        new_case.organisation_id = *viewer.organisation_id;
        new_case.category = input.category;
        new_case.urgency = input.urgency;
        new_case.subject = input.subject;
        new_case.contact_name = input.contact_name;
        new_case.contact_detail = input.contact_detail;
        new_case.person_id = *viewer.person_id;
        new_case.user_id = viewer.user_id;
        auto case_id = InsertCase(connection, new_case, *stamp);
        if (!case_id) return tl::unexpected(case_id.error());
        if (input.attachment_id) {
            AttachmentStore attachments(clock_, audit_);
            auto attachable = attachments.RequireAttachable(connection, viewer.exercise_id, *input.attachment_id,
                                                            *viewer.organisation_id);
            if (!attachable) return tl::unexpected(attachable.error());
        }
        auto message = InsertMessage(connection, *case_id, "inbound", viewer.user_id, viewer.label, input.body,
                                     input.attachment_id, *stamp);
        if (!message) return tl::unexpected(message.error());
        auto loaded = LoadCase(connection, viewer.exercise_id, *case_id);
        if (!loaded) return tl::unexpected(loaded.error());
        created = std::move(*loaded);
        if (auto s = AppendCaseEvent(connection, events_, "case.created", created, *message, now_us); !s) return s;
        audit::AuditEntry entry{viewer.exercise_id,
                                "inquiry.create",
                                "desk_case",
                                std::to_string(created.id),
                                nullptr,
                                {{"desk_id", desk_id},
                                 {"organisation_id", created.organisation_id},
                                 {"category", input.category},
                                 {"subject", input.subject}}};
        return audit_.Append(connection, actor, entry);
    });
    if (!written) return tl::unexpected(written.error());
    return created;
}

}  // namespace enshu::world
