#pragma once

// The reference data (ministries, sectors, agencies, verification objectives,
// answer scales, readiness items, prefectures) as loaded from the ref_* tables, its
// JSON form for GET /api/reference, and lookups other modules use to validate input.
//
// A ReferenceData value is immutable after loading and safe to share between
// threads; the lookups return pointers into it (valid while it lives) or nullptr.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"

namespace enshu::db {

struct Ministry {
    std::string code;  // "meti"
    std::string name_ja, name_en, short_ja, short_en;
};

struct Sector {
    std::string code;  // "electricity"
    std::string ministry_code;
    std::string name_ja, name_en, ceptoar_name_ja, ceptoar_name_en;
};

struct Agency {
    std::string code;  // "npa"
    std::string kind;  // "incident_response" | "cybersecurity_body"
    std::string name_ja, name_en, short_ja, short_en;
};

struct Objective {
    int id = 0;  // 1..10
    std::string title_ja, title_en, description_ja, description_en;
    std::string action_plan_item;  // "1.2(2)"; "" for the organisation's own objective
    std::string action_plan_title_ja, action_plan_title_en;
    bool is_custom = false;
};

struct AnswerOption {
    std::string code;  // "very_well"
    int position = 0;
    std::string label_ja, label_en;
    bool counts_as_yes = false;
    std::optional<double> degree;  // 0..100 on degree scales
    bool is_no_answer = false;
};

struct AnswerScale {
    std::string code;  // "four_level"
    std::string name_ja, name_en;
    std::vector<AnswerOption> options;  // by position

    const AnswerOption* FindOption(std::string_view option_code) const;
};

struct ReadinessItem {
    std::string id;  // "governance.roles_defined"
    std::string area_code, area_ja, area_en, text_ja, text_en;
    std::string timing;  // "before" | "day_of"
    std::string scale_code;
    std::string measure;  // "share" | "average_degree"
    std::string yes_label_ja, yes_label_en;
    int sort_order = 0;
    int introduced_fiscal_year = 0;
};

struct Region {
    std::string code;  // "JP-13"
    std::string name_ja, name_en;
};

struct ReferenceData {
    std::vector<Ministry> ministries;
    std::vector<Sector> sectors;
    std::vector<Agency> agencies;
    std::vector<Objective> objectives;
    std::vector<AnswerScale> answer_scales;
    std::vector<ReadinessItem> readiness_items;
    std::vector<Region> regions;

    const Ministry* FindMinistry(std::string_view code) const;
    const Sector* FindSector(std::string_view code) const;
    // Sector by code, Japanese name ("電力") or English name (case-insensitive).
    const Sector* FindSectorByName(std::string_view name) const;
    // The ministry with jurisdiction over the sector; nullptr for an unknown sector.
    const Ministry* MinistryOfSector(std::string_view sector_code) const;
    const Agency* FindAgency(std::string_view code) const;
    const Objective* FindObjective(int id) const;
    const AnswerScale* FindAnswerScale(std::string_view code) const;
    const ReadinessItem* FindReadinessItem(std::string_view id) const;
    const Region* FindRegion(std::string_view code) const;
    // Region by code ("JP-13"), Japanese name with or without its suffix ("東京都",
    // "東京"; 北海道 only in full) or English name (case-insensitive, "Tokyo").
    const Region* FindRegionByName(std::string_view name) const;
};

// Fixed vocabularies of the schema (CHECK constraints of 0001), in display order.
const std::vector<std::string>& SizeBands();           // small, medium, large
const std::vector<std::string>& ParticipationModes();  // venue, online, simulated
const std::vector<std::string>& PhaseKinds();          // recruitment … report

// Reads every ref_* table in display order (sort_order / id / position).
// Errors: those of Database::Read (kUnavailable, kInternal when the tables are missing,
// i.e. the database is not migrated).
Result<ReferenceData> LoadReferenceData(Database& database);

// The JSON of GET /api/reference:
// {"ministries":[{code,name_ja,name_en,short_ja,short_en}],
//  "sectors":[{code,ministry_code,name_ja,name_en,ceptoar_name_ja,ceptoar_name_en}],
//  "agencies":[{code,kind,name_ja,name_en,short_ja,short_en}],
//  "objectives":[{id,title_ja,title_en,description_ja,description_en,action_plan_item,
//                 action_plan_title_ja,action_plan_title_en,is_custom}],
//  "answer_scales":[{code,name_ja,name_en,options:[{code,position,label_ja,label_en,
//                    counts_as_yes,degree,is_no_answer}]}],
//  "readiness_items":[{id,area_code,area_ja,area_en,text_ja,text_en,timing,scale_code,
//                      measure,yes_label_ja,yes_label_en,sort_order,introduced_fiscal_year}],
//  "regions":[{code,name_ja,name_en}],
//  "size_bands":[...], "participation_modes":[...], "phase_kinds":[...]}
// `degree` is null when the option has none.
nlohmann::json ToJson(const ReferenceData& reference);

}  // namespace enshu::db
