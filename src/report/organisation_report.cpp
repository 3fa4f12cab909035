// One organisation's feedback report (docs/report.md "Organisation feedback report"):
// its answers beside its sector's and everyone's figures (the sector figure suppressed
// below the minimum group), its activity in play, its issues, and its trend across the
// years in which an organisation with the same external_ref took part.

#include <map>

#include "core/report_rounding.hpp"
#include "report/report_blocks.hpp"
#include "report/report_builder.hpp"
#include "report/report_figures.hpp"
#include "report/report_texts.hpp"

namespace enshu::report {
namespace {

class OrganisationReportBuilder {
  public:
    OrganisationReportBuilder(const ReportInput& input, const ReportOptions& options)
        : input_(input), options_(options), language_(options.language), current_(input.current) {
        for (const ExerciseData* past : input.past) past_.emplace_back(*past);
        own_ = current_.Organisation(options.scope.organisation_id);
    }

    Document Build() {
        Document document;
        document.language = language_;
        document.generated_at = options_.generated_at;
        document.title = Fill(T("organisation_title"), {current_.data().exercise.title.In(language_)});
        if (own_ == nullptr) return document;
        document.subtitle = own_->name;
        document.sections.push_back(Summary());
        document.sections.push_back(ReadinessSection());
        document.sections.push_back(ObjectivesSection());
        document.sections.push_back(ActivitySection());
        document.sections.push_back(IssuesSection());
        document.sections.push_back(TrendSection());
        return document;
    }

  private:
    std::string T(std::string_view key) const { return Text(key, language_); }

    bool InSector(const OrganisationInfo& organisation) const { return organisation.sector_code == own_->sector_code; }

    std::string SectorName() const {
        const SectorInfo* sector = input_.reference.Sector(own_->sector_code);
        return sector ? sector->name.In(language_) : own_->sector_code;
    }

    std::string ObjectiveTitle(int id) const {
        const ObjectiveInfo* objective = input_.reference.Objective(id);
        return objective ? objective->title.In(language_) : std::to_string(id);
    }

    std::string ItemText(const ReadinessItemInfo& item) const {
        return item.text.In(language_) + (item.timing == "day_of" ? T("day_of_suffix") : "");
    }

    Cell SectorCell(std::optional<std::int64_t> per_mille, std::int64_t denominator) const {
        if (IsSuppressed(denominator, options_.minimum_group)) return Cell::Suppressed();
        return Cell::Percent(per_mille);
    }

    Section Summary() const {
        Section section{"organisation", T("section.organisation"), {}};
        section.blocks.push_back(
            Paragraph(Fill(T("organisation.summary"), {own_->name, SectorName(), T("mode." + own_->participation_mode),
                                                       FormatCount(own_->people)})));
        return section;
    }

    Section ReadinessSection() const {
        Section section{"readiness", T("section.own_readiness"), {}};
        Table table{"own_readiness",
                    T("table.own_readiness"),
                    {T("column.item"), T("column.status"), T("column.own"),
                     T("column.sector_figure") + " (" + SectorName() + ")", T("column.all_figure")},
                    {},
                    {}};
        const OrganisationFilter sector = [this](const OrganisationInfo& organisation) {
            return InSector(organisation);
        };
        for (const ReadinessItemInfo& item : input_.reference.readiness_items) {
            const std::string answer = current_.AnswerOf(own_->id, item.id);
            const ReadinessFigure sector_figure = current_.Readiness(input_.reference, item, sector);
            const ReadinessFigure all_figure = current_.Readiness(input_.reference, item, Everyone);
            table.rows.push_back({Cell::Text(ItemText(item)), Cell::Text(item.yes_label.In(language_)),
                                  Cell::Text(input_.reference.OptionLabelOf(item.scale_code, answer, language_)),
                                  SectorCell(sector_figure.per_mille, sector_figure.denominator),
                                  Cell::Percent(all_figure.per_mille)});
        }
        table.notes.push_back(T("note.readiness_denominator"));
        table.notes.push_back(Fill(T("note.own_sector_suppressed"), {std::to_string(options_.minimum_group)}));
        section.blocks.push_back(TableBlock(std::move(table)));
        return section;
    }

    Section ObjectivesSection() const {
        Section section{"objectives", T("section.own_objectives"), {}};
        Table table{"own_objectives",
                    T("table.own_objectives"),
                    {T("column.objective"), T("column.setting"), T("column.own"),
                     T("column.sector_figure") + " (" + T("column.could") + ")",
                     T("column.all_figure") + " (" + T("column.could") + ")"},
                    {},
                    {}};
        const OrganisationFilter sector = [this](const OrganisationInfo& organisation) {
            return InSector(organisation);
        };
        const auto sector_figures = current_.Objectives(input_.reference, sector);
        const auto all_figures = current_.Objectives(input_.reference, Everyone);
        for (const ChosenObjectiveRow& chosen : current_.data().chosen_objectives) {
            if (chosen.organisation_id != own_->id) continue;
            std::size_t index = 0;
            while (index < all_figures.size() && all_figures[index].objective_id != chosen.objective_id) ++index;
            std::string title = CircledNumber(chosen.objective_id) + " " + ObjectiveTitle(chosen.objective_id);
            if (chosen.objective_id == 10 && !chosen.custom_text.empty()) title += ": " + chosen.custom_text;
            for (int setting = 0; setting < kSettings; ++setting) {
                std::vector<Cell> row{
                    Cell::Text(setting == 0 ? title : ""), Cell::Text(T("setting." + std::to_string(setting + 1))),
                    Cell::Text(input_.reference.OptionLabelOf(
                        "four_level", chosen.ratings[setting].empty() ? "no_answer" : chosen.ratings[setting],
                        language_))};
                if (index < all_figures.size()) {
                    row.push_back(
                        SectorCell(sector_figures[index].CouldPerMille(setting), sector_figures[index].respondents));
                    row.push_back(Cell::Percent(all_figures[index].CouldPerMille(setting)));
                } else {
                    row.push_back(Cell::Suppressed());
                    row.push_back(Cell::Suppressed());
                }
                table.rows.push_back(std::move(row));
            }
        }
        table.notes.push_back(T("objectives.counting"));
        table.notes.push_back(Fill(T("note.own_sector_suppressed"), {std::to_string(options_.minimum_group)}));
        section.blocks.push_back(TableBlock(std::move(table)));
        return section;
    }

    Section ActivitySection() const {
        Section section{"activity", T("section.own_activity"), {}};
        std::map<std::string, std::vector<std::int64_t>> all_acknowledge;
        std::map<std::string, std::vector<std::int64_t>> all_first_action;
        for (const ResponseTimeRow& time : current_.data().response_times) {
            if (time.acknowledge_us) all_acknowledge[time.inject_id].push_back(*time.acknowledge_us);
            if (time.first_action_us) all_first_action[time.inject_id].push_back(*time.first_action_us);
        }
        Table table{"own_activity",
                    T("table.own_activity"),
                    {T("column.inject"), T("column.time_to_acknowledge"), T("column.all_median"),
                     T("column.time_to_first_action"), T("column.all_median")},
                    {},
                    {}};
        std::vector<std::int64_t> own_acknowledge;
        std::vector<std::int64_t> own_first_action;
        for (const ResponseTimeRow& time : current_.data().response_times) {
            if (time.organisation_id != own_->id) continue;
            if (time.acknowledge_us) own_acknowledge.push_back(*time.acknowledge_us);
            if (time.first_action_us) own_first_action.push_back(*time.first_action_us);
            table.rows.push_back(
                {Cell::Text(time.inject_id), Cell::Text(FormatDuration(time.acknowledge_us, language_)),
                 Cell::Text(FormatDuration(SummariseDurations(all_acknowledge[time.inject_id]).median_us, language_)),
                 Cell::Text(FormatDuration(time.first_action_us, language_)),
                 Cell::Text(
                     FormatDuration(SummariseDurations(all_first_action[time.inject_id]).median_us, language_))});
        }
        if (table.rows.empty()) {
            section.blocks.push_back(Paragraph(T("own.no_activity")));
            WorldRows(section);
            return section;
        }
        std::vector<std::int64_t> everyone_acknowledge;
        std::vector<std::int64_t> everyone_first_action;
        for (const auto& [inject, values] : all_acknowledge)
            everyone_acknowledge.insert(everyone_acknowledge.end(), values.begin(), values.end());
        for (const auto& [inject, values] : all_first_action)
            everyone_first_action.insert(everyone_first_action.end(), values.begin(), values.end());
        table.rows.push_back(
            {Cell::Text(T("own.summary_row"), true),
             Cell::Text(FormatDuration(SummariseDurations(own_acknowledge).median_us, language_)),
             Cell::Text(FormatDuration(SummariseDurations(everyone_acknowledge).median_us, language_)),
             Cell::Text(FormatDuration(SummariseDurations(own_first_action).median_us, language_)),
             Cell::Text(FormatDuration(SummariseDurations(everyone_first_action).median_us, language_))});
        section.blocks.push_back(TableBlock(std::move(table)));
        WorldRows(section);
        return section;
    }

    static std::optional<std::int64_t> Microseconds(const std::optional<double>& minutes) {
        if (!minutes) return std::nullopt;
        return static_cast<std::int64_t>(*minutes * 60'000'000.0 + 0.5);
    }

    // The organisation's statements and first-report time beside everyone's median.
    void WorldRows(Section& section) const {
        const auto& world = current_.data().world;
        if (!world) {
            section.blocks.push_back(Paragraph(T("activity.world_missing")));
            return;
        }
        std::vector<std::int64_t> statement_times;
        std::vector<std::int64_t> report_times;
        std::vector<std::int64_t> reply_times;
        for (const auto& [organisation, activity] : world->by_organisation) {
            if (auto us = Microseconds(activity.minutes_to_first_statement)) statement_times.push_back(*us);
            if (auto us = Microseconds(activity.minutes_to_first_report)) report_times.push_back(*us);
            reply_times.insert(reply_times.end(), activity.inquiry_reply_us.begin(), activity.inquiry_reply_us.end());
        }
        OrganisationWorldActivity own;
        if (auto found = world->by_organisation.find(own_->id); found != world->by_organisation.end())
            own = found->second;
        Table table{"own_world_activity",
                    T("table.activity"),
                    {T("column.measure"), T("column.own"), T("column.all_median")},
                    {},
                    {}};
        table.rows.push_back({Cell::Text(T("activity.statements")), Cell::Count(own.statements), Cell::Text("")});
        table.rows.push_back({Cell::Text(T("activity.median_first_statement")),
                              Cell::Text(FormatDuration(Microseconds(own.minutes_to_first_statement), language_)),
                              Cell::Text(FormatDuration(SummariseDurations(statement_times).median_us, language_))});
        table.rows.push_back({Cell::Text(T("activity.median_first_report")),
                              Cell::Text(FormatDuration(Microseconds(own.minutes_to_first_report), language_)),
                              Cell::Text(FormatDuration(SummariseDurations(report_times).median_us, language_))});
        table.rows.push_back({Cell::Text(T("column.inquiries")), Cell::Count(own.inquiries), Cell::Text("")});
        table.rows.push_back({Cell::Text(T("activity.median_first_reply")),
                              Cell::Text(FormatDuration(SummariseDurations(own.inquiry_reply_us).median_us, language_)),
                              Cell::Text(FormatDuration(SummariseDurations(reply_times).median_us, language_))});
        section.blocks.push_back(TableBlock(std::move(table)));
    }

    Section IssuesSection() const {
        Section section{"issues", T("section.own_issues"), {}};
        Table table{"own_issues", T("table.own_issues"), {T("column.objective"), T("column.issue")}, {}, {}};
        int previous = 0;
        for (const IssueRow& issue : current_.data().organisation_issues) {
            if (issue.organisation_id != own_->id) continue;
            const bool first = issue.objective_id != previous;
            previous = issue.objective_id;
            table.rows.push_back(
                {Cell::Text(first ? CircledNumber(issue.objective_id) + " " + ObjectiveTitle(issue.objective_id) : ""),
                 Cell::Text(issue.text)});
        }
        if (table.rows.empty()) {
            section.blocks.push_back(Paragraph(T("own.no_issues")));
        } else {
            section.blocks.push_back(TableBlock(std::move(table)));
        }
        return section;
    }

    // The same organisation in an earlier year: same non-empty external_ref.
    const OrganisationInfo* Earlier(const IndexedExercise& year) const {
        if (own_->external_ref.empty()) return nullptr;
        for (const OrganisationInfo& organisation : year.data().organisations) {
            if (organisation.external_ref == own_->external_ref) return &organisation;
        }
        return nullptr;
    }

    Section TrendSection() const {
        Section section{"trend", T("section.own_trend"), {}};
        std::vector<std::pair<const IndexedExercise*, const OrganisationInfo*>> years;
        for (const IndexedExercise& past : past_) {
            if (const OrganisationInfo* earlier = Earlier(past)) years.emplace_back(&past, earlier);
        }
        if (years.empty()) {
            section.blocks.push_back(Paragraph(T("own.no_trend")));
            section.blocks.push_back(Paragraph(T("note.cross_year_organisation")));
            return section;
        }
        years.emplace_back(&current_, own_);
        Table readiness{"own_trend_readiness", T("table.own_trend_readiness"), {T("column.item")}, {}, {}};
        Table objectives{"own_trend_objectives", T("table.own_trend_objectives"), {T("column.objective")}, {}, {}};
        for (const auto& [year, organisation] : years) {
            readiness.header.push_back(FiscalYearLabel(year->data().exercise.fiscal_year, language_));
            objectives.header.push_back(FiscalYearLabel(year->data().exercise.fiscal_year, language_));
        }
        for (const ReadinessItemInfo& item : input_.reference.readiness_items) {
            std::vector<Cell> row{Cell::Text(ItemText(item))};
            for (const auto& [year, organisation] : years) {
                const std::string answer = year->AnswerOf(organisation->id, item.id);
                row.push_back(Cell::Text(
                    answer.empty() ? "—" : input_.reference.OptionLabelOf(item.scale_code, answer, language_)));
            }
            readiness.rows.push_back(std::move(row));
        }
        for (const ObjectiveInfo& objective : input_.reference.objectives) {
            if (objective.id == 10) continue;  // own objectives differ from year to year
            std::vector<Cell> row{Cell::Text(CircledNumber(objective.id) + " " + objective.title.In(language_))};
            for (const auto& [year, organisation] : years) {
                std::string shown = T("own.not_chosen");
                for (const ChosenObjectiveRow& chosen : year->data().chosen_objectives) {
                    if (chosen.organisation_id == organisation->id && chosen.objective_id == objective.id) {
                        shown = input_.reference.OptionLabelOf(
                            "four_level", chosen.ratings[2].empty() ? "no_answer" : chosen.ratings[2], language_);
                    }
                }
                row.push_back(Cell::Text(shown));
            }
            objectives.rows.push_back(std::move(row));
        }
        readiness.notes.push_back(T("note.cross_year_organisation"));
        section.blocks.push_back(TableBlock(std::move(readiness)));
        section.blocks.push_back(TableBlock(std::move(objectives)));
        return section;
    }

    const ReportInput& input_;
    const ReportOptions& options_;
    const std::string language_;
    IndexedExercise current_;
    std::vector<IndexedExercise> past_;
    const OrganisationInfo* own_ = nullptr;
};

}  // namespace

Document BuildOrganisationReport(const ReportInput& input, const ReportOptions& options) {
    return OrganisationReportBuilder(input, options).Build();
}

}  // namespace enshu::report
