// The `.facts.yml` written for this corpus (facts read off cmxl, php-mt940, jejik-mt940,
// hbci4java and mt940-rs assertions) against ours.
//
// Expected errors: issue 7 item 4 wants the lenient result where a peer is strict, and the
// strict error as a warning of that kind. The kinds map onto our codes as follows; a file the
// peer rejects because it is no statement at all must be refused.
#include <yaml-cpp/yaml.h>

#include <set>

#include "mt940_peer_adapters.hpp"

namespace kontor::testing::mt940_fixtures {
namespace {

bool absent(const YAML::Node& node) {
  return !node || node.IsNull();
}

json text_of(const YAML::Node& node) {
  return absent(node) ? json() : json(node.Scalar());
}

// The warning codes that stand for a strict peer's error kind.
std::set<std::string> codes_for(const std::string& kind) {
  if (kind == "unknown_tag") return {"unknown_tag"};
  if (kind == "unexpected_tag") return {"unexpected_tag"};
  if (kind == "date_out_of_range") return {"invalid_date"};
  // The SWIFT syntax rules we read through: a :86: over 6x65 characters, a :61: without
  // customer reference, an amount without decimal comma.
  if (kind == "syntax_error") return {"field_too_long", "missing_reference", "amount_format"};
  return {};  // kind not named: any warning
}

std::vector<std::string> warning_codes(const json& out) {
  std::vector<std::string> codes;
  for (const json* statement : statements_of(out)) {
    for (const json& warning : (*statement)["warnings"]) codes.push_back(warning["code"]);
  }
  return codes;
}

void compare_expected_error(const YAML::Node& root, Comparison& comparison) {
  const ParseRun& run = comparison.run();
  const YAML::Node strict = root["strict_expect_error"];
  if (strict) {
    const std::string kind = strict.IsMap() ? strict["kind"].Scalar() : "";
    if (kind == "required_tag_missing") {
      comparison.same("strict_expect_error", "exit status", run.status == 1,
                      std::to_string(run.status), "1 (refused)");
      return;
    }
    comparison.same("strict_expect_error", "exit status", run.status == 0,
                    std::to_string(run.status), "0 (read leniently)");
    const std::set<std::string> wanted = codes_for(kind);
    bool found = false;
    for (const std::string& code : warning_codes(run.out)) {
      found = found || wanted.empty() || wanted.count(code) > 0;
    }
    comparison.same("strict_expect_error", "warnings", found, json(warning_codes(run.out)).dump(),
                    kind.empty() ? "a warning" : "a warning for " + kind);
  }
  if (!absent(root["expect_error"]) && root["expect_error"].as<bool>()) {
    // The lenient result is compared through the other peer's file; here: read, with warnings.
    comparison.same("expect_error", "exit status and warnings",
                    run.status == 0 && !warning_codes(run.out).empty(),
                    std::to_string(run.status) + " " + json(warning_codes(run.out)).dump(),
                    "read with warnings");
  }
  if (!absent(root["utf8_decode_must_fail"])) {
    bool assumed = false;
    for (const std::string& code : warning_codes(run.out)) assumed |= code == "encoding_assumed";
    comparison.same("utf8_decode_must_fail", "warnings", assumed,
                    json(warning_codes(run.out)).dump(), "encoding_assumed");
  }
  if (!absent(root["must_parse"])) {
    comparison.same("must_parse", "exit status", run.status == 0, std::to_string(run.status), "0");
  }
}

// Cents of a decimal with up to two decimals, for closing minus opening.
long long cents(const std::string& decimal) {
  const std::string canonical = canonical_decimal(decimal);
  const bool negative = canonical.starts_with("-");
  std::string digits = negative ? canonical.substr(1) : canonical;
  std::string fraction;
  if (const std::size_t point = digits.find('.'); point != std::string::npos) {
    fraction = digits.substr(point + 1);
    digits = digits.substr(0, point);
  }
  fraction.resize(2, '0');
  const long long value = std::stoll(digits) * 100 + std::stoll(fraction);
  return negative ? -value : value;
}

// statements[i] or entries[i] of a facts list: index N or "last".
const json* pick(const std::vector<const json*>& all, const YAML::Node& index) {
  if (all.empty()) return nullptr;
  if (index.Scalar() == "last") return all.back();
  const std::size_t i = index.as<std::size_t>();
  return i < all.size() ? all[i] : nullptr;
}

void compare_balance(const YAML::Node& fact, const json& ours, const std::string& field,
                     const std::string& where, Comparison& comparison) {
  if (!ours.is_object()) {
    comparison.same(field, where, false, "null", "a balance");
    return;
  }
  comparison.amount(field + ".amount", where, ours["amount"], text_of(fact["amount"]));
  if (fact["date"]) comparison.text(field + ".date", where, ours["date"], text_of(fact["date"]));
}

void compare_transaction(const YAML::Node& fact, const json& entry, const std::string& where,
                         Comparison& comparison) {
  const json& counterparty = entry["counterparty"];
  const json account =
      counterparty["iban"].is_null() ? counterparty["account"] : counterparty["iban"];
  if (fact["amount"]) {
    // php-mt940 asserts a debit's price unsigned (Penta); the mark says which way it went.
    std::string amount = fact["amount"].Scalar();
    if (fact["debit_credit"] && fact["debit_credit"].Scalar() == "D" && !amount.starts_with("-")) {
      amount.insert(0, "-");
    }
    comparison.amount("amount", where, entry["amount"], json(amount));
  }
  if (fact["debit_credit"]) {
    const bool debit = fact["debit_credit"].Scalar() == "D";
    comparison.same("debit_credit", where,
                    entry["amount"].get<std::string>().starts_with("-") == debit, entry["amount"],
                    fact["debit_credit"].Scalar());
  }
  if (fact["debit_credit_mark"]) {
    comparison.same(
        "debit_credit_mark", where,
        entry["reversal"].get<bool>() == fact["debit_credit_mark"].Scalar().starts_with("R"),
        entry["reversal"].dump(), fact["debit_credit_mark"].Scalar());
  }
  if (fact["reversal"]) {
    comparison.same("reversal", where, entry["reversal"].get<bool>() == fact["reversal"].as<bool>(),
                    entry["reversal"].dump(), fact["reversal"].Scalar());
  }
  if (fact["value_date"]) {
    comparison.text("value_date", where, entry["value_date"], text_of(fact["value_date"]));
  }
  for (const char* key : {"booking_date", "entry_date"}) {
    if (!absent(fact[key])) comparison.text(key, where, entry["booking_date"], text_of(fact[key]));
  }
  if (fact["customer_reference"]) {
    const json reference = text_of(fact["customer_reference"]);
    if (reference != "KREF+") {
      comparison.text("customer_reference", where, entry["owner_ref"],
                      reference == "NONREF" ? json() : reference);
    }
  }
  if (fact["bank_reference"]) {
    comparison.text("bank_reference", where, entry["entry_ref"], text_of(fact["bank_reference"]));
  }
  if (!absent(fact["kref"]))
    comparison.text("kref", where, entry["owner_ref"], text_of(fact["kref"]));
  if (fact["gvc"]) comparison.text("gvc", where, entry["bank_code"], text_of(fact["gvc"]));
  if (fact["posting_text"]) {
    comparison.squeezed("posting_text", where, entry["additional_info"],
                        text_of(fact["posting_text"]));
  }
  if (fact["description"]) {
    // cmxl's description: the posting text ?00, or the text of an unstructured :86:.
    const json& ours =
        entry["additional_info"].is_null() ? entry["remittance"] : entry["additional_info"];
    comparison.squeezed("description", where, ours, text_of(fact["description"]));
  }
  if (fact["information"]) {
    comparison.within("information", where, entry["remittance"], text_of(fact["information"]));
  }
  if (fact["remittance_svwz"]) {
    comparison.squeezed("remittance_svwz", where, entry["remittance"],
                        text_of(fact["remittance_svwz"]));
  }
  if (fact["counterparty_name"]) {
    comparison.squeezed("counterparty_name", where, counterparty["name"],
                        text_of(fact["counterparty_name"]));
  }
  for (const char* key : {"counterparty_bic", "counterparty_bank_code", "bic"}) {
    if (fact[key]) comparison.text(key, where, counterparty["bic"], text_of(fact[key]));
  }
  for (const char* key : {"counterparty_iban", "counterparty_account"}) {
    if (fact[key]) comparison.text(key, where, account, text_of(fact[key]));
  }
  const std::pair<const char*, const char*> fields[] = {
      {"end_to_end_id", "end_to_end_id"}, {"mref", "mandate_id"}, {"creditor_id", "creditor_id"}};
  for (const auto& [peer, ours] : fields) {
    if (fact[peer]) comparison.text(peer, where, entry[ours], text_of(fact[peer]));
  }
  if (const YAML::Node sepa = fact["sepa"]; sepa && sepa.IsMap()) {
    const std::pair<const char*, const char*> keywords[] = {{"EREF", "end_to_end_id"},
                                                            {"MREF", "mandate_id"},
                                                            {"CRED", "creditor_id"},
                                                            {"SVWZ", "remittance"}};
    for (const auto& [peer, ours] : keywords) {
      const json expected = sepa[peer] ? text_of(sepa[peer]) : json();
      if (sepa.size() == 0 && std::string(ours) == "remittance") continue;  // no keywords
      comparison.squeezed(std::string("sepa.") + peer, where, entry[ours], expected);
    }
  }
}

void compare_statement(const YAML::Node& fact, const json& statement, const std::string& where,
                       Comparison& comparison) {
  if (fact["reference"])
    comparison.text("reference", where, statement["id"], text_of(fact["reference"]));
  for (const char* key : {"number", "statement_number"}) {
    if (fact[key]) comparison.text(key, where, statement["sequence"], text_of(fact[key]));
  }
  if (fact["account"]) {
    comparison.same("account", where, same_account(statement["account"], fact["account"].Scalar()),
                    statement["account"].dump(), fact["account"].Scalar());
  }
  if (fact["opening_balance"]) {
    compare_balance(fact["opening_balance"], statement["opening_balance"], "opening_balance", where,
                    comparison);
    if (fact["opening_balance"]["currency"]) {
      comparison.currency("opening_balance.currency", where, statement["account"]["currency"],
                          fact["opening_balance"]["currency"].Scalar());
    }
  }
  if (fact["closing_balance"]) {
    compare_balance(fact["closing_balance"], statement["closing_balance"], "closing_balance", where,
                    comparison);
  }
  if (fact["start_date"]) {
    comparison.text("start_date", where, statement["opening_balance"]["date"],
                    text_of(fact["start_date"]));
  }
  if (fact["end_date"]) {
    comparison.text("end_date", where, statement["closing_balance"]["date"],
                    text_of(fact["end_date"]));
  }
  if (fact["closing_minus_opening"]) {
    const bool both =
        statement["opening_balance"].is_object() && statement["closing_balance"].is_object();
    const long long difference = both ? cents(statement["closing_balance"]["amount"]) -
                                            cents(statement["opening_balance"]["amount"])
                                      : 0;
    comparison.same("closing_minus_opening", where,
                    both && difference == cents(fact["closing_minus_opening"].Scalar()),
                    std::to_string(difference), fact["closing_minus_opening"].Scalar());
  }
  if (fact["transaction_count"]) {
    comparison.same("transaction_count", where,
                    statement["entries"].size() == fact["transaction_count"].as<std::size_t>(),
                    std::to_string(statement["entries"].size()),
                    fact["transaction_count"].Scalar());
  }
  if (fact["is_mt942"]) {
    const bool mt942 = comparison.run().out["format"] == "mt942";
    comparison.same("is_mt942", where, mt942 == fact["is_mt942"].as<bool>(),
                    comparison.run().out["format"].dump(), fact["is_mt942"].Scalar());
  }
  if (const YAML::Node transactions = fact["transactions"]) {
    std::vector<const json*> entries;
    for (const json& entry : statement["entries"]) entries.push_back(&entry);
    for (const YAML::Node& transaction : transactions) {
      const std::string at = where + " entry " + transaction["index"].Scalar();
      const json* entry = pick(entries, transaction["index"]);
      if (entry == nullptr) {
        comparison.same("transactions", at, false, "(none)", "an entry");
        continue;
      }
      compare_transaction(transaction, *entry, at, comparison);
    }
  }
}

}  // namespace

void compare_facts(const std::filesystem::path& expected, Comparison& comparison) {
  const YAML::Node root = YAML::LoadFile(expected.string());
  compare_expected_error(root, comparison);
  const json& out = comparison.run().out;
  const std::vector<const json*> statements = statements_of(out);
  const std::vector<const json*> entries = entries_of(out);
  if (root["statement_count"]) {
    comparison.same("statement_count", "statements",
                    statements.size() == root["statement_count"].as<std::size_t>(),
                    std::to_string(statements.size()), root["statement_count"].Scalar());
  }
  for (const char* key : {"transaction_count_total", "transaction_count"}) {
    if (root[key]) {
      comparison.same(key, "entries", entries.size() == root[key].as<std::size_t>(),
                      std::to_string(entries.size()), root[key].Scalar());
    }
  }
  if (const YAML::Node required = root["every_transaction_has"]) {
    for (const YAML::Node& key : required) {
      for (const json* entry : entries) {
        comparison.same("every_transaction_has", key.Scalar(), !(*entry)[key.Scalar()].is_null(),
                        "null", "a value");
      }
    }
  }
  if (const YAML::Node facts = root["statements"]) {
    for (const YAML::Node& fact : facts) {
      const std::string where = "statement " + fact["index"].Scalar();
      const json* statement = pick(statements, fact["index"]);
      if (statement == nullptr) {
        comparison.same("statements", where, false, "(none)", "a statement");
        continue;
      }
      compare_statement(fact, *statement, where, comparison);
    }
  }
}

}  // namespace kontor::testing::mt940_fixtures
