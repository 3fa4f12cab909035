#include "api/static_files.hpp"

#include <chrono>
#include <fstream>
#include <iterator>
#include <system_error>

namespace enshu::api {

namespace {

namespace fs = std::filesystem;

Response NotFound(std::string_view path) {
    return Response::FromError(Error{ErrorCode::kNotFound, "path: no such file '" + std::string(path) + "'", "path"});
}

// True when every segment of the request path is an ordinary name.
bool IsSafePath(std::string_view path) {
    if (path.empty() || path.front() != '/') return false;
    if (path.find('\0') != std::string_view::npos || path.find('\\') != std::string_view::npos) return false;
    std::size_t start = 1;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        std::string_view segment = path.substr(start, end - start);
        // Rejects ".", ".." and hidden files such as ".env".
        if (!segment.empty() && segment.front() == '.') return false;
        start = end + 1;
    }
    return true;
}

bool HasExtension(std::string_view path) {
    std::size_t slash = path.rfind('/');
    std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
    return last.find('.') != std::string_view::npos;
}

bool IsUnder(const fs::path& root, const fs::path& candidate) {
    auto root_end = root.end();
    auto [root_it, candidate_it] = std::mismatch(root.begin(), root_end, candidate.begin(), candidate.end());
    return root_it == root_end;
}

}  // namespace

std::string_view ContentTypeFor(std::string_view file_name) {
    struct Entry {
        std::string_view extension;
        std::string_view content_type;
    };
    static constexpr Entry kTypes[] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".webp", "image/webp"},
        {".ico", "image/x-icon"},
        {".json", "application/json; charset=utf-8"},
        {".woff2", "font/woff2"},
        {".txt", "text/plain; charset=utf-8"},
        {".map", "application/json; charset=utf-8"},
    };
    std::size_t dot = file_name.rfind('.');
    if (dot != std::string_view::npos) {
        std::string_view extension = file_name.substr(dot);
        for (const Entry& entry : kTypes) {
            if (entry.extension == extension) return entry.content_type;
        }
    }
    return "application/octet-stream";
}

StaticFiles::StaticFiles(std::string web_root) {
    if (web_root.empty()) return;
    std::error_code error;
    fs::path canonical = fs::canonical(web_root, error);
    if (!error) root_ = canonical;
}

Response StaticFiles::Serve(const Request& request) const {
    if (request.method != "GET" && request.method != "HEAD") {
        Response response = Response::FromError(
            Error{ErrorCode::kInvalidArgument, "method: static files answer GET and HEAD only", "method"});
        response.status = 405;
        response.headers.emplace_back("Allow", "GET, HEAD");
        return response;
    }
    if (root_.empty() || !IsSafePath(request.path)) return NotFound(request.path);

    const bool is_asset = request.path.starts_with("/assets/");
    if (request.path != "/") {
        std::error_code error;
        fs::path candidate = fs::weakly_canonical(root_ / fs::path(request.path.substr(1)), error);
        if (!error && IsUnder(root_, candidate) && fs::is_regular_file(candidate, error)) {
            return ServeFile(request, candidate, is_asset);
        }
        // A missing file (it has an extension, or lives under /assets/) is a real 404;
        // anything else is a client-side route of the SPA.
        if (HasExtension(request.path) || is_asset) return NotFound(request.path);
    }
    std::error_code error;
    fs::path index = root_ / "index.html";
    if (!fs::is_regular_file(index, error)) return NotFound(request.path);
    return ServeFile(request, index, false);
}

Response StaticFiles::ServeFile(const Request& request, const fs::path& file, bool is_asset) const {
    std::error_code error;
    std::uintmax_t size = fs::file_size(file, error);
    if (error || size > kMaxFileBytes) return NotFound(request.path);
    auto modified = fs::last_write_time(file, error);
    if (error) return NotFound(request.path);
    auto modified_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(modified.time_since_epoch()).count();
    std::string etag = "W/\"" + std::to_string(size) + "-" + std::to_string(modified_ns) + "\"";

    Response response;
    response.content_type = std::string(ContentTypeFor(file.filename().string()));
    response.headers.emplace_back("ETag", etag);
    response.headers.emplace_back("Cache-Control", is_asset ? "public, max-age=31536000, immutable" : "no-cache");
    auto if_none_match = request.Header("if-none-match");
    if (if_none_match && (if_none_match->find(etag) != std::string::npos || *if_none_match == "*")) {
        response.status = 304;
        return response;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) return NotFound(request.path);
    response.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    response.status = 200;
    return response;
}

}  // namespace enshu::api
