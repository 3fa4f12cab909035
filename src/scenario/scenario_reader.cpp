#include "scenario/scenario_reader.hpp"

#include <algorithm>
#include <initializer_list>
#include <set>

#include "io/text.hpp"

namespace enshu::scenario::internal {
namespace {

std::string Child(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string Index(const std::string& path, std::size_t index) { return path + "[" + std::to_string(index) + "]"; }

// Shared state of one read.
class NodeReader {
  public:
    explicit NodeReader(ProblemSink& sink) : sink_(sink) {}

    void Mark(const YAML::Node& node, const std::string& path) {
        const YAML::Mark mark = node.Mark();
        if (mark.line >= 0) sink_.Locate(path, Location{mark.line + 1, "", ""});
    }

    void Problem(const std::string& path, const std::string& message) { sink_.Add(path, message); }

    // True when `node` is a mapping whose keys are all in `allowed` (each once);
    // reports the others. Null or absent counts as an empty mapping when `optional`.
    bool Map(const YAML::Node& node, const std::string& path, std::initializer_list<std::string_view> allowed) {
        Mark(node, path);
        if (!node.IsMap()) {
            Problem(path, path.empty() ? "the file must be a mapping (key: value)" : "must be a mapping");
            return false;
        }
        std::set<std::string> seen;
        for (const auto& entry : node) {
            const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string("?");
            const std::string child = Child(path, key);
            Mark(entry.first, child);
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                std::string names;
                for (std::string_view name : allowed) names += (names.empty() ? "" : ", ") + std::string(name);
                Problem(child, "unknown field (expected one of " + names + ")");
            } else if (!seen.insert(key).second) {
                Problem(child, "appears twice");
            }
        }
        return true;
    }

    // The member `key` of a mapping checked by Map(), or an undefined node.
    static YAML::Node Member(const YAML::Node& map, std::string_view key) {
        for (const auto& entry : map) {
            if (entry.first.IsScalar() && entry.first.Scalar() == key) return entry.second;
        }
        return YAML::Node(YAML::NodeType::Undefined);
    }

    static bool Present(const YAML::Node& node) { return node.IsDefined() && !node.IsNull(); }

    std::string Text(const YAML::Node& node, const std::string& path) {
        if (!Present(node)) return {};
        Mark(node, path);
        if (!node.IsScalar()) {
            Problem(path, "must be text");
            return {};
        }
        const std::string& value = node.Scalar();
        if (!io::IsValidUtf8(value)) {
            Problem(path, "is not valid UTF-8");
            return {};
        }
        return value;
    }

    LocalisedText Localised(const YAML::Node& node, const std::string& path) {
        LocalisedText text;
        if (!Present(node)) return text;
        if (!Map(node, path, {"ja", "en"})) return text;
        text.ja = Text(Member(node, "ja"), Child(path, "ja"));
        text.en = Text(Member(node, "en"), Child(path, "en"));
        return text;
    }

    std::optional<double> Number(const YAML::Node& node, const std::string& path) {
        if (!Present(node)) return std::nullopt;
        Mark(node, path);
        double value = 0;
        if (!node.IsScalar() || !YAML::convert<double>::decode(node, value)) {
            Problem(path, "must be a number");
            return std::nullopt;
        }
        return value;
    }

    bool Boolean(const YAML::Node& node, const std::string& path) {
        if (!Present(node)) return false;
        Mark(node, path);
        bool value = false;
        if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) {
            Problem(path, "must be true or false");
            return false;
        }
        return value;
    }

    // A sequence of text; a single scalar is read as a list of one.
    std::vector<std::string> TextList(const YAML::Node& node, const std::string& path) {
        std::vector<std::string> values;
        if (!Present(node)) return values;
        Mark(node, path);
        if (node.IsScalar()) {
            values.push_back(Text(node, path));
            return values;
        }
        if (!node.IsSequence()) {
            Problem(path, "must be a list");
            return values;
        }
        std::size_t index = 0;
        for (const auto& item : node) {
            if (sink_.Full()) break;
            values.push_back(Text(item, Index(path, index++)));
        }
        return values;
    }

    std::map<std::string, std::string> Variables(const YAML::Node& node, const std::string& path) {
        std::map<std::string, std::string> variables;
        if (!Present(node)) return variables;
        Mark(node, path);
        if (!node.IsMap()) {
            Problem(path, "must be a mapping of name: value");
            return variables;
        }
        for (const auto& entry : node) {
            const std::string name = entry.first.IsScalar() ? entry.first.Scalar() : std::string("?");
            const std::string child = Child(path, name);
            Mark(entry.first, child);
            if (!variables.emplace(name, Text(entry.second, child)).second) Problem(child, "appears twice");
        }
        return variables;
    }

    Audience ReadAudience(const YAML::Node& node, const std::string& path) {
        Audience audience;
        if (!Present(node)) return audience;
        Mark(node, path);
        if (node.IsScalar()) {
            if (node.Scalar() != "everyone") {
                Problem(path, "'" + node.Scalar() +
                                  "' is not an audience (write 'everyone' or a mapping of sectors, organisations, "
                                  "modes, team_roles)");
            }
            return audience;
        }
        if (!Map(node, path, {"everyone", "sectors", "organisations", "modes", "team_roles"})) return audience;
        const YAML::Node everyone = Member(node, "everyone");
        audience.sectors = TextList(Member(node, "sectors"), Child(path, "sectors"));
        audience.organisations = TextList(Member(node, "organisations"), Child(path, "organisations"));
        audience.modes = TextList(Member(node, "modes"), Child(path, "modes"));
        audience.team_roles = TextList(Member(node, "team_roles"), Child(path, "team_roles"));
        const bool restricted = !audience.sectors.empty() || !audience.organisations.empty() || !audience.modes.empty();
        if (Present(everyone)) {
            const bool value = Boolean(everyone, Child(path, "everyone"));
            if (value && restricted) {
                Problem(Child(path, "everyone"), "true cannot be combined with sectors, organisations or modes");
            } else if (!value && !restricted && audience.team_roles.empty()) {
                Problem(Child(path, "everyone"),
                        "false names nobody: list sectors, organisations, modes or team_roles");
            }
        }
        audience.everyone = !restricted && audience.team_roles.empty();
        return audience;
    }

    std::vector<Attachment> Attachments(const YAML::Node& node, const std::string& path) {
        std::vector<Attachment> attachments;
        if (!Present(node)) return attachments;
        Mark(node, path);
        if (!node.IsSequence()) {
            Problem(path, "must be a list");
            return attachments;
        }
        std::size_t index = 0;
        for (const auto& item : node) {
            const std::string item_path = Index(path, index++);
            if (!Map(item, item_path, {"name", "url"})) continue;
            attachments.push_back({Text(Member(item, "name"), Child(item_path, "name")),
                                   Text(Member(item, "url"), Child(item_path, "url"))});
        }
        return attachments;
    }

    std::vector<int> Objectives(const YAML::Node& node, const std::string& path) {
        std::vector<int> objectives;
        if (!Present(node)) return objectives;
        Mark(node, path);
        std::vector<YAML::Node> items;
        if (node.IsSequence()) {
            for (const auto& item : node) items.push_back(item);
        } else {
            items.push_back(node);
        }
        std::size_t index = 0;
        for (const auto& item : items) {
            const std::string item_path = node.IsSequence() ? Index(path, index++) : path;
            Mark(item, item_path);
            int value = 0;
            if (!item.IsScalar() || !YAML::convert<int>::decode(item, value)) {
                Problem(item_path, "must be a verification objective number 1..10");
                continue;
            }
            objectives.push_back(value);
        }
        return objectives;
    }

    // Reads "D2 10:30" or "+00:15" (from `scene_start`); reports malformed text.
    std::optional<ScenarioMinutes> Time(const YAML::Node& node, const std::string& path,
                                        std::optional<ScenarioMinutes> scene_start, bool allow_offset) {
        if (!Present(node)) {
            Problem(path, "is required");
            return std::nullopt;
        }
        const std::string text = Text(node, path);
        if (text.empty()) return std::nullopt;
        if (allow_offset && text[0] == '+') {
            auto offset = ParseOffset(text);
            if (!offset) {
                Problem(path, "'" + text + "' is not an offset (+HH:MM from the scene start)");
                return std::nullopt;
            }
            if (!scene_start) return std::nullopt;  // the unknown scene is reported by validation
            return *scene_start + *offset;
        }
        auto minutes = ParseScenarioTime(text);
        if (!minutes) {
            Problem(path, "'" + text + "' is not a scenario time (D<day> HH:MM" +
                              std::string(allow_offset ? " or an offset +HH:MM" : "") + ")");
        }
        return minutes;
    }

    static std::optional<ScenarioMinutes> ParseOffset(const std::string& text) {
        const std::size_t colon = text.find(':');
        if (colon == std::string::npos || colon < 2 || colon > 5 || text.size() != colon + 3) return std::nullopt;
        ScenarioMinutes hours = 0;
        for (std::size_t i = 1; i < colon; ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            hours = hours * 10 + (text[i] - '0');
        }
        const char tens = text[colon + 1];
        const char ones = text[colon + 2];
        if (tens < '0' || tens > '5' || ones < '0' || ones > '9') return std::nullopt;
        return hours * 60 + (tens - '0') * 10 + (ones - '0');
    }

    Inject ReadInject(const YAML::Node& node, const std::string& path, const std::vector<Scene>& scenes) {
        Inject inject;
        if (!Map(node, path,
                 {"id", "scene_id", "at", "audience", "title", "body", "attachments", "objectives", "expected_actions",
                  "controller_notes", "optional"})) {
            return inject;
        }
        inject.id = Text(Member(node, "id"), Child(path, "id"));
        inject.scene_id = Text(Member(node, "scene_id"), Child(path, "scene_id"));
        std::optional<ScenarioMinutes> scene_start;
        for (const Scene& scene : scenes) {
            if (scene.id == inject.scene_id) scene_start = scene.starts_at;
        }
        auto at = Time(Member(node, "at"), Child(path, "at"), scene_start, true);
        inject.at = at ? *at : scene_start.value_or(0);
        inject.audience = ReadAudience(Member(node, "audience"), Child(path, "audience"));
        inject.title = Localised(Member(node, "title"), Child(path, "title"));
        inject.body = Localised(Member(node, "body"), Child(path, "body"));
        inject.attachments = Attachments(Member(node, "attachments"), Child(path, "attachments"));
        inject.objectives = Objectives(Member(node, "objectives"), Child(path, "objectives"));
        inject.expected_actions = TextList(Member(node, "expected_actions"), Child(path, "expected_actions"));
        inject.controller_notes = Text(Member(node, "controller_notes"), Child(path, "controller_notes"));
        inject.optional = Boolean(Member(node, "optional"), Child(path, "optional"));
        return inject;
    }

    std::vector<Inject> ReadInjects(const YAML::Node& node, const std::string& path, const std::vector<Scene>& scenes,
                                    std::size_t limit) {
        std::vector<Inject> injects;
        if (!Present(node)) return injects;
        Mark(node, path);
        if (!node.IsSequence()) {
            Problem(path, "must be a list");
            return injects;
        }
        if (node.size() > limit) {
            Problem(path, "has " + std::to_string(node.size()) + " entries; at most " + std::to_string(limit));
            return injects;
        }
        std::size_t index = 0;
        for (const auto& item : node) {
            if (sink_.Full()) break;
            Inject inject = ReadInject(item, Index(path, index), scenes);
            inject.order = static_cast<int>(index++);
            injects.push_back(std::move(inject));
        }
        return injects;
    }

    Scene ReadScene(const YAML::Node& node, const std::string& path) {
        Scene scene;
        if (!Map(node, path, {"id", "title", "starts_at", "ends_at", "speed", "pause_at_end"})) return scene;
        scene.id = Text(Member(node, "id"), Child(path, "id"));
        scene.title = Localised(Member(node, "title"), Child(path, "title"));
        auto starts_at = Time(Member(node, "starts_at"), Child(path, "starts_at"), std::nullopt, false);
        auto ends_at = Time(Member(node, "ends_at"), Child(path, "ends_at"), std::nullopt, false);
        scene.starts_at = starts_at.value_or(0);
        // An unreadable end is reported once; keep the scene usable for its injects.
        scene.ends_at = ends_at ? *ends_at : (starts_at ? *starts_at + 1 : 1);
        auto speed = Number(Member(node, "speed"), Child(path, "speed"));
        scene.speed = speed.value_or(1.0);
        scene.pause_at_end = Boolean(Member(node, "pause_at_end"), Child(path, "pause_at_end"));
        return scene;
    }

    std::vector<Scene> ReadScenes(const YAML::Node& node, const std::string& path) {
        std::vector<Scene> scenes;
        if (!Present(node)) return scenes;
        Mark(node, path);
        if (!node.IsSequence()) {
            Problem(path, "must be a list");
            return scenes;
        }
        if (node.size() > kMaxScenes) {
            Problem(path, "has " + std::to_string(node.size()) + " scenes; at most " + std::to_string(kMaxScenes));
            return scenes;
        }
        std::size_t index = 0;
        for (const auto& item : node) scenes.push_back(ReadScene(item, Index(path, index++)));
        return scenes;
    }

    InjectChange ReadChange(const YAML::Node& node, const std::string& path) {
        InjectChange change;
        if (!Map(node, path, {"inject_id", "title", "body", "disabled"})) return change;
        change.inject_id = Text(Member(node, "inject_id"), Child(path, "inject_id"));
        if (Present(Member(node, "title"))) change.title = Localised(Member(node, "title"), Child(path, "title"));
        if (Present(Member(node, "body"))) change.body = Localised(Member(node, "body"), Child(path, "body"));
        change.disabled = Boolean(Member(node, "disabled"), Child(path, "disabled"));
        return change;
    }

  private:
    ProblemSink& sink_;
};

}  // namespace

Scenario ReadScenarioNode(const YAML::Node& root, ProblemSink& sink) {
    NodeReader reader(sink);
    Scenario scenario;
    if (!reader.Map(root, "", {"id", "title", "summary", "variables", "scenes", "injects"})) return scenario;
    scenario.id = reader.Text(NodeReader::Member(root, "id"), "id");
    scenario.title = reader.Localised(NodeReader::Member(root, "title"), "title");
    scenario.summary = reader.Localised(NodeReader::Member(root, "summary"), "summary");
    scenario.variables = reader.Variables(NodeReader::Member(root, "variables"), "variables");
    scenario.scenes = reader.ReadScenes(NodeReader::Member(root, "scenes"), "scenes");
    scenario.injects = reader.ReadInjects(NodeReader::Member(root, "injects"), "injects", scenario.scenes, kMaxInjects);
    return scenario;
}

Overlay ReadOverlayNode(const YAML::Node& root, const Scenario& master, ProblemSink& sink) {
    NodeReader reader(sink);
    Overlay overlay;
    if (!NodeReader::Present(root)) return overlay;  // an empty file is an empty overlay
    if (!reader.Map(root, "", {"variables", "changes", "added"})) return overlay;
    overlay.variables = reader.Variables(NodeReader::Member(root, "variables"), "variables");
    const YAML::Node changes = NodeReader::Member(root, "changes");
    if (NodeReader::Present(changes)) {
        reader.Mark(changes, "changes");
        if (!changes.IsSequence()) {
            reader.Problem("changes", "must be a list");
        } else if (changes.size() > kMaxOverlayChanges) {
            reader.Problem("changes", "has " + std::to_string(changes.size()) + " entries; at most " +
                                          std::to_string(kMaxOverlayChanges));
        } else {
            std::size_t index = 0;
            for (const auto& item : changes) {
                if (sink.Full()) break;
                overlay.changes.push_back(reader.ReadChange(item, Index("changes", index++)));
            }
        }
    }
    overlay.added = reader.ReadInjects(NodeReader::Member(root, "added"), "added", master.scenes, kMaxOverlayAdded);
    return overlay;
}

std::optional<YAML::Node> ParseYaml(std::string_view text, ProblemSink& sink) {
    if (text.size() > kMaxScenarioBytes) {
        sink.Add("", "the file has " + std::to_string(text.size()) + " bytes; at most " +
                         std::to_string(kMaxScenarioBytes) + " (2 MiB)");
        return std::nullopt;
    }
    if (auto offset = io::FirstInvalidUtf8Offset(text)) {
        const int line = static_cast<int>(std::count(text.begin(), text.begin() + *offset, '\n')) + 1;
        sink.Locate("", Location{line, "", ""});
        sink.Add("", "not valid UTF-8 (byte " + std::to_string(*offset) + ")");
        return std::nullopt;
    }
    try {
        return YAML::Load(std::string(text));
    } catch (const YAML::Exception& error) {
        if (error.mark.line >= 0) sink.Locate("", Location{error.mark.line + 1, "", ""});
        sink.Add("", "YAML syntax: " + error.msg);
        return std::nullopt;
    }
}

YAML::Node JsonToNode(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::object: {
            YAML::Node node(YAML::NodeType::Map);
            for (const auto& [key, member] : value.items()) node[key] = JsonToNode(member);
            return node;
        }
        case nlohmann::json::value_t::array: {
            YAML::Node node(YAML::NodeType::Sequence);
            for (const auto& item : value) node.push_back(JsonToNode(item));
            return node;
        }
        case nlohmann::json::value_t::string:
            return YAML::Node(value.get<std::string>());
        case nlohmann::json::value_t::boolean:
            return YAML::Node(value.get<bool>() ? "true" : "false");
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
        case nlohmann::json::value_t::number_float:
            return YAML::Node(value.dump());
        default:
            return YAML::Node(YAML::NodeType::Null);
    }
}

void SortInjects(std::vector<Inject>& injects) {
    std::stable_sort(injects.begin(), injects.end(), [](const Inject& a, const Inject& b) { return a.at < b.at; });
    for (std::size_t i = 0; i < injects.size(); ++i) injects[i].order = static_cast<int>(i);
}

}  // namespace enshu::scenario::internal
