#include "accounts/password_hasher.hpp"

#include <sodium.h>

#include <algorithm>

#include "accounts/account_service.hpp"
#include "accounts/sodium_support.hpp"

namespace enshu::accounts {

// Holds one of the max_concurrent_ hashing slots for its lifetime.
class PasswordHasher::Slot {
  public:
    explicit Slot(PasswordHasher& hasher) : hasher_(hasher) {
        std::unique_lock lock(hasher_.mutex_);
        hasher_.slot_free_.wait(lock, [&] { return hasher_.in_use_ < hasher_.max_concurrent_; });
        ++hasher_.in_use_;
        hasher_.peak_in_use_ = std::max(hasher_.peak_in_use_, hasher_.in_use_);
        lock.unlock();
        if (hasher_.inside_slot_hook_) hasher_.inside_slot_hook_();
    }
    ~Slot() {
        {
            std::lock_guard lock(hasher_.mutex_);
            --hasher_.in_use_;
        }
        hasher_.slot_free_.notify_one();
    }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

  private:
    PasswordHasher& hasher_;
};

PasswordHasher::PasswordHasher(unsigned long long ops_limit, std::size_t memory_limit, int max_concurrent)
    : ops_limit_(std::max<unsigned long long>(ops_limit, crypto_pwhash_OPSLIMIT_MIN)),
      memory_limit_(std::max<std::size_t>(memory_limit, crypto_pwhash_MEMLIMIT_MIN)),
      max_concurrent_(std::max(max_concurrent, 1)) {
    EnsureSodiumInitialised();
}

Result<std::string> PasswordHasher::Hash(std::string_view password) {
    char out[crypto_pwhash_STRBYTES];
    int rc = 0;
    {
        Slot slot(*this);
        rc = crypto_pwhash_str_alg(out, password.data(), password.size(), ops_limit_, memory_limit_,
                                   crypto_pwhash_ALG_ARGON2ID13);
    }
    if (rc != 0) return Fail(ErrorCode::kInternal, "password hashing failed (out of memory?)", "password");
    return std::string(out);
}

bool PasswordHasher::Verify(std::string_view stored_hash, std::string_view password) {
    // The stored form is a NUL-terminated string shorter than crypto_pwhash_STRBYTES.
    if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
    const std::string terminated(stored_hash);
    Slot slot(*this);
    return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

void PasswordHasher::VerifyAgainstDummy(std::string_view password) {
    std::call_once(dummy_once_, [&] {
        auto hash = Hash(RandomToken(24));
        if (hash) dummy_hash_ = std::move(*hash);
    });
    if (!dummy_hash_.empty()) static_cast<void>(Verify(dummy_hash_, password));
}

int PasswordHasher::PeakConcurrent() const {
    std::lock_guard lock(mutex_);
    return peak_in_use_;
}

}  // namespace enshu::accounts
