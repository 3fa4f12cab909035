#include "io/text.hpp"

#include <gtest/gtest.h>

namespace enshu::io {
namespace {

TEST(NormaliseForSearchTest, FullWidthLatinBecomesLowerCaseAscii) {
    EXPECT_EQ(NormaliseForSearch("ＡＢＣ"), "abc");
    EXPECT_EQ(NormaliseForSearch("ABC"), "abc");
    EXPECT_EQ(NormaliseForSearch("１２３"), "123");
}

TEST(NormaliseForSearchTest, HalfWidthKatakanaEqualsFullWidth) {
    EXPECT_EQ(NormaliseForSearch("ﾃﾞﾝﾘｮｸ"), NormaliseForSearch("デンリョク"));
    EXPECT_EQ(NormaliseForSearch("ﾃﾞﾝﾘｮｸ"), "デンリョク");
}

TEST(NormaliseForSearchTest, KanjiAndHiraganaUnchanged) {
    EXPECT_EQ(NormaliseForSearch("東京"), "東京");
    EXPECT_EQ(NormaliseForSearch("でんりょく"), "でんりょく");
}

TEST(NormaliseForSearchTest, InvalidUtf8BecomesReplacementCharacter) {
    EXPECT_EQ(NormaliseForSearch("a\xFF"
                                 "b"),
              "a\xEF\xBF\xBD"
              "b");
}

TEST(Utf8Test, ValidAndInvalidSequences) {
    EXPECT_TRUE(IsValidUtf8(""));
    EXPECT_TRUE(IsValidUtf8("電力 ABC 𠮷"));
    EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
    EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    EXPECT_FALSE(IsValidUtf8("\xE6\x9D"));          // truncated
    EXPECT_FALSE(IsValidUtf8("\x80"));              // stray continuation byte
    // Shift_JIS "東京" is not UTF-8.
    EXPECT_FALSE(IsValidUtf8("\x93\x8C\x8B\x9E"));
}

TEST(Utf8Test, FirstInvalidOffsetPointsAtTheBadByte) {
    EXPECT_EQ(FirstInvalidUtf8Offset("東京"), std::nullopt);
    EXPECT_EQ(FirstInvalidUtf8Offset("東京\xFF"), std::optional<std::size_t>(6));
}

TEST(CharacterCountTest, CountsCodePoints) {
    EXPECT_EQ(CharacterCount(""), 0u);
    EXPECT_EQ(CharacterCount("abc"), 3u);
    EXPECT_EQ(CharacterCount("東京都"), 3u);
    EXPECT_EQ(CharacterCount("𠮷野家"), 3u);
    EXPECT_EQ(CharacterCount("a\xFF\xFE"), 3u);
}

TEST(TrimSpacesTest, TrimsAsciiAndIdeographicSpaces) {
    EXPECT_EQ(TrimSpaces("  東京 \t\r\n"), "東京");
    EXPECT_EQ(TrimSpaces("\xE3\x80\x80 東京\xE3\x80\x80"), "東京");
    EXPECT_EQ(TrimSpaces("東\xE3\x80\x80京"), "東\xE3\x80\x80京");
    EXPECT_EQ(TrimSpaces("\xE3\x80\x80  "), "");
    EXPECT_EQ(TrimSpaces(""), "");
}

TEST(EscapeLikeTest, EscapesWildcardsAndBackslash) {
    EXPECT_EQ(EscapeLike("100%_done\\x"), "100\\%\\_done\\\\x");
    EXPECT_EQ(EscapeLike("電力"), "電力");
}

}  // namespace
}  // namespace enshu::io
