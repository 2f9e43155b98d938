#!/usr/bin/python3
"""Reads one .eml with Python's standard email package and prints what a mail client would see,
as JSON: the email channel's tests compare it with what they delivered. An independent parser,
so the test does not check our MIME against our own reading of it."""
import email
import email.policy
import hashlib
import json
import sys


def mailbox(message, field):
    address = message[field].addresses[0]
    return {"name": address.display_name, "address": address.addr_spec}


with open(sys.argv[1], "rb") as f:
    message = email.message_from_binary_file(f, policy=email.policy.default)

defects = [repr(d) for part in message.walk() for d in part.defects]
plain = message.get_body(preferencelist=("plain",))
html = message.get_body(preferencelist=("html",))
print(json.dumps({
    "subject": str(message["subject"]),
    "from": mailbox(message, "from"),
    "to": mailbox(message, "to"),
    "message_id": str(message["message-id"]),
    "content_types": [part.get_content_type() for part in message.walk()],
    "text": plain.get_content() if plain is not None else None,
    "html": html.get_content() if html is not None else None,
    "attachments": [{
        "filename": part.get_filename(),
        "content_type": part.get_content_type(),
        "sha256": hashlib.sha256(part.get_payload(decode=True)).hexdigest(),
    } for part in message.iter_attachments()],
    "defects": defects,
}))
