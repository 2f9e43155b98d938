// ColumnNames: how one file names the fields — the default names (field.hpp), with the
// `columns` option's renames applied (field name → header text, for an ERP that writes
// "Belegnummer" where Kontor reads invoice_no). CSV header texts and JSON Lines keys match
// case-insensitively (ASCII letters) after trimming blanks.
//
// A rename wins over a default name: with {amount: "net_amount"} the column "net_amount" is the
// gross amount, and the net amount has no column unless it is renamed too.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "field.hpp"
#include "kontor/result.hpp"

namespace kontor::plugins::open_items {

class ColumnNames {
 public:
  // The default names.
  ColumnNames();

  // An error names a key that is not a field, an empty header text, or one header text given
  // to two fields.
  static Result<ColumnNames> with_renames(const std::map<std::string, std::string>& renames);

  // The field a header text or JSON key stands for, if any.
  std::optional<Field> field_for(std::string_view header) const;

  // How messages name a field: "invoice_no", or "'Belegnummer' (invoice_no)" when renamed.
  std::string label(Field field) const;

  // The header text configured for the field (its default name unless renamed).
  const std::string& header_of(Field field) const { return headers_[index_of(field)]; }

 private:
  void rebuild_lookup();

  std::array<std::string, kFieldCount> headers_;
  std::array<bool, kFieldCount> renamed_{};
  std::unordered_map<std::string, Field> by_folded_header_;
};

}  // namespace kontor::plugins::open_items
