#!/usr/bin/env python3
"""Writes a CSV batch file (contracts/batch/csv-format.md) of N valid early signals, every row a
resident of its own, half for Amsterdam (1012LG) and half for Utrecht (3511AB).
   python3 bench/rows.py 100000 rows.csv"""
import datetime
import random
import sys

rows, path = int(sys.argv[1]), sys.argv[2]
today = datetime.date.today()
run = random.randint(0, 10**9)
with open(path, "w", encoding="utf-8") as f:
    f.write("reference;kind;signalDate;initials;surname;birthDate;street;houseNumber;postcode;city;totalAmount;termsOverdue;"
            "remindersSent;oldestDueDate;newestDueDate\n")
    for i in range(rows):
        surname = "B" + "".join(chr(97 + (i // 26**k) % 26) for k in range(4))
        f.write(f"S{run}-{i};EARLY;{today - datetime.timedelta(days=1)};A.;{surname};1980-01-{1 + i % 28:02d};Damrak;{1 + i % 99999};"
                f"{'1012LG' if i % 2 == 0 else '3511AB'};Amsterdam;{60 + i % 500}.50;2;2;{today - datetime.timedelta(days=70)};"
                f"{today - datetime.timedelta(days=40)}\n")
