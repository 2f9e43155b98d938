// Presets: the CSV layouts German banks export, as the fixtures show them — which header names
// a layout has, which of our fields each column holds, the delimiter and the decimal separator.
// A preset is a layout, not a bank: GLS, Sparda-Bank West and the Volksbanks all export the
// Atruvia layout; Sparkasse Freiburg and LzO the same "CSV-CAMT" one.
//
// Header names are compared normalised (normalised_name: case, blanks and umlauts folded).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "field.hpp"

namespace kontor::plugins::bank_csv {

// One field of a preset: the header names that hold it (alternatives, the first present wins;
// with `join`, every present one in this order, joined by a space). A header naming one of
// them twice means the last (ING with Saldo: "Saldo;Währung;Betrag;Währung").
struct PresetColumn {
  Field field;
  std::vector<std::string_view> names;
  bool join = false;
};

// A file without a header row is recognised by the shape of its rows (Targobank): this many
// fields, a date first, the account in single quotes last, amounts with `decimal`.
struct RowShape {
  std::size_t fields = 0;
  std::size_t date_column = 0;
  std::size_t quoted_account_column = 0;
  std::vector<std::size_t> amount_columns;
};

struct Preset {
  std::string_view name;
  std::string_view banks;  // who exports it, for the README and messages
  char delimiter = ';';
  char decimal = ',';  // ',' with '.' grouping, or '.' with ',' grouping
  // With a header row: the names of its columns in order (alternatives per column). A file
  // matches when it has at least three quarters of them.
  std::vector<std::vector<std::string_view>> header;
  std::vector<PresetColumn> columns;
  // Without a header row: the shape, and the column (0-based) of each field.
  std::optional<RowShape> shape;
  std::vector<std::pair<Field, std::size_t>> positions;
};

std::span<const Preset> presets();
const Preset* preset_named(std::string_view name);

}  // namespace kontor::plugins::bank_csv
