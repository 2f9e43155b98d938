// The two content transfer encodings a notice needs (RFC 2045): quoted-printable for its text
// and HTML, base64 for its attachments. Both give 7-bit lines of at most 76 characters ending
// in CRLF, so the message survives any MTA, and neither can produce a line a MIME boundary
// would be mistaken for ("=_" never occurs in their output).
#pragma once

#include <string>
#include <string_view>

namespace kontor::plugins::email {

// Quoted-printable of UTF-8 text. Line breaks in `text` (LF, CRLF or a lone CR) become CRLF
// hard breaks; longer lines get soft breaks ("=" CRLF). "=", non-ASCII bytes, control
// characters, a blank before a break and a "." starting a line are written as =XX.
std::string quoted_printable(std::string_view text);

// Base64 without line breaks (for encoded words).
std::string base64(std::string_view bytes);

// Base64 in lines of 76 characters, each ending in CRLF (for a MIME body part).
std::string base64_lines(std::string_view bytes);

}  // namespace kontor::plugins::email
