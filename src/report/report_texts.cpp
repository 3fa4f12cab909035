#include "report/report_texts.hpp"

#include <map>

namespace enshu::report {
namespace {

struct Wording {
    const char* ja;
    const char* en;
};

const std::map<std::string_view, Wording>& Catalogue() {
    static const std::map<std::string_view, Wording> catalogue = {
        {"title", {"【演習結果】{1} 実施結果", "[Exercise results] {1}: results report"}},
        {"organisation_title",
         {"【演習結果】{1} 組織別フィードバック", "[Exercise results] {1}: organisation feedback"}},
        {"scope.national", {"全体", "All organisations"}},
        {"scope.ministry", {"{1} 所管分野", "Sectors of {1}"}},
        {"section.overview", {"1. 演習概要", "1. Overview"}},
        {"section.readiness",
         {"2-1. 障害対応体制の強化の取組状況及び演習当日の結果", "2-1. Readiness and results on the day"}},
        {"section.objectives",
         {"2-2. 行動記録シートにおける検証課題の結果", "2-2. Verification objectives in the action-record sheets"}},
        {"section.roundtable", {"2-3. 演習当日の実施結果（サブコン座談会）", "2-3. Roundtable on the day"}},
        {"section.feedback", {"3. 演習事後における振り返り（意見交換会）", "3. Feedback sessions after the exercise"}},
        {"section.notes", {"集計の方法", "How the figures are computed"}},
        {"section.organisation", {"1. 組織の概要", "1. Your organisation"}},
        {"section.own_readiness", {"2. 取組状況（自組織・分野・全体）", "2. Readiness (you, your sector, everyone)"}},
        {"section.own_objectives",
         {"3. 検証課題の結果（自組織・分野・全体）", "3. Verification objectives (you, your sector, everyone)"}},
        {"section.own_activity", {"4. 演習中の対応", "4. Your activity during play"}},
        {"section.own_issues", {"5. 洗い出された課題", "5. Issues you found"}},
        {"section.own_trend", {"6. 過年度との比較", "6. Your trend across years"}},
        {"overview.purpose", {"1-1. 目的", "1-1. Purpose"}},
        {"overview.scenario", {"1-2. 演習シナリオ", "1-2. Scenario"}},
        {"overview.participants", {"1-3. 参加者", "1-3. Participants"}},
        {"overview.participants_total", {"参加数：{1}組織、{2}名", "Participants: {1} organisations, {2} people"}},
        {"overview.cycle", {"1-4. 演習全体の流れ", "1-4. The exercise cycle"}},
        {"overview.activity", {"1-5. 演習中の取組", "1-5. Activity during play"}},
        {"overview.no_scenario", {"演習シナリオは登録されていません。", "No scenario has been stored."}},
        {"overview.no_purpose", {"目的は登録されていません。", "No purpose has been entered."}},
        {"table.participants_by_mode", {"参加形態別の参加数", "Participants by mode"}},
        {"table.participants_by_sector", {"分野別の参加数", "Participants by sector"}},
        {"table.cycle", {"演習全体の流れ", "Exercise cycle"}},
        {"table.activity", {"演習中の取組", "Activity during play"}},
        {"table.readiness", {"障害対応体制の強化の取組状況及び演習当日の結果", "Readiness and results on the day"}},
        {"table.readiness_by_sector", {"分野別の取組状況（{1}）", "Readiness by sector ({1})"}},
        {"table.objectives_list", {"検証課題", "Verification objectives"}},
        {"table.objectives_settings", {"検証課題別の結果（設定①②③）", "Results per objective (settings ①②③)"}},
        {"table.objectives_years",
         {"設定③（行動）で『できた』割合の年度比較", "Share that 'could' act (setting ③) by year"}},
        {"table.objectives_by_sector",
         {"分野別：設定③（行動）で『できた』割合", "By sector: share that 'could' act (③)"}},
        {"table.representative_issues", {"洗い出された課題（代表的な意見）", "Issues found (representative opinions)"}},
        {"table.roundtable_sessions", {"座談会", "Roundtable sessions"}},
        {"table.roundtable_opinions", {"発表テーマ、発言内容", "Themes and what was said"}},
        {"table.roundtable_survey", {"参加事業者からの評価（アンケート結果）", "Participants' assessment (survey)"}},
        {"table.feedback_sessions", {"意見交換会の開催", "Feedback sessions held"}},
        {"table.feedback_opinions", {"意見交換会の内容", "What was said in the feedback sessions"}},
        {"table.feedback_survey", {"参加事業者からの評価（アンケート結果）", "Participants' assessment (survey)"}},
        {"table.own_readiness", {"取組状況", "Readiness"}},
        {"table.own_objectives", {"検証課題の結果", "Verification objectives"}},
        {"table.own_activity", {"状況付与への対応時間", "Response times to injects"}},
        {"table.own_issues", {"洗い出された課題", "Issues found"}},
        {"table.own_trend_readiness", {"取組状況の推移（自組織の回答）", "Your readiness answers by year"}},
        {"table.own_trend_objectives", {"設定③（行動）の推移（自組織）", "Your setting ③ ratings by year"}},
        {"chart.objectives_could",
         {"検証課題別『できた』割合（設定①②③）", "Share that 'could' per objective (settings ①②③)"}},
        {"column.number", {"#", "#"}},
        {"column.item", {"取組内容", "Item"}},
        {"column.status", {"取組状況", "Counted as"}},
        {"column.change", {"前年度差", "Change"}},
        {"column.respondents", {"回答数", "Answers"}},
        {"column.mode", {"参加形態", "Mode"}},
        {"column.sector", {"分野", "Sector"}},
        {"column.organisations", {"組織数", "Organisations"}},
        {"column.people", {"人数", "People"}},
        {"column.phase", {"段階", "Phase"}},
        {"column.starts", {"開始", "Starts"}},
        {"column.ends", {"終了", "Ends"}},
        {"column.note", {"備考", "Note"}},
        {"column.measure", {"項目", "Measure"}},
        {"column.value", {"値", "Value"}},
        {"column.basis", {"母数", "Basis"}},
        {"column.objective", {"検証課題", "Objective"}},
        {"column.action_plan", {"重要インフラ行動計画の取組", "Action-plan item"}},
        {"column.setting", {"設定", "Setting"}},
        {"column.could", {"できた", "Could"}},
        {"column.could_not", {"できなかった", "Could not"}},
        {"column.no_answer", {"無回答", "No answer"}},
        {"column.issue", {"洗い出された課題（代表的な意見）", "Issue found (representative opinion)"}},
        {"column.question", {"設問", "Question"}},
        {"column.answer", {"回答", "Answer"}},
        {"column.count", {"件数", "Count"}},
        {"column.share", {"割合", "Share"}},
        {"column.session", {"回", "Session"}},
        {"column.date", {"日時", "Date and time"}},
        {"column.format", {"形態", "Format"}},
        {"column.themes", {"テーマ", "Themes"}},
        {"column.experts", {"有識者", "Experts"}},
        {"column.kind", {"意見の種類", "Kind of opinion"}},
        {"column.opinion", {"意見の内容", "Opinion"}},
        {"column.own", {"自組織", "You"}},
        {"column.sector_figure", {"分野", "Your sector"}},
        {"column.all_figure", {"全体", "Everyone"}},
        {"column.inject", {"状況付与", "Inject"}},
        {"column.time_to_acknowledge", {"確認までの時間", "Time to acknowledge"}},
        {"column.time_to_first_action", {"最初の対応記録までの時間", "Time to first action"}},
        {"column.all_median", {"全体の中央値", "Median of everyone"}},
        {"setting.1", {"① 手順書等の有無", "① Procedures exist"}},
        {"setting.2", {"② 参照", "② Referred to"}},
        {"setting.3", {"③ 行動", "③ Acted"}},
        {"day_of_suffix", {" (演習当日)", " (on the day)"}},
        {"mode.venue", {"集合会場", "At the venue"}},
        {"mode.online", {"自職場・テレワーク", "Online (workplace or home)"}},
        {"mode.simulated", {"疑似体験プログラム", "Simulated-experience programme"}},
        {"mode.total", {"合計", "Total"}},
        {"phase.recruitment", {"参加募集", "Recruitment"}},
        {"phase.briefing", {"事前説明動画の公開", "Briefing videos"}},
        {"phase.preparation", {"事前準備", "Preparation"}},
        {"phase.exercise_day", {"演習当日", "Exercise day"}},
        {"phase.feedback", {"意見交換会", "Feedback sessions"}},
        {"phase.report", {"実施結果のとりまとめ", "Results report"}},
        {"format.venue", {"集合会場", "Venue"}},
        {"format.web", {"WEB開催", "Web"}},
        {"format.hybrid", {"ハイブリッド", "Hybrid"}},
        {"activity.released_injects", {"配信した状況付与", "Injects released"}},
        {"activity.acknowledging_organisations", {"状況付与を確認した組織", "Organisations that acknowledged injects"}},
        {"activity.median_acknowledge", {"確認までの時間（中央値）", "Time to acknowledge (median)"}},
        {"activity.p90_acknowledge", {"確認までの時間（90パーセンタイル）", "Time to acknowledge (90th percentile)"}},
        {"activity.median_first_action", {"最初の対応記録までの時間（中央値）", "Time to first action (median)"}},
        {"activity.basis_injects", {"状況付与", "injects"}},
        {"activity.basis_organisations", {"{1}組織中", "of {1} organisations"}},
        {"activity.basis_pairs", {"{1}件（組織×状況付与）", "{1} (organisation × inject)"}},
        {"activity.world_missing",
         {"模擬環境（広報サイト・疑似ホームページ・報告）の記録は読み込まれていません。",
          "The records of the simulated world (PR site, mock homepages, reports) were not loaded."}},
        {"table.activity_statements", {"広報サイトへの公開（参加形態別）", "Statements on the PR site by mode"}},
        {"table.activity_inquiries", {"疑似ホームページへの問合せ件数", "Inquiries per mock homepage"}},
        {"table.activity_inquiries_by_sector", {"分野別の問合せ件数", "Inquiries per sector"}},
        {"table.activity_reports", {"報告先別の報告件数", "Reports per recipient"}},
        {"column.posted", {"公開した組織", "Organisations that posted"}},
        {"column.desk", {"問合せ先", "Desk"}},
        {"column.recipient", {"報告先", "Recipient"}},
        {"column.inquiries", {"問合せ件数", "Inquiries"}},
        {"column.reports", {"報告件数", "Reports"}},
        {"activity.median_first_statement",
         {"広報サイトへの最初の公開までの時間（中央値）", "Time to first statement (median)"}},
        {"activity.median_first_report", {"最初の報告までの時間（中央値）", "Time to first incident report (median)"}},
        {"activity.median_first_reply",
         {"問合せへの初回応答までの時間（中央値）", "Time to first reply to an inquiry (median)"}},
        {"activity.p90_first_reply",
         {"問合せへの初回応答までの時間（90パーセンタイル）", "Time to first reply to an inquiry (90th percentile)"}},
        {"activity.reporting_organisations", {"報告を行った組織", "Organisations that sent an incident report"}},
        {"activity.basis_replied", {"{1}件中{2}件に応答", "{2} of {1} answered"}},
        {"activity.statements", {"広報サイトに公開した文書", "Statements published on the PR site"}},
        {"activity.own_vs_all", {"自組織 / 全体の中央値", "You / median of everyone"}},
        {"objectives.respondents", {"回答組織数 = {1}", "Responding organisations = {1}"}},
        {"objectives.counting",
         {"「よく対応できた」+「対応できた」を『できた』、「あまり対応できなかった」+"
          "「ほとんど対応できなかった」を『できなかった』として集計。"
          "各検証課題の割合は、その検証課題を設定し行動記録シートを提出した組織数（回答数）に対するもの。",
          "'Very well' + 'well' are counted as 'could', 'not well' + 'hardly' as 'could not'. Each objective's "
          "shares are of the organisations that chose it and submitted their sheet (answers)."}},
        {"objectives.statement_lowest",
         {"全体的に検証課題は、手順書等の有無（設定①）、参照（設定②）、行動（設定③）ができた傾向が高いが、低い割合とな"
          "ったのは検証課題{1}（{2}）であった。",
          "Overall, procedures (setting ①), referring to them (②) and acting on them (③) were mostly achieved; the "
          "lowest shares were for objectives {1} ({2})."}},
        {"objectives.statement_smallest_drop",
         {"個々の検証課題の中で、速やかに対応が取れた（設定①→③の傾きが小さい）のは、検証課題{1}（{2}）であった。",
          "Among the objectives, organisations acted quickly (a small drop from ① to ③) on objectives {1} ({2})."}},
        {"objectives.statement_largest_drop",
         {"手順書等の有無は把握できているが、即座に参照及び行動が取れていない（設定①→③の傾きが大きい）のは、検証課題{1}"
          "（{2}）であった。",
          "Procedures exist but were not promptly referred to or acted on (a large drop from ① to ③) for "
          "objectives {1} ({2})."}},
        {"objectives.no_statements",
         {"回答数が少ないため、検証課題についての所見は示していません。",
          "Too few answers to state findings about the objectives."}},
        {"objectives.no_issues",
         {"代表的な意見はまだ選ばれていません（事務局が全件から選択します）。",
          "No representative opinions have been chosen yet (the secretariat picks them from all entries)."}},
        {"objectives.own_objective", {"独自の課題設定", "Own objective"}},
        {"roundtable.none", {"座談会の記録はありません。", "No roundtable has been recorded."}},
        {"feedback.none", {"意見交換会の記録はありません。", "No feedback session has been recorded."}},
        {"feedback.total",
         {"参加数：{1}組織 {2}名（{3}回開催）", "Participants: {1} organisations, {2} people ({3} sessions)"}},
        {"survey.none", {"アンケートの回答はありません。", "The survey has no answers."}},
        {"survey.suppressed",
         {"所管分野の回答が{1}件未満のため、アンケート結果は表示していません。",
          "Fewer than {1} responses from these sectors: the survey results are not shown."}},
        {"survey.basis", {"回答組織数：{1}", "Responses: {1}"}},
        {"survey.free_text", {"{1}（自由記述、{2}件）", "{1} (free text, {2} answers)"}},
        {"survey.free_text_more", {"ほか{1}件", "and {1} more"}},
        {"note.rounding",
         {"割合は、件数÷母数を小数第1位で四捨五入（0."
          "05は切り上げ、厳密な分数で計算）したもの。並べて示す割合の合計は100%に調整していない。",
          "Percentages are count ÷ basis rounded to one decimal, half away from zero, computed on the exact "
          "fraction. Shares shown side by side are not adjusted to sum to 100%."}},
        {"note.readiness_denominator",
         {"『整理済み』等の割合は、その項目に回答した組織（無回答を含む）に対するもの。『できた程度』は回答（無回答を除"
          "く）の平均値"
          "（十分にできた100%、おおむね75%、半分程度50%、一部25%、できなかった0%）。",
          "Shares ('defined', 'in place', ...) are of the organisations that answered the item, 'no answer' "
          "included. 'Degree achieved' is the mean of the answers (fully 100%, mostly 75%, about half 50%, "
          "partly 25%, not at all 0%), 'no answer' excluded."}},
        {"note.suppression",
         {"分野別の数値は、母数が{1}組織未満の場合「—」と表示（個々の組織が特定されないため）。",
          "Figures by sector are shown as '—' when fewer than {1} organisations stand behind them (so that no "
          "single organisation can be identified)."}},
        {"note.years",
         {"年度列は同じインストール内の各年度の演習。項目と検証課題は年度をまたいで同じ識別子で比較。「—」はその年度に"
          "該当データがないことを示す。",
          "Year columns are the exercises of this installation. Items and objectives keep the same ids across "
          "years. '—' means the year has no data for it."}},
        {"note.respondents_column", {"回答数は{1}の母数。", "Answers are the basis of {1}."}},
        {"note.cross_year_organisation",
         {"過年度の同一組織は、組織コード（external_ref）の一致で判定。",
          "An organisation is the same across years when its organisation code (external_ref) matches."}},
        {"note.own_sector_suppressed",
         {"分野の数値は、母数が{1}組織未満の場合「—」と表示。",
          "Your sector's figure is shown as '—' when fewer than {1} organisations stand behind it."}},
        {"organisation.summary", {"{1}（{2}、{3}、{4}名）", "{1} ({2}, {3}, {4} people)"}},
        {"own.no_issues", {"洗い出された課題の記録はありません。", "No issues were recorded."}},
        {"own.no_activity", {"状況付与への対応の記録はありません。", "No responses to injects were recorded."}},
        {"own.no_trend",
         {"過年度の参加記録（同じ組織コード）はありません。",
          "No earlier participation (same organisation code) was found."}},
        {"own.not_chosen", {"設定していない", "Not chosen"}},
        {"note.xlsx_percent",
         {"割合・前年度差の列は%（ポイント）単位の数値（83.5 = 83.5%）。",
          "Share and change columns are numbers in percent (points): 83.5 = 83.5%."}},
        {"own.summary_row", {"中央値", "Median"}},
    };
    return catalogue;
}

}  // namespace

std::string Text(std::string_view key, const std::string& language) {
    const auto& catalogue = Catalogue();
    auto found = catalogue.find(key);
    if (found == catalogue.end()) return std::string(key);
    return language == "en" ? found->second.en : found->second.ja;
}

bool HasText(std::string_view key) {
    auto found = Catalogue().find(key);
    return found != Catalogue().end() && found->second.ja[0] != '\0' && found->second.en[0] != '\0';
}

std::string Fill(std::string pattern, std::initializer_list<std::string> arguments) {
    int index = 1;
    for (const std::string& argument : arguments) {
        const std::string marker = "{" + std::to_string(index++) + "}";
        for (std::size_t at = pattern.find(marker); at != std::string::npos;
             at = pattern.find(marker, at + argument.size())) {
            pattern.replace(at, marker.size(), argument);
        }
    }
    return pattern;
}

std::string CircledNumber(int number) {
    static const char* const kCircled[] = {"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩"};
    if (number >= 1 && number <= 10) return kCircled[number - 1];
    return std::to_string(number);
}

std::string FiscalYearLabel(int fiscal_year, const std::string& language) {
    if (language == "en") return "FY" + std::to_string(fiscal_year);
    const int short_year = fiscal_year % 100;
    return (short_year < 10 ? "0" : "") + std::to_string(short_year) + "年度";
}

}  // namespace enshu::report
