#include "io/zip_reader.hpp"

#include <minizip/unzip.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace enshu::io {
namespace {

using MemoryFile = ZipReader::MemoryFile;

// minizip file functions over a MemoryFile; `opaque` and `stream` are both the MemoryFile.

voidpf MemoryOpen(voidpf opaque, const void* /*filename*/, int mode) {
    if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ) return nullptr;
    static_cast<MemoryFile*>(opaque)->position = 0;
    return opaque;
}

uLong MemoryRead(voidpf /*opaque*/, voidpf stream, void* buffer, uLong size) {
    auto* file = static_cast<MemoryFile*>(stream);
    if (file->position >= file->bytes.size()) return 0;
    const std::uint64_t available = file->bytes.size() - file->position;
    const std::uint64_t count = std::min<std::uint64_t>(available, size);
    std::memcpy(buffer, file->bytes.data() + file->position, count);
    file->position += count;
    return static_cast<uLong>(count);
}

uLong MemoryWrite(voidpf /*opaque*/, voidpf /*stream*/, const void* /*buffer*/, uLong /*size*/) { return 0; }

ZPOS64_T MemoryTell(voidpf /*opaque*/, voidpf stream) { return static_cast<MemoryFile*>(stream)->position; }

long MemorySeek(voidpf /*opaque*/, voidpf stream, ZPOS64_T offset, int origin) {
    auto* file = static_cast<MemoryFile*>(stream);
    const std::uint64_t size = file->bytes.size();
    std::uint64_t base = 0;
    switch (origin) {
        case ZLIB_FILEFUNC_SEEK_SET:
            base = 0;
            break;
        case ZLIB_FILEFUNC_SEEK_CUR:
            base = file->position;
            break;
        case ZLIB_FILEFUNC_SEEK_END:
            base = size;
            break;
        default:
            return -1;
    }
    if (offset > size || base + offset > size) return -1;
    file->position = base + offset;
    return 0;
}

int MemoryClose(voidpf /*opaque*/, voidpf /*stream*/) { return 0; }

int MemoryError(voidpf /*opaque*/, voidpf /*stream*/) { return 0; }

std::string Describe(int minizip_error) {
    switch (minizip_error) {
        case UNZ_BADZIPFILE:
            return "corrupt zip structure";
        case UNZ_CRCERROR:
            return "CRC mismatch (corrupt data)";
        case Z_DATA_ERROR:
            return "corrupt compressed data";
        case UNZ_ERRNO:
            return "read error";
        case UNZ_PARAMERROR:
            return "invalid parameter";
        case UNZ_INTERNALERROR:
            return "internal minizip error";
        default:
            return "minizip error " + std::to_string(minizip_error);
    }
}

}  // namespace

Result<std::unique_ptr<ZipReader>> ZipReader::Open(std::string_view bytes) {
    std::unique_ptr<ZipReader> reader(new ZipReader());
    reader->file_.bytes = bytes;
    zlib_filefunc64_def functions{};
    functions.zopen64_file = MemoryOpen;
    functions.zread_file = MemoryRead;
    functions.zwrite_file = MemoryWrite;
    functions.ztell64_file = MemoryTell;
    functions.zseek64_file = MemorySeek;
    functions.zclose_file = MemoryClose;
    functions.zerror_file = MemoryError;
    functions.opaque = &reader->file_;
    reader->archive_ = unzOpen2_64("memory", &functions);
    if (reader->archive_ == nullptr) {
        return Fail(ErrorCode::kInvalidArgument, "file: not a zip archive (no valid central directory)");
    }
    unz_global_info64 info{};
    if (const int error = unzGetGlobalInfo64(reader->archive_, &info); error != UNZ_OK) {
        return Fail(ErrorCode::kInvalidArgument, "file: " + Describe(error));
    }
    if (info.number_entry > kMaxEntries) {
        return Fail(ErrorCode::kInvalidArgument, "file: zip archive has " + std::to_string(info.number_entry) +
                                                     " entries, more than " + std::to_string(kMaxEntries));
    }
    return reader;
}

ZipReader::~ZipReader() {
    if (archive_ != nullptr) unzClose(archive_);
}

bool ZipReader::Contains(std::string_view name) {
    const std::string name_string(name);
    return unzLocateFile(archive_, name_string.c_str(), 2) == UNZ_OK;
}

Result<std::string> ZipReader::Read(std::string_view name, std::size_t max_bytes) {
    const std::string part(name);
    if (part.find('\0') != std::string::npos || unzLocateFile(archive_, part.c_str(), 2) != UNZ_OK) {
        return Fail(ErrorCode::kNotFound, part + ": missing from the zip archive");
    }
    unz_file_info64 info{};
    if (const int error = unzGetCurrentFileInfo64(archive_, &info, nullptr, 0, nullptr, 0, nullptr, 0);
        error != UNZ_OK) {
        return Fail(ErrorCode::kInvalidArgument, part + ": " + Describe(error));
    }
    if ((info.flag & 1U) != 0) return Fail(ErrorCode::kInvalidArgument, part + ": encrypted entries are not supported");
    const auto too_large = [&] {
        return Fail(ErrorCode::kPayloadTooLarge,
                    part + ": uncompressed size exceeds the limit of " + std::to_string(max_bytes) + " bytes");
    };
    if (info.uncompressed_size > max_bytes) return too_large();
    if (const int error = unzOpenCurrentFile(archive_); error != UNZ_OK) {
        return Fail(ErrorCode::kInvalidArgument, part + ": cannot open entry: " + Describe(error));
    }
    std::string content;
    content.reserve(static_cast<std::size_t>(info.uncompressed_size));
    constexpr std::size_t kChunkBytes = 64 * 1024;
    std::array<char, kChunkBytes> buffer{};
    for (;;) {
        const int count = unzReadCurrentFile(archive_, buffer.data(), static_cast<unsigned>(buffer.size()));
        if (count < 0) {
            unzCloseCurrentFile(archive_);
            return Fail(ErrorCode::kInvalidArgument, part + ": " + Describe(count));
        }
        if (count == 0) break;
        if (content.size() + static_cast<std::size_t>(count) > max_bytes) {
            unzCloseCurrentFile(archive_);
            return too_large();
        }
        content.append(buffer.data(), static_cast<std::size_t>(count));
    }
    if (const int error = unzCloseCurrentFile(archive_); error != UNZ_OK) {
        return Fail(ErrorCode::kInvalidArgument, part + ": " + Describe(error));
    }
    return content;
}

}  // namespace enshu::io
