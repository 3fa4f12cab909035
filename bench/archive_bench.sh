#!/usr/bin/env bash
# The exercise data archive at scale (issue 5, "Performance"): 1,000 organisations × 10
# objectives × 3 settings + 50,000 issue texts (plus 2,000 people and 17,000 readiness
# answers) imported, exported, re-imported (replacing everything) and round-tripped.
# Prints the seconds of each step; exits 1 if the round trip is not byte-identical.
#
#   ENSHU=build/enshu bench/archive_bench.sh [ORGANISATIONS] [ISSUES]
set -euo pipefail
cd "$(dirname "$0")/.."
ENSHU=${ENSHU:-build/enshu}
ORGANISATIONS=${1:-1000}
ISSUES=${2:-50000}
HERE="$PWD/bench"
if [[ ! -x "$ENSHU" ]]; then
  echo "archive_bench: $ENSHU not found; run 'make build' first (or set ENSHU=path/to/enshu)" >&2
  exit 2
fi
WORK="$(mktemp -d /tmp/enshu-archive-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/bench.db"

# step NAME COMMAND...: runs the command; prints its wall time and its CPU time (user +
# system; on a shared machine the CPU time is the steadier figure).
step() {
  local name="$1"; shift
  local TIMEFORMAT='%R %U %S'
  local times
  times=$( { time "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"; } 2>&1 ) || {
    cat "$WORK/$name.err" >&2; echo "$name failed" >&2; exit 1; }
  read -r wall user system <<<"$times"
  printf '%-28s wall %6.2f s   cpu %6.2f s\n' "$name" "$wall" "$(echo "$user + $system" | bc)"
}

"$ENSHU" migrate --db "$DB" --log-level warn >/dev/null
for i in 1 2; do
  sqlite3 "$DB" "INSERT INTO exercise (fiscal_year, title_ja, created_at, updated_at) VALUES
                 (2023, 'ベンチ演習', '2023-10-01T00:00:00.000Z', '2023-10-01T00:00:00.000Z');"
done
python3 "$HERE/archive_data.py" "$WORK/in" "$ORGANISATIONS" "$ISSUES"
echo "archive: $(du -sh "$WORK/in" | cut -f1) in $(ls "$WORK/in" | wc -l) files;" \
     "$ORGANISATIONS organisations, $ISSUES issues"

step "import --dry-run"            "$ENSHU" import --db "$DB" --log-level warn --exercise 1 "$WORK/in"
step "import --apply (new)"        "$ENSHU" import --db "$DB" --log-level warn --exercise 1 --apply "$WORK/in"
step "export"                      "$ENSHU" export --db "$DB" --log-level warn --exercise 1 --out "$WORK/out1"
step "import --apply (replace)"    "$ENSHU" import --db "$DB" --log-level warn --exercise 1 --apply "$WORK/out1"
step "import --apply (exercise 2)" "$ENSHU" import --db "$DB" --log-level warn --exercise 2 --apply "$WORK/out1"
step "export (exercise 2)"         "$ENSHU" export --db "$DB" --log-level warn --exercise 2 --out "$WORK/out2"
grep -E 'rows|instrument' "$WORK/export.out" | sed 's/^/  /' | grep -v ': 0 rows' || true
if diff -r "$WORK/out1" "$WORK/out2" >/dev/null; then
  echo "round trip: byte-identical ($(ls "$WORK/out1" | wc -l) files)"
else
  echo "round trip: files differ" >&2
  exit 1
fi
