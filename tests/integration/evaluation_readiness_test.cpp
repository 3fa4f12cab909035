// The readiness survey, verification objectives, windows, completion, reminders and
// notices through the real server, with the scoping rules: an organisation never sees
// another's answers; participants read but do not edit; controllers and observers see
// completion only; the ministry reads its sectors' answers.

#include <gtest/gtest.h>

#include "evaluation_fixture.hpp"

namespace enshu::testing {
namespace {

class EvaluationReadinessTest : public EvaluationFixture {
  protected:
    // Every item of a part answered with its scale's first option.
    nlohmann::json FullAnswers(const std::string& part) {
        auto reference = EvalJson(admin_->Get("/api/reference"));
        std::map<std::string, std::string> first_option;
        for (const auto& scale : reference["answer_scales"]) first_option[scale["code"]] = scale["options"][0]["code"];
        nlohmann::json answers = nlohmann::json::object();
        for (const auto& item : reference["readiness_items"]) {
            if (item["timing"] == part) answers[item["id"].get<std::string>()] = first_option[item["scale_code"]];
        }
        return answers;
    }
};

TEST_F(EvaluationReadinessTest, DraftShowsWhatIsMissingAndSubmitNamesEachMissingItem) {
    auto lead = Joined(lead_a_token_);
    const std::string path = OrganisationPath(org_a_) + "/readiness/before";
    auto empty = lead.Get(path);
    ASSERT_EQ(EvalStatus(empty), 200) << EvalBody(empty);
    EXPECT_EQ(EvalJson(empty)["status"], "not_started");
    const std::size_t items = EvalJson(empty)["missing"].size();
    EXPECT_EQ(items, 10u);  // the 10 "before" items of readiness_items.v1.json

    auto draft =
        Put(lead, path, {{"answers", {{"governance.roles_defined", "organised"}, {"csirt.prepared", "no_answer"}}}});
    ASSERT_EQ(EvalStatus(draft), 200) << EvalBody(draft);
    EXPECT_EQ(EvalJson(draft)["status"], "draft");
    EXPECT_EQ(EvalJson(draft)["missing"].size(), items - 2);

    auto refused =
        lead.Post(path + "/submit", nlohmann::json{{"answers", {{"governance.roles_defined", "organised"}}}}.dump());
    ASSERT_EQ(EvalStatus(refused), 422) << EvalBody(refused);
    const auto body = EvalJson(refused);
    EXPECT_EQ(body["error"]["code"], "unprocessable");
    ASSERT_EQ(body["errors"].size(), items - 1);
    EXPECT_EQ(body["errors"][0]["message"], "unanswered");
    EXPECT_TRUE(body["errors"][0]["field"].get<std::string>().rfind("answers.", 0) == 0);
    // Nothing of the refused submission was stored: the draft is as before.
    EXPECT_EQ(EvalJson(lead.Get(path))["answers"].size(), 2u);

    auto bad = Put(lead, path, {{"answers", {{"csirt.prepared", "yes"}, {"bcp.day_of_degree", "fully"}}}});
    ASSERT_EQ(EvalStatus(bad), 422) << EvalBody(bad);
    std::set<std::string> fields;
    const auto bad_body = EvalJson(bad);
    for (const auto& error : bad_body["errors"]) fields.insert(error["field"]);
    EXPECT_EQ(fields, (std::set<std::string>{"answers.csirt.prepared", "answers.bcp.day_of_degree"}));

    auto submitted = lead.Post(path + "/submit", nlohmann::json{{"answers", FullAnswers("before")}}.dump());
    ASSERT_EQ(EvalStatus(submitted), 200) << EvalBody(submitted);
    EXPECT_EQ(EvalJson(submitted)["status"], "submitted");
    EXPECT_TRUE(EvalJson(submitted)["missing"].empty());
    auto again = Put(lead, path, {{"answers", FullAnswers("before")}});
    EXPECT_EQ(EvalStatus(again), 409) << EvalBody(again);

    // The organiser reopens; the org lead may edit again; the audit log has every step.
    auto reopened = admin_->Post(path + "/reopen", "{}");
    ASSERT_EQ(EvalStatus(reopened), 200) << EvalBody(reopened);
    EXPECT_EQ(EvalJson(reopened)["status"], "draft");
    EXPECT_EQ(EvalStatus(Put(lead, path, {{"answers", FullAnswers("before")}})), 200);
    auto audit = EvalJson(admin_->Get(base_ + "/audit?action=readiness."));
    std::set<std::string> actions;
    for (const auto& entry : audit["items"]) actions.insert(entry["action"]);
    EXPECT_TRUE(actions.count("readiness.save") && actions.count("readiness.submit") &&
                actions.count("readiness.reopen"))
        << audit.dump();

    // The day-of part is separate and has its own items.
    auto day_of = lead.Get(OrganisationPath(org_a_) + "/readiness/day_of");
    EXPECT_EQ(EvalJson(day_of)["missing"].size(), 7u);
    EXPECT_EQ(EvalStatus(lead.Get(OrganisationPath(org_a_) + "/readiness/later")), 404);
}

TEST_F(EvaluationReadinessTest, AnOrganisationNeverSeesAnothersAnswers) {
    auto lead_a = Joined(lead_a_token_);
    auto participant_a = Joined(participant_a_token_);
    auto lead_b = Joined(lead_b_token_);
    const std::string a_path = OrganisationPath(org_a_) + "/readiness/before";
    ASSERT_EQ(EvalStatus(Put(lead_a, a_path, {{"answers", {{"csirt.prepared", "prepared"}}}})), 200);

    EXPECT_EQ(EvalStatus(lead_b.Get(a_path)), 404);
    EXPECT_EQ(EvalStatus(Put(lead_b, a_path, {{"answers", nlohmann::json::object()}})), 404);
    EXPECT_EQ(EvalStatus(lead_b.Get(OrganisationPath(org_a_) + "/objectives")), 404);
    EXPECT_EQ(EvalStatus(lead_b.Get(OrganisationPath(org_a_) + "/action-record")), 404);
    EXPECT_EQ(EvalStatus(lead_b.Get(OrganisationPath(org_a_) + "/action-record/xlsx")), 404);
    EXPECT_EQ(EvalStatus(lead_b.Get(OrganisationPath(org_a_) + "/notices")), 404);
    EXPECT_EQ(EvalStatus(lead_b.Get(base_ + "/evaluation/completion?instrument=readiness_before")), 403);

    // Participants read their own organisation's answers but do not edit them.
    auto read = participant_a.Get(a_path);
    ASSERT_EQ(EvalStatus(read), 200);
    EXPECT_EQ(EvalJson(read)["answers"]["csirt.prepared"], "prepared");
    EXPECT_EQ(EvalStatus(Put(participant_a, a_path, {{"answers", nlohmann::json::object()}})), 403);
    EXPECT_EQ(EvalStatus(participant_a.Post(a_path + "/submit", "{}")), 403);

    // Ministry of METI reads electricity (A), not finance (B); never edits.
    auto ministry = Staff("ministry-meti");
    EXPECT_EQ(EvalStatus(ministry.Get(a_path)), 200);
    EXPECT_EQ(EvalStatus(ministry.Get(OrganisationPath(org_b_) + "/readiness/before")), 404);
    EXPECT_EQ(EvalStatus(Put(ministry, a_path, {{"answers", nlohmann::json::object()}})), 403);
    auto ministry_completion = EvalJson(ministry.Get(base_ + "/evaluation/completion?instrument=readiness_before"));
    ASSERT_EQ(ministry_completion["organisations"].size(), 1u);
    EXPECT_EQ(ministry_completion["organisations"][0]["organisation_id"], org_a_);

    // Controllers and observers: completion only.
    for (const char* login : {"controller", "observer"}) {
        auto staff = Staff(login);
        EXPECT_EQ(EvalStatus(staff.Get(a_path)), 404) << login;
        EXPECT_EQ(EvalStatus(staff.Get(OrganisationPath(org_a_) + "/action-record")), 404) << login;
        auto completion = staff.Get(base_ + "/evaluation/completion?instrument=readiness_before");
        ASSERT_EQ(EvalStatus(completion), 200) << login;
        EXPECT_EQ(EvalJson(completion)["organisations"].size(), 2u);
        EXPECT_EQ(EvalStatus(staff.Post(base_ + "/evaluation/reminders", R"({"instrument":"readiness_before"})")), 403);
    }
    // The organiser reads but does not answer for the organisation; org leads cannot reopen.
    EXPECT_EQ(EvalStatus(admin_->Get(a_path)), 200);
    EXPECT_EQ(EvalStatus(Put(*admin_, a_path, {{"answers", nlohmann::json::object()}})), 403);
    EXPECT_EQ(EvalStatus(lead_a.Post(a_path + "/reopen", "{}")), 403);
}

TEST_F(EvaluationReadinessTest, WindowsRefuseLateAnswersAndTheOrganiserCanExtend) {
    auto lead = Joined(lead_a_token_);
    const std::string path = OrganisationPath(org_a_) + "/readiness/before";
    auto bad = Put(*admin_, base_ + "/evaluation/windows",
                   {{"windows", {{{"instrument", "readiness_before"}, {"closes_at", "next week"}}}}});
    ASSERT_EQ(EvalStatus(bad), 400) << EvalBody(bad);
    EXPECT_EQ(EvalJson(bad)["error"]["field"], "windows[0].closes_at");
    auto reversed = Put(*admin_, base_ + "/evaluation/windows",
                        {{"windows",
                          {{{"instrument", "readiness_before"},
                            {"opens_at", "2020-02-01T00:00:00Z"},
                            {"closes_at", "2020-01-01T00:00:00Z"}}}}});
    EXPECT_EQ(EvalStatus(reversed), 400) << EvalBody(reversed);
    EXPECT_EQ(EvalStatus(Put(lead, base_ + "/evaluation/windows", {{"windows", nlohmann::json::array()}})), 403);

    auto closed = Put(*admin_, base_ + "/evaluation/windows",
                      {{"windows", {{{"instrument", "readiness_before"}, {"closes_at", "2020-01-01T00:00:00Z"}}}}});
    ASSERT_EQ(EvalStatus(closed), 200) << EvalBody(closed);
    auto far = Put(*admin_, base_ + "/evaluation/windows",
                   {{"windows", {{{"instrument", "readiness_before"}, {"closes_at", "2999-01-01T00:00:00Z"}}}}});
    EXPECT_EQ(EvalStatus(far), 400) << EvalBody(far);
    auto windows = EvalJson(lead.Get(base_ + "/evaluation/windows"));
    EXPECT_EQ(windows["items"][0]["instrument"], "readiness_before");
    EXPECT_EQ(windows["items"][0]["closes_at"], "2020-01-01T00:00:00.000Z");
    EXPECT_EQ(windows["items"][0]["open"], false);
    auto late = Put(lead, path, {{"answers", {{"csirt.prepared", "prepared"}}}});
    ASSERT_EQ(EvalStatus(late), 409) << EvalBody(late);
    EXPECT_EQ(EvalJson(late)["error"]["field"], "closes_at");
    EXPECT_EQ(EvalJson(lead.Get(path))["window"]["open"], false);

    auto extended = Put(*admin_, base_ + "/evaluation/windows",
                        {{"windows", {{{"instrument", "readiness_before"}, {"closes_at", "2099-01-01T00:00:00Z"}}}}});
    ASSERT_EQ(EvalStatus(extended), 200);
    EXPECT_EQ(EvalStatus(Put(lead, path, {{"answers", {{"csirt.prepared", "prepared"}}}})), 200);
}

TEST_F(EvaluationReadinessTest, ObjectivesStandardAndOwnKeepTheirIdsAcrossSaves) {
    auto lead = Joined(lead_a_token_);
    const std::string path = OrganisationPath(org_a_) + "/objectives";
    auto saved =
        Put(lead, path, {{"standard", {4, 2}}, {"own", {{{"text", "夜間の連絡体制"}}, {{"text", "広報判断"}}}}});
    ASSERT_EQ(EvalStatus(saved), 200) << EvalBody(saved);
    auto items = EvalJson(saved)["items"];
    ASSERT_EQ(items.size(), 4u);
    EXPECT_EQ(items[0]["key"], "2");
    EXPECT_EQ(items[1]["key"], "4");
    EXPECT_EQ(items[2]["key"], "10-1");
    EXPECT_EQ(items[3]["custom_text"], "広報判断");
    const auto kept_id = items[3]["id"];

    auto changed = Put(lead, path, {{"standard", {4}}, {"own", {{{"index", 2}, {"text", "広報判断（改）"}}}}});
    ASSERT_EQ(EvalStatus(changed), 200) << EvalBody(changed);
    items = EvalJson(changed)["items"];
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[1]["id"], kept_id);
    EXPECT_EQ(items[1]["key"], "10-2");
    EXPECT_EQ(items[1]["custom_text"], "広報判断（改）");
    // A new own objective gets the next number, never a reused one.
    auto added = Put(lead, path, {{"standard", {4}}, {"own", {{{"index", 2}, {"text", "a"}}, {{"text", "b"}}}}});
    EXPECT_EQ(EvalJson(added)["items"][2]["key"], "10-3");

    auto bad =
        Put(lead, path, {{"standard", {0, 4, 4, 10}}, {"own", {{{"text", "  "}}, {{"index", 9}, {"text", "x"}}}}});
    ASSERT_EQ(EvalStatus(bad), 422) << EvalBody(bad);
    std::set<std::string> fields;
    const auto bad_body = EvalJson(bad);
    for (const auto& error : bad_body["errors"]) fields.insert(error["field"]);
    EXPECT_EQ(fields,
              (std::set<std::string>{"standard[0]", "standard[2]", "standard[3]", "own[0].text", "own[1].index"}));
    EXPECT_EQ(EvalJson(lead.Get(path))["items"].size(), 3u);  // unchanged
    auto participant = Joined(participant_a_token_);
    EXPECT_EQ(EvalStatus(participant.Get(path)), 200);
    EXPECT_EQ(EvalStatus(Put(participant, path, {{"standard", {1}}})), 403);
}

TEST_F(EvaluationReadinessTest, CompletionPerSectorRemindersAndNotices) {
    auto lead_a = Joined(lead_a_token_);
    auto lead_b = Joined(lead_b_token_);
    auto participant_a = Joined(participant_a_token_);
    const std::string a_path = OrganisationPath(org_a_) + "/readiness/before";
    auto submitted = lead_a.Post(a_path + "/submit", nlohmann::json{{"answers", FullAnswers("before")}}.dump());
    ASSERT_EQ(EvalStatus(submitted), 200) << EvalBody(submitted);
    ASSERT_EQ(EvalStatus(Put(lead_b, OrganisationPath(org_b_) + "/readiness/before",
                             {{"answers", {{"csirt.prepared", "prepared"}}}})),
              200);

    auto completion = EvalJson(admin_->Get(base_ + "/evaluation/completion?instrument=readiness_before"));
    ASSERT_EQ(completion["sectors"].size(), 2u);
    EXPECT_EQ(completion["sectors"][0]["sector_code"], "electricity");
    EXPECT_EQ(completion["sectors"][0]["submitted"], 1);
    EXPECT_EQ(completion["sectors"][1]["sector_code"], "finance");
    EXPECT_EQ(completion["sectors"][1]["draft"], 1);
    auto finance = EvalJson(admin_->Get(base_ + "/evaluation/completion?instrument=readiness_before&sector=finance"));
    EXPECT_EQ(finance["organisations"].size(), 1u);
    EXPECT_EQ(EvalStatus(admin_->Get(base_ + "/evaluation/completion?instrument=survey")), 400);

    auto reminded = admin_->Post(base_ + "/evaluation/reminders", R"({"instrument":"readiness_before"})");
    ASSERT_EQ(EvalStatus(reminded), 200) << EvalBody(reminded);
    EXPECT_EQ(EvalJson(reminded)["organisation_ids"], nlohmann::json::array({org_b_}));

    // B sees the notice; A (submitted) has none; a participant of A cannot read B's.
    auto notices = EvalJson(lead_b.Get(OrganisationPath(org_b_) + "/notices"));
    ASSERT_EQ(notices["items"].size(), 1u);
    EXPECT_EQ(notices["items"][0]["kind"], "readiness_reminder");
    EXPECT_EQ(notices["items"][0]["params"]["part"], "before");
    EXPECT_TRUE(EvalJson(lead_a.Get(OrganisationPath(org_a_) + "/notices"))["items"].empty());
    EXPECT_EQ(EvalStatus(participant_a.Get(OrganisationPath(org_b_) + "/notices")), 404);
    EXPECT_EQ(EvalStatus(admin_->Get(OrganisationPath(org_b_) + "/notices")), 404);

    const std::string dismiss = OrganisationPath(org_b_) + "/notices/" +
                                std::to_string(notices["items"][0]["id"].get<std::int64_t>()) + "/dismiss";
    EXPECT_EQ(EvalStatus(lead_a.Post(dismiss, "{}")), 404);
    auto dismissed = lead_b.Post(dismiss, "{}");
    ASSERT_EQ(EvalStatus(dismissed), 200) << EvalBody(dismissed);
    EXPECT_FALSE(EvalJson(dismissed)["dismissed_at"].is_null());
    EXPECT_TRUE(EvalJson(lead_b.Get(OrganisationPath(org_b_) + "/notices"))["items"].empty());

    auto audit = EvalJson(admin_->Get(base_ + "/audit"));
    std::set<std::string> actions;
    for (const auto& entry : audit["items"]) actions.insert(entry["action"]);
    EXPECT_TRUE(actions.count("evaluation.remind") && actions.count("notice.dismiss")) << audit.dump();
}

}  // namespace
}  // namespace enshu::testing
