// CsvReader: the records of a CSV text, one at a time (RFC 4180 with the leniency bank exports
// need): quoted and unquoted fields, doubled quotes, delimiters and line breaks inside quotes;
// LF, CRLF or CR alone as line ends; no line end after the last line.
//
// A quote inside an unquoted field, or text after a closing quote, is kept as written and the
// record is marked (DKB writes `"Mustermann, Max";Firma";`). A quote that is never closed is an
// error: it swallows the rest of the file, which then cannot be read.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kontor::plugins::bank_csv {

struct CsvRecord {
  std::int64_t line = 0;  // physical line (1-based) where the record starts
  std::vector<std::string> fields;
  std::size_t end_offset = 0;  // byte offset in the text right after the record and its line end
  std::int64_t next_line = 0;  // physical line of the next record
  bool stray_quote = false;
  std::string error;  // empty when the record could be read

  // An empty line, or a line of blank fields only (";;;;").
  bool is_blank() const;
};

class CsvReader {
 public:
  // `first_line`: the physical line `text` starts on.
  CsvReader(std::string_view text, char delimiter, std::int64_t first_line = 1)
      : text_(text), delimiter_(delimiter), line_(first_line) {}

  // The next record; false at the end of the text.
  bool next(CsvRecord& record);

 private:
  void quoted_field(CsvRecord& record, std::string& field);
  void unquoted_field(CsvRecord& record, std::string& field);
  // At a line end: consumes it; true when there was one.
  bool line_end();

  std::string_view text_;
  char delimiter_;
  std::int64_t line_;
  std::size_t pos_ = 0;
};

// `text` split into its first `max_records` records (fewer at its end).
std::vector<CsvRecord> first_records(std::string_view text, char delimiter, std::size_t max_records,
                                     std::int64_t first_line = 1);

}  // namespace kontor::plugins::bank_csv
