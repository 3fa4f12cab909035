#include "archive/archive_answers.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "archive/archive_format.hpp"
#include "archive/archive_parse.hpp"
#include "archive/archive_table.hpp"
#include "io/text.hpp"

namespace enshu::archive {
namespace {

bool IsChoice(const std::string& kind) { return kind == "single_choice" || kind == "likert"; }

bool HasOption(const QuestionShape& question, const std::string& code) {
    return std::find(question.option_codes.begin(), question.option_codes.end(), code) != question.option_codes.end();
}

tl::unexpected<Error> Invalid(std::string message) {
    return Fail(ErrorCode::kInvalidArgument, std::move(message), "value");
}

}  // namespace

Result<std::string> AnswerJsonFromCell(const QuestionShape& question, const std::string& cell) {
    if (IsChoice(question.kind)) {
        if (!HasOption(question, cell)) return Invalid("'" + cell + "' is not an option of the question");
        return nlohmann::json(cell).dump();
    }
    if (question.kind == "multiple_choice") {
        nlohmann::json codes = nlohmann::json::array();
        std::set<std::string> seen;
        std::size_t start = 0;
        while (!cell.empty() && start <= cell.size()) {
            const auto end = std::min(cell.find(kCodeListSeparator, start), cell.size());
            const std::string code = cell.substr(start, end - start);
            if (!HasOption(question, code)) return Invalid("'" + code + "' is not an option of the question");
            if (!seen.insert(code).second) return Invalid("'" + code + "' is repeated");
            codes.push_back(code);
            start = end + 1;
        }
        return codes.dump();
    }
    if (question.kind == "number") {
        const auto parsed = nlohmann::json::parse(cell, nullptr, /*allow_exceptions=*/false);
        if (!parsed.is_number() || !std::isfinite(parsed.get<double>())) {
            return Invalid("'" + cell + "' is not a number");
        }
        const double value = parsed.get<double>();
        if (question.number_min && value < *question.number_min) {
            return Invalid(cell + " is below the minimum " + FormatNumber(*question.number_min));
        }
        if (question.number_max && value > *question.number_max) {
            return Invalid(cell + " is above the maximum " + FormatNumber(*question.number_max));
        }
        return parsed.dump();
    }
    if (question.kind == "free_text") {
        if (!io::IsValidUtf8(cell)) return Invalid("is not valid UTF-8");
        if (io::CharacterCount(cell) > kMaxFreeTextAnswerCharacters) {
            return Invalid("has more than " + std::to_string(kMaxFreeTextAnswerCharacters) + " characters");
        }
        return nlohmann::json(cell).dump();
    }
    return Invalid("the question has an unknown kind '" + question.kind + "'");
}

Result<std::string> AnswerCellFromJson(const std::string& kind, const std::string& json_text) {
    const auto parsed = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    if (IsChoice(kind) || kind == "free_text") {
        if (parsed.is_string()) return parsed.get<std::string>();
    } else if (kind == "multiple_choice") {
        if (parsed.is_array()) {
            std::string cell;
            for (const auto& code : parsed) {
                if (!code.is_string()) return Invalid("stored value " + json_text + " is not a list of codes");
                if (!cell.empty()) cell += kCodeListSeparator;
                cell += code.get<std::string>();
            }
            return cell;
        }
    } else if (kind == "number") {
        if (parsed.is_number()) return parsed.dump();
    }
    return Invalid("stored value " + json_text + " does not fit a " + kind + " question");
}

}  // namespace enshu::archive
