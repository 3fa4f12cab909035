#!/usr/bin/env bash
# Live-delivery benchmark (issue 3, "Performance"): one enshu server with a fresh
# SQLite database, the load generator on the same machine.
#   1. 10,000 participants of 800 organisations connected, 20 ad-hoc injects (~1 KB
#      frames) released to everyone: targets p99 < 100 ms, no loss, server VmRSS < 100 MB.
#   2. The same 10,000 streams, 200 injects each released to one organisation (in turn
#      over the 800): target p99 < 5 ms.
# Builds nothing: uses $ENSHU (default build/enshu, `make build`). Prints the figures;
# exits non-zero when a target is missed. See bench/README.md.
set -euo pipefail

cd "$(dirname "$0")/.."
ENSHU=${ENSHU:-build/enshu}
PARTICIPANTS=${PARTICIPANTS:-10000}
ORGANISATIONS=${ORGANISATIONS:-800}
PORT=${PORT:-18089}
EVERYONE_RELEASES=${EVERYONE_RELEASES:-20}
ORGANISATION_RELEASES=${ORGANISATION_RELEASES:-200}

if [[ ! -x "$ENSHU" ]]; then
    echo "live_delivery: $ENSHU not found; run 'make build' first (or set ENSHU=path/to/enshu)" >&2
    exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/enshu-bench.XXXXXX")
SERVER=""
cleanup() {
    if [[ -n "$SERVER" ]] && kill -0 "$SERVER" 2>/dev/null; then
        kill -TERM "$SERVER"
        wait "$SERVER" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/^Mem:/{print $2}') GiB RAM"
echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $ENSHU load prepare --organisations $ORGANISATIONS --participants $PARTICIPANTS"
"$ENSHU" load prepare --db "$WORK/bench.db" --credentials "$WORK/credentials.txt" \
    --organisations "$ORGANISATIONS" --participants "$PARTICIPANTS"

"$ENSHU" serve --db "$WORK/bench.db" --port "$PORT" --log-level warn >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
echo "== server pid $SERVER on port $PORT; VmRSS at start: $(awk '/VmRSS/{print $2, $3}' /proc/$SERVER/status)"

status=0
echo
echo "== scenario 1: $PARTICIPANTS participants, $EVERYONE_RELEASES releases to everyone"
"$ENSHU" load run --port "$PORT" --credentials "$WORK/credentials.txt" --server-pid "$SERVER" \
    --releases "$EVERYONE_RELEASES" --audience everyone --interval-ms 250 \
    --max-p99-ms 100 --max-rss-mb 100 || status=1

echo
echo "== scenario 2: $ORGANISATIONS organisations, $ORGANISATION_RELEASES releases to one organisation at a time"
"$ENSHU" load run --port "$PORT" --credentials "$WORK/credentials.txt" --server-pid "$SERVER" \
    --releases "$ORGANISATION_RELEASES" --audience organisation --interval-ms 20 \
    --max-p99-ms 5 || status=1

echo
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
