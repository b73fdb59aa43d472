#!/usr/bin/env bash
# Start-up and footprint of `subsync serve` on an external PostgreSQL (P5): time from the process's start to
# /actuator/health UP, and its resident memory once ready, over BENCH_RUNS starts with the migrations already applied.
#
#   bench/startup.sh [--no-build]
#
# Environment (all optional):
#   BENCH_DB=subsync_startup      database to drop and recreate on 127.0.0.1:5432 (user postgres, trust auth)
#   BENCH_RUNS=5                  measured starts (after one unmeasured start that applies the migrations)
#   BENCH_PORT=18090              port of the service
#   JAVA_OPTS=                    JVM flags of the service, after the launcher's own (see ./subsync; SUBSYNC_JVM_DEFAULTS=0: none)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_options 11 "$@"
db=${BENCH_DB:-subsync_startup}
runs=${BENCH_RUNS:-5}
port=${BENCH_PORT:-18090}

if [ "$build" = 1 ]; then (cd "$repo" && timeout 900 ./mvnw -q -B -DskipTests package) || fail "the build failed"; fi
[ -f "$repo/target/subsync.jar" ] || fail "target/subsync.jar is missing"
psql "${pg[@]}" -X -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" postgres >/dev/null
export SUBSYNC_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" SUBSYNC_DB_USER=postgres
SUBSYNC_JWT_SECRET=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
export SUBSYNC_JWT_SECRET
unset MASTER_API_URL MASTER_API_KEY SUBSYNC_JWKS_URL 2>/dev/null || true
log=$(mktemp)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

# start_once: prints "<ms to UP> <RSS kB once UP>"
start_once() {
  local t0 pid up_ms rss
  t0=$(date +%s%N)
  SERVER_ADDRESS=127.0.0.1 "$repo/subsync" serve --port "$port" >"$log" 2>&1 &
  pid=$!
  until curl -fsS --max-time 1 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$log" >&2; fail "the service exited during start-up"; }
    [ $(( ($(date +%s%N) - t0) / 1000000000 )) -lt 120 ] || fail "not UP within 120 s"
    sleep 0.05
  done
  up_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  # The JVM is the launcher's child (exec'd or not): the largest resident set among the process and its children.
  rss=$(ps -o rss= --pid "$pid" --ppid "$pid" | sort -n | tail -1 | tr -d ' ')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$up_ms $rss"
}

start_once >/dev/null # applies the migrations
results=()
for i in $(seq 1 "$runs"); do
  r=$(start_once); results+=("$r"); echo "start $i: UP after $(cut -d' ' -f1 <<<"$r") ms, RSS $(( $(cut -d' ' -f2 <<<"$r") / 1024 )) MB"
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
up=$(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | median)
rss=$(printf '%s\n' "${results[@]}" | cut -d' ' -f2 | median)
echo
echo "| measure | median of $runs | goal | |"
echo "|---|---|---|---|"
echo "| serve: start → health UP | $up ms | ≤ 5000 ms | $([ "$up" -le 5000 ] && echo PASS || echo MISS) |"
echo "| RSS once UP | $((rss / 1024)) MB | ≤ 300 MB | $([ "$rss" -le $((300 * 1024)) ] && echo PASS || echo MISS) |"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
result "P5 serve: start to health UP (median of $runs)" "$up ms" - - "<= 5000 ms" "$([ "$up" -le 5000 ] && echo PASS || echo MISS)" -
result "P5 RSS once UP" "$((rss / 1024)) MB" - - "<= 300 MB" "$([ "$rss" -le $((300 * 1024)) ] && echo PASS || echo MISS)" -
