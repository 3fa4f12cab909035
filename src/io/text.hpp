#pragma once

// Japanese-aware text helpers (ICU).

#include <cstddef>
#include <string>
#include <string_view>

namespace enshu::io {

// NFKC normalisation + case folding, so that full-width "ＡＢＣ" and "abc", half-width
// katakana and full-width katakana compare equal. Used for search columns and terms.
std::string NormaliseForSearch(std::string_view text);

// True when `text` is valid UTF-8.
bool IsValidUtf8(std::string_view text);

// Number of user-perceived characters (code points) in valid UTF-8.
std::size_t CharacterCount(std::string_view text);

// Trims ASCII and ideographic (U+3000) spaces at both ends.
std::string TrimSpaces(std::string_view text);

// Escapes % _ and \ for use in LIKE ... ESCAPE '\'.
std::string EscapeLike(std::string_view text);

}  // namespace enshu::io
