// The book of the statements-of-account benchmark (statements_bench.cpp): N customers with a
// realistic last three months, written into a Store the way kontord's imports and the reconcile
// engine write them — customers and items as an ERP import does (a credit note that refers to an
// invoice settles it as a pair of allocations), the payments as daily bank statements of the
// company's account (Transaction::insert_statement) with their allocations and posted
// reconciliations (add_allocation + record_reconciliation).
//
// Per customer: 3 to 8 invoices issued on days spread over the three months up to `last_day`,
// due after 14 or 30 days; about 8 % get a credit note a few days later (5–30 % of the gross).
// Of the invoices, about 62 % are paid in full, 12 % in part (a round sum; a third of those pay
// the rest later), the others not at all (yet) — overdue when their due day has passed.
// Payments arrive between a few days after issue and three weeks after due, on business days,
// up to `last_day`; a quarter of a customer's payments close together are one transfer for two
// invoices; 2 % of transfers pay a little more than owed (an unapplied rest); businesses with
// Skonto terms (2 % within 10 days) who pay in time take it (an allowance beside the payment).
// Half the customers have an e-mail address, the other half only a postal address; a tenth
// write in English; 1 % are blocked in the ERP. Amounts are exact (minor units), the same seed
// writes the same book.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "kontor/model/date.hpp"
#include "kontor/result.hpp"
#include "store/store.hpp"

namespace kontor::bench {

struct StatementBookOptions {
  std::size_t customers = 10'000;
  std::uint64_t seed = 1;
  Date first_day;       // the first day an invoice may be issued on
  Date last_day;        // the last day anything happens (the end of the statement period)
  std::string account;  // the company's account the payments arrive on (IBAN)
  std::size_t customers_per_step = 500;  // customers written per store transaction
};

struct StatementBookFacts {
  std::size_t customers = 0;
  std::size_t with_email = 0;
  std::size_t letter_only = 0;
  std::size_t english = 0;
  std::size_t blocked = 0;
  std::size_t invoices = 0;
  std::size_t credit_notes = 0;
  std::size_t paid_in_full = 0;
  std::size_t paid_in_part = 0;  // still partly open at the end
  std::size_t unpaid = 0;
  std::size_t overdue = 0;  // open and past due on last_day
  std::size_t bank_statements = 0;
  std::size_t transfers = 0;  // bank transactions
  std::size_t combined = 0;   // transfers paying two invoices
  std::size_t overpaid = 0;   // transfers with an unapplied rest
  std::size_t skonto = 0;     // Skonto allowances
  std::size_t allocations = 0;
  std::int64_t invoiced_cents = 0;
  std::int64_t paid_cents = 0;
};

Result<StatementBookFacts> generate_statement_book(store::Store& store,
                                                   const StatementBookOptions& options);

}  // namespace kontor::bench
