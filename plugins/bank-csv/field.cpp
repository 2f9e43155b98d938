#include "field.hpp"

namespace kontor::plugins::bank_csv {
namespace {

constexpr std::array<std::string_view, kFieldCount> kNames = {
    "booking_date",
    "value_date",
    "amount",
    "debit",
    "credit",
    "direction",
    "currency",
    "charges",
    "balance",
    "status",
    "counterparty_name",
    "payer_name",
    "payee_name",
    "counterparty_account",
    "payer_account",
    "payee_account",
    "counterparty_bic",
    "remittance",
    "end_to_end_id",
    "mandate_id",
    "creditor_id",
    "bank_reference",
    "bank_code",
    "account",
    "account_bic",
    "free_text",
};

constexpr std::array<Field, kFieldCount> make_all() {
  std::array<Field, kFieldCount> all{};
  for (std::size_t i = 0; i < kFieldCount; ++i) all[i] = static_cast<Field>(i);
  return all;
}

constexpr std::array<Field, kFieldCount> kAll = make_all();

}  // namespace

std::string_view name_of(Field field) {
  return kNames[index_of(field)];
}

std::optional<Field> field_named(std::string_view name) {
  for (Field field : kAll) {
    if (kNames[index_of(field)] == name) return field;
  }
  return std::nullopt;
}

const std::array<Field, kFieldCount>& all_fields() {
  return kAll;
}

}  // namespace kontor::plugins::bank_csv
