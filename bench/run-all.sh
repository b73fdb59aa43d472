#!/usr/bin/env bash
# Runs the hot-path benchmarks one after another (never beside each other, nor beside a build or a test suite) and
# prints their results and every goal's verdict in one place:
#   P1 read       tenant-subscriptions.sh   (the application's defaults: request threads from the cores, a pool of 10)
#   P2 accept     sync-subscription.sh
#   P3 deliver    drain.sh
#   P4 reconcile  reconcile-scale.sh        (BENCH_SCALE_TENANTS tenants, default 1,000,000)
#   P5 footprint  startup.sh
#
#   bench/run-all.sh [--no-build]
#
# Each script keeps its raw outputs under bench/out/; this one writes the combined report to bench/out/run-all-<time>.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
if [ "${1:-}" != "--no-build" ]; then (cd "$repo" && ./mvnw -q -B -DskipTests package); fi
mkdir -p "$here/out"
report="$here/out/run-all-$(date +%Y%m%d-%H%M%S).md"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" | tee "$report"

run() { # title, script, environment...
  local title=$1 script=$2; shift 2
  printf '\n## %s (%s)\n\n```\n' "$title" "$script" | tee -a "$report"
  if env "$@" "$here/$script" --no-build >"$here/out/run-all-$script.log" 2>&1; then
    # The script's own summary: from its results heading (or its table) to the end.
    awk '/^== results|^\| path|^\| measure|^(POST|drain|GET) /{p=1} p' "$here/out/run-all-$script.log" | tee -a "$report"
  else
    tail -20 "$here/out/run-all-$script.log" | tee -a "$report"
    echo "$script FAILED" | tee -a "$report"
  fi
  printf '```\n' | tee -a "$report"
}

run "P1 read, the application's defaults" tenant-subscriptions.sh BENCH_HTTP_THREADS= SUBSYNC_DB_POOL_SIZE=10 \
  BENCH_WARMUP_SECONDS="${BENCH_WARMUP_SECONDS:-60}" BENCH_WARMUP_STEP="${BENCH_WARMUP_STEP:-5}"
run "P2 accept" sync-subscription.sh
run "P3 deliver" drain.sh
run "P4 reconcile at scale" reconcile-scale.sh BENCH_TENANTS="${BENCH_SCALE_TENANTS:-1000000}"
run "P5 start-up and footprint" startup.sh

printf '\n## All goals\n\n| path | service | reference | ratio | goal | | CPU per operation, by process |\n|---|---|---|---|---|---|---|\n' \
  | tee -a "$report"
for script in tenant-subscriptions.sh sync-subscription.sh drain.sh reconcile-scale.sh startup.sh; do
  log="$here/out/run-all-$script.log"
  if grep -q '^RESULT|' "$log" 2>/dev/null; then
    grep '^RESULT|' "$log" | sed 's/^RESULT//; s/$/ |/; s/|/ | /g; s/^ //' | tee -a "$report"
  else
    echo "| $script | failed: see $log | | | | MISS | |" | tee -a "$report"
  fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); report: $report" | tee -a "$report"
