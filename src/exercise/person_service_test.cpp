#include "exercise/person_service.hpp"

#include <gtest/gtest.h>

#include "exercise/exercise_test_support.hpp"
#include "exercise/person_input.hpp"

namespace enshu::exercise {
namespace {

class PersonServiceTest : public testing::ExerciseTest {
  protected:
    void SetUp() override {
        ExerciseTest::SetUp();
        power_ = AddOrganisation("デモ電力", "electricity");
        bank_ = AddOrganisation("デモ銀行", "finance");
    }

    static PersonInput Input(const std::string& name, const std::string& role, const std::string& email = "") {
        PersonInput input;
        input.display_name = name;
        input.role = role;
        if (!email.empty()) input.email = email;
        return input;
    }

    std::int64_t power_ = 0;
    std::int64_t bank_ = 0;
};

TEST(PersonInputTest, ErrorsNameTheField) {
    const auto field_of = [](const nlohmann::json& body) {
        auto input = ParsePersonJson(body);
        if (!input) return input.error().field;
        Person person;
        auto errors = ApplyPersonInput(*input, InputMode::kCreate, ValueSpelling::kCodes, person);
        return errors.empty() ? std::string("<valid>") : errors.front().field;
    };
    EXPECT_EQ(field_of({{"role", "participant"}}), "display_name");
    EXPECT_EQ(field_of({{"display_name", std::string(101, 'a')}, {"role", "participant"}}), "display_name");
    EXPECT_EQ(field_of({{"display_name", "a"}}), "role");
    EXPECT_EQ(field_of({{"display_name", "a"}, {"role", "admin"}}), "role");
    EXPECT_EQ(field_of({{"display_name", "a"}, {"role", "組織責任者"}}), "role");  // names only on import
    EXPECT_EQ(field_of({{"display_name", "a"}, {"role", "participant"}, {"email", "no-at-sign"}}), "email");
    EXPECT_EQ(field_of({{"display_name", "a"}, {"role", "participant"}, {"email", "a@b"}}), "email");
    EXPECT_EQ(field_of({{"display_name", "a"}, {"role", "participant"}, {"email", std::string(250, 'a') + "@b.jp"}}),
              "email");
    EXPECT_EQ(field_of({{"display_name", "a"}, {"role", "participant"}, {"phone", std::string(41, '0')}}), "phone");
    EXPECT_EQ(field_of({{"display_name", "a"}, {"role", "participant"}, {"department", std::string(101, 'd')}}),
              "department");
    EXPECT_EQ(field_of({{"display_name", "a"}, {"role", "participant"}, {"is_contact", "yes"}}), "is_contact");
    EXPECT_EQ(field_of({{"display_name", "山田 花子"},
                        {"role", "org_lead"},
                        {"email", "hanako@example.jp"},
                        {"is_contact", true}}),
              "<valid>");
}

TEST(PersonInputTest, TeamRolesAreKnownCodesOnceEach) {
    const auto apply = [](const nlohmann::json& body, ValueSpelling spelling = ValueSpelling::kCodes) {
        nlohmann::json full = body;
        full["display_name"] = "a";
        full["role"] = "participant";
        auto input = ParsePersonJson(full);
        if (!input) return std::pair<std::string, Person>{input.error().field, {}};
        Person person;
        auto errors = ApplyPersonInput(*input, InputMode::kCreate, spelling, person);
        return std::pair<std::string, Person>{errors.empty() ? "<valid>" : errors.front().field, person};
    };
    EXPECT_EQ(apply({{"team_roles", "pr"}}).first, "team_roles");
    EXPECT_EQ(apply({{"team_roles", {"pr", 3}}}).first, "team_roles[1]");
    EXPECT_EQ(apply({{"team_roles", {"pr", "hacker"}}}).first, "team_roles[1]");
    EXPECT_EQ(apply({{"team_roles", {"pr", "pr"}}}).first, "team_roles[1]");
    EXPECT_EQ(apply({{"team_roles", {"広報"}}}).first, "team_roles[0]");  // labels only on import
    EXPECT_EQ(apply({{"team_roles",
                      nlohmann::json::array({"pr", "csirt", "management", "systems", "legal", "operations", "pr"})}})
                  .first,
              "team_roles");
    const auto valid = apply({{"team_roles", {"pr", "csirt", "management"}}});
    EXPECT_EQ(valid.first, "<valid>");
    EXPECT_EQ(valid.second.team_roles, (std::vector<std::string>{"management", "csirt", "pr"}));
    EXPECT_EQ(apply({{"team_roles", {"広報", "ｃｓｉｒｔ"}}}, ValueSpelling::kCodesOrNames).second.team_roles,
              (std::vector<std::string>{"csirt", "pr"}));
    EXPECT_EQ(SplitTeamRolesCell(" pr、CSIRT，, legal "), (std::vector<std::string>{"pr", "CSIRT", "legal"}));
    EXPECT_EQ(TeamRolesCell({"management", "pr"}, true), "経営層,広報");
}

TEST_F(PersonServiceTest, TeamRolesAreStoredAndShownAsAJsonArray) {
    PersonInput input = Input("広報 担当", "participant", "pr@x.jp");
    input.team_roles = std::vector<std::string>{"pr", "management"};
    auto created = People().Create(organiser_, actor_, exercise_id_, power_, input);
    ASSERT_TRUE(created) << created.error().message;
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM person WHERE team_roles = 'management,pr'"), 1);
    const nlohmann::json json = PersonJson(created->person);
    EXPECT_EQ(json.at("team_roles"), nlohmann::json({"management", "pr"}));

    PersonInput change;
    change.team_roles = std::vector<std::string>{};
    auto updated = People().Update(organiser_, actor_, exercise_id_, power_, created->person.id, change);
    ASSERT_TRUE(updated) << updated.error().message;
    EXPECT_EQ(PersonJson(*updated).at("team_roles"), nlohmann::json::array());
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM person WHERE team_roles = ''"), 1);
}

TEST_F(PersonServiceTest, CreatingAPersonCreatesItsUserAndAnActiveJoinLink) {
    auto created = People().Create(organiser_, actor_, exercise_id_, power_, Input("山田 花子", "org_lead", "h@x.jp"));
    ASSERT_TRUE(created) << created.error().message;
    EXPECT_FALSE(created->join_token.empty());
    EXPECT_EQ(created->person.join_link.status, "active");
    EXPECT_EQ(created->expires_at, created->person.join_link.expires_at.value_or("?"));
    EXPECT_EQ(CountRows("SELECT COUNT(*) FROM app_user WHERE kind = 'person' AND display_name = '山田 花子'"), 1);
    EXPECT_EQ(AuditCount("person.create"), 1);
    EXPECT_EQ(AuditCount("join_link.issue"), 1);

    // The token opens a session.
    auto session = accounts_->Join(created->join_token, {"127.0.0.1", "test", "r"});
    ASSERT_TRUE(session) << session.error().message;

    auto duplicate = People().Create(organiser_, actor_, exercise_id_, power_, Input("別人", "participant", "H@X.jp"));
    ASSERT_FALSE(duplicate);
    EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
    EXPECT_EQ(duplicate.error().field, "email");
    // The same address in another organisation is fine.
    EXPECT_TRUE(People().Create(organiser_, actor_, exercise_id_, bank_, Input("別人", "participant", "h@x.jp")));
}

TEST_F(PersonServiceTest, JoinLinkStatusFollowsTheNewestLink) {
    auto created = People().Create(organiser_, actor_, exercise_id_, power_, Input("山田 花子", "org_lead"));
    ASSERT_TRUE(created);
    const auto id = created->person.id;
    ASSERT_TRUE(People().RevokeJoinLinks(organiser_, actor_, exercise_id_, power_, id));
    auto listed = People().List(organiser_, exercise_id_, power_);
    ASSERT_TRUE(listed);
    EXPECT_EQ(listed->front().join_link.status, "revoked");
    EXPECT_FALSE(accounts_->Join(created->join_token, {"127.0.0.1", "test", "r"}));

    auto issued = People().IssueJoinLink(organiser_, actor_, exercise_id_, power_, id);
    ASSERT_TRUE(issued);
    EXPECT_EQ(issued->person.join_link.status, "active");
    clock_.Advance(std::chrono::hours(24 * 61));
    listed = People().List(organiser_, exercise_id_, power_);
    ASSERT_TRUE(listed);
    EXPECT_EQ(listed->front().join_link.status, "expired");
}

TEST_F(PersonServiceTest, OrgLeadManagesOnlyItsOwnOrganisationsPeople) {
    const auto lead_id = AddPerson(power_, "山田 花子", "org_lead");
    const auto bank_person = AddPerson(bank_, "鈴木 一郎", "participant");
    const Principal lead = WithRole(Role::kOrgLead, power_);

    auto invited = People().Create(lead, actor_, exercise_id_, power_, Input("佐藤 健", "participant"));
    ASSERT_TRUE(invited) << invited.error().message;
    EXPECT_TRUE(People().Create(lead, actor_, exercise_id_, power_, Input("副責任者", "org_lead")));

    auto other = People().Create(lead, actor_, exercise_id_, bank_, Input("侵入者", "participant"));
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(People().List(lead, exercise_id_, bank_).error().code, ErrorCode::kNotFound);
    // A person of another organisation addressed through one's own is not found either.
    EXPECT_EQ(People().Delete(lead, actor_, exercise_id_, power_, bank_person).error().code, ErrorCode::kNotFound);

    const Principal participant = WithRole(Role::kParticipant, power_);
    auto listed = People().List(participant, exercise_id_, power_);
    ASSERT_TRUE(listed);
    EXPECT_EQ(listed->size(), 3u);
    EXPECT_EQ(listed->front().role, "org_lead");
    auto not_allowed = People().Create(participant, actor_, exercise_id_, power_, Input("x", "participant"));
    ASSERT_FALSE(not_allowed);
    EXPECT_EQ(not_allowed.error().code, ErrorCode::kForbidden);
    PersonInput rename;
    rename.display_name = "改名";
    EXPECT_EQ(People().Update(participant, actor_, exercise_id_, power_, lead_id, rename).error().code,
              ErrorCode::kForbidden);
    auto renamed = People().Update(lead, actor_, exercise_id_, power_, lead_id, rename);
    ASSERT_TRUE(renamed);
    EXPECT_EQ(renamed->display_name, "改名");
    EXPECT_EQ(AuditCount("person.update"), 1);
}

TEST_F(PersonServiceTest, MinistriesSeeTheirSectorsPeopleControllersDoNot) {
    AddPerson(power_, "山田 花子", "org_lead");
    EXPECT_TRUE(People().List(WithRole(Role::kMinistry, {}, "meti"), exercise_id_, power_));
    EXPECT_EQ(People().List(WithRole(Role::kMinistry, {}, "fsa"), exercise_id_, power_).error().code,
              ErrorCode::kNotFound);
    EXPECT_EQ(People().List(WithRole(Role::kController), exercise_id_, power_).error().code, ErrorCode::kForbidden);
}

TEST_F(PersonServiceTest, DeletingAPersonEndsItsSessionsAndLinks) {
    auto created = People().Create(organiser_, actor_, exercise_id_, power_, Input("山田 花子", "org_lead"));
    ASSERT_TRUE(created);
    auto session = accounts_->Join(created->join_token, {"127.0.0.1", "test", "r"});
    ASSERT_TRUE(session);
    ASSERT_TRUE(People().Delete(organiser_, actor_, exercise_id_, power_, created->person.id));
    auto principal = accounts_->Authenticate(session->token);
    ASSERT_TRUE(principal);
    EXPECT_FALSE(principal->has_value());
    EXPECT_FALSE(accounts_->Join(created->join_token, {"127.0.0.1", "test", "r"}));
    EXPECT_EQ(AuditCount("person.delete"), 1);
}

}  // namespace
}  // namespace enshu::exercise
