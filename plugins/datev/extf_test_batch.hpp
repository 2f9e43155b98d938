// The batch of the reference's example file (datev-extf.md §3), as the tests' starting point:
// SKR03, Sachkontenlänge 4, January 2024, an invoice on debtor 10001 against the automatic
// revenue account 8400 and its payment to the bank 1200.
#pragma once

#include "extf_bookings.hpp"

namespace kontor::plugins::datev::test_support {

inline Date day(int year, int month, int day) {
  return Date::from_ymd(year, month, day).value();
}

inline Money euros(std::int64_t cents) {
  return Money(cents, Currency::eur());
}

inline BookingBatchHeader example_header() {
  return BookingBatchHeader{
      .client = {.advisor_number = 29098,
                 .client_number = 55003,
                 .fiscal_year_start = day(2024, 1, 1),
                 .account_length = 4,
                 .chart = "03"},
      .format = BookingFormat::v13,
      .created_at =
          {.date = day(2024, 1, 31), .hour = 12, .minute = 0, .second = 0, .millisecond = 0},
      .period_from = day(2024, 1, 1),
      .period_to = day(2024, 1, 31),
      .label = "Rechnungsausgang 01/2024",
      .dictation_initials = "",
      .kind = BookingKind::financial_accounting,
      .purpose = AccountingPurpose::independent,
      .locked = false,
      .currency = Currency::eur(),
      .origin = "RE",
      .exported_by = "",
      .application_info = "",
  };
}

inline ExtfBooking example_invoice() {
  return ExtfBooking{
      .amount = euros(11900),
      .side = BookingSide::debit,
      .account = "10001",
      .contra_account = "8400",
      .tax_key = "",
      .document_date = day(2024, 1, 15),
      .document_number = "RE2024-0001",
      .document_number_2 = "",
      .text = "Rechnung RE2024-0001 Kunde GmbH",
      .due_date = std::nullopt,
      .general_reversal = false,
      .facts_code = "",
  };
}

inline ExtfBooking example_payment() {
  ExtfBooking payment = example_invoice();
  payment.account = "1200";
  payment.contra_account = "10001";
  payment.document_date = day(2024, 1, 25);
  payment.text = "Zahlung RE2024-0001";
  return payment;
}

inline AutomaticAccounts skr03_automatic_accounts() {
  return {"8300", "8400"};
}

}  // namespace kontor::plugins::datev::test_support
