#!/usr/bin/python3
"""An export endpoint for tests of exporters that POST batches (http-export): HTTPS on 127.0.0.1
with the certificate the test made (plain HTTP without --cert), taking POSTs to any path.

Every POST is recorded before it is answered, as <record>/<n>.json (n = 1, 2, ... in the order
the requests arrived; written to a temporary name and renamed, so a reader never sees half a
record):
  {"n": 1, "method": "POST", "path": "/batches", "headers": {"idempotency-key": "...", ...},
   "body": "...", "status": 201, "accepted": true}
header names in lower case, `status` what the request is answered (or was going to be, for a
stalled one), `accepted` whether the body was taken as new.

The answers, in this order:
  401                   without the credentials of --bearer or --basic
  --status CODE         every POST answered CODE (400, 422 ...); nothing accepted
  --fail-first N        the first N POSTs answered 503 (with Retry-After: --retry-after)
  --stall-first N       the first N POSTs are accepted, then answered only after --stall-seconds
                        (a client with a shorter timeout gives up on an answer the server kept)
  a known key           --repeat 200 or 409 (default 409, "idempotency key already used")
  otherwise             201 {"received": "<key>"}, the key remembered
Other methods are answered 405.
"""
import argparse
import base64
import http.server
import json
import os
import ssl
import threading
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--record", required=True)
    parser.add_argument("--bearer")
    parser.add_argument("--basic", help="user:password")
    parser.add_argument("--status", type=int, default=0)
    parser.add_argument("--fail-first", type=int, default=0)
    parser.add_argument("--retry-after")
    parser.add_argument("--stall-first", type=int, default=0)
    parser.add_argument("--stall-seconds", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, choices=[200, 409], default=409)
    parser.add_argument("--redirect", type=int, default=0,
                        help="every POST answered with this 3xx and Location: /moved")
    args = parser.parse_args()
    os.makedirs(args.record, exist_ok=True)
    lock = threading.Lock()
    seen_keys = set()
    count = [0]

    def record(entry):
        path = os.path.join(args.record, "%d.json" % entry["n"])
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            json.dump(entry, f)
        os.rename(path + ".tmp", path)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_):
            pass

        def answer(self, status, body, headers=()):
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def authorised(self):
            given = self.headers.get("Authorization", "")
            if args.bearer:
                return given == "Bearer " + args.bearer
            if args.basic:
                return given == "Basic " + base64.b64encode(args.basic.encode()).decode()
            return True

        # The answer to the n-th POST: (status, body, headers, accepted, stall).
        def decide(self, n, key):
            if not self.authorised():
                return 401, b'{"error": "who are you?"}\n', [], False, False
            if args.status:
                return args.status, b'{"error": "refused as asked"}\n', [], False, False
            if args.redirect:
                return args.redirect, b'{"moved": "/moved"}\n', [("Location", "/moved")], False, False
            if n <= args.fail_first:
                headers = [("Retry-After", args.retry_after)] if args.retry_after else []
                return 503, b'{"error": "busy"}\n', headers, False, False
            if key is not None and key in seen_keys:
                if args.repeat == 409:
                    return 409, b'{"error": "idempotency key already used"}\n', [], False, False
                return 200, b'{"received": "before"}\n', [], False, False
            if key is not None:
                seen_keys.add(key)
            body = json.dumps({"received": key}).encode() + b"\n"
            return 201, body, [], True, n <= args.stall_first

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            key = self.headers.get("Idempotency-Key")
            with lock:
                count[0] += 1
                n = count[0]
                status, answer, headers, accepted, stall = self.decide(n, key)
                record({"n": n, "method": "POST", "path": self.path,
                        "headers": {k.lower(): v for k, v in self.headers.items()},
                        "body": body.decode("utf-8", "replace"), "status": status,
                        "accepted": accepted})
            if stall:
                time.sleep(args.stall_seconds)
            try:
                self.answer(status, answer, headers)
            except OSError:
                pass  # the client gave up waiting

        def refuse(self):
            self.answer(405, b'{"error": "POST only"}\n')

        do_GET = do_PUT = do_DELETE = refuse

    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
