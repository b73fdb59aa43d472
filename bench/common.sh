# Shared by the benchmark scripts: building, tools, the database, the service, and reading results.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
pg_port=${BENCH_PG_PORT:-5432}
pg=(-h 127.0.0.1 -p "$pg_port" -U postgres)
pids=()

fail() { echo "$(basename "$0"): FAILED: $*" >&2; exit 1; }
step() { printf '\n== %s (%s)\n' "$*" "$(date +%T)"; }

stop_all() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  done
  pids=()
}
trap stop_all EXIT

need_tools() {
  if ! command -v wrk >/dev/null; then
    step "installing wrk"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  fi
  command -v pgbench >/dev/null || fail "pgbench is missing (apt-get install postgresql-client)"
  pg_isready -q "${pg[@]}" || fail "PostgreSQL is not running on 127.0.0.1:$pg_port"
}

build_unless() {
  if [ "${1:-}" != "--no-build" ]; then
    step "building the jar"
    (cd "$repo" && ./mvnw -q -B -DskipTests package)
  fi
  [ -f "$repo/target/subsync.jar" ] || fail "target/subsync.jar is missing"
}

fresh_database() {
  psql "${pg[@]}" -qtAc "DROP DATABASE IF EXISTS $1" postgres >/dev/null
  psql "${pg[@]}" -qtAc "CREATE DATABASE $1" postgres >/dev/null
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# wait_http URL SECONDS
wait_http() {
  for _ in $(seq 1 $(( $2 * 4 ))); do
    curl -fs -o /dev/null "$1" && return 0
    sleep 0.25
  done
  fail "$1 did not answer within $2 s"
}

# percentile FILE P: the P-th percentile of the numbers in FILE (one per line)
percentile() {
  sort -n "$1" | awk -v p="$2" '{a[NR]=$1} END {if (NR == 0) {print "nan"; exit} i = int(NR * p / 100 + 0.5); if (i < 1) i = 1; if (i > NR) i = NR; print a[i]}'
}

# bench_options LAST_HELP_LINE ARGS...: --no-build sets build=0 (else build=1); -h or --help prints the calling
# script's header comment up to that line; anything else is refused with exit 2.
bench_options() {
  local last=$1 arg; shift
  build=1
  for arg in "$@"; do
    case "$arg" in
      --no-build) build=0 ;;
      -h|--help) sed -n "2,${last}p" "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
      *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
    esac
  done
}

# CPU accounting of a run (machine_ticks, process_ticks, postgres_ticks, cpu_report).
source "$here/report.sh"
