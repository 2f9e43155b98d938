#include "layout.hpp"

#include <algorithm>
#include <optional>

#include "bank_amounts.hpp"
#include "presets.hpp"
#include "text_values.hpp"

namespace kontor::plugins::bank_csv {
namespace {

using Columns = std::array<std::vector<std::size_t>, kFieldCount>;

constexpr std::size_t kShapeRows = 5;
constexpr std::array<char, 4> kDelimiters = {';', ',', '\t', '|'};

std::vector<std::string> normalised_cells(const CsvRecord& record) {
  std::vector<std::string> cells;
  cells.reserve(record.fields.size());
  for (const std::string& field : record.fields) cells.push_back(normalised_name(field));
  return cells;
}

// The preset names in normalised form, made once: detection compares them with every cell of
// up to 60 lines per delimiter.
struct PresetNames {
  std::vector<std::vector<std::string>> header;   // per position, the alternatives
  std::vector<std::vector<std::string>> columns;  // per PresetColumn, its names
};

std::vector<std::string> normalised_all(const std::vector<std::string_view>& names) {
  std::vector<std::string> out;
  for (std::string_view name : names) out.push_back(normalised_name(name));
  return out;
}

const PresetNames& names_of(const Preset& preset) {
  static const std::vector<PresetNames> kNames = [] {
    std::vector<PresetNames> all;
    for (const Preset& p : presets()) {
      PresetNames names;
      for (const auto& alternatives : p.header)
        names.header.push_back(normalised_all(alternatives));
      for (const PresetColumn& column : p.columns) {
        names.columns.push_back(normalised_all(column.names));
      }
      all.push_back(std::move(names));
    }
    return all;
  }();
  return kNames[static_cast<std::size_t>(&preset - presets().data())];
}

// The last column named `wanted` (normalised), if any.
std::optional<std::size_t> column_of(const std::vector<std::string>& cells,
                                     const std::string& wanted) {
  for (std::size_t i = cells.size(); i-- > 0;) {
    if (cells[i] == wanted) return i;
  }
  return std::nullopt;
}

std::optional<std::size_t> column_named(const std::vector<std::string>& cells,
                                        std::string_view name) {
  return column_of(cells, normalised_name(name));
}

bool has_any(const std::vector<std::string>& cells, const std::vector<std::string>& names) {
  return std::any_of(names.begin(), names.end(),
                     [&](const std::string& name) { return column_of(cells, name).has_value(); });
}

std::size_t names_found(const Preset& preset, const std::vector<std::string>& cells) {
  const PresetNames& names = names_of(preset);
  return static_cast<std::size_t>(
      std::count_if(names.header.begin(), names.header.end(),
                    [&](const auto& alternatives) { return has_any(cells, alternatives); }));
}

bool enough(std::size_t found, std::size_t total) {
  return total > 0 && found * 4 >= total * 3;
}

bool readable(const Columns& columns) {
  const auto has = [&](Field field) { return !columns[index_of(field)].empty(); };
  return (has(Field::amount) || has(Field::debit) || has(Field::credit)) &&
         (has(Field::booking_date) || has(Field::value_date));
}

Columns preset_columns(const Preset& preset, const std::vector<std::string>& cells) {
  Columns columns;
  const PresetNames& names = names_of(preset);
  for (std::size_t c = 0; c < preset.columns.size(); ++c) {
    std::vector<std::size_t>& at = columns[index_of(preset.columns[c].field)];
    for (const std::string& name : names.columns[c]) {
      if (const auto index = column_of(cells, name)) {
        at.push_back(*index);
        if (!preset.columns[c].join) break;
      }
    }
  }
  return columns;
}

// A header cell of the right place whose name is not there at all is taken as that name.
std::vector<LayoutWarning> repair_header(const Preset& preset, const CsvRecord& record,
                                         std::vector<std::string>& cells) {
  std::vector<LayoutWarning> warnings;
  const PresetNames& names = names_of(preset);
  if (cells.size() != names.header.size()) return warnings;
  const std::vector<std::string> as_read = cells;
  for (std::size_t p = 0; p < names.header.size(); ++p) {
    if (has_any(as_read, names.header[p])) continue;
    const bool names_another =
        std::any_of(names.header.begin(), names.header.end(), [&](const auto& alternatives) {
          return std::find(alternatives.begin(), alternatives.end(), as_read[p]) !=
                 alternatives.end();
        });
    if (names_another) continue;
    cells[p] = names.header[p].front();
    warnings.push_back({record.line, "header_damaged",
                        "column " + std::to_string(p + 1) + " is headed '" +
                            for_message(record.fields[p]) + "': read as '" +
                            std::string(preset.header[p].front()) + "', its place in the " +
                            std::string(preset.name) + " layout"});
  }
  return warnings;
}

std::size_t significant_columns(const CsvRecord& header) {
  std::size_t count = header.fields.size();
  while (count > 0 && trimmed(header.fields[count - 1]).empty()) --count;
  return count;
}

struct HeaderMatch {
  const Preset* preset = nullptr;
  std::size_t record = 0;
  std::size_t found = 0;
};

bool amount_shape(std::string_view text, char decimal) {
  text = trimmed(text);
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  const std::size_t point = text.rfind(decimal);
  if (point == std::string_view::npos || point == 0 || text.size() - point != 3) return false;
  const char grouping = decimal == ',' ? '.' : ',';
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == point) continue;
    const bool grouping_ok = i < point && text[i] == grouping;
    if (!is_ascii_digit(text[i]) && !grouping_ok) return false;
  }
  return true;
}

bool fits_shape(const Preset& preset, const std::vector<CsvRecord>& records) {
  const RowShape& shape = *preset.shape;
  std::size_t checked = 0;
  for (const CsvRecord& record : records) {
    if (record.is_blank()) continue;
    if (!record.error.empty() || record.fields.size() != shape.fields) return false;
    if (!looks_like_german_date(record.fields[shape.date_column])) return false;
    const std::string_view account = trimmed(record.fields[shape.quoted_account_column]);
    if (account.size() < 3 || account.front() != '\'' || account.back() != '\'') return false;
    bool any_amount = false;
    for (std::size_t column : shape.amount_columns) {
      const std::string_view amount = trimmed(record.fields[column]);
      if (amount.empty()) continue;
      if (!amount_shape(amount, preset.decimal)) return false;
      any_amount = true;
    }
    if (!any_amount) return false;
    if (++checked == kShapeRows) break;
  }
  return checked > 0;
}

Layout base_layout(const ParserOptions& options, std::string_view dialect, char delimiter,
                   char decimal) {
  Layout layout;
  layout.dialect = dialect;
  layout.delimiter = delimiter;
  layout.notation = notation_for(options.decimal.value_or(decimal));
  layout.date_format = options.date_format;
  return layout;
}

void take_header(Layout& layout, const std::vector<CsvRecord>& records, std::size_t header) {
  for (std::size_t i = 0; i < header; ++i) {
    if (!records[i].is_blank()) layout.metadata.push_back(records[i]);
  }
  layout.header_line = records[header].line;
  layout.column_count = significant_columns(records[header]);
  layout.data_offset = records[header].end_offset;
  layout.data_line = records[header].next_line;
}

// The mapping's columns over `columns`: numbers directly, names in `cells` (the header).
Status apply_mapping(const ParserOptions& options, const std::vector<std::string>* cells,
                     std::int64_t header_line, Columns& columns) {
  for (const auto& [field, ref] : options.mapping) {
    std::vector<std::size_t>& at = columns[index_of(field)];
    if (ref.number > 0) {
      at = {ref.number - 1};
      continue;
    }
    if (cells == nullptr) {
      return Error{"mapping: " + std::string(name_of(field)) + " names the column '" +
                   for_message(ref.name) + "', but the file has no header row: use its number"};
    }
    const auto index = column_named(*cells, ref.name);
    if (!index) {
      return Error{"mapping: " + std::string(name_of(field)) + ": no column '" +
                       for_message(ref.name) + "' in the header row (line " +
                       std::to_string(header_line) + ")",
                   header_line};
    }
    at = {*index};
  }
  return {};
}

std::string needs_message() {
  return "a layout needs amount (or debit and credit) and booking_date (or value_date)";
}

Result<Layout> custom_layout(std::string_view text, std::int64_t first_line,
                             const ParserOptions& options) {
  const bool by_name = std::any_of(options.mapping.begin(), options.mapping.end(),
                                   [](const auto& entry) { return entry.second.number == 0; });
  std::vector<char> delimiters(kDelimiters.begin(), kDelimiters.end());
  if (options.delimiter) delimiters = {*options.delimiter};

  if (!by_name) {
    char best = delimiters.front();
    std::size_t most = 0;
    for (char delimiter : delimiters) {
      for (const CsvRecord& record :
           first_records(text, delimiter, kHeaderSearchRecords, first_line)) {
        if (record.is_blank()) continue;
        if (record.fields.size() > most) {
          most = record.fields.size();
          best = delimiter;
        }
        break;
      }
    }
    Layout layout = base_layout(options, "custom", best, ',');
    layout.data_line = first_line;
    if (Status mapped = apply_mapping(options, nullptr, 0, layout.columns); !mapped) {
      return mapped.error();
    }
    if (!readable(layout.columns)) return Error{"mapping: " + needs_message()};
    return layout;
  }

  for (char delimiter : delimiters) {
    const std::vector<CsvRecord> records =
        first_records(text, delimiter, kHeaderSearchRecords, first_line);
    for (std::size_t i = 0; i < records.size(); ++i) {
      if (records[i].is_blank() || !records[i].error.empty()) continue;
      const std::vector<std::string> cells = normalised_cells(records[i]);
      const bool all_there =
          std::all_of(options.mapping.begin(), options.mapping.end(), [&](const auto& entry) {
            return entry.second.number > 0 || column_named(cells, entry.second.name).has_value();
          });
      if (!all_there) continue;
      Layout layout = base_layout(options, "custom", delimiter, ',');
      take_header(layout, records, i);
      if (Status mapped = apply_mapping(options, &cells, layout.header_line, layout.columns);
          !mapped) {
        return mapped.error();
      }
      if (!readable(layout.columns)) return Error{"mapping: " + needs_message()};
      return layout;
    }
  }
  std::string names;
  for (const auto& [field, ref] : options.mapping) {
    if (ref.number == 0) names += (names.empty() ? "'" : ", '") + for_message(ref.name) + "'";
  }
  return Error{"no header row with the mapping's columns " + names + " among the first " +
               std::to_string(kHeaderSearchRecords) + " lines"};
}

std::string missing_names(const Preset& preset, const std::vector<std::string>& cells) {
  std::string missing;
  const PresetNames& names = names_of(preset);
  for (std::size_t p = 0; p < names.header.size(); ++p) {
    if (has_any(cells, names.header[p])) continue;
    missing += (missing.empty() ? "'" : ", '") + std::string(preset.header[p].front()) + "'";
  }
  return missing;
}

Result<Layout> preset_layout(std::string_view text, std::int64_t first_line,
                             const ParserOptions& options) {
  std::vector<const Preset*> candidates;
  if (options.preset == "auto") {
    for (const Preset& preset : presets()) candidates.push_back(&preset);
  } else if (const Preset* preset = preset_named(options.preset)) {
    candidates.push_back(preset);
  } else {
    return Error{"no preset '" + for_message(options.preset) + "'"};
  }

  // Header rows: the earliest line wins, then the larger share of a preset's names.
  std::optional<HeaderMatch> best;
  std::vector<CsvRecord> best_records;
  const Preset* closest = nullptr;
  std::int64_t closest_line = 0;
  std::size_t closest_found = 0;
  std::vector<std::string> closest_cells;
  std::vector<char> delimiters;
  for (const Preset* preset : candidates) {
    const char delimiter = options.delimiter.value_or(preset->delimiter);
    if (std::find(delimiters.begin(), delimiters.end(), delimiter) == delimiters.end()) {
      delimiters.push_back(delimiter);
    }
  }
  for (char delimiter : delimiters) {
    const std::vector<CsvRecord> records =
        first_records(text, delimiter, kHeaderSearchRecords, first_line);
    for (std::size_t i = 0; i < records.size(); ++i) {
      if (best && records[i].line > best_records[best->record].line) break;
      if (records[i].is_blank() || !records[i].error.empty()) continue;
      const std::vector<std::string> cells = normalised_cells(records[i]);
      for (const Preset* preset : candidates) {
        if (preset->header.empty() || options.delimiter.value_or(preset->delimiter) != delimiter) {
          continue;
        }
        const std::size_t found = names_found(*preset, cells);
        if (found > closest_found && found >= 2) {
          closest = preset;
          closest_found = found;
          closest_line = records[i].line;
          closest_cells = cells;
        }
        if (!enough(found, preset->header.size())) continue;
        std::vector<std::string> repaired = cells;
        repair_header(*preset, records[i], repaired);
        if (!readable(preset_columns(*preset, repaired))) continue;
        const bool better =
            !best || records[i].line < best_records[best->record].line ||
            found * best->preset->header.size() > best->found * preset->header.size();
        if (better) {
          best = HeaderMatch{.preset = preset, .record = i, .found = found};
          best_records = records;
        }
      }
    }
  }

  if (best) {
    const Preset& preset = *best->preset;
    const CsvRecord& header = best_records[best->record];
    Layout layout = base_layout(options, preset.name, options.delimiter.value_or(preset.delimiter),
                                preset.decimal);
    take_header(layout, best_records, best->record);
    std::vector<std::string> cells = normalised_cells(header);
    layout.warnings = repair_header(preset, header, cells);
    layout.columns = preset_columns(preset, cells);
    if (Status mapped = apply_mapping(options, &cells, layout.header_line, layout.columns);
        !mapped) {
      return mapped.error();
    }
    return layout;
  }

  for (const Preset* preset : candidates) {
    if (!preset->shape) continue;
    const char delimiter = options.delimiter.value_or(preset->delimiter);
    const std::vector<CsvRecord> records =
        first_records(text, delimiter, kHeaderSearchRecords, first_line);
    if (!fits_shape(*preset, records)) continue;
    Layout layout = base_layout(options, preset->name, delimiter, preset->decimal);
    layout.column_count = preset->shape->fields;
    layout.data_line = first_line;
    for (const auto& [field, column] : preset->positions)
      layout.columns[index_of(field)] = {column};
    if (Status mapped = apply_mapping(options, nullptr, 0, layout.columns); !mapped) {
      return mapped.error();
    }
    return layout;
  }

  if (options.preset != "auto") {
    const Preset& preset = *candidates.front();
    if (preset.shape) {
      return Error{"the rows do not have the shape of preset " + options.preset + " (" +
                       std::string(preset.banks) + ")",
                   first_line};
    }
    std::string message = "no header row of preset " + options.preset + " among the first " +
                          std::to_string(kHeaderSearchRecords) + " lines";
    if (closest != nullptr) {
      message += "; line " + std::to_string(closest_line) + " comes closest, without " +
                 missing_names(*closest, closest_cells);
    }
    return Error{message, closest != nullptr ? closest_line : first_line};
  }
  std::string names;
  for (const Preset& preset : presets()) {
    names += (names.empty() ? "" : ", ") + std::string(preset.name);
  }
  std::string message = "not a bank CSV layout Kontor knows: no header row of a preset (" + names +
                        ") among the first " + std::to_string(kHeaderSearchRecords) +
                        " lines, nor the row shape of a file without one";
  if (closest != nullptr) {
    message += "; line " + std::to_string(closest_line) + " comes closest to " +
               std::string(closest->name) + ", without " + missing_names(*closest, closest_cells);
  }
  message += " (configure preset or mapping)";
  return Error{message, closest != nullptr ? closest_line : first_line};
}

}  // namespace

Result<Layout> detect_layout(std::string_view text, std::int64_t first_line,
                             const ParserOptions& options) {
  if (options.preset == "auto" && !options.mapping.empty()) {
    return custom_layout(text, first_line, options);
  }
  return preset_layout(text, first_line, options);
}

}  // namespace kontor::plugins::bank_csv
