#!/usr/bin/env bash
# Uploads a generated CSV batch of N rows as partner demo-energie to a running gateway's SFTP server
# and times from the rename (upload complete) until the receipt is in the partner's outbox.
#   bench/sftp-batch.sh 100000            (gateway running from the project root, SFTP on 127.0.0.1:2222)
# Bounded: one file, localhost only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-100000}
PORT=${SFTP_PORT:-2222}
WORK=$(mktemp -d)
KEY="$WORK/key"; cp certs-dev/partner-energie-ssh "$KEY"; chmod 600 "$KEY"
NAME="bench-$(date +%s).csv"
python3 - "$ROWS" "$WORK/$NAME" <<'PY'
import sys, datetime, random
rows, path = int(sys.argv[1]), sys.argv[2]
today = datetime.date.today()
run = random.randint(0, 10**9)
with open(path, "w", encoding="utf-8") as f:
    f.write("reference;kind;signalDate;initials;surname;birthDate;street;houseNumber;postcode;city;totalAmount;termsOverdue;remindersSent;oldestDueDate;newestDueDate\n")
    for i in range(rows):
        surname = "B" + "".join(chr(97 + (i // 26**k) % 26) for k in range(4))
        f.write(f"S{run}-{i};EARLY;{today - datetime.timedelta(days=1)};A.;{surname};1980-01-{1 + i % 28:02d};Damrak;{1 + i % 99999};"
                f"{'1012LG' if i % 2 == 0 else '3511AB'};Amsterdam;{60 + i % 500}.50;2;2;{today - datetime.timedelta(days=70)};{today - datetime.timedelta(days=40)}\n")
PY
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
