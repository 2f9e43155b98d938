#include "csv_records.hpp"

#include <algorithm>

#include "text_values.hpp"

namespace kontor::plugins::bank_csv {

bool CsvRecord::is_blank() const {
  return std::all_of(fields.begin(), fields.end(),
                     [](const std::string& field) { return trimmed(field).empty(); });
}

bool CsvReader::line_end() {
  if (pos_ >= text_.size()) return false;
  if (text_[pos_] == '\n') {
    ++pos_;
  } else if (text_[pos_] == '\r') {
    ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
  } else {
    return false;
  }
  ++line_;
  return true;
}

bool CsvReader::next(CsvRecord& record) {
  if (pos_ >= text_.size()) return false;
  record.line = line_;
  record.fields.clear();
  record.stray_quote = false;
  record.error.clear();
  while (true) {
    std::string field;
    std::size_t start = pos_;
    while (start < text_.size() && text_[start] == ' ') ++start;
    if (start < text_.size() && text_[start] == '"') {
      pos_ = start + 1;
      quoted_field(record, field);
    } else {
      unquoted_field(record, field);
    }
    record.fields.push_back(std::move(field));
    if (record.error.empty() && pos_ < text_.size() && text_[pos_] == delimiter_) {
      ++pos_;
      continue;
    }
    line_end();
    record.end_offset = pos_;
    record.next_line = line_;
    return true;
  }
}

void CsvReader::quoted_field(CsvRecord& record, std::string& field) {
  const std::int64_t opened = line_;
  while (true) {
    const std::size_t quote = text_.find('"', pos_);
    if (quote == std::string_view::npos) {
      record.error = "a quote opened on line " + std::to_string(opened) + " is never closed";
      field.append(text_.substr(pos_));
      pos_ = text_.size();
      return;
    }
    const std::string_view piece = text_.substr(pos_, quote - pos_);
    // Line breaks inside the quotes are text; they still count as physical lines.
    for (std::size_t i = 0; i < piece.size(); ++i) {
      if (piece[i] == '\n' ||
          (piece[i] == '\r' && (i + 1 >= piece.size() || piece[i + 1] != '\n'))) {
        ++line_;
      }
    }
    field.append(piece);
    pos_ = quote + 1;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      field += '"';
      ++pos_;
      continue;
    }
    break;
  }
  // After the closing quote: blanks, then the delimiter or the line end. Anything else is kept.
  std::size_t after = pos_;
  while (after < text_.size() && text_[after] == ' ') ++after;
  if (after >= text_.size() || text_[after] == delimiter_ || text_[after] == '\n' ||
      text_[after] == '\r') {
    pos_ = after;
    return;
  }
  record.stray_quote = true;
  unquoted_field(record, field);
}

void CsvReader::unquoted_field(CsvRecord& record, std::string& field) {
  const std::size_t start = pos_;
  while (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n' &&
         text_[pos_] != '\r') {
    ++pos_;
  }
  const std::string_view piece = text_.substr(start, pos_ - start);
  if (piece.find('"') != std::string_view::npos) record.stray_quote = true;
  field.append(piece);
}

std::vector<CsvRecord> first_records(std::string_view text, char delimiter, std::size_t max_records,
                                     std::int64_t first_line) {
  std::vector<CsvRecord> records;
  CsvReader reader(text, delimiter, first_line);
  CsvRecord record;
  while (records.size() < max_records && reader.next(record)) records.push_back(record);
  return records;
}

}  // namespace kontor::plugins::bank_csv
