#include "evaluation/survey_templates.hpp"

#include <algorithm>

#include "evaluation/survey_validation.hpp"

namespace enshu::evaluation {

Result<std::vector<SurveyDefinition>> SurveyTemplates() {
    std::vector<EmbeddedFile> files = EmbeddedSurveyTemplates();
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    std::vector<SurveyDefinition> templates;
    for (const EmbeddedFile& file : files) {
        const std::string name(file.name);
        auto json = nlohmann::json::parse(file.content, nullptr, false);
        if (json.is_discarded()) return Fail(ErrorCode::kInternal, "survey template " + name + " is not JSON", name);
        auto definition = ParseSurveyDefinition(json);
        if (!definition) {
            return Fail(ErrorCode::kInternal, "survey template " + name + ": " + definition.error().message, name);
        }
        if (auto valid = ValidateSurveyDefinition(*definition); !valid) {
            return Fail(ErrorCode::kInternal, "survey template " + name + ": " + valid.error().message, name);
        }
        templates.push_back(std::move(*definition));
    }
    return templates;
}

Result<SurveyDefinition> SurveyTemplate(const std::string& code) {
    auto templates = SurveyTemplates();
    if (!templates) return tl::unexpected(templates.error());
    for (auto& definition : *templates) {
        if (definition.code == code) return std::move(definition);
    }
    return Fail(ErrorCode::kNotFound, "no survey template '" + code.substr(0, 40) + "'", "template");
}

}  // namespace enshu::evaluation
