#pragma once

// libsodium must be initialised once per process before any of its functions run.

namespace enshu::accounts {

// Calls sodium_init() exactly once (thread-safe). Throws std::runtime_error when
// libsodium cannot initialise (no entropy source): a broken host, not an input error.
void EnsureSodiumInitialised();

}  // namespace enshu::accounts
