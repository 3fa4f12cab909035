// Every XLSX Enshu writes carries the exercise marking in the printed header and footer of
// every sheet and in the document's subject (core/exercise_marking.hpp); the reader is
// not disturbed by it.

#include <gtest/gtest.h>

#include "core/exercise_marking.hpp"
#include "io/xlsx.hpp"
#include "io/zip_reader.hpp"

namespace enshu::io {
namespace {

TEST(XlsxMarkingTest, EverySheetPrintsTheMarkingAndTheFileStillReadsBack) {
    SheetToWrite first{"組織", {{std::string("name")}, {std::string("電力A")}}, {}};
    SheetToWrite second{"People", {{std::string("x")}}, {}};
    auto bytes = WriteXlsx({first, second});
    ASSERT_TRUE(bytes) << bytes.error().message;
    auto zip = ZipReader::Open(*bytes);
    ASSERT_TRUE(zip) << zip.error().message;
    const std::string marking(kExerciseMarking);
    for (const char* part : {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}) {
        auto xml = (*zip)->Read(part, 1 << 20);
        ASSERT_TRUE(xml) << part << ": " << xml.error().message;
        EXPECT_NE(xml->find("<oddHeader>&amp;C" + marking + "</oddHeader>"), std::string::npos) << *xml;
        EXPECT_NE(xml->find("<oddFooter>&amp;C" + marking + "</oddFooter>"), std::string::npos) << *xml;
    }
    auto core = (*zip)->Read("docProps/core.xml", 1 << 20);
    ASSERT_TRUE(core);
    EXPECT_NE(core->find(marking), std::string::npos) << *core;
    auto read = ReadXlsx(*bytes);
    ASSERT_TRUE(read) << read.error().message;
    ASSERT_EQ(read->size(), 2u);
    EXPECT_EQ((*read)[0].rows, (std::vector<std::vector<std::string>>{{"name"}, {"電力A"}}));
}

}  // namespace
}  // namespace enshu::io
