// Remittance references: the numbers of known open items that a payer wrote in a payment's
// remittance text, as payers really type them (RF references: creditor_reference_search.hpp).
//
// The invoice search is not "find anything that looks like a number" but "which of the known
// open item numbers occur here", allowing the variations payers and banks introduce:
// - a keyword before the number, or none: "RE 2026-0012", "Rg.-Nr. 12", "Rechnung 12 und 13";
// - other, missing or extra separators: "2026/0012", "20260012", "2026 0012";
// - a line break (or a blank) inside a number, as SEPA text comes wrapped at 27 or 35 chars;
// - leading zeros dropped or added: "RE 12" for "RE-0012", "2026-12" for "2026-0012";
// - the last digits abbreviated for the next numbers: "RE-2026-0000123/124" (123 and 124);
// - a range: "RE-2026-0000123 bis 125" (the known numbers in it, at most 50; a range that runs
//   backwards or further finds only its start).
// Both sides are reduced to digit keys (separators, case and leading zeros dropped), so a
// number is found only when the text has all of its digits: "12" never finds "2026-0012".
//
// Short numbers are everywhere in remittance text (dates, amounts, postcodes), so a number with
// fewer than `min_digits_without_keyword` digits counts only after one of the keywords (or in a
// list that follows one: "Rechnung 12 und 13"). A small hand-written scanner, no regular
// expressions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kontor::matching {

struct InvoiceNumberPatterns {
  // Words that introduce an item number, compared case-insensitively; each also counts with a
  // plural or number suffix ("Rechnungen", "RgNr", "Rechnungsnummer"). The letters the known
  // item numbers start with ("GS" of "GS-12") are keywords too.
  std::vector<std::string> keywords{"RE", "Rg", "Rechnung", "Inv", "Invoice", "Beleg"};
  // Numbers with at least this many digits are found without a keyword before them.
  std::size_t min_digits_without_keyword = 5;
  // The most digit groups one number may have ("RE-2026-03-0012" has three).
  std::size_t max_groups = 4;
};

// Where a known number was found. Usually one item; several when the text cannot tell them
// apart (items "RE-12" and "GS-12" for "Nr. 12") — the caller must not pick one blindly.
struct FoundInvoiceNumber {
  std::vector<std::string> item_numbers;  // sorted
  std::size_t position = 0;               // byte offset of its first digit in the remittance
  std::string as_written;                 // the text from its first to its last digit
};

// The known open item numbers, prepared for searching remittance texts. Numbers without digits,
// or with letters after the first digit ("2026-A-12"), cannot be told apart from words and are
// not searched; they still match by RF reference.
class InvoiceNumberIndex {
 public:
  InvoiceNumberIndex(const std::vector<std::string>& item_numbers, InvoiceNumberPatterns patterns);

  // The known numbers occurring in `remittance`, in order of appearance, each once. Where
  // numbers overlap, the longest one at the earliest position wins.
  std::vector<FoundInvoiceNumber> find_in(std::string_view remittance) const;

  std::size_t size() const { return searchable_; }

 private:
  struct KnownNumber {
    std::string item_number;
    std::string letter_prefix;  // upper-cased letters before the first digit
    std::uint32_t next_same_digits = kNone;
    std::uint32_t next_same_groups = kNone;
  };
  static constexpr std::uint32_t kNone = UINT32_MAX;
  // The known numbers `groups` may be, closest to what was written first; `word_before` (upper
  // case) picks the items whose letters it is.
  std::vector<const KnownNumber*> lookup(const std::vector<std::string>& groups,
                                         std::string_view word_before = {}) const;

  InvoiceNumberPatterns patterns_;
  std::vector<KnownNumber> known_;
  // Key → the first known number with that key; numbers sharing a key are chained through
  // KnownNumber::next_same_*, so a million items cost one map node per key and no vectors.
  // By digits: all digits joined, leading zeros dropped ("RE-2026-0012" → "20260012").
  // By groups: each group without its leading zeros, joined by '.' ("2026.12").
  std::unordered_map<std::string, std::uint32_t> by_digits_;
  std::unordered_map<std::string, std::uint32_t> by_groups_;
  std::size_t searchable_ = 0;
};

}  // namespace kontor::matching
