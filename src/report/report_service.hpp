#pragma once

// The results report of one exercise: loads the records (report_repository), resolves
// the settings (minimum group, compared years), builds the Document and renders it in a
// format. Also the organiser's settings and representative issues (migration 0010),
// each change audited in its own transaction. Stateless apart from its references;
// safe to use from several threads (rendering a PDF is serialised by pdf_renderer).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/report_document.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "report/report_builder.hpp"

namespace enshu::report {

enum class ReportFormat { kHtml, kPdf, kXlsx, kCsv };

// "html" | "pdf" | "xlsx" | "csv"; kInvalidArgument naming "format" otherwise.
Result<ReportFormat> ParseReportFormat(std::string_view text);

struct ReportRequest {
    std::int64_t exercise_id = 0;
    std::string language = "ja";
    ReportScope scope;
    std::optional<int> minimum_group;                   // overrides the stored setting (3..100)
    std::optional<std::vector<std::int64_t>> compared;  // overrides the stored setting
};

struct RenderedReport {
    std::string bytes;
    std::string content_type;
    std::string filename;  // e.g. "enshu-report-2023-ja.pdf"
};

struct ReportSettings {
    int minimum_group = kDefaultMinimumGroup;
    std::optional<std::vector<std::int64_t>> compared_exercise_ids;  // nullopt = default
    std::vector<std::int64_t> effective_compared;                    // what the report uses
};

// Stages reported while a render runs: "loading", "building", "rendering", then done.
using ProgressCallback = std::function<void(std::string_view stage, int percent)>;

struct IssueQuery {
    std::optional<int> objective_id;
    std::string text;  // NFKC, case-insensitive substring; "" = all
    int page = 1;
    int page_size = 50;
};
struct IssueHit {
    std::int64_t id = 0;
    int objective_id = 0;
    std::int64_t organisation_id = 0;
    std::string organisation_name;
    std::string text;
    bool selected = false;
};
struct IssuePage {
    std::vector<IssueHit> items;
    std::int64_t total = 0;
};
struct Theme {
    std::string term;
    std::int64_t entries = 0;  // issues containing it
};

class ReportService {
  public:
    ReportService(db::Database& database, const Clock& clock, const audit::AuditLog& audit)
        : database_(database), clock_(clock), audit_(audit) {}

    // kNotFound "exercise_id" / "organisation_id", kInvalidArgument for bad overrides.
    Result<Document> Build(const ReportRequest& request, const ProgressCallback& progress = {}) const;
    Result<RenderedReport> Render(const ReportRequest& request, ReportFormat format,
                                  const ProgressCallback& progress = {}) const;

    Result<ReportSettings> Settings(std::int64_t exercise_id) const;
    // minimum_group 3..100; compared: existing exercises of earlier fiscal years, at most 4,
    // or nullopt for the default. Audited as "report.settings.update".
    Result<ReportSettings> UpdateSettings(std::int64_t exercise_id, int minimum_group,
                                          const std::optional<std::vector<std::int64_t>>& compared,
                                          const audit::Actor& actor) const;

    Result<IssuePage> SearchIssues(std::int64_t exercise_id, const IssueQuery& query) const;
    // The most frequent terms of the objective's issues (all objectives when nullopt), at most `limit`.
    Result<std::vector<Theme>> SuggestThemes(std::int64_t exercise_id, std::optional<int> objective_id,
                                             std::size_t limit = 15) const;
    // Replaces the representative issues by `issue_ids` (in that order, at most 200, each an
    // issue of this exercise). Audited as "report.issues.select".
    Status SelectIssues(std::int64_t exercise_id, const std::vector<std::int64_t>& issue_ids,
                        const audit::Actor& actor) const;

  private:
    Result<std::vector<std::int64_t>> ResolveCompared(std::int64_t exercise_id,
                                                      const std::optional<std::vector<std::int64_t>>& requested) const;

    db::Database& database_;
    const Clock& clock_;
    const audit::AuditLog& audit_;
};

// The most frequent terms of `texts` (ICU word break on NFKC text; words of 2+ characters
// that are not only hiragana, digits or punctuation, minus stop words; plus adjacent word
// pairs), counted once per text; ordered by count then term. Deterministic.
std::vector<Theme> FrequentTerms(const std::vector<std::string>& texts, std::size_t limit);

}  // namespace enshu::report
