// StatementHeader: what a statement (camt.052 report, camt.054 notification) says about itself
// before its entries — identification, sequence, account, balances and transaction summary —
// collected from its child elements as they come and handed on as one sdk::StatementInfo.
//
// Balances (Bal/Tp/CdOrPrtry/Cd; Tp/Cd in .001.01): the opening balance is OPBD, else PRCD (the
// previous closing, which German intraday reports give), else the first of two or more ITBD
// (an intraday report's balance at its start); the closing balance is CLBD, else the last ITBD
// (intraday). A PRCD opening balance is dated the day after its own date (the day it opens),
// as hbci4java dates it. The available balances (OPAV, CLAV, ITAV, FWAV), INFO, XPCD and
// proprietary types are not booked balances and are not read. A balance's date is its Dt/Dt or the
// date of its Dt/DtTm; one without a date takes the statement's period (FrToDt) or creation date
// (`missing_balance_date`); one whose amount cannot be read is left out (`invalid_balance`).
#pragma once

#include <cstdint>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "camt_message.hpp"
#include "entry_reader.hpp"
#include "kontor/model/currency.hpp"
#include "kontor/model/date.hpp"
#include "kontor/model/money.hpp"
#include "kontor/sdk/values.hpp"
#include "part_context.hpp"

namespace kontor::plugins::camt {

struct GroupHeader {
  std::string created;  // CreDtTm as written
  std::optional<Date> created_date;
};

GroupHeader read_group_header(pugi::xml_node header, PartContext& context);

struct Balance {
  std::string type;  // OPBD, CLBD, ...
  Money amount;      // signed: negative for DBIT
  std::optional<Date> date;
  std::int64_t line = 0;
};

// Which balances open and close the statement (indices into `balances`), as described above.
struct BalanceChoice {
  std::optional<std::size_t> opening, closing;
};
BalanceChoice choose_balances(const std::vector<Balance>& balances);

// TxsSummry as written; compared with the entries when the statement ends.
struct SummaryFigure {
  std::optional<std::int64_t> count;  // NbOfNtries
  std::string sum;                    // Sum, as written
};
struct TransactionSummary {
  bool present = false;
  std::int64_t line = 0;
  SummaryFigure all, credits, debits;
  std::string net;  // TtlNtries/TtlNetNtryAmt
  std::optional<bool> net_credit;
};

class StatementHeader {
 public:
  StatementHeader(const CamtMessage& message, const GroupHeader& group, std::int64_t line)
      : message_(message), group_(group), line_(line) {}

  // One child element of the statement other than Ntry; unknown ones are passed over.
  Status read(pugi::xml_node element, PartContext& context);

  // The statement as the sink gets it. `entry_currency`: of its first entry, for an account
  // without Ccy and without balances.
  sdk::StatementInfo info(std::optional<Currency> entry_currency, WarningSink& warnings) const;
  // What its entries are read with.
  StatementFacts facts() const;
  const TransactionSummary& summary() const { return summary_; }
  std::int64_t line() const { return line_; }
  bool has_account() const { return has_account_; }

 private:
  Status read_account(pugi::xml_node account, PartContext& context);
  void read_balance(pugi::xml_node balance, PartContext& context);
  void read_summary(pugi::xml_node summary, PartContext& context);

  const CamtMessage& message_;
  GroupHeader group_;
  std::int64_t line_;
  std::string id_, electronic_sequence_, legal_sequence_, created_;
  std::optional<Date> created_date_, from_date_, to_date_;
  bool has_account_ = false;
  std::string account_, account_number_, account_bic_;
  std::optional<Currency> currency_;
  std::vector<Balance> balances_;
  TransactionSummary summary_;
};

}  // namespace kontor::plugins::camt
