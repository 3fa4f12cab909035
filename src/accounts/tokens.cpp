// HashToken and RandomToken, declared in account_service.hpp.

#include <sodium.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "accounts/account_service.hpp"
#include "accounts/sodium_support.hpp"

namespace enshu::accounts {
namespace {

// Tokens are at most this long; larger requests are bugs.
constexpr std::size_t kMaxTokenBytes = 1024;

}  // namespace

std::string HashToken(std::string_view token) {
    EnsureSodiumInitialised();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

std::string RandomToken(std::size_t bytes) {
    if (bytes == 0 || bytes > kMaxTokenBytes) {
        throw std::invalid_argument("RandomToken: bytes must be 1..1024, got " + std::to_string(bytes));
    }
    EnsureSodiumInitialised();
    std::vector<unsigned char> random(bytes);
    randombytes_buf(random.data(), random.size());
    const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    std::string encoded(sodium_base64_ENCODED_LEN(bytes, variant), '\0');
    sodium_bin2base64(encoded.data(), encoded.size(), random.data(), random.size(), variant);
    sodium_memzero(random.data(), random.size());
    encoded.resize(std::char_traits<char>::length(encoded.c_str()));
    return encoded;
}

}  // namespace enshu::accounts
