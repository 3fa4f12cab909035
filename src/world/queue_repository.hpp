#pragma once

// Storage of the case queue (tables desk_case and case_message of migration 0008).
// Every function runs inside the caller's transaction.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"
#include "world/desk_time.hpp"
#include "world/queue_model.hpp"
#include "world/queue_scope.hpp"

namespace enshu::world {

// Filters of the queue list (all optional; combined with AND).
struct CaseFilter {
    std::optional<std::int64_t> desk_id;
    std::string state;      // "", a state name, or "open" (every state but closed)
    bool mine = false;      // assigned to the viewer
    bool my_desks = false;  // desks the viewer is assigned to
    std::string kind;       // "", "inquiry", "report"
    std::string sector;
    std::optional<std::int64_t> organisation_id;
    std::string category;
    int page = 1;
    int page_size = 100;  // 1..200
};

struct CasePage {
    std::vector<DeskCase> items;  // oldest first (the queue order), then by delivery order
    std::int64_t total = 0;
};

// The cases `viewer` may see (queue_scope.hpp rules applied in SQL) that match `filter`.
Result<CasePage> ListCases(db::Connection& connection, const QueueViewer& viewer, const CaseFilter& filter);

// kNotFound "case_id" when the case is not in the exercise (scope is the caller's job).
Result<DeskCase> LoadCase(db::Connection& connection, std::int64_t exercise_id, std::int64_t case_id);

struct NewCase {
    std::int64_t exercise_id = 0;
    std::int64_t desk_id = 0;
    CaseKind kind = CaseKind::kInquiry;
    std::int64_t organisation_id = 0;
    std::optional<std::int64_t> report_id;
    std::string recipient_code;
    int delivery_order = 0;
    std::string category;
    std::string urgency = "normal";
    std::string subject;
    std::string contact_name;
    std::string contact_detail;
    std::int64_t person_id = 0;
    std::int64_t user_id = 0;
};
Result<std::int64_t> InsertCase(db::Connection& connection, const NewCase& input, const DeskStamp& stamp);

Result<CaseMessage> InsertMessage(db::Connection& connection, std::int64_t case_id, const std::string& kind,
                                  std::optional<std::int64_t> author_user_id, const std::string& author_label,
                                  const std::string& body, std::optional<std::int64_t> attachment_id,
                                  const DeskStamp& stamp);

// Messages of a case, oldest first; internal ones (notes, hand-overs) only when asked.
enum class InternalMessages { kInclude, kExclude };
Result<std::vector<CaseMessage>> LoadMessages(db::Connection& connection, std::int64_t case_id,
                                              InternalMessages internal);

// Sets state and assignee; sets first_reply_at_us when `reply_at_us` is given and none
// is recorded yet.
Status UpdateCase(db::Connection& connection, std::int64_t case_id, QueueState state,
                  std::optional<std::int64_t> assignee_user_id, std::optional<std::int64_t> reply_at_us,
                  std::int64_t now_us);

// True when `user_id` may be handed a case of a desk of `desk_kind`/`desk_code`: an
// organiser or controller of the exercise, or (ministry desks) a member of that ministry.
Result<bool> IsDeskStaffMember(db::Connection& connection, std::int64_t exercise_id, std::int64_t user_id,
                               DeskKind desk_kind, const std::string& desk_code);

// The display name of a user ("" when unknown).
Result<std::string> UserName(db::Connection& connection, std::int64_t user_id);

}  // namespace enshu::world
