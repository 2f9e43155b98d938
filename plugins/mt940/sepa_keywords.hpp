// The SEPA keywords German banks put into the purpose of a structured :86: (?20–?29, ?60–?63
// joined): "EREF+end-to-end id MREF+mandate CRED+creditor id SVWZ+remittance ABWA+ultimate
// debtor". A keyword may start anywhere — at a subfield boundary, after a blank (Deutsche
// Bank and Commerzbank put them all in one run) or right after the previous value
// ("KREF+EREF+...") — and a value runs to the next keyword, blanks around it trimmed.
#pragma once

#include <array>
#include <string_view>

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
  // Finds the keywords in `purpose`; the views point into it.
  void split(std::string_view purpose);

  bool any() const { return any_; }
  bool has(SepaKeyword keyword) const { return present_[static_cast<int>(keyword)]; }
  std::string_view value(SepaKeyword keyword) const { return values_[static_cast<int>(keyword)]; }
  // The text before the first keyword, trimmed (the whole purpose when there is none).
  std::string_view before_keywords() const { return prefix_; }

 private:
  static constexpr int kCount = static_cast<int>(SepaKeyword::count);
  std::array<std::string_view, kCount> values_{};
  std::array<bool, kCount> present_{};
  std::string_view prefix_;
  bool any_ = false;
};

}  // namespace kontor::plugins::mt940
