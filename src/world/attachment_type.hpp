#pragma once

// Pure checks of an uploaded file (no I/O): which of the allowed types its bytes really
// are (magic bytes, not the declared type), and a safe file name to store and serve.

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace enshu::world {

// The allow-list: PDF, PNG, JPEG and plain text (UTF-8 without control characters
// other than tab, line feed, carriage return and form feed).
inline constexpr std::string_view kPdf = "application/pdf";
inline constexpr std::string_view kPng = "image/png";
inline constexpr std::string_view kJpeg = "image/jpeg";
inline constexpr std::string_view kPlainText = "text/plain";

// The allowed type `content` is, judged by its bytes only; nullopt when none.
std::optional<std::string> SniffContentType(std::string_view content);

// The declared Content-Type reduced to its lower-case media type ("Image/JPG; x=y" ->
// "image/jpeg"); "" for an absent or generic declaration (application/octet-stream).
std::string NormaliseDeclaredType(std::string_view declared);

// The type to store: the sniffed type when the declaration is absent/generic or agrees.
// Errors (field "content_type"): kInvalidArgument when the bytes are none of the allowed
// types, or when they contradict the declared type (a PNG declared as PDF; anything
// declared as a type off the allow-list, such as text/html).
Result<std::string> ResolveContentType(std::string_view declared, std::string_view content);

// A file name safe to store and to put in Content-Disposition: the last path segment,
// control characters and quotes removed, at most 200 characters. Errors (field
// "filename"): kInvalidArgument when nothing is left or it is not UTF-8.
Result<std::string> SafeFilename(std::string_view filename);

inline bool IsImageType(std::string_view content_type) { return content_type == kPng || content_type == kJpeg; }

}  // namespace enshu::world
