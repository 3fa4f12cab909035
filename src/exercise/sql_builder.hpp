#pragma once

// Assembles one SQL text from fixed fragments (named constants of a repository) and
// numbers their placeholders $1..$n in order, binding the values alongside. Values
// never enter the SQL text: a fragment marks its one parameter with "$?", and
// AppendInList writes one placeholder per value. Not thread-safe (a local value).

#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"

namespace enshu::exercise {

class SqlBuilder {
  public:
    SqlBuilder() = default;

    // Appends a fragment without parameters.
    SqlBuilder& Append(std::string_view fragment);
    // Appends a fragment containing exactly one "$?", replaced by the next placeholder.
    SqlBuilder& Append(std::string_view fragment, db::Value value);
    // Appends "<before>$a, $b, ...<after>" binding each value; `values` must not be empty.
    template <typename T>
    SqlBuilder& AppendInList(std::string_view before, const std::vector<T>& values, std::string_view after) {
        sql_ += before;
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i > 0) sql_ += ", ";
            sql_ += NextPlaceholder(db::Value(values[i]));
        }
        sql_ += after;
        return *this;
    }

    const std::string& sql() const { return sql_; }
    const db::Params& params() const { return params_; }

  private:
    std::string NextPlaceholder(db::Value value);

    std::string sql_;
    db::Params params_;
};

}  // namespace enshu::exercise
