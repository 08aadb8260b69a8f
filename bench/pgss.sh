#!/usr/bin/env bash
# pg_stat_statements around a measured run (as root on the benchmark machine, through the postgres
# account; never a grant to the gateway's role). Needs shared_preload_libraries = 'pg_stat_statements'
# in postgresql.conf and a restart; the extension is created in the database on first use.
#
#   bench/pgss.sh reset            # forget what was counted so far
#   bench/pgss.sh top [N]          # the N statements (default 15) that took the most execution time
#   AROUND_START="bench/pgss.sh reset" AROUND_END="bench/pgss.sh top" bench/batch-vs-floor.sh 100000
set -euo pipefail
DB=${PGSS_DB:-signaalpoort}
psql_su() { su postgres -c "psql -X -q -d $DB $*"; }
case "${1:-}" in
  reset) psql_su "-c 'SET client_min_messages = warning' -c 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements' -c 'SELECT pg_stat_statements_reset()'" >/dev/null ;;
  top) psql_su "-c \"SELECT calls, round(total_exec_time::numeric) AS ms, round((total_exec_time / calls)::numeric, 2) AS ms_per_call, rows,
         left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS statement FROM pg_stat_statements
         ORDER BY total_exec_time DESC LIMIT ${2:-15}\"" ;;
  *) echo "usage: bench/pgss.sh reset|top [N]" >&2; exit 2 ;;
esac
