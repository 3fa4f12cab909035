// `enshu export` / `enshu import`: the command functions in-process, and the real binary
// (built beside this test) on a SQLite file, export → import → export byte for byte.

#include "app/archive_command.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sstream>

#include "archive/archive_test_support.hpp"
#include "db/migrations.hpp"

namespace enshu::app {
namespace {

namespace fs = std::filesystem;
using archive::testing::ReadDirectoryFiles;
using archive::testing::ReadText;
using archive::testing::WriteText;

class ArchiveCommandTest : public archive::testing::ArchiveTest {
  protected:
    int Export(std::int64_t exercise_id, const fs::path& out) {
        out_.str("");
        err_.str("");
        return ExportArchiveCommand(*database_, {exercise_id, out.string()}, out_, err_);
    }
    int Import(std::int64_t exercise_id, const fs::path& directory, bool apply, bool dry_run = false) {
        out_.str("");
        err_.str("");
        return ImportArchiveCommand(*database_, clock_, {exercise_id, directory.string(), dry_run, apply}, out_, err_);
    }

    std::ostringstream out_;
    std::ostringstream err_;
};

TEST_F(ArchiveCommandTest, ExportThenDryRunThenApply) {
    ASSERT_NO_FATAL_FAILURE(FillExercise());
    const auto out = directory_ / "archive";
    ASSERT_EQ(Export(exercise_id_, out), 0) << err_.str();
    EXPECT_NE(out_.str().find("  people.csv: 4 rows\n"), std::string::npos) << out_.str();
    EXPECT_NE(out_.str().find("  survey_answers.csv: 8 rows\n"), std::string::npos) << out_.str();

    const std::int64_t twin = CreateTwinExercise();
    ASSERT_EQ(Import(twin, out, /*apply=*/false), 0) << err_.str();
    EXPECT_NE(out_.str().find("organisations: 2 created, 0 updated, 0 unchanged"), std::string::npos) << out_.str();
    EXPECT_NE(out_.str().find("dry run, nothing stored"), std::string::npos) << out_.str();
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM organisation WHERE exercise_id = $1", {twin}), 0);

    ASSERT_EQ(Import(twin, out, /*apply=*/true), 0) << err_.str();
    EXPECT_NE(out_.str().find("imported into exercise " + std::to_string(twin)), std::string::npos) << out_.str();
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM organisation WHERE exercise_id = $1", {twin}), 2);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM audit_log WHERE action = 'archive.import' AND actor_label = 'cli' AND "
                        "exercise_id = $1",
                        {twin}),
              1);
}

TEST_F(ArchiveCommandTest, ProblemsArePrintedWithFileRowAndColumnAndNothingIsStored) {
    ASSERT_NO_FATAL_FAILURE(FillExercise());
    const auto out = directory_ / "archive";
    ASSERT_EQ(Export(exercise_id_, out), 0) << err_.str();
    std::string people = ReadText(out / "people.csv");
    people.replace(people.find("yamada@alpha.example"), 20, "yamada-at-example");
    WriteText(out / "people.csv", people);
    WriteText(out / "notes.txt", "not part of the archive");

    const std::int64_t twin = CreateTwinExercise();
    EXPECT_EQ(Import(twin, out, /*apply=*/true), 1);
    EXPECT_NE(err_.str().find("people.csv row 2, column email: 'yamada-at-example' is not an e-mail address\n"),
              std::string::npos)
        << err_.str();
    EXPECT_NE(err_.str().find("1 problem(s) in " + out.string() + "; nothing was imported"), std::string::npos);
    EXPECT_NE(out_.str().find("note: ignored notes.txt"), std::string::npos) << out_.str();
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM organisation WHERE exercise_id = $1", {twin}), 0);
}

TEST_F(ArchiveCommandTest, RefusesBadOptionsMissingExercisesAndDirectories) {
    EXPECT_EQ(Import(exercise_id_, directory_, /*apply=*/true, /*dry_run=*/true), 2);
    EXPECT_NE(err_.str().find("--dry-run and --apply"), std::string::npos);
    EXPECT_EQ(Import(exercise_id_ + 100, directory_, false), 1);
    EXPECT_NE(err_.str().find("--exercise: no exercise"), std::string::npos) << err_.str();
    EXPECT_EQ(Import(exercise_id_, directory_ / "missing", false), 1);
    EXPECT_NE(err_.str().find("DIR: "), std::string::npos) << err_.str();
    EXPECT_EQ(Import(exercise_id_, directory_, false), 1);  // empty directory: no manifest
    EXPECT_NE(err_.str().find("manifest.csv: the file is missing"), std::string::npos) << err_.str();
    WriteText(directory_ / "x.csv", "");
    EXPECT_EQ(Export(exercise_id_, directory_), 1);
    EXPECT_NE(err_.str().find("--out: "), std::string::npos) << err_.str();
}

// The real binary, as an operator runs it, on a database file.
class ArchiveBinaryTest : public archive::testing::ArchiveTest {
  protected:
    static fs::path Binary() { return fs::read_symlink("/proc/self/exe").parent_path() / "enshu"; }

    // Runs enshu with `arguments`; returns the exit code, stdout and stderr in out_/err_.
    int Run(const std::string& arguments) {
        const auto out = directory_ / "stdout.txt";
        const auto err = directory_ / "stderr.txt";
        const std::string command = Binary().string() + " " + arguments + " --db " + database_file_.string() +
                                    " --log-level warn >" + out.string() + " 2>" + err.string();
        const int status = std::system(command.c_str());
        out_ = ReadText(out);
        err_ = ReadText(err);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

    fs::path database_file_;
    std::string out_, err_;
};

TEST_F(ArchiveBinaryTest, ExportImportExportThroughTheBinaryIsByteIdentical) {
    ASSERT_TRUE(fs::exists(Binary())) << Binary() << " is built with this test (CMake dependency)";
    ASSERT_NO_FATAL_FAILURE(FillExercise());
    const auto first = directory_ / "first";
    ASSERT_TRUE(archive::ExportArchive(*database_, exercise_id_, first));

    // A database file with an exercise of the same year and title, as `enshu` opens it.
    database_file_ = directory_ / "enshu.db";
    {
        auto file = db::OpenDatabase(database_file_.string());
        ASSERT_TRUE(file) << file.error().message;
        ASSERT_TRUE(db::Migrate(**file));
        auto created = (*file)->Write([](db::Connection& connection) -> Status {
            auto done = connection.Execute(
                "INSERT INTO exercise (fiscal_year, title_ja, created_at, updated_at) VALUES "
                "(2023, 'テスト演習', '2023-10-01T00:00:00.000Z', '2023-10-01T00:00:00.000Z')");
            if (!done) return tl::unexpected(done.error());
            return Ok();
        });
        ASSERT_TRUE(created);
    }
    ASSERT_EQ(Run("import --exercise 1 " + first.string()), 0) << err_;
    EXPECT_NE(out_.find("dry run, nothing stored"), std::string::npos) << out_;
    ASSERT_EQ(Run("import --exercise 1 --apply " + first.string()), 0) << err_;
    EXPECT_NE(out_.find("people: 4 created"), std::string::npos) << out_;
    const auto second = directory_ / "second";
    ASSERT_EQ(Run("export --exercise 1 --out " + second.string()), 0) << err_;
    EXPECT_EQ(ReadDirectoryFiles(first), ReadDirectoryFiles(second));

    // A broken file: exit 1, the problem with file, row and column, nothing stored.
    std::string objectives = ReadText(first / "objectives.csv");
    objectives.replace(objectives.find("A-001,3,0"), 9, "A-001,3,7");
    WriteText(first / "objectives.csv", objectives);
    EXPECT_EQ(Run("import --exercise 1 --apply " + first.string()), 1);
    EXPECT_NE(err_.find("objectives.csv row 2, column custom_index: must be 0 for objectives 1-9"), std::string::npos)
        << err_;
    EXPECT_EQ(Run("export --exercise 2 --out " + (directory_ / "third").string()), 1);
    EXPECT_NE(err_.find("--exercise: no exercise 2"), std::string::npos) << err_;
}

}  // namespace
}  // namespace enshu::app
