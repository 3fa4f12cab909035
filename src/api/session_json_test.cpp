#include "api/session_json.hpp"

#include <gtest/gtest.h>

#include "api/session_cookie.hpp"

namespace enshu::api {
namespace {

TEST(SessionJsonTest, StaffSessionHasTheDocumentedShape) {
    Principal principal;
    principal.user_id = 1;
    principal.display_name = "事務局 太郎";
    principal.login = "organiser";
    principal.csrf_token = "csrf";
    principal.memberships = {
        Membership{1, Role::kOrganiser, std::nullopt, std::nullopt, std::nullopt},
        Membership{1, Role::kMinistry, std::nullopt, std::nullopt, "meti"},
    };
    const nlohmann::json expected = nlohmann::json::parse(R"({
        "user":{"id":1,"display_name":"事務局 太郎","login":"organiser","kind":"staff","is_admin":false},
        "memberships":[{"exercise_id":1,"role":"organiser"},{"exercise_id":1,"role":"ministry","ministry_code":"meti"}],
        "csrf_token":"csrf"})");
    EXPECT_EQ(SessionJson(principal), expected);
}

TEST(SessionJsonTest, PersonSessionCarriesOrganisationAndPerson) {
    Principal principal;
    principal.user_id = 5;
    principal.display_name = "山田 花子";
    principal.memberships = {Membership{1, Role::kOrgLead, 7, 12, std::nullopt}};
    const nlohmann::json json = SessionJson(principal);
    EXPECT_EQ(json["user"]["kind"], "person");
    EXPECT_EQ(json["user"]["login"], "");
    EXPECT_EQ(json["memberships"][0],
              (nlohmann::json{{"exercise_id", 1}, {"role", "org_lead"}, {"organisation_id", 7}, {"person_id", 12}}));
}

TEST(SessionCookieTest, CarriesTheRequiredAttributes) {
    EXPECT_EQ(SessionCookie("abc", std::chrono::hours(12), CookieSecurity::kPlain),
              "enshu_session=abc; HttpOnly; SameSite=Lax; Path=/; Max-Age=43200");
    EXPECT_EQ(SessionCookie("abc", std::chrono::seconds(60), CookieSecurity::kSecure),
              "enshu_session=abc; HttpOnly; SameSite=Lax; Path=/; Max-Age=60; Secure");
    EXPECT_EQ(ExpiredSessionCookie(CookieSecurity::kPlain),
              "enshu_session=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0");
}

}  // namespace
}  // namespace enshu::api
