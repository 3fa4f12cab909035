#include <unicode/unistr.h>

#include <cstdint>
#include <set>

#include "io/text.hpp"
#include "io/xlsx.hpp"

namespace enshu::io {
namespace {

constexpr std::size_t kMaxSheetNameCharacters = 31;

// The first `count` code points of valid UTF-8 `text`.
std::string TakeCharacters(std::string_view text, std::size_t count) {
    std::size_t position = 0;
    for (std::size_t taken = 0; taken < count && position < text.size(); ++taken) {
        ++position;
        while (position < text.size() && (static_cast<unsigned char>(text[position]) & 0xC0) == 0x80) ++position;
    }
    return std::string(text.substr(0, position));
}

// Excel compares sheet names case-insensitively.
std::string FoldedKey(const std::string& name) {
    icu::UnicodeString folded =
        icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<std::int32_t>(name.size())));
    folded.foldCase();
    std::string key;
    folded.toUTF8String(key);
    return key;
}

std::string CleanName(std::string_view raw, std::size_t index) {
    std::string name;
    if (IsValidUtf8(raw)) {
        for (const char c : raw) {
            const bool forbidden = c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\' ||
                                   (static_cast<unsigned char>(c) < 0x20);
            name.push_back(forbidden ? '_' : c);
        }
    }
    while (!name.empty() && name.front() == '\'') name.erase(name.begin());
    while (!name.empty() && name.back() == '\'') name.pop_back();
    name = TakeCharacters(name, kMaxSheetNameCharacters);
    while (!name.empty() && name.back() == '\'') name.pop_back();
    if (name.empty()) name = "Sheet" + std::to_string(index + 1);
    return name;
}

}  // namespace

std::vector<std::string> SanitiseSheetNames(const std::vector<std::string>& names) {
    std::vector<std::string> result;
    std::set<std::string> used;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string base = CleanName(names[i], i);
        std::string candidate = base;
        for (std::size_t suffix_number = 2; used.contains(FoldedKey(candidate)); ++suffix_number) {
            const std::string suffix = " (" + std::to_string(suffix_number) + ")";
            candidate = TakeCharacters(base, kMaxSheetNameCharacters - suffix.size()) + suffix;
        }
        used.insert(FoldedKey(candidate));
        result.push_back(std::move(candidate));
    }
    return result;
}

}  // namespace enshu::io
