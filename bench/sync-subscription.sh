#!/usr/bin/env bash
# POST /sync-subscription under wrk vs pgbench running the same transaction's SQL (bench/sync-transaction.sql).
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
pids+=($!)
wait_http "http://127.0.0.1:$port/actuator/health" 120
export BENCH_TOKEN=$("$repo/subsync" token --role service_role --ttl PT2H) BENCH_USERS=$users

run_wrk() {
  wrk -t"$threads" -c"$connections" -d"$1"s --latency -s "$here/sync-post.lua" "http://127.0.0.1:$port/sync-subscription"
}
if [ "$warmup" -gt 0 ]; then step "warm-up ${warmup}s"; run_wrk "$warmup" > "$out/wrk-warmup.txt"; fi
step "wrk ${seconds}s, $connections connections"
run_wrk "$seconds" | tee "$out/wrk.txt"
line=$(grep '^BENCH ' "$out/wrk.txt")
get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
[ "$(get errors)" = 0 ] && [ "$(get non2xx)" = 0 ] || fail "wrk saw errors or non-2xx answers: $line"
rps=$(get rps); p50=$(get p50_ms); p99=$(get p99_ms)

step "pgbench ${seconds}s, same transaction, $connections clients"
stop_all
(cd "$out" && PGOPTIONS='-c search_path=subsync' pgbench "${pg[@]}" -d "$db" -n -M simple -c "$connections" -j "$threads" \
  -T "$seconds" -D users="$users" -f "$here/sync-transaction.sql" --log --log-prefix=pgbench > "$out/pgbench.txt" 2>&1) \
  || { cat "$out/pgbench.txt"; fail "pgbench failed"; }
tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$out/pgbench.txt" | head -1)
cat "$out"/pgbench.[0-9]* 2>/dev/null | awk '{print $3 / 1000}' > "$out/pgbench-latency-ms.txt"
pp50=$(percentile "$out/pgbench-latency-ms.txt" 50); pp99=$(percentile "$out/pgbench-latency-ms.txt" 99)
ratio=$(awk -v a="$rps" -v b="$tps" 'BEGIN {printf "%.2f", a / b}')

printf '\n%-44s %12s %10s %10s\n' "POST /sync-subscription ($users users)" "ops/s" "p50 ms" "p99 ms"
printf '%-44s %12.0f %10.2f %10.2f\n' "service through HTTP (wrk)" "$rps" "$p50" "$p99"
printf '%-44s %12.0f %10.2f %10.2f\n' "same transaction's SQL (pgbench)" "$tps" "$pp50" "$pp99"
printf 'ratio service / pgbench: %s (goal >= 0.5: %s)\n' "$ratio" "$(awk -v r="$ratio" 'BEGIN {print (r >= 0.5) ? "PASS" : "MISS"}')"
printf 'raw outputs: %s\n' "$out"
