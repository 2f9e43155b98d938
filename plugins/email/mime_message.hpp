// MimeMessage: one notice as the bytes of an RFC 5322 / MIME message, ready for a pickup folder
// or an SMTP DATA command — the one place that knows how a notice looks on the wire.
//
// The caller hands over values (names, subject, parts) and gets either the whole message with
// CRLF line endings, 7-bit clean, header lines folded to 78 characters, or an Error naming the
// address it refused. Names and the subject may hold anything (they are cleaned and encoded);
// addresses must already be plain local@domain and are checked, never repaired.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "kontor/result.hpp"

namespace kontor::plugins::email {

struct Mailbox {
  std::string name;  // display name, any UTF-8; may be empty
  std::string address;
};

struct MailAttachment {
  std::string file_name;   // any UTF-8; written as RFC 2231 with an ASCII fallback
  std::string media_type;  // "application/pdf"; anything not type/subtype becomes octet-stream
  std::string content;     // bytes
};

struct MailMessage {
  Mailbox from;
  Mailbox to;
  std::string reply_to;          // empty: no Reply-To
  std::vector<std::string> bcc;  // written as a Bcc field (a pickup folder's MTA strips it)
  std::string subject;
  std::chrono::sys_seconds date;
  std::string message_id;  // "left@domain", without the angle brackets
  // Further unstructured fields ("X-Kontor-Notice"), values cleaned and encoded like Subject.
  std::vector<std::pair<std::string, std::string>> extra_fields;
  std::string text;  // UTF-8 plain text, always sent
  std::string html;  // UTF-8 HTML; empty: none
  std::vector<MailAttachment> attachments;
};

// The message, or an Error saying which address is not a plain local@domain.
Result<std::string> compose_message(const MailMessage& message);

}  // namespace kontor::plugins::email
