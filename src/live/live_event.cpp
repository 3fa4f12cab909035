#include "live/live_event.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace enshu::live {
namespace {

template <typename T>
bool Contains(const std::vector<T>& values, const T& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

bool Intersects(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return std::any_of(a.begin(), a.end(), [&](const std::string& value) { return Contains(b, value); });
}

// Staff who do not watch everything (ministry members): events for everyone, events
// addressed by sector to one of their ministry's sectors (not organisation-addressed ones),
// and events whose staff_sectors name one of their ministry's sectors.
bool MatchesLimitedStaff(const EventAudience& audience, const StreamSubscriber& subscriber) {
    if (audience.participants_only) return false;
    if (audience.everyone) return true;
    if (Intersects(audience.staff_sectors, subscriber.ministry_sectors)) return true;
    return audience.organisation_ids.empty() && audience.person_ids.empty() && !audience.sectors.empty() &&
           Intersects(audience.sectors, subscriber.ministry_sectors);
}

}  // namespace

// Rules (documented for users in docs/api.md "Live play"):
// - staff watching everything receive every event unless participants_only;
// - a person listed in person_ids receives it;
// - otherwise a participant needs a scope (everyone, its organisation listed, or, when
//   no organisation is listed, a sector or mode list) and must match every non-empty
//   dimension: sector, mode, team role. A participant with no recorded team roles
//   (person.team_roles, set on the members page or by the people import) matches any
//   team-role list, so an organisation that has not assigned functions misses nothing.
bool AudienceMatches(const EventAudience& audience, const StreamSubscriber& subscriber) {
    if (subscriber.watches_everything) return !audience.participants_only;
    const bool participant = subscriber.organisation_id.has_value() || subscriber.person_id.has_value();
    if (!participant) return MatchesLimitedStaff(audience, subscriber);
    if (subscriber.person_id && Contains(audience.person_ids, *subscriber.person_id)) return true;
    const bool listed_organisation =
        subscriber.organisation_id && Contains(audience.organisation_ids, *subscriber.organisation_id);
    const bool by_dimension =
        audience.organisation_ids.empty() && (!audience.sectors.empty() || !audience.modes.empty());
    if (!audience.everyone && !listed_organisation && !by_dimension) return false;
    if (!audience.sectors.empty() && !Contains(audience.sectors, subscriber.sector)) return false;
    if (!audience.modes.empty() && !Contains(audience.modes, subscriber.mode)) return false;
    if (!audience.team_roles.empty() && !subscriber.team_roles.empty() &&
        !Intersects(audience.team_roles, subscriber.team_roles)) {
        return false;
    }
    return true;
}

std::shared_ptr<const std::string> SerialiseFrame(const LiveEvent& event) {
    // The payload is embedded as stored; a payload with a raw line break (never produced
    // by nlohmann's compact dump) is re-serialised so that the data line stays one line.
    std::string payload = event.payload_json.empty() ? std::string("{}") : event.payload_json;
    if (payload.find_first_of("\r\n") != std::string::npos) {
        payload = nlohmann::json::parse(payload, nullptr, false).dump();
    }
    const std::string type = nlohmann::json(event.type).dump();
    auto frame = std::make_shared<std::string>();
    frame->reserve(payload.size() + event.type.size() * 2 + 96);
    *frame += "id: ";
    *frame += std::to_string(event.seq);
    *frame += "\nevent: ";
    // The event name is one of our constants; line breaks would end the field early.
    for (char c : event.type) *frame += (c == '\n' || c == '\r') ? ' ' : c;
    *frame += "\ndata: {\"released_at_us\":";
    *frame += std::to_string(event.released_at_us);
    *frame += ",\"seq\":";
    *frame += std::to_string(event.seq);
    *frame += ",\"type\":";
    *frame += type;
    *frame += ",\"payload\":";
    *frame += payload;
    *frame += "}\n\n";
    return frame;
}

}  // namespace enshu::live
