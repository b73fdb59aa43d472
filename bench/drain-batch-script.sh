#!/usr/bin/env bash
# Prints, as a pgbench script, one sync worker's per-batch SQL (DeliverPendingSyncs.deliverBatch), read from the
# service's own files so it cannot drift from them:
#   1. claim a batch under a lease (sql/sync/claim.sql, no {filter}), in a transaction of its own;
#   2. confirm it: lock the accounts, lock the states, then the confirming statement with its audit rows
#      (sql/sync/confirm-lock-accounts.sql, confirm-lock-states.sql, confirm-batch.sql), in one transaction.
# The named parameters are replaced textually by what pgbench can supply:
#   :now, :at -> now()   :leaseUntil -> now() + 30 s   :limit -> :batch (pgbench -D batch=N)
#   :worker -> 'bench-' || :client_id (each client is a worker)   :actor -> 'worker' and a colon and 'bench'
#   :ids, :attempts, :masterData -> the arrays the service binds (sync ids, attempts, Master's answers), built by the
#            claim itself into pgbench variables (\gset), so in prepared mode they are bound as parameters, as the
#            service binds them. Master's answer is {"version": 1, "status": ...}.
# Usage: drain-batch-script.sh SQL_DIR   (SQL_DIR: src/main/resources/sql/sync)
set -euo pipefail
sql_dir=${1:?usage: drain-batch-script.sh SQL_DIR}
for f in claim.sql confirm-lock-accounts.sql confirm-lock-states.sql confirm-batch.sql; do
  [ -r "$sql_dir/$f" ] || { echo "drain-batch-script.sh: cannot read $sql_dir/$f" >&2; exit 2; }
done
grep -q '{filter}' "$sql_dir/claim.sql" || { echo "drain-batch-script.sh: no {filter} in claim.sql: JdbcOutbox changed?" >&2; exit 2; }

worker="('bench-' || :client_id)"
# The claim's answer, as the arrays the confirmation binds, into the variables :ids, :attempts, :masterData (\gset). The claim's final
# SELECT becomes one more CTE: a data-modifying WITH cannot be nested.
grep -q '^SELECT c\.\*' "$sql_dir/claim.sql" || { echo "drain-batch-script.sh: claim.sql no longer ends in SELECT c.*" >&2; exit 2; }
rows_of_claim=") SELECT COALESCE(array_agg(b.id)::text, '{}') AS ids, COALESCE(array_agg(b.attempts)::text, '{}') AS attempts,
    COALESCE(array_agg(jsonb_build_object('version', 1, 'status', b.payload ->> 'status')::text)::text, '{}') AS \"masterData\"
FROM batch b"
statement() { # file [gset]: one statement, comments dropped, parameters replaced
  grep -v '^[[:space:]]*--' "$sql_dir/$1" \
    | sed -e 's/{filter}//' \
          -e "s/:leaseUntil\b/(now() + interval '30 seconds')/g" \
          -e 's/:now\b/now()/g' -e 's/:at\b/now()/g' \
          -e 's/:limit\b/:batch/g' \
          -e "s/:worker\b/$worker/g" \
          -e "s/:actor\b/E'worker\\\\x3abench'/g" \
    | if [ "${2:-}" = gset ]; then
        awk -v tail="$rows_of_claim" '/^SELECT c\.\*/ {sub(/^SELECT/, ", batch AS (SELECT")} {print} END {print tail}'
      else cat; fi
  if [ "${2:-}" = gset ]; then printf '\\gset\n'; else printf ';\n'; fi
}
script=$(printf 'BEGIN;\n'; statement claim.sql gset; printf 'COMMIT;\nBEGIN;\n'
         statement confirm-lock-accounts.sql; statement confirm-lock-states.sql; statement confirm-batch.sql
         printf 'COMMIT;\n')
leftover=$(printf '%s\n' "$script" | sed -e 's/::[a-z]*//g' -e "s/'[^']*'//g" | grep -o ':[A-Za-z_][A-Za-z0-9_]*' \
  | grep -vx -e ':batch' -e ':client_id' -e ':ids' -e ':attempts' -e ':masterData' | sort -u || true)
if [ -n "$leftover" ]; then
  echo "drain-batch-script.sh: named parameters left unreplaced: $leftover" >&2
  exit 2
fi
printf '%s\n' "$script"
