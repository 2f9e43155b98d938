// The slash-coded :86: of Dutch banks (ABN AMRO, ING, Rabobank, Knab, ASN, bunq) and others
// that follow the same SEPA convention, its lines already joined:
//
//   /TRTP/SEPA OVERBOEKING/IBAN/NL..../BIC/ABNANL2A/NAME/J. JANSEN/REMI/FACTUUR 42/EREF/NOTPROVIDED
//   /EREF/02-04-2013 1120000153447185/BENM//NAME/Nespresso Nederland B.V./REMI/674725433
//
// A code is one of a known list between slashes; its value runs to the next known code (so a
// value may itself contain slashes). /CNTP/ holds account/BIC/name/city, /REMI/ may start with
// USTD// (unstructured) or STRD/CUR/ (a structured creditor reference).
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace kontor::plugins::mt940 {

class SlashCodes {
 public:
  // True when `text` starts with a known code ("/EREF/", "/TRTP/" ...); then the codes are kept,
  // as views into `text`.
  bool split(std::string_view text);

  // The value of the first `code` ("REMI"), trimmed; empty when absent.
  std::string_view value(std::string_view code) const;
  bool has(std::string_view code) const;

 private:
  std::vector<std::pair<std::string_view, std::string_view>> codes_;
};

}  // namespace kontor::plugins::mt940
