#include "core/clock.hpp"

#include <cstdio>
#include <ctime>
#include <string_view>

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

namespace {

// True when `text` starts with "DDDD-DD-DDTDD:DD:DD" (D a digit): fixed widths, no
// signs or spaces, which sscanf alone would accept.
bool HasTimestampLayout(const std::string& text) {
    static constexpr std::string_view kLayout = "DDDD-DD-DDTDD:DD:DD";
    if (text.size() < kLayout.size() || text.size() > 64) return false;
    for (std::size_t i = 0; i < kLayout.size(); ++i) {
        const bool ok = kLayout[i] == 'D' ? (text[i] >= '0' && text[i] <= '9') : text[i] == kLayout[i];
        if (!ok) return false;
    }
    return true;
}

int DaysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

bool ParseTimestamp(const std::string& text, TimePoint& out) {
    int year, month, day, hour, minute, second, millis = 0;
    int consumed = 0;
    if (!HasTimestampLayout(text) || std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &year, &month, &day, &hour,
                                                 &minute, &second, &consumed) != 6) {
        return false;
    }
    // TimePoint counts nanoseconds in 64 bits: it holds the years 1678..2261 only.
    if (year < 1900 || year > 2261 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month) ||
        hour > 23 || minute > 59 || second > 59) {
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
