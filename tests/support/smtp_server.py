#!/usr/bin/python3
"""A mail server for tests: Debian's aiosmtpd on 127.0.0.1, receiving into a directory.

Run by Debian's /usr/bin/python3 (python3-aiosmtpd). --security plain offers no TLS; starttls
offers STARTTLS and requires it before MAIL; tls makes the listening socket itself TLS (port
465 style). With --user and --password-file, AUTH PLAIN or LOGIN must succeed before MAIL.
--reject-rcpt and --defer-rcpt refuse a recipient for good or for now, --data-reply replaces the
reply to the end of DATA (only a 2xx reply stores the message), and --hang makes a server that
never greets (connect) or never answers the end of DATA (data), for tests of client timeouts.

Written to --dir, for the test to read while the server runs:
  sessions.log          "session S" per connection (S = 1, 2, ... in order of connection),
                        flushed at once; --skip-sessions N leaves out the first N connections
                        (the harness's readiness probe)
  received/NNNN.eml     the DATA exactly as received (CRLF kept, dot-stuffing undone)
  received/NNNN.envelope  "session S", "from ADDR", then "to ADDR" per accepted recipient
                        (ADDR without <>; "from " alone for the null sender)
Each file is written to a temporary name and renamed, the .envelope last: whoever sees an
.envelope sees its whole .eml.

Prints nothing while it runs; a start-up error goes to stderr with a non-zero exit.
"""
import argparse
import asyncio
import logging
import os
import ssl
import sys
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

# aiosmtpd warns, on stderr, about AUTH without TLS (wanted here: plain is a test mode) and
# logs a deprecation warning at every successful AUTH. Neither helps a test.
warnings.simplefilter("ignore")
logging.getLogger("mail.log").setLevel(logging.CRITICAL)

HOSTNAME = "smtp.kontor.test"  # not socket.getfqdn(): no DNS look-up per connection


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--security", choices=["plain", "starttls", "tls"], default="plain")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--password-file")
    parser.add_argument("--reject-rcpt", action="append", default=[])
    parser.add_argument("--defer-rcpt", action="append", default=[])
    parser.add_argument("--data-reply", default="250 2.0.0 Ok: queued")
    parser.add_argument("--hang", choices=["connect", "data"])
    parser.add_argument("--skip-sessions", type=int, default=0)
    args = parser.parse_args()
    if args.security != "plain" and not (args.cert and args.key):
        parser.error("--security %s needs --cert and --key" % args.security)
    if bool(args.user) != bool(args.password_file):
        parser.error("--user and --password-file go together")
    code = args.data_reply[:3]
    if not (code.isdigit() and args.data_reply[3:4] == " "):
        parser.error("--data-reply must be 'CODE TEXT', e.g. '451 4.3.0 try later'")
    return args


def write_atomically(path, data):
    temporary = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".tmp")
    with open(temporary, "wb") as out:
        out.write(data)
    os.rename(temporary, path)


class Sessions:
    """Numbers the connections in the order they are accepted, and logs each."""

    def __init__(self, directory, skip):
        self.log = open(os.path.join(directory, "sessions.log"), "a", encoding="utf-8")
        self.skip = skip
        self.count = 0

    def open_one(self):
        if self.skip > 0:
            self.skip -= 1
            return 0
        self.count += 1
        self.log.write("session %d\n" % self.count)
        self.log.flush()
        return self.count


class Handler:
    """aiosmtpd's hooks: refuses the recipients it was told to, and stores what it accepts."""

    def __init__(self, args):
        self.received = os.path.join(args.dir, "received")
        self.reject = {address.lower() for address in args.reject_rcpt}
        self.defer = {address.lower() for address in args.defer_rcpt}
        self.data_reply = args.data_reply
        self.hang_at_data = args.hang == "data"
        self.stored = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.reject:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        if address.lower() in self.defer:
            return "450 4.2.1 <%s>: Mailbox busy, try again later" % address
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 2.1.5 Ok"

    async def handle_DATA(self, server, session, envelope):
        if self.hang_at_data:
            await asyncio.Event().wait()  # until the client goes away
        if not self.data_reply.startswith("2"):
            return self.data_reply
        self.stored += 1
        base = os.path.join(self.received, "%04d" % self.stored)
        write_atomically(base + ".eml", envelope.original_content)
        # aiosmtpd gives the null reverse-path (MAIL FROM:<>) as "<>"; the file says "from ".
        sender = "" if envelope.mail_from == "<>" else envelope.mail_from
        lines = ["session %d" % server.kontor_session, "from %s" % sender]
        lines += ["to %s" % address for address in envelope.rcpt_tos]
        write_atomically(base + ".envelope", ("\n".join(lines) + "\n").encode("utf-8"))
        return self.data_reply


class Silent(asyncio.Protocol):
    """--hang connect: holds the connection open and never says a word."""


def make_authenticator(user, password_file):
    with open(password_file, "rb") as f:
        password = f.read().rstrip(b"\r\n")
    expected = LoginPassword(user.encode("utf-8"), password)

    def authenticate(server, session, envelope, mechanism, auth_data):
        # handled=False makes aiosmtpd answer a failure with 535 5.7.8 itself.
        return AuthResult(success=auth_data == expected, handled=False)

    return authenticate


async def serve(args):
    loop = asyncio.get_running_loop()
    os.makedirs(os.path.join(args.dir, "received"), exist_ok=True)
    sessions = Sessions(args.dir, args.skip_sessions)
    context = None
    if args.security != "plain":
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        try:
            context.load_cert_chain(args.cert, args.key)
        except (OSError, ssl.SSLError) as error:
            raise OSError("cannot load %s and %s: %s" % (args.cert, args.key, error))

    if args.hang == "connect":
        # Plain TCP whatever --security says: a TLS client then waits for the handshake, which
        # is as much a silent server as one that never greets.
        def silent():
            sessions.open_one()
            return Silent()

        server = await loop.create_server(silent, "127.0.0.1", args.port)
        return await server.serve_forever()

    handler = Handler(args)
    smtp_options = {"hostname": HOSTNAME, "decode_data": False, "loop": loop}
    if args.security == "starttls":
        smtp_options.update(tls_context=context, require_starttls=True)
    if args.user:
        smtp_options.update(
            authenticator=make_authenticator(args.user, args.password_file),
            auth_required=True,
            # aiosmtpd 1.4.3 only counts a STARTTLS upgrade as TLS, so an implicit-TLS
            # connection would be refused AUTH (538) like a plain one; plain allows it for the
            # tests of plain servers.
            auth_require_tls=args.security == "starttls")

    def smtp():
        # Called as the connection is accepted, before any TLS handshake: every connection
        # counts, also one whose handshake fails.
        protocol = SMTP(handler, **smtp_options)
        protocol.kontor_session = sessions.open_one()
        return protocol

    listening_ssl = context if args.security == "tls" else None
    server = await loop.create_server(smtp, "127.0.0.1", args.port, ssl=listening_ssl)
    await server.serve_forever()


def main():
    args = parse_args()
    try:
        asyncio.run(serve(args))
    except (OSError, ssl.SSLError) as error:
        print("smtp_server.py: %s" % error, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
