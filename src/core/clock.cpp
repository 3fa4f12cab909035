#include "core/clock.hpp"

#include <cstdio>
#include <ctime>

namespace enshu {

std::string FormatTimestamp(TimePoint t) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
    std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    int millis = static_cast<int>(ms % 1000);
    if (millis < 0) {
        millis += 1000;
        --seconds;
    }
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char buffer[64];  // room for any int year, so that -Wformat-truncation cannot fire
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                  utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, millis);
    return buffer;
}

bool ParseTimestamp(const std::string& text, TimePoint& out) {
    int year, month, day, hour, minute, second, millis = 0;
    int consumed = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &year, &month, &day, &hour, &minute, &second,
                    &consumed) != 6) {
        return false;
    }
    const char* rest = text.c_str() + consumed;
    if (*rest == '.') {
        int digits = 0;
        ++rest;
        while (*rest >= '0' && *rest <= '9') {
            if (digits < 3) millis = millis * 10 + (*rest - '0');
            ++digits;
            ++rest;
        }
        if (digits == 0) return false;
        for (; digits < 3; ++digits) millis *= 10;
    }
    if (*rest != 'Z' || rest[1] != '\0') return false;
    std::tm utc{};
    utc.tm_year = year - 1900;
    utc.tm_mon = month - 1;
    utc.tm_mday = day;
    utc.tm_hour = hour;
    utc.tm_min = minute;
    utc.tm_sec = second;
    const std::time_t seconds = timegm(&utc);
    out = TimePoint(std::chrono::seconds(seconds)) + std::chrono::milliseconds(millis);
    return true;
}

}  // namespace enshu
