// The action-record sheet through the real server: objectives chosen → the sheet has a
// row per objective with what happened in play beside it (action-log entries and injects
// tagged with the objective) → draft, submit (refused while settings are unanswered),
// reopen by the organiser; and the offline path: download the XLSX, edit it, upload it
// back (dry run, cell-by-cell errors, all or nothing).

#include <gtest/gtest.h>

#include "core/scenario.hpp"
#include "evaluation_fixture.hpp"
#include "io/xlsx.hpp"
#include "scenario/scenario_store.hpp"

namespace enshu::testing {
namespace {

scenario::Scenario ScenarioWithObjectives() {
    scenario::Scenario master;
    master.id = "evaluation";
    master.title = {"評価試験", "Evaluation test"};
    master.scenes = {{"day1", {"1日目", "Day 1"}, 540, 1080, 1.0, false}};
    scenario::Inject inject;
    inject.id = "csirt-alert";
    inject.scene_id = "day1";
    inject.at = 600;
    inject.title = {"CSIRTへの通報", "Alert to the CSIRT"};
    inject.body = {"本文", "Body"};
    inject.objectives = {2, 4};
    inject.order = 1;
    master.injects = {inject};
    return master;
}

class EvaluationActionRecordTest : public EvaluationFixture {
  protected:
    void SetUp() override {
        EvaluationFixture::SetUp();
        auto* store = server_->application().services().scenarios;
        ASSERT_NE(store, nullptr);
        ASSERT_TRUE(store->SaveMaster(exercise_id_, ScenarioWithObjectives(), {std::nullopt, "test", "", ""}));
        lead_.emplace(Joined(lead_a_token_));
        auto chosen = Put(*lead_, OrganisationPath(org_a_) + "/objectives",
                          {{"standard", {2, 4}}, {"own", {{{"text", "夜間・休日の代行者の確認"}}}}});
        ASSERT_EQ(EvalStatus(chosen), 200) << EvalBody(chosen);
        sheet_path_ = OrganisationPath(org_a_) + "/action-record";
    }

    Result<net::HttpResponse> Upload(const std::string& bytes, bool dry_run) {
        return lead_->Post(sheet_path_ + "/xlsx?dry_run=" + (dry_run ? "true" : "false"), bytes,
                           {{"Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}});
    }

    std::optional<net::HttpClient> lead_;
    std::string sheet_path_;
};

io::SheetToWrite Rewritten(const io::ReadSheet& sheet) {
    io::SheetToWrite written{sheet.name, {}, {}};
    for (const auto& row : sheet.rows) {
        std::vector<io::CellValue> cells;
        for (const auto& cell : row) cells.push_back(cell.empty() ? io::CellValue() : io::CellValue(cell));
        written.rows.push_back(std::move(cells));
    }
    return written;
}

TEST_F(EvaluationActionRecordTest, SheetShowsPlayEvidenceAndSubmitsOnlyWhenComplete) {
    auto logged = lead_->Post(base_ + "/organisations/" + std::to_string(org_a_) + "/actions",
                              R"({"text":"CSIRTに連絡","decision_type":"report","objective":2})");
    ASSERT_EQ(EvalStatus(logged), 201) << EvalBody(logged);

    auto sheet = lead_->Get(sheet_path_);
    ASSERT_EQ(EvalStatus(sheet), 200) << EvalBody(sheet);
    auto body = EvalJson(sheet);
    EXPECT_EQ(body["status"], "not_started");
    ASSERT_EQ(body["objectives"].size(), 3u);
    EXPECT_EQ(body["objectives"][2]["key"], "10-1");
    EXPECT_EQ(body["missing"].size(), 9u);
    EXPECT_EQ(body["evidence"]["2"]["actions"][0]["text"], "CSIRTに連絡");
    EXPECT_EQ(body["evidence"]["2"]["injects"][0]["inject_id"], "csirt-alert");
    EXPECT_EQ(body["evidence"]["2"]["injects"][0]["released"], false);
    EXPECT_EQ(body["evidence"]["4"]["injects"][0]["inject_id"], "csirt-alert");
    EXPECT_TRUE(body["can_edit"].get<bool>());

    nlohmann::json draft = {
        {"objectives",
         {{{"key", "2"}, {"ratings", {"very_well", "well", nullptr}}, {"issues", {"手順書の所在が不明"}}},
          {{"key", "10-1"}, {"ratings", {"no_answer", "no_answer", "no_answer"}}}}}};
    auto saved = Put(*lead_, sheet_path_, draft);
    ASSERT_EQ(EvalStatus(saved), 200) << EvalBody(saved);
    EXPECT_EQ(EvalJson(saved)["status"], "draft");
    EXPECT_EQ(EvalJson(saved)["objectives"][0]["issues"][0], "手順書の所在が不明");

    auto refused = lead_->Post(sheet_path_ + "/submit", draft.dump());
    ASSERT_EQ(EvalStatus(refused), 422) << EvalBody(refused);
    std::set<std::string> fields;
    const auto refused_body = EvalJson(refused);
    for (const auto& error : refused_body["errors"]) fields.insert(error["field"]);
    EXPECT_EQ(fields, (std::set<std::string>{"objectives.2.settings.3", "objectives.4.settings.1",
                                             "objectives.4.settings.2", "objectives.4.settings.3"}));

    auto bad = Put(*lead_, sheet_path_,
                   {{"objectives",
                     {{{"key", "7"}, {"ratings", {"well", "well", "well"}}},
                      {{"key", "2"}, {"ratings", {"good", "well", "well"}}, {"issues", {std::string(4001, 'x')}}}}}});
    ASSERT_EQ(EvalStatus(bad), 422) << EvalBody(bad);
    fields.clear();
    const auto bad_body = EvalJson(bad);
    for (const auto& error : bad_body["errors"]) fields.insert(error["field"]);
    EXPECT_EQ(fields, (std::set<std::string>{"objectives.7", "objectives.2.settings.1", "objectives.2.issues[0]"}));

    draft["objectives"][0]["ratings"][2] = "not_well";
    draft["objectives"].push_back({{"key", "4"}, {"ratings", {"hardly", "hardly", "hardly"}}});
    auto submitted = lead_->Post(sheet_path_ + "/submit", draft.dump());
    ASSERT_EQ(EvalStatus(submitted), 200) << EvalBody(submitted);
    EXPECT_EQ(EvalJson(submitted)["status"], "submitted");
    EXPECT_EQ(EvalStatus(Put(*lead_, sheet_path_, draft)), 409);
    // Changing objectives would change a submitted sheet.
    EXPECT_EQ(EvalStatus(Put(*lead_, OrganisationPath(org_a_) + "/objectives", {{"standard", {1}}})), 409);

    // Participants read the sheet, not edit; the other organisation and observers see nothing.
    auto participant = Joined(participant_a_token_);
    auto read = participant.Get(sheet_path_);
    ASSERT_EQ(EvalStatus(read), 200);
    EXPECT_FALSE(EvalJson(read)["can_edit"].get<bool>());
    EXPECT_EQ(EvalStatus(participant.Post(sheet_path_ + "/submit", draft.dump())), 403);
    auto lead_b = Joined(lead_b_token_);
    EXPECT_EQ(EvalStatus(lead_b.Get(sheet_path_)), 404);
    EXPECT_EQ(EvalStatus(lead_b.Post(sheet_path_ + "/submit", draft.dump())), 404);

    EXPECT_EQ(EvalStatus(lead_->Post(sheet_path_ + "/reopen", "{}")), 403);
    auto reopened = admin_->Post(sheet_path_ + "/reopen", "{}");
    ASSERT_EQ(EvalStatus(reopened), 200) << EvalBody(reopened);
    EXPECT_EQ(EvalJson(reopened)["status"], "draft");
    EXPECT_FALSE(EvalJson(reopened)["reopened_at"].is_null());
    EXPECT_EQ(EvalStatus(admin_->Post(sheet_path_ + "/reopen", "{}")), 409);

    auto completion = EvalJson(admin_->Get(base_ + "/evaluation/completion?instrument=action_record"));
    EXPECT_EQ(completion["sectors"][0]["draft"], 1);
    auto objectives = EvalJson(admin_->Get(base_ + "/evaluation/completion?instrument=objectives"));
    EXPECT_EQ(objectives["organisations"][0]["status"], "submitted");
    EXPECT_EQ(objectives["organisations"][1]["status"], "not_started");
}

TEST_F(EvaluationActionRecordTest, XlsxRoundTripIsValidatedCellByCellAndAllOrNothing) {
    auto download = lead_->Get(sheet_path_ + "/xlsx");
    ASSERT_EQ(EvalStatus(download), 200) << EvalBody(download);
    EXPECT_EQ(download->Header("X-Exercise-Marking").value_or(""), "EXERCISE");
    auto workbook = io::ReadXlsx(download->body);
    ASSERT_TRUE(workbook) << workbook.error().message;
    ASSERT_EQ(workbook->size(), 3u);
    EXPECT_EQ((*workbook)[0].name, "説明");
    EXPECT_EQ((*workbook)[1].name, "行動記録");
    EXPECT_EQ((*workbook)[2].name, "課題");
    auto ratings = (*workbook)[1];
    ASSERT_EQ(ratings.rows.size(), 4u);  // header + 3 objectives
    EXPECT_EQ(ratings.rows[1][0], "2");
    EXPECT_EQ(ratings.rows[3][0], "10-1");

    // A bad label, an unknown objective and a too-long issue: every problem named, nothing stored.
    auto bad_ratings = ratings;
    bad_ratings.rows[1][3] = "対応";
    bad_ratings.rows[2][4] = "対応できた";
    auto issues = (*workbook)[2];
    issues.rows[1][2] = "連絡網が古い";
    issues.rows.push_back({"7", "", "対象外"});
    issues.rows.push_back({"4", "", std::string(4001, 'x')});
    auto bad_bytes = io::WriteXlsx({Rewritten((*workbook)[0]), Rewritten(bad_ratings), Rewritten(issues)});
    ASSERT_TRUE(bad_bytes);
    auto dry = Upload(*bad_bytes, true);
    ASSERT_EQ(EvalStatus(dry), 200) << EvalBody(dry);
    auto report = EvalJson(dry);
    EXPECT_FALSE(report["valid"].get<bool>());
    std::set<std::string> texts;
    for (const auto& error : report["errors"])
        texts.insert(error["sheet"].get<std::string>() + "!" + error["cell"].get<std::string>());
    const std::string last_issue_row = std::to_string(issues.rows.size());
    const std::string unknown_row = std::to_string(issues.rows.size() - 1);
    EXPECT_EQ(texts, (std::set<std::string>{"行動記録!D2", "課題!A" + unknown_row, "課題!C" + last_issue_row}))
        << report.dump();
    EXPECT_NE(report["errors"][0]["text"].get<std::string>().find("'対応' is not one of よく対応できた/"),
              std::string::npos);
    auto applied_bad = Upload(*bad_bytes, false);
    EXPECT_EQ(EvalStatus(applied_bad), 422) << EvalBody(applied_bad);
    EXPECT_EQ(EvalJson(lead_->Get(sheet_path_))["status"], "not_started");

    // Fixed: the upload is stored as a draft, accepting English labels too.
    bad_ratings.rows[1][3] = "Handled very well";
    issues.rows.pop_back();
    issues.rows.pop_back();
    auto good_bytes = io::WriteXlsx({Rewritten((*workbook)[0]), Rewritten(bad_ratings), Rewritten(issues)});
    ASSERT_TRUE(good_bytes);
    auto dry_good = Upload(*good_bytes, true);
    ASSERT_EQ(EvalStatus(dry_good), 200) << EvalBody(dry_good);
    EXPECT_TRUE(EvalJson(dry_good)["valid"].get<bool>()) << EvalBody(dry_good);
    EXPECT_EQ(EvalJson(lead_->Get(sheet_path_))["status"], "not_started");  // dry run stores nothing
    auto applied = Upload(*good_bytes, false);
    ASSERT_EQ(EvalStatus(applied), 200) << EvalBody(applied);
    auto sheet = EvalJson(lead_->Get(sheet_path_));
    EXPECT_EQ(sheet["status"], "draft");
    EXPECT_EQ(sheet["objectives"][0]["ratings"][0], "very_well");
    EXPECT_EQ(sheet["objectives"][1]["ratings"][1], "well");
    EXPECT_EQ(sheet["objectives"][0]["issues"][0], "連絡網が古い");

    // The workbook of another organisation is refused by its key; so is something not XLSX.
    auto other = io::ReadXlsx(download->body);
    (*other)[0].rows[4][1] = "enshu-action-record:v1:" + std::to_string(exercise_id_) + ":" + std::to_string(org_b_);
    auto other_bytes = io::WriteXlsx({Rewritten((*other)[0]), Rewritten((*other)[1]), Rewritten((*other)[2])});
    auto wrong = Upload(*other_bytes, false);
    ASSERT_EQ(EvalStatus(wrong), 422) << EvalBody(wrong);
    EXPECT_EQ(EvalJson(wrong)["errors"][0]["cell"], "B5");
    EXPECT_EQ(EvalStatus(Upload("not a workbook", false)), 400);
    auto participant = Joined(participant_a_token_);
    EXPECT_EQ(EvalStatus(participant.Get(sheet_path_ + "/xlsx")), 200);
    EXPECT_EQ(EvalStatus(participant.Post(sheet_path_ + "/xlsx", *good_bytes)), 403);
    auto lead_b = Joined(lead_b_token_);
    EXPECT_EQ(EvalStatus(lead_b.Get(sheet_path_ + "/xlsx")), 404);
}

}  // namespace
}  // namespace enshu::testing
