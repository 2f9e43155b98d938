// clean_text: what every piece of text from a bank file goes through before it leaves the
// plugin — values for the engine and quotes in messages alike.
//
// camt text types (Max35Text, Max140Text) hold one line; banks still wrap them, indent them and
// now and then slip in control bytes or bytes that are not UTF-8. The engine wants one clean
// line: surrounding white space trimmed, every run of white space one blank, control characters
// dropped, and bytes that are not UTF-8 replaced by U+FFFD so that nothing downstream (JSON, a
// mail header, a database) gets invalid text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kontor::plugins::camt {

struct CleanText {
  std::string text;
  bool dropped_control = false;   // a control character was removed
  bool replaced_invalid = false;  // bytes that are not UTF-8 were replaced
};

CleanText clean_text(std::string_view raw);

// For a message: cleaned and cut after `limit` characters ("…" marks the cut).
std::string shown(std::string_view raw, std::size_t limit = 60);
// The same in single quotes.
std::string quoted(std::string_view raw, std::size_t limit = 60);

}  // namespace kontor::plugins::camt
