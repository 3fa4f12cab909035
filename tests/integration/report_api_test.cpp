// The results report through the real server: figures from rows written straight into the
// evaluation tables, the scoping rules (ministry: its sectors only; org lead: its own
// organisation's feedback report; participants: none; non-members: 404), renders with
// progress and download, settings and representative issues (audited), and the CLI.

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include "accounts/account_service.hpp"
#include "api/context.hpp"
#include "app/report_command.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "io/xlsx.hpp"
#include "test_server.hpp"

namespace enshu::testing {
namespace {

constexpr char kPassword[] = "integration password";
constexpr char kNow[] = "2023-12-08T00:00:00.000Z";

nlohmann::json JsonOf(const Result<net::HttpResponse>& response) {
    if (!response) return nullptr;
    return nlohmann::json::parse(response->body, nullptr, false);
}
int StatusOf(const Result<net::HttpResponse>& response) { return response ? response->status : -1; }
std::string BodyOf(const Result<net::HttpResponse>& response) {
    return response ? response->body : response.error().message;
}

// The displayed texts of the first row of table `id` whose cell `column` starts with `label`.
std::vector<std::string> Row(const nlohmann::json& document, const std::string& id, std::size_t column,
                             const std::string& label) {
    for (const auto& section : document["sections"]) {
        for (const auto& block : section["blocks"]) {
            if (block["kind"] != "table" || block["table"]["id"] != id) continue;
            for (const auto& row : block["table"]["rows"]) {
                if (row.size() > column && row[column]["text"].get<std::string>().rfind(label, 0) == 0) {
                    std::vector<std::string> texts;
                    for (const auto& cell : row) texts.push_back(cell["text"].get<std::string>());
                    return texts;
                }
            }
        }
    }
    return {};
}

class ReportApiTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<TestServer>();
        ASSERT_TRUE(server_->CreateStaff("admin", kPassword, StaffRole::kAdministrator));
        auto admin = server_->LoginAs("admin", kPassword);
        ASSERT_TRUE(admin) << admin.error().message;
        admin_.emplace(std::move(*admin));
        auto exercise = admin_->Post("/api/exercises", R"({"fiscal_year":2023,"title_ja":"報告演習"})");
        ASSERT_EQ(StatusOf(exercise), 201) << BodyOf(exercise);
        exercise_id_ = JsonOf(exercise)["id"].get<std::int64_t>();
        base_ = "/api/exercises/" + std::to_string(exercise_id_);
        // Five electricity organisations (METI) and one bank (FSA).
        for (int i = 1; i <= 5; ++i)
            electricity_.push_back(CreateOrganisation("電力" + std::to_string(i), "electricity"));
        bank_ = CreateOrganisation("銀行1", "finance");
        lead_token_ = CreatePerson(electricity_[0], "電力1 責任者", "org_lead");
        participant_token_ = CreatePerson(electricity_[0], "電力1 参加者", "participant");
        auto ministry_id = server_->CreateStaff("ministry-meti", kPassword);
        ASSERT_TRUE(ministry_id);
        ASSERT_TRUE(server_->application().services().accounts.AddMembership(
            exercise_id_, *ministry_id, Role::kMinistry, std::string("meti"), {std::nullopt, "test", "", ""}));
        ASSERT_TRUE(server_->CreateStaff("outsider", kPassword));
        WriteEvaluationRows();
    }

    std::int64_t CreateOrganisation(const std::string& name, const std::string& sector) {
        nlohmann::json body = {
            {"name", name},      {"sector_code", sector},         {"size_band", "medium"},
            {"region", "JP-13"}, {"participation_mode", "venue"}, {"external_ref", "R-" + std::to_string(++created_)}};
        auto response = admin_->Post(base_ + "/organisations", body.dump());
        EXPECT_EQ(StatusOf(response), 201) << BodyOf(response);
        return JsonOf(response).value("id", std::int64_t{0});
    }

    std::string CreatePerson(std::int64_t organisation_id, const std::string& name, const std::string& role) {
        nlohmann::json body = {{"display_name", name}, {"role", role}};
        auto response =
            admin_->Post(base_ + "/organisations/" + std::to_string(organisation_id) + "/people", body.dump());
        EXPECT_EQ(StatusOf(response), 201) << BodyOf(response);
        const std::string url = JsonOf(response).value("join_url", std::string());
        const auto hash = url.find("/join#");
        return hash == std::string::npos ? std::string() : url.substr(hash + 6);
    }

    net::HttpClient Joined(const std::string& token) {
        net::HttpClient client = server_->Client();
        auto response =
            client.Post("/api/auth/join", nlohmann::json{{"token", token}}.dump(), {{"X-Requested-With", "enshu"}});
        EXPECT_EQ(StatusOf(response), 200) << BodyOf(response);
        client.SetCsrfToken(JsonOf(response).value("csrf_token", std::string()));
        return client;
    }

    // Readiness: governance.roles_defined organised for electricity 1..4, in_progress for 5,
    // organised for the bank: all 5/6 = 83.3 %, electricity 4/5 = 80.0 %.
    // Action record: objective 1 for electricity 1..5, ③ well ×2, hardly ×3: ③ could 2/5 = 40.0 %.
    void WriteEvaluationRows() {
        auto written = server_->application().services().database.Write([&](db::Connection& connection) -> Status {
            std::vector<std::int64_t> everyone = electricity_;
            everyone.push_back(bank_);
            for (std::size_t index = 0; index < everyone.size(); ++index) {
                const std::int64_t organisation = everyone[index];
                auto response = connection.Execute(
                    "INSERT INTO readiness_response (exercise_id, organisation_id, part, status, updated_at) "
                    "VALUES ($1, $2, 'before', 'submitted', $3)",
                    {exercise_id_, organisation, std::string(kNow)});
                if (!response) return tl::unexpected(response.error());
                auto answer = connection.Execute(
                    "INSERT INTO readiness_answer (exercise_id, organisation_id, item_id, option_code, updated_at) "
                    "VALUES ($1, $2, 'governance.roles_defined', $3, $4)",
                    {exercise_id_, organisation, std::string(index == 4 ? "in_progress" : "organised"),
                     std::string(kNow)});
                if (!answer) return tl::unexpected(answer.error());
            }
            for (std::size_t index = 0; index < electricity_.size(); ++index) {
                const std::int64_t organisation = electricity_[index];
                auto sheet = connection.Execute(
                    "INSERT INTO action_record_sheet (exercise_id, organisation_id, status, updated_at) "
                    "VALUES ($1, $2, 'submitted', $3)",
                    {exercise_id_, organisation, std::string(kNow)});
                if (!sheet) return tl::unexpected(sheet.error());
                auto chosen = connection.QueryOne(
                    "INSERT INTO chosen_objective (exercise_id, organisation_id, objective_id, created_at, updated_at) "
                    "VALUES ($1, $2, 1, $3, $3) RETURNING id",
                    {exercise_id_, organisation, std::string(kNow)});
                if (!chosen) return tl::unexpected(chosen.error());
                const std::int64_t chosen_id = (*chosen)->Int(0);
                for (int setting = 1; setting <= 3; ++setting) {
                    const std::string option = setting < 3 || index < 2 ? "well" : "hardly";
                    auto rating = connection.Execute(
                        "INSERT INTO action_record_rating (chosen_objective_id, setting, option_code, updated_at) "
                        "VALUES ($1, $2, $3, $4)",
                        {chosen_id, std::int64_t{setting}, option, std::string(kNow)});
                    if (!rating) return tl::unexpected(rating.error());
                }
                auto issue = connection.QueryOne(
                    "INSERT INTO action_record_issue (chosen_objective_id, position, text, created_at, updated_at) "
                    "VALUES ($1, 1, $2, $3, $3) RETURNING id",
                    {chosen_id, "連絡網の更新が必要（ＣＳＩＲＴ）" + std::to_string(index), std::string(kNow)});
                if (!issue) return tl::unexpected(issue.error());
                issue_ids_.push_back((*issue)->Int(0));
            }
            return Ok();
        });
        ASSERT_TRUE(written) << written.error().message;
    }

    std::unique_ptr<TestServer> server_;
    std::optional<net::HttpClient> admin_;
    std::int64_t exercise_id_ = 0;
    std::string base_;
    std::vector<std::int64_t> electricity_;
    std::int64_t bank_ = 0;
    std::string lead_token_;
    std::string participant_token_;
    std::vector<std::int64_t> issue_ids_;
    int created_ = 0;
};

TEST_F(ReportApiTest, OrganiserSeesTheNationalFigures) {
    auto response = admin_->Get(base_ + "/report");
    ASSERT_EQ(StatusOf(response), 200) << BodyOf(response);
    const auto document = JsonOf(response);
    EXPECT_EQ(Row(document, "readiness", 1, "経営層"),
              (std::vector<std::string>{"", "経営層・CISOの役割と責任の整理状況", "整理済み", "83.3%", "6"}));
    EXPECT_EQ(Row(document, "objectives_settings", 1, "③"),
              (std::vector<std::string>{"", "③ 行動", "40.0%", "60.0%", "0.0%", "5"}));
    // By sector: electricity 4/5 = 80.0 %, finance 1 organisation: suppressed.
    const auto by_sector = Row(document, "readiness_by_sector", 0, "経営層");
    ASSERT_EQ(by_sector.size(), 15u);
    EXPECT_EQ(by_sector[2], "—");      // finance is the second sector
    EXPECT_EQ(by_sector[6], "80.0%");  // electricity the sixth
    auto english = JsonOf(admin_->Get(base_ + "/report?language=en"));
    EXPECT_EQ(english["language"], "en");
    EXPECT_EQ(StatusOf(admin_->Get(base_ + "/report?language=fr")), 400);
    EXPECT_EQ(StatusOf(admin_->Get(base_ + "/report?minimum_group=2")), 400);
}

TEST_F(ReportApiTest, MinistrySeesOnlyItsSectors) {
    auto ministry = server_->LoginAs("ministry-meti", kPassword);
    ASSERT_TRUE(ministry);
    auto response = ministry->Get(base_ + "/report?ministry_code=fsa");  // ignored: always its own
    ASSERT_EQ(StatusOf(response), 200) << BodyOf(response);
    const auto document = JsonOf(response);
    // Electricity only: 4/5 = 80.0 %.
    EXPECT_EQ(Row(document, "readiness", 1, "経営層")[3], "80.0%");
    EXPECT_EQ(Row(document, "participants_by_mode", 0, "合計")[1], "5");
    EXPECT_EQ(StatusOf(ministry->Get(base_ + "/organisations/" + std::to_string(electricity_[1]) + "/report")), 200);
    EXPECT_EQ(StatusOf(ministry->Get(base_ + "/organisations/" + std::to_string(bank_) + "/report")), 404);
    EXPECT_EQ(StatusOf(ministry->Get(base_ + "/report/settings")), 403);
    EXPECT_EQ(StatusOf(ministry->Get(base_ + "/report/issues")), 403);
}

TEST_F(ReportApiTest, OrgLeadSeesOnlyItsOwnFeedbackReport) {
    auto lead = Joined(lead_token_);
    auto own = lead.Get(base_ + "/organisations/" + std::to_string(electricity_[0]) + "/report");
    ASSERT_EQ(StatusOf(own), 200) << BodyOf(own);
    // Own answer beside the sector (4/5) and everyone (5/6).
    EXPECT_EQ(
        Row(JsonOf(own), "own_readiness", 0, "経営層"),
        (std::vector<std::string>{"経営層・CISOの役割と責任の整理状況", "整理済み", "整理済み", "80.0%", "83.3%"}));
    EXPECT_EQ(StatusOf(lead.Get(base_ + "/organisations/" + std::to_string(electricity_[1]) + "/report")), 404);
    EXPECT_EQ(StatusOf(lead.Get(base_ + "/report")), 403);
    auto participant = Joined(participant_token_);
    EXPECT_EQ(StatusOf(participant.Get(base_ + "/organisations/" + std::to_string(electricity_[0]) + "/report")), 403);
    EXPECT_EQ(StatusOf(participant.Get(base_ + "/report")), 403);
    auto outsider = server_->LoginAs("outsider", kPassword);
    ASSERT_TRUE(outsider);
    EXPECT_EQ(StatusOf(outsider->Get(base_ + "/report")), 404);
}

TEST_F(ReportApiTest, RenderWithProgressAndDownload) {
    const std::string key = "0123456789abcdef0123";
    auto started = admin_->Post(base_ + "/report/renders", nlohmann::json{{"key", key}, {"format", "xlsx"}}.dump());
    ASSERT_EQ(StatusOf(started), 201) << BodyOf(started);
    EXPECT_EQ(JsonOf(started)["state"], "done");
    auto status = JsonOf(admin_->Get(base_ + "/report/renders/" + key));
    EXPECT_EQ(status["percent"], 100);
    auto file = admin_->Get(base_ + "/report/renders/" + key + "/file");
    ASSERT_EQ(StatusOf(file), 200);
    auto sheets = io::ReadXlsx(file->body);
    ASSERT_TRUE(sheets) << sheets.error().message;
    EXPECT_GT(sheets->size(), 5u);
    // The same key again is a conflict; another user cannot see the render.
    EXPECT_EQ(
        StatusOf(admin_->Post(base_ + "/report/renders", nlohmann::json{{"key", key}, {"format", "xlsx"}}.dump())),
        409);
    auto ministry = server_->LoginAs("ministry-meti", kPassword);
    ASSERT_TRUE(ministry);
    EXPECT_EQ(StatusOf(ministry->Get(base_ + "/report/renders/" + key)), 404);
    EXPECT_EQ(
        StatusOf(admin_->Post(base_ + "/report/renders", nlohmann::json{{"key", "short"}, {"format", "xlsx"}}.dump())),
        400);
    EXPECT_EQ(StatusOf(admin_->Post(
                  base_ + "/report/renders",
                  nlohmann::json{{"key", "0123456789abcdef8888"}, {"format", "csv"}, {"minimum_group", 2}}.dump())),
              400);
    EXPECT_EQ(StatusOf(admin_->Post(base_ + "/report/renders",
                                    nlohmann::json{{"key", "0123456789abcdef9999"}, {"format", "docx"}}.dump())),
              400);
    // An org lead may render only its own organisation's report.
    auto lead = Joined(lead_token_);
    EXPECT_EQ(StatusOf(lead.Post(base_ + "/report/renders", nlohmann::json{{"key", "lead-render-000000001"},
                                                                           {"format", "html"},
                                                                           {"organisation_id", electricity_[1]}}
                                                                .dump())),
              404);
    auto own = lead.Post(
        base_ + "/report/renders",
        nlohmann::json{{"key", "lead-render-000000002"}, {"format", "html"}, {"organisation_id", electricity_[0]}}
            .dump());
    ASSERT_EQ(StatusOf(own), 201) << BodyOf(own);
    auto html = lead.Get(base_ + "/report/renders/lead-render-000000002/file");
    ASSERT_EQ(StatusOf(html), 200);
    EXPECT_NE(html->body.find("組織別フィードバック"), std::string::npos);
}

TEST_F(ReportApiTest, SettingsAndRepresentativeIssuesAreAudited) {
    EXPECT_EQ(StatusOf(admin_->Send("PUT", base_ + "/report/settings", R"({"minimum_group":2})")), 400);
    EXPECT_EQ(StatusOf(admin_->Send("PUT", base_ + "/report/settings",
                                    R"({"minimum_group":5,"compared_exercise_ids":[999]})")),
              400);
    auto settings = admin_->Send("PUT", base_ + "/report/settings", R"({"minimum_group":6})");
    ASSERT_EQ(StatusOf(settings), 200) << BodyOf(settings);
    EXPECT_EQ(JsonOf(settings)["minimum_group"], 6);
    // Electricity has 5 answers: below 6 now, suppressed.
    EXPECT_EQ(Row(JsonOf(admin_->Get(base_ + "/report")), "readiness_by_sector", 0, "経営層")[6], "—");
    // Search: half-width "csirt" finds the full-width "ＣＳＩＲＴ".
    auto hits = JsonOf(admin_->Get(base_ + "/report/issues?q=csirt&objective_id=1"));
    EXPECT_EQ(hits["total"], 5);
    EXPECT_EQ(JsonOf(admin_->Get(base_ + "/report/issues?q=存在しない"))["total"], 0);
    auto themes = JsonOf(admin_->Get(base_ + "/report/issues/themes?objective_id=1"));
    ASSERT_FALSE(themes["items"].empty());
    EXPECT_EQ(themes["items"][0]["entries"], 5);
    EXPECT_EQ(StatusOf(admin_->Send("PUT", base_ + "/report/issues/selection", R"({"issue_ids":[999999]})")), 400);
    auto selected = admin_->Send("PUT", base_ + "/report/issues/selection",
                                 nlohmann::json{{"issue_ids", {issue_ids_[2], issue_ids_[0]}}}.dump());
    ASSERT_EQ(StatusOf(selected), 200) << BodyOf(selected);
    const auto document = JsonOf(admin_->Get(base_ + "/report"));
    EXPECT_EQ(Row(document, "representative_issues", 2, "連絡網")[2], "連絡網の更新が必要（ＣＳＩＲＴ）2");
    auto audit = JsonOf(admin_->Get(base_ + "/audit?action=report."));
    std::set<std::string> actions;
    for (const auto& item : audit["items"]) actions.insert(item.value("action", std::string()));
    EXPECT_TRUE(actions.count("report.settings.update"));
    EXPECT_TRUE(actions.count("report.issues.select"));
}

TEST_F(ReportApiTest, CommandLineWritesEveryFormat) {
    const SystemClock clock;
    const auto directory = server_->directory();
    for (const std::string format : {"html", "xlsx", "csv"}) {
        app::ReportCommandOptions options;
        options.exercise_id = exercise_id_;
        options.format = format;
        options.out = (directory / ("report." + std::string(format == "csv" ? "zip" : format))).string();
        std::ostringstream out;
        std::ostringstream err;
        EXPECT_EQ(app::WriteReport(server_->application().services().database, clock, options, out, err), 0)
            << err.str();
        EXPECT_TRUE(std::filesystem::file_size(options.out) > 0);
    }
    app::ReportCommandOptions csv_directory;
    csv_directory.exercise_id = exercise_id_;
    csv_directory.format = "csv";
    csv_directory.out = (directory / "csv").string();
    std::ostringstream out;
    std::ostringstream err;
    ASSERT_EQ(app::WriteReport(server_->application().services().database, clock, csv_directory, out, err), 0)
        << err.str();
    EXPECT_TRUE(std::filesystem::exists(directory / "csv" / "01_participants_by_mode.csv"));
    app::ReportCommandOptions missing = csv_directory;
    missing.exercise_id = 9999;
    EXPECT_EQ(app::WriteReport(server_->application().services().database, clock, missing, out, err), 1);
    EXPECT_NE(err.str().find("no such exercise"), std::string::npos);
    app::ReportCommandOptions bad = csv_directory;
    bad.format = "docx";
    EXPECT_EQ(app::WriteReport(server_->application().services().database, clock, bad, out, err), 2);
}

}  // namespace
}  // namespace enshu::testing
