#include "config/company_section.hpp"

#include "config/value_checks.hpp"
#include "kontor/model/bic.hpp"
#include "kontor/model/iban.hpp"
#include "kontor/model/vat_id.hpp"

namespace kontor::config {

ValueSpec company_section() {
  ValueSpec address = section({
      required("street", string_value(), "Street and number."),
      required("postcode", string_value(), "Postal code."),
      required("city", string_value(), "City."),
      required("country", with_check(string_value(), check_country, "a country code"),
               "ISO 3166-1 alpha-2 code, e.g. DE."),
  });
  ValueSpec contact = section({
      optional("phone", string_value(), "Phone number printed on letters."),
      optional("email", string_value(), "Reply address for customers."),
      optional("web", string_value(), "Web address."),
  });
  ValueSpec bank_account = section({
      required("iban", with_check(string_value(), check_iban, "an IBAN"),
               "IBAN of the account (statements are imported for it)."),
      optional("bic", with_check(string_value(), check_bic, "a BIC"), "BIC of the bank."),
      optional("ledger_account", string_value(),
               "General ledger account of this bank account (e.g. 1200 in SKR03)."),
  });
  return section({
      required("legal_name", string_value(), "Full legal name, e.g. 'Muster GmbH'."),
      required("address", address, "Registered address."),
      optional("register", string_value(), "Register court and number, e.g. 'HRB 12345, AG Köln'."),
      optional("managing_directors", list_of(string_value()), "Names of the managing directors."),
      optional("vat_id", with_check(string_value(), check_vat_id, "a VAT ID"),
               "VAT identification number, e.g. DE123456789."),
      optional("contact", contact, "How customers reach the accounts receivable team."),
      required("timezone", with_check(string_value(), check_timezone, "an IANA time zone"),
               "Time zone of schedules and dates, e.g. Europe/Berlin."),
      optional("bank_accounts", list_of(bank_account), "Accounts that receive payments."),
  });
}

namespace {

std::string text_of(const ConfigNode* section, std::string_view key) {
  const ConfigNode* value = section ? section->find(key) : nullptr;
  return value && value->is_scalar() ? value->text() : std::string();
}

}  // namespace

Company company_of(const ConfigNode& section) {
  Company company;
  company.legal_name = text_of(&section, "legal_name");
  const ConfigNode* address = section.find("address");
  company.address = {text_of(address, "street"), text_of(address, "postcode"),
                     text_of(address, "city"), text_of(address, "country")};
  company.commercial_register = text_of(&section, "register");
  if (const ConfigNode* directors = section.find("managing_directors")) {
    for (const auto& director : directors->items()) {
      company.managing_directors.push_back(director.text());
    }
  }
  if (auto vat_id = VatId::parse(text_of(&section, "vat_id"))) company.vat_id = *vat_id;
  const ConfigNode* contact = section.find("contact");
  company.contact = {text_of(contact, "phone"), text_of(contact, "email"), text_of(contact, "web")};
  company.timezone = text_of(&section, "timezone");
  if (const ConfigNode* accounts = section.find("bank_accounts")) {
    for (const auto& account : accounts->items()) {
      auto iban = Iban::parse(text_of(&account, "iban"));
      if (!iban) continue;  // refused by validation already
      CompanyBankAccount bank{*iban, std::nullopt, text_of(&account, "ledger_account")};
      if (auto bic = Bic::parse(text_of(&account, "bic"))) bank.bic = *bic;
      company.bank_accounts.push_back(std::move(bank));
    }
  }
  return company;
}

}  // namespace kontor::config
