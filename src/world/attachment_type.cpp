#include "world/attachment_type.hpp"

#include <algorithm>
#include <cctype>

namespace enshu::world {
namespace {

constexpr std::size_t kMaxFilenameCharacters = 200;

// Length of the UTF-8 sequence starting with `lead`, or 0 when it cannot start one.
int SequenceLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

// True when `text` is well-formed UTF-8 (continuation bytes checked; overlongs beyond
// the lead-byte ranges above are accepted, which is harmless for display).
bool IsUtf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const int length = SequenceLength(static_cast<unsigned char>(text[i]));
        if (length == 0 || i + length > text.size()) return false;
        for (int k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
        }
        i += length;
    }
    return true;
}

bool IsPlainText(std::string_view content) {
    for (unsigned char c : content) {
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
        if (c == 0x7F) return false;
    }
    return IsUtf8(content);
}

}  // namespace

std::optional<std::string> SniffContentType(std::string_view content) {
    if (content.starts_with("%PDF-")) return std::string(kPdf);
    if (content.starts_with(std::string_view("\x89PNG\r\n\x1a\n", 8))) return std::string(kPng);
    if (content.size() >= 3 && static_cast<unsigned char>(content[0]) == 0xFF &&
        static_cast<unsigned char>(content[1]) == 0xD8 && static_cast<unsigned char>(content[2]) == 0xFF) {
        return std::string(kJpeg);
    }
    if (!content.empty() && IsPlainText(content)) return std::string(kPlainText);
    return std::nullopt;
}

std::string NormaliseDeclaredType(std::string_view declared) {
    std::string type(declared.substr(0, declared.find(';')));
    type.erase(std::remove_if(type.begin(), type.end(), [](unsigned char c) { return std::isspace(c); }), type.end());
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
    if (type == "image/jpg" || type == "image/pjpeg") return std::string(kJpeg);
    if (type == "application/octet-stream" || type == "binary/octet-stream") return "";
    return type;
}

Result<std::string> ResolveContentType(std::string_view declared, std::string_view content) {
    auto sniffed = SniffContentType(content);
    if (!sniffed) {
        return Fail(ErrorCode::kInvalidArgument, "content_type: the file is not a PDF, PNG, JPEG or plain text file",
                    "content_type");
    }
    const std::string normalised = NormaliseDeclaredType(declared);
    if (!normalised.empty() && normalised != *sniffed) {
        return Fail(ErrorCode::kInvalidArgument,
                    "content_type: declared as '" + normalised + "' but the file is " + *sniffed, "content_type");
    }
    return *sniffed;
}

Result<std::string> SafeFilename(std::string_view filename) {
    std::string_view last = filename;
    if (auto slash = last.find_last_of("/\\"); slash != std::string_view::npos) last = last.substr(slash + 1);
    if (!IsUtf8(last)) return Fail(ErrorCode::kInvalidArgument, "filename: not valid UTF-8", "filename");
    std::string safe;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < last.size() && characters < kMaxFilenameCharacters;) {
        const int length = SequenceLength(static_cast<unsigned char>(last[i]));
        const unsigned char c = static_cast<unsigned char>(last[i]);
        if (length == 1 && (c < 0x20 || c == 0x7F || c == '"')) {
            ++i;
            continue;
        }
        safe.append(last.substr(i, length));
        i += length;
        ++characters;
    }
    const auto first = safe.find_first_not_of(" .");
    safe = first == std::string::npos ? std::string() : safe.substr(first);
    while (!safe.empty() && safe.back() == ' ') safe.pop_back();
    if (safe.empty())
        return Fail(ErrorCode::kInvalidArgument, "filename: required (a file name such as report.pdf)", "filename");
    return safe;
}

}  // namespace enshu::world
