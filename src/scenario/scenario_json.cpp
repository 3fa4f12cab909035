// JSON forms of scenarios, overlays and effective timelines (the YAML structure with
// audiences as objects and times as "D1 09:05").

#include "scenario/scenario_yaml.hpp"

namespace enshu::scenario {
namespace {

nlohmann::json TextJson(const LocalisedText& text) { return {{"ja", text.ja}, {"en", text.en}}; }

nlohmann::json AudienceJson(const Audience& audience) {
    const bool everyone = audience.sectors.empty() && audience.organisations.empty() && audience.modes.empty() &&
                          audience.team_roles.empty();
    return {{"everyone", everyone},
            {"sectors", audience.sectors},
            {"organisations", audience.organisations},
            {"modes", audience.modes},
            {"team_roles", audience.team_roles}};
}

nlohmann::json VariablesJson(const std::map<std::string, std::string>& variables) {
    nlohmann::json object = nlohmann::json::object();
    for (const auto& [name, value] : variables) object[name] = value;
    return object;
}

}  // namespace

nlohmann::json InjectJson(const Inject& inject, ControllerNotes notes) {
    nlohmann::json attachments = nlohmann::json::array();
    for (const auto& attachment : inject.attachments) {
        attachments.push_back({{"name", attachment.name}, {"url", attachment.url}});
    }
    nlohmann::json json = {{"id", inject.id},
                           {"scene_id", inject.scene_id},
                           {"at", FormatScenarioTime(inject.at)},
                           {"audience", AudienceJson(inject.audience)},
                           {"title", TextJson(inject.title)},
                           {"body", TextJson(inject.body)},
                           {"attachments", std::move(attachments)},
                           {"objectives", inject.objectives},
                           {"expected_actions", inject.expected_actions},
                           {"optional", inject.optional}};
    if (notes == ControllerNotes::kInclude) json["controller_notes"] = inject.controller_notes;
    return json;
}

nlohmann::json ScenarioToJson(const Scenario& scenario) {
    nlohmann::json scenes = nlohmann::json::array();
    for (const Scene& scene : scenario.scenes) {
        scenes.push_back({{"id", scene.id},
                          {"title", TextJson(scene.title)},
                          {"starts_at", FormatScenarioTime(scene.starts_at)},
                          {"ends_at", FormatScenarioTime(scene.ends_at)},
                          {"speed", scene.speed},
                          {"pause_at_end", scene.pause_at_end}});
    }
    nlohmann::json injects = nlohmann::json::array();
    for (const Inject& inject : scenario.injects) injects.push_back(InjectJson(inject, ControllerNotes::kInclude));
    return {{"id", scenario.id},
            {"title", TextJson(scenario.title)},
            {"summary", TextJson(scenario.summary)},
            {"variables", VariablesJson(scenario.variables)},
            {"scenes", std::move(scenes)},
            {"injects", std::move(injects)}};
}

nlohmann::json OverlayToJson(const Overlay& overlay) {
    nlohmann::json changes = nlohmann::json::array();
    for (const InjectChange& change : overlay.changes) {
        nlohmann::json item = {{"inject_id", change.inject_id}, {"disabled", change.disabled}};
        if (change.title) item["title"] = TextJson(*change.title);
        if (change.body) item["body"] = TextJson(*change.body);
        changes.push_back(std::move(item));
    }
    nlohmann::json added = nlohmann::json::array();
    for (const Inject& inject : overlay.added) added.push_back(InjectJson(inject, ControllerNotes::kInclude));
    return {
        {"variables", VariablesJson(overlay.variables)}, {"changes", std::move(changes)}, {"added", std::move(added)}};
}

nlohmann::json EffectiveTimelineJson(const std::vector<EffectiveInject>& items, ControllerNotes notes) {
    nlohmann::json list = nlohmann::json::array();
    for (const EffectiveInject& item : items) {
        nlohmann::json json = InjectJson(item.inject, notes);
        json["source"] = item.source;
        json["changed"] = item.changed;
        list.push_back(std::move(json));
    }
    return {{"items", std::move(list)}};
}

}  // namespace enshu::scenario
