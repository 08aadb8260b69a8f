#!/usr/bin/env bash
# Uploads a generated CSV batch of N rows as partner demo-energie to a running gateway's SFTP server
# and times from the rename (upload complete) until the receipt is in the partner's outbox.
#   bench/sftp-batch.sh 100000            (gateway running from the project root, SFTP on 127.0.0.1:2222)
#   ROWS_FILE=rows.csv bench/sftp-batch.sh N   uploads that file (bench/rows.py) instead of a new one
# Bounded: one file, localhost only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-100000}
PORT=${SFTP_PORT:-2222}
WORK=$(mktemp -d)
KEY="$WORK/key"; cp certs-dev/partner-energie-ssh "$KEY"; chmod 600 "$KEY"
NAME="bench-$(date +%s).csv"
if [ -n "${ROWS_FILE:-}" ]; then cp "$ROWS_FILE" "$WORK/$NAME"; else python3 bench/rows.py "$ROWS" "$WORK/$NAME"; fi
SIZE=$(du -h "$WORK/$NAME" | cut -f1)
sftp_batch() { sftp -q -b - -i "$KEY" -P "$PORT" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes demo-energie@127.0.0.1; }
printf 'put %s inbox/%s.part\n' "$WORK/$NAME" "$NAME" | sftp_batch >/dev/null
START=$(date +%s.%N)
printf 'rename inbox/%s.part inbox/%s\n' "$NAME" "$NAME" | sftp_batch >/dev/null
for _ in $(seq 1 3000); do
  if printf 'get outbox/%s.receipt.csv %s\n' "$NAME" "$WORK/receipt.csv" | sftp_batch >/dev/null 2>&1; then break; fi
  sleep 0.2
done
END=$(date +%s.%N)
SECONDS_TAKEN=$(echo "$END - $START" | bc)
echo "rows: $ROWS ($SIZE)"
echo "receipt after: ${SECONDS_TAKEN} s  ($(echo "$ROWS / $SECONDS_TAKEN" | bc) rows/s, including the readLock settle of about 1 s)"
tail -1 "$WORK/receipt.csv"
rm -rf "$WORK"
