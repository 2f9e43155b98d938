// TransactionDetails: what one TxDtls of an entry says — its own amount if it states one, its
// references, both parties, remittance, return reason, charges and bank transaction code.
//
// Which party is the counterparty depends on the entry (direction, reversal) and the statement
// (its own account), so both sides are kept for the entry reader (counterparty.hpp).
#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string>

#include "counterparty.hpp"
#include "kontor/model/currency.hpp"
#include "kontor/model/money.hpp"
#include "kontor/result.hpp"
#include "kontor/sdk/values.hpp"
#include "part_context.hpp"

namespace kontor::plugins::camt {

struct TransactionDetails {
  std::optional<Money> amount;      // TxDtls/Amt or AmtDtls/TxAmt/Amt, unsigned
  std::optional<bool> credit;       // its own CdtDbtInd (camt.05x.001.04 on), if any
  std::optional<Money> instructed;  // AmtDtls/InstdAmt/Amt, unsigned
  std::optional<Money> charges;     // Chrgs, see read_charges
  PartySide debtor, creditor;
  bool returned = false;  // RtrInf: a returned payment
  // References, remittance, return reason, creditor id, ultimate parties and bank transaction
  // code; the counterparty fields are left to the entry reader.
  sdk::PaymentDetails details;
};

// `currency`: of the entry, for amounts without Ccy.
Result<TransactionDetails> read_transaction_details(pugi::xml_node transaction,
                                                    PartContext& context, Currency currency);

// The charges of the Chrgs children of `parent` (Ntry or TxDtls), summed: of each Chrgs its
// TtlChrgsAndTaxAmt, else its records (Rcrd/Amt, camt.05x.001.04 on), else its Amt. Positive
// is charged to the account holder; a charge with CdtDbtInd CRDT (a refund) counts negative.
// Amounts in another currency than `currency` are left out with a `currency_mismatch` warning.
Result<std::optional<Money>> read_charges(pugi::xml_node parent, PartContext& context,
                                          Currency currency);

// BkTxCd as one text: the proprietary code if there is one (German banks: "NTRF+166+9310",
// DK/ZKA codes carrying the GVC), else the ISO domain code "PMNT/RCDT/ESCT"; empty for none.
std::string read_bank_transaction_code(pugi::xml_node code, PartContext& context);

}  // namespace kontor::plugins::camt
