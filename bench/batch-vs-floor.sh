#!/usr/bin/env bash
# The batch path against its floor, side by side in one run on the same file and database: the
# floor (bench/BatchFloor.java), then the packaged gateway taking the same file over its SFTP
# channel (upload complete = the rename, done = the receipt in the partner's outbox), then the
# floor again. Prints rows/s of each and gateway / floor.
#
#   mvn -B -DskipTests package && mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
#   bench/batch-vs-floor.sh 100000                 # PostgreSQL (DB_URL, DB_USER, DB_PASSWORD), plain CSV
#   MODE=pgp bench/batch-vs-floor.sh 100000        # the file OpenPGP-encrypted to the gateway and signed
#   FORMAT=xml bench/batch-vs-floor.sh 100000      # the gateway gets the same signals as an XML batch file
#   DB=h2 bench/batch-vs-floor.sh 100000           # both on an H2 file database
#   HEAP=256m bench/batch-vs-floor.sh 1000000      # the gateway's heap (default 512m)
#   GATEWAY_OPTS="-XX:StartFlightRecording=filename=/tmp/gw.jfr" bench/batch-vs-floor.sh 100000   # profile it
#   WARM_FILES=4 WARM_ROWS=100000 bench/batch-vs-floor.sh 100000   # the defaults: floor and gateway each first take
#                                                     # 4 warm-up files of 100,000 other rows (JIT warm, the same rows stored)
#   WARM_FILES=1 WARM_ROWS=1000000 bench/batch-vs-floor.sh 100000   # intake with a million stored
#   AROUND_START="cmd" AROUND_END="cmd" bench/batch-vs-floor.sh 100000   # run just before and after the measured file,
#                                                     # e.g. a pg_stat_statements reset and read-out (bench/README.md)
# Bounded: WARM_FILES warm-up files and one file of ROWS rows through each; the gateway it starts is
# stopped, its schema dropped, its log kept in target/batch-vs-floor-gateway.log.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-100000}
MODE=${MODE:-plain}
FORMAT=${FORMAT:-csv}
DB=${DB:-postgres}
SCHEMA="bench_gw_$(date +%s)"
# shellcheck source=bench/gateway.sh
. bench/gateway.sh    # DB_URL, DB_USER, DB_PASSWORD, JAR, WORK; start_gateway, stop_gateway, cpu_ticks, cpu_report
trap 'finish_gateway batch-vs-floor' EXIT

python3 bench/rows.py "$ROWS" "$WORK/rows.csv"
WARM_ROWS=${WARM_ROWS:-100000}
WARM_FILES=${WARM_FILES:-4}
python3 bench/rows.py "$WARM_ROWS" "$WORK/warm.csv"
[ "$FORMAT" = xml ] && python3 bench/rows.py "$ROWS" "$WORK/rows.xml" --xml
echo "rows: $ROWS ($(du -h "$WORK/rows.$FORMAT" | cut -f1)), format $FORMAT, mode $MODE, database $DB, $(nproc) cores"

floor() {
  local url=$DB_URL
  [ "$DB" = h2 ] && url="jdbc:h2:file:$WORK/floor-$1;DB_CLOSE_ON_EXIT=FALSE"
  java -cp "$(cat target/cp.txt)" bench/BatchFloor.java --file "$WORK/rows.csv" --warm "$WORK/warm.csv" --warm-passes "$WARM_FILES" --url "$url" --user "$DB_USER" --password "$DB_PASSWORD" \
    | tee -a "$WORK/floor.txt"
}

# The gateway's JIT compilation time so far, in ms.
jit_ms() {
  curl -sf "http://127.0.0.1:$MGMT_PORT/actuator/prometheus" | awk '/^jvm_compilation_time_ms_total/ {v = $NF} END {print v}'
}

gateway() {
  start_gateway
  local key="$WORK/key" outbox="$WORK/files/homes/demo-energie/outbox"
  cp certs-dev/partner-energie-ssh "$key"; chmod 600 "$key"
  sftp_batch() { sftp -q -b - -i "$key" -P "$SFTP_PORT" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes \
    demo-energie@127.0.0.1 >/dev/null; }
  upload() { printf 'put %s inbox/%s.part\nrename inbox/%s.part inbox/%s\n' "$1" "$2" "$2" "$2" | sftp_batch; }
  await_receipt() {
    for _ in $(seq 1 60000); do [ -f "$outbox/$1.receipt.$2" ] && return 0; sleep 0.02; done
    echo "no receipt for $1" >&2; exit 1
  }
  # Warm-up files first (other references, WARM_ROWS rows each, WARM_FILES of them, as the floor
  # gets): the leader is elected, the intake route has run and the JIT has compiled the intake path
  # before the clock starts, as in a gateway that has been running. Each prints how long the JIT
  # compiled during it (jvm_compilation_time_ms_total), so a run that had not settled shows.
  [ "$FORMAT" = xml ] && python3 bench/rows.py "$WARM_ROWS" "$WORK/warm.xml" --xml
  local pass jit0 jit1 t0 t1
  for pass in $(seq 1 "$WARM_FILES"); do
    sed "s/^S/W$pass/; s/<reference>S/<reference>W$pass/g" "$WORK/warm.$FORMAT" > "$WORK/warm-$pass.$FORMAT"
    jit0=$(jit_ms); t0=$(date +%s%N)
    upload "$WORK/warm-$pass.$FORMAT" "warm-$pass.$FORMAT"
    await_receipt "warm-$pass.$FORMAT" "$FORMAT"
    jit1=$(jit_ms); t1=$(date +%s%N)
    echo "gateway warm-up $pass: $(( (t1 - t0) / 1000000 )) ms, JIT $(echo "$jit1 - $jit0" | bc | cut -d. -f1) ms"
  done
  local file="$WORK/rows.$FORMAT" name="rows.$FORMAT"
  if [ "$MODE" = pgp ]; then
    local home="$WORK/gnupg"; mkdir -m 700 "$home"
    gpg --homedir "$home" --batch --quiet --import certs-dev/pgp-gateway.pub.asc certs-dev/pgp-partner-energie.asc
    gpg --homedir "$home" --batch --quiet --trust-model always --recipient gateway@dev.signaalpoort.invalid \
      --local-user partner-energie@dev.signaalpoort.invalid --sign --encrypt --output "$file.pgp" "$file"
    file="$file.pgp"; name="$name.pgp"
  fi
  printf 'put %s inbox/%s.part\n' "$file" "$name" | sftp_batch
  local start end cpu_start
  if [ -n "${AROUND_START:-}" ]; then bash -c "$AROUND_START"; fi
  cpu_start=$(cpu_ticks "$GATEWAY_PID")
  start=$(date +%s.%N)
  printf 'rename inbox/%s.part inbox/%s\n' "$name" "$name" | sftp_batch
  await_receipt "$name" "$FORMAT"
  end=$(date +%s.%N)
  cpu_report "$cpu_start" "$(cpu_ticks "$GATEWAY_PID")" "$start" "$end"
  if [ -n "${AROUND_END:-}" ]; then bash -c "$AROUND_END"; fi
  grep -qE "accepted(=|=\")$ROWS[;\"]" "$outbox/$name.receipt.$FORMAT" \
    || { echo "gateway did not accept every row: $(tail -c 300 "$outbox/$name.receipt.$FORMAT")" >&2; exit 1; }
  echo "gateway: $ROWS rows in $(echo "$end - $start" | bc) s = $(echo "$ROWS / ($end - $start)" | bc) rows/s" | tee "$WORK/gateway.txt"
  grep -m1 -o "Started SignaalpoortApplication.*" "$WORK/gateway.log" >/dev/null || true
  stop_gateway
}

floor 1
gateway
floor 2
FLOOR=$(grep -o '= [0-9]* rows/s' "$WORK/floor.txt" | awk '{s += $2; n++} END {printf "%.0f", s / n}')
GW=$(grep -o '= [0-9]* rows/s' "$WORK/gateway.txt" | awk '{print $2}')
echo "floor (mean of both): $FLOOR rows/s; gateway: $GW rows/s; gateway / floor: $(echo "scale=2; $GW / $FLOOR" | bc)"
