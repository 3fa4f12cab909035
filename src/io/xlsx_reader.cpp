// ReadXlsx: minizip (through ZipReader) + pugixml. Each call builds its own reader, so
// concurrent calls share nothing.

#include <charconv>
#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>

#include "io/xlsx.hpp"
#include "io/xlsx_cells.hpp"
#include "io/zip_reader.hpp"

namespace enshu::io {
namespace {

// Element and attribute names without their namespace prefix ("x:row" -> "row"); files from
// some generators prefix every SpreadsheetML element.
std::string_view LocalName(const char* name) {
    const std::string_view full(name);
    const std::size_t colon = full.rfind(':');
    return colon == std::string_view::npos ? full : full.substr(colon + 1);
}

pugi::xml_node Child(pugi::xml_node parent, std::string_view local_name) {
    for (pugi::xml_node child : parent.children()) {
        if (child.type() == pugi::node_element && LocalName(child.name()) == local_name) return child;
    }
    return {};
}

enum class Prefix { kNone, kRequired };

// An attribute by local name, either without a namespace prefix ("id") or with one ("r:id").
pugi::xml_attribute Attribute(pugi::xml_node node, std::string_view local_name, Prefix prefix = Prefix::kNone) {
    const bool prefixed = prefix == Prefix::kRequired;
    for (pugi::xml_attribute attribute : node.attributes()) {
        const std::string_view name(attribute.name());
        if (LocalName(attribute.name()) == local_name && (name.find(':') != std::string_view::npos) == prefixed) {
            return attribute;
        }
    }
    return {};
}

// Directory of a part name, with a trailing slash ("xl/workbook.xml" -> "xl/").
std::string DirectoryOf(std::string_view part) {
    const std::size_t slash = part.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

// The relationships part of `part` ("xl/workbook.xml" -> "xl/_rels/workbook.xml.rels").
std::string RelationshipsPartOf(std::string_view part) {
    const std::size_t slash = part.rfind('/');
    const std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
    return DirectoryOf(part) + "_rels/" + std::string(file) + ".rels";
}

// Resolves a relationship target against the directory of its source part; absolute targets
// ("/xl/worksheets/sheet1.xml") start from the package root. "." and ".." are resolved.
std::string ResolveTarget(std::string_view source_directory, std::string_view target) {
    std::string joined =
        target.starts_with('/') ? std::string(target.substr(1)) : std::string(source_directory) + std::string(target);
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= joined.size()) {
        const std::size_t end = std::min(joined.find('/', start), joined.size());
        const std::string segment = joined.substr(start, end - start);
        if (segment == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        start = end + 1;
    }
    std::string resolved;
    for (const auto& segment : segments) {
        if (!resolved.empty()) resolved.push_back('/');
        resolved += segment;
    }
    return resolved;
}

struct Relationship {
    std::string type;    // full type URI
    std::string target;  // resolved part name
};

bool TypeIs(const Relationship& relationship, std::string_view suffix) {
    return relationship.type.ends_with(std::string("/") + std::string(suffix));
}

struct SheetEntry {
    std::string name;
    std::string part;
};

// A cell with a value, before the sheet is laid out.
struct PlacedCell {
    CellPosition position;
    std::string text;
};

class XlsxReader {
  public:
    XlsxReader(ZipReader& zip, const XlsxLimits& limits) : zip_(zip), limits_(limits) {}

    Result<std::vector<ReadSheet>> Read() {
        auto workbook_part = FindWorkbookPart();
        if (!workbook_part) return tl::unexpected(std::move(workbook_part.error()));
        auto relationships = ReadRelationships(*workbook_part);
        if (!relationships) return tl::unexpected(std::move(relationships.error()));
        auto entries = ReadWorkbook(*workbook_part, *relationships);
        if (!entries) return tl::unexpected(std::move(entries.error()));
        for (const auto& [id, relationship] : *relationships) {
            if (TypeIs(relationship, "sharedStrings")) {
                if (Status status = ReadSharedStrings(relationship.target); !status) {
                    return tl::unexpected(std::move(status.error()));
                }
                break;
            }
        }
        std::vector<ReadSheet> sheets;
        for (const auto& entry : *entries) {
            auto sheet = ReadWorksheet(entry);
            if (!sheet) return tl::unexpected(std::move(sheet.error()));
            sheets.push_back(std::move(*sheet));
        }
        return sheets;
    }

  private:
    // Reads a part within the per-part and total uncompressed limits.
    Result<std::string> ReadPart(const std::string& part) {
        auto content = zip_.Read(part, limits_.max_uncompressed_bytes);
        if (!content) {
            Error error = std::move(content.error());
            if (error.code == ErrorCode::kNotFound) error.code = ErrorCode::kInvalidArgument;
            if (error.code == ErrorCode::kPayloadTooLarge) error.message += " (max_uncompressed_bytes)";
            return tl::unexpected(std::move(error));
        }
        total_uncompressed_ += content->size();
        if (total_uncompressed_ > limits_.max_total_uncompressed_bytes) {
            return Fail(ErrorCode::kPayloadTooLarge,
                        part + ": the parts read so far exceed max_total_uncompressed_bytes=" +
                            std::to_string(limits_.max_total_uncompressed_bytes));
        }
        return content;
    }

    // Parses `content` (kept alive by the caller) in place into `document`.
    static Status Parse(pugi::xml_document& document, std::string& content, const std::string& part) {
        const pugi::xml_parse_result parsed = document.load_buffer_inplace(
            content.data(), content.size(), pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_utf8);
        if (!parsed) {
            return Fail(ErrorCode::kInvalidArgument, part + ": malformed XML at offset " +
                                                         std::to_string(parsed.offset) + " (" + parsed.description() +
                                                         ")");
        }
        return Ok();
    }

    Result<std::string> FindWorkbookPart() {
        constexpr std::string_view kDefault = "xl/workbook.xml";
        if (!zip_.Contains("_rels/.rels")) return std::string(kDefault);
        auto relationships = ReadRelationships("");
        if (!relationships) return tl::unexpected(std::move(relationships.error()));
        for (const auto& [id, relationship] : *relationships) {
            if (TypeIs(relationship, "officeDocument")) return relationship.target;
        }
        return std::string(kDefault);
    }

    // Relationships of `source_part` ("" for the package) by id, targets resolved. A missing
    // relationships part is an empty map.
    Result<std::map<std::string, Relationship>> ReadRelationships(const std::string& source_part) {
        const std::string part = source_part.empty() ? "_rels/.rels" : RelationshipsPartOf(source_part);
        std::map<std::string, Relationship> relationships;
        if (!zip_.Contains(part)) return relationships;
        auto content = ReadPart(part);
        if (!content) return tl::unexpected(std::move(content.error()));
        pugi::xml_document document;
        if (Status status = Parse(document, *content, part); !status) return tl::unexpected(std::move(status.error()));
        const std::string directory = DirectoryOf(source_part);
        for (pugi::xml_node node : Child(document, "Relationships").children()) {
            if (LocalName(node.name()) != "Relationship") continue;
            if (std::string_view(Attribute(node, "TargetMode").value()) == "External") continue;
            relationships[Attribute(node, "Id").value()] = Relationship{
                Attribute(node, "Type").value(), ResolveTarget(directory, Attribute(node, "Target").value())};
        }
        return relationships;
    }

    // Worksheets listed in the workbook, in order; other sheet kinds are skipped.
    Result<std::vector<SheetEntry>> ReadWorkbook(const std::string& workbook_part,
                                                 const std::map<std::string, Relationship>& relationships) {
        auto content = ReadPart(workbook_part);
        if (!content) return tl::unexpected(std::move(content.error()));
        pugi::xml_document document;
        if (Status status = Parse(document, *content, workbook_part); !status) {
            return tl::unexpected(std::move(status.error()));
        }
        const pugi::xml_node workbook = Child(document, "workbook");
        if (!workbook) return Fail(ErrorCode::kInvalidArgument, workbook_part + ": no <workbook> element");
        std::vector<SheetEntry> entries;
        std::size_t position = 0;
        for (pugi::xml_node sheet : Child(workbook, "sheets").children()) {
            if (LocalName(sheet.name()) != "sheet") continue;
            ++position;
            const std::string id = Attribute(sheet, "id", Prefix::kRequired).value();
            const auto found = relationships.find(id);
            if (found == relationships.end()) {
                return Fail(ErrorCode::kInvalidArgument, workbook_part + ": sheet " + std::to_string(position) +
                                                             " refers to unknown relationship '" + id + "'");
            }
            if (!TypeIs(found->second, "worksheet")) continue;
            if (entries.size() == limits_.max_sheets) {
                return Fail(ErrorCode::kPayloadTooLarge, workbook_part + ": more than max_sheets=" +
                                                             std::to_string(limits_.max_sheets) + " worksheets");
            }
            std::string name = Attribute(sheet, "name").value();
            if (name.empty()) name = "Sheet" + std::to_string(position);
            entries.push_back(SheetEntry{std::move(name), found->second.target});
        }
        return entries;
    }

    // Text of a string item (<si> or <is>): plain <t>, or rich-text runs <r><t>; phonetic
    // runs (<rPh>, furigana) are not part of the text.
    static std::string StringItemText(pugi::xml_node item) {
        std::string text;
        for (pugi::xml_node child : item.children()) {
            const std::string_view name = LocalName(child.name());
            if (name == "t") {
                text += child.text().get();
            } else if (name == "r") {
                text += Child(child, "t").text().get();
            }
        }
        return DecodeXlsxEscapes(text);
    }

    Status ReadSharedStrings(const std::string& part) {
        auto content = ReadPart(part);
        if (!content) return tl::unexpected(std::move(content.error()));
        pugi::xml_document document;
        if (Status status = Parse(document, *content, part); !status) return status;
        for (pugi::xml_node item : Child(document, "sst").children()) {
            if (LocalName(item.name()) == "si") shared_strings_.push_back(StringItemText(item));
        }
        return Ok();
    }

    // Text of cell `cell` or nullopt when it has no value.
    Result<std::optional<std::string>> CellText(pugi::xml_node cell, const std::string& where) {
        const std::string_view type = Attribute(cell, "t").value();
        if (type == "inlineStr") {
            const pugi::xml_node inline_string = Child(cell, "is");
            if (!inline_string) return std::optional<std::string>();
            return std::optional<std::string>(StringItemText(inline_string));
        }
        const pugi::xml_node value_node = Child(cell, "v");
        if (!value_node) return std::optional<std::string>();
        const std::string_view value = value_node.text().get();
        if (type == "s") {
            std::size_t index = 0;
            const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), index);
            if (error != std::errc{} || end != value.data() + value.size() || index >= shared_strings_.size()) {
                return Fail(ErrorCode::kInvalidArgument,
                            where + ": shared string index '" + std::string(value) + "' is not valid (the file has " +
                                std::to_string(shared_strings_.size()) + " shared strings)");
            }
            return std::optional<std::string>(shared_strings_[index]);
        }
        if (type == "b") {
            if (value == "1") return std::optional<std::string>("TRUE");
            if (value == "0") return std::optional<std::string>("FALSE");
            return std::optional<std::string>(std::string(value));
        }
        if (type.empty() || type == "n") return std::optional<std::string>(FormatXlsxNumber(value));
        // "str" (formula result), "e" (error such as #DIV/0!), "d" (ISO date) and unknown types: as stored.
        return std::optional<std::string>(DecodeXlsxEscapes(value));
    }

    Result<ReadSheet> ReadWorksheet(const SheetEntry& entry) {
        auto content = ReadPart(entry.part);
        if (!content) return tl::unexpected(std::move(content.error()));
        pugi::xml_document document;
        if (Status status = Parse(document, *content, entry.part); !status) {
            return tl::unexpected(std::move(status.error()));
        }
        const pugi::xml_node worksheet = Child(document, "worksheet");
        if (!worksheet) return Fail(ErrorCode::kInvalidArgument, entry.part + ": no <worksheet> element");

        std::vector<PlacedCell> cells;
        std::size_t height = 0;
        std::size_t width = 0;
        std::size_t next_row = 0;
        for (pugi::xml_node row : Child(worksheet, "sheetData").children()) {
            if (LocalName(row.name()) != "row") continue;
            std::size_t row_index = next_row;
            if (const pugi::xml_attribute number = Attribute(row, "r")) {
                const std::string_view text = number.value();
                std::size_t parsed = 0;
                const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
                if (error != std::errc{} || end != text.data() + text.size() || parsed == 0 || parsed > kXlsxMaxRows) {
                    return Fail(ErrorCode::kInvalidArgument,
                                entry.part + ": invalid row number '" + std::string(text) + "'");
                }
                row_index = parsed - 1;
            }
            next_row = row_index + 1;
            std::size_t next_column = 0;
            for (pugi::xml_node cell : row.children()) {
                if (LocalName(cell.name()) != "c") continue;
                CellPosition position{row_index, next_column};
                if (const pugi::xml_attribute reference = Attribute(cell, "r")) {
                    const auto parsed = ParseCellReference(reference.value());
                    if (!parsed) {
                        return Fail(ErrorCode::kInvalidArgument,
                                    entry.part + ": invalid cell reference '" + reference.value() + "'");
                    }
                    position = *parsed;
                }
                next_column = position.column + 1;
                const std::string where = entry.part + ": cell " + CellReference(position.row, position.column);
                auto text = CellText(cell, where);
                if (!text) return tl::unexpected(std::move(text.error()));
                if (!text->has_value()) continue;  // styled but empty
                if (position.row >= limits_.max_rows) {
                    return Fail(ErrorCode::kPayloadTooLarge,
                                where + ": more than max_rows=" + std::to_string(limits_.max_rows) + " rows");
                }
                if (position.column >= limits_.max_columns) {
                    return Fail(ErrorCode::kPayloadTooLarge,
                                where + ": more than max_columns=" + std::to_string(limits_.max_columns) + " columns");
                }
                height = std::max(height, position.row + 1);
                width = std::max(width, position.column + 1);
                if (height * width + total_cells_ > limits_.max_cells) {
                    return Fail(ErrorCode::kPayloadTooLarge, where + ": the padded sheets would exceed max_cells=" +
                                                                 std::to_string(limits_.max_cells));
                }
                cells.push_back(PlacedCell{position, std::move(**text)});
            }
        }
        total_cells_ += height * width;
        ReadSheet sheet;
        sheet.name = entry.name;
        sheet.rows.assign(height, std::vector<std::string>(width));
        for (auto& cell : cells) sheet.rows[cell.position.row][cell.position.column] = std::move(cell.text);
        return sheet;
    }

    ZipReader& zip_;
    const XlsxLimits& limits_;
    std::vector<std::string> shared_strings_;
    std::size_t total_uncompressed_ = 0;
    std::size_t total_cells_ = 0;
};

}  // namespace

Result<std::vector<ReadSheet>> ReadXlsx(std::string_view bytes, const XlsxLimits& limits) {
    if (bytes.size() > limits.max_file_bytes) {
        return Fail(ErrorCode::kPayloadTooLarge,
                    "file: " + std::to_string(bytes.size()) +
                        " bytes, over max_file_bytes=" + std::to_string(limits.max_file_bytes));
    }
    auto zip = ZipReader::Open(bytes);
    if (!zip) return tl::unexpected(std::move(zip.error()));
    return XlsxReader(**zip, limits).Read();
}

}  // namespace enshu::io
