#!/usr/bin/env bash
# SOAP intake (2W-be: mutual TLS and WS-Addressing; 2W-be-S: and a WS-Security signature, as the
# partner Demo Zorgverzekeraar whose registry entry requires it) against REST intake, side by side on one
# packaged gateway and one PostgreSQL schema, the same client (bench/RestIntakeLoad.java, one
# HTTP/1.1 connection per client thread) and the same signals: single signals at each connection
# count, then batches of 1,000 over 4 connections, REST, SOAP and signed SOAP alternating. Delivery is paused, so
# intake alone is measured. Prints requests/s, signals/s and p99 of each, and each SOAP profile over REST.
#
#   mvn -B -DskipTests package && mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
#   bench/soap-vs-rest.sh                          # 4,000 single requests after 2,000 to warm up; 40 batches after 10
#   REQUESTS=8000 WARMUP=4000 CONNECTIONS="8 32" BATCHES=60 bench/soap-vs-rest.sh
# Bounded: a fixed number of requests per run; the gateway is stopped and its schema dropped.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${REQUESTS:-4000}
WARMUP=${WARMUP:-2000}
CONNECTIONS=${CONNECTIONS:-8 32}
BATCHES=${BATCHES:-40}
DB=postgres
SCHEMA="bench_soap_$(date +%s)"
# shellcheck source=bench/gateway.sh
. bench/gateway.sh    # DB_URL, DB_USER, DB_PASSWORD, JAR, WORK; start_gateway, stop_gateway, cpu_ticks, cpu_report
trap 'finish_gateway soap-vs-rest' EXIT

# One measured run: "<channel> <what> <requests/s> <signals/s> <p99 ms>" appended to $WORK/results.
load() {
  local channel=$1 connections=$2 requests=$3 batch=$4 warmup=$5 out cpu_start start
  cpu_start=$(cpu_ticks "$GATEWAY_PID"); start=$(date +%s.%N)
  out=$(java -cp "$(cat target/cp.txt)" bench/RestIntakeLoad.java --channel "$channel" --port "$API_PORT" --connections "$connections" --requests "$requests" \
    --batch "$batch" --warmup "$warmup" --drain false)
  if grep -q FAILED <<< "$out"; then echo "$channel: $(grep FAILED <<< "$out")" >&2; exit 1; fi
  local rps sps p99
  rps=$(grep -o 'requests/s: [0-9]*' <<< "$out" | awk '{print $2}')
  sps=$(grep -o 'signals/s: *[0-9]*' <<< "$out" | awk '{print $2}')
  p99=$(grep -o 'p99 [0-9.]*' <<< "$out" | awk '{print $2}')
  echo "$channel, $connections connections x $batch: $rps requests/s, $sps signals/s, p99 $p99 ms;" \
    "$(cpu_report "$cpu_start" "$(cpu_ticks "$GATEWAY_PID")" "$start" "$(date +%s.%N)") (warm-up and client included)"
  echo "$channel ${connections}x$batch $rps $sps $p99" >> "$WORK/results"
}

echo "SOAP (2W-be) against REST, $REQUESTS single requests after $WARMUP, $BATCHES batches of 1,000; PostgreSQL, $(nproc) cores"
# 100 requests per second per organisation by default: lifted, or it would be the figure measured.
start_gateway --signaalpoort.rate-limits.standard.requests=1000000
for c in $CONNECTIONS; do
  for channel in rest soap soap-signed; do load "$channel" "$c" "$REQUESTS" 1 "$WARMUP"; done
done
for channel in rest soap soap-signed; do load "$channel" 4 "$BATCHES" 1000 10; done
stop_gateway
awk '{k = $2} $1 == "rest" {rs[k] = $4; rp[k] = $5} $1 != "rest" {ss[$1 " " k] = $4; sp[$1 " " k] = $5}
  END {for (c in ss) {split(c, p, " "); k = p[2];
       printf "%s, %s: REST %.0f signals/s p99 %.1f ms, %s %.0f signals/s p99 %.1f ms: %.2f of REST, p99 %.2fx\n",
       k, p[1], rs[k], rp[k], p[1], ss[c], sp[c], ss[c] / rs[k], sp[c] / rp[k]}}' "$WORK/results"
