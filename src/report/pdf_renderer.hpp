#pragma once

// PDF: the self-contained HTML report printed by headless Debian chromium (fonts-noto-cjk
// for Japanese). Bounded: one chromium at a time in the process (a mutex; callers
// queue), each killed after `timeout`; a fresh profile directory per render, removed
// afterwards. Flags as in ARCHITECTURE.md §2.

#include <chrono>
#include <string>

#include "core/result.hpp"

namespace enshu::report {

struct PdfOptions {
    std::string chromium = "chromium";  // program name or path (ENSHU_CHROMIUM overrides)
    std::chrono::seconds timeout{60};
};

// Returns the PDF bytes of `html`. Errors: kUnavailable when chromium cannot be started
// or is not installed, kInternal when it fails or produces no PDF, kUnavailable when it
// exceeds the timeout (it is killed).
Result<std::string> RenderPdf(const std::string& html, const PdfOptions& options = {});

}  // namespace enshu::report
