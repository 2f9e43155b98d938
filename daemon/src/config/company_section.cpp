#include "config/company_section.hpp"

#include "config/value_checks.hpp"

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

}  // namespace kontor::config
