// OpenItem: a receivable on a customer's account — an invoice, credit note, cancellation, fee or
// interest charge — with what is still open of it.
//
// Amounts are from the company's side: positive is owed by the customer (invoices, fees,
// interest), negative is owed to the customer (credit notes, cancellations). `open` starts at
// `gross` and moves only by allocations (allocation.hpp); the store maintains it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kontor/model/creditor_reference.hpp"
#include "kontor/model/date.hpp"
#include "kontor/model/decimal.hpp"
#include "kontor/model/dunning_block.hpp"
#include "kontor/model/money.hpp"
#include "kontor/result.hpp"

namespace kontor {

enum class OpenItemType { invoice, credit_note, cancellation, fee, interest };

std::string_view to_string(OpenItemType type);
Result<OpenItemType> parse_open_item_type(std::string_view text);

// One VAT rate's share of an invoice: net + tax = gross.
struct TaxLine {
  Decimal rate;  // percent, e.g. 19 or 7
  Money net;
  Money tax;
  Money gross;

  bool operator==(const TaxLine&) const = default;
};

// Skonto: `percent` off when paid by `until` (inclusive).
struct SkontoTerms {
  Decimal percent;
  Date until;

  bool operator==(const SkontoTerms&) const = default;
};

struct OpenItem {
  std::string number;           // the ERP's document number, unique per company
  std::string customer_number;  // Customer::number
  OpenItemType type = OpenItemType::invoice;
  std::optional<Date> issue_date;
  Date due_date;
  bool due_date_agreed = false;            // agreed by contract: default starts after it
  bool dunning_notice_on_invoice = false;  // the invoice carried the §286 (3) BGB notice
  Money gross;
  std::vector<TaxLine> tax_lines;  // empty when the ERP does not send them
  Money open;                      // maintained by the store: gross minus allocations
  std::optional<CreditorReference> rf_reference;
  std::optional<SkontoTerms> skonto;
  int dunning_level = 0;  // 0 = never reminded; maintained by the dunning engine
  std::optional<DunningBlock> dunning_block;
  std::string refers_to;       // the item a credit note, cancellation, fee or interest is about
  std::string notice_number;   // the notice that charged a fee or interest item
  std::string debtor_account;  // the ERP's debtor (personal) account for bookkeeping
  std::string document_path;   // the invoice PDF, if the ERP supplies it
  bool settled_externally = false;  // gone from the ERP's snapshot: no dunning

  bool operator==(const OpenItem&) const = default;
};

// What every stored item must satisfy: a number and a customer; amounts in one currency;
// the sign that fits the type (credit notes and cancellations ≤ 0, the others ≥ 0);
// each tax line net + tax = gross and, when there are tax lines, their gross adds up to the
// item's; cancellations, fee and interest items name the item they refer to.
Status check(const OpenItem& item);

}  // namespace kontor
