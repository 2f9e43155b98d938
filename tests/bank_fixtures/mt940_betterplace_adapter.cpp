// betterplace/mt940_parser's expected results (Ruby YAML: one object per tag, messages as lists)
// against ours. Its objects are compared in file order with ours: each AccountBalance with the
// next statement's opening balance, each StatementLine with the next entry, its
// StatementLineInformation with that entry's details.
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

std::string kind_of(const YAML::Node& node) {
  const std::string tag = node.Tag();
  const std::size_t colons = tag.rfind("::");
  return colons == std::string::npos ? tag : tag.substr(colons + 2);
}

// Cents, as the peer counts, as a decimal; the sign from the mark (:debit, :return_credit are
// money out).
std::string amount_of(const YAML::Node& node, const std::string& mark) {
  std::string cents = node["amount"].Scalar();
  while (cents.size() < 3) cents.insert(0, "0");
  const std::string value =
      cents.substr(0, cents.size() - 2) + "." + cents.substr(cents.size() - 2);
  const bool out = mark == ":debit" || mark == ":return_credit";
  return out ? "-" + value : value;
}

void compare_balance(const YAML::Node& node, const json& ours, const std::string& field,
                     const std::string& where, Comparison& comparison) {
  if (!ours.is_object()) {
    comparison.same(field, where, false, "null", node["content"].Scalar());
    return;
  }
  comparison.amount(field, where, ours["amount"], json(amount_of(node, node["sign"].Scalar())));
  comparison.text(field + ".date", where, ours["date"], text_of(node["date"]));
}

void compare_information(const YAML::Node& node, const json& entry, const std::string& where,
                         Comparison& comparison) {
  // The GVC as a number ("079" is 79); the peer reads a GVC without subfields as 0.
  const int code = absent(node["code"]) ? 0 : node["code"].as<int>();
  if (code != 0) {
    char gvc[8];
    std::snprintf(gvc, sizeof gvc, "%03d", code);
    comparison.text("code", where, entry["bank_code"], json(gvc));
  }
  comparison.squeezed("transaction_description", where, entry["additional_info"],
                      text_of(node["transaction_description"]));
  comparison.within("details", where, entry["remittance"], text_of(node["details"]));
  const json& counterparty = entry["counterparty"];
  comparison.within("account_holder", where, counterparty["name"], text_of(node["account_holder"]));
  comparison.text("bank_code", where, counterparty["bic"], text_of(node["bank_code"]));
  comparison.text("account_number", where,
                  counterparty["iban"].is_null() ? counterparty["account"] : counterparty["iban"],
                  text_of(node["account_number"]));
}

}  // namespace

void compare_betterplace(const std::filesystem::path& expected, Comparison& comparison) {
  const YAML::Node root = YAML::LoadFile(expected.string());
  const json& out = comparison.run().out;
  const std::vector<const json*> statements = statements_of(out);
  const std::vector<const json*> entries = entries_of(out);
  std::size_t jobs = 0, accounts = 0, sequences = 0, openings = 0, closings = 0, lines = 0;
  // The statements that have an opening (closing) balance, in order.
  std::vector<const json*> with_opening, with_closing;
  for (const json* statement : statements) {
    if ((*statement)["opening_balance"].is_object()) with_opening.push_back(statement);
    if ((*statement)["closing_balance"].is_object()) with_closing.push_back(statement);
  }
  const json* entry = nullptr;
  for (const YAML::Node& message : root) {
    bool entry_in_message = false;
    for (const YAML::Node& node : message) {
      const std::string kind = kind_of(node);
      if (kind == "Job") {
        const std::string where = "statement " + std::to_string(jobs);
        if (jobs < statements.size()) {
          comparison.text("Job.reference", where, (*statements[jobs])["id"],
                          text_of(node["reference"]));
        } else {
          comparison.same("Job", where, false, "(none)", node["reference"].Scalar());
        }
        ++jobs;
      } else if (kind == "AccountIdentification") {
        const std::string where = "account " + std::to_string(accounts);
        const std::string peer = node["account_identifier"].Scalar();
        comparison.same(
            "AccountIdentification", where,
            accounts < statements.size() && same_account((*statements[accounts])["account"], peer),
            accounts < statements.size() ? (*statements[accounts])["account"].dump() : "(none)",
            peer);
        ++accounts;
      } else if (kind == "Statement") {
        const std::string where = "statement " + std::to_string(sequences);
        comparison.text(
            "Statement.content", where,
            sequences < statements.size() ? (*statements[sequences])["sequence"] : json(),
            text_of(node["content"]));
        ++sequences;
      } else if (kind == "AccountBalance") {
        const std::string where = "opening balance " + std::to_string(openings);
        compare_balance(
            node,
            openings < with_opening.size() ? (*with_opening[openings])["opening_balance"] : json(),
            "AccountBalance", where, comparison);
        if (openings < with_opening.size()) {
          comparison.currency("AccountBalance.currency", where,
                              (*with_opening[openings])["account"]["currency"],
                              node["currency"].Scalar());
        }
        ++openings;
      } else if (kind == "ClosingBalance") {
        const std::string where = "closing balance " + std::to_string(closings);
        compare_balance(
            node,
            closings < with_closing.size() ? (*with_closing[closings])["closing_balance"] : json(),
            "ClosingBalance", where, comparison);
        ++closings;
      } else if (kind == "StatementLine") {
        const std::string where = "entry " + std::to_string(lines);
        entry = lines < entries.size() ? entries[lines] : nullptr;
        entry_in_message = entry != nullptr;
        ++lines;
        if (entry == nullptr) continue;
        const std::string mark = node["funds_code"].Scalar();
        comparison.amount("StatementLine.amount", where, (*entry)["amount"],
                          json(amount_of(node, mark)));
        comparison.same("StatementLine.funds_code", where,
                        (*entry)["reversal"].get<bool>() == mark.starts_with(":return_"),
                        (*entry)["reversal"].dump(), mark);
        comparison.text("StatementLine.date", where, (*entry)["value_date"], text_of(node["date"]));
        if (!absent(node["entry_date"])) {
          comparison.text("StatementLine.entry_date", where, (*entry)["booking_date"],
                          text_of(node["entry_date"]));
        }
        const json reference = text_of(node["reference"]);
        if (reference != "KREF+") {
          comparison.text("StatementLine.reference", where, (*entry)["owner_ref"],
                          reference == "NONREF" ? json() : reference);
        }
        comparison.text("StatementLine.transaction_description", where, (*entry)["entry_ref"],
                        text_of(node["transaction_description"]));
      } else if (kind == "StatementLineInformation" && entry_in_message) {
        compare_information(node, *entry, "entry " + std::to_string(lines - 1), comparison);
        entry_in_message = false;
      }
    }
  }
  comparison.same("StatementLine", "number of entries", lines == entries.size(),
                  std::to_string(entries.size()), std::to_string(lines));
  comparison.same("Job", "number of statements with :20:", jobs <= statements.size(),
                  std::to_string(statements.size()), std::to_string(jobs));
}

}  // namespace kontor::testing::mt940_fixtures
