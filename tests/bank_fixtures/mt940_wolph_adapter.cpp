// WoLpH/mt940's expected results (PyYAML dumps of mt940.models objects) against ours.
#include <yaml-cpp/yaml.h>

#include <cstdio>

#include "mt940_peer_adapters.hpp"

namespace kontor::testing::mt940_fixtures {
namespace {

bool absent(const YAML::Node& node) {
  return !node || node.IsNull();
}

json text_of(const YAML::Node& node) {
  return absent(node) ? json() : json(node.Scalar());
}

// mt940.models.Date: a sequence holding a !!binary pickle of datetime.date: year (2 bytes,
// big-endian), month, day.
std::string date_of(const YAML::Node& node) {
  if (absent(node) || !node.IsSequence() || node.size() == 0) return "";
  const std::vector<unsigned char> bytes = YAML::DecodeBase64(node[0].Scalar());
  if (bytes.size() < 4) return "";
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", bytes[0] * 256 + bytes[1], bytes[2], bytes[3]);
  return text;
}

// mt940.models.Amount: {amount: Decimal ['-12.30'], currency}.
std::string amount_of(const YAML::Node& amount) {
  if (absent(amount) || absent(amount["amount"])) return "";
  const YAML::Node decimal = amount["amount"];
  return decimal.IsSequence() ? decimal[0].Scalar() : decimal.Scalar();
}

// Whether one of our statements has this balance as its opening (or closing).
void balance_among(const YAML::Node& balance, const char* ours_key, const std::string& field,
                   const std::vector<const json*>& statements, Comparison& comparison) {
  if (absent(balance)) return;
  const std::string amount = canonical_decimal(amount_of(balance["amount"]));
  const std::string date = date_of(balance["date"]);
  bool found = false;
  for (const json* statement : statements) {
    const json& ours = (*statement)[ours_key];
    found = found || (ours.is_object() && canonical_decimal(ours["amount"]) == amount &&
                      ours["date"] == date);
  }
  comparison.same(field, std::string("a statement's ") + ours_key, found, "(none)",
                  amount + " on " + date);
}

// The last of our statements' values at `key` that is not null.
json last_of(const std::vector<const json*>& statements, const char* key) {
  json last;
  for (const json* statement : statements) {
    if (!(*statement)[key].is_null()) last = (*statement)[key];
  }
  return last;
}

void compare_statement_data(const YAML::Node& data, Comparison& comparison) {
  const std::vector<const json*> statements = statements_of(comparison.run().out);
  if (!absent(data["transaction_reference"])) {
    comparison.text("transaction_reference", "last statement id", last_of(statements, "id"),
                    text_of(data["transaction_reference"]));
  }
  if (!absent(data["account_identification"])) {
    json account;
    for (const json* statement : statements) {
      const json& candidate = (*statement)["account"];
      if (!candidate["iban"].is_null() || !candidate["number"].is_null()) account = candidate;
    }
    comparison.same(
        "account_identification", "last statement account",
        account.is_object() && same_account(account, data["account_identification"].Scalar()),
        account.dump(), data["account_identification"].Scalar());
  }
  if (!absent(data["statement_number"])) {
    // The peer splits a :28: of ten digits into two of five; ours is the text as written.
    const json ours = last_of(statements, "sequence");
    std::string number = data["statement_number"].Scalar();
    if (!absent(data["sequence_number"])) {
      const bool slash = ours.is_string() && ours.get<std::string>().find('/') != std::string::npos;
      number += (slash ? "/" : "") + data["sequence_number"].Scalar();
    }
    comparison.text("statement_number", "last statement sequence", ours, json(number));
  }
  balance_among(data["final_opening_balance"], "opening_balance", "final_opening_balance",
                statements, comparison);
  balance_among(data["intermediate_opening_balance"], "opening_balance",
                "intermediate_opening_balance", statements, comparison);
  balance_among(data["final_closing_balance"], "closing_balance", "final_closing_balance",
                statements, comparison);
  balance_among(data["intermediate_closing_balance"], "closing_balance",
                "intermediate_closing_balance", statements, comparison);
}

void compare_transaction(const YAML::Node& data, const json& entry, const std::string& where,
                         Comparison& comparison) {
  const std::string status = absent(data["status"]) ? "" : data["status"].Scalar();
  std::string amount = amount_of(data["amount"]);
  // The peer writes RC (reversal of a credit: money out) positive; RD is money in.
  if (status == "RC" && !amount.empty() && amount[0] != '-') amount = "-" + amount;
  if (status == "RD" && !amount.empty() && amount[0] == '-') amount.erase(0, 1);
  comparison.amount("amount", where, entry["amount"], json(amount));
  comparison.same("status", where,
                  entry["reversal"].get<bool>() == (!status.empty() && status[0] == 'R'),
                  entry["reversal"].dump(), status);
  if (!absent(data["currency"])) {
    comparison.currency("currency", where, entry["currency"], data["currency"].Scalar());
  }
  comparison.text("date", where, entry["value_date"], json(date_of(data["date"])));
  if (!absent(data["entry_date"])) {
    comparison.text("entry_date", where, entry["booking_date"], json(date_of(data["entry_date"])));
  }
  // For a German :86: the peer puts its KREF+ there instead of the :61: reference; it keeps the
  // field's 16 characters with their trailing blanks.
  json customer = text_of(data["customer_reference"]);
  if (customer.is_string()) {
    std::string trimmed = customer;
    while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
    customer = trimmed;
  }
  if (customer != "KREF+" && !data["transaction_code"]) {
    comparison.text("customer_reference", where, entry["owner_ref"],
                    customer == "NONREF" ? json() : customer);
  }
  const json bank = text_of(data["bank_reference"]);
  comparison.text("bank_reference", where, entry["entry_ref"], bank == "NONREF" ? json() : bank);

  if (data["transaction_code"]) {  // the German :86: was taken apart
    comparison.text("transaction_code", where, entry["bank_code"],
                    text_of(data["transaction_code"]));
    comparison.squeezed("posting_text", where, entry["additional_info"],
                        text_of(data["posting_text"]));
    std::string purpose = absent(data["purpose"]) ? "" : data["purpose"].Scalar();
    if (!absent(data["additional_purpose"])) purpose += data["additional_purpose"].Scalar();
    comparison.squeezed("purpose", where, entry["remittance"], json(purpose));
    comparison.squeezed("applicant_name", where, entry["counterparty"]["name"],
                        text_of(data["applicant_name"]));
    const json& counterparty = entry["counterparty"];
    comparison.text("applicant_iban", where,
                    counterparty["iban"].is_null() ? counterparty["account"] : counterparty["iban"],
                    text_of(data["applicant_iban"]));
    comparison.text("applicant_bin", where, counterparty["bic"], text_of(data["applicant_bin"]));
    const std::pair<const char*, const char*> sepa[] = {
        {"end_to_end_reference", "end_to_end_id"},  {"additional_position_reference", "mandate_id"},
        {"applicant_creditor_id", "creditor_id"},   {"deviate_applicant", "ultimate_debtor"},
        {"deviate_recipient", "ultimate_creditor"},
    };
    for (const auto& [peer, ours] : sepa) {
      if (data[peer]) comparison.squeezed(peer, where, entry[ours], text_of(data[peer]));
    }
  } else if (!absent(data["transaction_details"])) {
    comparison.within("transaction_details", where, entry["remittance"],
                      text_of(data["transaction_details"]));
  }
}

}  // namespace

void compare_wolph(const std::filesystem::path& expected, Comparison& comparison) {
  const YAML::Node root = YAML::Load(yaml_for_yaml_cpp(expected));
  compare_statement_data(root["data"], comparison);
  const YAML::Node transactions = root["transactions"];
  const std::vector<const json*> entries = entries_of(comparison.run().out);
  const std::size_t count = absent(transactions) ? 0 : transactions.size();
  comparison.same("transactions", "number of entries", entries.size() == count,
                  std::to_string(entries.size()), std::to_string(count));
  for (std::size_t i = 0; i < count && i < entries.size(); ++i) {
    compare_transaction(transactions[i]["data"], *entries[i], "entry " + std::to_string(i),
                        comparison);
  }
}

}  // namespace kontor::testing::mt940_fixtures
