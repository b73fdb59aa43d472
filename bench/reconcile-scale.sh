#!/usr/bin/env bash
# Benchmark of `subsync reconcile` at scale (issue P4) against plain SQL and against the seed's per-tenant loop.
#
#   bench/reconcile-scale.sh [--no-build]
#
# Loads BENCH_TENANTS tenants (platform + money_loan, bnpl, pawnshop each, none of them created yet) into a fresh
# database, then measures, one after another on the same data:
#   reference  plain INSERT ... SELECT statements that write the same subscription rows and history rows into copies
#              of the two tables with the same indexes and no trigger (schema bench_ref);
#   service    `subsync reconcile`, the time it prints (the pass, without the JVM's start) and the wall time;
#   seed's way for BENCH_SEED_TENANTS of the tenants, the seed's loop: for each tenant read its flags, check each
#              product for an active subscription, insert what is missing (one statement per step, from a client),
#              into copies of the tables (schema bench_seed); its rate is compared with the service's.
# and prints a table with the ratios and the goals (service >= 0.7 x reference; >= 50 x the seed's way).
#
# Environment (all optional):
#   BENCH_DB=subsync_scale        database to drop and recreate on 127.0.0.1:5432 (user postgres, trust auth)
#   BENCH_TENANTS=1000000         tenants to load
#   BENCH_SEED_TENANTS=2000       tenants the seed's loop handles
#   BENCH_STRICT=0                1: exit 3 when a goal is missed
#   BENCH_OUT=bench/out           raw outputs go to BENCH_OUT/scale-<date-time>/
#   JAVA_OPTS=                    JVM flags of `subsync reconcile`
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_options 22 "$@"

db=${BENCH_DB:-subsync_scale}
tenants=${BENCH_TENANTS:-1000000}
seed_tenants=${BENCH_SEED_TENANTS:-2000}
strict=${BENCH_STRICT:-0}
out="${BENCH_OUT:-$here/out}/scale-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
sql() { timeout 1800 psql "${pg[@]}" -X -v ON_ERROR_STOP=1 "$@"; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; tenants=$tenants seed sample=$seed_tenants" \
  | tee "$out/environment.txt"

if [ "$build" = 1 ]; then
  step "building target/subsync.jar"
  (cd "$repo" && timeout 900 ./mvnw -q -B -DskipTests package) || fail "the build failed"
fi
[ -f "$repo/target/subsync.jar" ] || fail "target/subsync.jar is missing; run without --no-build"

step "database $db"
sql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >/dev/null
export SUBSYNC_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" SUBSYNC_DB_USER=postgres
SUBSYNC_JWT_SECRET=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
export SUBSYNC_JWT_SECRET
unset MASTER_API_URL MASTER_API_KEY SUBSYNC_JWKS_URL 2>/dev/null || true

step "migrating (a reconcile of no tenants)"
"$repo/subsync" reconcile >"$out/migrate.txt" 2>&1 || { cat "$out/migrate.txt" >&2; fail "the first reconcile failed"; }

step "loading $tenants tenants"
t0=$(date +%s%N)
sql -d "$db" -q -v tenants="$tenants" -f "$here/load-tenants.sql" >"$out/load.txt"
echo "loaded in $(ms_since "$t0") ms"

step "reference: plain INSERT ... SELECT into tables with the same indexes, no trigger"
sql -d "$db" -q <<'SQL'
CREATE SCHEMA bench_ref;
CREATE TABLE bench_ref.tenant_subscriptions (LIKE subsync.tenant_subscriptions INCLUDING ALL);
CREATE TABLE bench_ref.subscription_history (LIKE subsync.subscription_history INCLUDING ALL);
CHECKPOINT;
SQL
t0=$(date +%s%N)
sql -d "$db" -q <<'SQL' >"$out/reference.txt"
BEGIN;
INSERT INTO bench_ref.tenant_subscriptions (tenant_id, product_type, plan_id, status, price, currency, billing_cycle,
    started_at, auto_created, created_reason, changed_at, changed_by, change_reason)
SELECT w.tenant_id, w.product_type, p.id, 'active', p.price, p.currency, p.billing_cycle, now(), TRUE,
       CASE WHEN p.tier = w.tier THEN 'reconcile' ELSE 'tier_fallback' END, now(), 'cli:reconcile', 'reconcile'
FROM (SELECT t.id AS tenant_id, t.plan AS tier, tp.product_code AS product_type
      FROM subsync.tenants t JOIN subsync.tenant_products tp ON tp.tenant_id = t.id AND tp.enabled
      UNION ALL
      SELECT t.id, t.plan, 'platform' FROM subsync.tenants t) w
CROSS JOIN LATERAL (SELECT sp.id, sp.tier, sp.price, sp.currency, sp.billing_cycle FROM subsync.subscription_plans sp
                    WHERE sp.product_type = w.product_type AND sp.active AND sp.tier IN (w.tier, 'starter')
                    ORDER BY sp.tier = w.tier DESC LIMIT 1) p;
INSERT INTO bench_ref.subscription_history (subscription_id, tenant_id, change, to_plan_id, to_status, reason, actor,
    changed_at)
SELECT id, tenant_id, 'created', plan_id, status, change_reason, changed_by, changed_at FROM bench_ref.tenant_subscriptions;
COMMIT;
SQL
reference_ms=$(ms_since "$t0")
reference_rows=$(sql -d "$db" -Atc "SELECT count(*) FROM bench_ref.tenant_subscriptions")
echo "reference: $reference_rows subscriptions and their history in $reference_ms ms"
sql -d "$db" -qc "DROP SCHEMA bench_ref CASCADE" -c "CHECKPOINT" >/dev/null

step "service: subsync reconcile"
t0=$(date +%s%N)
"$repo/subsync" reconcile >"$out/reconcile.txt" 2>&1 || { cat "$out/reconcile.txt" >&2; fail "subsync reconcile failed"; }
service_wall_ms=$(ms_since "$t0")
cat "$out/reconcile.txt"
line=$(grep -m1 '^Created ' "$out/reconcile.txt") || fail "subsync reconcile printed no 'Created …' line"
service_rows=$(sed -E 's/^Created ([0-9]+) .*/\1/' <<<"$line")
service_ms=$(sed -E 's/.* in ([0-9]+) ms.*/\1/' <<<"$line")
[ "$service_rows" = "$reference_rows" ] || fail "the service created $service_rows subscriptions, the reference $reference_rows"
history_rows=$(sql -d "$db" -Atc "SELECT count(*) FROM subsync.subscription_history")
[ "$history_rows" = "$service_rows" ] || fail "$history_rows history rows for $service_rows subscriptions"

step "the seed's way: a client loop over $seed_tenants tenants"
sql -d "$db" -q <<'SQL'
CREATE SCHEMA bench_seed;
CREATE TABLE bench_seed.tenant_subscriptions (LIKE subsync.tenant_subscriptions INCLUDING ALL);
CREATE TABLE bench_seed.subscription_history (LIKE subsync.subscription_history INCLUDING ALL);
SQL
# One statement per step, as the seed's code sends them: the tenant's plan, its enabled products, then per product
# whether it has an active subscription, the plan of its tier, and the insert with its history row.
sql -d "$db" -Atc "SELECT id FROM subsync.tenants ORDER BY id LIMIT $seed_tenants" | while read -r tenant; do
  echo "SELECT plan FROM subsync.tenants WHERE id = '$tenant';"
  echo "SELECT product_code FROM subsync.tenant_products WHERE tenant_id = '$tenant' AND enabled;"
  for product in platform money_loan bnpl pawnshop; do
    echo "SELECT 1 FROM bench_seed.tenant_subscriptions WHERE tenant_id = '$tenant' AND product_type = '$product' AND status = 'active';"
    echo "SELECT sp.id FROM subsync.subscription_plans sp, subsync.tenants t WHERE t.id = '$tenant' AND sp.product_type = '$product' AND sp.active AND sp.tier IN (t.plan, 'starter') ORDER BY sp.tier = t.plan DESC LIMIT 1;"
    echo "WITH s AS (INSERT INTO bench_seed.tenant_subscriptions (tenant_id, product_type, plan_id, status, price, currency, billing_cycle, started_at, auto_created, created_reason, changed_at, changed_by, change_reason) SELECT '$tenant', '$product', sp.id, 'active', sp.price, sp.currency, sp.billing_cycle, now(), TRUE, 'reconcile', now(), 'seed', 'reconcile' FROM subsync.subscription_plans sp, subsync.tenants t WHERE t.id = '$tenant' AND sp.product_type = '$product' AND sp.active AND sp.tier IN (t.plan, 'starter') ORDER BY sp.tier = t.plan DESC LIMIT 1 RETURNING *) INSERT INTO bench_seed.subscription_history (subscription_id, tenant_id, change, to_plan_id, to_status, reason, actor, changed_at) SELECT id, tenant_id, 'created', plan_id, status, change_reason, changed_by, changed_at FROM s;"
  done
done >"$out/seed-loop.sql"
t0=$(date +%s%N)
sql -d "$db" -q -o /dev/null -f "$out/seed-loop.sql"
seed_ms=$(ms_since "$t0")
seed_rows=$(sql -d "$db" -Atc "SELECT count(*) FROM bench_seed.tenant_subscriptions")
echo "seed's way: $seed_rows subscriptions of $seed_tenants tenants in $seed_ms ms"
sql -d "$db" -qc "DROP SCHEMA bench_seed CASCADE" >/dev/null

per_million() { awk -v ms="$1" -v n="$2" 'BEGIN { printf "%.0f", ms / 1000 * 1000000 / n }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
service_rate=$(awk -v n="$tenants" -v ms="$service_ms" 'BEGIN { printf "%.0f", n / (ms / 1000) }')
reference_rate=$(awk -v n="$tenants" -v ms="$reference_ms" 'BEGIN { printf "%.0f", n / (ms / 1000) }')
seed_rate=$(awk -v n="$seed_tenants" -v ms="$seed_ms" 'BEGIN { printf "%.0f", n / (ms / 1000) }')
vs_reference=$(ratio "$reference_ms" "$service_ms")
vs_seed=$(ratio "$service_rate" "$seed_rate")
{
  echo
  echo "| path | tenants | time | tenants/s | s per million tenants | ratio | goal | |"
  echo "|---|---|---|---|---|---|---|---|"
  echo "| reference: INSERT ... SELECT, same indexes, no trigger | $tenants | ${reference_ms} ms | $reference_rate | $(per_million "$reference_ms" "$tenants") | 1.00 | | |"
  echo "| subsync reconcile (the pass; ${service_wall_ms} ms with the JVM's start) | $tenants | ${service_ms} ms | $service_rate | $(per_million "$service_ms" "$tenants") | $vs_reference | ≥ 0.7 | $(verdict "$vs_reference" 0.7) |"
  echo "| the seed's loop, one statement per step | $seed_tenants | ${seed_ms} ms | $seed_rate | $(per_million "$seed_ms" "$seed_tenants") | service ÷ seed: $vs_seed | ≥ 50 | $(verdict "$vs_seed" 50) |"
  echo
  echo "created: $service_rows subscriptions with $history_rows history rows; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  result "P4 reconcile, $tenants tenants x 4, all missing" "${service_ms} ms" "INSERT ... SELECT: ${reference_ms} ms" \
    "$vs_reference" ">= 0.7" "$(verdict "$vs_reference" 0.7)" -
  result "P4 the seed's loop ($seed_tenants tenants)" "$service_rate tenants/s" "seed: $seed_rate tenants/s" "$vs_seed x" \
    ">= 50 x" "$(verdict "$vs_seed" 50)" -
} | tee "$out/table.md"
if [ "$strict" = 1 ] && grep -q MISS "$out/table.md"; then exit 3; fi
