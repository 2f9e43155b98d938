// The manifest: the .json a letter's PDF is spooled with, which tells a print shop's software
// what to print and where to send it. Print shops' hot folders start on the manifest, so it is
// written after the PDF and names it (`document`); `sha256` and `bytes` let the shop check that
// it has the whole document.
//
// Format "kontor-letter-1" (plugins/letter/README.md): fields in a fixed order, UTF-8, text
// escaped only by the JSON writer. A new field that a reader may ignore keeps the format; one
// that changes the meaning of an existing field gets a new format name.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "kontor/sdk/values.hpp"

namespace kontor::plugins::letter {

struct PrintOptions {
  bool duplex = true;
  bool color = false;
  std::string mail_class = "standard";  // standard, priority, registered
};

struct LetterManifest {
  std::string notice_number;
  std::string kind;      // reminder, statement, invoice
  std::string document;  // the PDF's file name, in the manifest's folder
  sdk::Party recipient;  // with a complete address, country ISO 3166-1 alpha-2
  sdk::Party sender;     // the return address, as the host gave it
  PrintOptions print;
  std::chrono::sys_seconds created;
};

// The manifest's text for the PDF `pdf` (its SHA-256 and size are taken from these bytes),
// indented, ending in a newline. Text that is not valid UTF-8 is written with U+FFFD in place of
// the bad bytes rather than refused: a misspelt name must not stop a reminder.
std::string manifest_json(const LetterManifest& manifest, std::string_view pdf);

// The body of an upload to a print-and-mail service (mode http): the same fields as the
// manifest, in one line, and "document_base64" after them, the PDF's bytes in base64 (RFC 4648,
// padded, no line breaks). `document` names the file the PDF would be in a spool folder.
std::string upload_json(const LetterManifest& manifest, std::string_view pdf);

// RFC 4648 base64 with padding and without line breaks.
std::string base64_encoded(std::string_view bytes);

// "2026-11-28T09:30:00Z".
std::string utc_timestamp(std::chrono::sys_seconds instant);

}  // namespace kontor::plugins::letter
