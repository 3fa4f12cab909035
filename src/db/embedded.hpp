#pragma once

// Files compiled into the binary by cmake/embed_files.cmake (see CMakeLists.txt).
// Both lists are built once, in the order CMake globbed them (not necessarily
// numeric order: callers sort), and live for the whole process.

#include <vector>

#include "core/embedded_file.hpp"

namespace enshu::db {

// Every src/db/migrations/NNNN_name.sql, by file name.
const std::vector<enshu::EmbeddedFile>& EmbeddedMigrations();

// Every data/reference/<dataset>.v<version>.json, by file name.
const std::vector<enshu::EmbeddedFile>& EmbeddedReferenceData();

}  // namespace enshu::db
