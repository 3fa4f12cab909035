// FrequentTerms (report_service.hpp): suggestions of themes among free-text issues.

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "io/text.hpp"
#include "report/report_service.hpp"

namespace enshu::report {
namespace {

// Words that carry no theme in these texts (NFKC, case-folded).
const std::set<std::string>& StopWords() {
    static const std::set<std::string> words = {"必要", "対応", "こと", "ため", "よう", "もの", "場合",
                                                "課題", "確認", "実施", "今回", "演習", "時間", "自組織",
                                                "the",  "and",  "for",  "with", "that", "this", "was",
                                                "were", "not",  "are",  "our",  "from", "have"};
    return words;
}

// True when every code point is hiragana, a digit, a symbol or punctuation.
bool CarriesNoMeaning(const icu::UnicodeString& word) {
    for (int32_t index = 0; index < word.length();) {
        const UChar32 c = word.char32At(index);
        index += U16_LENGTH(c);
        const bool hiragana = ublock_getCode(c) == UBLOCK_HIRAGANA;
        if (!hiragana && !u_isdigit(c) && !u_ispunct(c) && !u_isspace(c) && c != 0x30FC) return false;
    }
    return true;
}

// The theme words of one text, in order.
std::vector<std::string> Words(const std::string& text, icu::BreakIterator& breaker) {
    std::vector<std::string> words;
    const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(io::NormaliseForSearch(text));
    breaker.setText(unicode);
    int32_t start = breaker.first();
    for (int32_t end = breaker.next(); end != icu::BreakIterator::DONE; start = end, end = breaker.next()) {
        if (breaker.getRuleStatus() < UBRK_WORD_LETTER) continue;  // spaces, punctuation, numbers
        icu::UnicodeString word = unicode.tempSubStringBetween(start, end);
        if (word.countChar32() < 2 || CarriesNoMeaning(word)) {
            words.emplace_back();  // a break between theme words
            continue;
        }
        std::string utf8;
        word.toUTF8String(utf8);
        words.push_back(StopWords().count(utf8) ? std::string() : utf8);
    }
    return words;
}

}  // namespace

std::vector<Theme> FrequentTerms(const std::vector<std::string>& texts, std::size_t limit) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> breaker(
        icu::BreakIterator::createWordInstance(icu::Locale::getJapanese(), status));
    if (U_FAILURE(status) || !breaker) return {};
    std::map<std::string, std::int64_t> counts;
    for (const std::string& text : texts) {
        std::set<std::string> seen;
        const std::vector<std::string> words = Words(text, *breaker);
        for (std::size_t index = 0; index < words.size(); ++index) {
            if (words[index].empty()) continue;
            seen.insert(words[index]);
            if (index + 1 < words.size() && !words[index + 1].empty()) seen.insert(words[index] + words[index + 1]);
        }
        for (const std::string& term : seen) ++counts[term];
    }
    std::vector<Theme> themes;
    for (const auto& [term, count] : counts) {
        if (count >= 2) themes.push_back(Theme{term, count});
    }
    std::sort(themes.begin(), themes.end(), [](const Theme& a, const Theme& b) {
        if (a.entries != b.entries) return a.entries > b.entries;
        return a.term < b.term;
    });
    if (themes.size() > limit) themes.resize(limit);
    return themes;
}

}  // namespace enshu::report
