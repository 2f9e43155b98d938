// TextPosition: the line and column of a place in a document, counted as a reader passes the
// bytes before it — how every error and warning points into the file.
//
// Lines end with LF, CRLF or a lone CR (the Finnish camt samples use CR only). Columns count
// characters from 1: in a UTF-8 document a multi-byte character is one column; in a single-byte
// encoding (ISO-8859-1) every byte is one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace kontor::plugins::camt {

class TextPosition {
 public:
  TextPosition() = default;
  explicit TextPosition(bool utf8) : utf8_(utf8) {}

  // Moves past `size` bytes that follow the ones already passed.
  void advance(const char* data, std::size_t size);

  std::int64_t line() const { return line_; }
  std::int64_t column() const { return column_; }
  // "LINE:COLUMN", how messages start.
  std::string text() const { return std::to_string(line_) + ":" + std::to_string(column_); }

 private:
  bool utf8_ = true;
  bool after_cr_ = false;
  std::int64_t line_ = 1;
  std::int64_t column_ = 1;
};

}  // namespace kontor::plugins::camt
