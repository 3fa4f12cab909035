#include "live/scheduler.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <string_view>
#include <tuple>

#include "live/clock_repository.hpp"
#include "live/clock_service.hpp"

namespace enshu::live {
namespace {

constexpr std::string_view kSelectReleasedIds = "SELECT inject_id FROM inject_release WHERE exercise_id = $1";
constexpr std::chrono::seconds kSafetyNet{10};
constexpr int kMaxStepsPerTick = 10'000;  // bounds a tick over a very long outage
constexpr double kEpsilonMinutes = 1e-9;

struct Candidate {
    std::string id;
    scenario::ScenarioMinutes at = 0;
    int source_rank = 0;
    int order = 0;
};

// Every schedulable inject: the master's and those added by overlays (ids are unique
// across them; a repeated id is released once, at its earliest time), ordered by
// (at, source, order) like the effective timelines.
std::vector<Candidate> Candidates(const scenario::ExerciseScenario& snapshot) {
    std::vector<Candidate> all;
    for (const auto& inject : snapshot.master.injects) all.push_back({inject.id, inject.at, 0, inject.order});
    for (const auto& [code, overlay] : snapshot.sector_overlays) {
        for (const auto& inject : overlay.added) all.push_back({inject.id, inject.at, 1, inject.order});
    }
    for (const auto& [id, overlay] : snapshot.organisation_overlays) {
        for (const auto& inject : overlay.added) all.push_back({inject.id, inject.at, 2, inject.order});
    }
    std::stable_sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) {
        return std::tie(a.at, a.source_rank, a.order) < std::tie(b.at, b.source_rank, b.order);
    });
    std::set<std::string> seen;
    std::erase_if(all, [&](const Candidate& c) { return !seen.insert(c.id).second; });
    return all;
}

const audit::Actor& SystemActor() {
    static const audit::Actor actor{std::nullopt, "system", "", ""};
    return actor;
}

}  // namespace

Scheduler::Scheduler(db::Database& database, const Clock& clock, const audit::AuditLog& audit, const EventLog& events,
                     ScenarioSource& scenarios)
    : database_(database),
      clock_(clock),
      audit_(audit),
      events_(events),
      scenarios_(scenarios),
      releases_(database, clock, audit, events, scenarios) {}

Scheduler::~Scheduler() { Stop(); }

TickReport Scheduler::Tick(std::int64_t now_us) {
    std::lock_guard tick_lock(tick_mutex_);
    TickReport report;
    std::vector<std::int64_t> running;
    auto read = database_.Read([&](db::Connection& connection) -> Status {
        auto ids = RunningExercises(connection);
        if (!ids) return tl::unexpected(ids.error());
        running = std::move(*ids);
        return Ok();
    });
    if (!read) {
        report.last_error = read.error().message;
        return report;
    }
    for (std::int64_t exercise_id : running) TickOne(exercise_id, now_us, report);
    return report;
}

TickReport Scheduler::TickExercise(std::int64_t exercise_id, std::int64_t now_us) {
    std::lock_guard tick_lock(tick_mutex_);
    TickReport report;
    TickOne(exercise_id, now_us, report);
    return report;
}

void Scheduler::TickOne(std::int64_t exercise_id, std::int64_t now_us, TickReport& report) {
    const auto fail = [&](const Error& error) {
        report.last_error = "exercise " + std::to_string(exercise_id) + ": " + error.message;
    };
    auto snapshot = scenarios_.Load(exercise_id);
    if (!snapshot) return fail(snapshot.error());
    const std::vector<scenario::Scene>& scenes = (*snapshot)->master.scenes;
    const std::vector<Candidate> candidates = Candidates(**snapshot);

    for (int step = 0; step < kMaxStepsPerTick; ++step) {
        StoredClock stored;
        std::set<std::string> released;
        auto read = database_.Read([&](db::Connection& connection) -> Status {
            auto loaded = LoadClock(connection, exercise_id);
            if (!loaded) return tl::unexpected(loaded.error());
            stored = *loaded;
            auto rows = connection.Query(kSelectReleasedIds, {exercise_id});
            if (!rows) return tl::unexpected(rows.error());
            for (const db::Row& row : *rows) released.insert(row.Text(0));
            return Ok();
        });
        if (!read) return fail(read.error());
        if (stored.snapshot.state != ClockState::kRunning) return;

        // 1. Release what the clock has reached within its current scene, in order.
        const double position = ScenarioMinutesAt(stored.snapshot, scenes, now_us);
        bool clock_changed = false;
        std::optional<double> next_due;
        for (const Candidate& candidate : candidates) {
            if (released.count(candidate.id) != 0) continue;
            if (static_cast<double>(candidate.at) > position + kEpsilonMinutes) {
                next_due = static_cast<double>(candidate.at);
                break;
            }
            auto due = WallTimeOf(stored.snapshot, scenes, static_cast<double>(candidate.at));
            auto outcome = releases_.ReleaseScenarioInject(exercise_id, candidate.id, ReleaseKind::kScheduled, due,
                                                           stored.version, SystemActor());
            if (!outcome) {
                if (outcome.error().code == ErrorCode::kConflict && outcome.error().field == "clock") {
                    clock_changed = true;  // paused or jumped meanwhile: re-read
                    break;
                }
                return fail(outcome.error());
            }
            if (outcome->created) ++report.released;
        }
        if (clock_changed) continue;

        // 2. The end of the scene, when reached: persist the automatic move and go on.
        auto transition = NextTransition(stored.snapshot, scenes, now_us);
        if (!transition) {
            auto wake = NextWakeWallUs(stored.snapshot, scenes, next_due);
            if (wake && (!report.next_wake_us || *wake < *report.next_wake_us)) report.next_wake_us = wake;
            return;
        }
        auto written = database_.Write([&](db::Connection& connection) -> Status {
            auto saved = SaveClock(connection, exercise_id, transition->after, stored.version, clock_.Now());
            if (!saved) return tl::unexpected(saved.error());
            if (auto s = AppendClockChanged(connection, events_, exercise_id, transition->after, scenes,
                                            MicrosOf(clock_.Now()));
                !s) {
                return s;
            }
            const char* action = transition->kind == TransitionKind::kEnded              ? "clock.end"
                                 : transition->kind == TransitionKind::kPausedAtSceneEnd ? "clock.pause"
                                                                                         : "clock.next_scene";
            audit::AuditEntry entry{exercise_id,
                                    action,
                                    "exercise_clock",
                                    std::to_string(exercise_id),
                                    nullptr,
                                    {{"state", ClockStateName(transition->after.state)},
                                     {"scene_index", transition->after.scene_index},
                                     {"automatic", true},
                                     {"at_wall_us", transition->wall_us}}};
            return audit_.Append(connection, SystemActor(), entry);
        });
        if (!written && !(written.error().code == ErrorCode::kConflict && written.error().field == "clock")) {
            return fail(written.error());
        }
        if (written) ++report.transitions;
    }
}

void Scheduler::Start() {
    std::lock_guard lock(thread_mutex_);
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this] { Run(); });
}

void Scheduler::Stop() {
    {
        std::lock_guard lock(thread_mutex_);
        if (!thread_.joinable()) return;
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
    std::lock_guard lock(thread_mutex_);
    thread_ = std::thread();
}

void Scheduler::Wake() {
    {
        std::lock_guard lock(thread_mutex_);
        woken_ = true;
    }
    wake_.notify_all();
}

void Scheduler::Run() {
    std::unique_lock lock(thread_mutex_);
    while (!stopping_) {
        woken_ = false;
        lock.unlock();
        const TickReport report = Tick(MicrosOf(clock_.Now()));
        if (!report.last_error.empty()) spdlog::error("scheduler: {}", report.last_error);
        if (report.released > 0 || report.transitions > 0) {
            spdlog::info("scheduler: released={} clock_changes={}", report.released, report.transitions);
        }
        lock.lock();
        if (stopping_) break;
        if (woken_) continue;
        auto wait = std::chrono::microseconds(kSafetyNet);
        if (!report.last_error.empty()) {
            wait = std::chrono::seconds(1);  // a failing database: retry without spinning
        } else if (report.next_wake_us) {
            const std::int64_t delta = *report.next_wake_us - MicrosOf(clock_.Now());
            wait = std::min(wait, std::chrono::microseconds(std::max<std::int64_t>(0, delta)));
        }
        if (wait.count() > 0) wake_.wait_for(lock, wait, [this] { return stopping_ || woken_; });
    }
}

}  // namespace enshu::live
