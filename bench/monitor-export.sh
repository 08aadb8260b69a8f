#!/usr/bin/env bash
# The monthly monitor export (issue 17): the packaged gateway on PostgreSQL, SIGNALS signals for
# Amsterdam sent in REST batches of 1,000 (bench/RestIntakeLoad.java), then dated into last month
# and half of them given a final outcome there (SQL: the setup, not what is measured). Then times
# every page of Amsterdam's month over the API (mutual TLS, curl), as Amsterdam's software reads
# it, and prints items/s, bytes and the gateway's heap after the export.
#
#   mvn -B -DskipTests package && mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
#   bench/monitor-export.sh 100000
# Bounded: SIGNALS signals, ceil(1.5 * SIGNALS / 50,000) pages; the gateway is stopped, its schema dropped.
set -euo pipefail
cd "$(dirname "$0")/.."
SIGNALS=${1:-100000}
DB=postgres
SCHEMA="bench_mx_$(date +%s)"
# shellcheck source=bench/gateway.sh
. bench/gateway.sh
trap 'finish_gateway monitor-export' EXIT
start_gateway

java -cp "$(cat target/cp.txt)" bench/RestIntakeLoad.java --port "$API_PORT" --management-port "$MGMT_PORT" \
  --connections 4 --batch 1000 --requests $((SIGNALS / 1000)) --warmup 0 --drain false | grep -E "signals/s" || true

month=$(TZ=Europe/Amsterdam date -d "$(date +%Y-%m-15) -1 month" +%Y-%m)
PGPASSWORD=$DB_PASSWORD psql -q -h localhost -U "$DB_USER" -d signaalpoort -v ON_ERROR_STOP=1 <<SQL
SET search_path = $SCHEMA;
UPDATE signals SET received_at = TIMESTAMP WITH TIME ZONE '$month-15 12:00:00+00';
INSERT INTO outcomes (signal_id, municipality_code, outcome, final_outcome, outcome_date, reported_at)
  SELECT signal_id, municipality_code, 'NO_HELP_WANTED', TRUE, DATE '$month-20', TIMESTAMP WITH TIME ZONE '$month-20 12:00:00+00'
  FROM signals WHERE MOD(ABS(HASHTEXT(CAST(signal_id AS TEXT))), 2) = 0;
ANALYZE signals;
ANALYZE outcomes;
SQL
stored=$(PGPASSWORD=$DB_PASSWORD psql -tA -h localhost -U "$DB_USER" -d signaalpoort -c \
  "SELECT COUNT(*) FROM $SCHEMA.signals WHERE municipality_code = 'GM0363'")
cases=$(PGPASSWORD=$DB_PASSWORD psql -tA -h localhost -U "$DB_USER" -d signaalpoort -c \
  "SELECT COUNT(*) FROM $SCHEMA.outcomes WHERE municipality_code = 'GM0363'")

tls=(--cacert certs-dev/ca.crt --cert certs-dev/gemeente-amsterdam.crt --key certs-dev/gemeente-amsterdam.key)
page=1
pages=1
total_s=0
total_bytes=0
while [ "$page" -le "$pages" ]; do
  out=$(curl -s "${tls[@]}" -D "$WORK/headers" -o "$WORK/page-$page.json" -w '%{http_code} %{time_total} %{size_download}' \
    "https://localhost:$API_PORT/api/v1/monitor/ddas/$month?page=$page")
  read -r code seconds bytes <<<"$out"
  [ "$code" = 200 ] || { echo "page $page: HTTP $code" >&2; cat "$WORK/page-$page.json" >&2; exit 1; }
  pages=$(grep -i '^x-pagination-count:' "$WORK/headers" | tr -dc '0-9')
  printf 'page %d of %d: %s s, %d bytes\n' "$page" "$pages" "$seconds" "$bytes"
  total_s=$(echo "$total_s + $seconds" | bc -l)
  total_bytes=$((total_bytes + bytes))
  page=$((page + 1))
done
heap=$(curl -s "http://127.0.0.1:$MGMT_PORT/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%.0f", s / 1048576}')
printf 'month %s for GM0363: %d signals, %d closed cases in %d pages, %.2f s, %.0f items/s, %d MB sent; heap after %s MB\n' \
  "$month" "$stored" "$cases" "$pages" "$total_s" "$(echo "($stored + $cases) / $total_s" | bc -l)" $((total_bytes / 1048576)) "$heap"
