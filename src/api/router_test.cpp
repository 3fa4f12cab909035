#include "api/router.hpp"

#include <gtest/gtest.h>

namespace enshu::api {
namespace {

Result<Response> Noop(RequestContext&) { return Response::NoContent(); }

std::vector<Route> TestRoutes() {
    return {
        {"GET", "/healthz", "healthz", Access::kPublic, "public", Noop},
        {"GET", "/api/exercises", "exercises.list", Access::kSession, "any", Noop},
        {"POST", "/api/exercises", "exercises.create", Access::kSession, "admin", Noop},
        {"GET", "/api/exercises/{exercise_id}", "exercises.get", Access::kSession, "any", Noop},
        {"PATCH", "/api/exercises/{exercise_id}", "exercises.update", Access::kSession, "organiser", Noop},
        {"DELETE", "/api/exercises/{exercise_id}/organisations/{organisation_id}", "organisations.delete",
         Access::kSession, "organiser", Noop},
        {"GET", "/api/exercises/{exercise_id}/organisations/export", "literal.after.param", Access::kSession, "any",
         Noop},
    };
}

TEST(SplitPathTest, Segments) {
    EXPECT_EQ(SplitPath("/a/b"), (std::vector<std::string_view>{"a", "b"}));
    EXPECT_EQ(SplitPath("/a/b/"), (std::vector<std::string_view>{"a", "b", ""}));
    EXPECT_EQ(SplitPath("/"), (std::vector<std::string_view>{""}));
    EXPECT_TRUE(SplitPath("a/b").empty());
    EXPECT_TRUE(SplitPath("").empty());
}

TEST(RouterTest, MatchesLiteralAndParameterSegments) {
    auto routes = TestRoutes();
    Router router(routes);
    RouteMatch match = router.Match("GET", "/api/exercises/42");
    ASSERT_EQ(match.kind, MatchKind::kMatched);
    EXPECT_EQ(match.route->name, "exercises.get");
    EXPECT_EQ(match.path_params.at("exercise_id"), "42");

    match = router.Match("DELETE", "/api/exercises/3/organisations/7");
    ASSERT_EQ(match.kind, MatchKind::kMatched);
    EXPECT_EQ(match.route->name, "organisations.delete");
    EXPECT_EQ(match.path_params.at("exercise_id"), "3");
    EXPECT_EQ(match.path_params.at("organisation_id"), "7");

    match = router.Match("GET", "/healthz");
    ASSERT_EQ(match.kind, MatchKind::kMatched);
    EXPECT_TRUE(match.path_params.empty());
}

TEST(RouterTest, ParametersAreNotValidatedButMustBeNonEmpty) {
    auto routes = TestRoutes();
    Router router(routes);
    RouteMatch match = router.Match("GET", "/api/exercises/abc");
    ASSERT_EQ(match.kind, MatchKind::kMatched);
    EXPECT_EQ(match.path_params.at("exercise_id"), "abc");
    EXPECT_EQ(router.Match("GET", "/api/exercises//organisations/export").kind, MatchKind::kNotFound);
}

TEST(RouterTest, NotFoundForUnknownPathsAndTrailingSlash) {
    auto routes = TestRoutes();
    Router router(routes);
    EXPECT_EQ(router.Match("GET", "/api/nothing").kind, MatchKind::kNotFound);
    EXPECT_EQ(router.Match("GET", "/api/exercises/").kind, MatchKind::kNotFound);
    EXPECT_EQ(router.Match("GET", "/api/exercises/1/2").kind, MatchKind::kNotFound);
    EXPECT_EQ(router.Match("GET", "/API/exercises").kind, MatchKind::kNotFound);
    EXPECT_EQ(router.Match("GET", "").kind, MatchKind::kNotFound);
    EXPECT_EQ(router.Match("GET", "healthz").kind, MatchKind::kNotFound);
}

TEST(RouterTest, MethodNotAllowedListsAllowedMethods) {
    auto routes = TestRoutes();
    Router router(routes);
    RouteMatch match = router.Match("PUT", "/api/exercises/5");
    ASSERT_EQ(match.kind, MatchKind::kMethodNotAllowed);
    EXPECT_EQ(match.allow, "GET, PATCH");
    EXPECT_EQ(match.route, nullptr);

    match = router.Match("DELETE", "/api/exercises");
    ASSERT_EQ(match.kind, MatchKind::kMethodNotAllowed);
    EXPECT_EQ(match.allow, "GET, POST");
}

TEST(RouterTest, EarlierRouteWinsWhenBothMatch) {
    auto routes = TestRoutes();
    Router router(routes);
    // Only the literal route has three segments after /api/exercises/{id}, so it matches.
    RouteMatch match = router.Match("GET", "/api/exercises/9/organisations/export");
    ASSERT_EQ(match.kind, MatchKind::kMatched);
    EXPECT_EQ(match.route->name, "literal.after.param");
    // DELETE on the same path matches the parameter route instead.
    match = router.Match("DELETE", "/api/exercises/9/organisations/export");
    ASSERT_EQ(match.kind, MatchKind::kMatched);
    EXPECT_EQ(match.route->name, "organisations.delete");
}

TEST(RouterTest, RejectsPatternsWithoutLeadingSlash) {
    std::vector<Route> routes = {{"GET", "healthz", "bad", Access::kPublic, "public", Noop}};
    EXPECT_THROW(Router{routes}, std::invalid_argument);
}

}  // namespace
}  // namespace enshu::api
