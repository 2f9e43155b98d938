#include "engine/import_statements.hpp"

#include <fmt/format.h>

#include "config/company_section.hpp"
#include "engine/document_intake.hpp"
#include "engine/statement_import.hpp"
#include "kontor/model/identifier_text.hpp"

namespace kontor::engine {
namespace {

// A German IBAN is DE, two check digits, the 8-digit bank code and the 10-digit account number:
// MT940 files of German banks name the account as "BLZ/account" in :25:, with or without the
// account number's leading zeros.
void add_account(CompanyAccounts& accounts, const std::string& iban) {
  accounts.emplace(iban, iban);
  if (iban.size() != 22 || !iban.starts_with("DE")) return;
  const std::string bank_code = iban.substr(4, 8);
  std::string number = iban.substr(12);
  accounts.emplace(bank_code + "/" + number, iban);
  number.erase(0, number.find_first_not_of('0'));
  if (!number.empty()) accounts.emplace(bank_code + "/" + number, iban);
}

class ImportStatements final : public Engine {
 public:
  Status run(JobContext& context) override {
    const config::ConfigNode* section = context.config.root.find("company");
    if (section == nullptr) return Error{"no company section: no bank accounts to import"};
    const Company company = config::company_of(*section);
    if (company.bank_accounts.empty()) {
      context.report.warnings.push_back(
          "company.bank_accounts lists no account: every statement is skipped");
    }
    CompanyAccounts accounts;
    for (const CompanyBankAccount& account : company.bank_accounts) {
      add_account(accounts, account.iban.electronic());
    }
    // Bank CSV exports often do not name the account: `with: {account: IBAN}` does.
    if (const config::ConfigNode* named = context.job.with.find("account")) {
      const std::string iban = compact_identifier(named->text(), " ").text;
      if (company.bank_account(iban) == nullptr) {
        return Error{"with.account " + named->text() + " is not one of company.bank_accounts"};
      }
      accounts.emplace("", iban);
    }
    StatementCounts totals;
    DocumentIntake intake(context);
    auto counts = intake.run([&](store::Transaction& tx, const IncomingDocument& document) {
      return std::make_unique<StatementFileImport>(tx, document, accounts, context.report, totals);
    });
    if (!counts) return counts.error();
    context.report.counts = {{"files_imported", counts->imported},
                             {"files_known", counts->already_known},
                             {"files_refused", counts->rejected},
                             {"statements_new", totals.statements_new},
                             {"statements_known", totals.statements_known},
                             {"statements_other_accounts", totals.statements_skipped},
                             {"transactions_new", totals.transactions_new},
                             {"transactions_known", totals.transactions_known},
                             {"warnings", totals.warnings}};
    context.report.facts.push_back(fmt::format(
        "{} file{} imported, {} known before, {} refused; {} statements new, {} known before, "
        "{} of other accounts; {} transactions new, {} already there; {} warnings",
        counts->imported, counts->imported == 1 ? "" : "s", counts->already_known, counts->rejected,
        totals.statements_new, totals.statements_known, totals.statements_skipped,
        totals.transactions_new, totals.transactions_known, totals.warnings));
    return {};
  }
};

}  // namespace

EngineRegistration import_statements_engine() {
  using namespace config;
  EngineRegistration registration;
  registration.declaration.id = "import_statements";
  registration.declaration.summary =
      "Imports the bank statements of company.bank_accounts, every booking exactly once.";
  registration.declaration.needs_inputs = true;
  registration.declaration.with = section({
      optional("account", string_value(),
               "The IBAN (one of company.bank_accounts) of statements that name no account, "
               "such as bank CSV exports without it."),
  });
  registration.create = [] { return std::make_unique<ImportStatements>(); };
  return registration;
}

}  // namespace kontor::engine
