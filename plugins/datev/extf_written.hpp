// What the DATEV EXTF writers hand back: the bytes of a line or a file, what they had to change
// to write them, or — never both — every error that keeps them from being written.
//
// A file DATEV half-imports is worse than none: so a writer that finds one bad field still checks
// every other field and record, reports all of it, and returns no text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kontor/result.hpp"

namespace kontor::plugins::datev {

// A field written differently from what the caller gave — a text cut to its field's length, a
// character cp1252 cannot hold, a line break made a blank. The file is right, but the operator
// should know.
struct ExtfChange {
  std::int64_t record = 0;  // the data record (1-based, as the caller counted); 0: the header
  std::string message;      // names the record, the field's column and heading, and the change
};

struct ExtfWritten {
  std::string text;  // Windows-1252; empty when there are errors
  std::vector<ExtfChange> changes;
  // Each names the record (Error::position, 0 for the header or the file as a whole), the field's
  // column and heading, and the reason.
  std::vector<Error> errors;

  bool ok() const { return errors.empty(); }
};

}  // namespace kontor::plugins::datev
