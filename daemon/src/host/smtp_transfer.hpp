// SMTP for TransferService: method SEND hands one complete MIME message to a mail server, for
// the envelope sender and recipients the request names.
//
// TLS is required: smtps:// speaks TLS from the first byte, smtp:// must switch to it with
// STARTTLS before anything else is said (a server that does not offer it is refused). The
// certificate is verified (an extra CA file allowed). Only method SEND_PLAIN to a loopback
// address (a relay on the same machine) talks without TLS.
//
// Outcomes (smtp_dialogue.hpp): KONTOR_OK when the server accepted the message for every
// recipient; KONTOR_FAILED when it refused this message for good (5xx to a recipient or to the
// content); KONTOR_RETRY for everything else — no connection, a timeout, TLS or login trouble,
// any 4xx — since the message is not at fault. The result carries the server's reply, prefixed
// by the command it answered ("RCPT TO:<x@y>: 550 5.1.1 …").
//
// Messages of one instance share a connection: the next message goes out on the connection the
// last one used (while the server keeps it open, up to kMessagesPerConnection), which saves
// the TCP and TLS handshakes and the login per message. A connection on which anything failed
// is closed, so the next message starts on a fresh one.
#pragma once

#include "host/host_services.hpp"
#include "kontor/plugin_abi.h"

namespace kontor::host {

inline constexpr int kMessagesPerConnection = 50;

kontor_status perform_smtp(HostInstance& instance, const kontor_transfer_request& request,
                           kontor_transfer_result& result);

}  // namespace kontor::host
