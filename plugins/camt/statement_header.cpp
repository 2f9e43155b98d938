#include "statement_header.hpp"

#include "camt_values.hpp"
#include "clean_text.hpp"
#include "warning_codes.hpp"
#include "xml_fragment.hpp"

namespace kontor::plugins::camt {
namespace {

std::optional<std::int64_t> count_of(const std::string& text) {
  if (text.empty() || text.size() > 15) return std::nullopt;
  std::int64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::optional<Date> quiet_date(const std::string& text) {
  bool clamped = false;
  return date_of_text(text, clamped);
}

}  // namespace

GroupHeader read_group_header(pugi::xml_node header, PartContext& context) {
  GroupHeader out;
  out.created = context.text(child(header, "CreDtTm"));
  out.created_date = quiet_date(out.created);
  return out;
}

BalanceChoice choose_balances(const std::vector<Balance>& balances) {
  auto first = [&](std::string_view type) -> std::optional<std::size_t> {
    for (std::size_t k = 0; k < balances.size(); ++k) {
      if (balances[k].type == type) return k;
    }
    return std::nullopt;
  };
  std::vector<std::size_t> interim;
  for (std::size_t k = 0; k < balances.size(); ++k) {
    if (balances[k].type == "ITBD") interim.push_back(k);
  }
  BalanceChoice choice;
  choice.opening = first("OPBD");
  if (!choice.opening) choice.opening = first("PRCD");
  if (!choice.opening && interim.size() >= 2) choice.opening = interim.front();
  choice.closing = first("CLBD");
  if (!choice.closing && !interim.empty() && choice.opening != interim.back()) {
    choice.closing = interim.back();
  }
  return choice;
}

Status StatementHeader::read(pugi::xml_node element, PartContext& context) {
  const std::string_view name = local_name(element);
  if (name == "Id") {
    id_ = context.text(element);
  } else if (name == "ElctrncSeqNb") {
    electronic_sequence_ = context.text(element);
  } else if (name == "LglSeqNb") {
    legal_sequence_ = context.text(element);
  } else if (name == "CreDtTm") {
    created_ = context.text(element);
    created_date_ = quiet_date(created_);
  } else if (name == "FrToDt") {
    from_date_ = quiet_date(context.text(child(element, "FrDtTm")));
    to_date_ = quiet_date(context.text(child(element, "ToDtTm")));
  } else if (name == "Acct") {
    return read_account(element, context);
  } else if (name == "Bal") {
    read_balance(element, context);
  } else if (name == "TxsSummry") {
    read_summary(element, context);
  }
  return {};
}

Status StatementHeader::read_account(pugi::xml_node account, PartContext& context) {
  has_account_ = true;
  const pugi::xml_node id = child(account, "Id");
  if (pugi::xml_node iban = child(id, "IBAN")) {
    account_ = context.text(iban);
  } else {
    pugi::xml_node other = descend(id, {"Othr", "Id"});
    // camt.05x.001.01: PrtryAcct/Id, or a BBAN or UPIC.
    if (!other) other = descend(id, {"PrtryAcct", "Id"});
    if (!other) other = child(id, "BBAN");
    if (!other) other = child(id, "UPIC");
    account_ = context.text(other);
    account_number_ = account_;
  }
  if (account_.empty()) {
    return context.error(account, "Acct names no account (Id/IBAN or Id/Othr/Id)");
  }
  if (pugi::xml_node code = child(account, "Ccy")) {
    const std::string text = context.text(code);
    Result<Currency> currency = Currency::from_code(text);
    if (!currency) {
      return context.error(code,
                           "account currency " + quoted(text) + " is not an ISO 4217 currency");
    }
    currency_ = *currency;
  }
  const pugi::xml_node institution = descend(account, {"Svcr", "FinInstnId"});
  account_bic_ = context.text(child(institution, "BICFI"));
  if (account_bic_.empty()) account_bic_ = context.text(child(institution, "BIC"));
  return {};
}

void StatementHeader::read_balance(pugi::xml_node element, PartContext& context) {
  const pugi::xml_node type = child(element, "Tp");
  std::string code = context.text(descend(type, {"CdOrPrtry", "Cd"}));
  if (code.empty()) code = context.text(child(type, "Cd"));  // camt.05x.001.01
  if (code != "OPBD" && code != "PRCD" && code != "CLBD" && code != "ITBD") return;

  Result<Money> amount = read_amount(child(element, "Amt"), context, currency_);
  if (!amount) {
    context.warn(element, warning::kInvalidBalance,
                 "balance " + code + " is left out: " + amount.error().message);
    return;
  }
  bool credit = true;
  const std::string indicator = context.text(child(element, "CdtDbtInd"));
  if (indicator == "DBIT") {
    credit = false;
  } else if (indicator != "CRDT") {
    context.warn(element, warning::kInvalidBalance,
                 "balance " + code + " has CdtDbtInd " + quoted(indicator) +
                     ", neither CRDT nor DBIT; read as a credit balance");
  }
  Balance balance;
  balance.type = code;
  balance.amount = credit ? *amount : *amount->negated();
  balance.date = read_date_choice(child(element, "Dt"), context);
  balance.line = context.line_of(element);
  if (currency_ && balance.amount.currency() != *currency_) {
    context.warn(element, warning::kCurrencyMismatch,
                 "balance " + code + " in " + std::string(balance.amount.currency().code()) +
                     " on an account in " + std::string(currency_->code()));
  }
  balances_.push_back(std::move(balance));
}

void StatementHeader::read_summary(pugi::xml_node element, PartContext& context) {
  summary_.present = true;
  summary_.line = context.line_of(element);
  auto figure = [&](std::string_view name) {
    const pugi::xml_node node = child(element, name);
    return SummaryFigure{count_of(context.text(child(node, "NbOfNtries"))),
                         context.text(child(node, "Sum"))};
  };
  summary_.all = figure("TtlNtries");
  summary_.credits = figure("TtlCdtNtries");
  summary_.debits = figure("TtlDbtNtries");
  const pugi::xml_node all = child(element, "TtlNtries");
  summary_.net = context.text(child(all, "TtlNetNtryAmt"));
  const std::string indicator = context.text(child(all, "CdtDbtInd"));
  if (indicator == "CRDT") summary_.net_credit = true;
  if (indicator == "DBIT") summary_.net_credit = false;
}

StatementFacts StatementHeader::facts() const {
  StatementFacts facts;
  facts.currency = currency_;
  facts.own_account = account_;
  facts.fallback_date = to_date_ ? to_date_ : created_date_ ? created_date_ : group_.created_date;
  return facts;
}

sdk::StatementInfo StatementHeader::info(std::optional<Currency> entry_currency,
                                         WarningSink& warnings) const {
  sdk::StatementInfo info;
  info.kind = message_.kind;
  info.dialect = message_.dialect;
  info.account = account_;
  info.account_number = account_number_;
  info.account_bic = account_bic_;
  info.id = id_;
  info.sequence = !electronic_sequence_.empty() ? electronic_sequence_ : legal_sequence_;
  info.created = !created_.empty() ? created_ : group_.created;
  info.line = line_;

  const BalanceChoice choice = choose_balances(balances_);
  auto balance = [&](std::optional<std::size_t> index, bool opening,
                     std::optional<StatementBalance>& out) {
    if (!index) return;
    const Balance& b = balances_[*index];
    std::optional<Date> date = b.date;
    if (!date) {
      const std::optional<Date> period = opening ? from_date_ : to_date_;
      date = period ? period : created_date_ ? created_date_ : group_.created_date;
      if (!date) {
        warnings.warning(b.line, warning::kMissingBalanceDate,
                         "balance " + b.type + " has no date, nor has the statement; left out");
        return;
      }
      warnings.warning(b.line, warning::kMissingBalanceDate,
                       "balance " + b.type + " has no date; the statement's date " +
                           date->to_iso() + " is taken");
    }
    // PRCD is the previous statement's closing balance, dated that day; as this statement's
    // opening balance it is dated the day after, like an OPBD.
    if (opening && b.type == "PRCD" && b.date) {
      if (Result<Date> next_day = date->add_days(1)) date = *next_day;
    }
    out = StatementBalance{b.amount, *date};
  };
  balance(choice.opening, true, info.opening);
  balance(choice.closing, false, info.closing);

  std::optional<Currency> currency = currency_;
  if (!currency && info.opening) currency = info.opening->amount.currency();
  if (!currency && info.closing) currency = info.closing->amount.currency();
  if (!currency) currency = entry_currency;
  if (currency) info.currency = std::string(currency->code());
  return info;
}

}  // namespace kontor::plugins::camt
