#include "api/session_cookie.hpp"

#include "api/pipeline.hpp"

namespace enshu::api {

std::string SessionCookie(std::string_view token, std::chrono::seconds max_age, CookieSecurity security) {
    std::string cookie = std::string(kSessionCookie) + "=" + std::string(token) +
                         "; HttpOnly; SameSite=Lax; Path=/; Max-Age=" + std::to_string(max_age.count());
    if (security == CookieSecurity::kSecure) cookie += "; Secure";
    return cookie;
}

std::string ExpiredSessionCookie(CookieSecurity security) {
    return SessionCookie("", std::chrono::seconds(0), security);
}

}  // namespace enshu::api
