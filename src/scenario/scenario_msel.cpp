#include "scenario/scenario_msel.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <vector>

#include "io/text.hpp"
#include "io/xlsx.hpp"
#include "scenario/scenario_reader.hpp"

namespace enshu::scenario {
namespace {

constexpr const char* kScenarioSheet = "scenario";
constexpr const char* kScenesSheet = "scenes";
constexpr const char* kInjectsSheet = "injects";

const std::vector<std::string> kSceneColumns = {"id",      "title_ja", "title_en",    "starts_at",
                                                "ends_at", "speed",    "pause_at_end"};
const std::vector<std::string> kInjectColumns = {"id",
                                                 "scene",
                                                 "time",
                                                 "sectors",
                                                 "organisations",
                                                 "modes",
                                                 "team_roles",
                                                 "title_ja",
                                                 "title_en",
                                                 "body_ja",
                                                 "body_en",
                                                 "objectives",
                                                 "expected_actions",
                                                 "controller_notes",
                                                 "optional",
                                                 "attachments"};

std::string Index(const std::string& path, std::size_t index) { return path + "[" + std::to_string(index) + "]"; }

std::vector<std::string> SplitList(const std::string& text) {
    std::vector<std::string> items;
    std::string current;
    auto flush = [&] {
        std::string trimmed = io::TrimSpaces(current);
        if (!trimmed.empty()) items.push_back(std::move(trimmed));
        current.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ',' || text[i] == '\n') {
            flush();
        } else if (text.compare(i, 3, "、") == 0) {
            flush();
            i += 2;
        } else {
            current.push_back(text[i]);
        }
    }
    flush();
    return items;
}

std::vector<std::string> SplitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!io::TrimSpaces(line).empty()) lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

YAML::Node Sequence(const std::vector<std::string>& items) {
    YAML::Node node(YAML::NodeType::Sequence);
    for (const auto& item : items) node.push_back(item);
    return node;
}

// "yes/no/true/false/1/0/はい/いいえ" as "true"/"false"; other text as written (the
// reader then reports it).
std::string Boolean(const std::string& text) {
    std::string lower = io::NormaliseForSearch(io::TrimSpaces(text));
    for (const char* yes : {"true", "yes", "1", "y", "はい", "○"}) {
        if (lower == yes) return "true";
    }
    for (const char* no : {"false", "no", "0", "n", "いいえ", ""}) {
        if (lower == no) return "false";
    }
    return text;
}

// One sheet with its columns found by header.
class SheetView {
  public:
    SheetView(const io::ReadSheet* sheet, ProblemSink& sink) : sheet_(sheet), sink_(sink) {}

    bool present() const { return sheet_ != nullptr; }
    std::size_t rows() const { return sheet_ == nullptr ? 0 : sheet_->rows.size(); }

    // Maps each header of row 1; reports unknown and missing ones.
    bool Headers(const std::vector<std::string>& known, const std::vector<std::string>& required) {
        if (sheet_ == nullptr || sheet_->rows.empty()) return false;
        const auto& header = sheet_->rows[0];
        for (std::size_t column = 0; column < header.size(); ++column) {
            const std::string name = io::TrimSpaces(header[column]);
            if (name.empty()) continue;
            if (std::find(known.begin(), known.end(), name) == known.end()) {
                Report(0, column, "unknown column '" + name + "'");
            } else if (!columns_.emplace(name, column).second) {
                Report(0, column, "column '" + name + "' appears twice");
            }
        }
        for (const auto& name : required) {
            if (!columns_.contains(name)) Report(0, 0, "missing column '" + name + "'");
        }
        return sink_.empty();
    }

    bool EmptyRow(std::size_t row) const {
        const auto& cells = sheet_->rows[row];
        return std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return io::TrimSpaces(c).empty(); });
    }

    // The cell text of a named column ("" when the column is absent).
    std::string Cell(std::size_t row, const std::string& column) const {
        auto found = columns_.find(column);
        if (found == columns_.end() || found->second >= sheet_->rows[row].size()) return {};
        return sheet_->rows[row][found->second];
    }

    // Registers the cell of `column` in `row` as the location of `path`.
    void Locate(std::size_t row, const std::string& column, const std::string& path) {
        auto found = columns_.find(column);
        const std::size_t index = found == columns_.end() ? 0 : found->second;
        sink_.Locate(path, Location{std::nullopt, sheet_->name, io::CellReference(row, index)});
    }

    void Report(std::size_t row, std::size_t column, const std::string& message) {
        sink_.AddAt(Location{std::nullopt, sheet_->name, io::CellReference(row, column)}, "", message);
    }

  private:
    const io::ReadSheet* sheet_;
    ProblemSink& sink_;
    std::map<std::string, std::size_t> columns_;
};

const io::ReadSheet* FindSheet(const std::vector<io::ReadSheet>& sheets, const char* name) {
    for (const auto& sheet : sheets) {
        if (io::NormaliseForSearch(sheet.name) == name) return &sheet;
    }
    return nullptr;
}

YAML::Node Localised(const std::string& ja, const std::string& en) {
    YAML::Node node(YAML::NodeType::Map);
    node["ja"] = ja;
    node["en"] = en;
    return node;
}

// The scenario sheet: field | value rows.
void ReadScenarioSheet(const io::ReadSheet* sheet, YAML::Node& root, ProblemSink& sink) {
    if (sheet == nullptr) return;
    std::map<std::string, std::string> fields;
    YAML::Node variables(YAML::NodeType::Map);
    for (std::size_t row = 0; row < sheet->rows.size(); ++row) {
        const auto& cells = sheet->rows[row];
        const std::string field = cells.empty() ? "" : io::TrimSpaces(cells[0]);
        const std::string value = cells.size() > 1 ? cells[1] : "";
        if (field.empty() || (row == 0 && field == "field")) continue;
        const Location location{std::nullopt, sheet->name, io::CellReference(row, 1)};
        if (field.rfind("variable:", 0) == 0) {
            const std::string name = field.substr(9);
            variables[name] = value;
            sink.Locate("variables." + name, location);
            continue;
        }
        static const std::map<std::string, std::string> kPaths = {{"id", "id"},
                                                                  {"title_ja", "title.ja"},
                                                                  {"title_en", "title.en"},
                                                                  {"summary_ja", "summary.ja"},
                                                                  {"summary_en", "summary.en"}};
        auto path = kPaths.find(field);
        if (path == kPaths.end()) {
            sink.AddAt(
                Location{std::nullopt, sheet->name, io::CellReference(row, 0)}, "",
                "unknown field '" + field + "' (id, title_ja, title_en, summary_ja, summary_en, variable:<name>)");
            continue;
        }
        fields[field] = value;
        sink.Locate(path->second, location);
    }
    root["id"] = fields["id"];
    root["title"] = Localised(fields["title_ja"], fields["title_en"]);
    root["summary"] = Localised(fields["summary_ja"], fields["summary_en"]);
    if (variables.size() > 0) root["variables"] = variables;
}

YAML::Node ReadScenes(SheetView& view) {
    YAML::Node scenes(YAML::NodeType::Sequence);
    if (!view.Headers(kSceneColumns, {"id", "starts_at", "ends_at"})) return scenes;
    std::size_t index = 0;
    for (std::size_t row = 1; row < view.rows(); ++row) {
        if (view.EmptyRow(row)) continue;
        const std::string path = Index("scenes", index++);
        YAML::Node scene(YAML::NodeType::Map);
        view.Locate(row, "id", path);
        scene["id"] = view.Cell(row, "id");
        scene["title"] = Localised(view.Cell(row, "title_ja"), view.Cell(row, "title_en"));
        view.Locate(row, "title_ja", path + ".title.ja");
        view.Locate(row, "title_en", path + ".title.en");
        for (const char* column : {"starts_at", "ends_at", "speed", "pause_at_end"}) {
            view.Locate(row, column, path + "." + column);
        }
        scene["starts_at"] = view.Cell(row, "starts_at");
        scene["ends_at"] = view.Cell(row, "ends_at");
        if (!io::TrimSpaces(view.Cell(row, "speed")).empty()) scene["speed"] = view.Cell(row, "speed");
        scene["pause_at_end"] = Boolean(view.Cell(row, "pause_at_end"));
        scenes.push_back(scene);
    }
    return scenes;
}

YAML::Node ReadInjects(SheetView& view, ProblemSink& sink) {
    YAML::Node injects(YAML::NodeType::Sequence);
    if (!view.Headers(kInjectColumns, {"id", "scene", "time", "title_ja", "title_en", "body_ja"})) return injects;
    std::size_t index = 0;
    for (std::size_t row = 1; row < view.rows(); ++row) {
        if (view.EmptyRow(row)) continue;
        if (index >= kMaxInjects) {
            sink.Add("injects", "more than " + std::to_string(kMaxInjects) + " injects");
            break;
        }
        const std::string path = Index("injects", index++);
        YAML::Node inject(YAML::NodeType::Map);
        const std::pair<const char*, const char*> paths[] = {{"id", "id"},
                                                             {"scene", "scene_id"},
                                                             {"time", "at"},
                                                             {"sectors", "audience.sectors"},
                                                             {"organisations", "audience.organisations"},
                                                             {"modes", "audience.modes"},
                                                             {"team_roles", "audience.team_roles"},
                                                             {"title_ja", "title.ja"},
                                                             {"title_en", "title.en"},
                                                             {"body_ja", "body.ja"},
                                                             {"body_en", "body.en"},
                                                             {"objectives", "objectives"},
                                                             {"expected_actions", "expected_actions"},
                                                             {"controller_notes", "controller_notes"},
                                                             {"optional", "optional"},
                                                             {"attachments", "attachments"}};
        view.Locate(row, "id", path);
        for (const auto& [column, field] : paths) view.Locate(row, column, path + "." + field);
        view.Locate(row, "sectors", path + ".audience");
        inject["id"] = view.Cell(row, "id");
        inject["scene_id"] = view.Cell(row, "scene");
        inject["at"] = io::TrimSpaces(view.Cell(row, "time"));
        YAML::Node audience(YAML::NodeType::Map);
        for (const char* column : {"sectors", "organisations", "modes", "team_roles"}) {
            auto items = SplitList(view.Cell(row, column));
            if (!items.empty()) audience[column] = Sequence(items);
        }
        if (audience.size() > 0) inject["audience"] = audience;
        inject["title"] = Localised(view.Cell(row, "title_ja"), view.Cell(row, "title_en"));
        inject["body"] = Localised(view.Cell(row, "body_ja"), view.Cell(row, "body_en"));
        auto objectives = SplitList(view.Cell(row, "objectives"));
        if (!objectives.empty()) inject["objectives"] = Sequence(objectives);
        auto actions = SplitLines(view.Cell(row, "expected_actions"));
        if (!actions.empty()) inject["expected_actions"] = Sequence(actions);
        if (!view.Cell(row, "controller_notes").empty())
            inject["controller_notes"] = view.Cell(row, "controller_notes");
        inject["optional"] = Boolean(view.Cell(row, "optional"));
        auto attachment_lines = SplitLines(view.Cell(row, "attachments"));
        if (!attachment_lines.empty()) {
            YAML::Node attachments(YAML::NodeType::Sequence);
            for (const auto& line : attachment_lines) {
                const std::size_t bar = line.find('|');
                YAML::Node attachment(YAML::NodeType::Map);
                attachment["name"] = io::TrimSpaces(bar == std::string::npos ? line : line.substr(0, bar));
                attachment["url"] = bar == std::string::npos ? "" : io::TrimSpaces(line.substr(bar + 1));
                attachments.push_back(attachment);
            }
            inject["attachments"] = attachments;
        }
        injects.push_back(inject);
    }
    return injects;
}

std::string NumberText(double value) {
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string Join(const std::vector<std::string>& items, const char* separator) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : separator) + item;
    return text;
}

}  // namespace

Checked<Scenario> ReadScenarioXlsx(std::string_view bytes, const ValidationContext& context) {
    ProblemSink sink;
    io::XlsxLimits limits;
    limits.max_file_bytes = kMaxScenarioBytes * 4;  // a workbook is zipped XML: allow for its overhead
    limits.max_rows = kMaxInjects + 100;
    limits.max_columns = 40;
    auto sheets = io::ReadXlsx(bytes, limits);
    if (!sheets) {
        sink.Add("", "not a readable XLSX workbook: " + sheets.error().message);
        return tl::unexpected(sink.Take());
    }
    const io::ReadSheet* injects_sheet = FindSheet(*sheets, kInjectsSheet);
    const io::ReadSheet* scenes_sheet = FindSheet(*sheets, kScenesSheet);
    if (injects_sheet == nullptr) sink.Add("", "the workbook has no sheet 'injects'");
    if (scenes_sheet == nullptr) sink.Add("", "the workbook has no sheet 'scenes'");
    if (!sink.empty()) return tl::unexpected(sink.Take());

    YAML::Node root(YAML::NodeType::Map);
    ReadScenarioSheet(FindSheet(*sheets, kScenarioSheet), root, sink);
    SheetView scenes(scenes_sheet, sink);
    root["scenes"] = ReadScenes(scenes);
    SheetView injects(injects_sheet, sink);
    root["injects"] = ReadInjects(injects, sink);
    if (!sink.empty()) return tl::unexpected(sink.Take());

    Scenario scenario = internal::ReadScenarioNode(root, sink);
    if (sink.empty()) ValidateScenario(scenario, context, sink);
    if (!sink.empty()) return tl::unexpected(sink.Take());
    internal::SortInjects(scenario.injects);
    return scenario;
}

Result<std::string> WriteScenarioXlsx(const Scenario& scenario) {
    io::SheetToWrite info{kScenarioSheet, {}, {24, 80}};
    info.rows.push_back({std::string("field"), std::string("value")});
    info.rows.push_back({std::string("id"), scenario.id});
    info.rows.push_back({std::string("title_ja"), scenario.title.ja});
    info.rows.push_back({std::string("title_en"), scenario.title.en});
    info.rows.push_back({std::string("summary_ja"), scenario.summary.ja});
    info.rows.push_back({std::string("summary_en"), scenario.summary.en});
    for (const auto& [name, value] : scenario.variables) info.rows.push_back({"variable:" + name, value});

    io::SheetToWrite scenes{kScenesSheet, {}, {16, 30, 30, 12, 12, 8, 12}};
    scenes.rows.emplace_back(kSceneColumns.begin(), kSceneColumns.end());
    for (const Scene& scene : scenario.scenes) {
        scenes.rows.push_back({scene.id, scene.title.ja, scene.title.en, FormatScenarioTime(scene.starts_at),
                               FormatScenarioTime(scene.ends_at), NumberText(scene.speed),
                               std::string(scene.pause_at_end ? "true" : "false")});
    }

    io::SheetToWrite injects{kInjectsSheet, {}, {12, 14, 10, 16, 16, 12, 16, 30, 30, 60, 60, 10, 40, 40, 8, 30}};
    injects.rows.emplace_back(kInjectColumns.begin(), kInjectColumns.end());
    for (const Inject& inject : scenario.injects) {
        std::vector<std::string> objectives;
        for (int objective : inject.objectives) objectives.push_back(std::to_string(objective));
        std::vector<std::string> attachments;
        for (const auto& attachment : inject.attachments)
            attachments.push_back(attachment.name + " | " + attachment.url);
        std::vector<std::string> row = {inject.id,
                                        inject.scene_id,
                                        FormatScenarioTime(inject.at),
                                        Join(inject.audience.sectors, ","),
                                        Join(inject.audience.organisations, ","),
                                        Join(inject.audience.modes, ","),
                                        Join(inject.audience.team_roles, ","),
                                        inject.title.ja,
                                        inject.title.en,
                                        inject.body.ja,
                                        inject.body.en,
                                        Join(objectives, ","),
                                        Join(inject.expected_actions, "\n"),
                                        inject.controller_notes,
                                        inject.optional ? "true" : "false",
                                        Join(attachments, "\n")};
        injects.rows.emplace_back(row.begin(), row.end());
    }
    return io::WriteXlsx({info, scenes, injects});
}

}  // namespace enshu::scenario
