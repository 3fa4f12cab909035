#pragma once

// The scenarios shipped in scenarios/*.yaml, compiled into the binary
// (CMakeLists.txt, cmake/embed_files.cmake).

#include <vector>

#include "core/embedded_file.hpp"

namespace enshu::scenario {

// File name ("ransomware-2023.yaml") and exact content of each bundled scenario.
const std::vector<EmbeddedFile>& EmbeddedScenarios();

// The scenario the demo exercise is given.
inline constexpr char kDemoScenarioFile[] = "ransomware-2023.yaml";

}  // namespace enshu::scenario
