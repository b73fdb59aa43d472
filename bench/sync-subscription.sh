#!/usr/bin/env bash
# P2, accept: POST /sync-subscription under wrk against two references run by pgbench at the same concurrency:
#   the same transaction's SQL (bench/sync-transaction.sql), and the least durable accept (bench/sync-least.sql:
#   one statement, one commit, upserting the state and inserting the outbox and audit rows).
# Goals: service >= 0.6 x the same transaction; the same transaction >= 0.5 x the least one; p99 <= 50 ms.
#
#   bench/sync-subscription.sh [--no-build]
#
# The service runs without MASTER_API_URL, so a request is exactly: validation, the mapping lookup and the one
# transaction that records the desired state, the outbox row and the audit entries (delivery is measured by
# bench/drain.sh). BENCH_USERS users are linked beforehand; every request changes one of them (update).
# Environment: BENCH_USERS=10000 BENCH_SECONDS=30 BENCH_WARMUP_SECONDS=10 BENCH_CONNECTIONS=32 BENCH_THREADS=2
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

users=${BENCH_USERS:-10000}
seconds=${BENCH_SECONDS:-30}
warmup=${BENCH_WARMUP_SECONDS:-10}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
db=subsync_bench_sync
out="$here/out/sync-subscription-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"

need_tools
build_unless "${1:-}"
secret=$(head -c 36 /dev/urandom | base64 | tr '+/' '-_')
export SUBSYNC_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" SUBSYNC_DB_USER=postgres SUBSYNC_JWT_SECRET="$secret"
unset MASTER_API_URL MASTER_API_KEY

step "fresh database $db, schema and mappings"
fresh_database "$db"
"$repo/subsync" init "$repo/config/catalogue.yml" > "$out/init.txt"
psql "${pg[@]}" -d "$db" -qtA > /dev/null <<SQL
SET search_path TO subsync;
INSERT INTO account_sync (mvp_user_id, master_user_id, sync_status, created_at, updated_at)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
       ('10000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'synced', now(), now()
FROM generate_series(1, $users) n;
INSERT INTO subscription_sync_state (mvp_user_id, service_name, plan_code, operation, status, start_date, desired_revision,
    desired_at, last_sync_id, synced_revision, synced_at, sync_status)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'bazi-consultation', 'BASIC', 'create', 'active',
       '2026-11-01', 1, now(), gen_random_uuid(), 1, now(), 'synced'
FROM generate_series(1, $users) n;
ANALYZE;
SQL

step "starting the service"
port=$(free_port)
"$repo/subsync" serve --port "$port" > "$out/service.log" 2>&1 &
svc_pid=$!; pids+=($svc_pid)
wait_http "http://127.0.0.1:$port/actuator/health" 120
export BENCH_TOKEN=$("$repo/subsync" token --role service_role --ttl PT2H) BENCH_USERS=$users

run_wrk() {
  wrk -t"$threads" -c"$connections" -d"$1"s --latency -s "$here/sync-post.lua" "http://127.0.0.1:$port/sync-subscription"
}
if [ "$warmup" -gt 0 ]; then step "warm-up ${warmup}s"; run_wrk "$warmup" > "$out/wrk-warmup.txt"; fi
step "wrk ${seconds}s, $connections connections"
read -r m_busy0 m_all0 < <(machine_ticks); p0=$(postgres_ticks); j0=$(process_ticks "$svc_pid")
run_wrk "$seconds" | tee "$out/wrk.txt"
read -r m_busy1 m_all1 < <(machine_ticks); p1=$(postgres_ticks); j1=$(process_ticks "$svc_pid")
line=$(grep '^BENCH ' "$out/wrk.txt")
get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
[ "$(get errors)" = 0 ] && [ "$(get non2xx)" = 0 ] || fail "wrk saw errors or non-2xx answers: $line"
rps=$(get rps); p50=$(get p50_ms); p99=$(get p99_ms)
svc_cpu=$(cpu_report $((m_busy1 - m_busy0)) $((m_all1 - m_all0)) "$(get requests)" JVM $((j1 - j0)) PostgreSQL $((p1 - p0)))

stop_all
# pgbench_run NAME SCRIPT: prints tps p50 p99 of SCRIPT at the same concurrency
pgbench_run() {
  (cd "$out" && PGDATABASE="$db" PGOPTIONS='-c search_path=subsync' pgbench "${pg[@]}" -n -M simple -c "$connections" -j "$threads" \
    -T "$seconds" -D users="$users" -f "$2" --log --log-prefix="pgbench-$1" > "$out/pgbench-$1.txt" 2>&1) \
    || { cat "$out/pgbench-$1.txt" >&2; fail "pgbench failed ($1)"; }
  cat "$out"/pgbench-"$1".[0-9]* 2>/dev/null | awk '{print $3 / 1000}' > "$out/pgbench-$1-latency-ms.txt"
  echo "$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$out/pgbench-$1.txt" | head -1) $(percentile "$out/pgbench-$1-latency-ms.txt" 50) $(percentile "$out/pgbench-$1-latency-ms.txt" 99)"
}
step "pgbench ${seconds}s, same transaction, $connections clients"
read -r tps pp50 pp99 <<<"$(pgbench_run same "$here/sync-transaction.sql")"
step "pgbench ${seconds}s, the least durable accept, $connections clients"
read -r ltps lp50 lp99 <<<"$(pgbench_run least "$here/sync-least.sql")"
ratio=$(awk -v a="$rps" -v b="$tps" 'BEGIN {printf "%.2f", a / b}')
lean=$(awk -v a="$tps" -v b="$ltps" 'BEGIN {printf "%.2f", a / b}')
# Statements of the same transaction, as sync-transaction.sql runs them (the mapping read comes before it).
statements=$(grep -v '^\\\|^--' "$here/sync-transaction.sql" | grep -c -e ';$' -e '\\gset$')

printf '\n%-44s %12s %10s %10s\n' "POST /sync-subscription ($users users)" "ops/s" "p50 ms" "p99 ms"
printf '%-44s %12.0f %10.2f %10.2f\n' "service through HTTP (wrk)" "$rps" "$p50" "$p99"
printf '%-44s %12.0f %10.2f %10.2f\n' "same transaction's SQL (pgbench)" "$tps" "$pp50" "$pp99"
printf '%-44s %12.0f %10.2f %10.2f\n' "least durable accept (pgbench)" "$ltps" "$lp50" "$lp99"
printf 'P2 service / same transaction: %s (goal >= 0.6: %s)\n' "$ratio" "$(verdict "$ratio" 0.6)"
printf 'P2 same transaction / least: %s (goal >= 0.5: %s); %s statements, a round trip each (the mapping read, BEGIN and COMMIT included)\n' \
  "$lean" "$(verdict "$lean" 0.5)" "$statements"
printf 'P2 service p99: %s ms (goal <= 50 ms: %s)\n' "$p99" "$(verdict "$p99" 50 le)"
printf 'CPU, service run: %s\n' "$svc_cpu"
result "P2 accept, $connections connections" "$rps ops/s" "pgbench, same transaction: $(printf %.0f "$tps") tps" "$ratio" ">= 0.6" \
  "$(verdict "$ratio" 0.6)" "JVM $(per_op JVM "$svc_cpu") ms, PostgreSQL $(per_op PostgreSQL "$svc_cpu") ms per request"
result "P2 same transaction vs the least accept" "$(printf %.0f "$tps") tps ($statements statements)" "pgbench, least: $(printf %.0f "$ltps") tps" "$lean" \
  ">= 0.5" "$(verdict "$lean" 0.5)" -
result "P2 accept, p99" "$p99 ms" "pgbench same: $pp99 ms" - "<= 50 ms" "$(verdict "$p99" 50 le)" -
printf 'raw outputs: %s\n' "$out"
