#include "live/clock_service.hpp"

#include <algorithm>
#include <cmath>

#include "live/clock_repository.hpp"

namespace enshu::live {
namespace {

std::string_view OperationName(ClockOperation operation) {
    switch (operation) {
        case ClockOperation::kStart:
            return "start";
        case ClockOperation::kPause:
            return "pause";
        case ClockOperation::kResume:
            return "resume";
        case ClockOperation::kJump:
            return "jump";
        case ClockOperation::kEnd:
            return "end";
    }
    return "start";
}

std::string ScenarioTimeText(double minutes) {
    return scenario::FormatScenarioTime(static_cast<scenario::ScenarioMinutes>(std::floor(minutes + 1e-9)));
}

const scenario::Scene* SceneAt(const std::vector<scenario::Scene>& scenes, int index) {
    if (index < 0 || index >= static_cast<int>(scenes.size())) return nullptr;
    return &scenes[index];
}

nlohmann::json SnapshotJson(const ClockSnapshot& snapshot) {
    return {{"state", ClockStateName(snapshot.state)},
            {"scene_index", snapshot.scene_index},
            {"anchor_scenario_minutes", snapshot.anchor_scenario_minutes},
            {"anchor_wall_us", snapshot.anchor_wall_us}};
}

Result<ClockSnapshot> ApplyOperation(ClockOperation operation, const ClockSnapshot& current,
                                     const std::vector<scenario::Scene>& scenes, const std::string& scene_id,
                                     std::int64_t now_us) {
    switch (operation) {
        case ClockOperation::kStart:
            return StartClock(current, scenes, now_us);
        case ClockOperation::kPause:
            return PauseClock(current, scenes, now_us);
        case ClockOperation::kResume:
            return ResumeClock(current, scenes, now_us);
        case ClockOperation::kEnd:
            return EndClock(current, scenes, now_us);
        case ClockOperation::kJump: {
            auto found = std::find_if(scenes.begin(), scenes.end(),
                                      [&](const scenario::Scene& scene) { return scene.id == scene_id; });
            if (found == scenes.end()) {
                return Fail(ErrorCode::kInvalidArgument, "no scene '" + scene_id + "' in the scenario", "scene_id");
            }
            return JumpClock(current, scenes, static_cast<int>(found - scenes.begin()), now_us);
        }
    }
    return current;
}

}  // namespace

nlohmann::json ClockJson(const ClockView& view) {
    const scenario::Scene* scene = SceneAt(view.scenes, view.snapshot.scene_index);
    nlohmann::json scenes = nlohmann::json::array();
    for (const auto& s : view.scenes) {
        scenes.push_back({{"id", s.id},
                          {"title", {{"ja", s.title.ja}, {"en", s.title.en}}},
                          {"starts_at", scenario::FormatScenarioTime(s.starts_at)},
                          {"ends_at", scenario::FormatScenarioTime(s.ends_at)},
                          {"starts_at_minutes", s.starts_at},
                          {"ends_at_minutes", s.ends_at},
                          {"speed", s.speed},
                          {"pause_at_end", s.pause_at_end}});
    }
    return {{"state", ClockStateName(view.snapshot.state)},
            {"scene_index", view.snapshot.scene_index},
            {"scene_id", scene ? nlohmann::json(scene->id) : nlohmann::json(nullptr)},
            {"scene_title",
             scene ? nlohmann::json{{"ja", scene->title.ja}, {"en", scene->title.en}} : nlohmann::json(nullptr)},
            {"speed", scene ? scene->speed : 0.0},
            {"scenario_minutes", view.scenario_minutes},
            {"scenario_time", ScenarioTimeText(view.scenario_minutes)},
            {"anchor_scenario_minutes", view.snapshot.anchor_scenario_minutes},
            {"anchor_wall_us", view.snapshot.anchor_wall_us},
            {"now_us", view.now_us},
            {"scene_ends_at_minutes", scene ? nlohmann::json(scene->ends_at) : nlohmann::json(nullptr)},
            {"version", view.version},
            {"scenes", scenes}};
}

Status AppendClockChanged(db::Connection& connection, const EventLog& events, std::int64_t exercise_id,
                          const ClockSnapshot& snapshot, const std::vector<scenario::Scene>& scenes,
                          std::int64_t released_at_us) {
    const scenario::Scene* scene = SceneAt(scenes, snapshot.scene_index);
    const double minutes = ScenarioMinutesAt(snapshot, scenes, released_at_us);
    const nlohmann::json payload = {{"state", ClockStateName(snapshot.state)},
                                    {"scene_id", scene ? scene->id : std::string()},
                                    {"scene_index", snapshot.scene_index},
                                    {"scenario_time", ScenarioTimeText(minutes)},
                                    {"scenario_minutes", minutes},
                                    {"anchor_scenario_minutes", snapshot.anchor_scenario_minutes},
                                    {"speed", scene ? scene->speed : 0.0},
                                    {"wall_anchor_us", snapshot.anchor_wall_us}};
    LiveEvent event;
    event.exercise_id = exercise_id;
    event.type = "clock.changed";
    event.audience.everyone = true;
    event.released_at_us = released_at_us;
    event.payload_json = payload.dump();
    return events.Append(connection, event);
}

ClockService::ClockService(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                           const EventLog& events, ScenarioSource& scenarios, std::function<void()> wake)
    : database_(database),
      clock_(clock),
      audit_(audit),
      events_(events),
      scenarios_(scenarios),
      wake_(std::move(wake)) {}

Result<ClockView> ClockService::Get(std::int64_t exercise_id) {
    auto snapshot = scenarios_.Load(exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    ClockView view;
    view.scenes = (*snapshot)->master.scenes;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto stored = LoadClock(connection, exercise_id);
        if (!stored) return tl::unexpected(stored.error());
        view.snapshot = stored->snapshot;
        view.version = stored->version;
        return Ok();
    });
    if (!read) return tl::unexpected(read.error());
    view.now_us = MicrosOf(clock_.Now());
    if (view.version == 0 && !view.scenes.empty()) {
        view.snapshot.anchor_scenario_minutes = static_cast<double>(view.scenes.front().starts_at);
    }
    view.scenario_minutes = ScenarioMinutesAt(view.snapshot, view.scenes, view.now_us);
    return view;
}

Result<ClockView> ClockService::Apply(std::int64_t exercise_id, ClockOperation operation, const std::string& scene_id,
                                      const audit::Actor& actor) {
    auto snapshot = scenarios_.Load(exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    const std::vector<scenario::Scene>& scenes = (*snapshot)->master.scenes;
    bool changed = false;
    Status written;
    for (int attempt = 0; attempt < 2; ++attempt) {
        changed = false;
        written = database_.Write([&](db::Connection& connection) -> Status {
            auto stored = LoadClock(connection, exercise_id);
            if (!stored) return tl::unexpected(stored.error());
            const std::int64_t now_us = MicrosOf(clock_.Now());
            auto next = ApplyOperation(operation, stored->snapshot, scenes, scene_id, now_us);
            if (!next) return tl::unexpected(next.error());
            if (*next == stored->snapshot && stored->version != 0) return Ok();
            auto saved = SaveClock(connection, exercise_id, *next, stored->version, clock_.Now());
            if (!saved) return tl::unexpected(saved.error());
            if (auto s = AppendClockChanged(connection, events_, exercise_id, *next, scenes, now_us); !s) return s;
            nlohmann::json after = SnapshotJson(*next);
            if (operation == ClockOperation::kJump) after["scene_id"] = scene_id;
            audit::AuditEntry entry{exercise_id,
                                    "clock." + std::string(OperationName(operation)),
                                    "exercise_clock",
                                    std::to_string(exercise_id),
                                    SnapshotJson(stored->snapshot),
                                    after};
            if (auto logged = audit_.Append(connection, actor, entry); !logged) return logged;
            changed = true;
            return Ok();
        });
        if (written || written.error().code != ErrorCode::kConflict || written.error().field != "clock") break;
    }
    if (!written) return tl::unexpected(written.error());
    if (changed && wake_) wake_();
    return Get(exercise_id);
}

}  // namespace enshu::live
