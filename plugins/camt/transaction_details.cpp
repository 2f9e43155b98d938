#include "transaction_details.hpp"

#include <vector>

#include "camt_values.hpp"
#include "creditor_identifier.hpp"
#include "warning_codes.hpp"
#include "xml_fragment.hpp"

namespace kontor::plugins::camt {
namespace {

// A party's name: Nm, or (camt.05x.001.08 on) Pty/Nm, or an agent's FinInstnId/Nm.
std::string party_name(pugi::xml_node party, PartContext& context) {
  if (pugi::xml_node name = child(party, "Nm")) return context.text(name);
  if (pugi::xml_node name = descend(party, {"Pty", "Nm"})) return context.text(name);
  if (pugi::xml_node name = descend(party, {"Agt", "FinInstnId", "Nm"})) return context.text(name);
  return {};
}

// The party itself: the element, or its Pty (camt.05x.001.08 on).
pugi::xml_node party_element(pugi::xml_node party) {
  pugi::xml_node inner = child(party, "Pty");
  return inner ? inner : party;
}

std::string account_id(pugi::xml_node account, PartContext& context) {
  const pugi::xml_node id = child(account, "Id");
  if (pugi::xml_node iban = child(id, "IBAN")) return context.text(iban);
  if (pugi::xml_node other = descend(id, {"Othr", "Id"})) return context.text(other);
  for (std::string_view v01 : {"PrtryAcct", "BBAN", "UPIC"}) {
    pugi::xml_node old = child(id, v01);
    if (old && child(old, "Id")) return context.text(child(old, "Id"));
    if (old) return context.text(old);
  }
  return {};
}

std::string agent_bic(pugi::xml_node agent, PartContext& context) {
  const pugi::xml_node institution = child(agent, "FinInstnId");
  for (std::string_view name : {"BICFI", "BIC"}) {
    if (pugi::xml_node bic = child(institution, name)) return context.text(bic);
  }
  return {};
}

PartySide side(pugi::xml_node parties, pugi::xml_node agents, std::string_view party,
               std::string_view account, std::string_view agent, PartContext& context) {
  PartySide out;
  out.name = party_name(child(parties, party), context);
  out.account = account_id(child(parties, account), context);
  out.bic = agent_bic(child(agents, agent), context);
  return out;
}

void append_distinct(std::string& joined, const std::string& text) {
  if (text.empty()) return;
  if (!joined.empty()) {
    // The same reference given twice (two Strd blocks) is one reference.
    std::size_t from = 0;
    while (from <= joined.size()) {
      const std::size_t end = std::min(joined.find(' ', from), joined.size());
      if (joined.compare(from, end - from, text) == 0) return;
      from = end + 1;
    }
    joined += ' ';
  }
  joined += text;
}

void append(std::string& joined, const std::string& text) {
  if (text.empty()) return;
  if (!joined.empty()) joined += ' ';
  joined += text;
}

// The creditor identifier of a direct debit: CdtrSchmeId wherever the version puts it, else the
// creditor's private identification when it is one (creditor_identifier.hpp).
std::string creditor_id(pugi::xml_node transaction, pugi::xml_node parties, PartContext& context) {
  const pugi::xml_node scheme =
      transaction.find_node([](pugi::xml_node n) { return local_name(n) == "CdtrSchmeId"; });
  if (pugi::xml_node id = descend(scheme, {"Id", "PrvtId", "Othr", "Id"})) {
    return context.text(id);
  }
  const pugi::xml_node creditor = party_element(child(parties, "Cdtr"));
  std::string found;
  for_each_child(descend(creditor, {"Id", "PrvtId"}), "Othr", [&](pugi::xml_node other) {
    if (!found.empty()) return;
    const std::string id = context.text(child(other, "Id"));
    const std::string scheme_name = context.text(descend(other, {"SchmeNm", "Prtry"}));
    if (scheme_name == "SEPA" || looks_like_creditor_identifier(id)) found = id;
  });
  return found;
}

}  // namespace

std::string read_bank_transaction_code(pugi::xml_node code, PartContext& context) {
  const std::string proprietary = context.text(descend(code, {"Prtry", "Cd"}));
  if (!proprietary.empty()) return proprietary;
  const pugi::xml_node domain = child(code, "Domn");
  std::string out = context.text(child(domain, "Cd"));
  if (out.empty()) return out;
  const pugi::xml_node family = child(domain, "Fmly");
  const std::string family_code = context.text(child(family, "Cd"));
  const std::string sub_family = context.text(child(family, "SubFmlyCd"));
  if (!family_code.empty()) out += "/" + family_code;
  if (!sub_family.empty()) out += "/" + sub_family;
  return out;
}

Result<std::optional<Money>> read_charges(pugi::xml_node parent, PartContext& context,
                                          Currency currency) {
  std::optional<Money> total;
  Status failed;
  // One charge, signed: positive when charged to the account holder.
  auto add = [&](pugi::xml_node amount, pugi::xml_node indicator_parent) {
    if (!failed.ok()) return;
    Result<Money> value = read_amount(amount, context, currency);
    if (!value) {
      failed = value.error();
      return;
    }
    if (value->currency() != currency) {
      context.warn(amount, warning::kCurrencyMismatch,
                   "charges in " + std::string(value->currency().code()) + " on an entry in " +
                       std::string(currency.code()) + " are left out");
      return;
    }
    Money charge = *value;
    if (context.text(child(indicator_parent, "CdtDbtInd")) == "CRDT") charge = *charge.negated();
    Result<Money> sum = total ? total->plus(charge) : Result<Money>(charge);
    if (!sum) {
      failed = Error{context.error(amount, "charges too large: " + sum.error().message)};
      return;
    }
    total = *sum;
  };
  for_each_child(parent, "Chrgs", [&](pugi::xml_node charges) {
    if (pugi::xml_node all = child(charges, "TtlChrgsAndTaxAmt")) {
      add(all, pugi::xml_node());
      return;
    }
    bool records = false;
    for_each_child(charges, "Rcrd", [&](pugi::xml_node record) {
      records = true;
      if (pugi::xml_node amount = child(record, "Amt")) add(amount, record);
    });
    if (!records) {
      if (pugi::xml_node amount = child(charges, "Amt")) add(amount, charges);
    }
  });
  if (!failed.ok()) return failed.error();
  return total;
}

Result<TransactionDetails> read_transaction_details(pugi::xml_node transaction,
                                                    PartContext& context, Currency currency) {
  TransactionDetails out;
  sdk::PaymentDetails& d = out.details;

  const pugi::xml_node amount = child(transaction, "Amt")
                                    ? child(transaction, "Amt")
                                    : descend(transaction, {"AmtDtls", "TxAmt", "Amt"});
  if (amount) {
    Result<Money> value = read_amount(amount, context, currency);
    if (!value) return value.error();
    out.amount = *value;
  }
  if (child(transaction, "CdtDbtInd")) {
    Result<bool> credit = read_credit(transaction, context);
    if (!credit) return credit.error();
    out.credit = *credit;
  }
  if (pugi::xml_node instructed = descend(transaction, {"AmtDtls", "InstdAmt", "Amt"})) {
    Result<Money> value = read_amount(instructed, context, currency);
    if (!value) return value.error();
    out.instructed = *value;
  }
  Result<std::optional<Money>> charges = read_charges(transaction, context, currency);
  if (!charges) return charges.error();
  out.charges = *charges;

  const pugi::xml_node refs = child(transaction, "Refs");
  d.end_to_end_id = context.text(child(refs, "EndToEndId"));
  d.mandate_id = context.text(child(refs, "MndtId"));
  d.bank_reference = context.text(child(refs, "AcctSvcrRef"));

  const pugi::xml_node parties = child(transaction, "RltdPties");
  const pugi::xml_node agents = child(transaction, "RltdAgts");
  out.debtor = side(parties, agents, "Dbtr", "DbtrAcct", "DbtrAgt", context);
  out.creditor = side(parties, agents, "Cdtr", "CdtrAcct", "CdtrAgt", context);
  d.ultimate_debtor = party_name(child(parties, "UltmtDbtr"), context);
  d.ultimate_creditor = party_name(child(parties, "UltmtCdtr"), context);
  d.creditor_id = creditor_id(transaction, parties, context);

  const pugi::xml_node remittance = child(transaction, "RmtInf");
  for_each_child(remittance, "Ustrd",
                 [&](pugi::xml_node line) { append(d.remittance, context.text(line)); });
  for_each_child(remittance, "Strd", [&](pugi::xml_node structured) {
    for_each_child(structured, "CdtrRefInf", [&](pugi::xml_node reference) {
      // "CdtrRef" in camt.05x.001.01, "Ref" after.
      pugi::xml_node ref = child(reference, "Ref");
      if (!ref) ref = child(reference, "CdtrRef");
      append_distinct(d.creditor_reference, context.text(ref));
    });
    for_each_child(structured, "AddtlRmtInf",
                   [&](pugi::xml_node line) { append(d.remittance, context.text(line)); });
  });

  if (pugi::xml_node returned = child(transaction, "RtrInf")) {
    out.returned = true;
    pugi::xml_node reason = child(returned, "Rsn");
    if (!reason) reason = child(returned, "RtrRsn");  // camt.05x.001.01
    d.return_reason = context.text(child(reason, "Cd"));
    if (d.return_reason.empty()) d.return_reason = context.text(child(reason, "Prtry"));
  }
  d.bank_transaction_code = read_bank_transaction_code(child(transaction, "BkTxCd"), context);
  return out;
}

}  // namespace kontor::plugins::camt
