#!/usr/bin/python3
"""Reads one CSV file with Python's standard csv module and prints its rows as JSON: the
csv-export tests compare them with the bookings they exported. An independent RFC 4180 reader,
so the test does not check our quoting against our own reading of it. Strict: a malformed quote
or bytes that are not UTF-8 fail the read.

usage: read_csv.py FILE DELIMITER"""
import csv
import json
import sys

with open(sys.argv[1], newline="", encoding="utf-8", errors="strict") as f:
    rows = list(csv.reader(f, delimiter=sys.argv[2], strict=True))
print(json.dumps(rows))
