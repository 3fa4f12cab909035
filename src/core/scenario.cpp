#include "core/scenario.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <tuple>

namespace enshu::scenario {
namespace {

constexpr ScenarioMinutes kMinutesPerDay = 24 * 60;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool Contains(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

bool IsVariableNameCharacter(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.' || c == '-';
}

// Replaces every "{{ name }}" whose name is in `values`; others stay as written.
// Single pass: substituted values are not expanded again.
std::string Substitute(const std::string& text, const std::map<std::string, std::string>& values) {
    std::string out;
    out.reserve(text.size());
    std::size_t position = 0;
    while (position < text.size()) {
        const std::size_t open = text.find("{{", position);
        if (open == std::string::npos) break;
        const std::size_t close = text.find("}}", open + 2);
        if (close == std::string::npos) break;
        std::size_t name_begin = open + 2;
        std::size_t name_end = close;
        while (name_begin < name_end && text[name_begin] == ' ') ++name_begin;
        while (name_end > name_begin && text[name_end - 1] == ' ') --name_end;
        const std::string name = text.substr(name_begin, name_end - name_begin);
        const bool well_formed = !name.empty() && std::all_of(name.begin(), name.end(), IsVariableNameCharacter);
        auto found = well_formed ? values.find(name) : values.end();
        out.append(text, position, open - position);
        if (found != values.end()) {
            out += found->second;
            position = close + 2;
        } else {
            // Keep "{{" and continue after it, so a later well-formed variable still matches.
            out += "{{";
            position = open + 2;
        }
    }
    out.append(text, position, std::string::npos);
    return out;
}

void SubstituteText(LocalisedText& text, const std::map<std::string, std::string>& values) {
    text.ja = Substitute(text.ja, values);
    text.en = Substitute(text.en, values);
}

// Applies one overlay change to an inject; returns false when the change disables it.
bool ApplyChange(const InjectChange& change, EffectiveInject& item) {
    if (change.disabled && item.inject.optional) return false;
    if (change.title) {
        item.inject.title = *change.title;
        item.changed = true;
    }
    if (change.body) {
        item.inject.body = *change.body;
        item.changed = true;
    }
    return true;
}

// Applies the overlay's changes to `items`; removes the injects it disables.
void ApplyChanges(const Overlay& overlay, std::vector<EffectiveInject>& items) {
    for (const InjectChange& change : overlay.changes) {
        for (auto it = items.begin(); it != items.end(); ++it) {
            if (it->inject.id != change.inject_id) continue;
            if (!ApplyChange(change, *it)) items.erase(it);
            break;
        }
    }
}

int SourceRank(const std::string& source) {
    if (source == "master") return 0;
    if (source == "sector") return 1;
    return 2;
}

}  // namespace

std::optional<ScenarioMinutes> ParseScenarioTime(const std::string& text) {
    // D<day> HH:MM with day 1..99.
    if (text.size() < 8 || text[0] != 'D') return std::nullopt;
    std::size_t position = 1;
    int day = 0;
    int digits = 0;
    while (position < text.size() && IsDigit(text[position]) && digits < 3) {
        day = day * 10 + (text[position] - '0');
        ++position;
        ++digits;
    }
    if (digits == 0 || digits > 2 || day < 1 || day > 99) return std::nullopt;
    if (text.size() != position + 6 || text[position] != ' ') return std::nullopt;
    const char* clock = text.c_str() + position + 1;
    if (!IsDigit(clock[0]) || !IsDigit(clock[1]) || clock[2] != ':' || !IsDigit(clock[3]) || !IsDigit(clock[4])) {
        return std::nullopt;
    }
    const int hours = (clock[0] - '0') * 10 + (clock[1] - '0');
    const int minutes = (clock[3] - '0') * 10 + (clock[4] - '0');
    if (hours > 23 || minutes > 59) return std::nullopt;
    return (day - 1) * kMinutesPerDay + hours * 60 + minutes;
}

std::string FormatScenarioTime(ScenarioMinutes minutes) {
    if (minutes < 0) minutes = 0;
    const long long day = minutes / kMinutesPerDay + 1;
    const long long in_day = minutes % kMinutesPerDay;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "D%lld %02lld:%02lld", day, in_day / 60, in_day % 60);
    return buffer;
}

bool AudienceIncludesOrganisation(const Audience& audience, const OrganisationProfile& organisation) {
    if (!audience.sectors.empty() && !Contains(audience.sectors, organisation.sector_code)) return false;
    if (!audience.modes.empty() && !Contains(audience.modes, organisation.mode)) return false;
    if (!audience.organisations.empty()) {
        const bool by_ref =
            !organisation.external_ref.empty() && Contains(audience.organisations, organisation.external_ref);
        const bool by_id = Contains(audience.organisations, "id:" + std::to_string(organisation.id));
        if (!by_ref && !by_id) return false;
    }
    return true;
}

std::vector<EffectiveInject> ResolveEffectiveTimeline(const Scenario& scenario, const Overlay* sector_overlay,
                                                      const Overlay* organisation_overlay,
                                                      const OrganisationProfile& organisation) {
    std::vector<EffectiveInject> items;
    items.reserve(scenario.injects.size());
    for (const Inject& inject : scenario.injects) items.push_back({inject, "master", false});
    if (sector_overlay != nullptr) {
        ApplyChanges(*sector_overlay, items);
        for (const Inject& added : sector_overlay->added) {
            EffectiveInject item{added, "sector", false};
            item.inject.audience.everyone = false;
            item.inject.audience.sectors = {organisation.sector_code};
            item.inject.audience.organisations.clear();
            items.push_back(std::move(item));
        }
    }
    if (organisation_overlay != nullptr) {
        ApplyChanges(*organisation_overlay, items);
        for (const Inject& added : organisation_overlay->added) {
            EffectiveInject item{added, "organisation", false};
            item.inject.audience.everyone = false;
            item.inject.audience.sectors.clear();
            item.inject.audience.organisations = {"id:" + std::to_string(organisation.id)};
            items.push_back(std::move(item));
        }
    }
    std::erase_if(items, [&](const EffectiveInject& item) {
        return !AudienceIncludesOrganisation(item.inject.audience, organisation);
    });

    std::map<std::string, std::string> values = scenario.variables;
    if (sector_overlay != nullptr) {
        for (const auto& [name, value] : sector_overlay->variables) values[name] = value;
    }
    if (organisation_overlay != nullptr) {
        for (const auto& [name, value] : organisation_overlay->variables) values[name] = value;
    }
    values["org.name"] = organisation.name;
    values["org.sector"] = organisation.sector_code;
    for (EffectiveInject& item : items) {
        SubstituteText(item.inject.title, values);
        SubstituteText(item.inject.body, values);
        for (std::string& action : item.inject.expected_actions) action = Substitute(action, values);
    }

    std::stable_sort(items.begin(), items.end(), [](const EffectiveInject& a, const EffectiveInject& b) {
        return std::make_tuple(a.inject.at, SourceRank(a.source), a.inject.order) <
               std::make_tuple(b.inject.at, SourceRank(b.source), b.inject.order);
    });
    return items;
}

}  // namespace enshu::scenario
