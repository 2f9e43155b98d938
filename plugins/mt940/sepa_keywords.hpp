// The SEPA keywords German banks put into the purpose of a structured :86: (?20–?29, ?60–?63
// joined): "EREF+end-to-end id MREF+mandate CRED+creditor id SVWZ+remittance ABWA+ultimate
// debtor". A keyword may start anywhere — at a subfield boundary, after a blank (Deutsche
// Bank and Commerzbank put them all in one run) or right after the previous value
// ("KREF+EREF+...") — and a value runs to the next keyword, blanks around it trimmed.
//
// Where a value would be longer than SEPA allows (35 characters for references and identifiers,
// 70 for names), the text after the last subfield boundary that keeps it within the limit is
// not part of it: older files put free text behind "EREF+..." in the following subfields.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kontor::plugins::mt940 {

enum class SepaKeyword {
  eref,  // end-to-end reference
  kref,  // customer reference
  mref,  // mandate reference
  cred,  // creditor identifier
  debt,  // originator identifier
  coam,  // compensation amount
  oamt,  // original amount
  svwz,  // remittance information ("Verwendungszweck")
  abwa,  // ultimate debtor ("abweichender Auftraggeber")
  abwe,  // ultimate creditor ("abweichender Empfänger")
  iban,  // counterparty IBAN
  bic,   // counterparty BIC
  count,
};

class SepaKeywords {
 public:
  // Finds the keywords in `purpose`; the views point into it. `subfields`: where in `purpose`
  // each subfield began.
  void split(std::string_view purpose, const std::vector<std::size_t>& subfields = {});

  bool any() const { return any_; }
  bool has(SepaKeyword keyword) const { return present_[static_cast<int>(keyword)]; }
  std::string_view value(SepaKeyword keyword) const { return values_[static_cast<int>(keyword)]; }
  // The text before the first keyword, trimmed (the whole purpose when there is none).
  std::string_view before_keywords() const { return prefix_; }
  // The text that belongs to no keyword: before the first, and behind values too long to be
  // theirs; pieces joined by a blank.
  const std::string& free_text() const { return free_text_; }

 private:
  static constexpr int kCount = static_cast<int>(SepaKeyword::count);
  std::array<std::string_view, kCount> values_{};
  std::array<bool, kCount> present_{};
  std::string_view prefix_;
  std::string free_text_;
  bool any_ = false;
};

}  // namespace kontor::plugins::mt940
