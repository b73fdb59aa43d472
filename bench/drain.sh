#!/usr/bin/env bash
# Drains BENCH_OPERATIONS queued sync operations into the Master simulator and compares the delivery rate with the
# simulator's own ceiling under wrk; checks at the end that none was lost and none applied twice.
#
#   bench/drain.sh [--no-build]
#
# Environment: BENCH_OPERATIONS=100000 BENCH_SECONDS=20 (ceiling run) BENCH_CONNECTIONS=32 BENCH_THREADS=2
#              SUBSYNC_SYNC_WORKERS / SUBSYNC_SYNC_BATCH_SIZE / SUBSYNC_DB_POOL_SIZE (passed to the service)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

operations=${BENCH_OPERATIONS:-100000}
seconds=${BENCH_SECONDS:-20}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
db=subsync_bench_drain
out="$here/out/drain-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
master_key=bench-master-key

need_tools
build_unless "${1:-}"
export SUBSYNC_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" SUBSYNC_DB_USER=postgres
export SUBSYNC_JWT_SECRET=$(head -c 36 /dev/urandom | base64 | tr '+/' '-_')

step "starting the Master simulator"
master_port=$(free_port)
"$repo/subsync" master-sim --port "$master_port" --api-key "$master_key" > "$out/master.log" 2>&1 &
pids+=($!)
master="http://127.0.0.1:$master_port"
for _ in $(seq 1 80); do curl -fs -o /dev/null -H "Authorization: Bearer $master_key" "$master/admin/stats" && break; sleep 0.25; done
stats() { curl -fs -H "Authorization: Bearer $master_key" "$master/admin/stats"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

step "the simulator's ceiling: wrk ${seconds}s, $connections connections, a new key per request"
BENCH_MASTER_KEY=$master_key wrk -t"$threads" -c"$connections" -d"$seconds"s --latency -s "$here/master-post.lua" "$master/" \
  | tee "$out/wrk-master.txt"
line=$(grep '^BENCH ' "$out/wrk-master.txt")
ceiling=$(sed -n 's/.* rps=\([^ ]*\).*/\1/p' <<<"$line")
[ "$(sed -n 's/.* non2xx=\([^ ]*\).*/\1/p' <<<"$line")" = 0 ] || fail "the simulator answered non-2xx: $line"
curl -fs -X POST -H "Authorization: Bearer $master_key" "$master/admin/reset" >/dev/null

step "fresh database $db with $operations queued operations"
fresh_database "$db"
"$repo/subsync" init "$repo/config/catalogue.yml" > "$out/init.txt"
psql "${pg[@]}" -d "$db" -qtA > /dev/null <<SQL
SET search_path TO subsync;
INSERT INTO account_sync (mvp_user_id, master_user_id, sync_status, created_at, updated_at)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
       ('10000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'pending', now(), now()
FROM generate_series(1, $operations) n;
INSERT INTO subscription_sync_state (mvp_user_id, service_name, plan_code, operation, status, start_date, desired_revision,
    desired_at, last_sync_id, sync_status)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'bazi-consultation', 'BASIC', 'create', 'active',
       '2026-11-01', 1, now(), md5('op-' || n)::uuid, 'pending'
FROM generate_series(1, $operations) n;
INSERT INTO sync_outbox (id, mvp_user_id, service_name, revision, operation, payload, status, next_attempt_at, actor, created_at)
SELECT md5('op-' || n)::uuid, ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'bazi-consultation', 1, 'create',
       '{"operation": "create", "serviceName": "bazi-consultation", "planCode": "BASIC", "status": "active",
         "startDate": "2026-11-01T00:00:00Z", "endDate": null, "metadata": null}'::jsonb,
       'pending', now(), 'bench', now()
FROM generate_series(1, $operations) n;
ANALYZE;
SQL

step "draining into the simulator"
port=$(free_port)
MASTER_API_URL="$master" MASTER_API_KEY="$master_key" "$repo/subsync" serve --port "$port" > "$out/service.log" 2>&1 &
pids+=($!)
started=$(date +%s.%N)
open=1
while [ "$open" != 0 ]; do
  sleep 1
  open=$(psql "${pg[@]}" -d "$db" -qtAc "SELECT count(*) FROM subsync.sync_outbox WHERE status IN ('pending', 'delivering')")
  printf '  %6.0fs: %s to deliver\n' "$(awk -v s="$started" -v n="$(date +%s.%N)" 'BEGIN {print n - s}')" "$open"
  [ "$(awk -v s="$started" -v n="$(date +%s.%N)" 'BEGIN {print (n - s > 900)}')" = 0 ] || fail "not drained after 15 minutes"
done

read -r delivered span <<<"$(psql "${pg[@]}" -d "$db" -qtA -F ' ' -c "
  SELECT count(*), extract(epoch FROM max(delivered_at) - min(delivered_at))
  FROM subsync.sync_outbox WHERE status = 'delivered'")"
not_delivered=$(psql "${pg[@]}" -d "$db" -qtAc "SELECT count(*) FROM subsync.sync_outbox WHERE status <> 'delivered'")
master_stats=$(stats)
applied=$(field applied <<<"$master_stats"); duplicates=$(field duplicatesRefused <<<"$master_stats")
rate=$(awk -v n="$delivered" -v s="$span" 'BEGIN {printf "%.0f", n / s}')
ratio=$(awk -v a="$rate" -v b="$ceiling" 'BEGIN {printf "%.2f", a / b}')

printf '\n%-52s %12s\n' "drain of $operations operations" "per second"
printf '%-52s %12.0f\n' "Master simulator's ceiling (wrk, new key each)" "$ceiling"
printf '%-52s %12.0f\n' "Subsync deliveries (first to last confirmation)" "$rate"
printf 'ratio deliveries / ceiling: %s (goal >= 0.5: %s)\n' "$ratio" "$(awk -v r="$ratio" 'BEGIN {print (r >= 0.5) ? "PASS" : "MISS"}')"
printf 'delivered %s of %s, not delivered %s; Master applied %s, refused %s duplicates\n' "$delivered" "$operations" \
  "$not_delivered" "$applied" "$duplicates"
[ "$delivered" = "$operations" ] && [ "$not_delivered" = 0 ] || fail "operations were lost"
[ "$applied" = "$operations" ] || fail "Master applied $applied, expected $operations (lost or applied twice)"
printf 'raw outputs: %s\n' "$out"
