// Surveys, roundtable/feedback sessions and opinions through the real server: the
// organiser adds the feedback-session template and opens it, organisation leads answer,
// results and response rates, and the rules around them: one answer per organisation,
// answers validated by question code, organisation people never see drafts or another
// exercise, ministries see only their organisations with small groups suppressed, and
// NO endpoint links an anonymous answer to an organisation or a person.

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "accounts/account_service.hpp"
#include "api/context.hpp"
#include "api/route.hpp"
#include "db/database.hpp"
#include "test_server.hpp"

namespace enshu::testing {
namespace {

constexpr char kPassword[] = "integration password";

nlohmann::json JsonOf(const Result<net::HttpResponse>& response) {
    if (!response) return nullptr;
    return nlohmann::json::parse(response->body, nullptr, false);
}
int StatusOf(const Result<net::HttpResponse>& response) { return response ? response->status : -1; }
std::string BodyOf(const Result<net::HttpResponse>& response) {
    return response ? response->body : response.error().message;
}

struct Person {
    std::int64_t id = 0;
    std::string name;
    std::string token;
};

class SurveyApiTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<TestServer>();
        ASSERT_TRUE(server_->CreateStaff("admin", kPassword, StaffRole::kAdministrator));
        auto admin = server_->LoginAs("admin", kPassword);
        ASSERT_TRUE(admin) << admin.error().message;
        admin_.emplace(std::move(*admin));
        exercise_id_ = CreateExercise("アンケート演習");
        other_exercise_id_ = CreateExercise("別の演習");
        base_ = "/api/exercises/" + std::to_string(exercise_id_);
        org_a_ = CreateOrganisation(exercise_id_, "デモ電力A", "electricity");
        org_b_ = CreateOrganisation(exercise_id_, "デモ銀行B", "finance");
        lead_a_ = CreatePerson(exercise_id_, org_a_, "組織A 責任者", "org_lead");
        participant_a_ = CreatePerson(exercise_id_, org_a_, "組織A 参加者", "participant");
        lead_b_ = CreatePerson(exercise_id_, org_b_, "組織B 責任者", "org_lead");
        const std::int64_t other_org = CreateOrganisation(other_exercise_id_, "別演習の組織", "electricity");
        other_lead_ = CreatePerson(other_exercise_id_, other_org, "別演習の責任者", "org_lead");
        AddStaff("ministry-meti", Role::kMinistry, std::string("meti"));
        AddStaff("controller", Role::kController, std::nullopt);
    }

    std::int64_t CreateExercise(const std::string& title) {
        auto exercise =
            admin_->Post("/api/exercises", nlohmann::json{{"fiscal_year", 2023}, {"title_ja", title}}.dump());
        EXPECT_EQ(StatusOf(exercise), 201) << BodyOf(exercise);
        return JsonOf(exercise).value("id", std::int64_t{0});
    }

    void AddStaff(const std::string& login, Role role, std::optional<std::string> ministry) {
        auto id = server_->CreateStaff(login, kPassword);
        ASSERT_TRUE(id);
        ASSERT_TRUE(server_->application().services().accounts.AddMembership(exercise_id_, *id, role, ministry,
                                                                             {std::nullopt, "test", "", ""}));
    }

    std::int64_t CreateOrganisation(std::int64_t exercise_id, const std::string& name, const std::string& sector) {
        nlohmann::json body = {{"name", name},
                               {"sector_code", sector},
                               {"size_band", "medium"},
                               {"region", "JP-13"},
                               {"participation_mode", "venue"}};
        auto response = admin_->Post("/api/exercises/" + std::to_string(exercise_id) + "/organisations", body.dump());
        EXPECT_EQ(StatusOf(response), 201) << BodyOf(response);
        return JsonOf(response).value("id", std::int64_t{0});
    }

    Person CreatePerson(std::int64_t exercise_id, std::int64_t organisation_id, const std::string& name,
                        const std::string& role) {
        nlohmann::json body = {{"display_name", name}, {"role", role}};
        auto response = admin_->Post("/api/exercises/" + std::to_string(exercise_id) + "/organisations/" +
                                         std::to_string(organisation_id) + "/people",
                                     body.dump());
        EXPECT_EQ(StatusOf(response), 201) << BodyOf(response);
        const auto json = JsonOf(response);
        const std::string url = json.value("join_url", std::string());
        const auto hash = url.find("/join#");
        return {json["person"].value("id", std::int64_t{0}), name,
                hash == std::string::npos ? "" : url.substr(hash + 6)};
    }

    net::HttpClient Joined(const Person& person) {
        net::HttpClient client = server_->Client();
        auto response = client.Post("/api/auth/join", nlohmann::json{{"token", person.token}}.dump(),
                                    {{"X-Requested-With", "enshu"}});
        EXPECT_EQ(StatusOf(response), 200) << BodyOf(response);
        client.SetCsrfToken(JsonOf(response).value("csrf_token", std::string()));
        return client;
    }

    net::HttpClient Staff(const std::string& login) {
        auto client = server_->LoginAs(login, kPassword);
        EXPECT_TRUE(client);
        return std::move(*client);
    }

    // The feedback-session template added and opened; answers its id.
    std::int64_t OpenFeedbackSurvey() {
        auto created = admin_->Post(base_ + "/surveys", R"({"template":"feedback_session"})");
        EXPECT_EQ(StatusOf(created), 201) << BodyOf(created);
        const std::int64_t id = JsonOf(created).value("id", std::int64_t{0});
        auto opened = admin_->Post(base_ + "/surveys/" + std::to_string(id) + "/open", "");
        EXPECT_EQ(StatusOf(opened), 200) << BodyOf(opened);
        EXPECT_EQ(JsonOf(opened)["status"], "open");
        return id;
    }

    std::string SurveyPath(std::int64_t id) const { return base_ + "/surveys/" + std::to_string(id); }

    std::unique_ptr<TestServer> server_;
    std::optional<net::HttpClient> admin_;
    std::int64_t exercise_id_ = 0, other_exercise_id_ = 0, org_a_ = 0, org_b_ = 0;
    Person lead_a_, participant_a_, lead_b_, other_lead_;
    std::string base_;
};

const nlohmann::json kJoinedAnswers = {{"answers",
                                        {{"joined", "joined"},
                                         {"meaningful", "meaningful"},
                                         {"meaningful_reason", "他組織の対策状況を知ることができた"},
                                         {"time", "right"},
                                         {"exchange", "promoted"}}}};

TEST_F(SurveyApiTest, TemplatesAreListedAndADraftIsInvisibleToOrganisations) {
    auto templates = JsonOf(admin_->Get(base_ + "/survey-templates"));
    ASSERT_EQ(templates["items"].size(), 3u);
    auto created = admin_->Post(base_ + "/surveys", R"({"template":"roundtable"})");
    ASSERT_EQ(StatusOf(created), 201) << BodyOf(created);
    const std::int64_t id = JsonOf(created)["id"];
    EXPECT_EQ(JsonOf(created)["status"], "draft");
    auto lead = Joined(lead_a_);
    EXPECT_TRUE(JsonOf(lead.Get(base_ + "/surveys"))["items"].empty());
    EXPECT_EQ(StatusOf(lead.Get(SurveyPath(id))), 404);
    EXPECT_EQ(StatusOf(lead.Post(SurveyPath(id) + "/responses", kJoinedAnswers.dump())), 404);
    // Only organisers manage surveys.
    EXPECT_EQ(StatusOf(lead.Post(base_ + "/surveys", R"({"template":"roundtable","code":"x"})")), 403);
    auto controller = Staff("controller");
    EXPECT_EQ(StatusOf(controller.Post(SurveyPath(id) + "/open", "")), 403);
    EXPECT_EQ(StatusOf(controller.Get(SurveyPath(id) + "/results")), 403);
    auto unknown = admin_->Post(base_ + "/surveys", R"({"template":"nope"})");
    EXPECT_EQ(StatusOf(unknown), 404);
    EXPECT_EQ(JsonOf(unknown)["error"]["field"], "template");
}

TEST_F(SurveyApiTest, DefinitionErrorsNameTheField) {
    nlohmann::json body = {
        {"code", "custom"},
        {"title", {{"ja", "独自"}}},
        {"respondent", "person"},
        {"anonymity", "named"},
        {"questions",
         {{{"code", "q1"},
           {"kind", "single_choice"},
           {"text", {{"ja", "質問"}}},
           {"options", {{{"code", "a"}, {"label", {{"ja", "A"}}}}, {{"code", "b"}, {"label", {{"ja", "B"}}}}}}},
          {{"code", "q2"},
           {"kind", "free_text"},
           {"text", {{"ja", "理由"}}},
           {"show_if", {{"question", "q1"}, {"any_of", {"c"}}}}}}}};
    auto bad = admin_->Post(base_ + "/surveys", body.dump());
    EXPECT_EQ(StatusOf(bad), 400);
    EXPECT_EQ(JsonOf(bad)["error"]["field"], "questions[1].show_if.any_of[0]");
    body["questions"][1]["show_if"]["any_of"] = {"b"};
    auto good = admin_->Post(base_ + "/surveys", body.dump());
    EXPECT_EQ(StatusOf(good), 201) << BodyOf(good);
    EXPECT_EQ(StatusOf(admin_->Post(base_ + "/surveys", body.dump())), 409);
}

TEST_F(SurveyApiTest, OrganisationLeadsAnswerOnceAndResultsCountThem) {
    const std::int64_t id = OpenFeedbackSurvey();
    auto participant = Joined(participant_a_);
    auto listed = JsonOf(participant.Get(base_ + "/surveys"));
    ASSERT_EQ(listed["items"].size(), 1u);
    EXPECT_FALSE(listed["items"][0]["can_answer"].get<bool>());
    EXPECT_EQ(StatusOf(participant.Post(SurveyPath(id) + "/responses", kJoinedAnswers.dump())), 403);
    auto lead = Joined(lead_a_);
    auto missing = kJoinedAnswers;
    missing["answers"].erase("time");
    auto invalid = lead.Post(SurveyPath(id) + "/responses", missing.dump());
    EXPECT_EQ(StatusOf(invalid), 400);
    EXPECT_EQ(JsonOf(invalid)["error"]["field"], "answers.time");
    auto answered = lead.Post(SurveyPath(id) + "/responses", kJoinedAnswers.dump());
    ASSERT_EQ(StatusOf(answered), 201) << BodyOf(answered);
    EXPECT_EQ(StatusOf(lead.Post(SurveyPath(id) + "/responses", kJoinedAnswers.dump())), 409);
    EXPECT_TRUE(JsonOf(participant.Get(SurveyPath(id)))["answered"].get<bool>());
    auto lead_b = Joined(lead_b_);
    nlohmann::json not_joined = {{"answers",
                                  {{"joined", "not_joined"},
                                   {"not_joined_reasons", {"business", "other"}},
                                   {"not_joined_other", "日程が合わなかった"}}}};
    ASSERT_EQ(StatusOf(lead_b.Post(SurveyPath(id) + "/responses", not_joined.dump())), 201);
    // Results are for staff only.
    EXPECT_EQ(StatusOf(lead.Get(SurveyPath(id) + "/results")), 403);
    auto results = JsonOf(admin_->Get(SurveyPath(id) + "/results"));
    EXPECT_EQ(results["responses"], 2);
    EXPECT_EQ(results["questions"][0]["code"], "joined");
    EXPECT_EQ(results["questions"][0]["options"][0]["count"], 1);
    EXPECT_EQ(results["questions"][0]["options"][0]["percent"], 50.0);
    EXPECT_EQ(results["questions"][0]["options"][0]["denominator"], 2);
    EXPECT_EQ(results["response_rates"]["total"]["answered"], 2);
    // Closing refuses further answers with a clear error.
    ASSERT_EQ(StatusOf(admin_->Post(SurveyPath(id) + "/close", "")), 200);
    auto questions = JsonOf(admin_->Get(SurveyPath(id)));
    EXPECT_EQ(questions["status"], "closed");
    EXPECT_FALSE(questions["editable"].get<bool>());
}

TEST_F(SurveyApiTest, OrganisationPeopleStayInTheirExercise) {
    const std::int64_t id = OpenFeedbackSurvey();
    auto stranger = Joined(other_lead_);
    EXPECT_EQ(StatusOf(stranger.Get(base_ + "/surveys")), 404);
    EXPECT_EQ(StatusOf(stranger.Get(SurveyPath(id))), 404);
    EXPECT_EQ(StatusOf(stranger.Post(SurveyPath(id) + "/responses", kJoinedAnswers.dump())), 404);
    // The survey id under another exercise is not found either.
    EXPECT_EQ(StatusOf(admin_->Get("/api/exercises/" + std::to_string(other_exercise_id_) + "/surveys/" +
                                   std::to_string(id))),
              404);
}

TEST_F(SurveyApiTest, MinistriesSeeOnlyTheirOrganisationsAndSmallGroupsAreSuppressed) {
    const std::int64_t id = OpenFeedbackSurvey();
    auto lead = Joined(lead_a_);
    ASSERT_EQ(StatusOf(lead.Post(SurveyPath(id) + "/responses", kJoinedAnswers.dump())), 201);
    auto ministry = Staff("ministry-meti");
    auto results = JsonOf(ministry.Get(SurveyPath(id) + "/results"));
    EXPECT_EQ(results["responses"], 1);
    EXPECT_TRUE(results["suppressed"].get<bool>());
    EXPECT_TRUE(results["questions"].empty());
    ASSERT_EQ(results["response_rates"]["sectors"].size(), 1u);
    EXPECT_EQ(results["response_rates"]["sectors"][0]["sector_code"], "electricity");
    EXPECT_TRUE(results["response_rates"]["sectors"][0]["suppressed"].get<bool>());
    EXPECT_EQ(results.dump().find("デモ銀行B"), std::string::npos);
}

// Tries every survey endpoint as the organiser after an anonymous answer and checks that
// nothing ties the stored answer to the organisation or the person who gave it.
TEST_F(SurveyApiTest, AnonymousAnswersCannotBeTracedThroughAnyEndpoint) {
    const std::int64_t id = OpenFeedbackSurvey();
    auto lead = Joined(lead_a_);
    auto answered = lead.Post(SurveyPath(id) + "/responses", kJoinedAnswers.dump());
    ASSERT_EQ(StatusOf(answered), 201);
    // The answer to the person says nothing about the stored response.
    EXPECT_EQ(JsonOf(answered), (nlohmann::json{{"survey_id", id}, {"answered", true}}));
    std::int64_t response_id = 0;
    auto read = server_->application().services().database.Read([&](db::Connection& connection) -> Status {
        auto row = connection.QueryOne("SELECT id, organisation_id IS NULL AND person_id IS NULL FROM survey_response");
        if (!row) return tl::unexpected(row.error());
        response_id = (*row)->Int(0);
        EXPECT_EQ((*row)->Int(1), 1);
        return Ok();
    });
    ASSERT_TRUE(read);
    // Names, and the members that would carry ids, of who answered.
    const std::vector<std::string> identifying = {lead_a_.name, "デモ電力A", "person_id", "organisation_id",
                                                  "submitted_on"};
    const std::vector<std::string> endpoints = {base_ + "/surveys", SurveyPath(id), SurveyPath(id) + "/results",
                                                base_ + "/audit?page_size=200"};
    for (const std::string& endpoint : endpoints) {
        auto response = admin_->Get(endpoint);
        ASSERT_EQ(StatusOf(response), 200) << endpoint << " " << BodyOf(response);
        EXPECT_EQ(response->body.find(std::to_string(response_id)), std::string::npos) << endpoint;
    }
    auto per_respondent = admin_->Get(SurveyPath(id) + "/responses");
    EXPECT_EQ(StatusOf(per_respondent), 403);
    // The results show the answer but neither who gave it nor anything per response.
    auto results = JsonOf(admin_->Get(SurveyPath(id) + "/results"));
    const std::string questions = results["questions"].dump();
    EXPECT_NE(questions.find("他組織の対策状況を知ることができた"), std::string::npos);
    for (const std::string& text : {lead_a_.name, std::string("デモ電力A"), std::string("organisation_id"),
                                    std::string("person_id"), std::string("submitted_on")}) {
        EXPECT_EQ(questions.find(text), std::string::npos) << text;
    }
    for (const auto& endpoint : {base_ + "/surveys", SurveyPath(id)}) {
        const std::string body = BodyOf(admin_->Get(endpoint));
        for (const std::string& text : identifying) EXPECT_EQ(body.find(text), std::string::npos) << endpoint;
    }
}

TEST_F(SurveyApiTest, NamedSurveysListAnswersPerRespondent) {
    auto created = admin_->Post(base_ + "/surveys", R"({"template":"exercise_day"})");
    const std::int64_t id = JsonOf(created)["id"];
    auto definition = JsonOf(admin_->Get(SurveyPath(id)));
    definition["anonymity"] = "named";
    ASSERT_EQ(StatusOf(admin_->Send("PUT", SurveyPath(id), definition.dump())), 200);
    ASSERT_EQ(StatusOf(admin_->Post(SurveyPath(id) + "/open", "")), 200);
    auto participant = Joined(participant_a_);
    nlohmann::json answers = {{"answers",
                               {{"mode", "online"},
                                {"meaningful", "very_meaningful"},
                                {"scenario_realism", "realistic"},
                                {"time", "short"},
                                {"issues_found", "found"},
                                {"issues_detail", "連絡網が古かった"}}}};
    ASSERT_EQ(StatusOf(participant.Post(SurveyPath(id) + "/responses", answers.dump())), 201);
    auto listed = JsonOf(admin_->Get(SurveyPath(id) + "/responses"));
    ASSERT_EQ(listed["items"].size(), 1u);
    EXPECT_EQ(listed["items"][0]["person_name"], participant_a_.name);
    EXPECT_EQ(listed["items"][0]["answers"]["issues_detail"], "連絡網が古かった");
    // Questions are frozen now.
    definition["questions"][0]["text"]["ja"] = "変更";
    auto frozen = admin_->Send("PUT", SurveyPath(id), definition.dump());
    EXPECT_EQ(StatusOf(frozen), 409);
    EXPECT_EQ(JsonOf(frozen)["error"]["field"], "questions");
}

TEST_F(SurveyApiTest, SessionsRegistrationsAttendanceAndOpinions) {
    nlohmann::json session = {{"kind", "feedback"},
                              {"title", {{"ja", "意見交換会 第1回"}, {"en", "Feedback session 1"}}},
                              {"starts_at", "2023-12-14T14:00"},
                              {"ends_at", "2023-12-14T16:30"},
                              {"format", "web"},
                              {"location", "https://meet.example.jp/1"},
                              {"capacity", 2},
                              {"themes", {"2023年度 分野横断的演習当日の振り返り"}},
                              {"experts", {"有識者 一"}}};
    auto lead = Joined(lead_a_);
    EXPECT_EQ(StatusOf(lead.Post(base_ + "/forum-sessions", session.dump())), 403);
    auto created = admin_->Post(base_ + "/forum-sessions", session.dump());
    ASSERT_EQ(StatusOf(created), 201) << BodyOf(created);
    const std::string path = base_ + "/forum-sessions/" + std::to_string(JsonOf(created)["id"].get<std::int64_t>());
    // Org leads register their own people only.
    EXPECT_EQ(StatusOf(lead.Post(path + "/registrations", nlohmann::json{{"person_id", lead_b_.id}}.dump())), 404);
    ASSERT_EQ(StatusOf(lead.Post(path + "/registrations", nlohmann::json{{"person_id", lead_a_.id}}.dump())), 201);
    ASSERT_EQ(StatusOf(lead.Post(path + "/registrations", nlohmann::json{{"person_id", participant_a_.id}}.dump())),
              201);
    auto lead_b = Joined(lead_b_);
    auto full = lead_b.Post(path + "/registrations", nlohmann::json{{"person_id", lead_b_.id}}.dump());
    EXPECT_EQ(StatusOf(full), 409);
    EXPECT_EQ(JsonOf(full)["error"]["field"], "capacity");
    EXPECT_TRUE(JsonOf(lead_b.Get(path + "/registrations"))["items"].empty());
    EXPECT_EQ(StatusOf(lead_b.Send("DELETE", path + "/registrations/" + std::to_string(lead_a_.id))), 404);
    ASSERT_EQ(StatusOf(lead.Send("DELETE", path + "/registrations/" + std::to_string(participant_a_.id))), 204);
    ASSERT_EQ(StatusOf(lead_b.Post(path + "/registrations", nlohmann::json{{"person_id", lead_b_.id}}.dump())), 201);
    nlohmann::json attendance = {
        {"attendance",
         {{{"person_id", lead_a_.id}, {"attended", true}}, {{"person_id", lead_b_.id}, {"attended", false}}}}};
    EXPECT_EQ(StatusOf(lead.Send("PUT", path + "/attendance", attendance.dump())), 403);
    auto counts = JsonOf(admin_->Send("PUT", path + "/attendance", attendance.dump()));
    EXPECT_EQ(counts["people_registered"], 2);
    EXPECT_EQ(counts["people_attended"], 1);
    auto list = JsonOf(lead.Get(base_ + "/forum-sessions"));
    EXPECT_EQ(list["totals"][0]["counts"]["organisations_attended"], 1);
    // Opinions: organisers and controllers record them; organisation people cannot.
    nlohmann::json opinion = {{"kind", "manual_gaps"}, {"text", "ランサムの手順が無い"}, {"organisation_id", org_a_}};
    EXPECT_EQ(StatusOf(lead.Post(path + "/opinions", opinion.dump())), 403);
    auto controller = Staff("controller");
    auto recorded = controller.Post(path + "/opinions", opinion.dump());
    ASSERT_EQ(StatusOf(recorded), 201) << BodyOf(recorded);
    ASSERT_EQ(StatusOf(admin_->Post(base_ + "/opinion-kinds",
                                    R"({"code":"backup","label":{"ja":"バックアップ","en":"Backups"}})")),
              201);
    opinion["kind"] = "backup";
    ASSERT_EQ(StatusOf(controller.Post(path + "/opinions", opinion.dump())), 201);
    opinion["kind"] = "gossip";
    auto unknown = controller.Post(path + "/opinions", opinion.dump());
    EXPECT_EQ(StatusOf(unknown), 400);
    EXPECT_EQ(JsonOf(unknown)["error"]["field"], "kind");
    auto by_kind = JsonOf(admin_->Get(base_ + "/opinions?kind=backup"));
    ASSERT_EQ(by_kind["items"].size(), 1u);
    const std::string opinion_path =
        base_ + "/opinions/" + std::to_string(by_kind["items"][0]["id"].get<std::int64_t>());
    EXPECT_EQ(StatusOf(admin_->Send("PATCH", opinion_path, R"({"kind":"supply_chain","text":"範囲が課題"})")), 200);
    EXPECT_EQ(StatusOf(admin_->Send("DELETE", opinion_path)), 204);
    EXPECT_EQ(JsonOf(admin_->Get(base_ + "/opinions"))["items"].size(), 1u);
    auto audit = BodyOf(admin_->Get(base_ + "/audit?page_size=200"));
    EXPECT_NE(audit.find("forum_opinion.delete"), std::string::npos);
    EXPECT_NE(audit.find("forum_attendance.update"), std::string::npos);
}

// The authorisation matrix of this feature's routes: every role NOT listed for a route
// (routes.cpp, openapi x-roles) is refused with 403 or 404 before its input is read, and
// nothing changes. Listed roles are exercised by the tests above.
TEST_F(SurveyApiTest, EveryRouteRefusesTheRolesItDoesNotList) {
    AddStaff("organiser", Role::kOrganiser, std::nullopt);
    AddStaff("observer", Role::kObserver, std::nullopt);
    const std::int64_t survey_id = OpenFeedbackSurvey();
    nlohmann::json session = {{"kind", "feedback"},
                              {"title", {{"ja", "第1回"}}},
                              {"starts_at", "2023-12-14T14:00"},
                              {"ends_at", "2023-12-14T16:30"},
                              {"format", "web"}};
    auto created = admin_->Post(base_ + "/forum-sessions", session.dump());
    ASSERT_EQ(StatusOf(created), 201);
    const std::int64_t session_id = JsonOf(created)["id"];
    const std::string session_path = base_ + "/forum-sessions/" + std::to_string(session_id);
    ASSERT_EQ(StatusOf(admin_->Post(session_path + "/registrations", nlohmann::json{{"person_id", lead_a_.id}}.dump())),
              201);
    auto opinion = admin_->Post(session_path + "/opinions", R"({"kind":"supply_chain","text":"範囲"})");
    ASSERT_EQ(StatusOf(opinion), 201);
    const std::int64_t opinion_id = JsonOf(opinion)["id"];

    std::map<std::string, net::HttpClient> clients;
    clients.emplace("organiser", Staff("organiser"));
    clients.emplace("controller", Staff("controller"));
    clients.emplace("ministry", Staff("ministry-meti"));
    clients.emplace("observer", Staff("observer"));
    clients.emplace("org_lead", Joined(lead_a_));
    clients.emplace("participant", Joined(participant_a_));
    const std::map<std::string, std::string> ids = {{"{exercise_id}", std::to_string(exercise_id_)},
                                                    {"{survey_id}", std::to_string(survey_id)},
                                                    {"{session_id}", std::to_string(session_id)},
                                                    {"{person_id}", std::to_string(lead_a_.id)},
                                                    {"{opinion_id}", std::to_string(opinion_id)}};
    int checked = 0;
    for (const api::Route& route : api::Routes()) {
        const std::string name(route.name);
        if (name.rfind("surveys.", 0) != 0 && name.rfind("forum_", 0) != 0 && name.rfind("opinion", 0) != 0) continue;
        std::string path(route.pattern);
        for (const auto& [parameter, value] : ids) {
            if (auto at = path.find(parameter); at != std::string::npos) path.replace(at, parameter.size(), value);
        }
        ASSERT_EQ(path.find('{'), std::string::npos) << "a new path parameter: extend this test: " << route.pattern;
        const std::string roles = "," + std::string(route.roles) + ",";
        for (auto& [role, client] : clients) {
            if (roles.find("," + role + ",") != std::string::npos) continue;
            auto response = client.Send(std::string(route.method), path, route.method == "GET" ? "" : "{}");
            const int status = StatusOf(response);
            EXPECT_TRUE(status == 403 || status == 404)
                << route.method << " " << path << " as " << role << ": " << status << " " << BodyOf(response);
            ++checked;
        }
    }
    EXPECT_GE(checked, 60);
    // Nothing was changed by the refused calls.
    EXPECT_EQ(JsonOf(admin_->Get(SurveyPath(survey_id)))["status"], "open");
    EXPECT_EQ(JsonOf(admin_->Get(session_path))["counts"]["people_registered"], 1);
    EXPECT_EQ(JsonOf(admin_->Get(base_ + "/opinions"))["items"].size(), 1u);
}

}  // namespace
}  // namespace enshu::testing
