#include "api/router.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace enshu::api {

std::vector<std::string_view> SplitPath(std::string_view path) {
    std::vector<std::string_view> segments;
    if (path.empty() || path.front() != '/') return segments;
    path.remove_prefix(1);
    while (true) {
        std::size_t slash = path.find('/');
        segments.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return segments;
}

Router::Router(const std::vector<Route>& routes) {
    routes_.reserve(routes.size());
    for (const Route& route : routes) {
        CompiledRoute compiled;
        compiled.route = &route;
        for (std::string_view segment : SplitPath(route.pattern)) {
            bool is_parameter = segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
            if (is_parameter) segment = segment.substr(1, segment.size() - 2);
            compiled.segments.push_back(Segment{std::string(segment), is_parameter});
        }
        if (compiled.segments.empty()) {
            throw std::invalid_argument("route pattern must start with '/': " + std::string(route.pattern));
        }
        routes_.push_back(std::move(compiled));
    }
}

bool Router::MatchSegments(const CompiledRoute& compiled, const std::vector<std::string_view>& path_segments,
                           std::map<std::string, std::string>& params) {
    if (compiled.segments.size() != path_segments.size()) return false;
    for (std::size_t i = 0; i < path_segments.size(); ++i) {
        const Segment& segment = compiled.segments[i];
        if (segment.is_parameter) {
            if (path_segments[i].empty()) return false;
            params[segment.text] = std::string(path_segments[i]);
        } else if (segment.text != path_segments[i]) {
            return false;
        }
    }
    return true;
}

RouteMatch Router::Match(std::string_view method, std::string_view path) const {
    RouteMatch match;
    std::vector<std::string_view> path_segments = SplitPath(path);
    if (path_segments.empty()) return match;
    std::set<std::string_view> other_methods;
    for (const CompiledRoute& compiled : routes_) {
        std::map<std::string, std::string> params;
        if (!MatchSegments(compiled, path_segments, params)) continue;
        if (compiled.route->method == method) {
            match.kind = MatchKind::kMatched;
            match.route = compiled.route;
            match.path_params = std::move(params);
            return match;
        }
        other_methods.insert(compiled.route->method);
    }
    if (!other_methods.empty()) {
        match.kind = MatchKind::kMethodNotAllowed;
        for (std::string_view allowed : other_methods) {
            if (!match.allow.empty()) match.allow += ", ";
            match.allow += allowed;
        }
    }
    return match;
}

}  // namespace enshu::api
