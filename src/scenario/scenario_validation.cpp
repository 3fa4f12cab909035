// The semantic rules of scenario and overlay files (docs/scenario-format.md).

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "db/reference.hpp"
#include "io/text.hpp"
#include "scenario/scenario_yaml.hpp"

namespace enshu::scenario {
namespace {

std::string Child(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string Index(const std::string& path, std::size_t index) { return path + "[" + std::to_string(index) + "]"; }

template <std::size_t N>
bool IsOneOf(std::string_view value, const std::string_view (&set)[N]) {
    return std::find(std::begin(set), std::end(set), value) != std::end(set);
}

template <std::size_t N>
std::string Names(const std::string_view (&set)[N]) {
    std::string text;
    for (std::string_view name : set) text += (text.empty() ? "" : ", ") + std::string(name);
    return text;
}

bool IsId(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
               c == '-';
    });
}

std::string SpeedText(double speed) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", speed);
    return buffer;
}

class Validator {
  public:
    Validator(const ValidationContext& context, ProblemSink& sink) : context_(context), sink_(sink) {}

    void Id(const std::string& id, const std::string& path) {
        if (id.empty()) {
            sink_.Add(path, "is required");
        } else if (!IsId(id)) {
            sink_.Add(path, "'" + id + "' is not an id (1-64 of A-Z a-z 0-9 . _ -)");
        }
    }

    void Length(const std::string& text, const std::string& path, std::size_t max, bool required) {
        if (required && text.empty()) {
            sink_.Add(path, "is required");
            return;
        }
        const std::size_t count = io::CharacterCount(text);
        if (count > max) {
            sink_.Add(path, "has " + std::to_string(count) + " characters; at most " + std::to_string(max));
        }
    }

    void Title(const LocalisedText& title, const std::string& path) {
        Length(title.ja, Child(path, "ja"), kMaxTitleCharacters, true);
        Length(title.en, Child(path, "en"), kMaxTitleCharacters, true);
    }

    void Body(const LocalisedText& body, const std::string& path) {
        Length(body.ja, Child(path, "ja"), kMaxTextCharacters, true);
        Length(body.en, Child(path, "en"), kMaxTextCharacters, false);
    }

    void Variables(const std::map<std::string, std::string>& variables, const std::string& path) {
        if (variables.size() > kMaxVariables) {
            sink_.Add(path, "has " + std::to_string(variables.size()) + " variables; at most " +
                                std::to_string(kMaxVariables));
            return;
        }
        for (const auto& [name, value] : variables) {
            const std::string child = Child(path, name);
            if (!IsId(name)) {
                sink_.Add(child, "'" + name + "' is not a variable name (1-64 of A-Z a-z 0-9 . _ -)");
            } else if (name.rfind("org.", 0) == 0) {
                sink_.Add(child, "names starting with 'org.' are set from the organisation");
            }
            Length(value, child, kMaxVariableValueCharacters, false);
        }
    }

    // `added`: an overlay's own inject, whose audience is the overlay's owner.
    void InjectRules(const Inject& inject, const std::string& path, const std::vector<Scene>& scenes, bool added) {
        Id(inject.id, Child(path, "id"));
        const Scene* scene = nullptr;
        for (const Scene& candidate : scenes) {
            if (candidate.id == inject.scene_id) scene = &candidate;
        }
        if (inject.scene_id.empty()) {
            sink_.Add(Child(path, "scene_id"), "is required");
        } else if (scene == nullptr) {
            sink_.Add(Child(path, "scene_id"), "unknown scene '" + inject.scene_id + "'");
        } else if (inject.at < scene->starts_at || inject.at >= scene->ends_at) {
            sink_.Add(Child(path, "at"), "'" + FormatScenarioTime(inject.at) + "' is outside scene '" + scene->id +
                                             "' (" + FormatScenarioTime(scene->starts_at) + " to " +
                                             FormatScenarioTime(scene->ends_at) + ")");
        }
        AudienceRules(inject.audience, Child(path, "audience"), added);
        Title(inject.title, Child(path, "title"));
        Body(inject.body, Child(path, "body"));
        if (inject.attachments.size() > kMaxAttachments) {
            sink_.Add(Child(path, "attachments"), "at most " + std::to_string(kMaxAttachments) + " attachments");
        }
        for (std::size_t i = 0; i < inject.attachments.size() && i < kMaxAttachments; ++i) {
            const std::string item = Index(Child(path, "attachments"), i);
            Length(inject.attachments[i].name, Child(item, "name"), 200, true);
            const std::string& url = inject.attachments[i].url;
            if (!IsAttachmentUrl(url)) {
                sink_.Add(Child(item, "url"), "'" + url +
                                                  "' is not an attachment URL (https://... or a relative path "
                                                  "without '..')");
            }
        }
        std::set<int> objectives;
        for (std::size_t i = 0; i < inject.objectives.size(); ++i) {
            const int objective = inject.objectives[i];
            const std::string item = Index(Child(path, "objectives"), i);
            if (objective < 1 || objective > 10) {
                sink_.Add(item, std::to_string(objective) + " is not a verification objective (1..10)");
            } else if (!objectives.insert(objective).second) {
                sink_.Add(item, std::to_string(objective) + " is listed twice");
            }
        }
        if (inject.expected_actions.size() > kMaxExpectedActions) {
            sink_.Add(Child(path, "expected_actions"), "at most " + std::to_string(kMaxExpectedActions) + " entries");
        }
        for (std::size_t i = 0; i < inject.expected_actions.size() && i < kMaxExpectedActions; ++i) {
            Length(inject.expected_actions[i], Index(Child(path, "expected_actions"), i), 1000, true);
        }
        Length(inject.controller_notes, Child(path, "controller_notes"), kMaxTextCharacters, false);
    }

    void AudienceRules(const Audience& audience, const std::string& path, bool added) {
        if (added && (!audience.sectors.empty() || !audience.organisations.empty())) {
            sink_.Add(path,
                      "an added inject always goes to the overlay's owner; only modes and team_roles may "
                      "narrow it");
        }
        for (std::size_t i = 0; i < audience.sectors.size(); ++i) {
            if (!context_.sector_codes.contains(audience.sectors[i])) {
                sink_.Add(Index(Child(path, "sectors"), i), "unknown sector '" + audience.sectors[i] + "'");
            }
        }
        for (std::size_t i = 0; i < audience.modes.size(); ++i) {
            if (!IsOneOf(audience.modes[i], kAudienceModes)) {
                sink_.Add(Index(Child(path, "modes"), i),
                          "unknown mode '" + audience.modes[i] + "' (one of " + Names(kAudienceModes) + ")");
            }
        }
        for (std::size_t i = 0; i < audience.team_roles.size(); ++i) {
            if (!IsOneOf(audience.team_roles[i], kTeamRoles)) {
                sink_.Add(Index(Child(path, "team_roles"), i),
                          "unknown team role '" + audience.team_roles[i] + "' (one of " + Names(kTeamRoles) + ")");
            }
        }
        for (std::size_t i = 0; i < audience.organisations.size(); ++i) {
            const std::string& reference = audience.organisations[i];
            const std::string item = Index(Child(path, "organisations"), i);
            if (reference.empty() || reference.size() > 100) {
                sink_.Add(item, "an organisation is named by its external ref or 'id:<number>'");
            } else if (context_.organisation_refs && !context_.organisation_refs->contains(reference)) {
                sink_.Add(item, "no organisation '" + reference + "' in this exercise");
            }
        }
    }

    static bool IsAttachmentUrl(const std::string& url) {
        if (url.empty() || url.size() > 2000) return false;
        if (url.find("..") != std::string::npos) return false;
        if (std::any_of(url.begin(), url.end(), [](unsigned char c) { return c <= ' ' || c == '\\' || c == 0x7f; })) {
            return false;
        }
        if (url.rfind("https://", 0) == 0) return url.size() > 8;
        // Relative: no scheme, not protocol-relative, not absolute.
        return url.find(':') == std::string::npos && url[0] != '/';
    }

    ProblemSink& sink() { return sink_; }

  private:
    const ValidationContext& context_;
    ProblemSink& sink_;
};

}  // namespace

ValidationContext ValidationContextFrom(const db::ReferenceData& reference) {
    ValidationContext context;
    for (const auto& sector : reference.sectors) context.sector_codes.insert(sector.code);
    return context;
}

void ValidateScenario(const Scenario& scenario, const ValidationContext& context, ProblemSink& sink) {
    Validator check(context, sink);
    check.Id(scenario.id, "id");
    check.Title(scenario.title, "title");
    check.Length(scenario.summary.ja, "summary.ja", kMaxTextCharacters, false);
    check.Length(scenario.summary.en, "summary.en", kMaxTextCharacters, false);
    check.Variables(scenario.variables, "variables");

    if (scenario.scenes.empty()) sink.Add("scenes", "at least one scene is required");
    if (scenario.scenes.size() > kMaxScenes) {
        sink.Add("scenes",
                 "has " + std::to_string(scenario.scenes.size()) + " scenes; at most " + std::to_string(kMaxScenes));
    }
    std::map<std::string, std::size_t> scene_ids;
    for (std::size_t i = 0; i < scenario.scenes.size() && !sink.Full(); ++i) {
        const Scene& scene = scenario.scenes[i];
        const std::string path = Index("scenes", i);
        check.Id(scene.id, path + ".id");
        if (!scene.id.empty() && !scene_ids.emplace(scene.id, i).second) {
            sink.Add(path + ".id",
                     "'" + scene.id + "' is also the id of scenes[" + std::to_string(scene_ids[scene.id]) + "]");
        }
        check.Title(scene.title, path + ".title");
        if (scene.ends_at <= scene.starts_at) {
            sink.Add(path + ".ends_at", "'" + FormatScenarioTime(scene.ends_at) + "' must be after starts_at '" +
                                            FormatScenarioTime(scene.starts_at) + "'");
        }
        if (!(scene.speed >= kMinSpeed && scene.speed <= kMaxSpeed)) {
            sink.Add(path + ".speed", SpeedText(scene.speed) + " is outside 0.1..1440 (scenario minutes per minute)");
        }
        if (i > 0 && scene.starts_at < scenario.scenes[i - 1].ends_at) {
            const Scene& previous = scenario.scenes[i - 1];
            sink.Add(path + ".starts_at", "'" + FormatScenarioTime(scene.starts_at) + "' starts before scene '" +
                                              previous.id + "' ends (" + FormatScenarioTime(previous.ends_at) +
                                              "); scenes are ordered and do not overlap");
        }
    }

    if (scenario.injects.size() > kMaxInjects) {
        sink.Add("injects",
                 "has " + std::to_string(scenario.injects.size()) + " injects; at most " + std::to_string(kMaxInjects));
        return;
    }
    std::map<std::string, std::size_t> inject_ids;
    for (std::size_t i = 0; i < scenario.injects.size() && !sink.Full(); ++i) {
        const Inject& inject = scenario.injects[i];
        const std::string path = Index("injects", i);
        check.InjectRules(inject, path, scenario.scenes, false);
        if (!inject.id.empty() && !inject_ids.emplace(inject.id, i).second) {
            sink.Add(path + ".id",
                     "'" + inject.id + "' is also the id of injects[" + std::to_string(inject_ids[inject.id]) + "]");
        }
    }
}

void ValidateOverlay(const Overlay& overlay, const OverlayTarget& target, const ValidationContext& context,
                     ProblemSink& sink) {
    Validator check(context, sink);
    check.Variables(overlay.variables, "variables");
    // The injects this overlay may change: the master's, and for an organisation also
    // those its sector's overlay added.
    std::map<std::string, const Inject*> targets;
    if (target.master != nullptr) {
        for (const Inject& inject : target.master->injects) targets.emplace(inject.id, &inject);
    }
    if (target.scope == OverlayScope::kOrganisation && target.sector_overlay != nullptr) {
        for (const Inject& inject : target.sector_overlay->added) targets.emplace(inject.id, &inject);
    }
    std::map<std::string, std::size_t> changed;
    for (std::size_t i = 0; i < overlay.changes.size() && !sink.Full(); ++i) {
        const InjectChange& change = overlay.changes[i];
        const std::string path = Index("changes", i);
        if (change.inject_id.empty()) {
            sink.Add(path + ".inject_id", "is required");
            continue;
        }
        auto found = targets.find(change.inject_id);
        if (found == targets.end()) {
            sink.Add(path + ".inject_id", "unknown inject '" + change.inject_id + "'");
            continue;
        }
        if (!changed.emplace(change.inject_id, i).second) {
            sink.Add(path + ".inject_id", "'" + change.inject_id + "' is already changed by changes[" +
                                              std::to_string(changed[change.inject_id]) + "]");
        }
        if (!change.disabled && !change.title && !change.body) {
            sink.Add(path, "changes nothing (give title, body or disabled: true)");
        }
        if (change.disabled && !found->second->optional) {
            sink.Add(path + ".disabled",
                     "inject '" + change.inject_id + "' is not optional; only optional injects may be disabled");
        }
        if (change.title) check.Title(*change.title, path + ".title");
        if (change.body) check.Body(*change.body, path + ".body");
    }
    static const std::vector<Scene> kNoScenes;
    const std::vector<Scene>& scenes = target.master != nullptr ? target.master->scenes : kNoScenes;
    std::map<std::string, std::size_t> added_ids;
    for (std::size_t i = 0; i < overlay.added.size() && !sink.Full(); ++i) {
        const Inject& inject = overlay.added[i];
        const std::string path = Index("added", i);
        check.InjectRules(inject, path, scenes, true);
        if (inject.id.empty()) continue;
        if (targets.contains(inject.id)) {
            sink.Add(path + ".id", "'" + inject.id + "' is already the id of an inject of the scenario");
        } else if (!added_ids.emplace(inject.id, i).second) {
            sink.Add(path + ".id",
                     "'" + inject.id + "' is also the id of added[" + std::to_string(added_ids[inject.id]) + "]");
        }
    }
}

}  // namespace enshu::scenario
