#!/usr/bin/env bash
# Outcomes in bulk (issue 17): the packaged gateway on PostgreSQL with delivery on, SIGNALS signals
# sent and delivered first (bench/RestIntakeLoad.java, REST batches of 1,000), then Amsterdam
# reports outcomes for them: half in REST batches of 1,000 over 4 connections, half as one outcome
# file over the gateway's SFTP server (bench/OutcomeLoad.java). Prints outcomes/s of each.
#
#   mvn -B -DskipTests package && mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
#   bench/outcomes.sh 20000
# Bounded: SIGNALS signals and as many outcomes; the gateway it starts is stopped, its schema dropped.
set -euo pipefail
cd "$(dirname "$0")/.."
SIGNALS=${1:-20000}
DB=postgres
SCHEMA="bench_oc_$(date +%s)"
# shellcheck source=bench/gateway.sh
. bench/gateway.sh
trap 'finish_gateway outcomes' EXIT

# The shipped registry, delivering into WORK, with an SFTP account for Amsterdam (the team example's development key).
sed -e 's|^    oin: "00000099000000000363"$|    oin: "00000099000000000363"\n    sftpAccount: {authorizedKeys: certs-dev/team-walcheren-ssh.pub}|' \
  -e "s|endpoint: data/delivered/|endpoint: $WORK/delivered/|" routes/municipalities.yaml > "$WORK/municipalities.yaml"
grep -q sftpAccount "$WORK/municipalities.yaml" || { echo "could not give Amsterdam an SFTP account" >&2; exit 1; }
cp certs-dev/team-walcheren-ssh "$WORK/key"; chmod 600 "$WORK/key"
DELIVERY_POLL=PT0.2S start_gateway "--signaalpoort.routing.municipalities=file:$WORK/municipalities.yaml"

java -cp "$(cat target/cp.txt)" bench/RestIntakeLoad.java --port "$API_PORT" --management-port "$MGMT_PORT" \
  --connections 4 --batch 1000 --requests $((SIGNALS / 1000)) --warmup 2 | grep -E "signals/s|delivered"
ssl=(-Djavax.net.ssl.keyStore=certs-dev/gemeente-amsterdam.p12 -Djavax.net.ssl.keyStorePassword=changeit-dev-only
  -Djavax.net.ssl.trustStore=certs-dev/truststore.p12 -Djavax.net.ssl.trustStorePassword=changeit-dev-only)
java "${ssl[@]}" -cp "$(cat target/cp.txt)" bench/OutcomeLoad.java --port "$API_PORT" --db-url "$DB_URL?currentSchema=$SCHEMA" \
  --db-user "$DB_USER" --db-password "$DB_PASSWORD" --municipality GM0363 --connections 4 --batch 1000 \
  --sftp-port "$SFTP_PORT" --sftp-user GM0363 --sftp-key "$WORK/key" --outbox "$WORK/files/homes/GM0363/outbox"
