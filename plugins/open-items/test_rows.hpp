// TestRow: a row's field texts for the plugin's tests, with good values for the required fields.
#pragma once

#include <array>
#include <string>

#include "open_item_row.hpp"
#include "row_text.hpp"

namespace kontor::plugins::open_items {

struct TestRow {
  std::array<std::string, kFieldCount> values;
  std::bitset<kFieldCount> json_number;
  std::int64_t line = 7;

  TestRow() {
    set(Field::invoice_no, "RE-1");
    set(Field::customer_no, "K-1");
    set(Field::customer_name, "Müller GmbH");
    set(Field::amount, "119.00");
    set(Field::due_date, "2026-03-31");
  }
  TestRow& set(Field field, std::string text) {
    values[index_of(field)] = std::move(text);
    return *this;
  }
  TestRow& at(std::int64_t row_line) {
    line = row_line;
    return *this;
  }
  RowText text() const {
    RowText row;
    row.line = line;
    for (std::size_t i = 0; i < kFieldCount; ++i) row.values[i] = values[i];
    row.json_number = json_number;
    return row;
  }
  OpenItemRow read(const ParserOptions& options = {}) const {
    Result<OpenItemRow> row = read_row(text(), options);
    if (!row) throw std::runtime_error("test row is bad: " + row.error().message);
    return std::move(row).value();
  }
};

}  // namespace kontor::plugins::open_items
