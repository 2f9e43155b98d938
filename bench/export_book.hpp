// The book of the DATEV export benchmark (export_bench.cpp): N customers with a year of
// invoices and the payments on them, written into a Store the way kontord's imports and the
// reconcile engine write them — customers and items as an ERP import does, the payments as daily
// bank statements of the company's account (Transaction::insert_statement), then their
// allocations and posted reconciliations (add_allocation + record_reconciliation) — so that the
// export engine's ledger finds about `bookings` events to book.
//
// Customers K10001, K10002, … (the rule `from_customer_number` with prefix "K" makes them debtor
// accounts 10001, 10002, …: at most 60,000 customers fit DATEV's five-digit personal accounts).
// Per customer on average bookings / customers / 1.1 invoices (half to one and a half times
// that), issued on days spread over the year, due after 14 or 30 days, 50–40,000 EUR (mostly under
// 1,500), at 19 % (85 %), 7 % (10 %) or both (5 %), each with its tax lines. Of the invoices
// about 80 % are paid in full by one transfer, 8 % in two parts weeks apart, the others not (yet),
// payments arriving on business days up to 31 December; a quarter of a customer's payments close
// together are one transfer for two invoices; 1 % of transfers pay a little too much (an
// unapplied rest, not booked); 1 % of payments arrive short by 3.50 EUR of bank charges the
// company bears; businesses with Skonto terms (2 % within 10 days) who pay in time take it.
// Invoices still unpaid three weeks after due get a dunning fee item (5.00 EUR) half of the time,
// a third of those also a default interest item two weeks later.
//
// The bookings the export engine derives from this: one per payment allocation, Skonto
// allowance, bank charge, fee and interest item. Amounts are exact (minor units); the same seed
// writes the same book.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "kontor/result.hpp"
#include "store/store.hpp"

namespace kontor::bench {

inline constexpr std::size_t kMaxExportBookCustomers = 60'000;

struct ExportBookOptions {
  std::size_t customers = 50'000;
  std::size_t bookings = 1'000'000;  // aimed at; the book has about as many
  std::uint64_t seed = 1;
  int year = 2026;
  std::string account;                   // the company's account the payments arrive on (IBAN)
  std::size_t customers_per_step = 500;  // customers written per store transaction
};

struct ExportBookFacts {
  std::size_t customers = 0;
  std::size_t invoices = 0;
  std::size_t invoices_19 = 0, invoices_7 = 0, invoices_mixed = 0;
  std::size_t paid_in_full = 0;
  std::size_t paid_in_part = 0;  // two transfers (the second may still be missing)
  std::size_t unpaid = 0;
  std::size_t fees = 0;      // dunning fee items
  std::size_t interest = 0;  // default interest items
  std::size_t bank_statements = 0;
  std::size_t transfers = 0;  // bank transactions
  std::size_t combined = 0;   // transfers paying two invoices
  std::size_t overpaid = 0;   // transfers with an unapplied rest
  std::size_t payments = 0;   // payment allocations
  std::size_t skonto = 0;     // Skonto allowances
  std::size_t bank_charges = 0;
  std::int64_t invoiced_cents = 0;
  std::int64_t paid_cents = 0;

  // What the export engine should book: payments, Skonto, bank charges, fees, interest.
  std::size_t expected_bookings() const {
    return payments + skonto + bank_charges + fees + interest;
  }
};

Result<ExportBookFacts> generate_export_book(store::Store& store, const ExportBookOptions& options);

}  // namespace kontor::bench
