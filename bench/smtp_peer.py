#!/usr/bin/python3
"""The peer of smtp_bench: Python's smtplib sends the same message COUNT times to the same
server over one connection (STARTTLS, trusting CA_FILE, logged in), as a well-known SMTP client
would. With NODELAY as the last argument its socket sends small segments at once (TCP_NODELAY, as
libcurl does); smtplib's default waits for the ACK of the previous segment (Nagle), which the
server delays. Prints the microseconds the sending took (connection, handshake and login
included, interpreter start excluded) and the peak RSS in KiB (VmHWM: this process's own, not
what a parent left in ru_maxrss across exec)."""
import smtplib
import socket
import ssl
import sys
import time

host, port, ca_file, user, password_file, message_file, count = sys.argv[1:8]
no_delay = sys.argv[8:] == ["NODELAY"]
with open(password_file) as f:
    password = f.read().strip()
with open(message_file, "rb") as f:
    message = f.read()
context = ssl.create_default_context(cafile=ca_file)
started = time.monotonic_ns()
with smtplib.SMTP(host, int(port)) as smtp:
    if no_delay:
        smtp.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    smtp.starttls(context=context)
    smtp.login(user, password)
    for _ in range(int(count)):
        smtp.sendmail("forderungen@beispiel.example", ["kunde@kunde.example"], message)
elapsed_us = (time.monotonic_ns() - started) // 1000
with open("/proc/self/status") as f:
    peak_kib = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
print(elapsed_us, peak_kib)
