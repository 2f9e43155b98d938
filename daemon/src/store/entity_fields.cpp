#include "store/entity_fields.hpp"

namespace kontor::store {
namespace {

std::string yes_no(bool value) {
  return value ? "true" : "false";
}

std::string optional_date(const std::optional<Date>& date) {
  return date ? date->to_iso() : "";
}

std::string block_text(const std::optional<DunningBlock>& block) {
  if (!block) return "none";
  return block->until ? "until " + block->until->to_iso() : "indefinite";
}

}  // namespace

Fields customer_fields(const Customer& c) {
  std::string ibans;
  for (const Iban& iban : c.ibans) {
    if (!ibans.empty()) ibans += ' ';
    ibans += iban.electronic();
  }
  return {
      {"number", c.number},
      {"name", c.name},
      {"street", c.address.street},
      {"postcode", c.address.postcode},
      {"city", c.address.city},
      {"country", c.address.country},
      {"email", c.email},
      {"language", c.language},
      {"kind", std::string(to_string(c.kind))},
      {"preferred_delivery",
       c.preferred_delivery ? std::string(to_string(*c.preferred_delivery)) : ""},
      {"ibans", ibans},
      {"dunning_block", block_text(c.dunning_block)},
      {"dunning_block_reason", c.dunning_block ? c.dunning_block->reason : ""},
  };
}

Fields open_item_fields(const OpenItem& item) {
  std::string tax_lines;
  for (const TaxLine& line : item.tax_lines) {
    if (!tax_lines.empty()) tax_lines += "; ";
    tax_lines += line.rate.to_string() + "%: " + line.net.format() + " + " + line.tax.format() +
                 " = " + line.gross.format();
  }
  return {
      {"number", item.number},
      {"customer", item.customer_number},
      {"type", std::string(to_string(item.type))},
      {"issue_date", optional_date(item.issue_date)},
      {"due_date", item.due_date.to_iso()},
      {"due_date_agreed", yes_no(item.due_date_agreed)},
      {"dunning_notice_on_invoice", yes_no(item.dunning_notice_on_invoice)},
      {"currency", std::string(item.gross.currency().code())},
      {"gross", item.gross.format()},
      {"tax_lines", tax_lines},
      {"rf_reference", item.rf_reference ? item.rf_reference->electronic() : ""},
      {"skonto", item.skonto
                     ? item.skonto->percent.to_string() + "% until " + item.skonto->until.to_iso()
                     : ""},
      {"dunning_block", block_text(item.dunning_block)},
      {"dunning_block_reason", item.dunning_block ? item.dunning_block->reason : ""},
      {"refers_to", item.refers_to},
      {"notice_number", item.notice_number},
      {"debtor_account", item.debtor_account},
      {"document_path", item.document_path},
      {"settled_externally", yes_no(item.settled_externally)},
  };
}

Fields bank_transaction_fields(const BankTransaction& t) {
  return {
      {"identity", t.identity},
      {"account", t.account},
      {"statement_id", t.statement_id},
      {"statement_sequence", t.statement_sequence},
      {"booking_date", t.booking_date.to_iso()},
      {"value_date", optional_date(t.value_date)},
      {"currency", std::string(t.amount.currency().code())},
      {"amount", t.amount.format()},
      {"counterparty_name", t.counterparty_name},
      {"counterparty_account", t.counterparty_account},
      {"counterparty_bic", t.counterparty_bic},
      {"remittance", t.remittance},
      {"end_to_end_id", t.end_to_end_id},
      {"mandate_id", t.mandate_id},
      {"creditor_id", t.creditor_id},
      {"bank_reference", t.bank_reference},
      {"bank_transaction_code", t.bank_transaction_code},
      {"return_reason", t.return_reason},
      {"status", std::string(to_string(t.status))},
      {"provisional", yes_no(t.provisional)},
      {"batch_position", std::to_string(t.batch_position)},
      {"entry_amount", (t.entry_amount ? *t.entry_amount : t.amount).format()},
      {"is_return", yes_no(t.is_return)},
  };
}

}  // namespace kontor::store
