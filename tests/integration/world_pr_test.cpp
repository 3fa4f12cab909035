// The simulated world, part A, through the real server: the shared attachment store
// (types checked by their bytes, size limit, safe download headers, scope), the mock PR
// site (draft -> publish -> update with revisions -> withdraw to a tombstone), who may
// read and write what (organisation B never sees A's drafts; observers read only), the
// per-account rate limit, the report counts, and the media feed (personas, posts,
// scheduled items released once by the clock, hidden items, engagement and trends).

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "core/scenario.hpp"
#include "scenario/scenario_store.hpp"
#include "test_server.hpp"

namespace enshu::testing {
namespace {

constexpr char kPassword[] = "integration password";
const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + std::string("\0\0\0\rIHDR\0\0\0\1\0\0\0\1", 16);

nlohmann::json JsonOf(const Result<net::HttpResponse>& response) {
    if (!response) return nullptr;
    return nlohmann::json::parse(response->body, nullptr, false);
}

int StatusOf(const Result<net::HttpResponse>& response) { return response ? response->status : -1; }

std::string BodyOf(const Result<net::HttpResponse>& response) {
    return response ? response->body : response.error().message;
}

bool HasHeaderValue(const net::HttpResponse& response, const std::string& name, const std::string& part) {
    for (const auto& [header, value] : response.headers) {
        if (header.size() != name.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < name.size(); ++i) same = same && std::tolower(header[i]) == std::tolower(name[i]);
        if (same && value.find(part) != std::string::npos) return true;
    }
    return false;
}

class WorldPrTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<TestServer>();
        ASSERT_TRUE(server_->CreateStaff("admin", kPassword, StaffRole::kAdministrator));
        ASSERT_TRUE(server_->CreateStaff("observer", kPassword));
        ASSERT_TRUE(server_->CreateStaff("controller", kPassword));
        auto admin = server_->LoginAs("admin", kPassword);
        ASSERT_TRUE(admin) << admin.error().message;
        admin_.emplace(std::move(*admin));
        auto exercise = admin_->Post("/api/exercises", R"({"fiscal_year":2023,"title_ja":"広報演習"})");
        ASSERT_EQ(StatusOf(exercise), 201) << BodyOf(exercise);
        exercise_id_ = JsonOf(exercise)["id"].get<std::int64_t>();
        base_ = "/api/exercises/" + std::to_string(exercise_id_);
        for (const char* role : {"observer", "controller"}) {
            auto added = admin_->Post(base_ + "/memberships", nlohmann::json{{"login", role}, {"role", role}}.dump());
            ASSERT_EQ(StatusOf(added), 201) << BodyOf(added);
        }
        org_a_ = CreateOrganisation("デモ電力A", "electricity", "venue");
        org_b_ = CreateOrganisation("デモ銀行B", "finance", "online");
        participant_a_token_ = CreatePerson(org_a_, "組織A 広報", "participant");
        lead_b_token_ = CreatePerson(org_b_, "組織B 責任者", "org_lead");
    }

    std::int64_t CreateOrganisation(const std::string& name, const std::string& sector, const std::string& mode) {
        nlohmann::json body = {{"name", name},
                               {"sector_code", sector},
                               {"size_band", "medium"},
                               {"region", "JP-13"},
                               {"participation_mode", mode}};
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

    net::HttpClient Staff(const std::string& login) {
        auto client = server_->LoginAs(login, kPassword);
        EXPECT_TRUE(client) << client.error().message;
        return std::move(*client);
    }

    Result<net::HttpResponse> Upload(net::HttpClient& client, const std::string& bytes, const std::string& type,
                                     const std::string& filename, const std::string& extra = "") {
        return client.Post(base_ + "/attachments?filename=" + filename + extra, bytes, {{"Content-Type", type}});
    }

    std::unique_ptr<TestServer> server_;
    std::optional<net::HttpClient> admin_;
    std::int64_t exercise_id_ = 0;
    std::string base_;
    std::int64_t org_a_ = 0;
    std::int64_t org_b_ = 0;
    std::string participant_a_token_;
    std::string lead_b_token_;
};

TEST_F(WorldPrTest, AttachmentsAreCheckedByTheirBytesAndServedWithSafeHeaders) {
    auto a = Joined(participant_a_token_);
    auto b = Joined(lead_b_token_);
    auto uploaded = Upload(a, kPng, "image/png", "%E5%9B%B3.png");
    ASSERT_EQ(StatusOf(uploaded), 201) << BodyOf(uploaded);
    const auto info = JsonOf(uploaded);
    EXPECT_EQ(info["content_type"], "image/png");
    EXPECT_EQ(info["filename"], "図.png");
    EXPECT_EQ(info["visibility"], "owner");
    EXPECT_EQ(info["organisation_id"], org_a_);
    const std::string url = info["url"];

    auto download = a.Get(url);
    ASSERT_EQ(StatusOf(download), 200) << BodyOf(download);
    EXPECT_EQ(download->body, kPng);
    EXPECT_TRUE(HasHeaderValue(*download, "Content-Type", "image/png"));
    EXPECT_TRUE(HasHeaderValue(*download, "Content-Disposition", "attachment;"));
    EXPECT_TRUE(HasHeaderValue(*download, "X-Content-Type-Options", "nosniff"));
    EXPECT_TRUE(HasHeaderValue(*download, "Content-Security-Policy", "sandbox"));
    auto inline_image = a.Get(url + "?disposition=inline");
    EXPECT_TRUE(HasHeaderValue(*inline_image, "Content-Disposition", "inline;"));

    // Another organisation, and an unknown id, get the same 404; staff watching the exercise may read.
    EXPECT_EQ(StatusOf(b.Get(url)), 404);
    EXPECT_EQ(StatusOf(b.Get(base_ + "/attachments/999999")), 404);
    auto observer = Staff("observer");
    EXPECT_EQ(StatusOf(observer.Get(url)), 200);

    // Text is served as a download even when asked inline.
    auto text = Upload(a, "お知らせ本文", "text/plain; charset=utf-8", "notice.txt");
    ASSERT_EQ(StatusOf(text), 201) << BodyOf(text);
    auto text_download = a.Get(JsonOf(text)["url"].get<std::string>() + "?disposition=inline");
    EXPECT_TRUE(HasHeaderValue(*text_download, "Content-Disposition", "attachment;"));
    EXPECT_TRUE(HasHeaderValue(*text_download, "Content-Type", "text/plain; charset=utf-8"));

    // Bad input: lying type, HTML, executables, empty, too large, no file name.
    auto lying = Upload(a, kPng, "application/pdf", "x.pdf");
    EXPECT_EQ(StatusOf(lying), 400);
    EXPECT_EQ(JsonOf(lying)["error"]["field"], "content_type");
    EXPECT_EQ(StatusOf(Upload(a, "<html><script>alert(1)</script>", "text/html", "x.html")), 400);
    EXPECT_EQ(StatusOf(Upload(a, std::string("MZ\x90\0\3\0", 6), "application/octet-stream", "x.exe")), 400);
    EXPECT_EQ(JsonOf(Upload(a, "", "text/plain", "empty.txt"))["error"]["field"], "content");
    auto large = Upload(a, std::string(5 * 1024 * 1024 + 1, 'a'), "text/plain", "large.txt");
    EXPECT_EQ(StatusOf(large), 413);
    EXPECT_EQ(JsonOf(large)["error"]["field"], "content");
    EXPECT_EQ(JsonOf(Upload(a, "text", "text/plain", ""))["error"]["field"], "filename");

    // Team members upload only for their own organisation; observers cannot upload.
    EXPECT_EQ(StatusOf(Upload(a, "text", "text/plain", "x.txt", "&organisation_id=" + std::to_string(org_b_))), 404);
    EXPECT_EQ(StatusOf(Upload(observer, "text", "text/plain", "x.txt")), 403);
    // A controller's file is staff-owned: not readable by organisations until published.
    auto controller = Staff("controller");
    auto staff_file = Upload(controller, kPng, "image/png", "avatar.png");
    ASSERT_EQ(StatusOf(staff_file), 201) << BodyOf(staff_file);
    EXPECT_EQ(JsonOf(staff_file)["organisation_id"], nullptr);
    EXPECT_EQ(StatusOf(a.Get(JsonOf(staff_file)["url"].get<std::string>())), 404);
    EXPECT_EQ(StatusOf(observer.Get(JsonOf(staff_file)["url"].get<std::string>())), 200);
}

TEST_F(WorldPrTest, DraftPublishUpdateWithdrawWithRevisionsAndScope) {
    auto a = Joined(participant_a_token_);
    auto b = Joined(lead_b_token_);
    auto observer = Staff("observer");
    auto file = Upload(a, "%PDF-1.4\n%%EOF", "application/pdf", "notice.pdf");
    ASSERT_EQ(StatusOf(file), 201) << BodyOf(file);
    const std::int64_t attachment_id = JsonOf(file)["id"];
    const std::string attachment_url = JsonOf(file)["url"];

    // B cannot attach A's file.
    auto foreign = b.Post(base_ + "/statements",
                          nlohmann::json{{"title", "t"}, {"body", "b"}, {"attachment_id", attachment_id}}.dump());
    EXPECT_EQ(StatusOf(foreign), 404);
    EXPECT_EQ(JsonOf(foreign)["error"]["field"], "attachment_id");

    auto draft = a.Post(base_ + "/statements", nlohmann::json{{"title", "システム障害のお知らせ"},
                                                              {"body", "<b>現在</b>、一部サービスが停止しています。"},
                                                              {"attachment_id", attachment_id}}
                                                   .dump());
    ASSERT_EQ(StatusOf(draft), 201) << BodyOf(draft);
    const std::int64_t id = JsonOf(draft)["id"];
    const std::string path = base_ + "/statements/" + std::to_string(id);
    EXPECT_EQ(JsonOf(draft)["state"], "draft");
    EXPECT_EQ(JsonOf(draft)["published_at"], nullptr);
    EXPECT_EQ(JsonOf(draft)["organisation_name"], "デモ電力A");

    // The draft, its attachment and any revision are invisible outside organisation A (404).
    EXPECT_EQ(StatusOf(b.Get(path)), 404);
    EXPECT_EQ(StatusOf(observer.Get(path)), 404);
    EXPECT_EQ(JsonOf(b.Get(base_ + "/statements"))["items"].size(), 0u);
    EXPECT_EQ(StatusOf(b.Get(attachment_url)), 404);
    EXPECT_EQ(StatusOf(b.Get(base_ + "/organisations/" + std::to_string(org_a_) + "/statements")), 404);
    EXPECT_EQ(JsonOf(a.Get(base_ + "/organisations/" + std::to_string(org_a_) + "/statements"))["items"].size(), 1u);
    EXPECT_EQ(StatusOf(admin_->Get(path)), 200);  // the organiser sees drafts
    // Nobody else may publish, change or withdraw it.
    EXPECT_EQ(StatusOf(b.Post(path + "/publish", "")), 404);
    EXPECT_EQ(StatusOf(b.Send("PATCH", path, R"({"title":"x","body":"y"})")), 404);
    EXPECT_EQ(StatusOf(observer.Post(path + "/publish", "")), 403);
    EXPECT_EQ(StatusOf(admin_->Post(path + "/publish", "")), 403);
    EXPECT_EQ(StatusOf(a.Post(path + "/withdraw", "")), 409);

    auto published = a.Post(path + "/publish", "");
    ASSERT_EQ(StatusOf(published), 200) << BodyOf(published);
    EXPECT_EQ(JsonOf(published)["state"], "published");
    EXPECT_EQ(JsonOf(published)["revision"], 1);
    EXPECT_NE(JsonOf(published)["published_at"], nullptr);
    EXPECT_EQ(JsonOf(published)["published_scenario_time"], nullptr);  // the clock has not started
    EXPECT_EQ(StatusOf(a.Post(path + "/publish", "")), 409);

    auto feed = JsonOf(b.Get(base_ + "/statements"));
    ASSERT_EQ(feed["items"].size(), 1u);
    EXPECT_EQ(feed["items"][0]["body"], "<b>現在</b>、一部サービスが停止しています。");  // text, as written
    EXPECT_EQ(feed["items"][0]["attachment"]["id"], attachment_id);
    EXPECT_EQ(StatusOf(b.Get(attachment_url)), 200);
    EXPECT_EQ(JsonOf(b.Get(base_ + "/statements?sector=finance"))["items"].size(), 0u);
    EXPECT_EQ(JsonOf(b.Get(base_ + "/statements?organisation_id=" + std::to_string(org_a_)))["items"].size(), 1u);
    EXPECT_EQ(StatusOf(b.Get(base_ + "/statements?organisation_id=abc")), 400);

    auto updated = a.Send("PATCH", path,
                          nlohmann::json{{"title", "システム障害のお知らせ（第2報）"},
                                         {"body", "復旧の見込みは未定です。"},
                                         {"attachment_id", attachment_id}}
                              .dump());
    ASSERT_EQ(StatusOf(updated), 200) << BodyOf(updated);
    EXPECT_EQ(JsonOf(updated)["revision"], 2);
    auto seen_by_b = JsonOf(b.Get(path));
    ASSERT_EQ(seen_by_b["revisions"].size(), 2u);
    EXPECT_EQ(seen_by_b["revisions"][0]["title"], "システム障害のお知らせ");
    EXPECT_EQ(seen_by_b["revisions"][1]["title"], "システム障害のお知らせ（第2報）");
    auto invalid = a.Send("PATCH", path, R"({"title":"","body":"x"})");
    EXPECT_EQ(StatusOf(invalid), 400);
    EXPECT_EQ(JsonOf(invalid)["error"]["field"], "title");

    auto withdrawn = a.Post(path + "/withdraw", "");
    ASSERT_EQ(StatusOf(withdrawn), 200) << BodyOf(withdrawn);
    auto tombstone = JsonOf(b.Get(path));
    EXPECT_EQ(tombstone["state"], "withdrawn");
    EXPECT_EQ(tombstone["title"], nullptr);
    EXPECT_EQ(tombstone["body"], nullptr);
    EXPECT_EQ(tombstone["revisions"].size(), 0u);
    EXPECT_NE(tombstone["withdrawn_at"], nullptr);
    EXPECT_EQ(JsonOf(b.Get(base_ + "/statements"))["items"][0]["state"], "withdrawn");
    EXPECT_EQ(StatusOf(b.Get(attachment_url)), 404);  // the file went with it
    EXPECT_EQ(JsonOf(a.Get(path))["revisions"].size(), 2u);
    EXPECT_EQ(JsonOf(observer.Get(path))["title"], "システム障害のお知らせ（第2報）");
    EXPECT_EQ(StatusOf(a.Send("PATCH", path, R"({"title":"x","body":"y"})")), 409);

    // Every change is in the audit log.
    auto audit = JsonOf(admin_->Get(base_ + "/audit?page_size=50"));
    int statement_entries = 0;
    for (const auto& entry : audit["items"]) {
        if (entry.value("entity_type", std::string()) == "statement") ++statement_entries;
    }
    EXPECT_EQ(statement_entries, 4);  // create, publish, update, withdraw

    // Counts for the report: A posted (venue 1/1), B did not (online 0/1).
    EXPECT_EQ(StatusOf(a.Get(base_ + "/statement-metrics")), 403);
    auto metrics = JsonOf(observer.Get(base_ + "/statement-metrics"));
    EXPECT_EQ(metrics["organisations_posted"], 1);
    EXPECT_EQ(metrics["organisations_total"], 2);
    EXPECT_EQ(metrics["by_mode"][0], (nlohmann::json{{"mode", "venue"}, {"posted", 1}, {"total", 1}}));
    EXPECT_EQ(metrics["by_mode"][1], (nlohmann::json{{"mode", "online"}, {"posted", 0}, {"total", 1}}));
}

TEST_F(WorldPrTest, ObserversReadOnlyAndWritesOnlyByTeamMembers) {
    auto observer = Staff("observer");
    auto controller = Staff("controller");
    EXPECT_EQ(StatusOf(observer.Post(base_ + "/statements", R"({"title":"t","body":"b"})")), 403);
    EXPECT_EQ(StatusOf(controller.Post(base_ + "/statements", R"({"title":"t","body":"b"})")), 403);
    EXPECT_EQ(StatusOf(observer.Get(base_ + "/statements")), 200);
    auto a = Joined(participant_a_token_);
    auto missing = a.Post(base_ + "/statements", R"({"title":"t"})");
    EXPECT_EQ(StatusOf(missing), 400);
    EXPECT_EQ(JsonOf(missing)["error"]["field"], "body");
    auto too_long =
        a.Post(base_ + "/statements", nlohmann::json{{"title", std::string(201, 'x')}, {"body", "b"}}.dump());
    EXPECT_EQ(JsonOf(too_long)["error"]["field"], "title");
    EXPECT_EQ(StatusOf(a.Get("/api/exercises/999/statements")), 404);
}

TEST_F(WorldPrTest, OneAccountCannotFlood) {
    auto a = Joined(participant_a_token_);
    for (int i = 0; i < 30; ++i) {
        auto created =
            a.Post(base_ + "/statements", nlohmann::json{{"title", "t" + std::to_string(i)}, {"body", "b"}}.dump());
        ASSERT_EQ(StatusOf(created), 201) << i << " " << BodyOf(created);
    }
    auto limited = a.Post(base_ + "/statements", R"({"title":"one too many","body":"b"})");
    EXPECT_EQ(StatusOf(limited), 429);
    EXPECT_EQ(JsonOf(limited)["error"]["field"], "rate_limit");
    EXPECT_TRUE(limited->Header("Retry-After").has_value());
    // Another account is not affected.
    auto b = Joined(lead_b_token_);
    EXPECT_EQ(StatusOf(b.Post(base_ + "/statements", R"({"title":"t","body":"b","publish":true})")), 201);
}

TEST_F(WorldPrTest, MediaPersonasItemsHidingAndTrends) {
    auto controller = Staff("controller");
    auto observer = Staff("observer");
    auto a = Joined(participant_a_token_);
    auto avatar = Upload(controller, kPng, "image/png", "avatar.png");
    ASSERT_EQ(StatusOf(avatar), 201) << BodyOf(avatar);
    const std::int64_t avatar_id = JsonOf(avatar)["id"];
    const std::string avatar_url = JsonOf(avatar)["url"];

    auto persona = controller.Post(base_ + "/media-personas", nlohmann::json{{"name", "東京ニュース"},
                                                                             {"handle", "tokyo_news"},
                                                                             {"kind", "news"},
                                                                             {"verified", true},
                                                                             {"avatar_attachment_id", avatar_id}}
                                                                  .dump());
    ASSERT_EQ(StatusOf(persona), 201) << BodyOf(persona);
    const std::int64_t persona_id = JsonOf(persona)["id"];
    EXPECT_EQ(JsonOf(persona)["handle"], "@tokyo_news");
    EXPECT_EQ(JsonOf(persona)["initials"], "東京");
    EXPECT_EQ(StatusOf(a.Get(avatar_url)), 200);  // avatars are public with the persona
    auto duplicate = controller.Post(base_ + "/media-personas", R"({"name":"x","handle":"@tokyo_news","kind":"news"})");
    EXPECT_EQ(StatusOf(duplicate), 409);
    EXPECT_EQ(JsonOf(duplicate)["error"]["field"], "handle");
    EXPECT_EQ(StatusOf(a.Post(base_ + "/media-personas", R"({"name":"x","handle":"x","kind":"news"})")), 403);
    EXPECT_EQ(StatusOf(a.Get(base_ + "/media-personas")), 403);

    auto image = Upload(controller, kPng, "image/png", "photo.png");
    const std::string image_url = JsonOf(image)["url"];
    auto post = controller.Post(base_ + "/media-items", nlohmann::json{{"persona_id", persona_id},
                                                                       {"channel", "social"},
                                                                       {"text", "大規模障害か #停電 #ランサムウェア"},
                                                                       {"image_attachment_id", JsonOf(image)["id"]},
                                                                       {"base_engagement", 5000}}
                                                            .dump());
    ASSERT_EQ(StatusOf(post), 201) << BodyOf(post);
    const std::int64_t item_id = JsonOf(post)["id"];
    EXPECT_EQ(JsonOf(post)["state"], "published");
    EXPECT_EQ(JsonOf(post)["hashtags"], (nlohmann::json{"停電", "ランサムウェア"}));
    EXPECT_EQ(StatusOf(a.Get(image_url)), 200);
    auto second = controller.Post(
        base_ + "/media-items",
        nlohmann::json{{"persona_id", persona_id}, {"channel", "press"}, {"text", "続報 #停電"}}.dump());
    ASSERT_EQ(StatusOf(second), 201) << BodyOf(second);
    // Scheduled for later: staff see it, participants do not; the clock has not started.
    auto scheduled = controller.Post(
        base_ + "/media-items",
        nlohmann::json{{"persona_id", persona_id}, {"channel", "social"}, {"text", "予定投稿"}, {"at", "D1 09:30"}}
            .dump());
    ASSERT_EQ(StatusOf(scheduled), 201) << BodyOf(scheduled);
    EXPECT_EQ(JsonOf(scheduled)["state"], "scheduled");
    EXPECT_EQ(JsonOf(scheduled)["scheduled_scenario_time"], "D1 09:30");
    EXPECT_EQ(JsonOf(controller.Post(
                  base_ + "/media-items",
                  nlohmann::json{{"persona_id", persona_id}, {"channel", "social"}, {"text", "x"}, {"at", "tomorrow"}}
                      .dump()))["error"]["field"],
              "at");
    EXPECT_EQ(StatusOf(a.Post(base_ + "/media-items", R"({"persona_id":1,"channel":"social","text":"x"})")), 403);

    auto feed = JsonOf(a.Get(base_ + "/media-items"));
    ASSERT_EQ(feed["items"].size(), 2u);
    EXPECT_EQ(feed["items"][0]["text"], "続報 #停電");
    EXPECT_EQ(feed["items"][1]["persona"]["verified"], true);
    EXPECT_EQ(JsonOf(a.Get(base_ + "/media-items?channel=press"))["items"].size(), 1u);
    EXPECT_EQ(JsonOf(observer.Get(base_ + "/media-items"))["items"].size(), 3u);
    EXPECT_EQ(StatusOf(a.Get(base_ + "/media-items?channel=tv")), 400);

    // Engagement grows with time (wall time before the clock starts), from the same curve.
    const auto likes_before = feed["items"][1]["engagement"]["likes"].get<std::int64_t>();
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    const auto likes_after =
        JsonOf(a.Get(base_ + "/media-items?channel=social"))["items"][0]["engagement"]["likes"].get<std::int64_t>();
    EXPECT_GT(likes_after, likes_before);

    auto trends = JsonOf(a.Get(base_ + "/media-trends"));
    ASSERT_GE(trends["items"].size(), 2u);
    EXPECT_EQ(trends["items"][0], (nlohmann::json{{"tag", "停電"}, {"count", 2}}));

    // Hiding: only the organiser; the item vanishes for participants, with its image.
    const std::string item_path = base_ + "/media-items/" + std::to_string(item_id);
    EXPECT_EQ(StatusOf(a.Post(item_path + "/hide", "")), 403);
    EXPECT_EQ(StatusOf(controller.Post(item_path + "/hide", "")), 403);
    auto hidden = admin_->Post(item_path + "/hide", "");
    ASSERT_EQ(StatusOf(hidden), 200) << BodyOf(hidden);
    EXPECT_EQ(JsonOf(hidden)["hidden"], true);
    EXPECT_EQ(JsonOf(a.Get(base_ + "/media-items"))["items"].size(), 1u);
    EXPECT_EQ(StatusOf(a.Get(image_url)), 404);
    EXPECT_EQ(JsonOf(a.Get(base_ + "/media-trends"))["items"][0]["count"], 1);
    ASSERT_EQ(StatusOf(admin_->Post(item_path + "/unhide", "")), 200);
    EXPECT_EQ(JsonOf(a.Get(base_ + "/media-items"))["items"].size(), 2u);
    EXPECT_EQ(StatusOf(a.Get(image_url)), 200);
    EXPECT_EQ(StatusOf(admin_->Post(base_ + "/media-items/99999/hide", "")), 404);
}

TEST_F(WorldPrTest, ScheduledMediaItemsAreReleasedOnceWhenTheClockReachesThem) {
    scenario::Scenario master;
    master.id = "media";
    master.title = {"メディア", "Media"};
    master.scenes = {{"day1", {"1日目", "Day 1"}, 540, 1080, 600.0, false}};  // 10 scenario minutes per wall second
    auto* store = server_->application().services().scenarios;
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->SaveMaster(exercise_id_, master, {std::nullopt, "test", "", ""}));
    auto controller = Staff("controller");
    auto persona =
        controller.Post(base_ + "/media-personas", R"({"name":"市民A","handle":"citizen_a","kind":"citizen"})");
    ASSERT_EQ(StatusOf(persona), 201) << BodyOf(persona);
    auto scheduled = controller.Post(base_ + "/media-items", nlohmann::json{{"persona_id", JsonOf(persona)["id"]},
                                                                            {"channel", "social"},
                                                                            {"text", "電車が止まっている #障害"},
                                                                            {"at", "D1 09:20"}}
                                                                 .dump());
    ASSERT_EQ(StatusOf(scheduled), 201) << BodyOf(scheduled);
    auto a = Joined(participant_a_token_);
    EXPECT_EQ(JsonOf(a.Get(base_ + "/media-items"))["items"].size(), 0u);
    ASSERT_EQ(StatusOf(admin_->Post(base_ + "/clock/start", "")), 200);
    // D1 09:20 is two wall seconds after the start; the timer releases it without any read.
    nlohmann::json items;
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        auto audit = JsonOf(admin_->Get(base_ + "/audit?page_size=100"));
        bool released = false;
        for (const auto& entry : audit["items"]) released = released || entry["action"] == "media.item.release";
        if (released) break;
    }
    items = JsonOf(a.Get(base_ + "/media-items"))["items"];
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0]["state"], "published");
    EXPECT_NE(items[0]["published_scenario_time"], nullptr);
    EXPECT_GE(items[0]["published_scenario_minutes"].get<double>(), 560.0);
    // Exactly once: a single release in the audit log however many reads and ticks ran.
    for (int i = 0; i < 3; ++i) a.Get(base_ + "/media-items");
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
    int releases = 0;
    const auto audit = JsonOf(admin_->Get(base_ + "/audit?page_size=100"));
    for (const auto& entry : audit["items"]) {
        if (entry["action"] == "media.item.release") ++releases;
    }
    EXPECT_EQ(releases, 1);
}

TEST_F(WorldPrTest, ReportCountsMeasureFromTheFirstReleasedObjectiveNineInject) {
    scenario::Scenario master;
    master.id = "metrics";
    master.title = {"集計", "Counts"};
    master.scenes = {{"day1", {"1日目", "Day 1"}, 540, 1080, 60.0, false}};  // 1 scenario minute per wall second
    scenario::Inject outage;
    outage.id = "outage";
    outage.scene_id = "day1";
    outage.at = 540;
    outage.title = {"障害", "Outage"};
    outage.objectives = {1};
    outage.order = 1;
    scenario::Inject public_pressure = outage;
    public_pressure.id = "sns-pressure";
    public_pressure.title = {"SNSで拡散", "Spreading online"};
    public_pressure.objectives = {9};
    public_pressure.order = 2;
    master.injects = {outage, public_pressure};
    auto* store = server_->application().services().scenarios;
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->SaveMaster(exercise_id_, master, {std::nullopt, "test", "", ""}));

    auto a = Joined(participant_a_token_);
    auto b = Joined(lead_b_token_);
    // Published before the clock: a statement, but not the response to the trigger.
    ASSERT_EQ(StatusOf(b.Post(base_ + "/statements", R"({"title":"平常","body":"b","publish":true})")), 201);
    ASSERT_EQ(StatusOf(admin_->Post(base_ + "/clock/start", "")), 200);
    nlohmann::json trigger;
    for (int attempt = 0; attempt < 100 && trigger.is_null(); ++attempt) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        trigger = JsonOf(admin_->Get(base_ + "/statement-metrics"))["trigger"];
    }
    ASSERT_FALSE(trigger.is_null());
    EXPECT_EQ(trigger["inject_id"], "sns-pressure");
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    auto published = a.Post(base_ + "/statements", R"({"title":"お知らせ","body":"b","publish":true})");
    ASSERT_EQ(StatusOf(published), 201) << BodyOf(published);
    EXPECT_NE(JsonOf(published)["published_scenario_time"], nullptr);
    // A draft does not count.
    ASSERT_EQ(StatusOf(a.Post(base_ + "/statements", R"({"title":"下書き","body":"b"})")), 201);

    auto metrics = JsonOf(admin_->Get(base_ + "/statement-metrics"));
    EXPECT_EQ(metrics["organisations_posted"], 2);
    const auto& organisations = metrics["organisations"];
    ASSERT_EQ(organisations.size(), 2u);
    const auto& org_a = organisations[0]["organisation_id"] == org_a_ ? organisations[0] : organisations[1];
    const auto& org_b = organisations[0]["organisation_id"] == org_b_ ? organisations[0] : organisations[1];
    EXPECT_EQ(org_a["statements"], 1);
    EXPECT_GE(org_a["wall_minutes_from_trigger"].get<double>(), 2.0 / 60);
    EXPECT_LT(org_a["wall_minutes_from_trigger"].get<double>(), 1.0);
    // About two scenario minutes at 60x: the clock ran ~2 s between the release and the statement.
    EXPECT_GE(org_a["scenario_minutes_from_trigger"].get<double>(), 1.9);
    EXPECT_LT(org_a["scenario_minutes_from_trigger"].get<double>(), 30.0);
    EXPECT_EQ(org_b["statements"], 1);
    EXPECT_TRUE(org_b["wall_minutes_from_trigger"].is_null());
}

}  // namespace
}  // namespace enshu::testing
