#include "extf_record.hpp"

#include <stdexcept>

#include "extf_text.hpp"

namespace kontor::plugins::datev {

std::string heading_line(std::span<const ExtfColumn> columns) {
  std::string line;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) line += ';';
    // Headings are ours and cp1252 holds all of them (ä, ö, ü, ß).
    line += to_cp1252(columns[i].heading).bytes;
  }
  return line;
}

ExtfRecord::ExtfRecord(std::span<const ExtfColumn> columns) {
  fields_.reserve(columns.size());
  for (const ExtfColumn& column : columns) fields_.emplace_back(column.text ? "\"\"" : "");
}

void ExtfRecord::set(int column, std::string field) {
  if (column < 1 || static_cast<std::size_t>(column) > fields_.size()) {
    throw std::logic_error("ExtfRecord::set: no column " + std::to_string(column));
  }
  fields_[static_cast<std::size_t>(column - 1)] = std::move(field);
}

std::string ExtfRecord::line() const {
  std::size_t size = fields_.size();
  for (const std::string& field : fields_) size += field.size();
  std::string line;
  line.reserve(size);
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    if (i > 0) line += ';';
    line += fields_[i];
  }
  return line;
}

}  // namespace kontor::plugins::datev
