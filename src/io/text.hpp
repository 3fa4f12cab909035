#pragma once

// Japanese-aware text helpers (ICU).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace enshu::io {

// NFKC normalisation + case folding, so that full-width "ＡＢＣ" and "abc", half-width
// katakana and full-width katakana compare equal. Used for search columns and terms.
// Invalid UTF-8 sequences become U+FFFD. Returns UTF-8.
std::string NormaliseForSearch(std::string_view text);

// True when `text` is valid UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool IsValidUtf8(std::string_view text);

// Byte offset of the first byte that does not start a valid UTF-8 sequence, or nullopt when
// `text` is valid UTF-8. Used to report where invalid input starts.
std::optional<std::size_t> FirstInvalidUtf8Offset(std::string_view text);

// Number of code points in valid UTF-8. Each byte of an invalid sequence counts as one.
std::size_t CharacterCount(std::string_view text);

// Trims ASCII and ideographic (U+3000) spaces at both ends.
std::string TrimSpaces(std::string_view text);

// Escapes % _ and \ for use in LIKE ... ESCAPE '\'.
std::string EscapeLike(std::string_view text);

}  // namespace enshu::io
