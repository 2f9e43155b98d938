// OpenItemsAssembly: the customers and open items of one file, put together from its rows.
//
// - A customer number is one customer: the first row's master data counts. Later rows that say
//   otherwise get one warning per customer; the IBANs of all its rows are collected.
// - An invoice number is one open item. Rows repeating it are its tax lines: each must carry a
//   tax_rate no other row of the invoice has, and the same customer, due date, document type
//   and currency; the item's gross is the sum of the rows' amounts, the other fields come from
//   the first row. A tax line's net is net_amount, or the exact net of the gross at the rate
//   (net_of_gross, commercial rounding); its tax is gross − net.
// - Signs: ERPs write credit notes and cancellations as negative or as positive amounts. The
//   model wants them ≤ 0 (owed to the customer), so one whose total is positive is negated
//   whole (gross, nets, taxes). An invoice whose total is negative is a bad row: an amount owed
//   to the customer must be written as a credit_note.
#pragma once

#include <string_view>
#include <unordered_map>
#include <vector>

#include "kontor/result.hpp"
#include "open_item_row.hpp"
#include "open_items_file.hpp"

namespace kontor::plugins::open_items {

class OpenItemsAssembly {
 public:
  // Adds a row. An error (the reason; the row is bad) when it contradicts an earlier row of its
  // invoice or its amounts do not fit together.
  Status add(OpenItemRow row);

  // Signs and totals once every row is in. Bad rows found now are appended to `bad_rows`.
  void finish(std::vector<BadRow>& bad_rows);

  // The assembled file (after finish); the assembly is empty afterwards.
  OpenItemsFile take();

 private:
  std::uint32_t add_customer(sdk::ImportedCustomer customer);
  void warn_if_master_data_differs(std::uint32_t index, const sdk::ImportedCustomer& later);

  OpenItemsFile file_;
  // Keys view the numbers inside file_'s deques, which never move their elements.
  std::unordered_map<std::string_view, std::uint32_t> customer_by_number_;
  std::unordered_map<std::string_view, std::uint32_t> item_by_number_;
  std::vector<bool> customer_warned_;
  std::vector<bool> item_has_rates_;
  bool net_without_rate_warned_ = false;
};

}  // namespace kontor::plugins::open_items
