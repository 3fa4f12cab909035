#pragma once

// Lookups of the reference data an organisation refers to (sectors, ministries,
// prefectures), by code and, for imports, by Japanese or English name.
// Immutable after construction; safe to share between threads.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"
#include "db/reference.hpp"

namespace enshu::exercise {

struct SectorRef {
    std::string code;           // "electricity"
    std::string ministry_code;  // "meti"
    std::string name_ja;        // "電力"
    std::string name_en;        // "Electricity"
};

struct MinistryRef {
    std::string code;     // "meti"
    std::string name_ja;  // "経済産業省"
    std::string name_en;
    std::string short_ja;
    std::string short_en;  // "METI"
};

struct RegionRef {
    std::string code;     // "JP-13"
    std::string name_ja;  // "東京都"
    std::string name_en;  // "Tokyo"
};

class ReferenceLookup {
  public:
    ReferenceLookup(std::vector<SectorRef> sectors, std::vector<MinistryRef> ministries,
                    std::vector<RegionRef> regions);

    // Exact code, or nullptr.
    const SectorRef* SectorByCode(std::string_view code) const;
    const MinistryRef* MinistryByCode(std::string_view code) const;
    const RegionRef* RegionByCode(std::string_view code) const;

    // Code or any name (Japanese, English, short forms), compared after NFKC
    // normalisation and case folding ("ＴＯＫＹＯ" finds Tokyo). For regions the
    // Japanese name is also accepted without its suffix 都/府/県 ("東京").
    const SectorRef* FindSector(std::string_view code_or_name) const;
    const MinistryRef* FindMinistry(std::string_view code_or_name) const;
    const RegionRef* FindRegion(std::string_view code_or_name) const;

    const std::vector<SectorRef>& sectors() const { return sectors_; }
    const std::vector<MinistryRef>& ministries() const { return ministries_; }
    const std::vector<RegionRef>& regions() const { return regions_; }

  private:
    std::vector<SectorRef> sectors_;
    std::vector<MinistryRef> ministries_;
    std::vector<RegionRef> regions_;
};

// The lookup over loaded reference data.
ReferenceLookup MakeReferenceLookup(const db::ReferenceData& data);

// The database's reference data (db::LoadReferenceData) and the lookup over it,
// loaded on first use and cached for the process: reference data only changes with
// migrations, which run before the server starts, and is the same in every migrated
// database. A failed load is not cached (the next call retries). Thread-safe (a mutex
// guards the cache; the values are immutable).
Result<std::shared_ptr<const db::ReferenceData>> SharedReferenceData(db::Database& database);
Result<std::shared_ptr<const ReferenceLookup>> SharedReferenceLookup(db::Database& database);

}  // namespace enshu::exercise
