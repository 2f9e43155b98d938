// Text for a DATEV EXTF file: Windows-1252 bytes from Kontor's UTF-8, and the quoting of text
// fields (reference §1).
//
// DATEV's batch import reads Windows-1252 only; UTF-8 without a byte order mark arrives as "Ã¼",
// and ISO-8859-1 instead of cp1252 turns € „ “ – … into '?'. So every character cp1252 holds
// becomes its byte, including the ones at 0x80–0x9F that ISO-8859-1 lacks. Letters of Central and
// Eastern European names that cp1252 lacks lose their accent (ł→l, ő→o, č→c, ș→s), typographic
// spaces and dashes become their ASCII look-alikes, and anything else becomes '?'. The caller is
// told that the text changed, so that it can say which field of which record it was.
#pragma once

#include <string>
#include <string_view>

namespace kontor::plugins::datev {

struct Cp1252Text {
  std::string bytes;
  // A character was transliterated, dropped (zero-width), replaced by '?', or the input was not
  // well-formed UTF-8 (each bad byte becomes '?').
  bool changed = false;
};

Cp1252Text to_cp1252(std::string_view utf8);

// Replaces control bytes (0x00–0x1F: line breaks and tabs among them; 0x7F) in cp1252 text by a
// blank: DATEV does not allow them in text fields, and a line break would split the record.
// Returns whether any was replaced.
bool blank_out_control_bytes(std::string& cp1252);

// The text between `"`, every `"` in it doubled: `Rabatt "Sommer"` → `"Rabatt ""Sommer"""`.
// Precondition: no control bytes (blank_out_control_bytes).
std::string quoted(std::string_view cp1252);

}  // namespace kontor::plugins::datev
