# Sourced by the benchmark scripts: who used the CPU during a measured run, and the result lines run-all.sh collects.
# CPU time, in clock ticks, of the whole machine (busy, all), of one process, of PostgreSQL and of this shell's
# finished children (children_ticks in tenant-subscriptions.sh), so the results can say who used the CPU during a run. PostgreSQL: its live
# processes plus what the postmaster has reaped (cutime, cstime: backends that have exited, such as pgbench's);
# that is every database of the cluster, so other people's use of it counts there too.
machine_ticks() { awk '/^cpu /{busy=$2+$3+$4+$7+$8+$9; print busy, busy+$5+$6}' /proc/stat; }
process_ticks() { awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
postgres_ticks() {
  local postmaster; postmaster=$(pgrep -u postgres -o -x postgres || true)
  # shellcheck disable=SC2046 # one argument per pid
  awk -v pm="$postmaster" '{t += $14 + $15} $1 == pm {t += $16 + $17} END {print t + 0}' \
    $(pgrep -u postgres -x postgres | sed 's|.*|/proc/&/stat|') 2>/dev/null || echo 0
}

# CPU during a measured run, in cores (of nproc) and in ms per request (or delivery, ...): each named process, and
# everything else on the machine (other people's builds show up there).
cpu_report() { # busy_ticks all_ticks requests name ticks [name ticks]...
  local busy=$1 all=$2 requests=$3; shift 3
  awk -v busy="$busy" -v all="$all" -v req="$requests" -v n="$(nproc)" -v list="$*" 'BEGIN{
    k = split(list, a, " "); rest = busy; s = ""; seconds = all / n / '"$(getconf CLK_TCK)"'
    for (i = 1; i < k; i += 2) { rest -= a[i+1]; s = s sprintf("%s %.2f (%.3f ms/req), ", a[i], a[i+1]*n/all, a[i+1]*n/all*1000*seconds/req) }
    printf "%sother %.2f; machine %.2f of %d cores", s, rest*n/all, busy*n/all, n }'
}

# result PATH SERVICE REFERENCE RATIO GOAL VERDICT CPU: one row of run-all.sh's table, on a line of its own
# (RESULT|...). A ratio or reference that does not apply is "-".
result() { local IFS='|'; echo "RESULT|$*"; }
# verdict VALUE GOAL [ge|le]: PASS or MISS
verdict() { awk -v v="$1" -v g="$2" -v dir="${3:-ge}" 'BEGIN {print ((dir == "ge" ? v >= g : v <= g) ? "PASS" : "MISS")}'; }
# per_op NAME CPU_REPORT: the ms per request of NAME in a cpu_report line
per_op() { sed -n "s/.*$1 [0-9.]* (\([0-9.]*\) ms\/req).*/\1/p" <<<"$2"; }
