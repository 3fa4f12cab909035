#!/usr/bin/env bash
# `make bench`: every benchmark script of bench/ (each builds nothing; `make bench`
# builds build/enshu first).
set -euo pipefail
cd "$(dirname "$0")"
status=0
./live_delivery.sh || status=1
./archive_bench.sh || status=1
./report_bench.sh || status=1
exit $status
