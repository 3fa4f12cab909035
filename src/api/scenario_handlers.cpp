// The master scenario, sector and organisation overlays, and effective timelines
// (docs/api.md "Scenario", docs/scenario-format.md). The logic lives in src/scenario;
// this file checks roles and scope, picks the body format and serialises.
//
// Scope: callers without a role in the exercise get 404 (exercise_id); an org lead or
// participant asking about another organisation, and a ministry asking about a sector
// outside its ministry, get 404 as if it did not exist; a member whose role may not
// use the route gets 403.

#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "api/actor.hpp"
#include "api/feature_support.hpp"
#include "api/handlers.hpp"
#include "api/scenario_context.hpp"
#include "core/exercise_marking.hpp"
#include "exercise/organisation_repository.hpp"
#include "exercise/reference_lookup.hpp"
#include "scenario/scenario_msel.hpp"
#include "scenario/scenario_store.hpp"
#include "scenario/scenario_yaml.hpp"

namespace enshu::api {
namespace {

constexpr std::string_view kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::size_t kMaxJsonScenarioBytes = 2 * scenario::kMaxScenarioBytes;

enum class BodyFormat { kJson, kYaml, kXlsx };

Result<scenario::ScenarioStore*> StoreOf(const RequestContext& context) {
    if (context.services.scenarios == nullptr) {
        return Fail(ErrorCode::kUnavailable, "the scenario store is not configured", "");
    }
    return context.services.scenarios;
}

// The caller when they have a role in the exercise (404 otherwise).
Result<const Principal*> RequireMember(const RequestContext& context, std::int64_t exercise_id) {
    auto caller = context.RequireCaller();
    if (!caller) return caller;
    if (!(*caller)->IsMember(exercise_id)) {
        return Fail(ErrorCode::kNotFound, "exercise_id: no exercise " + std::to_string(exercise_id), "exercise_id");
    }
    return caller;
}

bool IsStaffWatching(const Principal& principal, std::int64_t exercise_id) {
    return principal.IsOrganiser(exercise_id) || principal.HasRole(exercise_id, Role::kController);
}

bool IsPersonOf(const Principal& principal, std::int64_t exercise_id, std::int64_t organisation_id, Role role) {
    for (const Membership& membership : principal.memberships) {
        if (membership.exercise_id == exercise_id && membership.role == role &&
            membership.organisation_id == organisation_id) {
            return true;
        }
    }
    return false;
}

bool IsPersonOfAnother(const Principal& principal, std::int64_t exercise_id, std::int64_t organisation_id) {
    for (const Membership& membership : principal.memberships) {
        if (membership.exercise_id == exercise_id && membership.organisation_id &&
            *membership.organisation_id != organisation_id) {
            return true;
        }
    }
    return false;
}

Error NoOrganisation(std::int64_t organisation_id) {
    return Error{ErrorCode::kNotFound, "organisation_id: no organisation " + std::to_string(organisation_id),
                 "organisation_id"};
}

Result<exercise::Organisation> LoadOrganisation(RequestContext& context, std::int64_t exercise_id,
                                                std::int64_t organisation_id) {
    std::optional<exercise::Organisation> organisation;
    auto status = context.services.database.Read([&](db::Connection& connection) -> Status {
        auto found = exercise::FindOrganisation(connection, exercise_id, organisation_id);
        if (!found) return tl::unexpected(found.error());
        organisation = std::move(*found);
        return Ok();
    });
    if (!status) return tl::unexpected(status.error());
    if (!organisation) return tl::unexpected(NoOrganisation(organisation_id));
    return *organisation;
}

// How the caller may use one organisation's overlay or timeline.
enum class OrganisationAccess { kFull, kOrgLead };

// Organisers (and, when `controllers` is allowed, controllers) see everything; the
// org lead of that organisation sees its own. Other organisations' people: 404.
Result<OrganisationAccess> RequireOrganisationAccess(const Principal& principal, std::int64_t exercise_id,
                                                     std::int64_t organisation_id, bool controllers) {
    if (principal.IsOrganiser(exercise_id)) return OrganisationAccess::kFull;
    if (controllers && principal.HasRole(exercise_id, Role::kController)) return OrganisationAccess::kFull;
    if (IsPersonOf(principal, exercise_id, organisation_id, Role::kOrgLead)) return OrganisationAccess::kOrgLead;
    const bool own_participant = IsPersonOf(principal, exercise_id, organisation_id, Role::kParticipant);
    if (!own_participant && IsPersonOfAnother(principal, exercise_id, organisation_id)) {
        return tl::unexpected(NoOrganisation(organisation_id));
    }
    return Fail(ErrorCode::kForbidden, "organisation_id: only organisers and the organisation's org lead may do this",
                "organisation_id");
}

std::string MediaType(const Request& request) {
    std::string type = request.Header("content-type").value_or("");
    type = type.substr(0, type.find(';'));
    while (!type.empty() && type.back() == ' ') type.pop_back();
    for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return type;
}

Result<BodyFormat> FormatOf(const Request& request, bool allow_xlsx) {
    const std::string type = MediaType(request);
    if (type == "application/json") return BodyFormat::kJson;
    if (type == "application/yaml" || type == "text/yaml" || type == "application/x-yaml" || type == "text/x-yaml") {
        return BodyFormat::kYaml;
    }
    if (allow_xlsx && (type == kXlsxType || (type == "application/octet-stream" && request.body.rfind("PK", 0) == 0))) {
        return BodyFormat::kXlsx;
    }
    return Fail(ErrorCode::kInvalidArgument,
                "Content-Type: '" + type + "' is not accepted (application/json, application/yaml" +
                    std::string(allow_xlsx ? " or the XLSX type" : "") + ")",
                "Content-Type");
}

Result<bool> DryRun(const Request& request) {
    auto value = request.QueryParam("dry_run");
    if (!value || value->empty() || *value == "false" || *value == "0") return false;
    if (*value == "true" || *value == "1") return true;
    return Fail(ErrorCode::kInvalidArgument, "dry_run: must be true or false", "dry_run");
}

// If-Match: "3" (or 3, W/"3"): the version the client edited.
Result<std::optional<std::int64_t>> IfMatch(const Request& request) {
    auto header = request.Header("if-match");
    if (!header || header->empty() || *header == "*") return std::optional<std::int64_t>{};
    std::string text = *header;
    if (text.rfind("W/", 0) == 0) text = text.substr(2);
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) {
        return Fail(ErrorCode::kInvalidArgument, "If-Match: '" + *header + "' is not a version", "If-Match");
    }
    return std::optional<std::int64_t>(std::stoll(text));
}

std::string ETag(std::int64_t version) { return "\"" + std::to_string(version) + "\""; }

Response WithETag(Response response, std::int64_t version) {
    response.headers.emplace_back("ETag", ETag(version));
    return response;
}

// 422 with every problem: {"error":{...},"errors":[{line,sheet,cell,field,message}]}.
Response ProblemsResponse(const scenario::Problems& problems) {
    const Error error = scenario::ProblemsError(problems);
    nlohmann::json body = {
        {"error",
         {{"code", std::string(ErrorCodeName(error.code))}, {"message", error.message}, {"field", error.field}}},
        {"errors", scenario::ProblemsJson(problems)}};
    return Response::Json(body, 422);
}

// Sector codes and the exercise's organisations (shared with `enshu scenario import`).
Result<scenario::ValidationContext> ValidationContextOf(RequestContext& context, std::int64_t exercise_id) {
    return ExerciseValidationContext(context.services.database, exercise_id);
}

// The JSON body, unwrapping {"<name>": {...}} when the client sent the GET shape.
Result<nlohmann::json> JsonDocument(RequestContext& context, const char* name) {
    if (context.request.body.size() > kMaxJsonScenarioBytes) {
        return Fail(ErrorCode::kPayloadTooLarge,
                    "body: at most " + std::to_string(kMaxJsonScenarioBytes) + " bytes of JSON", "body");
    }
    auto body = context.JsonBody();
    if (!body) return body;
    if (body->contains(name) && (*body)[name].is_object()) return (*body)[name];
    return body;
}

nlohmann::json ScenarioAnswer(const scenario::ExerciseScenario& snapshot) {
    const bool loaded = !snapshot.master.scenes.empty();
    return {{"scenario", loaded ? scenario::ScenarioToJson(snapshot.master) : nlohmann::json(nullptr)},
            {"version", snapshot.master_version}};
}

Result<std::shared_ptr<const scenario::ExerciseScenario>> Snapshot(RequestContext& context, std::int64_t exercise_id) {
    auto store = StoreOf(context);
    if (!store) return tl::unexpected(store.error());
    return (*store)->Load(exercise_id);
}

// Ministry members may use the overlays of their ministry's sectors; others' sectors
// do not exist for them.
Result<std::string> RequireSectorAccess(RequestContext& context, const Principal& principal, std::int64_t exercise_id) {
    const std::string sector_code = context.request.path_params.count("sector_code") != 0
                                        ? context.request.path_params.at("sector_code")
                                        : std::string();
    auto reference = exercise::SharedReferenceData(context.services.database);
    if (!reference) return tl::unexpected(reference.error());
    const db::Sector* sector = (*reference)->FindSector(sector_code);
    const Error no_sector{ErrorCode::kNotFound, "sector_code: no sector '" + sector_code + "'", "sector_code"};
    if (sector == nullptr) return tl::unexpected(no_sector);
    if (principal.IsOrganiser(exercise_id)) return sector_code;
    bool ministry = false;
    for (const Membership& membership : principal.memberships) {
        if (membership.exercise_id != exercise_id || membership.role != Role::kMinistry) continue;
        ministry = true;
        if (membership.ministry_code == sector->ministry_code) return sector_code;
    }
    if (ministry) return tl::unexpected(no_sector);
    return Fail(ErrorCode::kForbidden, "sector_code: only organisers and the sector's ministry may do this",
                "sector_code");
}

// Reads an overlay body (JSON or YAML) against its target.
Result<scenario::Checked<scenario::Overlay>> ReadOverlayBody(RequestContext& context, std::int64_t exercise_id,
                                                             const scenario::OverlayTarget& target) {
    auto format = FormatOf(context.request, false);
    if (!format) return tl::unexpected(format.error());
    auto validation = ValidationContextOf(context, exercise_id);
    if (!validation) return tl::unexpected(validation.error());
    if (*format == BodyFormat::kYaml) return scenario::ReadOverlayYaml(context.request.body, target, *validation);
    auto json = JsonDocument(context, "overlay");
    if (!json) return tl::unexpected(json.error());
    return scenario::OverlayFromJson(*json, target, *validation);
}

nlohmann::json OverlayAnswer(const scenario::Overlay* overlay, std::int64_t version) {
    return {{"overlay", scenario::OverlayToJson(overlay != nullptr ? *overlay : scenario::Overlay{})},
            {"version", version}};
}

// Answers an overlay GET for `key` (a sector code or an organisation id): the stored overlay, or none, with its
// version (0 when never saved) as the ETag and `key` echoed under `key_member`.
template <typename Key>
Response OverlayResponse(const std::map<Key, scenario::Overlay>& overlays, const std::map<Key, std::int64_t>& versions,
                         const Key& key, const char* key_member) {
    const auto overlay = overlays.find(key);
    const auto version = versions.find(key);
    const std::int64_t number = version == versions.end() ? 0 : version->second;
    nlohmann::json answer = OverlayAnswer(overlay == overlays.end() ? nullptr : &overlay->second, number);
    answer[key_member] = key;
    return WithETag(Response::Json(answer), number);
}

// The part of an overlay PUT after the caller's access to the overlay was checked. Reads the dry-run flag and
// If-Match, loads the current scenario, validates the body against `target_of(snapshot)`, then answers the dry run
// or stores the overlay with `save(store, overlay, actor, expected_version)` and returns `get(context)`.
// Errors are returned in that order, so both overlay kinds report the same failure first.
template <typename TargetOf, typename Save>
Result<Response> PutOverlay(RequestContext& context, std::int64_t exercise_id, const TargetOf& target_of,
                            const Save& save, Result<Response> (*get)(RequestContext&)) {
    auto store = StoreOf(context);
    if (!store) return tl::unexpected(store.error());
    auto dry_run = DryRun(context.request);
    if (!dry_run) return tl::unexpected(dry_run.error());
    auto expected_version = IfMatch(context.request);
    if (!expected_version) return tl::unexpected(expected_version.error());
    auto snapshot = (*store)->Load(exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    const scenario::OverlayTarget target = target_of(**snapshot);
    auto read = ReadOverlayBody(context, exercise_id, target);
    if (!read) return tl::unexpected(read.error());
    if (!*read) return ProblemsResponse(read->error());
    if (*dry_run) return Response::Json({{"dry_run", true}, {"valid", true}, {"overlay", OverlayToJson(**read)}});
    if (auto saved = save(**store, **read, ActorOf(context), *expected_version); !saved) {
        return tl::unexpected(saved.error());
    }
    return get(context);
}

}  // namespace

Result<Response> HandleGetScenario(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireMember(context, *exercise_id);
    if (!caller) return tl::unexpected(caller.error());
    if (!IsStaffWatching(**caller, *exercise_id)) {
        return Fail(ErrorCode::kForbidden, "exercise_id: only organisers and controllers may read the scenario",
                    "exercise_id");
    }
    auto snapshot = Snapshot(context, *exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    return WithETag(Response::Json(ScenarioAnswer(**snapshot)), (*snapshot)->master_version);
}

Result<Response> HandlePutScenario(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireMember(context, *exercise_id);
    if (!caller) return tl::unexpected(caller.error());
    if (!(*caller)->IsOrganiser(*exercise_id)) {
        return Fail(ErrorCode::kForbidden, "exercise_id: only organisers may replace the scenario", "exercise_id");
    }
    auto store = StoreOf(context);
    if (!store) return tl::unexpected(store.error());
    auto dry_run = DryRun(context.request);
    if (!dry_run) return tl::unexpected(dry_run.error());
    auto expected_version = IfMatch(context.request);
    if (!expected_version) return tl::unexpected(expected_version.error());
    auto format = FormatOf(context.request, true);
    if (!format) return tl::unexpected(format.error());
    auto validation = ValidationContextOf(context, *exercise_id);
    if (!validation) return tl::unexpected(validation.error());

    scenario::Checked<scenario::Scenario> read;
    if (*format == BodyFormat::kYaml) {
        read = scenario::ReadScenarioYaml(context.request.body, *validation);
    } else if (*format == BodyFormat::kXlsx) {
        read = scenario::ReadScenarioXlsx(context.request.body, *validation);
    } else {
        auto json = JsonDocument(context, "scenario");
        if (!json) return tl::unexpected(json.error());
        read = scenario::ScenarioFromJson(*json, *validation);
    }
    if (!read) return ProblemsResponse(read.error());
    if (*dry_run) {
        return Response::Json({{"dry_run", true},
                               {"valid", true},
                               {"scenario", scenario::ScenarioToJson(*read)},
                               {"scenes", read->scenes.size()},
                               {"injects", read->injects.size()}});
    }
    if (auto saved = (*store)->SaveMaster(*exercise_id, *read, ActorOf(context), *expected_version); !saved) {
        return tl::unexpected(saved.error());
    }
    auto snapshot = (*store)->Load(*exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    return WithETag(Response::Json(ScenarioAnswer(**snapshot)), (*snapshot)->master_version);
}

Result<Response> HandleExportScenario(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireMember(context, *exercise_id);
    if (!caller) return tl::unexpected(caller.error());
    if (!IsStaffWatching(**caller, *exercise_id)) {
        return Fail(ErrorCode::kForbidden, "exercise_id: only organisers and controllers may export the scenario",
                    "exercise_id");
    }
    const std::string format = context.request.QueryParam("format").value_or("yaml");
    if (format != "yaml" && format != "xlsx") {
        return Fail(ErrorCode::kInvalidArgument, "format: must be yaml or xlsx", "format");
    }
    auto snapshot = Snapshot(context, *exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    const scenario::Scenario& master = (*snapshot)->master;
    if (master.scenes.empty()) {
        return Fail(ErrorCode::kNotFound, "scenario: exercise " + std::to_string(*exercise_id) + " has no scenario",
                    "scenario");
    }
    const std::string stem = "scenario-" + std::to_string(*exercise_id) + "-" + master.id;
    if (format == "yaml") {
        // The exercise marking as a YAML comment: printed with the file, ignored on import.
        std::string yaml = "# " + std::string(kExerciseMarking) + "\n" + scenario::WriteScenarioYaml(master);
        return Response::ExportDownload(std::move(yaml), "application/yaml; charset=utf-8", stem + ".yaml");
    }
    auto bytes = scenario::WriteScenarioXlsx(master);
    if (!bytes) return tl::unexpected(bytes.error());
    return Response::ExportDownload(std::move(*bytes), std::string(kXlsxType), stem + ".xlsx");
}

Result<Response> HandleGetSectorOverlay(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireMember(context, *exercise_id);
    if (!caller) return tl::unexpected(caller.error());
    auto sector_code = RequireSectorAccess(context, **caller, *exercise_id);
    if (!sector_code) return tl::unexpected(sector_code.error());
    auto snapshot = Snapshot(context, *exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    return OverlayResponse((*snapshot)->sector_overlays, (*snapshot)->sector_overlay_versions, *sector_code,
                           "sector_code");
}

Result<Response> HandlePutSectorOverlay(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto caller = RequireMember(context, *exercise_id);
    if (!caller) return tl::unexpected(caller.error());
    auto sector_code = RequireSectorAccess(context, **caller, *exercise_id);
    if (!sector_code) return tl::unexpected(sector_code.error());
    return PutOverlay(
        context, *exercise_id,
        [](const scenario::ExerciseScenario& snapshot) {
            return scenario::OverlayTarget{scenario::OverlayScope::kSector, &snapshot.master, nullptr};
        },
        [&](scenario::ScenarioStore& store, const scenario::Overlay& overlay, const audit::Actor& actor,
            const std::optional<std::int64_t>& expected_version) {
            return store.SaveSectorOverlay(*exercise_id, *sector_code, overlay, actor, expected_version);
        },
        &HandleGetSectorOverlay);
}

Result<Response> HandleGetOrganisationOverlay(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto organisation_id = context.PathId("organisation_id");
    if (!organisation_id) return tl::unexpected(organisation_id.error());
    auto caller = RequireMember(context, *exercise_id);
    if (!caller) return tl::unexpected(caller.error());
    auto access = RequireOrganisationAccess(**caller, *exercise_id, *organisation_id, false);
    if (!access) return tl::unexpected(access.error());
    auto organisation = LoadOrganisation(context, *exercise_id, *organisation_id);
    if (!organisation) return tl::unexpected(organisation.error());
    auto snapshot = Snapshot(context, *exercise_id);
    if (!snapshot) return tl::unexpected(snapshot.error());
    return OverlayResponse((*snapshot)->organisation_overlays, (*snapshot)->organisation_overlay_versions,
                           *organisation_id, "organisation_id");
}

Result<Response> HandlePutOrganisationOverlay(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto organisation_id = context.PathId("organisation_id");
    if (!organisation_id) return tl::unexpected(organisation_id.error());
    auto caller = RequireMember(context, *exercise_id);
    if (!caller) return tl::unexpected(caller.error());
    auto access = RequireOrganisationAccess(**caller, *exercise_id, *organisation_id, false);
    if (!access) return tl::unexpected(access.error());
    auto organisation = LoadOrganisation(context, *exercise_id, *organisation_id);
    if (!organisation) return tl::unexpected(organisation.error());
    return PutOverlay(
        context, *exercise_id,
        [&](const scenario::ExerciseScenario& snapshot) {
            const auto sector = snapshot.sector_overlays.find(organisation->sector_code);
            return scenario::OverlayTarget{scenario::OverlayScope::kOrganisation, &snapshot.master,
                                           sector == snapshot.sector_overlays.end() ? nullptr : &sector->second};
        },
        [&](scenario::ScenarioStore& store, const scenario::Overlay& overlay, const audit::Actor& actor,
            const std::optional<std::int64_t>& expected_version) {
            return store.SaveOrganisationOverlay(*exercise_id, *organisation_id, overlay, actor, expected_version);
        },
        &HandleGetOrganisationOverlay);
}

Result<Response> HandleGetEffectiveTimeline(RequestContext& context) {
    auto exercise_id = context.PathId("exercise_id");
    if (!exercise_id) return tl::unexpected(exercise_id.error());
    auto organisation_id = context.PathId("organisation_id");
    if (!organisation_id) return tl::unexpected(organisation_id.error());
    auto caller = RequireMember(context, *exercise_id);
    if (!caller) return tl::unexpected(caller.error());
    auto access = RequireOrganisationAccess(**caller, *exercise_id, *organisation_id, true);
    if (!access) return tl::unexpected(access.error());
    auto organisation = LoadOrganisation(context, *exercise_id, *organisation_id);
    if (!organisation) return tl::unexpected(organisation.error());
    auto store = StoreOf(context);
    if (!store) return tl::unexpected(store.error());
    const scenario::OrganisationProfile profile{organisation->id, organisation->external_ref, organisation->name,
                                                organisation->sector_code, organisation->participation_mode};
    auto timeline = (*store)->EffectiveTimeline(*exercise_id, profile);
    if (!timeline) return tl::unexpected(timeline.error());
    const auto notes =
        *access == OrganisationAccess::kFull ? scenario::ControllerNotes::kInclude : scenario::ControllerNotes::kOmit;
    nlohmann::json answer = scenario::EffectiveTimelineJson(*timeline, notes);
    answer["organisation_id"] = *organisation_id;
    return Response::Json(answer);
}

}  // namespace enshu::api
