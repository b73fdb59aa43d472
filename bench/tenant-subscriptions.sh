#!/usr/bin/env bash
# Benchmark of GET /api/tenants/current/subscriptions (sync-on-read + list) against the same SQL run by pgbench.
#
#   bench/tenant-subscriptions.sh [--no-build]
#
# Loads BENCH_TENANTS tenants (3 products each) into a fresh database, creates their subscriptions with
# `subsync reconcile`, then measures the endpoint through HTTP with wrk (one tenant token per request) and the
# endpoint's statement alone with pgbench, and prints both side by side with the goals. See bench/README.md.
#
# Environment (all optional):
#   BENCH_DB=subsync_bench        database to drop and recreate on 127.0.0.1:5432 (user postgres, trust auth)
#   BENCH_TENANTS=10000           tenants to load (each: platform + money_loan, bnpl, pawnshop = 4 subscriptions)
#   BENCH_SECONDS=30              measured duration of each side
#   BENCH_WARMUP_SECONDS=120      unmeasured warm-up of the service (the JIT needs 1–2 minutes; 0 to skip)
#   BENCH_WARMUP_STEP=0           >0: run the warm-up in windows of this many seconds and print req/s of each
#                                 (the warm-up curve, out/warmup-curve.txt: seconds since ready, req/s)
#   BENCH_PGBENCH_WARMUP_SECONDS=10   unmeasured warm-up of pgbench (0 to skip)
#   BENCH_CONNECTIONS=32          concurrent connections, both sides (wrk -c, pgbench -c)
#   BENCH_THREADS=2               client threads, both sides (wrk -t, pgbench -j)
#   BENCH_PORT=18080              first port tried for the service; the next free one is used
#   BENCH_HTTP_THREADS=8          server.tomcat.threads.max of the service (empty: the application's default, RequestThreads)
#   BENCH_SERVE_ARGS=             extra --spring.* arguments after `subsync serve`, e.g. --spring.threads.virtual.enabled=true
#   BENCH_PGBENCH_AT_POOL=1       also run pgbench with as many connections as the service's pool (0: skip)
#   BENCH_POOLER=                 transaction or session: the service reaches PostgreSQL through a pgbouncer in that
#                                 pool mode (BENCH_POOLER_SIZE=8 server connections); empty: directly
#   BENCH_DB_PARAMS=              extra pgjdbc URL parameters of the service, e.g. prepareThreshold=0
#   BENCH_STRICT=0                1: exit 3 when a goal is missed
#   BENCH_OUT=bench/out           raw outputs go to BENCH_OUT/<date-time>/, BENCH_OUT/latest points there
#   SUBSYNC_DB_POOL_SIZE=8        Hikari pool of the service (the application's default is 10)
#   JAVA_OPTS=                    JVM flags of the service
set -euo pipefail
exec 3>&2 # the script's stderr, for messages from traps that fire while a command's output is redirected

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"

build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -h|--help) sed -n '2,27p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

db=${BENCH_DB:-subsync_bench}
tenants=${BENCH_TENANTS:-10000}
seconds=${BENCH_SECONDS:-30}
warmup=${BENCH_WARMUP_SECONDS:-120}
pg_warmup=${BENCH_PGBENCH_WARMUP_SECONDS:-10}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
port=${BENCH_PORT:-18080}
strict=${BENCH_STRICT:-0}
pool_row=${BENCH_PGBENCH_AT_POOL:-1}
out_root=${BENCH_OUT:-$here/out}
http_threads=${BENCH_HTTP_THREADS-8}
serve_args=${BENCH_SERVE_ARGS:-}
# `serve` passes only --spring.* arguments to Spring: other properties go as environment variables (relaxed names).
[ -z "$http_threads" ] || export SERVER_TOMCAT_THREADS_MAX=$http_threads
# Sized for 2 cores shared by wrk, the JVM and PostgreSQL: as many request threads as pooled connections, so no
# request thread waits for a connection (Hikari hands them out unfairly: waiters get the tail latency), and few
# enough that the two cores are not shared by dozens of runnable threads. See bench/README.md ("Tuning").
export SUBSYNC_DB_POOL_SIZE=${SUBSYNC_DB_POOL_SIZE:-8}
export JAVA_OPTS=${JAVA_OPTS:-}
pg=(-h 127.0.0.1 -p 5432 -U postgres)
sql() { timeout 300 psql "${pg[@]}" -X "$@"; } # every psql call bounded in time
goal_ratio=0.6
goal_jvm_ms=0.2
goal_p99_ms=10

fail() { echo "tenant-subscriptions: FAILED: $*" >&3; exit 1; }
step() { printf '\n== %s (%s)\n' "$*" "$(date +%T)"; }
for v in tenants seconds warmup pg_warmup connections threads port; do
  [[ ${!v} =~ ^[0-9]+$ ]] || fail "$v must be a whole number, was '${!v}'"
done
[[ $db =~ ^[a-z_][a-z0-9_]*$ ]] || fail "BENCH_DB must be a plain lower-case identifier, was '$db'"
[ "$tenants" -ge 1 ] && [ "$seconds" -ge 1 ] || fail "BENCH_TENANTS and BENCH_SECONDS must be at least 1"

out="$out_root/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
ln -sfn "$(basename "$out")" "$out_root/latest"
server_pid=
child_pid=
bouncer_pid=
cleanup() {
  local code=$?
  [ -z "$child_pid" ] || kill "$child_pid" 2>/dev/null || true
  [ -z "$bouncer_pid" ] || pkill -P "$bouncer_pid" 2>/dev/null || kill "$bouncer_pid" 2>/dev/null || true
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  [ "$code" -eq 0 ] || echo "tenant-subscriptions: exit $code; raw outputs in $out" >&3
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# Runs a long command under `timeout`, in the background, and waits for it: bash runs the INT/TERM traps only once
# a foreground command has finished, but at once during `wait`.
bounded() { # seconds command...
  local limit=$1 rc=0; shift
  timeout "$limit" "$@" &
  child_pid=$!
  wait "$child_pid" || rc=$?
  child_pid=
  return "$rc"
}

# machine_ticks, process_ticks, postgres_ticks, cpu_report
source "$here/report.sh"
children_ticks() { # file written by `times` in the main shell
  awk -v hz="$(getconf CLK_TCK)" 'END{s=0; for (i = 1; i <= 2; i++) {split($i, a, "m"); sub("s", "", a[2]); s += a[1] * 60 + a[2]}
    printf "%d", s * hz}' "$1"
}
# CPU busy over one second, in %; top_now: the busiest processes in one second (other people's builds, say).
busy_now() {
  local b0 a0 b1 a1
  read -r b0 a0 < <(machine_ticks); sleep 1; read -r b1 a1 < <(machine_ticks)
  awk -v b=$((b1 - b0)) -v a=$((a1 - a0)) 'BEGIN{printf "%.0f%%", a ? 100 * b / a : 0}'
}
load_line() { printf '%s, CPU busy %s over 1 s' "$(uptime | sed 's/.*load average/load average/')" "$(busy_now)"; }
top_now() { top -bn2 -d1 -o %CPU -w 160 | awk '/^top -/{n++} n == 2' | sed -n '7,12p' | cut -c1-150; }

step "environment"
{
  echo "date: $(date -Is)"
  echo "host: $(uname -srm), $(nproc) cores, $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "postgres: $(sql -d postgres -Atc 'select version()' | cut -d, -f1)"
  echo "settings: tenants=$tenants seconds=$seconds warmup=$warmup/$pg_warmup connections=$connections threads=$threads"
  echo "service: SUBSYNC_DB_POOL_SIZE=$SUBSYNC_DB_POOL_SIZE JAVA_OPTS='$JAVA_OPTS' serve args='$serve_args'"
  echo "load before: $(load_line)"
  echo "busiest processes before (1 s):"; top_now
} | tee "$out/environment.txt"

if [ "$build" = 1 ]; then
  step "building target/subsync.jar"
  (cd "$repo" && timeout 900 ./mvnw -q -B -DskipTests package) || fail "the build failed"
fi
[ -f "$repo/target/subsync.jar" ] || fail "target/subsync.jar is missing; run without --no-build"

if ! command -v wrk >/dev/null; then
  step "installing wrk"
  sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  timeout 300 "${sudo[@]}" apt-get update -qq || fail "apt-get update failed"
  timeout 300 "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null \
    || fail "apt-get install wrk failed"
fi
for tool in wrk pgbench psql curl; do command -v "$tool" >/dev/null || fail "$tool is not installed"; done

step "database $db"
sql -d postgres -v ON_ERROR_STOP=1 -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" \
  -c "CREATE DATABASE $db" || fail "could not recreate database $db on 127.0.0.1:5432"
export SUBSYNC_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" SUBSYNC_DB_USER=postgres
pooler=${BENCH_POOLER:-}
if [ -n "$pooler" ]; then
  [[ $pooler =~ ^(transaction|session)$ ]] || fail "BENCH_POOLER must be transaction or session, was '$pooler'"
  command -v pgbouncer >/dev/null || [ -x /usr/sbin/pgbouncer ] || fail "pgbouncer is not installed (apt-get install pgbouncer)"
  bouncer_dir=$(mktemp -d); chmod 777 "$bouncer_dir"
  bouncer_port=$((port + 1000))
  printf '"postgres" ""\n' >"$bouncer_dir/userlist.txt"
  cat >"$bouncer_dir/pgbouncer.ini" <<INI
[databases]
$db = host=127.0.0.1 port=5432 dbname=$db
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $bouncer_port
unix_socket_dir =
auth_type = trust
auth_file = $bouncer_dir/userlist.txt
pool_mode = $pooler
default_pool_size = ${BENCH_POOLER_SIZE:-8}
max_client_conn = 500
ignore_startup_parameters = extra_float_digits
logfile = $bouncer_dir/pgbouncer.log
INI
  chmod 644 "$bouncer_dir"/*
  runas=(); [ "$(id -u)" -ne 0 ] || runas=(runuser -u postgres --)
  "${runas[@]}" /usr/sbin/pgbouncer "$bouncer_dir/pgbouncer.ini" >"$out/pgbouncer.log" 2>&1 &
  bouncer_pid=$!
  for _ in $(seq 1 40); do pg_isready -q -h 127.0.0.1 -p "$bouncer_port" && break; sleep 0.25; done
  export SUBSYNC_DB_MIGRATION_URL=$SUBSYNC_DB_URL
  export SUBSYNC_DB_URL="jdbc:postgresql://127.0.0.1:$bouncer_port/$db"
  [ "$pooler" = session ] || export SUBSYNC_DB_POOL_MODE=transaction
  echo "through pgbouncer ($pooler mode, ${BENCH_POOLER_SIZE:-8} server connections) on port $bouncer_port"
fi
if [ -n "${BENCH_DB_PARAMS:-}" ]; then
  export SUBSYNC_DB_URL="$SUBSYNC_DB_URL?${BENCH_DB_PARAMS}"
fi
SUBSYNC_JWT_SECRET=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
export SUBSYNC_JWT_SECRET
[ ${#SUBSYNC_JWT_SECRET} -eq 48 ] || fail "could not make a JWT secret"
unset SUBSYNC_JWKS_URL MASTER_API_URL MASTER_API_KEY 2>/dev/null || true

port_busy() { [ -n "$(ss -Hltn "sport = :$1")" ]; }
for _ in $(seq 1 100); do port_busy "$port" || break; port=$((port + 1)); done
port_busy "$port" && fail "no free port found from ${BENCH_PORT:-18080}"
base="http://127.0.0.1:$port"

step "starting the service on $base"
# shellcheck disable=SC2086 # BENCH_SERVE_ARGS is a list of arguments
# `serve --port` passes the port as --server.port, so it wins over application.yml's ${PORT:8080}.
SERVER_ADDRESS=127.0.0.1 "$repo/subsync" serve --port "$port" $serve_args \
  >"$out/server.log" 2>&1 &
server_pid=$!
started=$(date +%s)
until curl -fsS --max-time 2 "$base/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  kill -0 "$server_pid" 2>/dev/null || { tail -40 "$out/server.log" >&2; fail "the service exited during start-up"; }
  [ $(( $(date +%s) - started )) -lt 180 ] || { tail -40 "$out/server.log" >&2; fail "the service was not UP within 180 s"; }
  sleep 1
done
echo "UP after $(( $(date +%s) - started )) s (pid $server_pid)"
sql -d "$db" -Atc "select count(*) from information_schema.tables where table_schema = 'subsync'" \
  | grep -qv '^0$' || fail "Flyway did not create schema subsync"

step "loading $tenants tenants"
t0=$(date +%s%N)
sql -d "$db" -q -v tenants="$tenants" -f "$here/load-tenants.sql" | tee "$out/load.txt" || fail "loading the tenants failed"
echo "loaded in $(( ($(date +%s%N) - t0) / 1000000 )) ms"

step "subsync reconcile"
t0=$(date +%s%N)
bounded 600 "$repo/subsync" reconcile >"$out/reconcile.txt" 2>&1 || { cat "$out/reconcile.txt" >&2; fail "subsync reconcile failed"; }
reconcile_wall_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
cat "$out/reconcile.txt"
reconcile_line=$(grep -m1 '^Created ' "$out/reconcile.txt") || fail "subsync reconcile printed no 'Created …' line"
created=$(sed -E 's/^Created ([0-9]+) .*/\1/' <<<"$reconcile_line")
reconcile_ms=$(sed -E 's/.* in ([0-9]+) ms.*/\1/' <<<"$reconcile_line")
echo "reconcile: created $created subscriptions in $reconcile_ms ms (statement), $reconcile_wall_ms ms with JVM start"
[ "$created" -eq $((tenants * 4)) ] || fail "expected $((tenants * 4)) subscriptions created, got $created"
sql -d "$db" -q -c "VACUUM (ANALYZE) subsync.tenants, subsync.tenant_products, subsync.tenant_subscriptions, subsync.subscription_history" || fail "VACUUM failed"

step "minting $tenants tokens"
sql -d "$db" -Atc "select md5('bench-tenant-' || n)::uuid from generate_series(1, $tenants) n" >"$out/tenant-ids.txt"
timeout 300 "$repo/subsync" token --batch "$out/tenant-ids.txt" >"$out/tokens.txt" 2>"$out/token.err" \
  || { cat "$out/token.err" >&2; fail "subsync token --batch failed"; }
[ "$(grep -c . "$out/tokens.txt")" -eq "$tenants" ] || fail "expected $tenants tokens in $out/tokens.txt"
sample=$(curl -fsS --max-time 10 -H "Authorization: Bearer $(head -1 "$out/tokens.txt")" \
  "$base/api/tenants/current/subscriptions") || fail "a sample request failed"
echo "$sample" >"$out/sample-response.json"
[ "$(grep -o '"productType"' <<<"$sample" | wc -l)" -eq 4 ] || fail "the sample response does not list 4 subscriptions: $sample"
echo "sample response: 4 subscriptions for tenant $(head -1 "$out/tenant-ids.txt")"

export BENCH_TOKENS="$out/tokens.txt" BENCH_WRK_THREADS="$threads"
url="$base/api/tenants/current/subscriptions"
run_wrk() { # duration file
  bounded $(( $1 + 60 )) wrk -t"$threads" -c"$connections" -d"$1s" --timeout 10s --latency \
    -s "$here/rotate-tokens.lua" "$url" >"$2" 2>&1 || { cat "$2" >&2; fail "wrk failed"; }
}
check_wrk() { # file
  local line; line=$(grep '^BENCH ' "$1") || { cat "$1" >&2; fail "wrk printed no summary (Lua error?)"; }
  local non2xx; non2xx=$(sed -E 's/.* non2xx=([0-9]+).*/\1/' <<<"$line")
  [ "$non2xx" -eq 0 ] || { cat "$1" >&2; tail -40 "$out/server.log" >&2; fail "$non2xx non-2xx responses in $1"; }
  grep -q 'Non-2xx or 3xx responses' "$1" && { cat "$1" >&2; fail "wrk reports non-2xx responses in $1"; }
  grep -q 'Socket errors' "$1" && { cat "$1" >&2; fail "wrk reports socket errors in $1"; }
  return 0
}
field() { sed -E "s/.* $1=([0-9.]+).*/\1/" <<<"$2"; }

warmup_step=${BENCH_WARMUP_STEP:-0}
if [ "$warmup" -gt 0 ] && [ "$warmup_step" -gt 0 ]; then
  # The warm-up as a curve: req/s in consecutive windows from the first request after ready (P5's warm-up goal).
  step "service warm-up, ${warmup} s in windows of ${warmup_step} s (not counted)"
  : >"$out/warmup-curve.txt"
  for ((w = 0; w < warmup; w += warmup_step)); do
    run_wrk "$warmup_step" "$out/wrk-warmup-$w.txt"
    check_wrk "$out/wrk-warmup-$w.txt"
    rps=$(grep -E 'Requests/sec' "$out/wrk-warmup-$w.txt" | awk '{print $2}')
    echo "$((w + warmup_step)) $rps" | tee -a "$out/warmup-curve.txt"
  done
elif [ "$warmup" -gt 0 ]; then
  step "service warm-up, ${warmup} s (not counted)"
  run_wrk "$warmup" "$out/wrk-warmup.txt"
  check_wrk "$out/wrk-warmup.txt"
  grep -E 'Requests/sec' "$out/wrk-warmup.txt"
fi

step "service: wrk -t$threads -c$connections -d${seconds}s"
echo "load before: $(load_line)" | tee -a "$out/environment.txt"
times >"$out/.times0"; read -r m_busy0 m_all0 < <(machine_ticks); j0=$(process_ticks "$server_pid"); p0=$(postgres_ticks)
run_wrk "$seconds" "$out/wrk.txt"
times >"$out/.times1"; read -r m_busy1 m_all1 < <(machine_ticks); j1=$(process_ticks "$server_pid"); p1=$(postgres_ticks)
echo "load after: $(load_line)" | tee -a "$out/environment.txt"
check_wrk "$out/wrk.txt"
cat "$out/wrk.txt"
wrk_line=$(grep '^BENCH ' "$out/wrk.txt")
svc_requests=$(field requests "$wrk_line")
svc_rps=$(awk -v r="$svc_requests" -v d="$(field duration_us "$wrk_line")" 'BEGIN{printf "%.1f", r / (d / 1e6)}')
svc_p50=$(awk -v v="$(field p50_us "$wrk_line")" 'BEGIN{printf "%.2f", v / 1000}')
svc_p99=$(awk -v v="$(field p99_us "$wrk_line")" 'BEGIN{printf "%.2f", v / 1000}')
svc_cpu=$(cpu_report $((m_busy1 - m_busy0)) $((m_all1 - m_all0)) "$svc_requests" JVM $((j1 - j0)) \
  PostgreSQL $((p1 - p0)) wrk $(( $(children_ticks "$out/.times1") - $(children_ticks "$out/.times0") )))
echo "CPU during the run: $svc_cpu" | tee -a "$out/environment.txt"
active=$(sql -d "$db" -Atc "select count(*) from subsync.tenant_subscriptions where status = 'active'")
[ "$active" -eq $((tenants * 4)) ] || fail "expected $((tenants * 4)) active subscriptions after the run, found $active"

step "stopping the service (pgbench gets the machine to itself)"
kill "$server_pid"
for _ in $(seq 1 30); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
kill -0 "$server_pid" 2>/dev/null && kill -9 "$server_pid"
server_pid=

"$here/pgbench-script.sh" "$repo/src/main/resources/sql/tenancy" "$tenants" >"$out/pgbench-script.sql"
export PGOPTIONS="-c search_path=subsync"
run_pgbench() { # clients duration file [extra args]
  local clients=$1 duration=$2 file=$3; shift 3
  bounded $(( duration + 120 )) pgbench "${pg[@]}" -n -M prepared -c "$clients" -j "$threads" -T "$duration" \
    -f "$out/pgbench-script.sql" "$@" "$db" >"$file" 2>&1 || { tail -30 "$file" >&2; fail "pgbench failed"; }
  local failed; failed=$(awk '/^number of failed transactions:/{print $5}' "$file")
  [ "${failed:-0}" = 0 ] || { cat "$file" >&2; fail "pgbench reports $failed failed transactions"; }
}
# One measured pgbench run with `clients` connections; sets pg_tps, pg_p50, pg_p99 (ms, from the per-transaction
# log) and pg_cpu.
pgbench_side() { # clients name
  local clients=$1 name=$2 count
  step "pgbench: the endpoint's statement, -c$clients -j$threads -T$seconds"
  if [ "$pg_warmup" -gt 0 ]; then
    run_pgbench "$clients" "$pg_warmup" "$out/$name-warmup.txt"
    grep -E '^tps' "$out/$name-warmup.txt" | sed 's/^/warm-up: /'
  fi
  times >"$out/.times0"; read -r m_busy0 m_all0 < <(machine_ticks); p0=$(postgres_ticks)
  run_pgbench "$clients" "$seconds" "$out/$name.txt" --log --log-prefix="$out/$name-log" -P 5
  sleep 0.5 # the postmaster reaps the backends pgbench leaves behind
  times >"$out/.times1"; read -r m_busy1 m_all1 < <(machine_ticks); p1=$(postgres_ticks)
  cat "$out/$name.txt"
  pg_tps=$(awk '/^tps = /{printf "%.1f", $3; exit}' "$out/$name.txt")
  [ -n "$pg_tps" ] || fail "no tps in pgbench's output"
  # Per-transaction log lines: client transaction latency_us script epoch epoch_us.
  cat "$out/$name"-log.* | awk '{print $3}' | sort -n >"$out/$name-latencies-us.txt"
  rm -f "$out/$name"-log.*
  count=$(wc -l <"$out/$name-latencies-us.txt")
  [ "$count" -gt 0 ] || fail "pgbench wrote no per-transaction log"
  pg_p50=$(percentile_ms "$out/$name-latencies-us.txt" "$count" 0.50)
  pg_p99=$(percentile_ms "$out/$name-latencies-us.txt" "$count" 0.99)
  pg_cpu=$(cpu_report $((m_busy1 - m_busy0)) $((m_all1 - m_all0)) "$count" PostgreSQL $((p1 - p0)) \
    pgbench $(( $(children_ticks "$out/.times1") - $(children_ticks "$out/.times0") )))
  echo "CPU during the run: $pg_cpu" | tee -a "$out/environment.txt"
  echo "load after pgbench -c$clients: $(load_line)" | tee -a "$out/environment.txt"
}
percentile_ms() { # sorted file, count, quantile: nearest rank
  awk -v n="$2" -v q="$3" 'BEGIN{k=int(n*q); if (k<n*q) k++; if (k<1) k=1} NR==k{printf "%.2f", $1/1000; exit}' "$1"
}

pgbench_side "$connections" pgbench
read -r pg_tps_main pg_p50_main pg_p99_main <<<"$pg_tps $pg_p50 $pg_p99"; pg_cpu_main=$pg_cpu
# The same SQL with as many connections as the service's pool: what PostgreSQL alone does with the concurrency the
# service lets through. Informational; the goal compares with the run above.
if [ "$pool_row" = 1 ] && [ "$SUBSYNC_DB_POOL_SIZE" != "$connections" ]; then
  pgbench_side "$SUBSYNC_DB_POOL_SIZE" pgbench-at-pool
  read -r pg_tps_pool pg_p50_pool pg_p99_pool <<<"$pg_tps $pg_p50 $pg_p99"; pg_cpu_pool=$pg_cpu
else
  pool_row=0
fi
pg_tps=$pg_tps_main; pg_p50=$pg_p50_main; pg_p99=$pg_p99_main; pg_cpu=$pg_cpu_main

ratio=$(awk -v s="$svc_rps" -v p="$pg_tps" 'BEGIN{printf "%.2f", s / p}')
ratio_result=$(verdict "$ratio" "$goal_ratio" ge)
p99_result=$(verdict "$svc_p99" "$goal_p99_ms" le)
jvm_ms=$(per_op JVM "$svc_cpu"); pg_ms=$(per_op PostgreSQL "$svc_cpu")
# The warm-up: the first window that reached 80 % of the measured rate (a curve only with BENCH_WARMUP_STEP > 0).
warm_at=$(awk -v steady="$svc_rps" '$2 >= 0.8 * steady {print $1; exit}' "$out/warmup-curve.txt" 2>/dev/null || true)

step "results"
{
  echo "GET /api/tenants/current/subscriptions, $tenants tenants x 4 subscriptions, $connections connections, ${seconds} s, $(nproc) cores"
  echo "reconcile: created $created subscriptions in $reconcile_ms ms (statement; $reconcile_wall_ms ms with JVM start)"
  echo
  printf '%-28s %18s %9s %9s\n' "side" "throughput" "p50 ms" "p99 ms"
  printf '%-28s %12s req/s %9s %9s\n' "service via wrk (HTTP)" "$svc_rps" "$svc_p50" "$svc_p99"
  printf '%-28s %12s tps   %9s %9s\n' "pgbench, same SQL, -c$connections" "$pg_tps" "$pg_p50" "$pg_p99"
  printf '%-28s %18s\n' "ratio service/pgbench" "$ratio"
  if [ "$pool_row" = 1 ]; then
    printf '%-28s %12s tps   %9s %9s   (the pool'"'"'s concurrency; for reference, ratio %s)\n' \
      "pgbench, same SQL, -c$SUBSYNC_DB_POOL_SIZE" "$pg_tps_pool" "$pg_p50_pool" "$pg_p99_pool" \
      "$(awk -v s="$svc_rps" -v p="$pg_tps_pool" 'BEGIN{printf "%.2f", s / p}')"
  fi
  echo
  printf '%-36s %9s  %s\n' "goal" "value" "result"
  printf '%-36s %9s  %s\n' "throughput ratio >= $goal_ratio" "$ratio" "$ratio_result"
  printf '%-36s %9s  %s\n' "service p99 <= $goal_p99_ms ms" "$svc_p99" "$p99_result"
  echo
  echo "CPU, service run: $svc_cpu"
  echo "CPU, pgbench -c$connections run: $pg_cpu"
  [ "$pool_row" = 0 ] || echo "CPU, pgbench -c$SUBSYNC_DB_POOL_SIZE run: $pg_cpu_pool"
  echo "load: $(grep -m1 '^load before' "$out/environment.txt" | sed 's/^load before: //')"
  echo
  result "P1 read, $connections connections" "$svc_rps req/s" "pgbench, same SQL: $pg_tps tps" "$ratio" ">= $goal_ratio" \
    "$ratio_result" "JVM $jvm_ms ms, PostgreSQL $pg_ms ms per request"
  result "P1 read, p99" "$svc_p99 ms" "pgbench p99 $pg_p99 ms" - "<= $goal_p99_ms ms" "$p99_result" -
  result "P1 read, JVM CPU per request" "$jvm_ms ms" - - "<= $goal_jvm_ms ms" "$(verdict "$jvm_ms" "$goal_jvm_ms" le)" -
  if [ -s "$out/warmup-curve.txt" ]; then
    result "P5 warm-up: 80 % of the measured read rate" "$([ -n "$warm_at" ] && echo "after $warm_at s" || echo "not within $(tail -1 "$out/warmup-curve.txt" | cut -d' ' -f1) s")" \
      - - "<= 30 s" "$([ -n "$warm_at" ] && verdict "$warm_at" 30 le || echo MISS)" -
  fi
} | tee "$out/results.txt"

if [ "$strict" = 1 ] && { [ "$ratio_result" = MISS ] || [ "$p99_result" = MISS ]; }; then
  echo "tenant-subscriptions: a goal was missed (BENCH_STRICT=1)" >&2
  exit 3
fi
