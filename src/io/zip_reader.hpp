#pragma once

// Internal to src/io: read-only access to a zip archive held in memory (minizip over custom
// in-memory file functions), with a size bound on every entry read.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace enshu::io {

// Not thread-safe: minizip keeps a current-entry cursor, so one thread uses a reader at a time.
class ZipReader {
  public:
    // Opens the archive in `bytes`, which must outlive the reader. kInvalidArgument when the bytes
    // are not a zip archive or it has more than kMaxEntries entries.
    static Result<std::unique_ptr<ZipReader>> Open(std::string_view bytes);

    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;
    ~ZipReader();

    // True when an entry is named `name` (ASCII case-insensitive, as OPC part names are).
    bool Contains(std::string_view name);

    // The uncompressed content of entry `name`. kNotFound when missing; kPayloadTooLarge when its
    // declared or actual size exceeds `max_bytes` (decompression stops there, so a zip bomb costs
    // at most max_bytes); kInvalidArgument when the entry is encrypted or its data is corrupt.
    // Messages start with the entry name.
    Result<std::string> Read(std::string_view name, std::size_t max_bytes);

    static constexpr std::uint64_t kMaxEntries = 10000;

    // State of the in-memory "file" minizip reads through; public only for the C callbacks.
    struct MemoryFile {
        std::string_view bytes;
        std::uint64_t position = 0;
    };

  private:
    ZipReader() = default;

    MemoryFile file_;
    void* archive_ = nullptr;  // unzFile
};

}  // namespace enshu::io
