#include "evaluation/survey_definition.hpp"

#include <array>
#include <utility>

#include "exercise/field_validation.hpp"

namespace enshu::evaluation {
namespace {

constexpr std::array<std::pair<QuestionKind, std::string_view>, 5> kKindNames = {{
    {QuestionKind::kSingleChoice, "single_choice"},
    {QuestionKind::kMultipleChoice, "multiple_choice"},
    {QuestionKind::kLikert, "likert"},
    {QuestionKind::kNumber, "number"},
    {QuestionKind::kFreeText, "free_text"},
}};

// RejectUnknownMembers with the member named inside `field` ("questions[1].colour").
Status RejectUnknown(const nlohmann::json& object, const std::vector<std::string_view>& writable,
                     const std::vector<std::string_view>& read_only, const std::string& field) {
    auto checked = exercise::RejectUnknownMembers(object, writable, read_only);
    if (checked || field.empty()) return checked;
    const std::string member = field + "." + checked.error().field;
    return Fail(ErrorCode::kInvalidArgument, member + ": unknown field", member);
}

Result<std::string> RequiredString(const nlohmann::json& object, std::string_view member, const std::string& field) {
    auto value = exercise::OptionalString(object, member, field);
    if (!value) return tl::unexpected(value.error());
    if (!*value) return Fail(ErrorCode::kInvalidArgument, field + " is required", field);
    return **value;
}

std::string StringOr(const nlohmann::json& object, std::string_view member, Status& status, const std::string& field) {
    auto value = exercise::OptionalString(object, member, field);
    if (!value) {
        if (status) status = tl::unexpected(value.error());
        return {};
    }
    return value->value_or("");
}

// {"ja","en"} at `member`; both optional strings here (lengths are checked by validation).
Status ReadLocalised(const nlohmann::json& object, std::string_view member, const std::string& field, std::string& ja,
                     std::string& en) {
    auto found = object.find(member);
    if (found == object.end() || found->is_null()) return Ok();
    if (!found->is_object()) return Fail(ErrorCode::kInvalidArgument, field + ": expected {\"ja\",\"en\"}", field);
    if (auto s = RejectUnknown(*found, {"ja", "en"}, {}, field); !s) return s;
    Status status = Ok();
    ja = StringOr(*found, "ja", status, field + ".ja");
    en = StringOr(*found, "en", status, field + ".en");
    return status;
}

Result<std::optional<double>> OptionalNumber(const nlohmann::json& object, std::string_view member,
                                             const std::string& field) {
    auto found = object.find(member);
    if (found == object.end() || found->is_null()) return std::optional<double>();
    if (!found->is_number()) return Fail(ErrorCode::kInvalidArgument, field + ": expected a number", field);
    return std::optional<double>(found->get<double>());
}

Result<SurveyOption> ParseOption(const nlohmann::json& json, const std::string& field) {
    if (!json.is_object()) return Fail(ErrorCode::kInvalidArgument, field + ": expected an object", field);
    if (auto s = RejectUnknown(json, {"code", "label"}, {}, field); !s) return tl::unexpected(s.error());
    SurveyOption option;
    auto code = RequiredString(json, "code", field + ".code");
    if (!code) return tl::unexpected(code.error());
    option.code = *code;
    if (auto s = ReadLocalised(json, "label", field + ".label", option.label_ja, option.label_en); !s) {
        return tl::unexpected(s.error());
    }
    return option;
}

Result<std::optional<ShowIf>> ParseShowIf(const nlohmann::json& json, const std::string& field) {
    if (json.is_null() || (json.is_string() && json.get<std::string>().empty())) return std::optional<ShowIf>();
    if (!json.is_object()) {
        return Fail(ErrorCode::kInvalidArgument, field + ": expected {\"question\",\"any_of\"} or null", field);
    }
    if (auto s = RejectUnknown(json, {"question", "any_of"}, {}, field); !s) return tl::unexpected(s.error());
    ShowIf show_if;
    auto question = RequiredString(json, "question", field + ".question");
    if (!question) return tl::unexpected(question.error());
    show_if.question = *question;
    auto any_of = json.find("any_of");
    if (any_of == json.end() || !any_of->is_array()) {
        return Fail(ErrorCode::kInvalidArgument, field + ".any_of: expected an array of option codes",
                    field + ".any_of");
    }
    if (any_of->size() > kMaxOptions) {
        return Fail(ErrorCode::kInvalidArgument, field + ".any_of: at most 30 codes", field + ".any_of");
    }
    for (std::size_t i = 0; i < any_of->size(); ++i) {
        const auto& code = (*any_of)[i];
        const std::string item = field + ".any_of[" + std::to_string(i) + "]";
        if (!code.is_string()) return Fail(ErrorCode::kInvalidArgument, item + ": expected a string", item);
        show_if.any_of.push_back(code.get<std::string>());
    }
    return std::optional<ShowIf>(std::move(show_if));
}

Result<SurveyQuestion> ParseQuestion(const nlohmann::json& json, const std::string& field) {
    if (!json.is_object()) return Fail(ErrorCode::kInvalidArgument, field + ": expected an object", field);
    if (auto s =
            RejectUnknown(json, {"code", "kind", "text", "required", "options", "number_min", "number_max", "show_if"},
                          {"id"}, field);
        !s) {
        return tl::unexpected(s.error());
    }
    SurveyQuestion question;
    auto code = RequiredString(json, "code", field + ".code");
    if (!code) return tl::unexpected(code.error());
    question.code = *code;
    auto kind_name = RequiredString(json, "kind", field + ".kind");
    if (!kind_name) return tl::unexpected(kind_name.error());
    auto kind = ParseQuestionKind(*kind_name);
    if (!kind) {
        return Fail(ErrorCode::kInvalidArgument,
                    field + ".kind must be one of single_choice, multiple_choice, likert, number, free_text",
                    field + ".kind");
    }
    question.kind = *kind;
    if (auto s = ReadLocalised(json, "text", field + ".text", question.text_ja, question.text_en); !s) {
        return tl::unexpected(s.error());
    }
    auto required = exercise::OptionalBool(json, "required", field + ".required");
    if (!required) return tl::unexpected(required.error());
    question.required = required->value_or(false);
    if (auto options = json.find("options"); options != json.end() && !options->is_null()) {
        if (!options->is_array()) {
            return Fail(ErrorCode::kInvalidArgument, field + ".options: expected an array", field + ".options");
        }
        if (options->size() > kMaxOptions) {
            return Fail(ErrorCode::kInvalidArgument, field + ".options: at most 30 options", field + ".options");
        }
        for (std::size_t i = 0; i < options->size(); ++i) {
            auto option = ParseOption((*options)[i], field + ".options[" + std::to_string(i) + "]");
            if (!option) return tl::unexpected(option.error());
            question.options.push_back(std::move(*option));
        }
    }
    auto minimum = OptionalNumber(json, "number_min", field + ".number_min");
    if (!minimum) return tl::unexpected(minimum.error());
    question.number_min = *minimum;
    auto maximum = OptionalNumber(json, "number_max", field + ".number_max");
    if (!maximum) return tl::unexpected(maximum.error());
    question.number_max = *maximum;
    if (auto show_if = json.find("show_if"); show_if != json.end()) {
        auto parsed = ParseShowIf(*show_if, field + ".show_if");
        if (!parsed) return tl::unexpected(parsed.error());
        question.show_if = std::move(*parsed);
    }
    if (auto id = json.find("id"); id != json.end() && id->is_number_integer()) question.id = id->get<std::int64_t>();
    return question;
}

nlohmann::json Localised(const std::string& ja, const std::string& en) { return {{"ja", ja}, {"en", en}}; }

nlohmann::json OptionalText(const std::optional<std::string>& text) {
    return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

nlohmann::json ShowIfJson(const std::optional<ShowIf>& show_if) {
    if (!show_if) return nullptr;
    return {{"question", show_if->question}, {"any_of", show_if->any_of}};
}

}  // namespace

std::string_view QuestionKindName(QuestionKind kind) {
    for (const auto& [value, name] : kKindNames) {
        if (value == kind) return name;
    }
    return "free_text";
}

std::optional<QuestionKind> ParseQuestionKind(std::string_view name) {
    for (const auto& [value, text] : kKindNames) {
        if (text == name) return value;
    }
    return std::nullopt;
}

std::string_view RespondentName(Respondent respondent) {
    return respondent == Respondent::kPerson ? "person" : "organisation";
}

std::string_view AnonymityName(Anonymity anonymity) { return anonymity == Anonymity::kNamed ? "named" : "anonymous"; }

bool HasOptions(QuestionKind kind) {
    return kind == QuestionKind::kSingleChoice || kind == QuestionKind::kMultipleChoice ||
           kind == QuestionKind::kLikert;
}

Result<SurveyDefinition> ParseSurveyDefinition(const nlohmann::json& json) {
    if (!json.is_object()) return Fail(ErrorCode::kInvalidArgument, "body: expected a JSON object", "body");
    if (auto s = exercise::RejectUnknownMembers(
            json, {"code", "title", "intro", "respondent", "anonymity", "opens_at", "closes_at", "questions"},
            {"id", "exercise_id", "created_at", "updated_at", "response_count", "status", "editable"});
        !s) {
        return tl::unexpected(s.error());
    }
    SurveyDefinition definition;
    auto code = RequiredString(json, "code", "code");
    if (!code) return tl::unexpected(code.error());
    definition.code = *code;
    if (auto s = ReadLocalised(json, "title", "title", definition.title_ja, definition.title_en); !s) {
        return tl::unexpected(s.error());
    }
    if (auto s = ReadLocalised(json, "intro", "intro", definition.intro_ja, definition.intro_en); !s) {
        return tl::unexpected(s.error());
    }
    auto respondent = RequiredString(json, "respondent", "respondent");
    if (!respondent) return tl::unexpected(respondent.error());
    if (*respondent == "person") {
        definition.respondent = Respondent::kPerson;
    } else if (*respondent == "organisation") {
        definition.respondent = Respondent::kOrganisation;
    } else {
        return Fail(ErrorCode::kInvalidArgument, "respondent must be person or organisation", "respondent");
    }
    auto anonymity = RequiredString(json, "anonymity", "anonymity");
    if (!anonymity) return tl::unexpected(anonymity.error());
    if (*anonymity == "named") {
        definition.anonymity = Anonymity::kNamed;
    } else if (*anonymity == "anonymous") {
        definition.anonymity = Anonymity::kAnonymous;
    } else {
        return Fail(ErrorCode::kInvalidArgument, "anonymity must be named or anonymous", "anonymity");
    }
    for (auto [member, target] :
         {std::pair{"opens_at", &definition.opens_at}, std::pair{"closes_at", &definition.closes_at}}) {
        auto value = exercise::OptionalString(json, member, member);
        if (!value) return tl::unexpected(value.error());
        if (*value && !(*value)->empty()) *target = **value;
    }
    auto questions = json.find("questions");
    if (questions == json.end() || !questions->is_array()) {
        return Fail(ErrorCode::kInvalidArgument, "questions: expected an array", "questions");
    }
    if (questions->size() > kMaxQuestions) {
        return Fail(ErrorCode::kInvalidArgument, "questions: at most 100 questions", "questions");
    }
    for (std::size_t i = 0; i < questions->size(); ++i) {
        auto question = ParseQuestion((*questions)[i], "questions[" + std::to_string(i) + "]");
        if (!question) return tl::unexpected(question.error());
        definition.questions.push_back(std::move(*question));
    }
    return definition;
}

nlohmann::json SurveyQuestionJson(const SurveyQuestion& question) {
    nlohmann::json options = nlohmann::json::array();
    for (const auto& option : question.options) {
        options.push_back({{"code", option.code}, {"label", Localised(option.label_ja, option.label_en)}});
    }
    const auto number = [](const std::optional<double>& value) {
        return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
    };
    nlohmann::json json = {{"code", question.code},
                           {"kind", QuestionKindName(question.kind)},
                           {"text", Localised(question.text_ja, question.text_en)},
                           {"required", question.required},
                           {"options", std::move(options)},
                           {"number_min", number(question.number_min)},
                           {"number_max", number(question.number_max)},
                           {"show_if", ShowIfJson(question.show_if)}};
    if (question.id != 0) json["id"] = question.id;
    return json;
}

nlohmann::json SurveyDefinitionJson(const SurveyDefinition& definition) {
    nlohmann::json questions = nlohmann::json::array();
    for (const auto& question : definition.questions) questions.push_back(SurveyQuestionJson(question));
    return {{"code", definition.code},
            {"title", Localised(definition.title_ja, definition.title_en)},
            {"intro", Localised(definition.intro_ja, definition.intro_en)},
            {"respondent", RespondentName(definition.respondent)},
            {"anonymity", AnonymityName(definition.anonymity)},
            {"opens_at", OptionalText(definition.opens_at)},
            {"closes_at", OptionalText(definition.closes_at)},
            {"questions", std::move(questions)}};
}

std::string OptionsColumn(const std::vector<SurveyOption>& options) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& option : options) {
        array.push_back({{"code", option.code}, {"label_ja", option.label_ja}, {"label_en", option.label_en}});
    }
    return array.dump();
}

std::string ShowIfColumn(const std::optional<ShowIf>& show_if) {
    return show_if ? ShowIfJson(show_if).dump() : std::string();
}

Result<std::vector<SurveyOption>> OptionsFromColumn(const std::string& text) {
    auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_array()) return Fail(ErrorCode::kInternal, "stored options are not an array");
    std::vector<SurveyOption> options;
    for (const auto& item : json) {
        if (!item.is_object()) return Fail(ErrorCode::kInternal, "stored option is not an object");
        options.push_back({item.value("code", ""), item.value("label_ja", ""), item.value("label_en", "")});
    }
    return options;
}

Result<std::optional<ShowIf>> ShowIfFromColumn(const std::string& text) {
    if (text.empty()) return std::optional<ShowIf>();
    auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object()) return Fail(ErrorCode::kInternal, "stored show_if is not an object");
    ShowIf show_if;
    show_if.question = json.value("question", "");
    if (auto any_of = json.find("any_of"); any_of != json.end() && any_of->is_array()) {
        for (const auto& code : *any_of) {
            if (code.is_string()) show_if.any_of.push_back(code.get<std::string>());
        }
    }
    return std::optional<ShowIf>(std::move(show_if));
}

}  // namespace enshu::evaluation
