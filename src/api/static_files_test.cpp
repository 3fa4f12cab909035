#include "api/static_files.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace enshu::api {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> HeaderOf(const Response& response, std::string_view name) {
    for (const auto& [header, value] : response.headers) {
        if (header == name) return value;
    }
    return std::nullopt;
}

class StaticFilesTest : public ::testing::Test {
  protected:
    void SetUp() override {
        base_ = fs::temp_directory_path() /
                ("enshu-static-" + std::to_string(::getpid()) + "-" + std::to_string(std::random_device{}()));
        root_ = base_ / "dist";
        fs::create_directories(root_ / "assets");
        Write(root_ / "index.html", "<!doctype html><title>Enshu</title>");
        Write(root_ / "assets" / "app.1a2b.js", "console.log(1)");
        Write(root_ / "assets" / "style.css", "body{}");
        Write(root_ / "favicon.ico", "ICO");
        Write(root_ / ".env", "SECRET=1");
        Write(base_ / "secret.txt", "outside");
        fs::create_symlink(base_ / "secret.txt", root_ / "link.txt");
    }
    void TearDown() override { fs::remove_all(base_); }

    static void Write(const fs::path& path, std::string_view content) {
        std::ofstream out(path, std::ios::binary);
        out << content;
    }

    Response Get(std::string path, std::string method = "GET") {
        Request request;
        request.method = std::move(method);
        request.path = std::move(path);
        request.target = request.path;
        return StaticFiles(root_.string()).Serve(request);
    }

    fs::path base_;
    fs::path root_;
};

TEST_F(StaticFilesTest, ServesIndexWithNoCache) {
    Response response = Get("/");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "<!doctype html><title>Enshu</title>");
    EXPECT_EQ(response.content_type, "text/html; charset=utf-8");
    EXPECT_EQ(HeaderOf(response, "Cache-Control"), "no-cache");
    EXPECT_TRUE(HeaderOf(response, "ETag").has_value());
}

TEST_F(StaticFilesTest, AssetsAreImmutableWithTheirContentType) {
    Response response = Get("/assets/app.1a2b.js");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "console.log(1)");
    EXPECT_EQ(response.content_type, "text/javascript; charset=utf-8");
    EXPECT_EQ(HeaderOf(response, "Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(Get("/assets/style.css").content_type, "text/css; charset=utf-8");
    EXPECT_EQ(Get("/favicon.ico").content_type, "image/x-icon");
}

TEST_F(StaticFilesTest, SpaFallbackForPathsWithoutExtension) {
    Response response = Get("/exercises/3/organisations");
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "<!doctype html><title>Enshu</title>");
    EXPECT_EQ(HeaderOf(response, "Cache-Control"), "no-cache");
    EXPECT_EQ(Get("/assets").status, 200);
}

TEST_F(StaticFilesTest, MissingFilesWithExtensionAre404) {
    EXPECT_EQ(Get("/missing.js").status, 404);
    EXPECT_EQ(Get("/assets/missing").status, 404);
    EXPECT_NE(Get("/missing.png").body.find("not_found"), std::string::npos);
}

TEST_F(StaticFilesTest, RejectsTraversalHiddenFilesAndEscapingLinks) {
    EXPECT_EQ(Get("/../secret.txt").status, 404);
    EXPECT_EQ(Get("/assets/../../secret.txt").status, 404);
    EXPECT_EQ(Get("/..").status, 404);
    EXPECT_EQ(Get("/.env").status, 404);
    EXPECT_EQ(Get("/link.txt").status, 404);
    EXPECT_EQ(Get(std::string("/index.html\0x", 13)).status, 404);
    EXPECT_EQ(Get("/assets\\..\\..\\secret.txt").status, 404);
    EXPECT_EQ(Get("relative.txt").status, 404);
}

TEST_F(StaticFilesTest, OnlyGetAndHead) {
    EXPECT_EQ(Get("/", "HEAD").status, 200);
    Response response = Get("/", "POST");
    EXPECT_EQ(response.status, 405);
    EXPECT_EQ(HeaderOf(response, "Allow"), "GET, HEAD");
}

TEST_F(StaticFilesTest, IfNoneMatchAnswers304) {
    Response first = Get("/assets/app.1a2b.js");
    auto etag = HeaderOf(first, "ETag");
    ASSERT_TRUE(etag);
    Request request;
    request.method = "GET";
    request.path = "/assets/app.1a2b.js";
    request.headers["if-none-match"] = *etag;
    Response second = StaticFiles(root_.string()).Serve(request);
    EXPECT_EQ(second.status, 304);
    EXPECT_TRUE(second.body.empty());
    request.headers["if-none-match"] = "W/\"other\"";
    EXPECT_EQ(StaticFiles(root_.string()).Serve(request).status, 200);
}

TEST_F(StaticFilesTest, EmptyOrMissingRootServesNothing) {
    Request request;
    request.method = "GET";
    request.path = "/";
    EXPECT_EQ(StaticFiles("").Serve(request).status, 404);
    EXPECT_EQ(StaticFiles((base_ / "nope").string()).Serve(request).status, 404);
}

TEST(ContentTypeTest, KnownAndUnknownExtensions) {
    EXPECT_EQ(ContentTypeFor("a.mjs"), "text/javascript; charset=utf-8");
    EXPECT_EQ(ContentTypeFor("a.svg"), "image/svg+xml");
    EXPECT_EQ(ContentTypeFor("a.png"), "image/png");
    EXPECT_EQ(ContentTypeFor("a.jpg"), "image/jpeg");
    EXPECT_EQ(ContentTypeFor("a.webp"), "image/webp");
    EXPECT_EQ(ContentTypeFor("a.json"), "application/json; charset=utf-8");
    EXPECT_EQ(ContentTypeFor("a.woff2"), "font/woff2");
    EXPECT_EQ(ContentTypeFor("a.txt"), "text/plain; charset=utf-8");
    EXPECT_EQ(ContentTypeFor("a.js.map"), "application/json; charset=utf-8");
    EXPECT_EQ(ContentTypeFor("a.exe"), "application/octet-stream");
    EXPECT_EQ(ContentTypeFor("noext"), "application/octet-stream");
}

}  // namespace
}  // namespace enshu::api
