#pragma once

// Matches a request's method and path against the route table. Patterns are split
// into segments once, at construction; "{name}" segments match one non-empty path
// segment and are returned as path parameters. Paths are compared segment by segment
// and exactly: no trailing-slash or case folding.
// Immutable after construction, so safe to share between threads. Keeps pointers into
// the route vector given to the constructor, which must outlive the Router.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "api/route.hpp"

namespace enshu::api {

enum class MatchKind {
    kMatched,           // route and path_params are set
    kNotFound,          // no pattern matches the path
    kMethodNotAllowed,  // the path matches, but not with this method; allow lists the methods
};

struct RouteMatch {
    MatchKind kind = MatchKind::kNotFound;
    const Route* route = nullptr;
    std::map<std::string, std::string> path_params;
    std::string allow;  // "GET, PATCH" for kMethodNotAllowed
};

class Router {
  public:
    explicit Router(const std::vector<Route>& routes);

    RouteMatch Match(std::string_view method, std::string_view path) const;

  private:
    struct Segment {
        std::string text;  // literal text, or the parameter name
        bool is_parameter = false;
    };
    struct CompiledRoute {
        const Route* route = nullptr;
        std::vector<Segment> segments;
    };
    // Fills params and returns true when `path_segments` matches `compiled`.
    static bool MatchSegments(const CompiledRoute& compiled, const std::vector<std::string_view>& path_segments,
                              std::map<std::string, std::string>& params);

    std::vector<CompiledRoute> routes_;
};

// "/a/b/" -> {"a", "b", ""}; "/" -> {""}. The path must start with '/'.
std::vector<std::string_view> SplitPath(std::string_view path);

}  // namespace enshu::api
