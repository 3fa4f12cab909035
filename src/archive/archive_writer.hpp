#pragma once

// Archive → the bytes of its files (docs/data-format.md): manifest.csv and every data
// file (a file without records has its header only), rows in the order of the records
// (the loader sorts them). Pure function.

#include <map>
#include <string>

#include "archive/archive_model.hpp"

namespace enshu::archive {

// File name → bytes. Deterministic: the same Archive always gives the same bytes (the
// manifest holds no time of export).
std::map<std::string, std::string> WriteArchive(const Archive& archive);

}  // namespace enshu::archive
