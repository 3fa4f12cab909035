#include "accounts/sodium_support.hpp"

#include <sodium.h>

#include <mutex>
#include <stdexcept>

namespace enshu::accounts {

void EnsureSodiumInitialised() {
    static std::once_flag once;
    std::call_once(once, [] {
        // 0 = initialised now, 1 = already initialised (by another library); -1 = failure.
        if (sodium_init() < 0) throw std::runtime_error("libsodium: sodium_init failed");
    });
}

}  // namespace enshu::accounts
