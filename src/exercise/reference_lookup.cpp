#include "exercise/reference_lookup.hpp"

#include <mutex>
#include <utility>

#include "io/text.hpp"

namespace enshu::exercise {
namespace {

bool SameName(std::string_view normalised_query, std::string_view candidate) {
    return !candidate.empty() && io::NormaliseForSearch(candidate) == normalised_query;
}

// "東京都" -> "東京", "大阪府" -> "大阪", "神奈川県" -> "神奈川"; "北海道" keeps its name.
std::string WithoutPrefectureSuffix(std::string_view name_ja) {
    for (std::string_view suffix : {"都", "府", "県"}) {
        if (name_ja.size() > suffix.size() && name_ja.substr(name_ja.size() - suffix.size()) == suffix) {
            return std::string(name_ja.substr(0, name_ja.size() - suffix.size()));
        }
    }
    return std::string(name_ja);
}

}  // namespace

ReferenceLookup::ReferenceLookup(std::vector<SectorRef> sectors, std::vector<MinistryRef> ministries,
                                 std::vector<RegionRef> regions)
    : sectors_(std::move(sectors)), ministries_(std::move(ministries)), regions_(std::move(regions)) {}

const SectorRef* ReferenceLookup::SectorByCode(std::string_view code) const {
    for (const auto& sector : sectors_) {
        if (sector.code == code) return &sector;
    }
    return nullptr;
}

const MinistryRef* ReferenceLookup::MinistryByCode(std::string_view code) const {
    for (const auto& ministry : ministries_) {
        if (ministry.code == code) return &ministry;
    }
    return nullptr;
}

const RegionRef* ReferenceLookup::RegionByCode(std::string_view code) const {
    for (const auto& region : regions_) {
        if (region.code == code) return &region;
    }
    return nullptr;
}

const SectorRef* ReferenceLookup::FindSector(std::string_view code_or_name) const {
    if (const auto* exact = SectorByCode(code_or_name)) return exact;
    const std::string query = io::NormaliseForSearch(io::TrimSpaces(code_or_name));
    if (query.empty()) return nullptr;
    for (const auto& sector : sectors_) {
        if (SameName(query, sector.code) || SameName(query, sector.name_ja) || SameName(query, sector.name_en)) {
            return &sector;
        }
    }
    return nullptr;
}

const MinistryRef* ReferenceLookup::FindMinistry(std::string_view code_or_name) const {
    if (const auto* exact = MinistryByCode(code_or_name)) return exact;
    const std::string query = io::NormaliseForSearch(io::TrimSpaces(code_or_name));
    if (query.empty()) return nullptr;
    for (const auto& ministry : ministries_) {
        if (SameName(query, ministry.code) || SameName(query, ministry.name_ja) || SameName(query, ministry.name_en) ||
            SameName(query, ministry.short_ja) || SameName(query, ministry.short_en)) {
            return &ministry;
        }
    }
    return nullptr;
}

const RegionRef* ReferenceLookup::FindRegion(std::string_view code_or_name) const {
    if (const auto* exact = RegionByCode(code_or_name)) return exact;
    const std::string query = io::NormaliseForSearch(io::TrimSpaces(code_or_name));
    if (query.empty()) return nullptr;
    for (const auto& region : regions_) {
        if (SameName(query, region.code) || SameName(query, region.name_ja) || SameName(query, region.name_en) ||
            SameName(query, WithoutPrefectureSuffix(region.name_ja))) {
            return &region;
        }
    }
    return nullptr;
}

ReferenceLookup MakeReferenceLookup(const db::ReferenceData& data) {
    std::vector<SectorRef> sectors;
    for (const auto& sector : data.sectors) {
        sectors.push_back({sector.code, sector.ministry_code, sector.name_ja, sector.name_en});
    }
    std::vector<MinistryRef> ministries;
    for (const auto& ministry : data.ministries) {
        ministries.push_back({ministry.code, ministry.name_ja, ministry.name_en, ministry.short_ja, ministry.short_en});
    }
    std::vector<RegionRef> regions;
    for (const auto& region : data.regions) regions.push_back({region.code, region.name_ja, region.name_en});
    return ReferenceLookup(std::move(sectors), std::move(ministries), std::move(regions));
}

namespace {

struct ReferenceCache {
    std::mutex mutex;
    std::shared_ptr<const db::ReferenceData> data;
    std::shared_ptr<const ReferenceLookup> lookup;
};

ReferenceCache& Cache() {
    static ReferenceCache cache;
    return cache;
}

Status EnsureLoaded(db::Database& database) {
    ReferenceCache& cache = Cache();
    std::lock_guard lock(cache.mutex);
    if (cache.data) return Ok();
    auto loaded = db::LoadReferenceData(database);
    if (!loaded) return tl::unexpected(loaded.error());
    auto data = std::make_shared<const db::ReferenceData>(std::move(*loaded));
    cache.lookup = std::make_shared<const ReferenceLookup>(MakeReferenceLookup(*data));
    cache.data = std::move(data);
    return Ok();
}

}  // namespace

Result<std::shared_ptr<const db::ReferenceData>> SharedReferenceData(db::Database& database) {
    if (auto status = EnsureLoaded(database); !status) return tl::unexpected(status.error());
    std::lock_guard lock(Cache().mutex);
    return Cache().data;
}

Result<std::shared_ptr<const ReferenceLookup>> SharedReferenceLookup(db::Database& database) {
    if (auto status = EnsureLoaded(database); !status) return tl::unexpected(status.error());
    std::lock_guard lock(Cache().mutex);
    return Cache().lookup;
}

}  // namespace enshu::exercise
