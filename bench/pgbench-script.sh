#!/usr/bin/env bash
# Prints, as a pgbench script, the statement GET /api/tenants/current/subscriptions runs, built the way TenancySql
# builds it:
#   read       (default) the statement of every read that finds nothing missing, TenancySql.listIfComplete():
#              list.sql, list-if-complete.sql and the order;
#   reconcile  the statement of a read that must create something first, TenancySql.reconcileAndList():
#              reconcile-ctes.sql with {tenant_scope} = "t.id = :tenantId", then list-after-reconcile.sql;
# with the named parameters replaced textually by what pgbench can supply:
#   :tenantId -> md5('bench-tenant-' || :n)::uuid   (n = random(1, tenants), the same ids the loader wrote)
#   :now -> now()   :actor -> 'user:bench'   :platformReason, :productReason -> 'sync_on_read'
# ('user:bench' is written E'user\x3abench': pgbench would read ":bench" inside the literal as a variable.)
# Whole-line SQL comments are dropped (a comment that mentions :tenantId would otherwise be rewritten too).
# Usage: pgbench-script.sh SQL_DIR TENANTS [read|reconcile]
set -euo pipefail
sql_dir=${1:?usage: pgbench-script.sh SQL_DIR TENANTS}
tenants=${2:?usage: pgbench-script.sh SQL_DIR TENANTS}
kind=${3:-read}
ctes="$sql_dir/reconcile-ctes.sql"
case "$kind" in
  read) parts=("$sql_dir/list.sql" "$sql_dir/list-if-complete.sql") ;;
  reconcile) parts=("$ctes" "$sql_dir/list-after-reconcile.sql") ;;
  *) echo "pgbench-script.sh: the statement is read or reconcile, was '$kind'" >&2; exit 2 ;;
esac
for f in "${parts[@]}"; do
  [ -r "$f" ] || { echo "pgbench-script.sh: cannot read $f" >&2; exit 2; }
done
grep -q '{tenant_scope}' "$ctes" || { echo "pgbench-script.sh: no {tenant_scope} in $ctes: TenancySql changed?" >&2; exit 2; }

statement=$( { for f in "${parts[@]}"; do sed 's/{tenant_scope}/t.id = :tenantId/g' "$f"; done
               [ "$kind" = read ] && echo "ORDER BY platform DESC, product_created_at, product_type"; } \
  | grep -v '^[[:space:]]*--' \
  | sed -e "s/:platformReason\b/'sync_on_read'/g" \
        -e "s/:productReason\b/'sync_on_read'/g" \
        -e "s/:actor\b/E'user\\\\x3abench'/g" \
        -e "s/:now\b/now()/g" \
        -e "s/:tenantId\b/md5('bench-tenant-' || :n)::uuid/g")

# Every named parameter must have been replaced: the only variable left is :n (casts are ::type).
leftover=$(printf '%s\n' "$statement" | sed -e 's/::[a-z]*//g' -e "s/'[^']*'//g" | grep -o ':[A-Za-z_][A-Za-z0-9_]*' | grep -vx ':n' | sort -u || true)
if [ -n "$leftover" ]; then
  echo "pgbench-script.sh: named parameters left unreplaced: $leftover" >&2
  exit 2
fi

printf '\\set n random(1, %d)\n' "$tenants"
printf '%s;\n' "$statement"
