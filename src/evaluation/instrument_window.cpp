#include "evaluation/instrument_window.hpp"

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>

namespace enshu::evaluation {
namespace {

constexpr std::string_view kSelectWindows =
    "SELECT instrument, opens_at, closes_at FROM instrument_window WHERE exercise_id = $1";
constexpr std::string_view kUpsertWindow =
    "INSERT INTO instrument_window (exercise_id, instrument, opens_at, closes_at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (exercise_id, instrument) DO UPDATE SET opens_at = excluded.opens_at, closes_at = excluded.closes_at";

db::Value OptionalValue(const std::optional<std::string>& text) { return text ? db::Value(*text) : db::Value(); }

nlohmann::json WindowsJson(const std::vector<InstrumentWindow>& windows) {
    nlohmann::json json = nlohmann::json::object();
    for (const auto& window : windows) {
        json[std::string(InstrumentName(window.instrument))] = {
            {"opens_at", window.opens_at ? nlohmann::json(*window.opens_at) : nlohmann::json(nullptr)},
            {"closes_at", window.closes_at ? nlohmann::json(*window.closes_at) : nlohmann::json(nullptr)}};
    }
    return json;
}

std::optional<TimePoint> TimeOf(const std::optional<std::string>& text) {
    TimePoint point;
    if (!text || !ParseTimestamp(*text, point)) return std::nullopt;
    return point;
}

}  // namespace

std::string_view InstrumentName(Instrument instrument) {
    switch (instrument) {
        case Instrument::kReadinessBefore:
            return "readiness_before";
        case Instrument::kReadinessDayOf:
            return "readiness_day_of";
        case Instrument::kObjectives:
            return "objectives";
        case Instrument::kActionRecord:
            return "action_record";
    }
    return "";
}

std::optional<Instrument> ParseInstrument(std::string_view name) {
    for (Instrument instrument : AllInstruments()) {
        if (InstrumentName(instrument) == name) return instrument;
    }
    return std::nullopt;
}

const std::vector<Instrument>& AllInstruments() {
    static const std::vector<Instrument> all = {Instrument::kReadinessBefore, Instrument::kReadinessDayOf,
                                                Instrument::kObjectives, Instrument::kActionRecord};
    return all;
}

Result<std::vector<InstrumentWindow>> LoadWindows(db::Connection& connection, std::int64_t exercise_id) {
    std::vector<InstrumentWindow> windows;
    for (Instrument instrument : AllInstruments()) windows.push_back(InstrumentWindow{instrument, {}, {}});
    auto rows = connection.Query(kSelectWindows, {exercise_id});
    if (!rows) return tl::unexpected(rows.error());
    for (const db::Row& row : *rows) {
        auto instrument = ParseInstrument(row.Text(0));
        if (!instrument) continue;
        auto& window = windows[static_cast<std::size_t>(*instrument)];
        window.opens_at = row.OptionalText(1);
        window.closes_at = row.OptionalText(2);
    }
    return windows;
}

Result<InstrumentWindow> LoadWindow(db::Connection& connection, std::int64_t exercise_id, Instrument instrument) {
    auto windows = LoadWindows(connection, exercise_id);
    if (!windows) return tl::unexpected(windows.error());
    return (*windows)[static_cast<std::size_t>(instrument)];
}

bool IsWindowOpen(const InstrumentWindow& window, TimePoint now) { return RequireWindowOpen(window, now).has_value(); }

Status RequireWindowOpen(const InstrumentWindow& window, TimePoint now) {
    const std::string name(InstrumentName(window.instrument));
    if (auto opens = TimeOf(window.opens_at); opens && now < *opens) {
        return Fail(ErrorCode::kConflict, name + " opens at " + *window.opens_at, "opens_at");
    }
    if (auto closes = TimeOf(window.closes_at); closes && now > *closes) {
        return Fail(ErrorCode::kConflict,
                    name + " closed at " + *window.closes_at + "; ask the organiser to extend the deadline",
                    "closes_at");
    }
    return Ok();
}

Result<std::vector<InstrumentWindow>> SaveWindows(db::Database& database, std::int64_t exercise_id,
                                                  const std::vector<InstrumentWindow>& windows,
                                                  const audit::AuditLog& audit, const audit::Actor& actor) {
    std::set<Instrument> seen;
    std::vector<InstrumentWindow> normalised;
    for (std::size_t i = 0; i < windows.size(); ++i) {
        const std::string prefix = "windows[" + std::to_string(i) + "].";
        InstrumentWindow window = windows[i];
        if (!seen.insert(window.instrument).second) {
            return Fail(ErrorCode::kInvalidArgument, "instrument is listed twice", prefix + "instrument");
        }
        const auto normalise = [&](std::optional<std::string>& text, const std::string& name) -> Status {
            if (!text) return Ok();
            TimePoint point;
            // Years outside 2000..2199 are refused (ParseTimestamp itself stops at 2261).
            const int year = text->size() >= 4 ? std::atoi(text->substr(0, 4).c_str()) : 0;
            if (!ParseTimestamp(*text, point) || year < 2000 || year > 2199) {
                return Fail(ErrorCode::kInvalidArgument, name + ": expected a UTC time like 2023-12-07T09:00:00Z",
                            prefix + name);
            }
            text = FormatTimestamp(point);
            return Ok();
        };
        if (auto status = normalise(window.opens_at, "opens_at"); !status) return tl::unexpected(status.error());
        if (auto status = normalise(window.closes_at, "closes_at"); !status) return tl::unexpected(status.error());
        if (window.opens_at && window.closes_at && *TimeOf(window.opens_at) >= *TimeOf(window.closes_at)) {
            return Fail(ErrorCode::kInvalidArgument, "closes_at must be after opens_at", prefix + "closes_at");
        }
        normalised.push_back(std::move(window));
    }
    std::vector<InstrumentWindow> result;
    auto written = database.Write([&](db::Connection& connection) -> Status {
        auto before = LoadWindows(connection, exercise_id);
        if (!before) return tl::unexpected(before.error());
        for (const auto& window : normalised) {
            auto stored =
                connection.Execute(kUpsertWindow, {exercise_id, std::string(InstrumentName(window.instrument)),
                                                   OptionalValue(window.opens_at), OptionalValue(window.closes_at)});
            if (!stored) return tl::unexpected(stored.error());
        }
        auto after = LoadWindows(connection, exercise_id);
        if (!after) return tl::unexpected(after.error());
        result = *after;
        audit::AuditEntry entry{exercise_id,          "evaluation.windows.update",
                                "exercise",           std::to_string(exercise_id),
                                WindowsJson(*before), WindowsJson(*after)};
        return audit.Append(connection, actor, entry);
    });
    if (!written) return tl::unexpected(written.error());
    return result;
}

}  // namespace enshu::evaluation
