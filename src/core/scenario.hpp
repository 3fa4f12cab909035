#pragma once

// The scenario model of live play (DOMAIN.md §2.4, docs/scenario-format.md): scenes on
// a scenario clock, injects addressed to audiences, and the overlays that customise
// the common scenario per sector and per organisation (個別シナリオ). Pure values; the
// YAML/XLSX readers live in src/scenario, storage in src/scenario's repository.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace enshu::scenario {

// Scenario time in minutes since "day 1 00:00" (D1 09:00 = 540, D2 10:30 = 2070).
using ScenarioMinutes = std::int64_t;

// "D2 10:30" <-> 2070. Parse returns nullopt for malformed text (day 1..99, HH 00..23, MM 00..59).
std::optional<ScenarioMinutes> ParseScenarioTime(const std::string& text);
std::string FormatScenarioTime(ScenarioMinutes minutes);

struct LocalisedText {
    std::string ja;
    std::string en;
};

// Who an inject is for. Empty lists mean "no restriction" on that dimension; an
// inject reaches a participant when every non-empty dimension matches.
// `everyone` = true with all lists empty reaches every participant of the exercise.
struct Audience {
    bool everyone = true;
    std::vector<std::string> sectors;            // sector codes
    std::vector<std::string> organisations;      // organisation external refs or ids as text ("id:42")
    std::vector<std::string> modes;              // venue, online, simulated
    std::vector<std::string> team_roles;         // management, csirt, pr, systems, ... (a person's functions)
};

struct Attachment {
    std::string name;       // file name shown
    std::string url;        // relative URL under the exercise's attachments, or an absolute https URL
};

struct Inject {
    std::string id;                          // stable id within the scenario, [A-Za-z0-9._-]{1,64}
    std::string scene_id;
    ScenarioMinutes at = 0;                  // absolute scenario time (offsets are resolved on load)
    Audience audience;
    LocalisedText title;
    LocalisedText body;                      // may contain {{variables}}
    std::vector<Attachment> attachments;
    std::vector<int> objectives;             // verification objectives 1..10 it exercises
    std::vector<std::string> expected_actions;
    std::string controller_notes;            // never sent to players
    bool optional = false;                   // organisations may disable it in their overlay
    int order = 0;                           // position in the file; ties on `at` keep file order
};

struct Scene {
    std::string id;
    LocalisedText title;
    ScenarioMinutes starts_at = 0;           // scenario time at which the scene begins
    ScenarioMinutes ends_at = 0;             // scenario time at which it ends (> starts_at)
    double speed = 1.0;                      // scenario minutes per wall minute (0.1 .. 1440)
    bool pause_at_end = false;               // the clock pauses when the scene ends
};

struct Scenario {
    std::string id;                          // e.g. "ransomware-2023"
    LocalisedText title;
    LocalisedText summary;
    std::map<std::string, std::string> variables;   // defaults for {{name}}
    std::vector<Scene> scenes;               // ordered by starts_at, non-overlapping
    std::vector<Inject> injects;             // ordered by (at, order)
};

// A change made by a sector (organiser or ministry) or an organisation (org lead).
struct InjectChange {
    std::string inject_id;
    std::optional<LocalisedText> title;
    std::optional<LocalisedText> body;
    bool disabled = false;                   // only allowed for optional injects
};

struct Overlay {
    std::map<std::string, std::string> variables;   // override scenario variables
    std::vector<InjectChange> changes;
    std::vector<Inject> added;               // own injects; their audience is the owner
};

// What one organisation is, for audience matching and variable substitution.
struct OrganisationProfile {
    std::int64_t id = 0;
    std::string external_ref;
    std::string name;
    std::string sector_code;
    std::string mode;
};

struct EffectiveInject {
    Inject inject;                           // texts with variables substituted, overlays applied
    std::string source;                      // "master", "sector", "organisation"
    bool changed = false;                    // an overlay changed its text
};

// The timeline one organisation sees: master ⊕ sector overlay ⊕ organisation overlay,
// filtered to injects whose audience matches the organisation (team_roles are not
// filtered here: they select people within the organisation), variables substituted
// ({{org.name}}, {{org.sector}}, then overlay variables over scenario variables;
// unknown variables are left as written), disabled optional injects removed, ordered
// by (at, order). Pure and deterministic.
std::vector<EffectiveInject> ResolveEffectiveTimeline(const Scenario& scenario, const Overlay* sector_overlay,
                                                      const Overlay* organisation_overlay,
                                                      const OrganisationProfile& organisation);

// True when the audience addresses this organisation (ignoring team roles).
bool AudienceIncludesOrganisation(const Audience& audience, const OrganisationProfile& organisation);

}  // namespace enshu::scenario
