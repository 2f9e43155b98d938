// mt940-rs's expected results (serde JSON, one object per message) against ours.
#include <fstream>

#include "mt940_peer_adapters.hpp"

namespace kontor::testing::mt940_fixtures {
namespace {

json or_null(const json& object, const char* key) {
  return object.is_object() && object.contains(key) ? object[key] : json();
}

// "Debit" balances and lines are money out; "ReverseCredit" too, "ReverseDebit" is money in.
std::string signed_amount(const json& amount, const std::string& indicator) {
  const std::string value = amount.get<std::string>();
  const bool out = indicator == "Debit" || indicator == "ReverseCredit";
  return out ? "-" + value : value;
}

void compare_balance(const json& expected, const json& ours, const std::string& field,
                     const std::string& where, Comparison& comparison) {
  if (expected.is_null()) {
    comparison.same(field, where, ours.is_null(), ours.dump(), "null");
    return;
  }
  if (!ours.is_object()) {
    comparison.same(field, where, false, "null", expected.dump());
    return;
  }
  comparison.amount(field + ".amount", where, ours["amount"],
                    json(signed_amount(expected["amount"], expected["debit_credit_indicator"])));
  comparison.text(field + ".date", where, ours["date"], expected["date"]);
}

void compare_information(const json& information, const json& entry, const std::string& where,
                         Comparison& comparison) {
  if (information.is_string()) {
    comparison.within("information_to_account_owner", where, entry["remittance"], information);
    return;
  }
  if (!information.is_object()) return;
  comparison.text("transaction_code", where, entry["bank_code"],
                  or_null(information, "transaction_code"));
  comparison.squeezed("posting_text", where, entry["additional_info"],
                      or_null(information, "posting_text"));
  const json& counterparty = entry["counterparty"];
  comparison.text("applicant_bin", where, counterparty["bic"],
                  or_null(information, "applicant_bin"));
  comparison.text("applicant_iban", where,
                  counterparty["iban"].is_null() ? counterparty["account"] : counterparty["iban"],
                  or_null(information, "applicant_iban"));
  comparison.squeezed("applicant_name", where, counterparty["name"],
                      or_null(information, "applicant_name"));
  // The purpose is kept raw (with SEPA keywords); ours is taken from it.
  std::string purpose =
      or_null(information, "purpose").is_string() ? information["purpose"].get<std::string>() : "";
  if (or_null(information, "additional_purpose").is_string()) {
    purpose += information["additional_purpose"].get<std::string>();
  }
  comparison.within("purpose", where, entry["remittance"], json(purpose));
}

}  // namespace

void compare_mt940_rs(const std::filesystem::path& expected_file, Comparison& comparison) {
  std::ifstream in(expected_file);
  const json expected = json::parse(in);
  comparison.sanitize_like_mt940_rs();
  const std::vector<const json*> statements = statements_of(comparison.run().out);
  comparison.same("messages", "number of statements", statements.size() == expected.size(),
                  std::to_string(statements.size()), std::to_string(expected.size()));
  for (std::size_t s = 0; s < expected.size() && s < statements.size(); ++s) {
    const json& message = expected[s];
    const json& statement = *statements[s];
    const std::string where = "statement " + std::to_string(s);
    comparison.text("transaction_ref_no", where, statement["id"], message["transaction_ref_no"]);
    comparison.same("account_id", where,
                    same_account(statement["account"], message["account_id"].get<std::string>()),
                    statement["account"].dump(), message["account_id"].get<std::string>());
    std::string number = message["statement_no"].get<std::string>();
    if (message["sequence_no"].is_string())
      number += "/" + message["sequence_no"].get<std::string>();
    comparison.text("statement_no/sequence_no", where, statement["sequence"], json(number));
    compare_balance(message["opening_balance"], statement["opening_balance"], "opening_balance",
                    where, comparison);
    compare_balance(message["closing_balance"], statement["closing_balance"], "closing_balance",
                    where, comparison);
    if (message["opening_balance"].is_object()) {
      comparison.currency("opening_balance.iso_currency_code", where,
                          statement["account"]["currency"],
                          message["opening_balance"]["iso_currency_code"].get<std::string>());
    }

    const json& lines = message["statement_lines"];
    const json& entries = statement["entries"];
    comparison.same("statement_lines", where + " number of entries", lines.size() == entries.size(),
                    std::to_string(entries.size()), std::to_string(lines.size()));
    for (std::size_t e = 0; e < lines.size() && e < entries.size(); ++e) {
      const json& line = lines[e];
      const json& entry = entries[e];
      const std::string at = where + " entry " + std::to_string(e);
      const std::string indicator = line["ext_debit_credit_indicator"];
      comparison.amount("amount", at, entry["amount"],
                        json(signed_amount(line["amount"], indicator)));
      comparison.same("ext_debit_credit_indicator", at,
                      entry["reversal"].get<bool>() == indicator.starts_with("Reverse"),
                      entry["reversal"].dump(), indicator);
      comparison.text("value_date", at, entry["value_date"], line["value_date"]);
      if (line["entry_date"].is_string()) {
        comparison.text("entry_date", at, entry["booking_date"], line["entry_date"]);
      }
      // The peer keeps the 16 characters of the field with their trailing blanks.
      json customer = line["customer_ref"];
      if (customer.is_string()) {
        std::string trimmed = customer;
        while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
        customer = trimmed;
      }
      if (customer != "KREF+") {
        comparison.text("customer_ref", at, entry["owner_ref"],
                        customer == "NONREF" ? json() : customer);
      }
      const json bank = line["bank_ref"];
      comparison.text("bank_ref", at, entry["entry_ref"], bank == "NONREF" ? json() : bank);
      compare_information(line["information_to_account_owner"], entry, at, comparison);
    }
  }
}

}  // namespace kontor::testing::mt940_fixtures
