#!/usr/bin/env bash
# Correctness under crashes and faults, not a timed benchmark. BENCH_SYNCS changes are sent through
# POST /sync-subscription to BENCH_INSTANCES service instances sharing one database, while the Master simulator fails
# BENCH_ERROR_RATE of its requests and now and then answers slower than a request waits (so changes queue behind one
# in flight), and the instances are killed with kill -9 at random moments and started again. Once every change is
# accepted and the outbox is drained, each (user, service) at Master (the simulator's GET /users/{id}/subscriptions)
# is compared with the last accepted state in subscription_sync_state: plan, status, start date, and end date when
# one was given. Exits 1 when a pair differs.
#
#   bench/converge.sh [--no-build]
#
# Environment: BENCH_SYNCS=20000 BENCH_USERS=2000 (x 3 services) BENCH_CLIENTS=8 BENCH_INSTANCES=2
#              BENCH_ERROR_RATE=0.1 BENCH_LATENCY_MS=20 BENCH_SLOW_MS=2500 (latency of a slow spell; 0: none)
#              BENCH_KILL_MIN=5 BENCH_KILL_MAX=20 (seconds between kills; a kill waits until another instance
#              serves) BENCH_SEED=1 BENCH_DRAIN_SECONDS=900
#              BENCH_PG_PORT=5432
# The service runs with short retries (SUBSYNC_SYNC_RETRY_SCHEDULE, so the drain ends in minutes), a 10 s lease
# (rows held by a killed instance are taken over sooner) and no scheduled reconciliation with Master (it would mark
# drift of its own while deliveries are in flight).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
trap 'exit 143' TERM INT

syncs=${BENCH_SYNCS:-20000}
users=${BENCH_USERS:-2000}
clients=${BENCH_CLIENTS:-8}
instances=${BENCH_INSTANCES:-2}
error_rate=${BENCH_ERROR_RATE:-0.1}
latency=${BENCH_LATENCY_MS:-20}
slow=${BENCH_SLOW_MS:-2500}
kill_min=${BENCH_KILL_MIN:-5}
kill_max=${BENCH_KILL_MAX:-20}
seed=${BENCH_SEED:-1}
drain_seconds=${BENCH_DRAIN_SECONDS:-900}
db=subsync_bench_converge
out="$here/out/converge-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
master_key=bench-master-key
RANDOM=$seed

command -v python3 >/dev/null || fail "python3 is missing"
pg_isready -q "${pg[@]}" || fail "PostgreSQL is not running on 127.0.0.1:$pg_port"
build_unless "${1:-}"
export SUBSYNC_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/$db" SUBSYNC_DB_USER=postgres
export SUBSYNC_JWT_SECRET=$(head -c 36 /dev/urandom | base64 | tr '+/' '-_')
export SUBSYNC_SYNC_RETRY_SCHEDULE=1s,2s,5s,10s,20s,30s,30s,30s,30s,30s,30s,30s SUBSYNC_SYNC_LEASE=10s SUBSYNC_SYNC_READTIMEOUT=5s SUBSYNC_SYNC_CONNECTTIMEOUT=1s
export SUBSYNC_DRIFT_CHECK_INTERVAL=off

step "starting the Master simulator ($error_rate errors, ${latency} ms)"
master_port=$(free_port)
master="http://127.0.0.1:$master_port"
"$repo/subsync" master-sim --port "$master_port" --api-key "$master_key" --threads 64 --error-rate "$error_rate" \
  --latency-ms "$latency" --seed "$seed" > "$out/master.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 80); do curl -fs -o /dev/null -H "Authorization: Bearer $master_key" "$master/admin/stats" && break; sleep 0.25; done
faults() { curl -fs -X PUT -H "Authorization: Bearer $master_key" -d "$1" "$master/admin/faults" > /dev/null; }

step "fresh database $db: mappings and $users linked accounts"
fresh_database "$db"
"$repo/subsync" init "$repo/config/catalogue.yml" > "$out/init.txt"
psql "${pg[@]}" -d "$db" -qtA > /dev/null <<SQL
INSERT INTO subsync.account_sync (mvp_user_id, master_user_id, sync_status, created_at, updated_at)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
       ('10000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'synced', now(), now()
FROM generate_series(1, $users) n;
SQL

ports=()
service_pids=()
# start_instance N: starts instance N in the background (on its port, logging to service-N.log); up N: is it serving?
start_instance() {
  MASTER_API_URL="$master" MASTER_API_KEY="$master_key" "$repo/subsync" serve --port "${ports[$1]}" \
    >> "$out/service-$1.log" 2>&1 &
  service_pids[$1]=$!
  pids+=($!)
}
up() { curl -fs -o /dev/null "http://127.0.0.1:${ports[$1]}/actuator/health"; }
step "starting $instances service instances"
urls=()
for i in $(seq 0 $((instances - 1))); do
  ports[$i]=$(free_port)
  urls+=("http://127.0.0.1:${ports[$i]}")
  start_instance "$i"
  wait_http "${urls[$i]}/actuator/health" 300
done

step "sending $syncs changes for $users users x 3 services; killing an instance every ${kill_min}-${kill_max} s"
token=$("$repo/subsync" token --role service_role --ttl PT12H)
python3 "$here/converge.py" send --urls "$(IFS=,; echo "${urls[*]}")" --token "$token" --users "$users" \
  --syncs "$syncs" --clients "$clients" --seed "$seed" --state "$out/accepted.json" > "$out/client.log" 2>&1 &
client=$!
pids+=($client)
if [ "$slow" -gt 0 ]; then
  (while kill -0 "$client" 2>/dev/null; do
     sleep $((5 + RANDOM % 10)); faults "{\"latencyMs\": $slow}"; sleep 3; faults "{\"latencyMs\": $latency}"
   done) &
  slow_spells=$!
  pids+=($slow_spells)
fi
# An instance is killed only while another one serves (a single instance is killed anyway: the client waits for it),
# so a slow restart does not stall the run.
kills=0
while kill -0 "$client" 2>/dev/null; do
  pause=$((kill_min + RANDOM % (kill_max - kill_min + 1)))
  for _ in $(seq 1 "$pause"); do kill -0 "$client" 2>/dev/null || break; sleep 1; done
  kill -0 "$client" 2>/dev/null || break
  serving=()
  for i in $(seq 0 $((instances - 1))); do up "$i" && serving+=("$i"); done
  [ "${#serving[@]}" -gt $((instances > 1 ? 1 : 0)) ] || continue
  victim=${serving[$((RANDOM % ${#serving[@]}))]}
  kill -9 "${service_pids[$victim]}" 2>/dev/null || true
  wait "${service_pids[$victim]}" 2>/dev/null || true
  kills=$((kills + 1))
  printf '  %s kill %d: instance %d (%d of %d were serving); client: %s\n' "$(date +%T)" "$kills" "$victim" \
    "${#serving[@]}" "$instances" "$(tail -1 "$out/client.log")"
  start_instance "$victim"
done
wait "$client" || { tail -5 "$out/client.log"; fail "the client stopped (see $out/client.log)"; }
tail -1 "$out/client.log"
if [ -n "${slow_spells:-}" ]; then wait "$slow_spells" 2>/dev/null || true; fi
for i in $(seq 0 $((instances - 1))); do wait_http "${urls[$i]}/actuator/health" 300; done

step "draining with Master's faults cleared"
faults '{"errorRate": 0, "latencyMs": 0}'
started=$(date +%s)
while :; do
  open=$(psql "${pg[@]}" -d "$db" -qtAc "SELECT count(*) FROM subsync.sync_outbox WHERE status IN ('waiting', 'pending', 'delivering')")
  printf '  %5ds: %s to deliver\n' $(( $(date +%s) - started )) "$open"
  [ "$open" = 0 ] && break
  [ $(( $(date +%s) - started )) -lt "$drain_seconds" ] || fail "not drained after $drain_seconds s"
  sleep 5
done
failed=$(psql "${pg[@]}" -d "$db" -qtAc "SELECT count(*) FROM subsync.sync_outbox WHERE status = 'failed'")

step "comparing Master with the last accepted state"
rc=0
python3 "$here/converge.py" compare --master "$master" --key "$master_key" --state "$out/accepted.json" --kills "$kills" \
  -- "${pg[@]}" -d "$db" | tee "$out/compare.txt" || rc=1
printf '%-40s %10d   (must be 0)\n' "operations failed" "$failed" | tee -a "$out/compare.txt"
printf 'raw outputs: %s\n' "$out"
[ "$rc" = 0 ] && [ "$failed" = 0 ] || fail "Master does not hold the last accepted state of every subscription"
