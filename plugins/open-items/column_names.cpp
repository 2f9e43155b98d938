#include "column_names.hpp"

#include "ascii_text.hpp"

namespace kontor::plugins::open_items {

ColumnNames::ColumnNames() {
  for (Field field : all_fields()) headers_[index_of(field)] = std::string(name_of(field));
  rebuild_lookup();
}

Result<ColumnNames> ColumnNames::with_renames(const std::map<std::string, std::string>& renames) {
  ColumnNames names;
  std::map<std::string, std::string> field_of_header;  // folded header → field name
  for (const auto& [key, header] : renames) {
    const std::optional<Field> field = field_named(key);
    if (!field) {
      return Error{"columns: '" + key + "' is not a field (fields are the default header names, " +
                   "e.g. invoice_no, amount, due_date)"};
    }
    const std::string folded = ascii_lowercase(trimmed(header));
    if (folded.empty()) return Error{"columns: " + key + " is renamed to an empty header text"};
    if (auto [it, fresh] = field_of_header.emplace(folded, key); !fresh) {
      return Error{"columns: " + it->second + " and " + key + " both name the column '" + header +
                   "'"};
    }
    names.headers_[index_of(*field)] = std::string(trimmed(header));
    names.renamed_[index_of(*field)] = true;
  }
  names.rebuild_lookup();
  return names;
}

void ColumnNames::rebuild_lookup() {
  by_folded_header_.clear();
  // Renamed fields first, so that a rename takes a header text from a default name.
  for (bool renamed_pass : {true, false}) {
    for (Field field : all_fields()) {
      if (renamed_[index_of(field)] != renamed_pass) continue;
      by_folded_header_.emplace(ascii_lowercase(headers_[index_of(field)]), field);
    }
  }
}

std::optional<Field> ColumnNames::field_for(std::string_view header) const {
  const auto it = by_folded_header_.find(ascii_lowercase(trimmed(header)));
  if (it == by_folded_header_.end()) return std::nullopt;
  return it->second;
}

std::string ColumnNames::label(Field field) const {
  if (!renamed_[index_of(field)]) return std::string(name_of(field));
  return "'" + headers_[index_of(field)] + "' (" + std::string(name_of(field)) + ")";
}

}  // namespace kontor::plugins::open_items
