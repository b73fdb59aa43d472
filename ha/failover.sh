#!/usr/bin/env bash
# A PostgreSQL failover under load, scripted end to end (ha/README.md). Builds on 127.0.0.1, under a temporary
# directory: a pg_auto_failover monitor and two PostgreSQL 15 nodes (primary and synchronous standby), the Subsync
# database and role, the Master simulator with faults, and 3 instances of `subsync serve` on the multi-host URL
# jdbc:postgresql://127.0.0.1:P1,127.0.0.1:P2/subsync?targetServerType=primary. While HA_SYNCS changes are sent
# (bench/converge.py's clients) it kills the primary's machine: kill -9 of that node's pg_autoctl processes and its
# postmaster (with its backends), since its keeper would otherwise restart postgres in place. The node stays down; the
# monitor promotes the standby. Then it drains, compares Master with every accepted operation, and prints the table
# (also under ha/out/). Exits 1, loudly, when an accepted operation is lost, applied twice or out of order, or when an
# instance took longer than HA_RECOVERY_GOAL seconds to accept writes again.
#
#   ha/failover.sh [--no-build]          (as root: the PostgreSQL processes run as user postgres)
#
# Environment: HA_SYNCS (or BENCH_SYNCS) 20000, HA_USERS 2000 (x 3 services), HA_CLIENTS 8, HA_KILL_AT 0.3 (share of
#              the changes accepted before the kill), HA_ERROR_RATE 0.1, HA_LATENCY_MS 20, HA_RECOVERY_GOAL 30,
#              HA_RECOVERY_WAIT 90 (the longest the probes go on after the kill), HA_PROBE_USERS 200 (per instance),
#              HA_SEED 1, HA_DRAIN_SECONDS 900, HA_REJOIN 0 (1: restart the killed node at the end, as a standby).
# The service runs with converge.sh's settings: short retries, a 10 s lease, no scheduled reconciliation.
source "$(dirname "${BASH_SOURCE[0]}")/../bench/common.sh"
trap 'exit 143' TERM INT

ha="$repo/ha"
syncs=${HA_SYNCS:-${BENCH_SYNCS:-20000}}
users=${HA_USERS:-${BENCH_USERS:-2000}}
clients=${HA_CLIENTS:-${BENCH_CLIENTS:-8}}
instances=3
kill_at=${HA_KILL_AT:-0.3}
error_rate=${HA_ERROR_RATE:-${BENCH_ERROR_RATE:-0.1}}
latency=${HA_LATENCY_MS:-${BENCH_LATENCY_MS:-20}}
recovery_goal=${HA_RECOVERY_GOAL:-30}
recovery_wait=${HA_RECOVERY_WAIT:-90}
probe_users=${HA_PROBE_USERS:-200}
seed=${HA_SEED:-${BENCH_SEED:-1}}
drain_seconds=${HA_DRAIN_SECONDS:-${BENCH_DRAIN_SECONDS:-900}}
rejoin=${HA_REJOIN:-0}
db=subsync
master_key=ha-master-key
pgbin=/usr/lib/postgresql/15/bin
out="$ha/out/failover-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"

[ "$(id -u)" = 0 ] || fail "run as root (the PostgreSQL nodes run as user postgres through runuser)"
command -v pg_autoctl >/dev/null || fail "pg_autoctl is missing (apt-get install pg-auto-failover-cli postgresql-15-auto-failover)"
[ -x "$pgbin/pg_ctl" ] || fail "PostgreSQL 15 is missing ($pgbin)"
command -v python3 >/dev/null || fail "python3 is missing"
build_unless "${1:-}"

tmp=$(mktemp -d /tmp/subsync-ha.XXXXXX)
mkdir -p "$tmp/xdg" "$tmp/run"
chown -R postgres:postgres "$tmp"
declare -A keeper   # node name -> process group of its `pg_autoctl run` (runuser, pg_autoctl, postgres)
# Stops the service processes (common.sh), then every pg_autoctl still running (SIGTERM stops its postgres), then
# removes the temporary directory; the pg_autoctl logs stay under $out.
cleanup() {
  local rc=$?
  stop_all
  for name in "${!keeper[@]}"; do kill -TERM -- "-${keeper[$name]}" 2>/dev/null || true; done
  for name in "${!keeper[@]}"; do
    for _ in $(seq 1 60); do kill -0 -- "-${keeper[$name]}" 2>/dev/null || break; sleep 0.25; done
    kill -9 -- "-${keeper[$name]}" 2>/dev/null || true
  done
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT

# autoctl ARGS: pg_autoctl as user postgres, its configuration and state under $tmp.
autoctl() {
  runuser -u postgres -- env PATH="$pgbin:/usr/bin:/bin" XDG_CONFIG_HOME="$tmp/xdg/config" \
    XDG_DATA_HOME="$tmp/xdg/data" XDG_RUNTIME_DIR="$tmp/run" pg_autoctl "$@"
}
# start_keeper NAME: `pg_autoctl run` for $tmp/NAME in a session of its own (so it can be killed as one machine).
start_keeper() {
  setsid runuser -u postgres -- env PATH="$pgbin:/usr/bin:/bin" XDG_CONFIG_HOME="$tmp/xdg/config" \
    XDG_DATA_HOME="$tmp/xdg/data" XDG_RUNTIME_DIR="$tmp/run" pg_autoctl run --pgdata "$tmp/$1" \
    >> "$out/pg-$1.log" 2>&1 &
  keeper[$1]=$!
}
sql() { local port=$1; shift; psql -h 127.0.0.1 -p "$port" -U postgres -qAtX "$@"; }
monitor_sql() { sql "$mon_port" -d pg_auto_failover -c "$1"; }
# wait_for SECONDS WHAT COMMAND...: polls COMMAND every 0.5 s
wait_for() {
  local seconds=$1 what=$2; shift 2
  for _ in $(seq 1 $((seconds * 2))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  fail "$what: not within $seconds s"
}
both_in_sync() {
  [ "$(monitor_sql "SELECT count(*) FROM pgautofailover.node WHERE reportedstate = goalstate
                     AND reportedstate IN ('primary', 'secondary')")" = 2 ]
}
# primary: the name of the node the monitor holds as the writable primary (primary, wait_primary or single)
primary() {
  monitor_sql "SELECT nodename FROM pgautofailover.node
               WHERE reportedstate IN ('primary', 'wait_primary', 'single') AND goalstate = reportedstate LIMIT 1"
}
declare -A port
facts="$out/cluster.tsv"
fact() { printf '%s\t%s\n' "$1" "$2" >> "$facts"; printf '  %-48s %s\n' "$1" "$2"; }

step "pg_auto_failover monitor (data under $tmp)"
mon_port=$(free_port)
autoctl create monitor --pgdata "$tmp/monitor" --pgport "$mon_port" --hostname 127.0.0.1 --auth trust --no-ssl \
  > "$out/pg-monitor-create.log" 2>&1 || { tail -20 "$out/pg-monitor-create.log"; fail "pg_autoctl create monitor"; }
autoctl config set --pgdata "$tmp/monitor" postgresql.listen_addresses 127.0.0.1 > /dev/null
start_keeper monitor
wait_for 60 "the monitor" pg_isready -q -h 127.0.0.1 -p "$mon_port"
# The defaults (5 s checks, 2 retries, 20 s before a silent node is unhealthy, 30 s for a lost primary to demote
# itself) make a failover take about a minute; these make it a few seconds. primary_demote_timeout is how long the
# monitor waits for an unreachable primary to stop itself before promoting: short is safe here only because the
# primary's machine is really gone (on a network partition, its keeper stops postgres after network_partition_timeout).
sql "$mon_port" -d pg_auto_failover > /dev/null <<'SQL'
ALTER SYSTEM SET pgautofailover.health_check_period = 1000;
ALTER SYSTEM SET pgautofailover.health_check_timeout = 1000;
ALTER SYSTEM SET pgautofailover.health_check_max_retries = 1;
ALTER SYSTEM SET pgautofailover.health_check_retry_delay = 500;
ALTER SYSTEM SET pgautofailover.node_considered_unhealthy_timeout = 2000;
ALTER SYSTEM SET pgautofailover.primary_demote_timeout = 2000;
ALTER SYSTEM SET pgautofailover.startup_grace_period = 1000;
SELECT pg_reload_conf();
SQL
monitor_sql "SELECT name || ' = ' || setting || coalesce(unit, '') FROM pg_settings
             WHERE name ~ '^pgautofailover\.(health|node_considered|primary_demote|startup)' ORDER BY name" \
  | sed 's/^/  /'
monitor_uri=$(autoctl show uri --pgdata "$tmp/monitor" --formation monitor)

for name in node1 node2; do
  step "PostgreSQL node $name"
  port[$name]=$(free_port)
  autoctl create postgres --pgdata "$tmp/$name" --pgport "${port[$name]}" --hostname 127.0.0.1 --listen 127.0.0.1 \
    --name "$name" --monitor "$monitor_uri" --auth trust --no-ssl --dbname "$db" \
    > "$out/pg-$name-create.log" 2>&1 || { tail -20 "$out/pg-$name-create.log"; fail "pg_autoctl create postgres $name"; }
  start_keeper "$name"
  wait_for 60 "$name accepting connections" pg_isready -q -h 127.0.0.1 -p "${port[$name]}"
done
wait_for 120 "node1 primary and node2 secondary" both_in_sync
autoctl show state --pgdata "$tmp/monitor" | sed 's/^/  /'
first=$(primary)
[ -n "$first" ] || fail "no primary"
standby=node2; [ "$first" = node2 ] && standby=node1
sync_names=$(sql "${port[$first]}" -d postgres -c "SHOW synchronous_standby_names")
[ -n "$sync_names" ] || fail "synchronous_standby_names is empty on the primary $first: replication is not synchronous"
fact "primary / standby before the kill" "$first (127.0.0.1:${port[$first]}) / $standby (127.0.0.1:${port[$standby]})"
fact "synchronous_standby_names on the primary" "$sync_names"
fact "standby's replication state (pg_stat_replication)" \
  "$(sql "${port[$first]}" -d postgres -c "SELECT application_name || ': ' || state || ', ' || sync_state FROM pg_stat_replication")"
autoctl show settings --pgdata "$tmp/monitor" | sed 's/^/  /'

step "database $db and role subsync"
sql "${port[$first]}" -d postgres > /dev/null <<SQL
CREATE ROLE subsync LOGIN CREATEROLE;
ALTER DATABASE $db OWNER TO subsync;
SQL
export SUBSYNC_DB_URL="jdbc:postgresql://127.0.0.1:${port[node1]},127.0.0.1:${port[node2]}/$db?targetServerType=primary"
export SUBSYNC_DB_USER=subsync
export SUBSYNC_JWT_SECRET=$(head -c 36 /dev/urandom | base64 | tr '+/' '-_')
export SUBSYNC_SYNC_RETRY_SCHEDULE=1s,2s,5s,10s,20s,30s,30s,30s,30s,30s,30s,30s SUBSYNC_SYNC_LEASE=10s SUBSYNC_SYNC_READTIMEOUT=5s SUBSYNC_SYNC_CONNECTTIMEOUT=1s
export SUBSYNC_DRIFT_CHECK_INTERVAL=off
echo "  SUBSYNC_DB_URL=$SUBSYNC_DB_URL"

step "Master simulator ($error_rate errors, ${latency} ms)"
master_port=$(free_port)
master="http://127.0.0.1:$master_port"
"$repo/subsync" master-sim --port "$master_port" --api-key "$master_key" --threads 64 --error-rate "$error_rate" \
  --latency-ms "$latency" --seed "$seed" > "$out/master.log" 2>&1 &
pids+=($!)
wait_for 60 "the Master simulator" curl -fs -o /dev/null -H "Authorization: Bearer $master_key" "$master/admin/stats"
faults() { curl -fs -X PUT -H "Authorization: Bearer $master_key" -d "$1" "$master/admin/faults" > /dev/null; }

step "migrations, mappings, $users linked accounts and $((probe_users * instances)) probe accounts"
"$repo/subsync" init "$repo/config/catalogue.yml" > "$out/init.txt"
sql "${port[$first]}" -d "$db" > /dev/null <<SQL
INSERT INTO subsync.account_sync (mvp_user_id, master_user_id, sync_status, created_at, updated_at)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
       ('10000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'synced', now(), now()
FROM generate_series(1, $users) n
UNION ALL
SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(n), 12, '0'))::uuid,
       ('10000000-0000-4000-9000-' || lpad(to_hex(n), 12, '0'))::uuid, 'synced', now(), now()
FROM generate_series(1, $((probe_users * instances))) n;
SQL

step "starting $instances service instances"
urls=()
for i in $(seq 1 "$instances"); do
  p=$(free_port)
  urls+=("http://127.0.0.1:$p")
  MASTER_API_URL="$master" MASTER_API_KEY="$master_key" "$repo/subsync" serve --port "$p" > "$out/service-$i.log" 2>&1 &
  pids+=($!)
done
for url in "${urls[@]}"; do wait_http "$url/actuator/health" 300; done

step "sending $syncs changes ($users users x 3 services, $clients clients over $instances instances); the primary dies after $(python3 -c "print(int($syncs * $kill_at))") accepted"
token=$("$repo/subsync" token --role service_role --ttl PT12H)
python3 "$ha/failover.py" send --urls "$(IFS=,; echo "${urls[*]}")" --token "$token" --users "$users" \
  --syncs "$syncs" --clients "$clients" --seed "$seed" --state "$out/accepted.json" --client "$out/client.json" \
  --kill-at "$kill_at" --kill-request "$out/kill-request" --killed "$out/killed" --probe-users "$probe_users" \
  --recovery-wait "$recovery_wait" > "$out/client.log" 2>&1 &
client=$!
pids+=($client)
while [ ! -e "$out/kill-request" ]; do
  kill -0 "$client" 2>/dev/null || { tail -5 "$out/client.log"; fail "the client stopped before the kill (see $out/client.log)"; }
  sleep 0.1
done
victim=$(primary)
[ -n "$victim" ] || fail "no primary to kill"
survivor=node2; [ "$victim" = node2 ] && survivor=node1
postmaster=$(head -1 "$tmp/$victim/postmaster.pid")
autoctl_pids=$(pgrep -g "${keeper[$victim]}" -f 'pg_autoctl' | tr '\n' ' ' || true)
backends=$(pgrep -P "$postmaster" | wc -l || true)
killed_at=$(date +%s.%N)
# The machine of the primary is lost: its pg_autoctl (which would restart postgres in place), the postmaster and its
# backends, all at once with SIGKILL.
kill -9 -- "-${keeper[$victim]}"
kill -9 "$postmaster" 2>/dev/null || true
echo "$killed_at" > "$out/killed"
printf '  %s KILLED the primary %s (127.0.0.1:%s): kill -9 of its pg_autoctl processes (pids %s) and of its postmaster (pid %s, %d child processes), so that its keeper cannot restart it: the loss of its machine\n' \
  "$(date +%T.%N | cut -c1-12)" "$victim" "${port[$victim]}" "$autoctl_pids" "$postmaster" "$backends"
unset "keeper[$victim]"
sleep 0.5
! pg_isready -q -h 127.0.0.1 -p "${port[$victim]}" || fail "$victim still answers after the kill"
fact "killed (kill -9 of pg_autoctl + postmaster)" "$victim, down until the checks are done"
wait "$client" || { tail -5 "$out/client.log"; fail "the client stopped (see $out/client.log)"; }
tail -2 "$out/client.log"
autoctl show state --pgdata "$tmp/monitor" | sed 's/^/  /'
autoctl show events --pgdata "$tmp/monitor" --count 20 > "$out/monitor-events.txt" 2>&1 || true

now_primary=$(primary)
[ "$now_primary" = "$survivor" ] || fail "the monitor's primary is '$now_primary', not $survivor"
event() {  # seconds from the kill to the first monitor event matching SQL condition $1
  monitor_sql "SELECT round(extract(epoch FROM min(eventtime)) - $killed_at, 1) FROM pgautofailover.event
               WHERE eventtime >= to_timestamp($killed_at) AND $1"
}
fact "new primary" "$now_primary (127.0.0.1:${port[$now_primary]})"
fact "monitor: old primary marked unhealthy after (s)" "$(event "description LIKE '%marked as unhealthy%'")"
fact "monitor: new primary reported wait_primary after (s)" "$(event "nodename = '$survivor' AND reportedstate = 'wait_primary'")"
fact "synchronous_standby_names on the new primary" \
  "'$(sql "${port[$now_primary]}" -d postgres -c "SHOW synchronous_standby_names")' (no standby left)"

step "draining with Master's faults cleared"
faults '{"errorRate": 0, "latencyMs": 0}'
started=$(date +%s)
while :; do
  open=$(sql "${port[$now_primary]}" -d "$db" -c "SELECT count(*) FROM subsync.sync_outbox WHERE status IN ('waiting', 'pending', 'delivering')")
  printf '  %5ds: %s to deliver\n' $(( $(date +%s) - started )) "$open"
  [ "$open" = 0 ] && break
  [ $(( $(date +%s) - started )) -lt "$drain_seconds" ] || fail "not drained after $drain_seconds s"
  sleep 5
done

step "comparing Master with every accepted operation"
rc=0
python3 "$ha/failover.py" verify --master "$master" --key "$master_key" --state "$out/accepted.json" \
  --client "$out/client.json" --cluster "$facts" --report "$out/report.md" --recovery-goal "$recovery_goal" \
  -- -h 127.0.0.1 -p "${port[$now_primary]}" -U postgres -d "$db" || rc=1

if [ "$rejoin" = 1 ]; then
  step "rejoining $victim as a standby"
  start_keeper "$victim"
  rejoined() { [ "$(monitor_sql "SELECT reportedstate FROM pgautofailover.node WHERE nodename = '$victim'")" = secondary ]; }
  wait_for 180 "$victim back as secondary" rejoined
  autoctl show state --pgdata "$tmp/monitor" | sed 's/^/  /'
  printf '  synchronous_standby_names on %s again: %s\n' "$now_primary" \
    "$(sql "${port[$now_primary]}" -d postgres -c "SHOW synchronous_standby_names")"
fi
printf 'raw outputs and the table: %s\n' "$out"
[ "$rc" = 0 ] || fail "a goal was missed (see the table above and $out/report.md)"
