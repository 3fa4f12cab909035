#include "scenario/scenario_problems.hpp"

namespace enshu::scenario {

void ProblemSink::Locate(const std::string& path, Location location) {
    locations_.insert_or_assign(path, std::move(location));
}

const Location* ProblemSink::Find(std::string path) const {
    while (true) {
        auto found = locations_.find(path);
        if (found != locations_.end()) return &found->second;
        const std::size_t cut = path.find_last_of(".[");
        if (cut == std::string::npos) break;
        path.resize(cut);
    }
    auto root = locations_.find("");
    return root == locations_.end() ? nullptr : &root->second;
}

void ProblemSink::Add(const std::string& path, const std::string& message) { AddAt(Location{}, path, message); }

void ProblemSink::AddAt(const Location& explicit_location, const std::string& path, const std::string& message) {
    if (Full()) return;
    Problem problem;
    if (problems_.size() == kMaxProblems) {
        problem.message = "more than " + std::to_string(kMaxProblems) + " problems; reading stopped";
        problems_.push_back(std::move(problem));
        return;
    }
    const bool given = explicit_location.line || !explicit_location.sheet.empty();
    const Location* location = given ? &explicit_location : Find(path);
    std::string text;
    if (location != nullptr) {
        problem.line = location->line;
        problem.sheet = location->sheet;
        problem.cell = location->cell;
        text = DescribeLocation(*location);
    }
    problem.field = path;
    if (!path.empty()) text += (text.empty() ? "" : ": ") + path;
    problem.message = text + (text.empty() ? "" : ": ") + message;
    problems_.push_back(std::move(problem));
}

std::string DescribeLocation(const Location& location) {
    std::string text;
    if (!location.sheet.empty()) {
        text = "sheet " + location.sheet;
        if (!location.cell.empty()) text += ", cell " + location.cell;
    }
    if (location.line) text += (text.empty() ? "" : ", ") + std::string("line ") + std::to_string(*location.line);
    return text;
}

nlohmann::json ProblemsJson(const Problems& problems) {
    nlohmann::json list = nlohmann::json::array();
    for (const Problem& problem : problems) {
        list.push_back({{"line", problem.line ? nlohmann::json(*problem.line) : nlohmann::json(nullptr)},
                        {"sheet", problem.sheet},
                        {"cell", problem.cell},
                        {"field", problem.field},
                        {"message", problem.message}});
    }
    return list;
}

Error ProblemsError(const Problems& problems) {
    if (problems.empty()) return Error{ErrorCode::kUnprocessable, "invalid scenario", ""};
    std::string message = problems.front().message;
    if (problems.size() > 1) message += " (and " + std::to_string(problems.size() - 1) + " more)";
    return Error{ErrorCode::kUnprocessable, message, problems.front().field};
}

}  // namespace enshu::scenario
