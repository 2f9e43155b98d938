"""Reads DATEV EXTF Buchungsstapel files the way an importer would, independently of Kontor's
writer: Windows-1252, CRLF, ';' with '"' quoting, line 1 the header, line 2 the column names.

Prints JSON: per file its header's period and the records' Belegdatum; per account the debit and
credit in cents. S/H refers to Konto (field 7); Gegenkonto (field 8) gets the other side; a record
with Generalumkehr (field 118) "1" counts negative — DATEV books it as the original's reversal.
Amounts are turned into cents by string handling only: no floating point.

usage: read_datev.py FILE...
"""
import csv
import io
import json
import sys


def cents(text):
    # "1.234,56" or "1234,56" (DATEV writes no grouping, but read it if it were there).
    whole, _, fraction = text.replace(".", "").partition(",")
    if not whole.isdigit() or len(fraction) != 2 or not fraction.isdigit():
        raise ValueError("not a DATEV amount: %r" % text)
    return int(whole) * 100 + int(fraction)


def read(path, accounts, files):
    raw = open(path, "rb").read()
    if b"\r\n" not in raw or raw.replace(b"\r\n", b"").find(b"\n") >= 0:
        raise ValueError("%s: lines must end with CRLF" % path)
    text = raw.decode("cp1252")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";", quotechar='"'))
    header, names, records = rows[0], rows[1], [r for r in rows[2:] if r]
    entry = {
        "name": path.rsplit("/", 1)[-1],
        "format": header[0],
        "category": header[2],
        "version": header[4],
        "columns": len(names),
        "from": header[14],
        "to": header[15],
        "records": [],
    }
    for record in records:
        if len(record) != len(names):
            raise ValueError("%s: a record has %d fields, the header names %d"
                             % (path, len(record), len(names)))
        amount = cents(record[0])
        if record[117] == "1":
            amount = -amount
        debit_konto = record[1] == "S"
        for account, debit in ((record[6], debit_konto), (record[7], not debit_konto)):
            totals = accounts.setdefault(account, {"debit": 0, "credit": 0})
            totals["debit" if debit else "credit"] += amount
        entry["records"].append({"belegdatum": record[9], "belegfeld1": record[10],
                                 "konto": record[6], "gegenkonto": record[7], "bu": record[8],
                                 "side": record[1], "cents": cents(record[0]),
                                 "generalumkehr": record[117], "text": record[13],
                                 "sachverhalt": record[17]})
    files.append(entry)


def main():
    accounts, files = {}, []
    for path in sys.argv[1:]:
        read(path, accounts, files)
    print(json.dumps({"accounts": accounts, "files": files}))


if __name__ == "__main__":
    main()
