#pragma once

// Serves the built web UI (settings.web_root) for every path that is not an API or
// operations route.
// - GET and HEAD only (others: 405 with Allow: GET, HEAD).
// - "/" and unknown paths without a file extension answer index.html (the SPA routes
//   them in the browser); a missing path with an extension answers 404.
// - Paths with "..", "\\", NUL or dot-file segments are rejected (404), and the resolved
//   file must lie under the root after resolving symbolic links.
// - /assets/* (content-hashed by Vite) are cached for a year; everything else,
//   index.html in particular, is "no-cache" (revalidated with the weak ETag).
// - If-None-Match with the current ETag answers 304 without a body.
// Stateless apart from the root path; safe to share between threads.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "api/http.hpp"

namespace enshu::api {

class StaticFiles {
  public:
    // An empty web_root serves nothing: every call answers 404.
    explicit StaticFiles(std::string web_root);

    Response Serve(const Request& request) const;

    // Files larger than this are not served (a built UI has none).
    static constexpr std::size_t kMaxFileBytes = 64 * 1024 * 1024;

  private:
    Response ServeFile(const Request& request, const std::filesystem::path& file, bool is_asset) const;

    std::filesystem::path root_;  // canonical, or empty
};

// "text/html; charset=utf-8" for "index.html"; "application/octet-stream" when unknown.
std::string_view ContentTypeFor(std::string_view file_name);

}  // namespace enshu::api
