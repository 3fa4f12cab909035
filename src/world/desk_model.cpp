#include "world/desk_model.hpp"

#include <algorithm>
#include <set>

#include "exercise/field_validation.hpp"

namespace enshu::world {
namespace {

constexpr std::size_t kMaxCategories = 20;
constexpr std::size_t kMaxNotices = 50;
constexpr std::size_t kMaxStaff = 100;

using exercise::CheckText;
using exercise::TextLines;

Status FromCheck(const std::optional<Error>& error) {
    if (error) return tl::unexpected(*error);
    return Ok();
}

Result<std::string> TextMember(const nlohmann::json& object, const std::string& member, const std::string& field,
                               std::size_t min, std::size_t max, TextLines lines) {
    auto value = exercise::OptionalString(object, member, field);
    if (!value) return tl::unexpected(value.error());
    const std::string text = value->value_or("");
    if (auto s = FromCheck(CheckText(text, field, min, max, lines)); !s) return tl::unexpected(s.error());
    return text;
}

bool IsCode(std::string_view code) {
    return !code.empty() && code.size() <= 32 && std::all_of(code.begin(), code.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

Result<std::vector<DeskCategory>> ParseCategories(const nlohmann::json& body) {
    auto found = body.find("categories");
    if (found == body.end() || found->is_null()) return DefaultCategories();
    if (!found->is_array()) return Fail(ErrorCode::kInvalidArgument, "categories: expected an array", "categories");
    if (found->empty() || found->size() > kMaxCategories) {
        return Fail(ErrorCode::kInvalidArgument, "categories: 1 to 20 entries", "categories");
    }
    std::vector<DeskCategory> categories;
    std::set<std::string> codes;
    for (std::size_t i = 0; i < found->size(); ++i) {
        const auto& item = (*found)[i];
        const std::string prefix = "categories[" + std::to_string(i) + "]";
        if (!item.is_object()) return Fail(ErrorCode::kInvalidArgument, prefix + ": expected an object", prefix);
        DeskCategory category;
        auto code = exercise::OptionalString(item, "code", prefix + ".code");
        if (!code) return tl::unexpected(code.error());
        category.code = code->value_or("");
        if (!IsCode(category.code)) {
            return Fail(ErrorCode::kInvalidArgument, prefix + ".code: 1..32 of a-z, 0-9 and _", prefix + ".code");
        }
        if (!codes.insert(category.code).second) {
            return Fail(ErrorCode::kInvalidArgument, prefix + ".code: '" + category.code + "' is listed twice",
                        prefix + ".code");
        }
        auto ja = TextMember(item, "ja", prefix + ".ja", 1, 50, TextLines::kSingle);
        if (!ja) return tl::unexpected(ja.error());
        auto en = TextMember(item, "en", prefix + ".en", 0, 50, TextLines::kSingle);
        if (!en) return tl::unexpected(en.error());
        category.ja = *ja;
        category.en = *en;
        categories.push_back(std::move(category));
    }
    return categories;
}

Result<std::vector<DeskNotice>> ParseNotices(const nlohmann::json& body) {
    std::vector<DeskNotice> notices;
    auto found = body.find("notices");
    if (found == body.end() || found->is_null()) return notices;
    if (!found->is_array()) return Fail(ErrorCode::kInvalidArgument, "notices: expected an array", "notices");
    if (found->size() > kMaxNotices) return Fail(ErrorCode::kInvalidArgument, "notices: at most 50", "notices");
    for (std::size_t i = 0; i < found->size(); ++i) {
        const auto& item = (*found)[i];
        const std::string prefix = "notices[" + std::to_string(i) + "]";
        if (!item.is_object()) return Fail(ErrorCode::kInvalidArgument, prefix + ": expected an object", prefix);
        DeskNotice notice;
        auto title = TextMember(item, "title", prefix + ".title", 1, 200, TextLines::kSingle);
        if (!title) return tl::unexpected(title.error());
        auto text = TextMember(item, "body", prefix + ".body", 0, 8000, TextLines::kMultiple);
        if (!text) return tl::unexpected(text.error());
        auto published = exercise::OptionalBool(item, "published", prefix + ".published");
        if (!published) return tl::unexpected(published.error());
        notice.title = *title;
        notice.body = *text;
        notice.published = published->value_or(false);
        notices.push_back(std::move(notice));
    }
    return notices;
}

Result<std::vector<std::int64_t>> ParseStaff(const nlohmann::json& body) {
    std::vector<std::int64_t> staff;
    auto found = body.find("staff_user_ids");
    if (found == body.end() || found->is_null()) return staff;
    if (!found->is_array() || found->size() > kMaxStaff) {
        return Fail(ErrorCode::kInvalidArgument, "staff_user_ids: an array of at most 100 user ids", "staff_user_ids");
    }
    for (const auto& item : *found) {
        if (!item.is_number_integer() || item.get<std::int64_t>() <= 0) {
            return Fail(ErrorCode::kInvalidArgument, "staff_user_ids: expected positive integers", "staff_user_ids");
        }
        const auto id = item.get<std::int64_t>();
        if (std::find(staff.begin(), staff.end(), id) == staff.end()) staff.push_back(id);
    }
    return staff;
}

}  // namespace

std::string_view DeskKindName(DeskKind kind) {
    switch (kind) {
        case DeskKind::kAgency:
            return "agency";
        case DeskKind::kMinistry:
            return "ministry";
        case DeskKind::kCeptoar:
            return "ceptoar";
    }
    return "agency";
}

std::optional<DeskKind> ParseDeskKind(std::string_view name) {
    for (DeskKind kind : {DeskKind::kAgency, DeskKind::kMinistry, DeskKind::kCeptoar}) {
        if (DeskKindName(kind) == name) return kind;
    }
    return std::nullopt;
}

Result<DeskInput> ParseDeskInput(const nlohmann::json& body, DeskInputMode mode) {
    if (!body.is_object()) return Fail(ErrorCode::kInvalidArgument, "body: expected a JSON object", "body");
    std::vector<std::string_view> writable = {"name_ja", "name_en", "intro", "categories", "notices", "staff_user_ids"};
    if (mode == DeskInputMode::kCreate) {
        writable.push_back("kind");
        writable.push_back("code");
    }
    if (auto s =
            exercise::RejectUnknownMembers(body, writable, {"id", "kind", "code", "name", "created_at", "updated_at"});
        !s) {
        return tl::unexpected(s.error());
    }
    DeskInput input;
    if (mode == DeskInputMode::kCreate) {
        auto kind = exercise::OptionalString(body, "kind", "kind");
        if (!kind) return tl::unexpected(kind.error());
        auto parsed = ParseDeskKind(kind->value_or(""));
        if (!parsed) return Fail(ErrorCode::kInvalidArgument, "kind must be agency, ministry or ceptoar", "kind");
        input.kind = *parsed;
        auto code = exercise::OptionalString(body, "code", "code");
        if (!code) return tl::unexpected(code.error());
        input.code = code->value_or("");
        if (!IsCode(input.code)) return Fail(ErrorCode::kInvalidArgument, "code: 1..32 of a-z, 0-9 and _", "code");
    }
    auto name_ja = TextMember(body, "name_ja", "name_ja", 1, 200, TextLines::kSingle);
    if (!name_ja) return tl::unexpected(name_ja.error());
    auto name_en = TextMember(body, "name_en", "name_en", 0, 200, TextLines::kSingle);
    if (!name_en) return tl::unexpected(name_en.error());
    auto intro = TextMember(body, "intro", "intro", 0, 4000, TextLines::kMultiple);
    if (!intro) return tl::unexpected(intro.error());
    auto categories = ParseCategories(body);
    if (!categories) return tl::unexpected(categories.error());
    auto notices = ParseNotices(body);
    if (!notices) return tl::unexpected(notices.error());
    auto staff = ParseStaff(body);
    if (!staff) return tl::unexpected(staff.error());
    input.name_ja = *name_ja;
    input.name_en = *name_en;
    input.intro = *intro;
    input.categories = std::move(*categories);
    input.notices = std::move(*notices);
    input.staff_user_ids = std::move(*staff);
    return input;
}

std::vector<DeskCategory> DefaultCategories() {
    return {{"consultation", "相談", "Consultation"},
            {"report", "報告", "Report"},
            {"information", "情報提供", "Information"},
            {"other", "その他", "Other"}};
}

const std::vector<std::string>& DefaultAgencyCodes() {
    static const std::vector<std::string> codes = {"ipa", "jpcert", "npa"};
    return codes;
}

nlohmann::json DeskJson(const Desk& desk, DeskView view) {
    nlohmann::json categories = nlohmann::json::array();
    for (const auto& category : desk.categories) {
        categories.push_back({{"code", category.code}, {"ja", category.ja}, {"en", category.en}});
    }
    nlohmann::json notices = nlohmann::json::array();
    for (const auto& notice : desk.notices) {
        if (!notice.published && view == DeskView::kPublic) continue;
        notices.push_back({{"title", notice.title},
                           {"body", notice.body},
                           {"published", notice.published},
                           {"updated_at", notice.updated_at}});
    }
    nlohmann::json json = {{"id", desk.id},
                           {"kind", DeskKindName(desk.kind)},
                           {"code", desk.code},
                           {"name", {{"ja", desk.name_ja}, {"en", desk.name_en}}},
                           {"intro", desk.intro},
                           {"categories", std::move(categories)},
                           {"notices", std::move(notices)},
                           {"updated_at", desk.updated_at}};
    if (view == DeskView::kStaff) json["staff_user_ids"] = desk.staff_user_ids;
    return json;
}

nlohmann::json ReplyTemplateJson(const ReplyTemplate& reply_template) {
    return {{"id", reply_template.id},
            {"desk_id", reply_template.desk_id},
            {"title", reply_template.title},
            {"body", reply_template.body},
            {"created_at", reply_template.created_at}};
}

Result<ReplyTemplate> ParseReplyTemplate(const nlohmann::json& body) {
    if (!body.is_object()) return Fail(ErrorCode::kInvalidArgument, "body: expected a JSON object", "body");
    if (auto s = exercise::RejectUnknownMembers(body, {"title", "body"}, {"id", "desk_id", "created_at"}); !s) {
        return tl::unexpected(s.error());
    }
    ReplyTemplate reply_template;
    auto title = TextMember(body, "title", "title", 1, 100, TextLines::kSingle);
    if (!title) return tl::unexpected(title.error());
    auto text = TextMember(body, "body", "body", 1, 4000, TextLines::kMultiple);
    if (!text) return tl::unexpected(text.error());
    reply_template.title = *title;
    reply_template.body = *text;
    return reply_template;
}

std::size_t CharacterCount(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string TruncateCharacters(std::string_view text, std::size_t max_characters) {
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (characters == max_characters) return std::string(text.substr(0, i));
            ++characters;
        }
    }
    return std::string(text);
}

}  // namespace enshu::world
