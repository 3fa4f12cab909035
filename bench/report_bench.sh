#!/usr/bin/env bash
# The results report at scale (issue 6, "Benchmark"): 1,000 organisations × 10 objectives
# × 3 settings, 50,000 issue texts, 3 fiscal years (2021, 2022, 2023, each imported from
# the same synthetic archive as bench/archive_bench.sh), then the FY2023 report with the
# two earlier years as columns in HTML, XLSX, CSV and PDF. Prints the render time that
# `enshu report` measures (database read + aggregation + rendering, without process start)
# and the wall time of the whole command. Targets: HTML < 1 s, XLSX < 1 s, PDF < 10 s;
# exits 1 when one is missed.
#
#   ENSHU=build/enshu bench/report_bench.sh [ORGANISATIONS] [ISSUES]
set -euo pipefail
cd "$(dirname "$0")/.."
ENSHU=${ENSHU:-build/enshu}
ORGANISATIONS=${1:-1000}
ISSUES=${2:-50000}
HERE="$PWD/bench"
if [[ ! -x "$ENSHU" ]]; then
  echo "report_bench: $ENSHU not found; run 'make build' first (or set ENSHU=path/to/enshu)" >&2
  exit 2
fi
WORK="$(mktemp -d /tmp/enshu-report-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/bench.db"

"$ENSHU" migrate --db "$DB" --log-level warn >/dev/null
for year in 2021 2022 2023; do
  sqlite3 "$DB" "INSERT INTO exercise (fiscal_year, title_ja, title_en, created_at, updated_at) VALUES
                 ($year, '${year}年度 ベンチ演習', 'FY$year bench exercise', '2023-10-01T00:00:00.000Z',
                  '2023-10-01T00:00:00.000Z');"
done
python3 "$HERE/archive_data.py" "$WORK/in" "$ORGANISATIONS" "$ISSUES"
for exercise in 1 2 3; do
  "$ENSHU" import --db "$DB" --log-level warn --exercise "$exercise" --apply "$WORK/in" >/dev/null
done
# 200 representative issues chosen, as an organiser would.
sqlite3 "$DB" "INSERT INTO report_selected_issue (exercise_id, issue_id, position, created_at)
               SELECT 3, i.id, ROW_NUMBER() OVER (ORDER BY i.id), '2024-01-01T00:00:00.000Z'
               FROM action_record_issue i JOIN chosen_objective c ON c.id = i.chosen_objective_id
               WHERE c.exercise_id = 3 AND i.id % 250 = 0 LIMIT 200;"
echo "data: $ORGANISATIONS organisations × 3 years, $(sqlite3 "$DB" 'SELECT COUNT(*) FROM action_record_issue') issues," \
     "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM action_record_rating') ratings, $(sqlite3 "$DB" 'SELECT COUNT(*) FROM readiness_answer') readiness answers"

status=0
# render FORMAT OUT LIMIT_MS: runs `enshu report`, prints its measured time, checks the target.
render() {
  local format="$1" out="$2" limit="$3"
  local start end line ms
  start=$(date +%s%N)
  line=$("$ENSHU" report --db "$DB" --log-level warn --exercise 3 --format "$format" --out "$WORK/$out")
  end=$(date +%s%N)
  ms=$(sed -E 's/.* in ([0-9]+) ms$/\1/' <<<"$line")
  printf '%-5s render %6d ms   command wall %6d ms   %s\n' "$format" "$ms" $(( (end - start) / 1000000 )) \
         "$(du -h "$WORK/$out" | cut -f1)"
  if (( ms > limit )); then
    echo "  $format: ${ms} ms exceeds the target of ${limit} ms" >&2
    status=1
  fi
}
render html report.html 1000
render xlsx report.xlsx 1000
render csv report.zip 1000
render pdf report.pdf 10000
if command -v pdftotext >/dev/null; then
  pdftotext -enc UTF-8 "$WORK/report.pdf" "$WORK/report.txt"
  if grep -q "障害対応体制" "$WORK/report.txt"; then
    echo "pdf: Japanese text present, $(pdfinfo "$WORK/report.pdf" | grep -E '^Pages' | tr -s ' ')"
  else
    echo "pdf: the Japanese text is missing" >&2
    status=1
  fi
fi
exit $status
