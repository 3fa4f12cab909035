#pragma once

// The fixed wording of the generated reports in Japanese and English (the server
// renders whole documents, so their texts live here rather than in the web UI's
// translation files). Japanese follows the 2023 results report (/work/shared/seed).

#include <string>
#include <string_view>

namespace enshu::report {

// The text of `key` in `language` ("ja" default, "en"); the key itself when unknown
// (a test checks that every key used has both languages).
std::string Text(std::string_view key, const std::string& language);

// Replaces "{1}", "{2}", ... in `pattern` by the arguments, in order.
std::string Fill(std::string pattern, std::initializer_list<std::string> arguments);

// True when `key` exists in both languages (for tests).
bool HasText(std::string_view key);

// "①".."⑩" for 1..10 (ja and en alike); the number as text otherwise.
std::string CircledNumber(int number);

// "23年度" / "FY2023".
std::string FiscalYearLabel(int fiscal_year, const std::string& language);

}  // namespace enshu::report
