#include "exercise/exercise_service.hpp"

#include <gtest/gtest.h>

#include "exercise/exercise_input.hpp"
#include "exercise/exercise_test_support.hpp"

namespace enshu::exercise {
namespace {

using testing::ExerciseTest;

nlohmann::json Phase(const std::string& kind, const std::string& starts, const std::string& ends) {
    return {{"kind", kind}, {"starts_at", starts}, {"ends_at", ends}};
}

std::string FieldOf(const nlohmann::json& body, InputMode mode = InputMode::kUpdate) {
    auto parsed = ParseExerciseInput(body, mode);
    return parsed ? std::string("<valid>") : parsed.error().field;
}

TEST(ExerciseInputTest, ErrorsNameTheField) {
    EXPECT_EQ(FieldOf({{"title_ja", "x"}}, InputMode::kCreate), "fiscal_year");
    EXPECT_EQ(FieldOf({{"fiscal_year", 2023}}, InputMode::kCreate), "title_ja");
    EXPECT_EQ(FieldOf({{"fiscal_year", 1999}}), "fiscal_year");
    EXPECT_EQ(FieldOf({{"fiscal_year", 2101}}), "fiscal_year");
    EXPECT_EQ(FieldOf({{"fiscal_year", "2023"}}), "fiscal_year");
    EXPECT_EQ(FieldOf({{"title_ja", ""}}), "title_ja");
    EXPECT_EQ(FieldOf({{"title_ja", std::string(201 * 3, 'a').substr(0, 201)}}), "title_ja");
    EXPECT_EQ(FieldOf({{"title_ja", "演"}}), "<valid>");
    EXPECT_EQ(FieldOf({{"title_en", std::string(201, 'a')}}), "title_en");
    EXPECT_EQ(FieldOf({{"description", std::string(5001, 'a')}}), "description");
    EXPECT_EQ(FieldOf({{"description", "line 1\nline 2"}}), "<valid>");
    EXPECT_EQ(FieldOf({{"colour", "red"}}), "colour");
    EXPECT_EQ(FieldOf({{"id", 3}, {"my_roles", {"organiser"}}}), "<valid>");
}

TEST(ExerciseInputTest, PhaseErrorsNameTheIndexAndMember) {
    const nlohmann::json good = Phase("briefing", "2023-09-29", "2023-12-06");
    EXPECT_EQ(FieldOf({{"phases", {good, good, Phase("report", "2024-03-31", "2024-03-01")}}}), "phases[2].ends_at");
    EXPECT_EQ(FieldOf({{"phases", {Phase("party", "2023-01-01", "2023-01-02")}}}), "phases[0].kind");
    EXPECT_EQ(FieldOf({{"phases", {good, Phase("feedback", "2023-02-30", "2023-03-01")}}}), "phases[1].starts_at");
    EXPECT_EQ(FieldOf({{"phases", {Phase("feedback", "2023-12-14T25:00", "2023-12-14")}}}), "phases[0].starts_at");
    EXPECT_EQ(FieldOf({{"phases", {Phase("feedback", "2023-12-14", "2023/12/15")}}}), "phases[0].ends_at");
    nlohmann::json long_note = good;
    long_note["note"] = std::string(501, 'n');
    EXPECT_EQ(FieldOf({{"phases", {long_note}}}), "phases[0].note");
    nlohmann::json many = nlohmann::json::array();
    for (int i = 0; i < 31; ++i) many.push_back(good);
    EXPECT_EQ(FieldOf({{"phases", many}}), "phases");
    // Leap day, same-day spans and time after a bare date are valid.
    EXPECT_EQ(FieldOf({{"phases",
                        {Phase("feedback", "2024-02-29", "2024-02-29"),
                         Phase("exercise_day", "2023-12-07T13:00", "2023-12-07T17:00"),
                         Phase("exercise_day", "2023-12-07", "2023-12-07T10:00")}}}),
              "<valid>");
    EXPECT_EQ(FieldOf({{"phases", {Phase("feedback", "2023-02-29", "2023-03-01")}}}), "phases[0].starts_at");
}

class ExerciseServiceTest : public ExerciseTest {};

TEST_F(ExerciseServiceTest, OnlyAdministratorsCreateAndTheCreatorBecomesOrganiser) {
    auto denied = Exercises().Create(organiser_, actor_, MinimalExercise());
    ASSERT_FALSE(denied);
    EXPECT_EQ(denied.error().code, ErrorCode::kForbidden);

    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM membership WHERE exercise_id = $1 AND user_id = $2 AND role = "
                        "'organiser'",
                        {exercise_id_, admin_.user_id}),
              1);
    EXPECT_EQ(AuditCount("exercise.create"), 1);
}

TEST_F(ExerciseServiceTest, MembersReadNonMembersGetNotFound) {
    auto read = Exercises().Get(organiser_, exercise_id_);
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_EQ(read->exercise.title_ja, "テスト演習");
    EXPECT_EQ(read->my_roles, std::vector<std::string>{"organiser"});

    Principal stranger;
    stranger.user_id = 12345;
    auto hidden = Exercises().Get(stranger, exercise_id_);
    ASSERT_FALSE(hidden);
    EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
    auto missing = Exercises().Get(admin_, exercise_id_ + 100);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_F(ExerciseServiceTest, ListShowsAdminsEverythingAndOthersTheirExercises) {
    auto second = Exercises().Create(admin_, actor_, MinimalExercise());
    ASSERT_TRUE(second);
    auto all = Exercises().List(admin_);
    ASSERT_TRUE(all);
    EXPECT_EQ(all->size(), 2u);

    AddOrganisation("デモ電力", "electricity");
    AddOrganisation("デモ銀行", "finance");
    const Principal ministry = WithRole(Role::kMinistry, {}, "meti");
    // The session says ministry member of the first exercise; the database has no row,
    // so the repository's membership query finds nothing: store one.
    auto stored = StaffPrincipal("meti-user", false);
    ASSERT_TRUE(accounts_->AddMembership(exercise_id_, stored.user_id, Role::kMinistry, std::string("meti"), actor_));
    stored.memberships = ministry.memberships;
    auto mine = Exercises().List(stored);
    ASSERT_TRUE(mine) << mine.error().message;
    ASSERT_EQ(mine->size(), 1u);
    EXPECT_EQ(mine->front().exercise.id, exercise_id_);
    EXPECT_EQ(mine->front().my_roles, std::vector<std::string>{"ministry"});
    EXPECT_EQ(mine->front().organisation_count, 1);  // only METI's sectors
}

TEST_F(ExerciseServiceTest, OrganisersUpdateAndPhasesAreReplacedAsAWhole) {
    auto input = ParseExerciseInput(
        {{"title_en", "FY2023"},
         {"phases", {Phase("recruitment", "2023-08-03", "2023-09-15"), Phase("report", "2024-03-01", "2024-03-31")}}},
        InputMode::kUpdate);
    ASSERT_TRUE(input);
    auto updated = Exercises().Update(organiser_, actor_, exercise_id_, *input);
    ASSERT_TRUE(updated) << updated.error().message;
    ASSERT_EQ(updated->exercise.phases.size(), 2u);
    EXPECT_EQ(updated->exercise.phases[1].kind, "report");
    EXPECT_EQ(updated->exercise.title_ja, "テスト演習");

    auto replace = ParseExerciseInput({{"phases", {Phase("exercise_day", "2023-12-07T13:00", "2023-12-07T17:00")}}},
                                      InputMode::kUpdate);
    ASSERT_TRUE(replace);
    auto replaced = Exercises().Update(organiser_, actor_, exercise_id_, *replace);
    ASSERT_TRUE(replaced);
    ASSERT_EQ(replaced->exercise.phases.size(), 1u);
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM exercise_phase WHERE exercise_id = $1", {exercise_id_}), 1);
    EXPECT_EQ(replaced->exercise.title_en, "FY2023");

    EXPECT_EQ(AuditCount("exercise.update"), 2);
    // The audit entry holds the changed fields only.
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM audit_log WHERE action = 'exercise.update' AND before_summary LIKE "
                        "'%title_en%' AND after_summary LIKE '%FY2023%'"),
              1);

    auto observer = WithRole(Role::kObserver);
    auto denied = Exercises().Update(observer, actor_, exercise_id_, *input);
    ASSERT_FALSE(denied);
    EXPECT_EQ(denied.error().code, ErrorCode::kForbidden);
}

}  // namespace
}  // namespace enshu::exercise
