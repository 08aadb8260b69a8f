# Sourced by the bench/*.sh scripts (from the project folder): the database settings
# (DB_URL, DB_USER, DB_PASSWORD, overridable), the packaged jar, a scratch folder WORK, and the
# functions below (start_gateway, stop_gateway, finish_gateway, cpu_ticks, cpu_report).
DB_URL=${DB_URL:-jdbc:postgresql://localhost:5432/signaalpoort}
DB_USER=${DB_USER:-signaalpoort}
DB_PASSWORD=${DB_PASSWORD:-signaalpoort}
JAR=${JAR:-target/signaalpoort-0.1.0-SNAPSHOT.jar}    # JAR=<another build>: builds side by side
[ -f "$JAR" ] && [ -f target/cp.txt ] || { echo "build first: see the header of $0" >&2; exit 2; }
WORK=$(mktemp -d)
GATEWAY_PID=

# Starts the packaged gateway for a benchmark and waits until it is ready. Needs DB (postgres or
# h2) and SCHEMA; HEAP and GATEWAY_OPTS are optional. Further arguments go to the gateway. Sets
# GATEWAY_PID, API_PORT, MGMT_PORT and SFTP_PORT; the log is $WORK/gateway.log. Delivery is
# paused (polled hourly; DELIVERY_POLL=PT0.2S turns it on), so only intake is measured.
start_gateway() {
  # Ports the kernel says are free now (a random pick in the ephemeral range collided with a client's port).
  read -r SFTP_PORT API_PORT MGMT_PORT < <(free_ports 3)
  local db_args=()
  if [ "$DB" = postgres ]; then
    db_args=(--spring.profiles.active=postgres "--spring.datasource.url=$DB_URL?currentSchema=$SCHEMA" "--spring.flyway.schemas=$SCHEMA"
      "--spring.datasource.username=$DB_USER" "--spring.datasource.password=$DB_PASSWORD")
  else
    db_args=("--spring.datasource.url=jdbc:h2:file:$WORK/gateway;DB_CLOSE_ON_EXIT=FALSE")
  fi
  # shellcheck disable=SC2086
  java "-Xmx${HEAP:-512m}" ${GATEWAY_OPTS:-} -jar "$JAR" "${db_args[@]}" --logging.level.nl.signaalpoort=WARN \
    --server.port=$API_PORT --management.server.port=$MGMT_PORT --signaalpoort.sftp.port=$SFTP_PORT \
    "--signaalpoort.files.root=$WORK/files" "--signaalpoort.sftp.host-key=$WORK/host.key" "--signaalpoort.cluster.file.root=$WORK/cluster" \
    "--signaalpoort.delivery.poll-interval=${DELIVERY_POLL:-PT1H}" "$@" > "$WORK/gateway.log" 2>&1 &
  GATEWAY_PID=$!
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$MGMT_PORT/actuator/health/readiness" >/dev/null 2>&1 && return 0
    kill -0 "$GATEWAY_PID" 2>/dev/null || { tail -20 "$WORK/gateway.log"; exit 1; }
    sleep 0.5
  done
  echo "the gateway did not get ready: $WORK/gateway.log" >&2
  exit 1
}

# N ports free at this moment, on one line.
free_ports() {
  python3 -c 'import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))' "$1"
}

stop_gateway() {
  [ -n "${GATEWAY_PID:-}" ] && kill "$GATEWAY_PID" 2>/dev/null && wait "$GATEWAY_PID" 2>/dev/null || true
  GATEWAY_PID=
}

# finish_gateway <name>: at the end of a run, the gateway stopped, its PostgreSQL schema dropped,
# its log kept as target/<name>-gateway.log, and WORK removed.
finish_gateway() {
  stop_gateway
  if [ "$DB" = postgres ]; then
    java -cp "$(cat target/cp.txt)" bench/BatchFloor.java --drop-schema "$SCHEMA" --url "$DB_URL" --user "$DB_USER" \
      --password "$DB_PASSWORD" >/dev/null 2>&1 || true
  fi
  cp "$WORK/gateway.log" "target/$1-gateway.log" 2>/dev/null || true
  rm -rf "$WORK"
}

# CPU ticks so far of the JVM with pid $1, of the database's processes (PostgreSQL's, when local)
# and of the whole machine (busy).
cpu_ticks() {
  local jvm=0 db=0 pid
  [ -n "${1:-}" ] && jvm=$(awk '{print $14 + $15}' "/proc/$1/stat")
  for pid in $(pgrep -u postgres 2>/dev/null); do db=$((db + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done
  echo "$jvm $db $(awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat)"
}

# cpu_report <ticks before> <ticks after> <start s> <end s>: what each used in between.
cpu_report() {
  local hz; hz=$(getconf CLK_TCK)
  read -r j0 d0 m0 <<< "$1"; read -r j1 d1 m1 <<< "$2"
  echo "cpu: JVM $(echo "scale=1; ($j1 - $j0) / $hz" | bc) s, database $(echo "scale=1; ($d1 - $d0) / $hz" | bc) s," \
    "machine $(echo "scale=0; 100 * ($m1 - $m0) / $hz / ($4 - $3) / $(nproc)" | bc)% of $(nproc) cores busy"
}
