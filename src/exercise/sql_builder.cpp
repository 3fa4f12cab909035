#include "exercise/sql_builder.hpp"

#include <stdexcept>
#include <utility>

namespace enshu::exercise {

SqlBuilder& SqlBuilder::Append(std::string_view fragment) {
    sql_ += fragment;
    return *this;
}

SqlBuilder& SqlBuilder::Append(std::string_view fragment, db::Value value) {
    const std::size_t marker = fragment.find("$?");
    if (marker == std::string_view::npos || fragment.find("$?", marker + 2) != std::string_view::npos) {
        throw std::logic_error("SqlBuilder: fragment must contain exactly one $?: " + std::string(fragment));
    }
    sql_ += fragment.substr(0, marker);
    sql_ += NextPlaceholder(std::move(value));
    sql_ += fragment.substr(marker + 2);
    return *this;
}

std::string SqlBuilder::NextPlaceholder(db::Value value) {
    params_.push_back(std::move(value));
    return "$" + std::to_string(params_.size());
}

}  // namespace enshu::exercise
