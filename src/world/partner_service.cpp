#include "world/partner_service.hpp"

#include <algorithm>
#include <set>
#include <string_view>

#include "exercise/field_validation.hpp"
#include "live/clock_repository.hpp"
#include "world/desk_repository.hpp"
#include "world/desk_time.hpp"
#include "world/queue_rate_limit.hpp"

namespace enshu::world {
namespace {

constexpr std::int64_t kMaxPartners = 200;

constexpr std::string_view kDeclared =
    "SELECT p.id, o.id, o.name, o.sector_code, p.relation, p.service FROM partner p JOIN organisation o ON o.id = "
    "p.partner_organisation_id WHERE p.exercise_id = $1 AND p.organisation_id = $2 ORDER BY o.name, p.relation";
constexpr std::string_view kDeclaredBy =
    "SELECT p.id, o.id, o.name, o.sector_code, p.relation, p.service FROM partner p JOIN organisation o ON o.id = "
    "p.organisation_id WHERE p.exercise_id = $1 AND p.partner_organisation_id = $2 ORDER BY o.name, p.relation";
constexpr std::string_view kCandidates =
    "SELECT id, name, sector_code FROM organisation WHERE exercise_id = $1 AND id <> $2 ORDER BY name, id";
constexpr std::string_view kCountPartners = "SELECT COUNT(*) FROM partner WHERE organisation_id = $1";
constexpr std::string_view kFindPartner =
    "SELECT id FROM partner WHERE organisation_id = $1 AND partner_organisation_id = $2 AND relation = $3";
constexpr std::string_view kInsertPartner =
    "INSERT INTO partner (exercise_id, organisation_id, partner_organisation_id, relation, service, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
constexpr std::string_view kSelectPartner =
    "SELECT partner_organisation_id, relation, service FROM partner WHERE id = $1 AND exercise_id = $2 "
    "AND organisation_id = $3";
constexpr std::string_view kDeletePartner = "DELETE FROM partner WHERE id = $1";
constexpr std::string_view kDeclaredOrganisations =
    "SELECT DISTINCT o.id, o.name FROM partner p JOIN organisation o ON o.id = p.partner_organisation_id "
    "WHERE p.exercise_id = $1 AND p.organisation_id = $2 ORDER BY o.id";
constexpr std::string_view kInsertNotice =
    "INSERT INTO partner_notice (exercise_id, organisation_id, subject, body, created_by_person_id, "
    "created_by_user_id, created_at_us, scenario_minutes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
constexpr std::string_view kInsertRecipient =
    "INSERT INTO partner_notice_recipient (notice_id, organisation_id) VALUES ($1, $2)";
constexpr std::string_view kNoticeColumns =
    "SELECT n.id, n.organisation_id, o.name, n.subject, n.body, n.created_at_us, n.scenario_minutes, "
    "(SELECT json_group_array(json_object('id', r.organisation_id, 'name', ro.name)) FROM partner_notice_recipient r "
    "JOIN organisation ro ON ro.id = r.organisation_id WHERE r.notice_id = n.id) "
    "FROM partner_notice n JOIN organisation o ON o.id = n.organisation_id ";
constexpr std::string_view kSentNotices =
    "WHERE n.exercise_id = $1 AND n.organisation_id = $2 ORDER BY n.id DESC LIMIT 200";
constexpr std::string_view kReceivedNotices =
    "WHERE n.exercise_id = $1 AND n.id IN (SELECT notice_id FROM partner_notice_recipient WHERE organisation_id = $2) "
    "ORDER BY n.id DESC LIMIT 200";

nlohmann::json PartnerRowJson(const db::Row& row) {
    return {{"id", row.Int(0)},
            {"organisation", {{"id", row.Int(1)}, {"name", row.Text(2)}, {"sector_code", row.Text(3)}}},
            {"relation", row.Text(4)},
            {"service", row.Text(5)}};
}

nlohmann::json NoticeRowJson(const db::Row& row) {
    auto to = nlohmann::json::parse(row.Text(7), nullptr, false);
    if (!to.is_array()) to = nlohmann::json::array();
    nlohmann::json json = {{"id", row.Int(0)},
                           {"from", {{"id", row.Int(1)}, {"name", row.Text(2)}}},
                           {"to", std::move(to)},
                           {"subject", row.Text(3)},
                           {"body", row.Text(4)}};
    AddStamp(json, "created", row.Int(5), row.IsNull(6) ? std::optional<double>() : std::optional<double>(row.Real(6)));
    return json;
}

Result<std::string> Text(const nlohmann::json& body, const char* member, std::size_t min, std::size_t max,
                         exercise::TextLines lines) {
    auto value = exercise::OptionalString(body, member, member);
    if (!value) return tl::unexpected(value.error());
    const std::string text = value->value_or("");
    if (auto error = exercise::CheckText(text, member, min, max, lines)) return tl::unexpected(*error);
    return text;
}

}  // namespace

Result<PartnerInput> ParsePartnerInput(const nlohmann::json& body) {
    if (!body.is_object()) return Fail(ErrorCode::kInvalidArgument, "body: expected a JSON object", "body");
    if (auto s = exercise::RejectUnknownMembers(body, {"partner_organisation_id", "relation", "service"}, {"id"}); !s) {
        return tl::unexpected(s.error());
    }
    PartnerInput input;
    auto id = exercise::OptionalInteger(body, "partner_organisation_id", "partner_organisation_id");
    if (!id) return tl::unexpected(id.error());
    if (!*id || **id <= 0) {
        return Fail(ErrorCode::kInvalidArgument, "partner_organisation_id is required", "partner_organisation_id");
    }
    input.partner_organisation_id = **id;
    auto relation = exercise::OptionalString(body, "relation", "relation");
    if (!relation) return tl::unexpected(relation.error());
    input.relation = relation->value_or("");
    if (input.relation != "customer" && input.relation != "supplier") {
        return Fail(ErrorCode::kInvalidArgument, "relation must be customer or supplier", "relation");
    }
    auto service = Text(body, "service", 0, 200, exercise::TextLines::kSingle);
    if (!service) return tl::unexpected(service.error());
    input.service = *service;
    return input;
}

Result<NoticeInput> ParseNoticeInput(const nlohmann::json& body) {
    if (!body.is_object()) return Fail(ErrorCode::kInvalidArgument, "body: expected a JSON object", "body");
    if (auto s = exercise::RejectUnknownMembers(body, {"partner_organisation_ids", "subject", "body"}, {}); !s) {
        return tl::unexpected(s.error());
    }
    NoticeInput input;
    auto ids = body.find("partner_organisation_ids");
    if (ids != body.end() && !ids->is_null()) {
        if (!ids->is_array() || ids->size() > static_cast<std::size_t>(kMaxPartners)) {
            return Fail(ErrorCode::kInvalidArgument, "partner_organisation_ids: an array of at most 200 ids",
                        "partner_organisation_ids");
        }
        for (const auto& id : *ids) {
            if (!id.is_number_integer()) {
                return Fail(ErrorCode::kInvalidArgument, "partner_organisation_ids: expected integers",
                            "partner_organisation_ids");
            }
            input.partner_organisation_ids.push_back(id.get<std::int64_t>());
        }
    }
    auto subject = Text(body, "subject", 1, 200, exercise::TextLines::kSingle);
    if (!subject) return tl::unexpected(subject.error());
    auto text = Text(body, "body", 1, 8000, exercise::TextLines::kMultiple);
    if (!text) return tl::unexpected(text.error());
    input.subject = *subject;
    input.body = *text;
    return input;
}

PartnerService::PartnerService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                               const live::EventLog& events, live::ScenarioSource& scenarios)
    : database_(database), clock_(clock), audit_(audit), events_(events), scenarios_(scenarios) {}

Result<nlohmann::json> PartnerService::List(std::int64_t exercise_id, std::int64_t organisation_id) {
    nlohmann::json answer = {{"declared", nlohmann::json::array()}, {"declared_by", nlohmann::json::array()}};
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto declared = connection.Query(kDeclared, {exercise_id, organisation_id});
        if (!declared) return tl::unexpected(declared.error());
        for (const db::Row& row : *declared) answer["declared"].push_back(PartnerRowJson(row));
        auto declared_by = connection.Query(kDeclaredBy, {exercise_id, organisation_id});
        if (!declared_by) return tl::unexpected(declared_by.error());
        for (const db::Row& row : *declared_by) answer["declared_by"].push_back(PartnerRowJson(row));
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return answer;
}

Result<nlohmann::json> PartnerService::Candidates(std::int64_t exercise_id, std::int64_t organisation_id) {
    nlohmann::json items = nlohmann::json::array();
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto rows = connection.Query(kCandidates, {exercise_id, organisation_id});
        if (!rows) return tl::unexpected(rows.error());
        for (const db::Row& row : *rows) {
            items.push_back({{"id", row.Int(0)}, {"name", row.Text(1)}, {"sector_code", row.Text(2)}});
        }
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return items;
}

Result<nlohmann::json> PartnerService::Declare(std::int64_t exercise_id, std::int64_t organisation_id,
                                               const PartnerInput& input, const audit::Actor& actor) {
    if (input.partner_organisation_id == organisation_id) {
        return Fail(ErrorCode::kInvalidArgument, "an organisation cannot be its own partner",
                    "partner_organisation_id");
    }
    nlohmann::json answer;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto partner = LoadOrganisationFacts(connection, exercise_id, input.partner_organisation_id);
        if (!partner) return Fail(ErrorCode::kNotFound, "no such organisation", "partner_organisation_id");
        auto count = connection.QueryOne(kCountPartners, {organisation_id});
        if (!count) return tl::unexpected(count.error());
        if ((*count)->Int(0) >= kMaxPartners) {
            return Fail(ErrorCode::kConflict, "at most 200 partners per organisation", "partner_organisation_id");
        }
        auto existing =
            connection.QueryOne(kFindPartner, {organisation_id, input.partner_organisation_id, input.relation});
        if (!existing) return tl::unexpected(existing.error());
        if (*existing) {
            return Fail(ErrorCode::kConflict, "this partner is already declared with that relation",
                        "partner_organisation_id");
        }
        auto id = connection.QueryOne(kInsertPartner, {exercise_id, organisation_id, input.partner_organisation_id,
                                                       input.relation, input.service, FormatTimestamp(clock_.Now())});
        if (!id) return tl::unexpected(id.error());
        answer = {
            {"id", (*id)->Int(0)},
            {"organisation", {{"id", partner->id}, {"name", partner->name}, {"sector_code", partner->sector_code}}},
            {"relation", input.relation},
            {"service", input.service}};
        audit::AuditEntry entry{exercise_id,
                                "partner.create",
                                "partner",
                                std::to_string((*id)->Int(0)),
                                nullptr,
                                {{"organisation_id", organisation_id},
                                 {"partner_organisation_id", input.partner_organisation_id},
                                 {"relation", input.relation},
                                 {"service", input.service}}};
        return audit_.Append(connection, actor, entry);
    });
    if (!written) return tl::unexpected(written.error());
    return answer;
}

Status PartnerService::Remove(std::int64_t exercise_id, std::int64_t organisation_id, std::int64_t partner_id,
                              const audit::Actor& actor) {
    return database_.Write([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne(kSelectPartner, {partner_id, exercise_id, organisation_id});
        if (!row) return tl::unexpected(row.error());
        if (!*row) return Fail(ErrorCode::kNotFound, "no such partner", "partner_id");
        nlohmann::json before = {{"organisation_id", organisation_id},
                                 {"partner_organisation_id", (*row)->Int(0)},
                                 {"relation", (*row)->Text(1)},
                                 {"service", (*row)->Text(2)}};
        if (auto deleted = connection.Execute(kDeletePartner, {partner_id}); !deleted) {
            return tl::unexpected(deleted.error());
        }
        audit::AuditEntry entry{exercise_id,       "partner.delete", "partner", std::to_string(partner_id),
                                std::move(before), nullptr};
        return audit_.Append(connection, actor, entry);
    });
}

Result<nlohmann::json> PartnerService::SendNotice(const QueueViewer& viewer, const NoticeInput& input,
                                                  const audit::Actor& actor) {
    if (viewer.role != ViewerRole::kOrganisation || !viewer.organisation_id || !viewer.person_id) {
        return Fail(ErrorCode::kForbidden, "only organisation people send supply-chain notices");
    }
    auto snapshot = scenarios_.Load(viewer.exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    const std::int64_t organisation_id = *viewer.organisation_id;
    nlohmann::json answer;
    auto written = database_.Write([&](db::Connection& connection) -> Status {
        auto declared = connection.Query(kDeclaredOrganisations, {viewer.exercise_id, organisation_id});
        if (!declared) return tl::unexpected(declared.error());
        if (declared->empty()) {
            return Fail(ErrorCode::kInvalidArgument, "partner_organisation_ids: declare partners first",
                        "partner_organisation_ids");
        }
        std::vector<std::int64_t> recipients;
        std::set<std::int64_t> declared_ids;
        for (const db::Row& row : *declared) declared_ids.insert(row.Int(0));
        if (input.partner_organisation_ids.empty()) {
            recipients.assign(declared_ids.begin(), declared_ids.end());
        } else {
            for (std::int64_t id : input.partner_organisation_ids) {
                if (!declared_ids.count(id)) {
                    return Fail(ErrorCode::kInvalidArgument,
                                "partner_organisation_ids: " + std::to_string(id) + " is not a declared partner",
                                "partner_organisation_ids");
                }
                if (std::find(recipients.begin(), recipients.end(), id) == recipients.end()) recipients.push_back(id);
            }
        }
        const std::int64_t now_us = live::MicrosOf(clock_.Now());
        if (auto s = CheckSubmissionRate(connection, viewer.user_id, now_us); !s) return s;
        auto stamp = StampAt(connection, viewer.exercise_id, (*snapshot)->master.scenes, now_us);
        if (!stamp) return tl::unexpected(stamp.error());
        auto id = connection.QueryOne(
            kInsertNotice,
            {viewer.exercise_id, organisation_id, input.subject, input.body, *viewer.person_id, viewer.user_id, now_us,
             stamp->scenario_minutes ? db::Value(*stamp->scenario_minutes) : db::Value()});
        if (!id) return tl::unexpected(id.error());
        const std::int64_t notice_id = (*id)->Int(0);
        for (std::int64_t recipient : recipients) {
            if (auto inserted = connection.Execute(kInsertRecipient, {notice_id, recipient}); !inserted) {
                return tl::unexpected(inserted.error());
            }
        }
        auto row = connection.QueryOne(std::string(kNoticeColumns) + "WHERE n.id = $1", {notice_id});
        if (!row) return tl::unexpected(row.error());
        answer = NoticeRowJson(**row);
        live::LiveEvent event;
        event.exercise_id = viewer.exercise_id;
        event.type = "partner.notice";
        event.audience.organisation_ids = recipients;
        event.audience.organisation_ids.push_back(organisation_id);
        event.audience.staff = true;
        event.released_at_us = now_us;
        event.payload_json =
            nlohmann::json({{"notice", answer}}).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        if (auto s = events_.Append(connection, event); !s) return s;
        audit::AuditEntry entry{
            viewer.exercise_id,
            "partner_notice.create",
            "partner_notice",
            std::to_string(notice_id),
            nullptr,
            {{"organisation_id", organisation_id}, {"recipients", recipients}, {"subject", input.subject}}};
        return audit_.Append(connection, actor, entry);
    });
    if (!written) return tl::unexpected(written.error());
    return answer;
}

Result<nlohmann::json> PartnerService::Notices(std::int64_t exercise_id, std::int64_t organisation_id) {
    nlohmann::json answer = {{"sent", nlohmann::json::array()}, {"received", nlohmann::json::array()}};
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto sent =
            connection.Query(std::string(kNoticeColumns) + std::string(kSentNotices), {exercise_id, organisation_id});
        if (!sent) return tl::unexpected(sent.error());
        for (const db::Row& row : *sent) answer["sent"].push_back(NoticeRowJson(row));
        auto received = connection.Query(std::string(kNoticeColumns) + std::string(kReceivedNotices),
                                         {exercise_id, organisation_id});
        if (!received) return tl::unexpected(received.error());
        for (const db::Row& row : *received) answer["received"].push_back(NoticeRowJson(row));
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    return answer;
}

}  // namespace enshu::world
