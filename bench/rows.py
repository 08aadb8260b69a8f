#!/usr/bin/env python3
"""Writes a batch file of N valid early signals, every row a resident of its own, half for Amsterdam
(1012LG) and half for Utrecht (3511AB): CSV (contracts/batch/csv-format.md), or with --xml the XML
format (contracts/batch/signal-batch-v1.xsd) with the same signals.
   python3 bench/rows.py 100000 rows.csv
   python3 bench/rows.py 100000 rows.xml --xml"""
import datetime
import random
import sys

rows, path, xml = int(sys.argv[1]), sys.argv[2], "--xml" in sys.argv[3:]
today = datetime.date.today()
run = random.randint(0, 10**9)


def signal(i):
    surname = "B" + "".join(chr(97 + (i // 26**k) % 26) for k in range(4))
    return dict(reference=f"S{run}-{i}", kind="EARLY", signalDate=today - datetime.timedelta(days=1), initials="A.",
                surname=surname, birthDate=f"1980-01-{1 + i % 28:02d}", street="Damrak", houseNumber=1 + i % 99999,
                postcode="1012LG" if i % 2 == 0 else "3511AB", city="Amsterdam", totalAmount=f"{60 + i % 500}.50",
                termsOverdue=2, remindersSent=2, oldestDueDate=today - datetime.timedelta(days=70),
                newestDueDate=today - datetime.timedelta(days=40))


with open(path, "w", encoding="utf-8") as f:
    if xml:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<signalBatch xmlns="urn:signaalpoort:batch:v1">\n')
        for i in range(rows):
            s = signal(i)
            f.write(f"<signal><reference>{s['reference']}</reference><kind>EARLY</kind><signalDate>{s['signalDate']}</signalDate>"
                    f"<debtor><initials>{s['initials']}</initials><surname>{s['surname']}</surname><birthDate>{s['birthDate']}</birthDate>"
                    f"</debtor><address><street>{s['street']}</street><houseNumber>{s['houseNumber']}</houseNumber>"
                    f"<postcode>{s['postcode']}</postcode><city>{s['city']}</city></address><arrears><totalAmount>"
                    f"{s['totalAmount']}</totalAmount><termsOverdue>2</termsOverdue><remindersSent>2</remindersSent>"
                    f"<oldestDueDate>{s['oldestDueDate']}</oldestDueDate><newestDueDate>{s['newestDueDate']}</newestDueDate>"
                    f"</arrears></signal>\n")
        f.write("</signalBatch>\n")
    else:
        f.write("reference;kind;signalDate;initials;surname;birthDate;street;houseNumber;postcode;city;totalAmount;termsOverdue;"
                "remindersSent;oldestDueDate;newestDueDate\n")
        for i in range(rows):
            f.write(";".join(str(v) for v in signal(i).values()) + "\n")
