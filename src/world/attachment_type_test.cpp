#include "world/attachment_type.hpp"

#include <gtest/gtest.h>

#include <string>

namespace enshu::world {
namespace {

const std::string kPngBytes = std::string("\x89PNG\r\n\x1a\n", 8) + std::string("\0\0\0\rIHDR", 8);
const std::string kJpegBytes = std::string("\xFF\xD8\xFF\xE0", 4) + "JFIF";

TEST(AttachmentTypeTest, SniffsTheAllowedTypesByTheirBytes) {
    EXPECT_EQ(SniffContentType("%PDF-1.7\n..."), "application/pdf");
    EXPECT_EQ(SniffContentType(kPngBytes), "image/png");
    EXPECT_EQ(SniffContentType(kJpegBytes), "image/jpeg");
    EXPECT_EQ(SniffContentType("お知らせ\r\n本文\tです"), "text/plain");
}

TEST(AttachmentTypeTest, RefusesEverythingElse) {
    EXPECT_EQ(SniffContentType(""), std::nullopt);
    EXPECT_EQ(SniffContentType(std::string("GIF89a\0\0", 8)), std::nullopt);
    EXPECT_EQ(SniffContentType(std::string("MZ\x90\0", 4)), std::nullopt);   // an executable
    EXPECT_EQ(SniffContentType("PK\x03\x04zip"), std::nullopt);              // a zip (control bytes)
    EXPECT_EQ(SniffContentType("caf\xC3"), std::nullopt);                    // truncated UTF-8
    EXPECT_EQ(SniffContentType("text with \x1b[31m escape"), std::nullopt);  // terminal escape
}

TEST(AttachmentTypeTest, DeclaredTypeMustAgreeWithTheBytes) {
    EXPECT_EQ(ResolveContentType("image/png", kPngBytes).value(), "image/png");
    EXPECT_EQ(ResolveContentType("IMAGE/JPG; q=1", kJpegBytes).value(), "image/jpeg");
    EXPECT_EQ(ResolveContentType("", "%PDF-1.4").value(), "application/pdf");
    EXPECT_EQ(ResolveContentType("application/octet-stream", kPngBytes).value(), "image/png");
    EXPECT_EQ(ResolveContentType("text/plain; charset=utf-8", "hello").value(), "text/plain");

    auto lying = ResolveContentType("application/pdf", kPngBytes);
    ASSERT_FALSE(lying);
    EXPECT_EQ(lying.error().field, "content_type");
    EXPECT_NE(lying.error().message.find("image/png"), std::string::npos);
    // HTML is text by its bytes, but declared as HTML it is refused (not on the allow-list).
    auto html = ResolveContentType("text/html", "<script>alert(1)</script>");
    ASSERT_FALSE(html);
    EXPECT_EQ(html.error().code, ErrorCode::kInvalidArgument);
    auto binary = ResolveContentType("", std::string("\0\1\2", 3));
    ASSERT_FALSE(binary);
    EXPECT_EQ(binary.error().field, "content_type");
}

TEST(AttachmentTypeTest, FilenamesAreMadeSafe) {
    EXPECT_EQ(SafeFilename("報告書.pdf").value(), "報告書.pdf");
    EXPECT_EQ(SafeFilename("../../etc/passwd").value(), "passwd");
    EXPECT_EQ(SafeFilename("C:\\Users\\a\\x.png").value(), "x.png");
    EXPECT_EQ(SafeFilename("a\"b\r\nc.txt").value(), "abc.txt");
    EXPECT_EQ(SafeFilename(std::string(300, 'a')).value().size(), 200u);
    EXPECT_EQ(SafeFilename("..").error().field, "filename");
    EXPECT_EQ(SafeFilename("").error().field, "filename");
    EXPECT_EQ(SafeFilename("bad\xFF.txt").error().field, "filename");
}

}  // namespace
}  // namespace enshu::world
