#include "entry_reader.hpp"

#include "camt_values.hpp"
#include "clean_text.hpp"
#include "transaction_details.hpp"
#include "warning_codes.hpp"
#include "xml_fragment.hpp"

namespace kontor::plugins::camt {
namespace {

Money signed_amount(const Money& amount, bool credit) {
  return credit ? amount : *amount.negated();
}

EntryStatus read_status(pugi::xml_node entry, PartContext& context) {
  const pugi::xml_node status = child(entry, "Sts");
  // Sts is a code in most versions and holds <Cd> in camt.05x.001.08 on.
  std::string text = context.text(status);
  if (text.empty()) text = context.text(child(status, "Cd"));
  if (text.empty()) {
    context.warn(entry, warning::kMissingStatus, "Ntry has no status (Sts); read as BOOK");
    return EntryStatus::booked;
  }
  Result<EntryStatus> parsed = parse_entry_status(text);
  if (parsed) return *parsed;
  context.warn(status, warning::kUnknownStatus,
               "status " + quoted(text) +
                   " is not BOOK, PDNG, INFO or FUTR; read as INFO, so "
                   "the entry is never posted");
  return EntryStatus::info;
}

bool read_reversal(pugi::xml_node entry, PartContext& context) {
  const std::string text = context.text(child(entry, "RvslInd"));
  return text == "true" || text == "1";
}

// Every TxDtls of the entry: in NtryDtls (camt.05x.001.02 on) or directly in Ntry (.001.01).
std::vector<pugi::xml_node> transactions_of(pugi::xml_node entry) {
  std::vector<pugi::xml_node> out;
  for_each_child(entry, "NtryDtls", [&](pugi::xml_node group) {
    for_each_child(group, "TxDtls", [&](pugi::xml_node t) { out.push_back(t); });
  });
  for_each_child(entry, "TxDtls", [&](pugi::xml_node t) { out.push_back(t); });
  return out;
}

// NbOfTxs of the entry's batch, if it states one.
std::optional<std::int64_t> batch_size(pugi::xml_node entry, PartContext& context) {
  pugi::xml_node count = descend(entry, {"NtryDtls", "Btch", "NbOfTxs"});
  if (!count) count = descend(entry, {"Btch", "NbOfTxs"});
  const std::string text = context.text(count);
  if (text.empty() || text.size() > 15) return std::nullopt;
  std::int64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

// Fields of the entry's own that win over its only detail's.
void prefer_entry_fields(sdk::PaymentDetails& merged, const sdk::PaymentDetails& entry_own) {
  if (!entry_own.bank_reference.empty()) merged.bank_reference = entry_own.bank_reference;
  if (!entry_own.bank_transaction_code.empty()) {
    merged.bank_transaction_code = entry_own.bank_transaction_code;
  }
}

}  // namespace

Result<EntryReading> read_entry(pugi::xml_node ntry, const StatementFacts& statement,
                                PartContext& context) {
  EntryReading out;
  sdk::StatementEntry& entry = out.entry;
  entry.line = context.line_of(ntry);

  const pugi::xml_node amount_node = child(ntry, "Amt");
  if (!amount_node) return context.error(ntry, "<Ntry> has no Amt: its amount is unknown");
  Result<Money> amount = read_amount(amount_node, context, statement.currency);
  if (!amount) return amount.error();
  Result<bool> credit = read_credit(ntry, context);
  if (!credit) return credit.error();
  entry.amount = signed_amount(*amount, *credit);
  const Currency currency = amount->currency();
  if (statement.currency && *statement.currency != currency) {
    context.warn(amount_node, warning::kCurrencyMismatch,
                 "entry in " + std::string(currency.code()) + " on an account in " +
                     std::string(statement.currency->code()));
  }

  entry.reversal = read_reversal(ntry, context);
  entry.status = read_status(ntry, context);
  entry.value_date = read_date_choice(child(ntry, "ValDt"), context);
  if (std::optional<Date> booked = read_date_choice(child(ntry, "BookgDt"), context)) {
    entry.booking_date = *booked;
  } else if (entry.value_date) {
    entry.booking_date = *entry.value_date;
    context.warn(ntry, warning::kMissingEntryDate,
                 "Ntry has no booking date (BookgDt); the value date " +
                     entry.value_date->to_iso() + " is taken");
  } else if (statement.fallback_date) {
    entry.booking_date = *statement.fallback_date;
    context.warn(ntry, warning::kMissingEntryDate,
                 "Ntry has neither booking nor value date; the statement's date " +
                     statement.fallback_date->to_iso() + " is taken");
  } else {
    return context.error(ntry, "<Ntry> has neither booking date (BookgDt) nor value date (ValDt)");
  }

  entry.owner_reference = context.text(child(ntry, "NtryRef"));
  entry.additional_info = context.text(child(ntry, "AddtlNtryInf"));
  sdk::PaymentDetails own;
  own.bank_reference = context.text(child(ntry, "AcctSvcrRef"));
  own.bank_transaction_code = read_bank_transaction_code(child(ntry, "BkTxCd"), context);

  Result<std::optional<Money>> charges = read_charges(ntry, context, currency);
  if (!charges) return charges.error();
  entry.charges = *charges;

  const std::vector<pugi::xml_node> transactions = transactions_of(ntry);
  std::optional<Money> detail_sum = Money::zero(currency);
  for (std::size_t k = 0; k < transactions.size(); ++k) {
    Result<TransactionDetails> read = read_transaction_details(transactions[k], context, currency);
    if (!read) return read.error();
    TransactionDetails& t = read.value();
    sdk::EntryDetail detail;
    detail.position = static_cast<std::uint32_t>(k + 1);
    detail.line = context.line_of(transactions[k]);
    const bool detail_credit = t.credit.value_or(*credit);
    if (t.amount) {
      detail.amount = signed_amount(*t.amount, detail_credit);
    } else if (transactions.size() == 1) {
      detail.amount = entry.amount;
    } else if (t.instructed && t.instructed->currency() == currency) {
      detail.amount = signed_amount(*t.instructed, detail_credit);
    } else {
      detail.amount = Money::zero(currency);
      detail_sum.reset();
      context.warn(transactions[k], warning::kMissingDetailAmount,
                   "TxDtls " + std::to_string(k + 1) + " of a batch states no amount; read as 0");
    }
    if (detail.amount.currency() != currency) {
      detail_sum.reset();
      context.warn(transactions[k], warning::kCurrencyMismatch,
                   "TxDtls " + std::to_string(k + 1) + " in " +
                       std::string(detail.amount.currency().code()) + " on an entry in " +
                       std::string(currency.code()));
    } else if (detail_sum) {
      Result<Money> sum = detail_sum->plus(detail.amount);
      detail_sum = sum ? std::optional<Money>(*sum) : std::nullopt;
    }
    detail.details = std::move(t.details);
    const PartySide counterparty = counterparty_of(
        t.debtor, t.creditor, detail_credit, entry.reversal || t.returned, statement.own_account);
    detail.details.counterparty_name = counterparty.name;
    detail.details.counterparty_account = counterparty.account;
    detail.details.counterparty_bic = counterparty.bic;
    if (detail.details.bank_reference.empty()) {
      detail.details.bank_reference = own.bank_reference;
    }
    if (detail.details.bank_transaction_code.empty()) {
      detail.details.bank_transaction_code = own.bank_transaction_code;
    }
    if (!entry.charges && t.charges) {
      // Charges stated only per transaction: the entry's are their sum.
      entry.charges = t.charges;
    } else if (entry.charges && t.charges && !child(ntry, "Chrgs")) {
      Result<Money> sum = entry.charges->plus(*t.charges);
      if (sum) entry.charges = *sum;
    }
    out.details.push_back(std::move(detail));
  }

  entry.detail_count = static_cast<std::uint32_t>(out.details.size());
  if (out.details.size() == 1) {
    entry.details = out.details.front().details;
    prefer_entry_fields(entry.details, own);
  } else {
    entry.details = own;
  }

  if (out.details.size() > 1 && detail_sum && *detail_sum != entry.amount) {
    context.warn(ntry, warning::kDetailSumMismatch,
                 "the " + std::to_string(out.details.size()) + " TxDtls add up to " +
                     detail_sum->format() + ", the entry says " + entry.amount.format());
  }
  if (const std::optional<std::int64_t> batch = batch_size(ntry, context);
      batch && !out.details.empty() && *batch != static_cast<std::int64_t>(out.details.size())) {
    context.warn(ntry, warning::kDetailCountMismatch,
                 "the batch has " + std::to_string(*batch) +
                     " transactions (NbOfTxs), the "
                     "entry details " +
                     std::to_string(out.details.size()));
  }
  return out;
}

}  // namespace kontor::plugins::camt
