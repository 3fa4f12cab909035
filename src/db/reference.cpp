#include "db/reference.hpp"

#include <algorithm>

namespace enshu::db {

namespace {

constexpr std::string_view kSelectMinistries =
    "SELECT code, name_ja, name_en, short_ja, short_en FROM ref_ministry ORDER BY sort_order, code";
constexpr std::string_view kSelectSectors =
    "SELECT code, ministry_code, name_ja, name_en, ceptoar_name_ja, ceptoar_name_en FROM ref_sector "
    "ORDER BY sort_order, code";
constexpr std::string_view kSelectAgencies =
    "SELECT code, kind, name_ja, name_en, short_ja, short_en FROM ref_agency ORDER BY sort_order, code";
constexpr std::string_view kSelectObjectives =
    "SELECT id, title_ja, title_en, description_ja, description_en, action_plan_item, action_plan_title_ja, "
    "action_plan_title_en, is_custom FROM ref_objective ORDER BY id";
constexpr std::string_view kSelectAnswerScales = "SELECT code, name_ja, name_en FROM ref_answer_scale ORDER BY code";
constexpr std::string_view kSelectAnswerOptions =
    "SELECT scale_code, code, position, label_ja, label_en, counts_as_yes, degree, is_no_answer "
    "FROM ref_answer_option ORDER BY scale_code, position, code";
constexpr std::string_view kSelectReadinessItems =
    "SELECT id, area_code, area_ja, area_en, text_ja, text_en, timing, scale_code, measure, yes_label_ja, "
    "yes_label_en, sort_order, introduced_fiscal_year FROM ref_readiness_item ORDER BY sort_order, id";
constexpr std::string_view kSelectRegions = "SELECT code, name_ja, name_en FROM ref_region ORDER BY sort_order, code";

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

// "東京都" → "東京"; names without a 都/府/県 suffix (北海道) are returned unchanged.
std::string_view WithoutPrefectureSuffix(std::string_view name_ja) {
    for (std::string_view suffix : {"都", "府", "県"}) {
        if (name_ja.size() > suffix.size() && name_ja.substr(name_ja.size() - suffix.size()) == suffix) {
            return name_ja.substr(0, name_ja.size() - suffix.size());
        }
    }
    return name_ja;
}

template <typename T, typename Predicate>
const T* FindIf(const std::vector<T>& items, Predicate predicate) {
    const auto found = std::find_if(items.begin(), items.end(), predicate);
    return found == items.end() ? nullptr : &*found;
}

// Runs `query` and appends one T per row, built by `make`.
template <typename T, typename Make>
Status ReadAll(Connection& connection, std::string_view query, std::vector<T>& out, Make make) {
    auto rows = connection.Query(query);
    if (!rows) return tl::unexpected(rows.error());
    out.reserve(rows->size());
    for (const Row& row : *rows) out.push_back(make(row));
    return Ok();
}

Status ReadReference(Connection& connection, ReferenceData& data) {
    Status status = ReadAll(connection, kSelectMinistries, data.ministries, [](const Row& r) {
        return Ministry{r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4)};
    });
    if (!status) return status;
    status = ReadAll(connection, kSelectSectors, data.sectors, [](const Row& r) {
        return Sector{r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5)};
    });
    if (!status) return status;
    status = ReadAll(connection, kSelectAgencies, data.agencies, [](const Row& r) {
        return Agency{r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5)};
    });
    if (!status) return status;
    status = ReadAll(connection, kSelectObjectives, data.objectives, [](const Row& r) {
        return Objective{static_cast<int>(r.Int(0)),
                         r.Text(1),
                         r.Text(2),
                         r.Text(3),
                         r.Text(4),
                         r.Text(5),
                         r.Text(6),
                         r.Text(7),
                         r.Int(8) != 0};
    });
    if (!status) return status;
    status = ReadAll(connection, kSelectAnswerScales, data.answer_scales, [](const Row& r) {
        return AnswerScale{r.Text(0), r.Text(1), r.Text(2), {}};
    });
    if (!status) return status;
    auto options = connection.Query(kSelectAnswerOptions);
    if (!options) return tl::unexpected(options.error());
    for (const Row& r : *options) {
        auto scale = std::find_if(data.answer_scales.begin(), data.answer_scales.end(),
                                  [&](const AnswerScale& s) { return s.code == r.Text(0); });
        if (scale == data.answer_scales.end()) continue;  // impossible: foreign key
        std::optional<double> degree;
        if (!r.IsNull(6)) degree = r.Real(6);
        scale->options.push_back(AnswerOption{r.Text(1), static_cast<int>(r.Int(2)), r.Text(3), r.Text(4),
                                              r.Int(5) != 0, degree, r.Int(7) != 0});
    }
    status = ReadAll(connection, kSelectReadinessItems, data.readiness_items, [](const Row& r) {
        return ReadinessItem{r.Text(0),
                             r.Text(1),
                             r.Text(2),
                             r.Text(3),
                             r.Text(4),
                             r.Text(5),
                             r.Text(6),
                             r.Text(7),
                             r.Text(8),
                             r.Text(9),
                             r.Text(10),
                             static_cast<int>(r.Int(11)),
                             static_cast<int>(r.Int(12))};
    });
    if (!status) return status;
    return ReadAll(connection, kSelectRegions, data.regions, [](const Row& r) {
        return Region{r.Text(0), r.Text(1), r.Text(2)};
    });
}

}  // namespace

const AnswerOption* AnswerScale::FindOption(std::string_view option_code) const {
    return FindIf(options, [&](const AnswerOption& o) { return o.code == option_code; });
}

const Ministry* ReferenceData::FindMinistry(std::string_view code) const {
    return FindIf(ministries, [&](const Ministry& m) { return m.code == code; });
}

const Sector* ReferenceData::FindSector(std::string_view code) const {
    return FindIf(sectors, [&](const Sector& s) { return s.code == code; });
}

const Sector* ReferenceData::FindSectorByName(std::string_view name) const {
    return FindIf(sectors, [&](const Sector& s) {
        return s.code == name || s.name_ja == name || EqualsIgnoringAsciiCase(s.name_en, name);
    });
}

const Ministry* ReferenceData::MinistryOfSector(std::string_view sector_code) const {
    const Sector* sector = FindSector(sector_code);
    return sector == nullptr ? nullptr : FindMinistry(sector->ministry_code);
}

const Agency* ReferenceData::FindAgency(std::string_view code) const {
    return FindIf(agencies, [&](const Agency& a) { return a.code == code; });
}

const Objective* ReferenceData::FindObjective(int id) const {
    return FindIf(objectives, [&](const Objective& o) { return o.id == id; });
}

const AnswerScale* ReferenceData::FindAnswerScale(std::string_view code) const {
    return FindIf(answer_scales, [&](const AnswerScale& s) { return s.code == code; });
}

const ReadinessItem* ReferenceData::FindReadinessItem(std::string_view id) const {
    return FindIf(readiness_items, [&](const ReadinessItem& i) { return i.id == id; });
}

const Region* ReferenceData::FindRegion(std::string_view code) const {
    return FindIf(regions, [&](const Region& r) { return r.code == code; });
}

const Region* ReferenceData::FindRegionByName(std::string_view name) const {
    if (name.empty()) return nullptr;
    return FindIf(regions, [&](const Region& r) {
        return r.code == name || r.name_ja == name || WithoutPrefectureSuffix(r.name_ja) == name ||
               EqualsIgnoringAsciiCase(r.name_en, name);
    });
}

const std::vector<std::string>& SizeBands() {
    static const std::vector<std::string> values{"small", "medium", "large"};
    return values;
}

const std::vector<std::string>& ParticipationModes() {
    static const std::vector<std::string> values{"venue", "online", "simulated"};
    return values;
}

const std::vector<std::string>& PhaseKinds() {
    static const std::vector<std::string> values{"recruitment",  "briefing", "preparation",
                                                 "exercise_day", "feedback", "report"};
    return values;
}

Result<ReferenceData> LoadReferenceData(Database& database) {
    ReferenceData data;
    const Status status = database.Read([&](Connection& connection) { return ReadReference(connection, data); });
    if (!status) return tl::unexpected(status.error());
    return data;
}

nlohmann::json ToJson(const ReferenceData& reference) {
    using nlohmann::json;
    json out = json::object();
    json& ministries = out["ministries"] = json::array();
    for (const auto& m : reference.ministries) {
        ministries.push_back({{"code", m.code},
                              {"name_ja", m.name_ja},
                              {"name_en", m.name_en},
                              {"short_ja", m.short_ja},
                              {"short_en", m.short_en}});
    }
    json& sectors = out["sectors"] = json::array();
    for (const auto& s : reference.sectors) {
        sectors.push_back({{"code", s.code},
                           {"ministry_code", s.ministry_code},
                           {"name_ja", s.name_ja},
                           {"name_en", s.name_en},
                           {"ceptoar_name_ja", s.ceptoar_name_ja},
                           {"ceptoar_name_en", s.ceptoar_name_en}});
    }
    json& agencies = out["agencies"] = json::array();
    for (const auto& a : reference.agencies) {
        agencies.push_back({{"code", a.code},
                            {"kind", a.kind},
                            {"name_ja", a.name_ja},
                            {"name_en", a.name_en},
                            {"short_ja", a.short_ja},
                            {"short_en", a.short_en}});
    }
    json& objectives = out["objectives"] = json::array();
    for (const auto& o : reference.objectives) {
        objectives.push_back({{"id", o.id},
                              {"title_ja", o.title_ja},
                              {"title_en", o.title_en},
                              {"description_ja", o.description_ja},
                              {"description_en", o.description_en},
                              {"action_plan_item", o.action_plan_item},
                              {"action_plan_title_ja", o.action_plan_title_ja},
                              {"action_plan_title_en", o.action_plan_title_en},
                              {"is_custom", o.is_custom}});
    }
    json& scales = out["answer_scales"] = json::array();
    for (const auto& s : reference.answer_scales) {
        json options = json::array();
        for (const auto& o : s.options) {
            options.push_back({{"code", o.code},
                               {"position", o.position},
                               {"label_ja", o.label_ja},
                               {"label_en", o.label_en},
                               {"counts_as_yes", o.counts_as_yes},
                               {"degree", o.degree ? json(*o.degree) : json(nullptr)},
                               {"is_no_answer", o.is_no_answer}});
        }
        scales.push_back({{"code", s.code}, {"name_ja", s.name_ja}, {"name_en", s.name_en}, {"options", options}});
    }
    json& items = out["readiness_items"] = json::array();
    for (const auto& i : reference.readiness_items) {
        items.push_back({{"id", i.id},
                         {"area_code", i.area_code},
                         {"area_ja", i.area_ja},
                         {"area_en", i.area_en},
                         {"text_ja", i.text_ja},
                         {"text_en", i.text_en},
                         {"timing", i.timing},
                         {"scale_code", i.scale_code},
                         {"measure", i.measure},
                         {"yes_label_ja", i.yes_label_ja},
                         {"yes_label_en", i.yes_label_en},
                         {"sort_order", i.sort_order},
                         {"introduced_fiscal_year", i.introduced_fiscal_year}});
    }
    json& regions = out["regions"] = json::array();
    for (const auto& r : reference.regions) {
        regions.push_back({{"code", r.code}, {"name_ja", r.name_ja}, {"name_en", r.name_en}});
    }
    out["size_bands"] = SizeBands();
    out["participation_modes"] = ParticipationModes();
    out["phase_kinds"] = PhaseKinds();
    return out;
}

}  // namespace enshu::db
