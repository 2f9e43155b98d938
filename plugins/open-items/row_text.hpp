// RowText: the text of each field in one row of an open-items file — CSV record or JSON Lines
// object alike — already UTF-8, not yet interpreted; and RowConsumer, which the two file readers
// hand rows to.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>

#include "field.hpp"

namespace kontor::plugins::open_items {

struct RowText {
  std::int64_t line = 0;  // physical line of the file (1-based) where the row starts
  std::array<std::string_view, kFieldCount> values{};  // empty: absent, empty or null
  std::bitset<kFieldCount> json_number;  // written as a JSON number: read with a decimal point

  std::string_view operator[](Field field) const { return values[index_of(field)]; }
};

class RowConsumer {
 public:
  virtual ~RowConsumer() = default;
  // A data row; false stops reading (the run was cancelled).
  virtual bool row(const RowText& row) = 0;
  // A row that could not even be split into fields (wrong column count, bad encoding, not JSON).
  virtual void bad_row(std::int64_t line, std::string reason) = 0;
  virtual void warning(std::int64_t line, std::string code, std::string message) = 0;
};

}  // namespace kontor::plugins::open_items
