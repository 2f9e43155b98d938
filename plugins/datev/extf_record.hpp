// Columns and records of a DATEV EXTF file: line 2 names the columns, every record has exactly one
// field per column (reference §1: DATEV reads by position, and a record with more fields than
// the format version has is an error, one with fewer is misread).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kontor::plugins::datev {

struct ExtfColumn {
  std::string heading;  // UTF-8, as in DATEV's sample files
  // Text fields are quoted, even when empty (`""`, as in DATEV's samples); amounts, numbers,
  // accounts and dates are not, and stay empty between the semicolons.
  bool text = false;
};

// Line 2: the headings, unquoted, separated by ';', in Windows-1252, without line end.
std::string heading_line(std::span<const ExtfColumn> columns);

// One data record under construction: starts with every field empty as its column writes it, so
// that a field the caller does not set still has its place.
class ExtfRecord {
 public:
  explicit ExtfRecord(std::span<const ExtfColumn> columns);

  // `column` is 1-based, as in DATEV's field tables. Precondition: 1 ≤ column ≤ the count.
  void set(int column, std::string field);

  // The fields joined by ';', without line end.
  std::string line() const;

 private:
  std::vector<std::string> fields_;
};

}  // namespace kontor::plugins::datev
