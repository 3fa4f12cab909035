#include "evaluation/forum_demo.hpp"

#include <string>
#include <vector>

#include "evaluation/forum_service.hpp"

namespace enshu::evaluation {
namespace {

std::vector<ForumSessionInput> DemoSessions() {
    std::vector<ForumSessionInput> sessions;
    ForumSessionInput roundtable;
    roundtable.kind = "roundtable";
    roundtable.title_ja = "サブコン座談会";
    roundtable.title_en = "Roundtable";
    roundtable.starts_at = "2023-12-07T10:00";
    roundtable.ends_at = "2023-12-07T11:15";
    roundtable.format = "venue";
    roundtable.location = "集合会場";
    roundtable.themes = {"演習当日までの事前準備で取り組んだ点", "演習当日までの事前準備より相談したい点"};
    sessions.push_back(roundtable);
    for (const char* date : {"2023-12-14", "2023-12-19", "2023-12-21", "2024-01-17", "2024-01-18"}) {
        ForumSessionInput feedback;
        feedback.kind = "feedback";
        feedback.title_ja = std::string("意見交換会（") + date + "）";
        feedback.title_en = std::string("Feedback session (") + date + ")";
        feedback.starts_at = std::string(date) + "T14:00";
        feedback.ends_at = std::string(date) + "T16:30";
        feedback.format = "web";
        feedback.themes = {"2023年度 分野横断的演習当日の振り返り", "自組織のサイバーセキュリティ確保について"};
        sessions.push_back(feedback);
    }
    return sessions;
}

}  // namespace

Status SeedDemoForumSessions(db::Database& database, const Clock& clock, const audit::AuditLog& audit,
                             std::int64_t exercise_id) {
    ForumService forums(database, clock, audit);
    auto existing = forums.List(exercise_id);
    if (!existing) return tl::unexpected(existing.error());
    if (!existing->empty()) return Ok();
    const audit::Actor system{std::nullopt, "system", "", ""};
    for (const ForumSessionInput& session : DemoSessions()) {
        if (auto created = forums.Create(exercise_id, session, system); !created) {
            return tl::unexpected(created.error());
        }
    }
    return Ok();
}

}  // namespace enshu::evaluation
