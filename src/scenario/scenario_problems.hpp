#pragma once

// Problems found in a scenario or overlay file, each with where it is (YAML line or
// XLSX sheet + cell) and the field path, collected up to kMaxProblems.

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <tl/expected.hpp>
#include <vector>

#include "core/result.hpp"

namespace enshu::scenario {

inline constexpr std::size_t kMaxProblems = 100;

struct Location {
    std::optional<int> line;  // 1-based line of a YAML file
    std::string sheet;        // XLSX sheet name
    std::string cell;         // XLSX cell ("C9")
};

struct Problem {
    std::optional<int> line;
    std::string sheet;
    std::string cell;
    std::string field;    // "injects[7].at"; "" for the whole file
    std::string message;  // "line 42: injects[7].at: 'D2 25:00' is not a scenario time (D<day> HH:MM)"
};

using Problems = std::vector<Problem>;

template <typename T>
using Checked = tl::expected<T, Problems>;

// Collects problems. Locations are registered by field path while reading; a problem
// takes the location of its path or of the nearest parent path that has one.
// Not thread-safe (one per read).
class ProblemSink {
  public:
    void Locate(const std::string& path, Location location);
    // Adds "<where>: <path>: <message>". After kMaxProblems, one last problem says
    // that reading stopped and further ones are dropped.
    void Add(const std::string& path, const std::string& message);
    // Adds a problem at an explicit location (e.g. an XLSX header cell).
    void AddAt(const Location& location, const std::string& path, const std::string& message);
    bool Full() const { return problems_.size() > kMaxProblems; }
    bool empty() const { return problems_.empty(); }
    const Problems& problems() const { return problems_; }
    Problems Take() { return std::move(problems_); }

  private:
    const Location* Find(std::string path) const;

    std::map<std::string, Location> locations_;
    Problems problems_;
};

// "line 3" / "sheet injects, cell C9" / "" for a location.
std::string DescribeLocation(const Location& location);

// [{"line":N|null,"sheet","cell","field","message"}] for 422 answers.
nlohmann::json ProblemsJson(const Problems& problems);
// kUnprocessable whose message is the first problem (and how many more there are).
Error ProblemsError(const Problems& problems);

}  // namespace enshu::scenario
