#include "exercise/organisation_input.hpp"

#include <utility>

#include "exercise/field_validation.hpp"
#include "io/text.hpp"

namespace enshu::exercise {
namespace {

struct Label {
    std::string_view code;
    std::string_view label_ja;
};

constexpr Label kSizeBandLabels[] = {{"small", "小"}, {"medium", "中"}, {"large", "大"}};
constexpr Label kModeLabels[] = {{"venue", "集合会場"}, {"online", "オンライン"}, {"simulated", "疑似体験プログラム"}};
// Further spellings accepted on import (DOMAIN.md names these too).
constexpr Label kModeAliases[] = {
    {"venue", "会場"}, {"online", "自職場・テレワーク"}, {"online", "テレワーク"}, {"simulated", "疑似体験"}};

template <std::size_t N, std::size_t M>
std::optional<std::string> MatchLabel(std::string_view value, const Label (&labels)[N], const Label (&aliases)[M],
                                      ValueSpelling spelling) {
    for (const auto& label : labels) {
        if (label.code == value) return std::string(label.code);
    }
    if (spelling == ValueSpelling::kCodes) return std::nullopt;
    const std::string normalised = io::NormaliseForSearch(value);
    for (const auto& label : labels) {
        if (io::NormaliseForSearch(label.code) == normalised || io::NormaliseForSearch(label.label_ja) == normalised) {
            return std::string(label.code);
        }
    }
    for (const auto& alias : aliases) {
        if (io::NormaliseForSearch(alias.label_ja) == normalised) return std::string(alias.code);
    }
    return std::nullopt;
}

constexpr Label kNoAliases[] = {{"", ""}};

bool IsExternalRef(std::string_view value) {
    if (value.size() > kMaxExternalRefLength) return false;
    for (char c : value) {
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                             c == '_' || c == '-';
        if (!allowed) return false;
    }
    return true;
}

Error Invalid(std::string_view field, std::string message) {
    return Error{ErrorCode::kInvalidArgument, std::string(field) + ": " + std::move(message), std::string(field)};
}

void Required(const std::optional<std::string>& value, std::string_view field, InputMode mode,
              std::vector<Error>& errors) {
    if (mode == InputMode::kCreate && (!value || value->empty())) errors.push_back(Invalid(field, "is required"));
}

}  // namespace

std::string SizeBandLabelJa(std::string_view code) {
    for (const auto& label : kSizeBandLabels) {
        if (label.code == code) return std::string(label.label_ja);
    }
    return std::string(code);
}

std::string ParticipationModeLabelJa(std::string_view code) {
    for (const auto& label : kModeLabels) {
        if (label.code == code) return std::string(label.label_ja);
    }
    return std::string(code);
}

Result<OrganisationInput> ParseOrganisationJson(const nlohmann::json& body) {
    if (!body.is_object()) return Fail(ErrorCode::kInvalidArgument, "body: must be a JSON object", "body");
    if (auto status = RejectUnknownMembers(body,
                                           {"external_ref", "name", "name_kana", "name_en", "sector_code",
                                            "ministry_code", "size_band", "region", "participation_mode"},
                                           {"id", "exercise_id", "people_count", "created_at", "updated_at"});
        !status) {
        return tl::unexpected(status.error());
    }
    OrganisationInput input;
    const std::pair<const char*, std::optional<std::string>*> members[] = {
        {"external_ref", &input.external_ref},
        {"name", &input.name},
        {"name_kana", &input.name_kana},
        {"name_en", &input.name_en},
        {"sector_code", &input.sector_code},
        {"ministry_code", &input.ministry_code},
        {"size_band", &input.size_band},
        {"region", &input.region},
        {"participation_mode", &input.participation_mode}};
    for (const auto& [member, target] : members) {
        auto value = OptionalString(body, member, member);
        if (!value) return tl::unexpected(value.error());
        if (*value) *target = io::TrimSpaces(**value);
    }
    return input;
}

std::vector<Error> ApplyOrganisationInput(const OrganisationInput& input, const ReferenceLookup& reference,
                                          InputMode mode, ValueSpelling spelling, Organisation& organisation) {
    std::vector<Error> errors;
    const auto check_text = [&](const std::optional<std::string>& value, std::string_view field, std::size_t min,
                                std::size_t max, std::string& target) {
        if (!value) return;
        if (auto error = CheckText(*value, field, min, max)) {
            errors.push_back(*error);
        } else {
            target = *value;
        }
    };

    if (mode == InputMode::kCreate && (!input.name || input.name->empty())) {
        errors.push_back(Invalid("name", "is required"));
    } else {
        check_text(input.name, "name", 1, kMaxOrganisationNameCharacters, organisation.name);
    }
    check_text(input.name_kana, "name_kana", 0, kMaxOrganisationNameCharacters, organisation.name_kana);
    check_text(input.name_en, "name_en", 0, kMaxOrganisationNameCharacters, organisation.name_en);

    if (input.external_ref) {
        if (!IsExternalRef(*input.external_ref)) {
            errors.push_back(Invalid("external_ref", "at most " + std::to_string(kMaxExternalRefLength) +
                                                         " characters A-Z a-z 0-9 . _ - (got '" + *input.external_ref +
                                                         "')"));
        } else {
            organisation.external_ref = *input.external_ref;
        }
    }

    // Sector first: the ministry defaults to, and must equal, the sector's (ministry staff
    // see the organisations of their sectors, so a different ministry would be inconsistent).
    Required(input.sector_code, "sector_code", mode, errors);
    const SectorRef* sector = nullptr;
    if (input.sector_code && !input.sector_code->empty()) {
        sector = spelling == ValueSpelling::kCodes ? reference.SectorByCode(*input.sector_code)
                                                   : reference.FindSector(*input.sector_code);
        if (!sector) {
            errors.push_back(Invalid("sector_code", "unknown sector '" + *input.sector_code + "'"));
        } else {
            organisation.sector_code = sector->code;
        }
    } else if (input.sector_code && mode == InputMode::kUpdate) {
        errors.push_back(Invalid("sector_code", "is required"));
    }

    if (!sector && !organisation.sector_code.empty()) sector = reference.SectorByCode(organisation.sector_code);
    if (input.ministry_code && !input.ministry_code->empty()) {
        const MinistryRef* ministry = spelling == ValueSpelling::kCodes ? reference.MinistryByCode(*input.ministry_code)
                                                                        : reference.FindMinistry(*input.ministry_code);
        if (!ministry) {
            errors.push_back(Invalid("ministry_code", "unknown ministry '" + *input.ministry_code + "'"));
        } else if (sector && sector->ministry_code != ministry->code) {
            errors.push_back(Invalid("ministry_code", "'" + *input.ministry_code + "' is not the ministry of sector '" +
                                                          sector->code + "' (" + sector->ministry_code + ")"));
        } else {
            organisation.ministry_code = ministry->code;
        }
    } else if (sector) {
        organisation.ministry_code = sector->ministry_code;
    }

    Required(input.size_band, "size_band", mode, errors);
    if (input.size_band && (!input.size_band->empty() || mode == InputMode::kUpdate)) {
        if (auto code = MatchLabel(*input.size_band, kSizeBandLabels, kNoAliases, spelling)) {
            organisation.size_band = *code;
        } else {
            errors.push_back(Invalid(
                "size_band", "unknown size band '" + *input.size_band + "' (one of " + JoinNames(kSizeBands) + ")"));
        }
    }

    Required(input.region, "region", mode, errors);
    if (input.region && (!input.region->empty() || mode == InputMode::kUpdate)) {
        const RegionRef* region = spelling == ValueSpelling::kCodes ? reference.RegionByCode(*input.region)
                                                                    : reference.FindRegion(*input.region);
        if (region) {
            organisation.region = region->code;
        } else {
            errors.push_back(Invalid("region", "unknown prefecture '" + *input.region + "' (JP-01 .. JP-47)"));
        }
    }

    Required(input.participation_mode, "participation_mode", mode, errors);
    if (input.participation_mode && (!input.participation_mode->empty() || mode == InputMode::kUpdate)) {
        if (auto code = MatchLabel(*input.participation_mode, kModeLabels, kModeAliases, spelling)) {
            organisation.participation_mode = *code;
        } else {
            errors.push_back(Invalid("participation_mode", "unknown participation mode '" + *input.participation_mode +
                                                               "' (one of " + JoinNames(kParticipationModes) + ")"));
        }
    }
    return errors;
}

}  // namespace enshu::exercise
