#include "db/reference_loader.hpp"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <sstream>

namespace enshu::db {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxFileSize = 4 << 20;
constexpr std::size_t kMaxItems = 5000;
constexpr std::size_t kMaxTextLength = 4000;

enum class ColumnKind {
    kText,          // required string (may be empty)
    kInteger,       // required integer
    kBoolean,       // optional boolean, false when absent; stored as 0/1
    kOptionalReal,  // number, null or absent (NULL)
};

struct Column {
    std::string_view name;
    ColumnKind kind;
};

// One target table: the upsert statement and the JSON members bound to $1..$n in order.
struct TableLoad {
    std::string_view upsert_sql;
    std::vector<Column> columns;
};

constexpr std::string_view kUpsertMinistry =
    "INSERT INTO ref_ministry (code, name_ja, name_en, short_ja, short_en, sort_order) "
    "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO UPDATE SET name_ja = excluded.name_ja, "
    "name_en = excluded.name_en, short_ja = excluded.short_ja, short_en = excluded.short_en, "
    "sort_order = excluded.sort_order";

constexpr std::string_view kUpsertSector =
    "INSERT INTO ref_sector (code, ministry_code, name_ja, name_en, ceptoar_name_ja, ceptoar_name_en, sort_order) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO UPDATE SET ministry_code = excluded.ministry_code, "
    "name_ja = excluded.name_ja, name_en = excluded.name_en, ceptoar_name_ja = excluded.ceptoar_name_ja, "
    "ceptoar_name_en = excluded.ceptoar_name_en, sort_order = excluded.sort_order";

constexpr std::string_view kUpsertAgency =
    "INSERT INTO ref_agency (code, kind, name_ja, name_en, short_ja, short_en, sort_order) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, "
    "name_ja = excluded.name_ja, name_en = excluded.name_en, short_ja = excluded.short_ja, "
    "short_en = excluded.short_en, sort_order = excluded.sort_order";

constexpr std::string_view kUpsertObjective =
    "INSERT INTO ref_objective (id, title_ja, title_en, description_ja, description_en, action_plan_item, "
    "action_plan_title_ja, action_plan_title_en, is_custom) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
    "ON CONFLICT (id) DO UPDATE SET title_ja = excluded.title_ja, title_en = excluded.title_en, "
    "description_ja = excluded.description_ja, description_en = excluded.description_en, "
    "action_plan_item = excluded.action_plan_item, action_plan_title_ja = excluded.action_plan_title_ja, "
    "action_plan_title_en = excluded.action_plan_title_en, is_custom = excluded.is_custom";

constexpr std::string_view kUpsertAnswerScale =
    "INSERT INTO ref_answer_scale (code, name_ja, name_en) VALUES ($1, $2, $3) "
    "ON CONFLICT (code) DO UPDATE SET name_ja = excluded.name_ja, name_en = excluded.name_en";

// $1 is the scale's code (from the parent item), the rest are the option's members.
constexpr std::string_view kUpsertAnswerOption =
    "INSERT INTO ref_answer_option (scale_code, code, position, label_ja, label_en, counts_as_yes, degree, "
    "is_no_answer) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (scale_code, code) DO UPDATE SET "
    "position = excluded.position, label_ja = excluded.label_ja, label_en = excluded.label_en, "
    "counts_as_yes = excluded.counts_as_yes, degree = excluded.degree, is_no_answer = excluded.is_no_answer";

constexpr std::string_view kUpsertReadinessItem =
    "INSERT INTO ref_readiness_item (id, area_code, area_ja, area_en, text_ja, text_en, timing, scale_code, "
    "measure, yes_label_ja, yes_label_en, sort_order, introduced_fiscal_year) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO UPDATE SET "
    "area_code = excluded.area_code, area_ja = excluded.area_ja, area_en = excluded.area_en, "
    "text_ja = excluded.text_ja, text_en = excluded.text_en, timing = excluded.timing, "
    "scale_code = excluded.scale_code, measure = excluded.measure, yes_label_ja = excluded.yes_label_ja, "
    "yes_label_en = excluded.yes_label_en, sort_order = excluded.sort_order, "
    "introduced_fiscal_year = excluded.introduced_fiscal_year";

constexpr std::string_view kUpsertRegion =
    "INSERT INTO ref_region (code, name_ja, name_en, sort_order) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (code) DO UPDATE SET name_ja = excluded.name_ja, name_en = excluded.name_en, "
    "sort_order = excluded.sort_order";

constexpr std::string_view kSelectDatasetVersion = "SELECT version FROM reference_data_version WHERE dataset = $1";

constexpr std::string_view kUpsertDatasetVersion =
    "INSERT INTO reference_data_version (dataset, version, loaded_at) VALUES ($1, $2, $3) "
    "ON CONFLICT (dataset) DO UPDATE SET version = excluded.version, loaded_at = excluded.loaded_at";

const TableLoad& MinistryTable() {
    static const TableLoad table{kUpsertMinistry,
                                 {{"code", ColumnKind::kText},
                                  {"name_ja", ColumnKind::kText},
                                  {"name_en", ColumnKind::kText},
                                  {"short_ja", ColumnKind::kText},
                                  {"short_en", ColumnKind::kText},
                                  {"sort_order", ColumnKind::kInteger}}};
    return table;
}

const TableLoad& SectorTable() {
    static const TableLoad table{kUpsertSector,
                                 {{"code", ColumnKind::kText},
                                  {"ministry_code", ColumnKind::kText},
                                  {"name_ja", ColumnKind::kText},
                                  {"name_en", ColumnKind::kText},
                                  {"ceptoar_name_ja", ColumnKind::kText},
                                  {"ceptoar_name_en", ColumnKind::kText},
                                  {"sort_order", ColumnKind::kInteger}}};
    return table;
}

const TableLoad& AgencyTable() {
    static const TableLoad table{kUpsertAgency,
                                 {{"code", ColumnKind::kText},
                                  {"kind", ColumnKind::kText},
                                  {"name_ja", ColumnKind::kText},
                                  {"name_en", ColumnKind::kText},
                                  {"short_ja", ColumnKind::kText},
                                  {"short_en", ColumnKind::kText},
                                  {"sort_order", ColumnKind::kInteger}}};
    return table;
}

const TableLoad& ObjectiveTable() {
    static const TableLoad table{kUpsertObjective,
                                 {{"id", ColumnKind::kInteger},
                                  {"title_ja", ColumnKind::kText},
                                  {"title_en", ColumnKind::kText},
                                  {"description_ja", ColumnKind::kText},
                                  {"description_en", ColumnKind::kText},
                                  {"action_plan_item", ColumnKind::kText},
                                  {"action_plan_title_ja", ColumnKind::kText},
                                  {"action_plan_title_en", ColumnKind::kText},
                                  {"is_custom", ColumnKind::kBoolean}}};
    return table;
}

const TableLoad& AnswerScaleTable() {
    static const TableLoad table{
        kUpsertAnswerScale,
        {{"code", ColumnKind::kText}, {"name_ja", ColumnKind::kText}, {"name_en", ColumnKind::kText}}};
    return table;
}

const TableLoad& AnswerOptionTable() {
    static const TableLoad table{kUpsertAnswerOption,
                                 {{"code", ColumnKind::kText},
                                  {"position", ColumnKind::kInteger},
                                  {"label_ja", ColumnKind::kText},
                                  {"label_en", ColumnKind::kText},
                                  {"counts_as_yes", ColumnKind::kBoolean},
                                  {"degree", ColumnKind::kOptionalReal},
                                  {"is_no_answer", ColumnKind::kBoolean}}};
    return table;
}

const TableLoad& ReadinessItemTable() {
    static const TableLoad table{kUpsertReadinessItem,
                                 {{"id", ColumnKind::kText},
                                  {"area_code", ColumnKind::kText},
                                  {"area_ja", ColumnKind::kText},
                                  {"area_en", ColumnKind::kText},
                                  {"text_ja", ColumnKind::kText},
                                  {"text_en", ColumnKind::kText},
                                  {"timing", ColumnKind::kText},
                                  {"scale_code", ColumnKind::kText},
                                  {"measure", ColumnKind::kText},
                                  {"yes_label_ja", ColumnKind::kText},
                                  {"yes_label_en", ColumnKind::kText},
                                  {"sort_order", ColumnKind::kInteger},
                                  {"introduced_fiscal_year", ColumnKind::kInteger}}};
    return table;
}

const TableLoad& RegionTable() {
    static const TableLoad table{kUpsertRegion,
                                 {{"code", ColumnKind::kText},
                                  {"name_ja", ColumnKind::kText},
                                  {"name_en", ColumnKind::kText},
                                  {"sort_order", ColumnKind::kInteger}}};
    return table;
}

tl::unexpected<Error> DataError(const std::string& where, const std::string& message) {
    return Fail(ErrorCode::kInternal, "reference data " + where + ": " + message, where);
}

// Appends the values of `item`'s members named by `columns` to `params`. Members
// other than `columns` and `nested_key` are errors (they would be silently lost).
Status AppendItemParams(const json& item, const std::vector<Column>& columns, std::string_view nested_key,
                        const std::string& where, Params& params) {
    if (!item.is_object()) return DataError(where, "item is not an object");
    for (const auto& [key, value] : item.items()) {
        const bool known = key == nested_key ||
                           std::any_of(columns.begin(), columns.end(), [&](const Column& c) { return c.name == key; });
        if (!known) return DataError(where, "unknown member '" + key + "'");
    }
    for (const Column& column : columns) {
        const std::string name(column.name);
        const auto found = item.find(name);
        const bool present = found != item.end() && !found->is_null();
        switch (column.kind) {
            case ColumnKind::kText:
                if (!present || !found->is_string()) return DataError(where, "'" + name + "' must be a string");
                if (found->get_ref<const std::string&>().size() > kMaxTextLength) {
                    return DataError(where, "'" + name + "' is longer than 4000 bytes");
                }
                params.emplace_back(found->get<std::string>());
                break;
            case ColumnKind::kInteger:
                if (!present || !found->is_number_integer()) {
                    return DataError(where, "'" + name + "' must be an integer");
                }
                params.emplace_back(found->get<std::int64_t>());
                break;
            case ColumnKind::kBoolean:
                if (present && !found->is_boolean()) return DataError(where, "'" + name + "' must be true or false");
                params.emplace_back(std::int64_t{present && found->get<bool>() ? 1 : 0});
                break;
            case ColumnKind::kOptionalReal:
                if (present && !found->is_number()) return DataError(where, "'" + name + "' must be a number or null");
                if (present) {
                    params.emplace_back(found->get<double>());
                } else {
                    params.emplace_back(std::monostate{});
                }
                break;
        }
    }
    return Ok();
}

Status UpsertItem(Connection& connection, const TableLoad& table, Params params, const std::string& where) {
    auto changed = connection.Execute(table.upsert_sql, params);
    if (!changed) {
        Error error = changed.error();
        error.message = "reference data " + where + ": " + error.message;
        return tl::unexpected(error);
    }
    return Ok();
}

Status LoadFlat(Connection& connection, const TableLoad& table, const json& items, const std::string& file) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string where = file + " items[" + std::to_string(i) + "]";
        Params params;
        if (auto status = AppendItemParams(items[i], table.columns, {}, where, params); !status) return status;
        if (auto status = UpsertItem(connection, table, std::move(params), where); !status) return status;
    }
    return Ok();
}

// answer_scales: each item is a scale with its "options" array.
Status LoadAnswerScales(Connection& connection, const json& items, const std::string& file) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string where = file + " items[" + std::to_string(i) + "]";
        Params params;
        if (auto status = AppendItemParams(items[i], AnswerScaleTable().columns, "options", where, params); !status) {
            return status;
        }
        const std::string scale_code = std::get<std::string>(params.front());
        if (auto status = UpsertItem(connection, AnswerScaleTable(), std::move(params), where); !status) {
            return status;
        }
        const auto options = items[i].find("options");
        if (options == items[i].end() || !options->is_array() || options->empty()) {
            return DataError(where, "'options' must be a non-empty array");
        }
        for (std::size_t j = 0; j < options->size(); ++j) {
            const std::string option_where = where + ".options[" + std::to_string(j) + "]";
            Params option_params{scale_code};
            if (auto status =
                    AppendItemParams((*options)[j], AnswerOptionTable().columns, {}, option_where, option_params);
                !status) {
                return status;
            }
            if (auto status = UpsertItem(connection, AnswerOptionTable(), std::move(option_params), option_where);
                !status) {
                return status;
            }
        }
    }
    return Ok();
}

Status LoadDatasetItems(Connection& connection, std::string_view dataset, const json& items, const std::string& file) {
    if (dataset == "ministries") return LoadFlat(connection, MinistryTable(), items, file);
    if (dataset == "sectors") return LoadFlat(connection, SectorTable(), items, file);
    if (dataset == "agencies") return LoadFlat(connection, AgencyTable(), items, file);
    if (dataset == "objectives") return LoadFlat(connection, ObjectiveTable(), items, file);
    if (dataset == "answer_scales") return LoadAnswerScales(connection, items, file);
    if (dataset == "readiness_items") return LoadFlat(connection, ReadinessItemTable(), items, file);
    if (dataset == "regions") return LoadFlat(connection, RegionTable(), items, file);
    return DataError(file, "unknown dataset '" + std::string(dataset) + "'");
}

Status LoadOneDataset(Connection& connection, const std::string& argument, const std::vector<EmbeddedFile>& files,
                      std::string_view loaded_at) {
    const auto at = argument.find('@');
    std::int64_t version = 0;
    if (at == std::string::npos || at == 0 ||
        std::from_chars(argument.data() + at + 1, argument.data() + argument.size(), version).ptr !=
            argument.data() + argument.size() ||
        version < 1) {
        return DataError(argument, "marker argument must be <dataset>@<version>");
    }
    const std::string dataset = argument.substr(0, at);
    const std::string file_name = dataset + ".v" + std::to_string(version) + ".json";
    const auto file = std::find_if(files.begin(), files.end(),
                                   [&](const EmbeddedFile& candidate) { return candidate.name == file_name; });
    if (file == files.end()) return DataError(file_name, "file is not embedded in this binary");
    if (file->content.size() > kMaxFileSize) return DataError(file_name, "file is larger than 4 MiB");

    const json document = json::parse(file->content, nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded() || !document.is_object()) return DataError(file_name, "not a JSON object");
    if (document.value("dataset", std::string()) != dataset)
        return DataError(file_name, "'dataset' must be " + dataset);
    if (!document.contains("version") || !document["version"].is_number_integer() ||
        document["version"].get<std::int64_t>() != version) {
        return DataError(file_name, "'version' must be " + std::to_string(version));
    }
    const auto items = document.find("items");
    if (items == document.end() || !items->is_array()) return DataError(file_name, "'items' must be an array");
    if (items->size() > kMaxItems) return DataError(file_name, "more than 5000 items");

    auto loaded = connection.QueryOne(kSelectDatasetVersion, {dataset});
    if (!loaded) return tl::unexpected(loaded.error());
    if (loaded->has_value() && (*loaded)->Int(0) > version) {
        return DataError(file_name, "database already holds version " + std::to_string((*loaded)->Int(0)));
    }
    if (auto status = LoadDatasetItems(connection, dataset, *items, file_name); !status) return status;
    auto recorded = connection.Execute(kUpsertDatasetVersion, {dataset, version, std::string(loaded_at)});
    if (!recorded) return tl::unexpected(recorded.error());
    return Ok();
}

}  // namespace

std::optional<std::string> FindReferenceDataMarker(std::string_view sql) {
    std::size_t line_start = 0;
    while (line_start <= sql.size()) {
        auto line_end = sql.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = sql.size();
        std::string_view line = sql.substr(line_start, line_end - line_start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.substr(0, kLoadReferenceDataMarker.size()) == kLoadReferenceDataMarker) {
            const std::string_view rest = line.substr(kLoadReferenceDataMarker.size());
            if (rest.empty() || rest.front() == ' ' || rest.front() == '\t') return std::string(rest);
        }
        line_start = line_end + 1;
    }
    return std::nullopt;
}

Status LoadReferenceDatasets(Connection& connection, std::string_view marker_arguments,
                             const std::vector<EmbeddedFile>& files, std::string_view loaded_at) {
    std::istringstream arguments{std::string(marker_arguments)};
    std::string argument;
    int count = 0;
    while (arguments >> argument) {
        if (auto status = LoadOneDataset(connection, argument, files, loaded_at); !status) return status;
        ++count;
    }
    if (count == 0) {
        return DataError("marker", "'" + std::string(kLoadReferenceDataMarker) + "' names no <dataset>@<version>");
    }
    return Ok();
}

}  // namespace enshu::db
