// What the :86: "information to account owner" of an entry says, in Kontor's terms: references,
// counterparty, remittance, bank transaction code.
//
// Three styles are told apart by their text:
// - German structured (GVC + ?NN subfields, german_subfields.hpp): physical lines are joined
//   without separator — banks wrap at 65 characters inside values and even between '?' and the
//   subfield number — then ?20–?29 and ?60–?63 form the purpose, read for SEPA keywords
//   (sepa_keywords.hpp): EREF+ end-to-end id, MREF+ mandate, CRED+ creditor id, SVWZ+
//   remittance, ABWA+/ABWE+ ultimate debtor/creditor, KREF+ customer reference. The remittance
//   is the SVWZ+ text; without SVWZ+ the text that belongs to no keyword (before the first, or
//   behind a value longer than SEPA allows); without keywords the whole purpose. ?30/?31 (or ?38,
//   the IBAN beside an account number) are the counterparty's bank and account as written (BIC/IBAN
//   or BLZ/account number), ?32+?33 its name, the GVC the bank transaction code, ?00 the posting
//   text. GVC 999 followed by text is unstructured.
// - Slash codes (slash_codes.hpp): /EREF/ end-to-end id, /MARF/ mandate, /CSID/ creditor id,
//   /REMI/ remittance, /CNTP/ or /IBAN/ /BIC/ /NAME/ counterparty, /RTRN/ return reason,
//   /ULTD/ /ULTC/ ultimate parties.
// - Free text (Polish, HSBC, Citi, old Dutch): the remittance is the text.
// German subfields and slash codes are one string wrapped at SWIFT's 65 characters: their lines
// are joined without separator. Free text lines are joined with a blank, except after a line
// filled to the 65 characters (the bank wrapped it, maybe inside a word) or before a line
// starting with '/'. Blank-padded lines (ASN) count as ended where their text ends.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "german_subfields.hpp"
#include "kontor/sdk/values.hpp"
#include "sepa_keywords.hpp"
#include "slash_codes.hpp"

namespace kontor::plugins::mt940 {

struct OwnerInformation {
  sdk::PaymentDetails details;     // bank_reference is the :61:'s business
  std::string posting_text;        // German ?00
  std::string customer_reference;  // German KREF+
  bool structured = false;         // German subfields were found
};

class OwnerInformationReader {
 public:
  // `lines`: the text of the :86: (and of further :86: fields of the same entry) line by line.
  void read(const std::vector<std::string_view>& lines, OwnerInformation& out);

 private:
  void read_german(OwnerInformation& out);
  void read_slash_codes(OwnerInformation& out);

  std::string joined_;
  std::string purpose_;
  std::vector<std::size_t> purpose_subfields_;
  std::string name_;
  GermanSubfields german_;
  SepaKeywords sepa_;
  SlashCodes slash_;
};

// The lines joined as free text (see above).
void join_free_text(const std::vector<std::string_view>& lines, std::string& out);

}  // namespace kontor::plugins::mt940
