#pragma once

// Set-Cookie values for the session cookie (docs/api.md): HttpOnly, SameSite=Lax,
// Path=/, Max-Age, and Secure when the server sits behind HTTPS.

#include <chrono>
#include <string>
#include <string_view>

namespace enshu::api {

enum class CookieSecurity { kPlain, kSecure };

// "enshu_session=<token>; HttpOnly; SameSite=Lax; Path=/; Max-Age=<seconds>[; Secure]".
// `token` is URL-safe base64 (accounts::RandomToken), so it needs no quoting.
std::string SessionCookie(std::string_view token, std::chrono::seconds max_age, CookieSecurity security);

// A cookie that makes the browser forget the session (empty value, Max-Age=0).
std::string ExpiredSessionCookie(CookieSecurity security);

}  // namespace enshu::api
