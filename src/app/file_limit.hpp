#pragma once

// The open-file limit: a server with 10,000 live streams (and the load generator that
// opens them) needs more descriptors than the usual soft limit of 1024.

namespace enshu::app {

// Raises the soft RLIMIT_NOFILE to the hard limit; returns the soft limit now in force
// (unchanged when it cannot be raised).
long RaiseOpenFileLimit();

}  // namespace enshu::app
