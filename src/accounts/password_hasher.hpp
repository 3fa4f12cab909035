#pragma once

// Argon2id password hashing (libsodium crypto_pwhash_str) with a bound on how many
// hashes run at once: each uses `memory_limit` bytes (64 MiB by default), so an
// unbounded number of concurrent logins could exhaust memory. Callers beyond the
// bound wait for a slot.
//
// Thread-safe: the slot count is protected by mutex_ and signalled through slot_free_;
// the dummy hash is built once under dummy_once_.

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace enshu::accounts {

class PasswordHasher {
  public:
    // ops_limit >= 1 and memory_limit >= 8 KiB (libsodium's minimums; smaller values are
    // raised to them). max_concurrent < 1 is treated as 1.
    PasswordHasher(unsigned long long ops_limit, std::size_t memory_limit, int max_concurrent);

    // The libsodium string form ("$argon2id$v=19$m=...") of `password`.
    // Errors: kInternal when libsodium fails (out of memory).
    Result<std::string> Hash(std::string_view password);
    // True when `password` matches `stored_hash`. A malformed stored hash never matches.
    bool Verify(std::string_view stored_hash, std::string_view password);
    // Spends the time of one Verify against a fixed dummy hash, so that an unknown login
    // answers as slowly as a wrong password. The dummy hash is made on first use.
    void VerifyAgainstDummy(std::string_view password);

    // The largest number of hashes that ran at the same time since construction.
    int PeakConcurrent() const;
    // Test hook: runs inside every slot, after acquiring it and before hashing, so that
    // tests can hold slots open and observe the bound. Set before concurrent use.
    void SetInsideSlotHookForTesting(std::function<void()> hook) { inside_slot_hook_ = std::move(hook); }

  private:
    class Slot;

    unsigned long long ops_limit_;
    std::size_t memory_limit_;
    int max_concurrent_;

    mutable std::mutex mutex_;
    std::condition_variable slot_free_;
    int in_use_ = 0;       // guarded by mutex_
    int peak_in_use_ = 0;  // guarded by mutex_

    std::once_flag dummy_once_;
    std::string dummy_hash_;  // written once under dummy_once_; empty if it could not be made

    std::function<void()> inside_slot_hook_;
};

}  // namespace enshu::accounts
