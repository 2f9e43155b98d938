// Header fields of an RFC 5322 message built from untrusted text: a customer's name, a subject
// a template filled in, an address out of an ERP export.
//
// The promise: nothing a caller passes in can start a new header line or break out of its
// field. Free text loses its control characters (CR and LF above all) before it is encoded;
// addresses are never repaired, only accepted (a plain local@domain) or refused, because a
// "repaired" address would send a dunning notice to someone else.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace kontor::plugins::email {

// Every control character (C0, DEL) becomes a space, runs of blanks become one, the ends are
// trimmed; bytes that are not UTF-8 become U+FFFD, so an encoded word can always be cut on a
// character boundary.
std::string clean_header_text(std::string_view text);

// A plain ASCII address `local@domain`: dot-atom local part (at most 64 characters), domain of
// letter/digit/hyphen labels. No display name, comment, quoted local part, blank, control
// character or angle bracket.
bool is_plain_address(std::string_view address);
// The part after the '@' (the address must be plain).
std::string_view address_domain(std::string_view address);
// A domain as is_plain_address accepts it after the '@'.
bool is_plain_domain(std::string_view domain);

// `text` as RFC 2047 encoded words (=?UTF-8?B?...?=), each at most kMaxEncodedWord characters
// and each holding whole UTF-8 characters only. Expects cleaned text.
inline constexpr std::size_t kMaxEncodedWord = 68;  // fits behind "Reply-To: " in 78
std::vector<std::string> encoded_words(std::string_view text);

// The tokens of an unstructured field (Subject): the words as they are when the text is
// printable ASCII and each word fits a line, else encoded words.
std::vector<std::string> unstructured_tokens(std::string_view text);

// The tokens of a display name (a phrase): atoms as they are, a quoted string when the name has
// specials (",", ".", "\"" ...), encoded words when it is not ASCII. Empty for an empty name.
std::vector<std::string> phrase_tokens(std::string_view name);

// "Name: token token ...", CRLF-terminated, folded before a token so that no line exceeds 78
// characters. A single token longer than a line (a very long address) stands on a line of its
// own; nothing here cuts inside a token.
std::string fold_header(std::string_view name, const std::vector<std::string>& tokens);

// `Name <address>` or the bare address, as the tokens of an address field.
std::vector<std::string> mailbox_tokens(std::string_view display_name, std::string_view address);

// "Thu, 05 Mar 2026 09:30:00 +0000".
std::string rfc5322_date(std::chrono::sys_seconds time);

// `text` for a log line or error message: control characters shown as \r, \n, \xNN.
std::string printable(std::string_view text);

}  // namespace kontor::plugins::email
