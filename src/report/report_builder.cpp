// The national and ministry report: the sections of the 2023 results report
// (docs/report.md "Sections"), each figure with its denominator.

#include "report/report_builder.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/report_rounding.hpp"
#include "report/report_blocks.hpp"
#include "report/report_figures.hpp"
#include "report/report_texts.hpp"

namespace enshu::report {
namespace {

// Free-text answers listed per survey question at most (the rest is counted).
constexpr std::size_t kMaxFreeTextShown = 20;

class ExerciseReportBuilder {
  public:
    ExerciseReportBuilder(const ReportInput& input, const ReportOptions& options)
        : input_(input), options_(options), language_(options.language), current_(input.current) {
        for (const ExerciseData* past : input.past) past_.emplace_back(*past);
        if (options.scope.kind == ScopeKind::kMinistry) {
            const std::string ministry = options.scope.ministry_code;
            scope_ = [ministry](const OrganisationInfo& organisation) {
                return organisation.ministry_code == ministry;
            };
        } else {
            scope_ = Everyone;
        }
        for (const SectorInfo& sector : input.reference.sectors) {
            if (options.scope.kind != ScopeKind::kMinistry || sector.ministry_code == options.scope.ministry_code) {
                sectors_.push_back(&sector);
            }
        }
    }

    Document Build() {
        Document document;
        document.language = language_;
        document.title = Fill(Text("title", language_), {current_.data().exercise.title.In(language_)});
        document.subtitle = ScopeLabel();
        document.generated_at = options_.generated_at;
        document.sections.push_back(Overview());
        document.sections.push_back(Readiness());
        document.sections.push_back(Objectives());
        document.sections.push_back(Roundtable());
        document.sections.push_back(Feedback());
        document.sections.push_back(Notes());
        return document;
    }

  private:
    std::string T(std::string_view key) const { return Text(key, language_); }
    bool Restricted() const { return options_.scope.kind == ScopeKind::kMinistry; }

    // Restricted scopes suppress every figure with fewer organisations behind it than the minimum.
    Cell ScopedPercent(std::optional<std::int64_t> per_mille, std::int64_t denominator) const {
        if (Restricted() && IsSuppressed(denominator, options_.minimum_group)) return Cell::Suppressed();
        return Cell::Percent(per_mille);
    }
    Cell SectorPercent(std::optional<std::int64_t> per_mille, std::int64_t denominator) const {
        if (IsSuppressed(denominator, options_.minimum_group)) return Cell::Suppressed();
        return Cell::Percent(per_mille);
    }

    std::string ScopeLabel() const {
        if (!Restricted()) return current_.data().exercise.title.In(language_) + " / " + T("scope.national");
        for (const MinistryInfo& ministry : input_.reference.ministries) {
            if (ministry.code == options_.scope.ministry_code) {
                return current_.data().exercise.title.In(language_) + " / " +
                       Fill(T("scope.ministry"), {ministry.name.In(language_)});
            }
        }
        return current_.data().exercise.title.In(language_);
    }

    std::string ObjectiveTitle(int id) const {
        const ObjectiveInfo* objective = input_.reference.Objective(id);
        return objective ? objective->title.In(language_) : std::to_string(id);
    }

    std::vector<std::string> YearLabels() const {
        std::vector<std::string> labels;
        for (const IndexedExercise& past : past_)
            labels.push_back(FiscalYearLabel(past.data().exercise.fiscal_year, language_));
        labels.push_back(FiscalYearLabel(current_.data().exercise.fiscal_year, language_));
        return labels;
    }

    std::vector<const IndexedExercise*> Years() const {
        std::vector<const IndexedExercise*> years;
        for (const IndexedExercise& past : past_) years.push_back(&past);
        years.push_back(&current_);
        return years;
    }

    // --- 1. Overview -------------------------------------------------------------------

    Section Overview() const {
        Section section{"overview", T("section.overview"), {}};
        const ExerciseData& data = current_.data();
        section.blocks.push_back(Paragraph(T("overview.purpose")));
        section.blocks.push_back(
            Paragraph(data.exercise.description.empty() ? T("overview.no_purpose") : data.exercise.description));
        section.blocks.push_back(Paragraph(T("overview.scenario")));
        if (data.scenario_title) {
            section.blocks.push_back(Paragraph(data.scenario_title->In(language_)));
            if (data.scenario_summary) section.blocks.push_back(Paragraph(data.scenario_summary->In(language_)));
        } else {
            section.blocks.push_back(Paragraph(T("overview.no_scenario")));
        }
        section.blocks.push_back(Paragraph(T("overview.participants")));
        std::int64_t organisations = 0;
        std::int64_t people = 0;
        std::map<std::string, std::pair<std::int64_t, std::int64_t>> by_mode;
        std::map<std::string, std::pair<std::int64_t, std::int64_t>> by_sector;
        for (const OrganisationInfo& organisation : data.organisations) {
            if (!scope_(organisation)) continue;
            ++organisations;
            people += organisation.people;
            by_mode[organisation.participation_mode].first += 1;
            by_mode[organisation.participation_mode].second += organisation.people;
            by_sector[organisation.sector_code].first += 1;
            by_sector[organisation.sector_code].second += organisation.people;
        }
        section.blocks.push_back(
            Paragraph(Fill(T("overview.participants_total"), {FormatCount(organisations), FormatCount(people)})));
        Table modes{"participants_by_mode",
                    T("table.participants_by_mode"),
                    {T("column.mode"), T("column.organisations"), T("column.people")},
                    {},
                    {}};
        for (const char* mode : {"venue", "online", "simulated"}) {
            const auto counts = by_mode[mode];
            modes.rows.push_back(
                {Cell::Text(T(std::string("mode.") + mode)), Cell::Count(counts.first), Cell::Count(counts.second)});
        }
        modes.rows.push_back({Cell::Text(T("mode.total"), true), Cell::Count(organisations), Cell::Count(people)});
        section.blocks.push_back(TableBlock(std::move(modes)));
        Table sectors{"participants_by_sector",
                      T("table.participants_by_sector"),
                      {T("column.sector"), T("column.organisations"), T("column.people")},
                      {},
                      {}};
        for (const SectorInfo* sector : sectors_) {
            const auto counts = by_sector[sector->code];
            sectors.rows.push_back(
                {Cell::Text(sector->name.In(language_)), Cell::Count(counts.first), Cell::Count(counts.second)});
        }
        section.blocks.push_back(TableBlock(std::move(sectors)));
        section.blocks.push_back(Paragraph(T("overview.cycle")));
        Table cycle{"cycle",
                    T("table.cycle"),
                    {T("column.phase"), T("column.starts"), T("column.ends"), T("column.note")},
                    {},
                    {}};
        for (const PhaseInfo& phase : data.phases) {
            cycle.rows.push_back({Cell::Text(T("phase." + phase.kind)), Cell::Text(phase.starts_at),
                                  Cell::Text(phase.ends_at), Cell::Text(phase.note)});
        }
        section.blocks.push_back(TableBlock(std::move(cycle)));
        section.blocks.push_back(Paragraph(T("overview.activity")));
        section.blocks.push_back(TableBlock(ActivityTable(organisations)));
        if (data.world) {
            WorldBlocks(*data.world, section);
        } else {
            section.blocks.push_back(Paragraph(T("activity.world_missing")));
        }
        return section;
    }

    static std::optional<std::int64_t> MinutesToMicroseconds(const std::optional<double>& minutes) {
        if (!minutes) return std::nullopt;
        return static_cast<std::int64_t>(*minutes * 60'000'000.0 + 0.5);
    }

    // Statements by mode (scoped), inquiries per desk (national) or per sector (ministry),
    // reports per recipient (national), and the times of the world desks.
    void WorldBlocks(const WorldActivity& world, Section& section) const {
        const ExerciseData& data = current_.data();
        Table statements{"activity_statements",
                         T("table.activity_statements"),
                         {T("column.mode"), T("column.posted"), T("column.organisations"), T("column.share")},
                         {},
                         {}};
        std::vector<std::int64_t> statement_minutes;
        std::int64_t posted_all = 0;
        std::int64_t total_all = 0;
        for (const char* mode : {"venue", "online", "simulated"}) {
            std::int64_t posted = 0;
            std::int64_t total = 0;
            for (const OrganisationInfo& organisation : data.organisations) {
                if (!scope_(organisation) || organisation.participation_mode != mode) continue;
                ++total;
                auto own = world.by_organisation.find(organisation.id);
                if (own == world.by_organisation.end()) continue;
                if (own->second.statements > 0) ++posted;
                if (auto us = MinutesToMicroseconds(own->second.minutes_to_first_statement))
                    statement_minutes.push_back(*us);
            }
            posted_all += posted;
            total_all += total;
            statements.rows.push_back({Cell::Text(T(std::string("mode.") + mode)), Cell::Count(posted),
                                       Cell::Count(total), ScopedPercent(PerMille(posted, total), total)});
        }
        statements.rows.push_back({Cell::Text(T("mode.total"), true), Cell::Count(posted_all), Cell::Count(total_all),
                                   ScopedPercent(PerMille(posted_all, total_all), total_all)});
        section.blocks.push_back(TableBlock(std::move(statements)));

        Table inquiries{
            "activity_inquiries", T("table.activity_inquiries"), {T("column.desk"), T("column.inquiries")}, {}, {}};
        if (Restricted()) {
            inquiries.id = "activity_inquiries_by_sector";
            inquiries.title = T("table.activity_inquiries_by_sector");
            inquiries.header[0] = T("column.sector");
            for (const SectorInfo* sector : sectors_) {
                std::int64_t count = 0;
                for (const LabelledCount& row : world.inquiries_per_sector) {
                    if (row.key == sector->code) count = row.count;
                }
                inquiries.rows.push_back({Cell::Text(sector->name.In(language_)), Cell::Count(count)});
            }
        } else {
            for (const LabelledCount& row : world.inquiries_per_desk) {
                inquiries.rows.push_back({Cell::Text(row.label.In(language_)), Cell::Count(row.count)});
            }
        }
        section.blocks.push_back(TableBlock(std::move(inquiries)));

        std::vector<std::int64_t> report_minutes;
        for (const OrganisationInfo& organisation : data.organisations) {
            if (!scope_(organisation)) continue;
            auto own = world.by_organisation.find(organisation.id);
            if (own == world.by_organisation.end()) continue;
            if (auto us = MinutesToMicroseconds(own->second.minutes_to_first_report)) report_minutes.push_back(*us);
        }
        Table times{"activity_world_times",
                    T("table.activity"),
                    {T("column.measure"), T("column.value"), T("column.basis")},
                    {},
                    {}};
        const DurationSummary statement_summary = SummariseDurations(statement_minutes);
        const DurationSummary report_summary = SummariseDurations(report_minutes);
        times.rows.push_back(
            {Cell::Text(T("activity.median_first_statement")),
             Cell::Text(FormatDuration(statement_summary.median_us, language_)),
             Cell::Text(Fill(T("activity.basis_organisations"), {FormatCount(statement_summary.count)}))});
        times.rows.push_back(
            {Cell::Text(T("activity.median_first_report")),
             Cell::Text(FormatDuration(report_summary.median_us, language_)),
             Cell::Text(Fill(T("activity.basis_organisations"), {FormatCount(report_summary.count)}))});
        if (!Restricted()) {
            const std::string replied =
                Fill(T("activity.basis_replied"), {FormatCount(world.inquiries), FormatCount(world.inquiries_replied)});
            times.rows.push_back(
                {Cell::Text(T("activity.median_first_reply")),
                 Cell::Text(FormatDuration(MinutesToMicroseconds(world.median_minutes_to_reply), language_)),
                 Cell::Text(replied)});
            times.rows.push_back(
                {Cell::Text(T("activity.p90_first_reply")),
                 Cell::Text(FormatDuration(MinutesToMicroseconds(world.p90_minutes_to_reply), language_)),
                 Cell::Text(replied)});
            times.rows.push_back(
                {Cell::Text(T("activity.reporting_organisations")), Cell::Count(world.organisations_reported),
                 Cell::Text(Fill(T("activity.basis_organisations"), {FormatCount(world.organisations_total)}))});
            Table reports{
                "activity_reports", T("table.activity_reports"), {T("column.recipient"), T("column.reports")}, {}, {}};
            for (const LabelledCount& row : world.reports_per_recipient) {
                reports.rows.push_back({Cell::Text(row.label.In(language_)), Cell::Count(row.count)});
            }
            section.blocks.push_back(TableBlock(std::move(reports)));
        }
        section.blocks.push_back(TableBlock(std::move(times)));
    }

    Table ActivityTable(std::int64_t organisations_in_scope) const {
        const ExerciseData& data = current_.data();
        std::vector<std::int64_t> acknowledge;
        std::vector<std::int64_t> first_action;
        std::set<std::int64_t> acknowledging;
        for (const ResponseTimeRow& time : data.response_times) {
            const OrganisationInfo* organisation = current_.Organisation(time.organisation_id);
            if (!organisation || !scope_(*organisation)) continue;
            if (time.acknowledge_us) {
                acknowledge.push_back(*time.acknowledge_us);
                acknowledging.insert(time.organisation_id);
            }
            if (time.first_action_us) first_action.push_back(*time.first_action_us);
        }
        const DurationSummary acknowledged = SummariseDurations(acknowledge);
        const DurationSummary acted = SummariseDurations(first_action);
        Table table{
            "activity", T("table.activity"), {T("column.measure"), T("column.value"), T("column.basis")}, {}, {}};
        table.rows.push_back({Cell::Text(T("activity.released_injects")), Cell::Count(data.released_injects),
                              Cell::Text(T("activity.basis_injects"))});
        table.rows.push_back(
            {Cell::Text(T("activity.acknowledging_organisations")),
             Cell::Count(static_cast<std::int64_t>(acknowledging.size())),
             Cell::Text(Fill(T("activity.basis_organisations"), {FormatCount(organisations_in_scope)}))});
        table.rows.push_back({Cell::Text(T("activity.median_acknowledge")),
                              Cell::Text(FormatDuration(acknowledged.median_us, language_)),
                              Cell::Text(Fill(T("activity.basis_pairs"), {FormatCount(acknowledged.count)}))});
        table.rows.push_back({Cell::Text(T("activity.p90_acknowledge")),
                              Cell::Text(FormatDuration(acknowledged.p90_us, language_)),
                              Cell::Text(Fill(T("activity.basis_pairs"), {FormatCount(acknowledged.count)}))});
        table.rows.push_back({Cell::Text(T("activity.median_first_action")),
                              Cell::Text(FormatDuration(acted.median_us, language_)),
                              Cell::Text(Fill(T("activity.basis_pairs"), {FormatCount(acted.count)}))});
        return table;
    }

    // --- 2-1. Readiness ------------------------------------------------------------------

    Section Readiness() const {
        Section section{"readiness", T("section.readiness"), {}};
        const auto years = Years();
        Table table{
            "readiness", T("table.readiness"), {T("column.number"), T("column.item"), T("column.status")}, {}, {}};
        for (const std::string& label : YearLabels()) table.header.push_back(label);
        if (!past_.empty()) table.header.push_back(T("column.change"));
        table.header.push_back(T("column.respondents"));
        std::string area;
        int area_number = 0;
        for (const ReadinessItemInfo& item : input_.reference.readiness_items) {
            if (item.area_code != area) {
                area = item.area_code;
                ++area_number;
                std::vector<Cell> heading(table.header.size(), Cell::Text(""));
                heading[0] = Cell::Text(std::to_string(area_number), true);
                heading[1] = Cell::Text(item.area.In(language_), true);
                table.rows.push_back(std::move(heading));
            }
            std::vector<Cell> row;
            row.push_back(Cell::Text(""));
            row.push_back(Cell::Text(item.text.In(language_) + (item.timing == "day_of" ? T("day_of_suffix") : "")));
            row.push_back(Cell::Text(item.yes_label.In(language_)));
            std::vector<std::optional<std::int64_t>> shown;
            std::int64_t current_denominator = 0;
            for (const IndexedExercise* year : years) {
                const ReadinessFigure figure = year->Readiness(input_.reference, item, scope_);
                Cell cell = ScopedPercent(figure.per_mille, figure.denominator);
                shown.push_back(cell.suppressed ? std::nullopt : figure.per_mille);
                row.push_back(std::move(cell));
                current_denominator = figure.denominator;
            }
            if (!past_.empty()) row.push_back(Cell::PointChange(shown[shown.size() - 1], shown[shown.size() - 2]));
            row.push_back(Cell::Count(current_denominator));
            table.rows.push_back(std::move(row));
        }
        table.notes.push_back(T("note.readiness_denominator"));
        table.notes.push_back(Fill(T("note.respondents_column"), {YearLabels().back()}));
        if (!past_.empty()) table.notes.push_back(T("note.years"));
        if (Restricted()) table.notes.push_back(Fill(T("note.suppression"), {std::to_string(options_.minimum_group)}));
        section.blocks.push_back(TableBlock(std::move(table)));
        section.blocks.push_back(TableBlock(ReadinessBySector()));
        return section;
    }

    Table ReadinessBySector() const {
        Table table{"readiness_by_sector",
                    Fill(T("table.readiness_by_sector"), {YearLabels().back()}),
                    {T("column.item")},
                    {},
                    {}};
        for (const SectorInfo* sector : sectors_) table.header.push_back(sector->name.In(language_));
        for (const ReadinessItemInfo& item : input_.reference.readiness_items) {
            std::vector<Cell> row{
                Cell::Text(item.text.In(language_) + (item.timing == "day_of" ? T("day_of_suffix") : ""))};
            for (const SectorInfo* sector : sectors_) {
                const std::string code = sector->code;
                const ReadinessFigure figure = current_.Readiness(
                    input_.reference, item,
                    [&](const OrganisationInfo& organisation) { return organisation.sector_code == code; });
                row.push_back(SectorPercent(figure.per_mille, figure.denominator));
            }
            table.rows.push_back(std::move(row));
        }
        table.notes.push_back(Fill(T("note.suppression"), {std::to_string(options_.minimum_group)}));
        return table;
    }

    // --- 2-2. Objectives -----------------------------------------------------------------

    Section Objectives() const {
        Section section{"objectives", T("section.objectives"), {}};
        Table list{"objectives_list",
                   T("table.objectives_list"),
                   {T("column.number"), T("column.objective"), T("column.action_plan")},
                   {},
                   {}};
        for (const ObjectiveInfo& objective : input_.reference.objectives) {
            list.rows.push_back({Cell::Text(CircledNumber(objective.id)), Cell::Text(objective.title.In(language_)),
                                 Cell::Text(objective.action_plan_item.empty() ? "-" : objective.action_plan_item)});
        }
        section.blocks.push_back(TableBlock(std::move(list)));

        const std::vector<ObjectiveFigure> figures = current_.Objectives(input_.reference, scope_);
        const std::int64_t respondents = current_.ActionRecordOrganisations(scope_);
        const bool scope_suppressed = Restricted() && IsSuppressed(respondents, options_.minimum_group);
        const ObjectiveFindings findings =
            scope_suppressed ? ObjectiveFindings{} : FindObjectiveFindings(figures, options_.minimum_group);
        section.blocks.push_back(List(Statements(findings)));
        section.blocks.push_back(Paragraph(Fill(T("objectives.respondents"), {FormatCount(respondents)})));
        section.blocks.push_back(Paragraph(T("objectives.counting")));

        Table settings{"objectives_settings",
                       T("table.objectives_settings"),
                       {T("column.objective"), T("column.setting"), T("column.could"), T("column.could_not"),
                        T("column.no_answer"), T("column.respondents")},
                       {},
                       {}};
        BarChart chart{"objectives_could", T("chart.objectives_could"), {}, {}};
        for (int setting = 1; setting <= kSettings; ++setting) {
            chart.series.push_back(BarSeries{T("setting." + std::to_string(setting)), {}});
        }
        for (const ObjectiveFigure& figure : figures) {
            const std::string label = CircledNumber(figure.objective_id) + " " + ObjectiveTitle(figure.objective_id);
            chart.categories.push_back(CircledNumber(figure.objective_id));
            for (int setting = 0; setting < kSettings; ++setting) {
                const bool hidden = Restricted() && IsSuppressed(figure.respondents, options_.minimum_group);
                settings.rows.push_back({Cell::Text(setting == 0 ? label : ""),
                                         Cell::Text(T("setting." + std::to_string(setting + 1))),
                                         ScopedPercent(figure.CouldPerMille(setting), figure.respondents),
                                         ScopedPercent(figure.CouldNotPerMille(setting), figure.respondents),
                                         ScopedPercent(figure.NoAnswerPerMille(setting), figure.respondents),
                                         Cell::Count(figure.respondents)});
                chart.series[setting].values.push_back(hidden ? std::nullopt : figure.CouldPerMille(setting));
            }
        }
        settings.notes.push_back(T("objectives.counting"));
        settings.notes.push_back(T("note.rounding"));
        if (Restricted())
            settings.notes.push_back(Fill(T("note.suppression"), {std::to_string(options_.minimum_group)}));
        section.blocks.push_back(ChartBlock(std::move(chart)));
        section.blocks.push_back(TableBlock(std::move(settings)));
        section.blocks.push_back(TableBlock(ObjectiveYears()));
        section.blocks.push_back(TableBlock(ObjectivesBySector()));
        section.blocks.push_back(RepresentativeIssues());
        return section;
    }

    std::vector<std::string> Statements(const ObjectiveFindings& findings) const {
        if (findings.lowest.empty()) return {T("objectives.no_statements")};
        const auto numbers_and_titles = [&](const std::vector<int>& ids) {
            std::string numbers;
            std::string titles;
            for (int id : ids) {
                numbers += (numbers.empty() ? "" : ",") + std::to_string(id);
                titles += (titles.empty() ? "" : (language_ == "en" ? "; " : "、")) + ObjectiveTitle(id);
            }
            return std::pair{numbers, titles};
        };
        std::vector<std::string> statements;
        for (auto [key, ids] : {std::pair{"objectives.statement_lowest", &findings.lowest},
                                std::pair{"objectives.statement_smallest_drop", &findings.smallest_drop},
                                std::pair{"objectives.statement_largest_drop", &findings.largest_drop}}) {
            auto [numbers, titles] = numbers_and_titles(*ids);
            statements.push_back(Fill(T(key), {numbers, titles}));
        }
        return statements;
    }

    Table ObjectiveYears() const {
        Table table{"objectives_years", T("table.objectives_years"), {T("column.objective")}, {}, {}};
        for (const std::string& label : YearLabels()) table.header.push_back(label);
        if (!past_.empty()) table.header.push_back(T("column.change"));
        table.header.push_back(T("column.respondents"));
        std::vector<std::vector<ObjectiveFigure>> by_year;
        for (const IndexedExercise* year : Years()) by_year.push_back(year->Objectives(input_.reference, scope_));
        for (std::size_t index = 0; index < input_.reference.objectives.size(); ++index) {
            const int id = input_.reference.objectives[index].id;
            std::vector<Cell> row{Cell::Text(CircledNumber(id) + " " + ObjectiveTitle(id))};
            std::vector<std::optional<std::int64_t>> shown;
            for (const auto& figures : by_year) {
                const ObjectiveFigure& figure = figures[index];
                Cell cell = ScopedPercent(figure.CouldPerMille(2), figure.respondents);
                shown.push_back(cell.suppressed ? std::nullopt : figure.CouldPerMille(2));
                row.push_back(std::move(cell));
            }
            if (!past_.empty()) row.push_back(Cell::PointChange(shown[shown.size() - 1], shown[shown.size() - 2]));
            row.push_back(Cell::Count(by_year.back()[index].respondents));
            table.rows.push_back(std::move(row));
        }
        if (!past_.empty()) table.notes.push_back(T("note.years"));
        return table;
    }

    Table ObjectivesBySector() const {
        Table table{"objectives_by_sector", T("table.objectives_by_sector"), {T("column.objective")}, {}, {}};
        std::vector<std::vector<ObjectiveFigure>> by_sector;
        for (const SectorInfo* sector : sectors_) {
            table.header.push_back(sector->name.In(language_));
            const std::string code = sector->code;
            by_sector.push_back(current_.Objectives(input_.reference, [&](const OrganisationInfo& organisation) {
                return organisation.sector_code == code;
            }));
        }
        for (std::size_t index = 0; index < input_.reference.objectives.size(); ++index) {
            const int id = input_.reference.objectives[index].id;
            std::vector<Cell> row{Cell::Text(CircledNumber(id) + " " + ObjectiveTitle(id))};
            for (const auto& figures : by_sector) {
                row.push_back(SectorPercent(figures[index].CouldPerMille(2), figures[index].respondents));
            }
            table.rows.push_back(std::move(row));
        }
        table.notes.push_back(Fill(T("note.suppression"), {std::to_string(options_.minimum_group)}));
        return table;
    }

    Block RepresentativeIssues() const {
        const ExerciseData& data = current_.data();
        std::vector<const IssueRow*> shown;
        for (const IssueRow& issue : data.selected_issues) {
            const OrganisationInfo* organisation = current_.Organisation(issue.organisation_id);
            if (organisation && scope_(*organisation)) shown.push_back(&issue);
        }
        if (shown.empty()) return Paragraph(T("objectives.no_issues"));
        Table table{"representative_issues",
                    T("table.representative_issues"),
                    {T("column.number"), T("column.objective"), T("column.issue")},
                    {},
                    {}};
        int previous = 0;
        for (const IssueRow* issue : shown) {
            const bool first = issue->objective_id != previous;
            previous = issue->objective_id;
            table.rows.push_back({Cell::Text(first ? CircledNumber(issue->objective_id) : ""),
                                  Cell::Text(first ? ObjectiveTitle(issue->objective_id) : ""),
                                  Cell::Text(issue->text)});
        }
        return TableBlock(std::move(table));
    }

    // --- 2-3 and 3. Roundtable and feedback sessions -------------------------------------

    std::vector<Block> SurveyBlocks(const std::string& code, const std::string& table_id,
                                    const std::string& title) const {
        std::vector<Block> blocks;
        auto found = current_.data().surveys.find(code);
        if (found == current_.data().surveys.end() || found->second.responses == 0) {
            blocks.push_back(Paragraph(T("survey.none")));
            return blocks;
        }
        const SurveyData& survey = found->second;
        // A ministry's report counts the responses of its sectors only (anonymous responses keep their sector).
        std::int64_t responses = survey.responses;
        if (Restricted()) {
            responses = 0;
            for (const SectorInfo* sector : sectors_) {
                auto count = survey.responses_by_sector.find(sector->code);
                if (count != survey.responses_by_sector.end()) responses += count->second;
            }
            if (IsSuppressed(responses, options_.minimum_group)) {
                blocks.push_back(Paragraph(Fill(T("survey.suppressed"), {std::to_string(options_.minimum_group)})));
                return blocks;
            }
        }
        const auto in_scope = [&](const SurveyQuestionData& question) {
            std::vector<std::string> values;
            for (std::size_t index = 0; index < question.values.size(); ++index) {
                const bool sector_in_scope =
                    !Restricted() || std::any_of(sectors_.begin(), sectors_.end(), [&](const SectorInfo* sector) {
                        return index < question.sectors.size() && sector->code == question.sectors[index];
                    });
                if (sector_in_scope) values.push_back(question.values[index]);
            }
            return values;
        };
        Table table{table_id,
                    title,
                    {T("column.number"), T("column.question"), T("column.answer"), T("column.count"), T("column.share"),
                     T("column.basis")},
                    {},
                    {}};
        int number = 0;
        for (const SurveyQuestionData& question : survey.questions) {
            ++number;
            if (question.kind == "free_text") {
                std::vector<std::string> texts;
                for (const std::string& value : in_scope(question)) {
                    auto json = nlohmann::json::parse(value, nullptr, false);
                    if (json.is_string() && !json.get<std::string>().empty()) texts.push_back(json.get<std::string>());
                }
                if (texts.empty()) continue;
                const std::size_t total = texts.size();
                blocks.push_back(
                    Paragraph(Fill(T("survey.free_text"),
                                   {question.text.In(language_), FormatCount(static_cast<std::int64_t>(total))})));
                if (texts.size() > kMaxFreeTextShown) {
                    texts.resize(kMaxFreeTextShown);
                    texts.push_back(Fill(T("survey.free_text_more"),
                                         {FormatCount(static_cast<std::int64_t>(total - kMaxFreeTextShown))}));
                }
                blocks.push_back(List(std::move(texts)));
                continue;
            }
            if (question.kind == "number") continue;
            std::vector<std::string> codes;
            for (const OptionLabel& option : question.options) codes.push_back(option.code);
            const ChoiceFigure figure = AggregateChoice(codes, in_scope(question));
            for (std::size_t index = 0; index < figure.options.size(); ++index) {
                table.rows.push_back({Cell::Text(index == 0 ? std::to_string(number) : ""),
                                      Cell::Text(index == 0 ? question.text.In(language_) : ""),
                                      Cell::Text(question.options[index].label.In(language_)),
                                      Cell::Count(figure.options[index].count),
                                      Cell::Percent(figure.options[index].per_mille), Cell::Count(figure.respondents)});
            }
        }
        table.notes.push_back(Fill(T("survey.basis"), {FormatCount(responses)}));
        table.notes.push_back(T("note.rounding"));
        blocks.insert(blocks.begin(), TableBlock(std::move(table)));
        return blocks;
    }

    Section Roundtable() const {
        Section section{"roundtable", T("section.roundtable"), {}};
        Table sessions{
            "roundtable_sessions",
            T("table.roundtable_sessions"),
            {T("column.date"), T("column.themes"), T("column.experts"), T("column.organisations"), T("column.people")},
            {},
            {}};
        for (const ForumSessionData& session : current_.data().sessions) {
            if (session.kind != "roundtable") continue;
            std::string themes;
            for (const std::string& theme : session.themes) themes += (themes.empty() ? "" : " / ") + theme;
            sessions.rows.push_back({Cell::Text(session.starts_at + " – " + session.ends_at), Cell::Text(themes),
                                     Cell::Count(static_cast<std::int64_t>(session.experts.size())),
                                     Cell::Count(session.attending_organisations),
                                     Cell::Count(session.attending_people)});
        }
        if (sessions.rows.empty()) {
            section.blocks.push_back(Paragraph(T("roundtable.none")));
        } else {
            section.blocks.push_back(TableBlock(std::move(sessions)));
        }
        Table said{
            "roundtable_opinions", T("table.roundtable_opinions"), {T("column.kind"), T("column.opinion")}, {}, {}};
        for (const OpinionKindData& kind : current_.data().roundtable_opinion_kinds) {
            bool first = true;
            for (const std::string& opinion : kind.opinions) {
                said.rows.push_back({Cell::Text(first ? kind.label.In(language_) : ""), Cell::Text(opinion)});
                first = false;
            }
        }
        if (!said.rows.empty()) section.blocks.push_back(TableBlock(std::move(said)));
        for (Block& block : SurveyBlocks("roundtable", "roundtable_survey", T("table.roundtable_survey"))) {
            section.blocks.push_back(std::move(block));
        }
        return section;
    }

    Section Feedback() const {
        Section section{"feedback", T("section.feedback"), {}};
        Table sessions{"feedback_sessions",
                       T("table.feedback_sessions"),
                       {T("column.date"), T("column.format"), T("column.organisations"), T("column.people")},
                       {},
                       {}};
        std::int64_t organisations = 0;
        std::int64_t people = 0;
        for (const ForumSessionData& session : current_.data().sessions) {
            if (session.kind != "feedback") continue;
            sessions.rows.push_back(
                {Cell::Text(session.starts_at + " – " + session.ends_at), Cell::Text(T("format." + session.format)),
                 Cell::Count(session.attending_organisations), Cell::Count(session.attending_people)});
            organisations += session.attending_organisations;
            people += session.attending_people;
        }
        if (sessions.rows.empty()) {
            section.blocks.push_back(Paragraph(T("feedback.none")));
        } else {
            const auto count = static_cast<std::int64_t>(sessions.rows.size());
            section.blocks.push_back(Paragraph(
                Fill(T("feedback.total"), {FormatCount(organisations), FormatCount(people), FormatCount(count)})));
            section.blocks.push_back(TableBlock(std::move(sessions)));
        }
        Table opinions{
            "feedback_opinions", T("table.feedback_opinions"), {T("column.kind"), T("column.opinion")}, {}, {}};
        for (const OpinionKindData& kind : current_.data().opinion_kinds) {
            bool first = true;
            for (const std::string& opinion : kind.opinions) {
                opinions.rows.push_back({Cell::Text(first ? kind.label.In(language_) : ""), Cell::Text(opinion)});
                first = false;
            }
        }
        if (!opinions.rows.empty()) section.blocks.push_back(TableBlock(std::move(opinions)));
        for (Block& block : SurveyBlocks("feedback_session", "feedback_survey", T("table.feedback_survey"))) {
            section.blocks.push_back(std::move(block));
        }
        return section;
    }

    Section Notes() const {
        Section section{"notes", T("section.notes"), {}};
        section.blocks.push_back(List({T("note.rounding"), T("note.readiness_denominator"), T("objectives.counting"),
                                       Fill(T("note.suppression"), {std::to_string(options_.minimum_group)}),
                                       T("note.years"), T("note.cross_year_organisation")}));
        return section;
    }

    const ReportInput& input_;
    const ReportOptions& options_;
    const std::string language_;
    IndexedExercise current_;
    std::vector<IndexedExercise> past_;
    OrganisationFilter scope_;
    std::vector<const SectorInfo*> sectors_;
};

}  // namespace

Document BuildExerciseReport(const ReportInput& input, const ReportOptions& options) {
    return ExerciseReportBuilder(input, options).Build();
}

}  // namespace enshu::report
