#!/usr/bin/env bash
# REST intake against its floor, side by side in one run on the same database, the same client
# (bench/RestIntakeLoad.java: single signals over mutual TLS, one HTTP/1.1 connection per client
# thread) and the same Tomcat: the floor (bench/RestFloor.java), then the packaged gateway on a
# fresh schema (delivery paused, the rate limit lifted so one partner can load it), then the floor
# again; each at every connection count given. Prints requests/s and p99 of each, and the gateway's
# over the floor's (the mean of its two runs).
#
#   mvn -B -DskipTests package && mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
#   bench/rest-vs-floor.sh                       # 8 and 32 connections, 4,000 requests each after 2,000 to warm up
#   REQUESTS=8000 WARMUP=4000 CONNECTIONS="8 32" bench/rest-vs-floor.sh
# Bounded: a fixed number of requests per run; what it starts is stopped, the schemas dropped.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${REQUESTS:-4000}
WARMUP=${WARMUP:-2000}
CONNECTIONS=${CONNECTIONS:-8 32}
DB=postgres
SCHEMA="bench_rest_$(date +%s)"
FLOOR_PID=
# shellcheck source=bench/gateway.sh
. bench/gateway.sh    # DB_URL, DB_USER, DB_PASSWORD, JAR, WORK; start_gateway, stop_gateway, cpu_ticks, cpu_report
stop_floor() {
  [ -n "$FLOOR_PID" ] && kill "$FLOOR_PID" 2>/dev/null && wait "$FLOOR_PID" 2>/dev/null || true
  FLOOR_PID=
}
cleanup() {
  stop_floor
  finish_gateway rest-vs-floor
}
trap cleanup EXIT

# One measured run: "<what> <connections> <requests/s> <p99 ms>" appended to $WORK/results.
load() {
  local what=$1 port=$2 connections=$3 pid=$4 out cpu_start start
  cpu_start=$(cpu_ticks "$pid"); start=$(date +%s.%N)
  out=$(java -cp "$(cat target/cp.txt)" bench/RestIntakeLoad.java --port "$port" --connections "$connections" --requests "$REQUESTS" --batch 1 \
    --warmup "$WARMUP" --drain false)
  if grep -q FAILED <<< "$out"; then echo "$what: $(grep FAILED <<< "$out")" >&2; exit 1; fi
  local rps p99
  rps=$(grep -o 'requests/s: [0-9]*' <<< "$out" | awk '{print $2}')
  p99=$(grep -o 'p99 [0-9.]*' <<< "$out" | awk '{print $2}')
  echo "$what, $connections connections: $rps requests/s, p99 $p99 ms; $(cpu_report "$cpu_start" "$(cpu_ticks "$pid")" "$start" "$(date +%s.%N)")" \
    "(warm-up and client included)"
  echo "$what $connections $rps $p99" >> "$WORK/results"
}

floor() {
  local port; port=$(free_ports 1)
  # Compiled, not run from source: Spring reads the configuration class as a class file.
  [ -d "$WORK/floor-classes" ] || javac -cp "$(cat target/cp.txt)" -d "$WORK/floor-classes" bench/RestFloor.java
  java -cp "$WORK/floor-classes:$(cat target/cp.txt)" RestFloor "--server.port=$port" "--spring.datasource.url=$DB_URL" \
    "--spring.datasource.username=$DB_USER" "--spring.datasource.password=$DB_PASSWORD" > "$WORK/floor.log" 2>&1 &
  FLOOR_PID=$!
  for _ in $(seq 1 240); do
    grep -q "Started RestFloor" "$WORK/floor.log" && break
    kill -0 "$FLOOR_PID" 2>/dev/null || { tail -20 "$WORK/floor.log"; exit 1; }
    sleep 0.5
  done
  for c in $CONNECTIONS; do load floor "$port" "$c" "$FLOOR_PID"; done
  stop_floor
}

gateway() {
  # 100 requests per second per organisation by default: lifted, or it would be the figure measured.
  start_gateway --signaalpoort.rate-limits.standard.requests=1000000
  for c in $CONNECTIONS; do load gateway "$API_PORT" "$c" "$GATEWAY_PID"; done
  stop_gateway
}

echo "REST single signals, $REQUESTS requests after $WARMUP to warm up, PostgreSQL, $(nproc) cores"
floor
gateway
floor
for c in $CONNECTIONS; do
  awk -v c="$c" '$2 == c && $1 == "floor" {fr += $3; fp += $4; n++} $2 == c && $1 == "gateway" {gr = $3; gp = $4}
    END {printf "%s connections: floor %.0f requests/s (mean of both), gateway %.0f: %.2f of the floor; p99 floor %.1f ms, gateway %.1f ms: %.2fx\n",
         c, fr / n, gr, gr / (fr / n), fp / n, gp, gp / (fp / n)}' "$WORK/results"
done
