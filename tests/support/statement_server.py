#!/usr/bin/python3
"""A bank's statement download server for tests: HTTPS on 127.0.0.1 with the certificate the
test made, serving the files of one directory.

GET and HEAD answer with the file, an ETag (from its content) and Last-Modified (its mtime), and
304 to a request whose If-None-Match or If-Modified-Since says the client has it. DELETE removes
the file. POST stores its body as <root>/<path>/<n>.json (n = 1, 2, ...) and answers 201, or
409 when its Idempotency-Key was seen before (a print-and-mail service's upload). With --bearer
or --basic every request must carry those credentials (else 401). /status/NNN answers status
NNN, to any method. Every request is appended to --log as one line:
METHOD PATH STATUS if-none-match=... if-modified-since=... idempotency-key=...
"""
import argparse
import base64
import email.utils
import hashlib
import http.server
import os
import ssl
import threading
import urllib.parse


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--bearer")
    parser.add_argument("--basic", help="user:password")
    args = parser.parse_args()
    seen_keys = set()
    posts = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_):
            pass

        def record(self, status):
            with open(args.log, "a", encoding="utf-8") as log:
                log.write("%s %s %d if-none-match=%s if-modified-since=%s idempotency-key=%s\n" % (
                    self.command, self.path, status,
                    self.headers.get("If-None-Match", ""),
                    self.headers.get("If-Modified-Since", ""),
                    self.headers.get("Idempotency-Key", "")))

        def answer(self, status, body=b"", headers=()):
            self.record(status)
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def authorised(self):
            given = self.headers.get("Authorization", "")
            if args.bearer:
                return given == "Bearer " + args.bearer
            if args.basic:
                return given == "Basic " + base64.b64encode(args.basic.encode()).decode()
            return True

        def file(self):
            name = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path).lstrip("/")
            path = os.path.realpath(os.path.join(args.root, name))
            if not path.startswith(os.path.realpath(args.root) + os.sep):
                return None
            return path if os.path.isfile(path) else None

        def do_GET(self):
            if not self.authorised():
                return self.answer(401, b"who are you?\n",
                                   [("WWW-Authenticate", 'Basic realm="statements"')])
            if self.path.startswith("/status/"):
                return self.answer(int(self.path[len("/status/"):]), b"as asked\n")
            path = self.file()
            if path is None:
                return self.answer(404, b"no such statement\n")
            with open(path, "rb") as f:
                body = f.read()
            etag = '"%s"' % hashlib.sha256(body).hexdigest()[:16]
            modified = int(os.stat(path).st_mtime)
            headers = [("ETag", etag),
                       ("Last-Modified", email.utils.formatdate(modified, usegmt=True))]
            if self.headers.get("If-None-Match") == etag:
                return self.answer(304, b"", headers)
            since = self.headers.get("If-Modified-Since")
            if since and "If-None-Match" not in self.headers:
                try:
                    if modified <= email.utils.parsedate_to_datetime(since).timestamp():
                        return self.answer(304, b"", headers)
                except (TypeError, ValueError):
                    pass
            self.answer(200, body, headers + [("Content-Type", "application/xml")])

        do_HEAD = do_GET

        def do_DELETE(self):
            if not self.authorised():
                return self.answer(401, b"who are you?\n")
            path = self.file()
            if path is None:
                return self.answer(404, b"no such statement\n")
            os.remove(path)
            self.answer(204)

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if not self.authorised():
                return self.answer(401, b"who are you?\n")
            if self.path.startswith("/status/"):
                return self.answer(int(self.path[len("/status/"):]), b"as asked\n")
            name = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path).strip("/")
            folder = os.path.realpath(os.path.join(args.root, name))
            if folder != os.path.realpath(args.root) and \
                    not folder.startswith(os.path.realpath(args.root) + os.sep):
                return self.answer(403, b"outside the root\n")
            key = self.headers.get("Idempotency-Key")
            with posts:
                if key is not None and key in seen_keys:
                    return self.answer(409, b'{"error": "idempotency key already used"}\n')
                os.makedirs(folder, exist_ok=True)
                stored = len([f for f in os.listdir(folder) if f.endswith(".json")]) + 1
                with open(os.path.join(folder, "%d.json" % stored), "wb") as f:
                    f.write(body)
                if key is not None:
                    seen_keys.add(key)
            self.answer(201, b'{"id": "%d"}\n' % stored, [("Content-Type", "application/json")])

    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
