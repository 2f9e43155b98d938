// Field: what a column of a bank CSV file means to Kontor — the names a `mapping` in the
// configuration uses, and the keys of the presets' column tables.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace kontor::plugins::bank_csv {

enum class Field {
  booking_date,
  value_date,
  amount,     // signed, or unsigned with `direction`
  debit,      // money out, written with or without its minus
  credit,     // money in
  direction,  // Soll/Haben, S/H, D/C, Eingang/Ausgang
  currency,
  charges,  // a fee the bank (PayPal) took from this movement
  balance,  // the balance after this entry
  status,   // Gebucht/Vorgemerkt, Abgeschlossen/Ausstehend
  counterparty_name,
  payer_name,            // the counterparty of a credit (DKB: Zahlungspflichtige*r)
  payee_name,            // the counterparty of a debit (DKB: Zahlungsempfänger*in)
  counterparty_account,  // IBAN or other account number
  payer_account,
  payee_account,
  counterparty_bic,
  remittance,
  end_to_end_id,
  mandate_id,
  creditor_id,
  bank_reference,
  bank_code,  // Buchungstext, Umsatzart, Typ
  account,    // the statement's own account (IBAN), when the file has it per row
  account_bic,
  free_text,  // one column holding type, party, IBAN, BIC and purpose (Targobank)
};

inline constexpr std::size_t kFieldCount = static_cast<std::size_t>(Field::free_text) + 1;

constexpr std::size_t index_of(Field field) {
  return static_cast<std::size_t>(field);
}

// The configuration name of `field` ("booking_date").
std::string_view name_of(Field field);
std::optional<Field> field_named(std::string_view name);

const std::array<Field, kFieldCount>& all_fields();

}  // namespace kontor::plugins::bank_csv
