#include "field.hpp"

namespace kontor::plugins::open_items {
namespace {

constexpr std::array<std::string_view, kFieldCount> kNames = {
    "invoice_no",
    "customer_no",
    "customer_name",
    "amount",
    "due_date",
    "currency",
    "iban",
    "rf_reference",
    "issue_date",
    "email",
    "street",
    "postcode",
    "city",
    "country",
    "customer_type",
    "language",
    "tax_rate",
    "net_amount",
    "document_type",
    "refers_to",
    "discount_percent",
    "discount_until",
    "delivery",
    "debtor_account",
    "dunning_block_until",
    "due_date_agreed",
    "dunning_notice_on_invoice",
    "document",
    "vat_id",
};

constexpr std::array<Field, kFieldCount> make_all() {
  std::array<Field, kFieldCount> fields{};
  for (std::size_t i = 0; i < kFieldCount; ++i) fields[i] = static_cast<Field>(i);
  return fields;
}

constexpr std::array<Field, kFieldCount> kAll = make_all();

}  // namespace

const std::array<Field, kFieldCount>& all_fields() {
  return kAll;
}

std::string_view name_of(Field field) {
  return kNames[index_of(field)];
}

std::optional<Field> field_named(std::string_view name) {
  for (std::size_t i = 0; i < kFieldCount; ++i) {
    if (kNames[i] == name) return static_cast<Field>(i);
  }
  return std::nullopt;
}

bool is_required(Field field) {
  switch (field) {
    case Field::invoice_no:
    case Field::customer_no:
    case Field::customer_name:
    case Field::amount:
    case Field::due_date:
      return true;
    default:
      return false;
  }
}

}  // namespace kontor::plugins::open_items
