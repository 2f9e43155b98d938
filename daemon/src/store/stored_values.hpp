// Reading values back from rows: a stored value that no longer parses means the database was
// edited behind Kontor's back, which is an error of the read, never a silent default.
#pragma once

#include <fmt/format.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "kontor/model/allocation.hpp"
#include "kontor/model/date.hpp"
#include "kontor/model/money.hpp"
#include "store/sqlite_connection.hpp"

namespace kontor::store::sqlite {

template <typename T>
T stored(Result<T> value, std::string_view what) {
  if (!value) {
    throw std::runtime_error(
        fmt::format("stored {} cannot be read: {}", what, value.error().message));
  }
  return std::move(value).value();
}

inline Money stored_money(const Statement& row, int currency_column, int minor_column) {
  const Currency currency = stored(Currency::from_code(row.text(currency_column)), "currency");
  return Money(row.int64(minor_column), currency);
}

inline Date stored_date(const std::string& text) {
  return stored(Date::parse_iso(text), "date");
}

inline std::optional<Date> stored_optional_date(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return stored_date(*text);
}

// "SELECT <the allocation's columns> FROM allocations ", and an Allocation from the first
// columns of such a row (sqlite_reads.cpp).
extern const std::string_view kAllocationColumns;
Allocation allocation_from_row(const Statement& row);

}  // namespace kontor::store::sqlite
