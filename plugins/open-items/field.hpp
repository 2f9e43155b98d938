// Field: one piece of information an open-items row can carry — the names of the default CSV
// header and of the JSON Lines keys, and which of them every row must have.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace kontor::plugins::open_items {

enum class Field : std::uint8_t {
  invoice_no,
  customer_no,
  customer_name,
  amount,  // gross
  due_date,
  currency,
  iban,
  rf_reference,
  issue_date,
  email,
  street,
  postcode,
  city,
  country,
  customer_type,
  language,
  tax_rate,
  net_amount,
  document_type,
  refers_to,
  discount_percent,
  discount_until,
  delivery,
  debtor_account,
  dunning_block_until,
  due_date_agreed,
  dunning_notice_on_invoice,
  document,
  vat_id,
};

inline constexpr std::size_t kFieldCount = 29;

// Every field, in declaration order.
const std::array<Field, kFieldCount>& all_fields();

// The default header text and JSON key: "invoice_no".
std::string_view name_of(Field field);

// The field whose default name is exactly `name`.
std::optional<Field> field_named(std::string_view name);

// invoice_no, customer_no, customer_name, amount, due_date: a row without one of them is bad.
bool is_required(Field field);

constexpr std::size_t index_of(Field field) {
  return static_cast<std::size_t>(field);
}

static_assert(index_of(Field::vat_id) + 1 == kFieldCount, "kFieldCount counts every field");

}  // namespace kontor::plugins::open_items
