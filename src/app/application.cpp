#include "app/application.hpp"

#include "accounts/account_service.hpp"
#include "api/pipeline.hpp"
#include "api/route.hpp"
#include "app/logging.hpp"
#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/metrics.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"
#include "live/event_log.hpp"
#include "live/scheduler.hpp"
#include "live/store_scenario_source.hpp"
#include "net/server.hpp"
#include "net/sse_hub.hpp"
#include "net/stop_signal.hpp"
#include "scenario/scenario_store.hpp"
#include "world/break_service.hpp"
#include "world/break_timer.hpp"
#include "world/media_service.hpp"
#include "world/media_timer.hpp"

namespace enshu::app {

// Members are declared in dependency order, so they are destroyed in reverse: the
// server (which drains requests) goes first, the database last.
struct Application::State {
    AppConfig config;
    std::unique_ptr<db::Database> database;
    SystemClock clock;
    Metrics metrics;
    std::unique_ptr<audit::AuditLog> audit;
    std::unique_ptr<accounts::AccountService> accounts;
    std::unique_ptr<scenario::ScenarioStore> scenarios;
    // Live delivery: the SSE hub outlives the event log and scheduler (which publish to
    // it) and the server (whose streams it feeds).
    std::unique_ptr<net::EventLogHistory> stream_history;
    std::unique_ptr<net::SseHub> hub;
    // Live play. The EventLog starts without a sink; the SSE hub sets itself as the sink.
    std::unique_ptr<live::EventLog> event_log;
    std::unique_ptr<live::StoreScenarioSource> scenario_source;
    std::unique_ptr<live::Scheduler> scheduler;  // outlives the server: handlers wake it
    // Breaks start and end on time (world/break_timer.hpp); started after listen like the scheduler.
    std::unique_ptr<world::BreakService> break_service;
    std::unique_ptr<world::BreakTimer> break_timer;
    // Scheduled media items are released on time (world/media_timer.hpp); started after listen.
    std::unique_ptr<world::MediaService> media_service;
    std::unique_ptr<world::MediaTimer> media_timer;
    std::unique_ptr<api::Services> services;
    std::unique_ptr<api::Pipeline> pipeline;
    net::StopSignal stop_signal;
    std::unique_ptr<net::HttpServer> server;
};

Application::Application() : state_(std::make_unique<State>()) {}

Application::~Application() = default;

Result<std::unique_ptr<Application>> Application::Open(const AppConfig& config) {
    if (auto logging = ConfigureLogging(config); !logging) return tl::unexpected(logging.error());
    std::unique_ptr<Application> application(new Application());
    State& state = *application->state_;
    state.config = config;

    auto database = db::OpenDatabase(state.config.database_url);
    if (!database) {
        Error error = database.error();
        if (error.message.find(state.config.database_url) == std::string::npos) {
            error.message = "database " + state.config.database_url + ": " + error.message;
        }
        return tl::unexpected(error);
    }
    state.database = std::move(*database);
    if (auto migrated = db::Migrate(*state.database); !migrated) return tl::unexpected(migrated.error());

    db::Database& database_ref = *state.database;
    state.metrics.SetDatabasePoolProbe([&database_ref] { return database_ref.PoolUsage(); });
    state.audit = std::make_unique<audit::AuditLog>(state.clock);
    state.accounts =
        std::make_unique<accounts::AccountService>(*state.database, state.clock, *state.audit, state.config.accounts);
    state.services = std::make_unique<api::Services>(
        api::Services{*state.database, state.clock, state.metrics, *state.accounts, *state.audit, state.config.server});
    state.scenarios = std::make_unique<scenario::ScenarioStore>(*state.database, *state.audit, state.clock);
    state.services->scenarios = state.scenarios.get();
    state.event_log = std::make_unique<live::EventLog>(nullptr);
    state.scenario_source = std::make_unique<live::StoreScenarioSource>(*state.scenarios);
    state.scheduler = std::make_unique<live::Scheduler>(*state.database, state.clock, *state.audit, *state.event_log,
                                                        *state.scenario_source);
    state.services->event_log = state.event_log.get();
    live::Scheduler* scheduler = state.scheduler.get();
    state.break_service =
        std::make_unique<world::BreakService>(*state.database, state.clock, *state.audit, *state.event_log,
                                              *state.scenario_source, [scheduler] { scheduler->Wake(); });
    state.break_timer = std::make_unique<world::BreakTimer>(*state.break_service);
    state.media_service = std::make_unique<world::MediaService>(*state.database, state.clock, *state.audit,
                                                                *state.event_log, *state.scenario_source);
    state.media_timer = std::make_unique<world::MediaTimer>(*state.media_service);
    const api::ServerSettings& server_settings = state.config.server;
    state.stream_history = std::make_unique<net::EventLogHistory>(*state.event_log, *state.database);
    state.hub = std::make_unique<net::SseHub>(
        net::SseHubOptions{server_settings.stream_queue_frames, server_settings.stream_queue_bytes, 4096,
                           8 * 1024 * 1024, server_settings.stream_heartbeat},
        state.stream_history.get());
    state.event_log->SetSink(state.hub.get());
    // Streams end with their session: at once after logout/revocation, and at heartbeat
    // time for sessions that expired (core/session_streams.hpp).
    state.accounts->SetStreamCloser(state.hub.get());
    state.hub->SetSessionValidity(state.accounts.get());
    state.services->presence = state.hub.get();
    state.services->scheduler = state.scheduler.get();
    state.pipeline = std::make_unique<api::Pipeline>(*state.services, api::Routes());
    api::Pipeline& pipeline = *state.pipeline;
    state.server = std::make_unique<net::HttpServer>(
        state.config.server, state.metrics, [&pipeline](api::Request& request) { return pipeline.Handle(request); });
    state.server->SetStreamHub(state.hub.get());
    return application;
}

Result<unsigned short> Application::Start() {
    State& state = *state_;
    auto port = state.server->Listen();
    if (!port) return port;
    // No request is served before server->Start(), so the settings may still change.
    if (state.config.server.public_url.empty()) {
        state.config.server.public_url = "http://localhost:" + std::to_string(*port);
    }
    if (auto started = state.server->Start(); !started) return tl::unexpected(started.error());
    // Releases begin once the server listens; the first tick releases anything overdue.
    state.scheduler->Start();
    state.break_timer->Start();
    state.media_timer->Start();
    return *port;
}

void Application::RunUntilStopped() {
    state_->stop_signal.Wait();
    state_->break_timer->Stop();
    state_->media_timer->Stop();
    state_->scheduler->Stop();
    state_->server->Stop();
}

void Application::RequestStop() { state_->stop_signal.RequestStop(); }

api::Services& Application::services() { return *state_->services; }

db::Database& Application::database() { return *state_->database; }

const AppConfig& Application::config() const { return state_->config; }

}  // namespace enshu::app
