#include "scenario/scenario_yaml.hpp"

#include <yaml-cpp/yaml.h>

#include <charconv>

#include "scenario/scenario_reader.hpp"

namespace enshu::scenario {
namespace {

// Literal block style keeps multi-line text readable; yaml-cpp cannot write every
// string that way (leading spaces, trailing blank lines), so the style is checked by
// reading it back and double quotes are used when it does not survive.
bool SurvivesLiteral(const std::string& text) {
    YAML::Emitter probe;
    probe << YAML::BeginMap << YAML::Key << "k" << YAML::Value << YAML::Literal << text << YAML::Key << "z"
          << YAML::Value << "1" << YAML::EndMap;
    try {
        const YAML::Node node = YAML::Load(probe.c_str());
        return node["k"].as<std::string>() == text;
    } catch (const YAML::Exception&) {
        return false;
    }
}

void EmitText(YAML::Emitter& out, const std::string& text) {
    if (text.find('\n') != std::string::npos) {
        if (SurvivesLiteral(text)) {
            out << YAML::Literal << text;
        } else {
            out << YAML::DoubleQuoted << text;
        }
        return;
    }
    out << text;
}

void EmitLocalised(YAML::Emitter& out, const char* key, const LocalisedText& text) {
    out << YAML::Key << key << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "ja" << YAML::Value;
    EmitText(out, text.ja);
    out << YAML::Key << "en" << YAML::Value;
    EmitText(out, text.en);
    out << YAML::EndMap;
}

std::string NumberText(double value) {
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

void EmitList(YAML::Emitter& out, const char* key, const std::vector<std::string>& values) {
    if (values.empty()) return;
    out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& value : values) out << value;
    out << YAML::EndSeq;
}

void EmitVariables(YAML::Emitter& out, const std::map<std::string, std::string>& variables) {
    if (variables.empty()) return;
    out << YAML::Key << "variables" << YAML::Value << YAML::BeginMap;
    for (const auto& [name, value] : variables) {
        out << YAML::Key << name << YAML::Value;
        EmitText(out, value);
    }
    out << YAML::EndMap;
}

void EmitInject(YAML::Emitter& out, const Inject& inject) {
    out << YAML::BeginMap;
    out << YAML::Key << "id" << YAML::Value << inject.id;
    out << YAML::Key << "scene_id" << YAML::Value << inject.scene_id;
    out << YAML::Key << "at" << YAML::Value << FormatScenarioTime(inject.at);
    out << YAML::Key << "audience" << YAML::Value;
    const Audience& audience = inject.audience;
    if (audience.sectors.empty() && audience.organisations.empty() && audience.modes.empty() &&
        audience.team_roles.empty()) {
        out << "everyone";
    } else {
        out << YAML::Flow << YAML::BeginMap;
        EmitList(out, "sectors", audience.sectors);
        EmitList(out, "organisations", audience.organisations);
        EmitList(out, "modes", audience.modes);
        EmitList(out, "team_roles", audience.team_roles);
        out << YAML::EndMap;
    }
    EmitLocalised(out, "title", inject.title);
    EmitLocalised(out, "body", inject.body);
    if (!inject.attachments.empty()) {
        out << YAML::Key << "attachments" << YAML::Value << YAML::BeginSeq;
        for (const auto& attachment : inject.attachments) {
            out << YAML::BeginMap << YAML::Key << "name" << YAML::Value << attachment.name << YAML::Key << "url"
                << YAML::Value << attachment.url << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    if (!inject.objectives.empty()) {
        out << YAML::Key << "objectives" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (int objective : inject.objectives) out << objective;
        out << YAML::EndSeq;
    }
    if (!inject.expected_actions.empty()) {
        out << YAML::Key << "expected_actions" << YAML::Value << YAML::BeginSeq;
        for (const auto& action : inject.expected_actions) EmitText(out, action);
        out << YAML::EndSeq;
    }
    if (!inject.controller_notes.empty()) {
        out << YAML::Key << "controller_notes" << YAML::Value;
        EmitText(out, inject.controller_notes);
    }
    if (inject.optional) out << YAML::Key << "optional" << YAML::Value << true;
    out << YAML::EndMap;
}

Checked<Scenario> Finish(Scenario scenario, const ValidationContext& context, ProblemSink& sink) {
    if (sink.empty()) ValidateScenario(scenario, context, sink);
    if (!sink.empty()) return tl::unexpected(sink.Take());
    internal::SortInjects(scenario.injects);
    return scenario;
}

Checked<Overlay> FinishOverlay(Overlay overlay, const OverlayTarget& target, const ValidationContext& context,
                               ProblemSink& sink) {
    if (sink.empty()) ValidateOverlay(overlay, target, context, sink);
    if (!sink.empty()) return tl::unexpected(sink.Take());
    internal::SortInjects(overlay.added);
    return overlay;
}

const Scenario& MasterOf(const OverlayTarget& target) {
    static const Scenario kEmpty;
    return target.master != nullptr ? *target.master : kEmpty;
}

}  // namespace

Checked<Scenario> ReadScenarioYaml(std::string_view text, const ValidationContext& context) {
    ProblemSink sink;
    auto root = internal::ParseYaml(text, sink);
    if (!root) return tl::unexpected(sink.Take());
    Scenario scenario = internal::ReadScenarioNode(*root, sink);
    return Finish(std::move(scenario), context, sink);
}

Checked<Scenario> ScenarioFromJson(const nlohmann::json& value, const ValidationContext& context) {
    ProblemSink sink;
    Scenario scenario = internal::ReadScenarioNode(internal::JsonToNode(value), sink);
    return Finish(std::move(scenario), context, sink);
}

std::string WriteScenarioYaml(const Scenario& scenario) {
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    out << YAML::Key << "id" << YAML::Value << scenario.id;
    EmitLocalised(out, "title", scenario.title);
    if (!scenario.summary.ja.empty() || !scenario.summary.en.empty()) EmitLocalised(out, "summary", scenario.summary);
    EmitVariables(out, scenario.variables);
    out << YAML::Key << "scenes" << YAML::Value << YAML::BeginSeq;
    for (const Scene& scene : scenario.scenes) {
        out << YAML::BeginMap;
        out << YAML::Key << "id" << YAML::Value << scene.id;
        EmitLocalised(out, "title", scene.title);
        out << YAML::Key << "starts_at" << YAML::Value << FormatScenarioTime(scene.starts_at);
        out << YAML::Key << "ends_at" << YAML::Value << FormatScenarioTime(scene.ends_at);
        out << YAML::Key << "speed" << YAML::Value << NumberText(scene.speed);
        if (scene.pause_at_end) out << YAML::Key << "pause_at_end" << YAML::Value << true;
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::Key << "injects" << YAML::Value << YAML::BeginSeq;
    for (const Inject& inject : scenario.injects) EmitInject(out, inject);
    out << YAML::EndSeq;
    out << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

Checked<Overlay> ReadOverlayYaml(std::string_view text, const OverlayTarget& target, const ValidationContext& context) {
    ProblemSink sink;
    auto root = internal::ParseYaml(text, sink);
    if (!root) return tl::unexpected(sink.Take());
    Overlay overlay = internal::ReadOverlayNode(*root, MasterOf(target), sink);
    return FinishOverlay(std::move(overlay), target, context, sink);
}

Checked<Overlay> OverlayFromJson(const nlohmann::json& value, const OverlayTarget& target,
                                 const ValidationContext& context) {
    ProblemSink sink;
    Overlay overlay = internal::ReadOverlayNode(internal::JsonToNode(value), MasterOf(target), sink);
    return FinishOverlay(std::move(overlay), target, context, sink);
}

std::string WriteOverlayYaml(const Overlay& overlay) {
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    EmitVariables(out, overlay.variables);
    if (!overlay.changes.empty()) {
        out << YAML::Key << "changes" << YAML::Value << YAML::BeginSeq;
        for (const InjectChange& change : overlay.changes) {
            out << YAML::BeginMap << YAML::Key << "inject_id" << YAML::Value << change.inject_id;
            if (change.title) EmitLocalised(out, "title", *change.title);
            if (change.body) EmitLocalised(out, "body", *change.body);
            if (change.disabled) out << YAML::Key << "disabled" << YAML::Value << true;
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    if (!overlay.added.empty()) {
        out << YAML::Key << "added" << YAML::Value << YAML::BeginSeq;
        for (const Inject& inject : overlay.added) EmitInject(out, inject);
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

}  // namespace enshu::scenario
