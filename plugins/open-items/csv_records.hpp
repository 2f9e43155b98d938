// CsvRecords: the records of a CSV text (RFC 4180), one at a time — quoted fields, doubled
// quotes, delimiters and line breaks inside quotes, CRLF or LF line ends.
//
// Lenient where ERPs commonly are: blanks before an opening or after a closing quote are
// ignored, a quote inside an unquoted field is kept as a character (12" display), and the last
// line needs no line end. A record that cannot be read (text after a closing quote, a quote
// never closed) comes back with an error, and reading goes on with the next line.
//
// Fields are views into the text, or into the reader's own buffer for quoted fields with
// doubled quotes: valid until the next call of next().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kontor::plugins::open_items {

struct CsvRecord {
  std::int64_t line = 0;  // physical line (1-based) where the record starts
  std::vector<std::string_view> fields;
  std::string error;  // empty when the record was read as written

  // An empty line, or a line of delimiters only (";;;;", which spreadsheet exports append).
  bool is_blank() const;
};

class CsvRecords {
 public:
  // `first_line` is the physical line `text` starts on.
  CsvRecords(std::string_view text, char delimiter, std::int64_t first_line = 1)
      : text_(text), delimiter_(delimiter), line_(first_line) {}

  // The next record; false at the end of the text.
  bool next(CsvRecord& record);

 private:
  // A piece of a field: in the text, or in buffer_ (quoted fields with doubled quotes).
  struct Span {
    bool in_buffer = false;
    std::size_t offset = 0;
    std::size_t length = 0;
  };

  Span quoted_field(CsvRecord& record);
  Span unquoted_field();
  // After a field: consumes a delimiter (true: another field follows) or the line end.
  bool field_end(CsvRecord& record);
  void skip_rest_of_line();

  std::string_view text_;
  char delimiter_;
  std::int64_t line_;
  std::size_t pos_ = 0;
  std::string buffer_;
  std::vector<Span> spans_;
};

}  // namespace kontor::plugins::open_items
