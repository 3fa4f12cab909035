#pragma once

// The `enshu` command line: serve, demo, migrate, user add, version.
// Returns the process exit code: 0 success, 1 failure, 2 usage error.

namespace enshu::app {

int RunCommandLine(int argc, char** argv);

}  // namespace enshu::app
