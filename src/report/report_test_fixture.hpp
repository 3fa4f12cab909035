#pragma once

// A small hand-made dataset for the report tests. Its expected figures are worked out
// by hand in report_builder_test.cpp (not computed by the code under test).
//
// Sectors: electricity (METI, organisations 1..6), finance (FSA, 7..10) and water
// (MHLW, none). Past year FY2022 has organisations 101..110 with external refs E1..E10
// (the same as 1..10 this year).

#include <string>
#include <vector>

#include "report/report_inputs.hpp"

namespace enshu::report::testing {

inline ReferenceSet FixtureReference() {
    ReferenceSet reference;
    reference.ministries = {
        {"fsa", {"金融庁", "FSA"}}, {"mhlw", {"厚生労働省", "MHLW"}}, {"meti", {"経済産業省", "METI"}}};
    reference.sectors = {{"finance", "fsa", {"金融", "Finance"}},
                         {"water", "mhlw", {"水道", "Water"}},
                         {"electricity", "meti", {"電力", "Electricity"}}};
    reference.objectives = {{1, {"情報収集（CSIRTの活動）", "Information gathering"}, "1.2(2)"},
                            {2, {"インシデント対処（CSIRTの対応）", "Incident handling"}, "1.2(2)"},
                            {10, {"独自の課題設定", "Own objective"}, ""}};
    reference.readiness_items = {{"governance.roles_defined",
                                  "governance",
                                  {"組織統治", "Governance"},
                                  {"経営層・CISOの役割と責任の整理状況", "Roles defined"},
                                  "before",
                                  "organised",
                                  Measure::kShare,
                                  {"整理済み", "Defined"}},
                                 {"bcp.day_of_degree",
                                  "bcp",
                                  {"BCP/IT-BCP", "BCP/IT-BCP"},
                                  {"IT-BCPに沿って対応できた程度", "Degree IT-BCP followed"},
                                  "day_of",
                                  "degree",
                                  Measure::kAverageDegree,
                                  {"できた程度 (平均値)", "Degree (average)"}}};
    reference.scales["organised"] = {{"organised", {"organised", true, std::nullopt, false}},
                                     {"in_progress", {"in_progress", false, std::nullopt, false}},
                                     {"not_organised", {"not_organised", false, std::nullopt, false}},
                                     {"no_answer", {"no_answer", false, std::nullopt, true}}};
    reference.scale_labels["organised"] = {{"organised", {"整理済み", "Defined"}},
                                           {"in_progress", {"整理中", "Being defined"}},
                                           {"not_organised", {"未整理", "Not defined"}},
                                           {"no_answer", {"無回答", "No answer"}}};
    reference.scales["degree"] = {{"fully", {"fully", true, 100.0, false}},
                                  {"mostly", {"mostly", true, 75.0, false}},
                                  {"half", {"half", false, 50.0, false}},
                                  {"partly", {"partly", false, 25.0, false}},
                                  {"not_at_all", {"not_at_all", false, 0.0, false}},
                                  {"no_answer", {"no_answer", false, std::nullopt, true}}};
    reference.scales["four_level"] = {{"very_well", {"very_well", true, std::nullopt, false}},
                                      {"well", {"well", true, std::nullopt, false}},
                                      {"not_well", {"not_well", false, std::nullopt, false}},
                                      {"hardly", {"hardly", false, std::nullopt, false}},
                                      {"no_answer", {"no_answer", false, std::nullopt, true}}};
    reference.scale_labels["four_level"] = {{"very_well", {"よく対応できた", "Very well"}},
                                            {"well", {"対応できた", "Well"}},
                                            {"not_well", {"あまり対応できなかった", "Not well"}},
                                            {"hardly", {"ほとんど対応できなかった", "Hardly"}},
                                            {"no_answer", {"無回答", "No answer"}}};
    return reference;
}

inline OrganisationInfo Organisation(std::int64_t id, int ref, const std::string& sector, const std::string& ministry) {
    return OrganisationInfo{
        id, "E" + std::to_string(ref), "組織" + std::to_string(ref), sector, ministry, ref <= 3 ? "venue" : "online",
        2};
}

// FY2023: roles_defined electricity organised ×4, in_progress, no_answer (4/6); finance
// organised ×3, not_organised (3/4); all 7/10. day_of_degree electricity 100, 75, 75, 50,
// no answer (300/4 = 75.0); finance 100, 100, 0 (200/3 = 66.7); all 500/7 = 71.4.
// Objective 1: electricity 1..5 (①4/1/0 ②3/1/1 ③1/3/1), finance 7..9 well ×3 each;
// all n = 8: ① 7/1/0, ② 6/1/1, ③ 4/3/1.
inline ExerciseData FixtureCurrent() {
    ExerciseData data;
    data.exercise = ExerciseInfo{
        2, 2023, {"2023年度 分野横断的演習", "FY2023 cross-sector exercise"}, "障害対応体制の有効性を検証する。"};
    data.phases = {{"exercise_day", "2023-12-07T13:00", "2023-12-07T17:00", ""}};
    for (int i = 1; i <= 6; ++i) data.organisations.push_back(Organisation(i, i, "electricity", "meti"));
    for (int i = 7; i <= 10; ++i) data.organisations.push_back(Organisation(i, i, "finance", "fsa"));
    const std::vector<std::string> roles = {"organised", "organised", "organised", "organised", "in_progress",
                                            "no_answer", "organised", "organised", "organised", "not_organised"};
    for (int i = 0; i < 10; ++i) data.readiness_answers.push_back({i + 1, "governance.roles_defined", roles[i]});
    const std::vector<std::pair<int, std::string>> degrees = {{1, "fully"}, {2, "mostly"},    {3, "mostly"},
                                                              {4, "half"},  {5, "no_answer"}, {7, "fully"},
                                                              {8, "fully"}, {9, "not_at_all"}};
    for (const auto& [organisation, code] : degrees)
        data.readiness_answers.push_back({organisation, "bcp.day_of_degree", code});
    const std::vector<std::array<std::string, 3>> electricity = {{"very_well", "well", "well"},
                                                                 {"well", "not_well", "hardly"},
                                                                 {"very_well", "very_well", "no_answer"},
                                                                 {"hardly", "", "hardly"},
                                                                 {"well", "well", "not_well"}};
    std::int64_t chosen_id = 1;
    for (int i = 0; i < 5; ++i) data.chosen_objectives.push_back({chosen_id++, i + 1, 1, 0, "", electricity[i]});
    for (int i = 7; i <= 9; ++i) data.chosen_objectives.push_back({chosen_id++, i, 1, 0, "", {"well", "well", "well"}});
    data.chosen_objectives.push_back({chosen_id++, 1, 10, 1, "自社独自の検証", {"well", "well", "well"}});
    data.action_record_respondents = 8;
    data.selected_issues = {{1, 1, 1, "連絡網の更新が必要<script>alert(1)</script>"}, {2, 7, 1, "判断基準があいまい"}};
    SurveyData survey;
    survey.code = "feedback_session";
    survey.title = {"意見交換会アンケート", "Feedback-session survey"};
    survey.responses = 79;
    SurveyQuestionData meaningful{"meaningful",
                                  "likert",
                                  {"有意義であったか。", "Was it meaningful?"},
                                  {{"meaningful", {"有意義", "Meaningful"}},
                                   {"neutral", {"どちらでもない", "Neither"}},
                                   {"not_meaningful", {"有意義でなかった", "Not meaningful"}}},
                                  {},
                                  {}};
    for (int i = 0; i < 71; ++i) meaningful.values.push_back("\"meaningful\"");
    for (int i = 0; i < 6; ++i) meaningful.values.push_back("\"neutral\"");
    for (int i = 0; i < 2; ++i) meaningful.values.push_back("\"not_meaningful\"");
    meaningful.sectors.assign(meaningful.values.size(), "finance");
    meaningful.sectors[0] = "electricity";
    survey.responses_by_sector = {{"finance", 78}, {"electricity", 1}};
    survey.questions.push_back(meaningful);
    survey.questions.push_back(
        {"reason", "free_text", {"その理由", "Why"}, {}, {"\"他組織の対策を知ることができた\""}, {"finance"}});
    data.surveys["feedback_session"] = survey;
    data.sessions.push_back(
        {"feedback", {"意見交換会1", "Session 1"}, "2023-12-14T14:00", "2023-12-14T16:30", "web", {}, {}, 20, 70});
    data.opinion_kinds.push_back({"manual_gaps", {"マニュアル等の不備", "Gaps in manuals"}, {"ランサムの手順が無い"}});
    data.response_times = {
        {1, "i1", 60000000, 300000000}, {2, "i1", 120000000, std::nullopt}, {7, "i1", 240000000, 600000000}};
    data.released_injects = 1;
    data.organisation_issues = {{1, 1, 1, "連絡網の更新が必要<script>alert(1)</script>"}};
    // World: statements by 1 (2, first after 10 min) and 7 (1, after 20 min); the seed's
    // inquiry counts (IPA 261, JPCERT/CC 258, NPA 352).
    WorldActivity world;
    // Inquiries: 1 sent 2 (replied after 3 and 5 min), 7 sent 1 (after 9 min).
    world.by_organisation[1] = {2, 10.0, 30.0, 2, {180000000, 300000000}};
    world.by_organisation[2] = {0, std::nullopt, std::nullopt, 0, {}};
    world.by_organisation[7] = {1, 20.0, std::nullopt, 1, {540000000}};
    world.inquiries_per_desk = {
        {"ipa", {"IPA", "IPA"}, 261}, {"jpcert", {"JPCERT/CC", "JPCERT/CC"}, 258}, {"npa", {"警察庁", "NPA"}, 352}};
    world.inquiries = 871;
    world.inquiries_replied = 800;
    world.median_minutes_to_reply = 4.5;
    world.organisations_reported = 1;
    world.organisations_total = 10;
    data.world = world;
    return data;
}

// FY2022: roles_defined organised for 101..105, not_organised for 106..110: 5/10 = 50.0 %.
// Objective 1: 101..104 with ③ well, well, hardly, hardly: ③ could 2/4 = 50.0 %.
inline ExerciseData FixturePast() {
    ExerciseData data;
    data.exercise = ExerciseInfo{1, 2022, {"2022年度 分野横断的演習", "FY2022 cross-sector exercise"}, ""};
    for (int i = 1; i <= 6; ++i) data.organisations.push_back(Organisation(100 + i, i, "electricity", "meti"));
    for (int i = 7; i <= 10; ++i) data.organisations.push_back(Organisation(100 + i, i, "finance", "fsa"));
    for (int i = 1; i <= 10; ++i) {
        data.readiness_answers.push_back({100 + i, "governance.roles_defined", i <= 5 ? "organised" : "not_organised"});
    }
    const std::vector<std::string> third = {"well", "well", "hardly", "hardly"};
    for (int i = 0; i < 4; ++i)
        data.chosen_objectives.push_back({50 + i, 101 + i, 1, 0, "", {"well", "well", third[i]}});
    return data;
}

}  // namespace enshu::report::testing
