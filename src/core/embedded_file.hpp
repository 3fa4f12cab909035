#pragma once

// A file compiled into the binary (migrations, reference data); see cmake/embed_files.cmake.

#include <string_view>
#include <vector>

namespace enshu {

struct EmbeddedFile {
    std::string_view name;      // file name without directory, e.g. "0001_foundation.sql"
    std::string_view content;   // exact bytes of the file
};

}  // namespace enshu
