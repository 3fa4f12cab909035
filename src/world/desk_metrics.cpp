#include "world/desk_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

#include "live/event_log.hpp"
#include "world/desk_time.hpp"
#include "world/incident_report_fields.hpp"

namespace enshu::world {
namespace {

constexpr std::string_view kPerDesk =
    "SELECT d.id, d.name_ja, d.name_en, COUNT(c.id) FROM desk d LEFT JOIN desk_case c ON c.desk_id = d.id "
    "AND c.kind = 'inquiry' WHERE d.exercise_id = $1 GROUP BY d.id ORDER BY CASE d.kind WHEN 'agency' THEN 0 "
    "WHEN 'ministry' THEN 1 ELSE 2 END, d.code";
constexpr std::string_view kPerCategory =
    "SELECT category, COUNT(*) FROM desk_case WHERE exercise_id = $1 AND kind = 'inquiry' GROUP BY category "
    "ORDER BY category";
constexpr std::string_view kDeskCategories = "SELECT categories FROM desk WHERE exercise_id = $1 ORDER BY id";
constexpr std::string_view kPerSector =
    "SELECT s.code, s.name_ja, s.name_en, COUNT(c.id) FROM desk_case c JOIN organisation o ON o.id = "
    "c.organisation_id JOIN ref_sector s ON s.code = o.sector_code WHERE c.exercise_id = $1 AND c.kind = 'inquiry' "
    "GROUP BY s.code ORDER BY s.sort_order";
constexpr std::string_view kReplyTimes =
    "SELECT created_at_us, first_reply_at_us FROM desk_case WHERE exercise_id = $1 AND kind = 'inquiry'";
constexpr std::string_view kPerRecipient =
    "SELECT recipient_code, COUNT(*) FROM desk_case WHERE exercise_id = $1 AND kind = 'report' "
    "GROUP BY recipient_code";
constexpr std::string_view kOrganisations =
    "SELECT id, name, sector_code, participation_mode FROM organisation WHERE exercise_id = $1 ORDER BY name, id";
constexpr std::string_view kReportTimes =
    "SELECT organisation_id, created_at_us FROM incident_report WHERE exercise_id = $1 ORDER BY created_at_us";
constexpr std::string_view kReleasedInjects =
    "SELECT audience, released_at_us, payload FROM live_event WHERE exercise_id = $1 AND type = 'inject.released' "
    "ORDER BY seq";
constexpr std::string_view kPartnerNotices = "SELECT COUNT(*) FROM partner_notice WHERE exercise_id = $1";

constexpr double kMicrosPerMinute = 60'000'000.0;

struct TriggerEvent {
    live::EventAudience audience;
    std::int64_t released_at_us = 0;
    std::string inject_id;
};

bool ExercisesSharing(const nlohmann::json& payload) {
    auto objectives = payload.find("objectives");
    if (objectives == payload.end() || !objectives->is_array()) return false;
    return std::any_of(objectives->begin(), objectives->end(), [](const nlohmann::json& objective) {
        return objective.is_number_integer() && (objective.get<int>() == 4 || objective.get<int>() == 5);
    });
}

Status CountInquiries(db::Connection& connection, std::int64_t exercise_id, DeskMetrics& metrics) {
    auto desks = connection.Query(kPerDesk, {exercise_id});
    if (!desks) return tl::unexpected(desks.error());
    for (const db::Row& row : *desks) {
        metrics.inquiries_per_desk.push_back({row.Text(0), row.Text(1), row.Text(2), row.Int(3)});
    }
    std::map<std::string, std::pair<std::string, std::string>> labels;
    auto categories = connection.Query(kDeskCategories, {exercise_id});
    if (!categories) return tl::unexpected(categories.error());
    for (const db::Row& row : *categories) {
        auto list = nlohmann::json::parse(row.Text(0), nullptr, false);
        if (!list.is_array()) continue;
        for (const auto& item : list) {
            if (!item.is_object()) continue;
            labels.emplace(item.value("code", std::string()),
                           std::pair{item.value("ja", std::string()), item.value("en", std::string())});
        }
    }
    auto per_category = connection.Query(kPerCategory, {exercise_id});
    if (!per_category) return tl::unexpected(per_category.error());
    for (const db::Row& row : *per_category) {
        auto label = labels.find(row.Text(0));
        metrics.inquiries_per_category.push_back(
            {row.Text(0), label == labels.end() ? row.Text(0) : label->second.first,
             label == labels.end() ? row.Text(0) : label->second.second, row.Int(1)});
    }
    auto per_sector = connection.Query(kPerSector, {exercise_id});
    if (!per_sector) return tl::unexpected(per_sector.error());
    for (const db::Row& row : *per_sector) {
        metrics.inquiries_per_sector.push_back({row.Text(0), row.Text(1), row.Text(2), row.Int(3)});
    }
    auto times = connection.Query(kReplyTimes, {exercise_id});
    if (!times) return tl::unexpected(times.error());
    std::vector<double> minutes;
    for (const db::Row& row : *times) {
        ++metrics.inquiry_first_reply.cases;
        if (auto reply = row.OptionalInt(1))
            minutes.push_back(static_cast<double>(*reply - row.Int(0)) / kMicrosPerMinute);
    }
    metrics.inquiry_first_reply.replied = static_cast<std::int64_t>(minutes.size());
    metrics.inquiry_first_reply.median_minutes = MedianOf(minutes);
    metrics.inquiry_first_reply.p90_minutes = NearestRankPercentile(minutes, 90);
    return Ok();
}

Status CountReports(db::Connection& connection, std::int64_t exercise_id, DeskMetrics& metrics) {
    auto per_recipient = connection.Query(kPerRecipient, {exercise_id});
    if (!per_recipient) return tl::unexpected(per_recipient.error());
    std::map<std::string, std::int64_t> counts;
    for (const db::Row& row : *per_recipient) counts[row.Text(0)] = row.Int(1);
    for (const auto& recipient : ReportRecipients()) {
        metrics.reports_per_recipient.push_back(
            {recipient.code, recipient.label_ja, recipient.label_en, counts[recipient.code]});
    }

    std::vector<TriggerEvent> triggers;
    auto released = connection.Query(kReleasedInjects, {exercise_id});
    if (!released) return tl::unexpected(released.error());
    for (const db::Row& row : *released) {
        auto payload = nlohmann::json::parse(row.Text(2), nullptr, false);
        if (!payload.is_object() || !ExercisesSharing(payload)) continue;
        auto audience = live::AudienceFromJson(row.Text(0));
        if (!audience) continue;
        triggers.push_back({std::move(*audience), row.Int(1), payload.value("inject_id", std::string())});
    }
    std::map<std::int64_t, std::vector<std::int64_t>> reports;  // organisation -> report times, ascending
    auto report_rows = connection.Query(kReportTimes, {exercise_id});
    if (!report_rows) return tl::unexpected(report_rows.error());
    for (const db::Row& row : *report_rows) reports[row.Int(0)].push_back(row.Int(1));

    auto organisations = connection.Query(kOrganisations, {exercise_id});
    if (!organisations) return tl::unexpected(organisations.error());
    for (const db::Row& row : *organisations) {
        OrganisationReportTime time;
        time.organisation_id = row.Int(0);
        time.name = row.Text(1);
        time.sector_code = row.Text(2);
        live::StreamSubscriber subscriber;
        subscriber.exercise_id = exercise_id;
        subscriber.organisation_id = time.organisation_id;
        subscriber.sector = row.Text(2);
        subscriber.mode = row.Text(3);
        for (const auto& trigger : triggers) {
            if (live::AudienceMatches(trigger.audience, subscriber)) {
                time.trigger_inject_id = trigger.inject_id;
                time.trigger_at_us = trigger.released_at_us;
                break;
            }
        }
        auto own = reports.find(time.organisation_id);
        ++metrics.organisations_total;
        if (own != reports.end() && !own->second.empty()) ++metrics.organisations_reported;
        if (time.trigger_at_us && own != reports.end()) {
            auto first = std::lower_bound(own->second.begin(), own->second.end(), *time.trigger_at_us);
            if (first != own->second.end()) {
                time.first_report_at_us = *first;
                time.minutes = static_cast<double>(*first - *time.trigger_at_us) / kMicrosPerMinute;
            }
        }
        metrics.time_to_first_report.push_back(std::move(time));
    }
    auto notices = connection.QueryOne(kPartnerNotices, {exercise_id});
    if (!notices) return tl::unexpected(notices.error());
    metrics.partner_notices = (*notices)->Int(0);
    return Ok();
}

nlohmann::json CountsJson(const std::vector<CountRow>& rows) {
    nlohmann::json json = nlohmann::json::array();
    for (const auto& row : rows) {
        json.push_back(
            {{"key", row.key}, {"label", {{"ja", row.label_ja}, {"en", row.label_en}}}, {"count", row.count}});
    }
    return json;
}

nlohmann::json OptionalNumber(const std::optional<double>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

std::optional<double> MedianOf(std::vector<double> values) {
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    if (values.size() % 2 == 1) return values[middle];
    return (values[middle - 1] + values[middle]) / 2.0;
}

std::optional<double> NearestRankPercentile(std::vector<double> values, int percentile) {
    if (values.empty() || percentile <= 0 || percentile > 100) return std::nullopt;
    std::sort(values.begin(), values.end());
    // Integer arithmetic for ceil(p/100 × n), so that 90 % of 10 is exactly rank 9.
    const std::size_t rank = (static_cast<std::size_t>(percentile) * values.size() + 99) / 100;
    return values[std::max<std::size_t>(rank, 1) - 1];
}

Result<DeskMetrics> ComputeDeskMetrics(db::Database& database, std::int64_t exercise_id) {
    DeskMetrics metrics;
    auto read = database.Read([&](db::Connection& connection) -> Status {
        if (auto s = CountInquiries(connection, exercise_id, metrics); !s) return s;
        return CountReports(connection, exercise_id, metrics);
    });
    if (!read) return tl::unexpected(read.error());
    return metrics;
}

nlohmann::json DeskMetricsJson(const DeskMetrics& metrics) {
    nlohmann::json times = nlohmann::json::array();
    for (const auto& time : metrics.time_to_first_report) {
        times.push_back(
            {{"organisation_id", time.organisation_id},
             {"name", time.name},
             {"sector_code", time.sector_code},
             {"trigger_inject_id",
              time.trigger_inject_id ? nlohmann::json(*time.trigger_inject_id) : nlohmann::json(nullptr)},
             {"trigger_at",
              time.trigger_at_us ? nlohmann::json(WallText(*time.trigger_at_us)) : nlohmann::json(nullptr)},
             {"first_report_at",
              time.first_report_at_us ? nlohmann::json(WallText(*time.first_report_at_us)) : nlohmann::json(nullptr)},
             {"minutes", OptionalNumber(time.minutes)}});
    }
    return {{"inquiries_per_desk", CountsJson(metrics.inquiries_per_desk)},
            {"inquiries_per_category", CountsJson(metrics.inquiries_per_category)},
            {"inquiries_per_sector", CountsJson(metrics.inquiries_per_sector)},
            {"inquiry_first_reply",
             {{"cases", metrics.inquiry_first_reply.cases},
              {"replied", metrics.inquiry_first_reply.replied},
              {"median_minutes", OptionalNumber(metrics.inquiry_first_reply.median_minutes)},
              {"p90_minutes", OptionalNumber(metrics.inquiry_first_reply.p90_minutes)}}},
            {"reports_per_recipient", CountsJson(metrics.reports_per_recipient)},
            {"time_to_first_report", std::move(times)},
            {"organisations_reported",
             {{"numerator", metrics.organisations_reported}, {"denominator", metrics.organisations_total}}},
            {"partner_notices", metrics.partner_notices}};
}

}  // namespace enshu::world
