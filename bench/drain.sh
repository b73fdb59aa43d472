#!/usr/bin/env bash
# P3, deliver: drains BENCH_OPERATIONS queued sync operations into the Master simulator and compares the delivery
# rate with the limit of this machine, limit = 1 / (1/a + 1/b):
#   (a) the simulator alone under wrk (after a warm-up run of the same length), a new Idempotency-Key per request;
#   (b) pgbench running a worker's per-batch SQL (bench/drain-batch-script.sh: claim under a lease, confirm with the
#       audit rows) on the same queue, one client per worker, expressed per delivery.
# The queue holds BENCH_REVISIONS (4) changes of each (user, service), so the claim's next-in-line rule is
# exercised. At the end: every row delivered, Master applied each exactly once, and never one out of order (the
# simulator's outOfOrder counter: a sequence lower than the one applied before to the same subscription).
#
#   bench/drain.sh [--no-build]
#
# JAVA_OPTS reaches only the draining service (not the simulator), e.g. for a JFR recording.
# Environment: BENCH_OPERATIONS=100000 BENCH_REVISIONS=4 BENCH_SECONDS=20 (each wrk run) BENCH_CONNECTIONS=32
#              BENCH_THREADS=2; the service runs with its defaults unless SUBSYNC_SYNC_WORKERS /
#              SUBSYNC_SYNC_BATCH_SIZE / SUBSYNC_DB_POOL_SIZE are set, and (b) uses the same worker count and batch.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_options 16 "$@"

operations=${BENCH_OPERATIONS:-100000}
revisions=${BENCH_REVISIONS:-4}
seconds=${BENCH_SECONDS:-20}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
db=subsync_bench_drain
out="$here/out/drain-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
master_key=bench-master-key
[ $((operations % revisions)) = 0 ] || fail "BENCH_OPERATIONS must be a multiple of BENCH_REVISIONS"
users=$((operations / revisions))

need_tools
[ "$build" = 0 ] || build_unless
[ -f "$repo/target/subsync.jar" ] || fail "target/subsync.jar is missing"
export SUBSYNC_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/$db" SUBSYNC_DB_USER=postgres
export SUBSYNC_JWT_SECRET=$(head -c 36 /dev/urandom | base64 | tr '+/' '-_')
# The worker count and batch the service will use: its own defaults unless set (SyncProperties).
workers=${SUBSYNC_SYNC_WORKERS:-$(sed -n 's/^ *workers: \${SUBSYNC_SYNC_WORKERS:\([0-9]*\)}.*/\1/p' "$repo/src/main/resources/application.yml")}
batch=${SUBSYNC_SYNC_BATCH_SIZE:-$(sed -n 's/^ *batch-size: \${SUBSYNC_SYNC_BATCH_SIZE:\([0-9]*\)}.*/\1/p' "$repo/src/main/resources/application.yml")}
[ -n "$workers" ] && [ -n "$batch" ] || fail "cannot read the workers' defaults from application.yml"

step "starting the Master simulator"
master_port=$(free_port)
env -u JAVA_OPTS "$repo/subsync" master-sim --port "$master_port" --api-key "$master_key" > "$out/master.log" 2>&1 &
master_pid=$!; pids+=($master_pid)
master="http://127.0.0.1:$master_port"
for _ in $(seq 1 80); do curl -fs -o /dev/null -H "Authorization: Bearer $master_key" "$master/admin/stats" && break; sleep 0.25; done
stats() { curl -fs -H "Authorization: Bearer $master_key" "$master/admin/stats"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

step "(a) the simulator alone: wrk ${seconds}s to warm it, then ${seconds}s measured, $connections connections"
BENCH_MASTER_KEY=$master_key wrk -t"$threads" -c"$connections" -d"$seconds"s -s "$here/master-post.lua" "$master/" \
  > "$out/wrk-master-warmup.txt"
BENCH_MASTER_KEY=$master_key wrk -t"$threads" -c"$connections" -d"$seconds"s --latency -s "$here/master-post.lua" "$master/" \
  | tee "$out/wrk-master.txt"
line=$(grep '^BENCH ' "$out/wrk-master.txt")
ceiling=$(sed -n 's/.* rps=\([^ ]*\).*/\1/p' <<<"$line")
[ "$(sed -n 's/.* non2xx=\([^ ]*\).*/\1/p' <<<"$line")" = 0 ] || fail "the simulator answered non-2xx: $line"
curl -fs -X POST -H "Authorization: Bearer $master_key" "$master/admin/reset" >/dev/null

# queue: a fresh database with $users linked accounts and $revisions changes of each one's subscription, pending
queue() {
  fresh_database "$db"
  env -u JAVA_OPTS "$repo/subsync" init "$repo/config/catalogue.yml" > "$out/init.txt"
  psql "${pg[@]}" -d "$db" -qtA > /dev/null <<SQL
SET search_path TO subsync;
INSERT INTO account_sync (mvp_user_id, master_user_id, sync_status, created_at, updated_at)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
       ('10000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'pending', now(), now()
FROM generate_series(1, $users) n;
INSERT INTO subscription_sync_state (mvp_user_id, service_name, plan_code, operation, status, start_date, desired_revision,
    desired_at, last_sync_id, sync_status)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'bazi-consultation',
       CASE WHEN $revisions % 2 = 0 THEN 'PREMIUM' ELSE 'BASIC' END, CASE WHEN $revisions = 1 THEN 'create' ELSE 'update' END,
       'active', '2026-11-01', $revisions, now(), md5('op-' || n || '-' || $revisions)::uuid, 'pending'
FROM generate_series(1, $users) n;
INSERT INTO sync_outbox (id, mvp_user_id, service_name, revision, operation, payload, status, next_attempt_at, actor, created_at)
SELECT md5('op-' || n || '-' || r)::uuid, ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'bazi-consultation',
       r, CASE WHEN r = 1 THEN 'create' ELSE 'update' END,
       jsonb_build_object('operation', CASE WHEN r = 1 THEN 'create' ELSE 'update' END, 'serviceName', 'bazi-consultation',
                          'planCode', CASE WHEN r % 2 = 0 THEN 'PREMIUM' ELSE 'BASIC' END, 'status', 'active',
                          'startDate', '2026-11-01T00:00:00Z', 'endDate', null, 'metadata', null),
       'pending', now(), 'bench', now()
FROM generate_series(1, $users) n, generate_series(1, $revisions) r;
ANALYZE;
SQL
}

step "(b) a worker's per-batch SQL under pgbench: $workers clients, batches of $batch, $operations queued"
queue
"$here/drain-batch-script.sh" "$repo/src/main/resources/sql/sync" > "$out/drain-batch.sql"
batches=$(( (operations + batch * workers - 1) / (batch * workers) ))
read -r m_busy0 m_all0 < <(machine_ticks); p0=$(postgres_ticks)
(cd "$out" && PGDATABASE="$db" pgbench "${pg[@]}" -n -M prepared -c "$workers" -j "$workers" -t "$batches" -D batch="$batch" \
  -f "$out/drain-batch.sql" > "$out/pgbench.txt" 2>&1) || { cat "$out/pgbench.txt"; fail "pgbench failed"; }
read -r m_busy1 m_all1 < <(machine_ticks); p1=$(postgres_ticks)
read -r b_rows b_span <<<"$(psql "${pg[@]}" -d "$db" -qtA -F ' ' -c "
  SELECT count(*), extract(epoch FROM max(delivered_at) - min(delivered_at)) FROM subsync.sync_outbox WHERE status = 'delivered'")"
b_tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$out/pgbench.txt" | head -1)
b_seconds=$(awk -v t="$b_tps" -v n=$((batches * workers)) 'BEGIN {printf "%.3f", n / t}')
per_batch=$(awk -v r="$b_rows" -v s="$b_seconds" 'BEGIN {printf "%.0f", r / s}')
b_cpu=$(cpu_report $((m_busy1 - m_busy0)) $((m_all1 - m_all0)) "$b_rows" PostgreSQL $((p1 - p0)))
echo "pgbench: $((batches * workers)) batches in $b_seconds s, $b_rows deliveries confirmed: $per_batch per second; CPU: $b_cpu"
limit=$(awk -v a="$ceiling" -v b="$per_batch" 'BEGIN {printf "%.0f", 1 / (1 / a + 1 / b)}')

step "fresh queue of $operations operations; draining it into the simulator"
queue
port=$(free_port)
MASTER_API_URL="$master" MASTER_API_KEY="$master_key" "$repo/subsync" serve --port "$port" > "$out/service.log" 2>&1 &
svc_pid=$!; pids+=($svc_pid)
started=$(date +%s.%N)
read -r m_busy0 m_all0 < <(machine_ticks); p0=$(postgres_ticks); j0=$(process_ticks "$svc_pid"); s0=$(process_ticks "$master_pid")
open=1
while [ "$open" != 0 ]; do
  sleep 1
  open=$(psql "${pg[@]}" -d "$db" -qtAc "SELECT count(*) FROM subsync.sync_outbox WHERE status IN ('pending', 'delivering')")
  printf '  %6.0fs: %s to deliver\n' "$(awk -v s="$started" -v n="$(date +%s.%N)" 'BEGIN {print n - s}')" "$open"
  [ "$(awk -v s="$started" -v n="$(date +%s.%N)" 'BEGIN {print (n - s > 900)}')" = 0 ] || fail "not drained after 15 minutes"
done
read -r m_busy1 m_all1 < <(machine_ticks); p1=$(postgres_ticks); j1=$(process_ticks "$svc_pid"); s1=$(process_ticks "$master_pid")

read -r delivered span <<<"$(psql "${pg[@]}" -d "$db" -qtA -F ' ' -c "
  SELECT count(*), extract(epoch FROM max(delivered_at) - min(delivered_at))
  FROM subsync.sync_outbox WHERE status = 'delivered'")"
not_delivered=$(psql "${pg[@]}" -d "$db" -qtAc "SELECT count(*) FROM subsync.sync_outbox WHERE status <> 'delivered'")
master_stats=$(stats)
applied=$(field applied <<<"$master_stats"); duplicates=$(field duplicatesRefused <<<"$master_stats")
out_of_order=$(field outOfOrder <<<"$master_stats")
rate=$(awk -v n="$delivered" -v s="$span" 'BEGIN {printf "%.0f", n / s}')
ratio=$(awk -v a="$rate" -v b="$limit" 'BEGIN {printf "%.2f", a / b}')
# The CPU figures cover the whole drain from the service's start, so they include its start-up.
svc_cpu=$(cpu_report $((m_busy1 - m_busy0)) $((m_all1 - m_all0)) "$delivered" JVM $((j1 - j0)) \
  simulator $((s1 - s0)) PostgreSQL $((p1 - p0)))

printf '\n%-60s %12s\n' "drain of $operations operations ($users subscriptions x $revisions)" "per second"
printf '%-60s %12.0f\n' "(a) the simulator alone (wrk, a new key each)" "$ceiling"
printf '%-60s %12.0f\n' "(b) a worker's per-batch SQL (pgbench -c$workers, batch $batch)" "$per_batch"
printf '%-60s %12.0f\n' "limit = 1 / (1/a + 1/b)" "$limit"
printf '%-60s %12.0f\n' "Subsync deliveries (first to last confirmation)" "$rate"
printf 'P3 drain / limit: %s (goal >= 0.7: %s)\n' "$ratio" "$(verdict "$ratio" 0.7)"
printf 'CPU, drain (from the service start): %s\n' "$svc_cpu"
printf 'CPU, (b): %s\n' "$b_cpu"
result "P3 deliver, $operations operations" "$rate deliveries/s" "limit $limit/s (a: simulator $ceiling/s, b: per-batch SQL $per_batch/s)" \
  "$ratio" ">= 0.7" "$(verdict "$ratio" 0.7)" \
  "JVM $(per_op JVM "$svc_cpu") ms, simulator $(per_op simulator "$svc_cpu") ms, PostgreSQL $(per_op PostgreSQL "$svc_cpu") ms per delivery"
printf 'delivered %s of %s, not delivered %s; Master applied %s, refused %s duplicates, %s out of order\n' "$delivered" \
  "$operations" "$not_delivered" "$applied" "$duplicates" "$out_of_order"
[ "$delivered" = "$operations" ] && [ "$not_delivered" = 0 ] || fail "operations were lost"
[ "$applied" = "$operations" ] || fail "Master applied $applied, expected $operations (lost or applied twice)"
[ "$out_of_order" = 0 ] || fail "Master applied $out_of_order deliveries out of order"
printf 'raw outputs: %s\n' "$out"
