#include "extf_debtors.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "extf_debtor_columns.hpp"
#include "extf_fields.hpp"
#include "extf_record.hpp"
#include "extf_record_writer.hpp"
#include "extf_text.hpp"

namespace kontor::plugins::datev {

using namespace debtor_column;

namespace {

struct Language {
  std::string_view iso;
  std::string_view datev;
};

// DATEV's Sprache numbers (§9).
constexpr std::array<Language, 5> kLanguages = {{
    {.iso = "de", .datev = "1"},
    {.iso = "fr", .datev = "4"},
    {.iso = "en", .datev = "5"},
    {.iso = "es", .datev = "10"},
    {.iso = "it", .datev = "19"},
}};

constexpr TextRule cut(std::size_t length) {
  return {.max_length = length, .overflow = Overflow::truncate, .charset = TextCharset::any};
}
constexpr TextRule whole(std::size_t length, TextCharset charset = TextCharset::any) {
  return {.max_length = length, .overflow = Overflow::reject, .charset = charset};
}

void write_name(RecordWriter& out, const ExtfDebtor& debtor) {
  auto no_first_name = [&] {
    if (!debtor.first_name.empty()) {
      out.fail(kVornameNatuerlichePerson,
               fmt::format("a first name ('{}') belongs to a natürliche Person only",
                           debtor.first_name));
    }
  };
  switch (debtor.addressee_type) {
    case AddresseeType::company:
      out.text(kNameUnternehmen, debtor.name, cut(50));
      no_first_name();
      break;
    case AddresseeType::natural_person:
      out.text(kNameNatuerlichePerson, debtor.name, cut(30));
      out.text(kVornameNatuerlichePerson, debtor.first_name, cut(30));
      break;
    case AddresseeType::unspecified:
      out.text(kNameKeineAngabe, debtor.name, cut(50));
      no_first_name();
      break;
    default:
      out.fail(kAdressattyp, "neither 0 (keine Angabe), 1 (natürliche Person) nor 2 (Unternehmen)");
      return;
  }
  out.set(kAdressattyp, quoted(std::to_string(static_cast<int>(debtor.addressee_type))));
}

void write_bank_accounts(RecordWriter& out, const ExtfDebtor& debtor) {
  if (debtor.bank_accounts.size() > kMaxBankAccountsPerDebtor) {
    out.fail(bank_block_start(1) + kBankIban,
             fmt::format("{} bank accounts; DATEV holds at most {}", debtor.bank_accounts.size(),
                         kMaxBankAccountsPerDebtor));
    return;
  }
  for (std::size_t i = 0; i < debtor.bank_accounts.size(); ++i) {
    const ExtfBankAccount& bank = debtor.bank_accounts[i];
    int start = bank_block_start(static_cast<int>(i) + 1);
    out.set(start + kBankLaenderkennzeichen, quoted(bank.iban.country_code()));
    out.set(start + kBankIban, quoted(bank.iban.electronic()));
    if (bank.bic) out.set(start + kBankSwift, quoted(bank.bic->text()));
    // Only one bank may be the main bank.
    out.set(start + kBankHauptbank, quoted(i == 0 ? "1" : "0"));
  }
}

}  // namespace

ExtfWritten debtor_record(const ExtfDebtor& debtor, std::int64_t record, const ExtfClient& client) {
  RecordWriter out(debtor_columns(), record);

  std::optional<AccountKind> kind = out.account(kKonto, debtor.account, client.account_length);
  if (kind == AccountKind::general_ledger) {
    out.fail(kKonto, fmt::format("'{}' is a Sachkonto; a debtor's account has {} digits "
                                 "(Sachkontenlänge + 1)",
                                 debtor.account, client.account_length + 1));
  } else if (kind == AccountKind::personal &&
             (debtor.account[0] < '1' || debtor.account[0] > '6')) {
    out.fail(kKonto,
             fmt::format("'{}' is a Kreditor's account; debtors' accounts start with 1 to 6",
                         debtor.account));
  }

  write_name(out, debtor);
  out.text(kKurzbezeichnung, debtor.short_name, cut(15));
  if (debtor.vat_id) {
    // The sample writes the country and the number apart: "DE" and "133546770".
    out.set(kEuLand, quoted(debtor.vat_id->prefix()));
    out.text(kEuUstId, debtor.vat_id->number(), whole(13));
  }

  out.text(kStrasse, debtor.address.street, cut(36));
  out.text(kPostleitzahl, debtor.address.postcode, whole(10));
  out.text(kOrt, debtor.address.city, cut(30));
  if (!debtor.address.country.empty() && debtor.address.country.size() != 2) {
    out.fail(kLand, fmt::format("'{}' is not a two-letter country code", debtor.address.country));
  } else {
    out.text(kLand, debtor.address.country, whole(2, TextCharset::upper_letters));
  }
  out.text(kEmail, debtor.email, whole(60));
  write_bank_accounts(out, debtor);
  out.text(kKundenNummer, debtor.customer_number, whole(15));

  if (!debtor.language.empty()) {
    auto language = std::find_if(kLanguages.begin(), kLanguages.end(),
                                 [&](const Language& l) { return l.iso == debtor.language; });
    if (language != kLanguages.end()) {
      out.set(kSprache, quoted(language->datev));
    } else {
      out.note(fmt::format("{}: DATEV has no number for the language '{}'; left empty",
                           out.place(kSprache).describe(), debtor.language));
    }
  }
  return std::move(out).finish();
}

ExtfWritten write_debtor_file(const DebtorFileHeader& header, std::span<const ExtfDebtor> debtors) {
  ExtfWritten out = debtor_header_line(header);
  if (debtors.empty()) {
    out.errors.push_back(Error{"the file has no debtors; there is nothing to import", 0});
  }

  std::string text;
  if (out.ok()) {
    text += out.text;
    text += "\r\n";
    text += heading_line(debtor_columns());
    text += "\r\n";
  }
  std::map<std::string_view, std::int64_t> first_record_of_account;
  for (std::size_t i = 0; i < debtors.size(); ++i) {
    auto record = static_cast<std::int64_t>(i + 1);
    ExtfWritten written = debtor_record(debtors[i], record, header.client);
    auto [first, inserted] = first_record_of_account.emplace(debtors[i].account, record);
    if (!inserted) {
      // DATEV would let the later record overwrite the earlier one without a word.
      written.errors.push_back(field_error(
          FieldPlace{.record = record, .column = kKonto, .heading = "Konto"},
          fmt::format("account {} is already record {}", debtors[i].account, first->second)));
    }
    out.errors.insert(out.errors.end(), std::make_move_iterator(written.errors.begin()),
                      std::make_move_iterator(written.errors.end()));
    out.changes.insert(out.changes.end(), std::make_move_iterator(written.changes.begin()),
                       std::make_move_iterator(written.changes.end()));
    if (out.ok()) {
      text += written.text;
      text += "\r\n";
    }
  }
  out.text = out.ok() ? std::move(text) : std::string();
  return out;
}

}  // namespace kontor::plugins::datev
