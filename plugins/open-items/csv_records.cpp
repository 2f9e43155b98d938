#include "csv_records.hpp"

#include <algorithm>
#include <cstring>

#include "ascii_text.hpp"

namespace kontor::plugins::open_items {
namespace {

std::int64_t count_line_ends(std::string_view text) {
  return static_cast<std::int64_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

bool CsvRecord::is_blank() const {
  return std::all_of(fields.begin(), fields.end(),
                     [](std::string_view field) { return trimmed(field).empty(); });
}

bool CsvRecords::next(CsvRecord& record) {
  if (pos_ >= text_.size()) return false;
  record.line = line_;
  record.fields.clear();
  record.error.clear();
  buffer_.clear();
  spans_.clear();

  while (true) {
    std::size_t p = pos_;
    while (p < text_.size() && (text_[p] == ' ' || (text_[p] == '\t' && delimiter_ != '\t'))) ++p;
    if (p < text_.size() && text_[p] == '"') {
      pos_ = p + 1;
      spans_.push_back(quoted_field(record));
      if (!record.error.empty()) break;
    } else {
      spans_.push_back(unquoted_field());
    }
    if (!field_end(record)) break;
  }

  // The buffer does not grow any more: views into it stay valid until the next record.
  for (const Span& span : spans_) {
    const std::string_view source = span.in_buffer ? std::string_view(buffer_) : text_;
    record.fields.push_back(source.substr(span.offset, span.length));
  }
  return true;
}

CsvRecords::Span CsvRecords::quoted_field(CsvRecord& record) {
  const std::int64_t opening_line = line_;
  std::size_t start = pos_;
  const std::size_t buffer_start = buffer_.size();
  bool buffered = false;
  while (true) {
    const void* found = std::memchr(text_.data() + pos_, '"', text_.size() - pos_);
    if (found == nullptr) {
      line_ += count_line_ends(text_.substr(pos_));
      record.error =
          "a quoted field opened on line " + std::to_string(opening_line) + " is never closed";
      pos_ = text_.size();
      if (!buffered) return {false, start, text_.size() - start};
      buffer_.append(text_.substr(start));
      return {true, buffer_start, buffer_.size() - buffer_start};
    }
    const std::size_t quote =
        static_cast<std::size_t>(static_cast<const char*>(found) - text_.data());
    line_ += count_line_ends(text_.substr(pos_, quote - pos_));
    if (quote + 1 < text_.size() && text_[quote + 1] == '"') {
      // A doubled quote is one quote character of the value.
      buffer_.append(text_.substr(start, quote + 1 - start));
      buffered = true;
      pos_ = quote + 2;
      start = pos_;
      continue;
    }
    pos_ = quote + 1;
    if (!buffered) return {false, start, quote - start};
    buffer_.append(text_.substr(start, quote - start));
    return {true, buffer_start, buffer_.size() - buffer_start};
  }
}

CsvRecords::Span CsvRecords::unquoted_field() {
  const std::size_t start = pos_;
  while (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n') ++pos_;
  std::size_t end = pos_;
  if (end > start && text_[end - 1] == '\r') --end;  // CRLF
  return {false, start, end - start};
}

bool CsvRecords::field_end(CsvRecord& record) {
  while (pos_ < text_.size() &&
         (text_[pos_] == ' ' || (text_[pos_] == '\t' && delimiter_ != '\t'))) {
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;
  const char c = text_[pos_];
  if (c == delimiter_) {
    ++pos_;
    return true;
  }
  if (c == '\n' || (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n')) {
    pos_ += c == '\n' ? 1 : 2;
    ++line_;
    return false;
  }
  if (c == '\r' && pos_ + 1 == text_.size()) {
    ++pos_;
    return false;
  }
  record.error = "unexpected " + describe_char(c) + " after a closing quote (a quote inside " +
                 "a quoted field is written twice: \"\")";
  skip_rest_of_line();
  return false;
}

void CsvRecords::skip_rest_of_line() {
  const std::size_t end = text_.find('\n', pos_);
  if (end == std::string_view::npos) {
    pos_ = text_.size();
    return;
  }
  pos_ = end + 1;
  ++line_;
}

}  // namespace kontor::plugins::open_items
