#include "io/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <cstdint>
#include <stdexcept>

namespace enshu::io {
namespace {

// Length of the valid UTF-8 sequence starting at text[position], or 0 when the bytes there
// do not form one (stray continuation byte, truncated sequence, overlong form, surrogate,
// or a code point above U+10FFFF).
std::size_t Utf8SequenceLength(std::string_view text, std::size_t position) {
    const auto lead = static_cast<unsigned char>(text[position]);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    std::uint32_t code_point = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        code_point = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        code_point = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        code_point = lead & 0x07;
    } else {
        return 0;
    }
    if (text.size() - position < length) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text[position + i]);
        if ((byte & 0xC0) != 0x80) return 0;
        code_point = (code_point << 6) | (byte & 0x3F);
    }
    if (length == 3 && (code_point < 0x800 || (code_point >= 0xD800 && code_point <= 0xDFFF))) return 0;
    if (length == 4 && (code_point < 0x10000 || code_point > 0x10FFFF)) return 0;
    return length;
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000

}  // namespace

std::string NormaliseForSearch(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normaliser = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status) || normaliser == nullptr) {
        // The ICU data is part of libicu; failing to load it is a broken installation.
        throw std::runtime_error(std::string("ICU NFKC_Casefold unavailable: ") + u_errorName(status));
    }
    const icu::UnicodeString source =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
    icu::UnicodeString normalised = normaliser->normalize(source, status);
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("ICU normalisation failed: ") + u_errorName(status));
    }
    std::string result;
    normalised.toUTF8String(result);
    return result;
}

std::optional<std::size_t> FirstInvalidUtf8Offset(std::string_view text) {
    std::size_t position = 0;
    while (position < text.size()) {
        const std::size_t length = Utf8SequenceLength(text, position);
        if (length == 0) return position;
        position += length;
    }
    return std::nullopt;
}

bool IsValidUtf8(std::string_view text) { return !FirstInvalidUtf8Offset(text).has_value(); }

std::size_t CharacterCount(std::string_view text) {
    std::size_t count = 0;
    std::size_t position = 0;
    while (position < text.size()) {
        const std::size_t length = Utf8SequenceLength(text, position);
        position += length == 0 ? 1 : length;
        ++count;
    }
    return count;
}

std::string TrimSpaces(std::string_view text) {
    for (;;) {
        if (!text.empty() && IsAsciiSpace(text.front())) {
            text.remove_prefix(1);
        } else if (text.starts_with(kIdeographicSpace)) {
            text.remove_prefix(kIdeographicSpace.size());
        } else {
            break;
        }
    }
    for (;;) {
        if (!text.empty() && IsAsciiSpace(text.back())) {
            text.remove_suffix(1);
        } else if (text.ends_with(kIdeographicSpace)) {
            text.remove_suffix(kIdeographicSpace.size());
        } else {
            break;
        }
    }
    return std::string(text);
}

std::string EscapeLike(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size());
    for (const char c : text) {
        if (c == '%' || c == '_' || c == '\\') escaped.push_back('\\');
        escaped.push_back(c);
    }
    return escaped;
}

}  // namespace enshu::io
