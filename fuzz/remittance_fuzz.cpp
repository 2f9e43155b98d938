// Fuzz target: what the payment matching reads from a bank's free text (daemon/src/matching) —
// RF references and known invoice numbers in remittance text, payer names — on arbitrary bytes.
//
// Input: the first line lists the known item numbers, separated by ';' (at most 64); the rest is
// the remittance text, also read as a payer name. Beyond "no crash, no leak, no hang" it checks
// what every answer must satisfy: references that pass their own check, findings that name only
// known items, each once, and point at digits of the text; a normalised name of lower-case
// words, sorted, single blanks, unchanged by normalising it again (for valid UTF-8).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "matching/creditor_reference_search.hpp"
#include "matching/payer_names.hpp"
#include "matching/remittance_references.hpp"

namespace {

using namespace kontor;
using namespace kontor::matching;

void require(bool condition) {
  if (!condition) std::abort();
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
    } else if (lead >= 0xE0) {
      length = 3;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0x80) {
      return false;
    }
    if (lead >= 0xF5 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

void check_references(std::string_view text) {
  const std::vector<CreditorReference> found = find_creditor_references(text);
  for (std::size_t i = 0; i < found.size(); ++i) {
    require(CreditorReference::parse(found[i].electronic()).ok());
    require(std::count(found.begin(), found.end(), found[i]) == 1);
  }
}

void check_invoice_numbers(const std::vector<std::string>& known, std::string_view text) {
  const InvoiceNumberIndex index(known, {});
  const std::vector<FoundInvoiceNumber> found = index.find_in(text);
  for (std::size_t i = 0; i < found.size(); ++i) {
    const FoundInvoiceNumber& finding = found[i];
    require(!finding.item_numbers.empty());
    require(std::is_sorted(finding.item_numbers.begin(), finding.item_numbers.end()));
    for (const std::string& number : finding.item_numbers) {
      require(std::find(known.begin(), known.end(), number) != known.end());
    }
    for (std::size_t j = 0; j < i; ++j) require(found[j].item_numbers != finding.item_numbers);
    require(!finding.as_written.empty());
    require(text.substr(finding.position).starts_with(finding.as_written));
    require(is_digit(finding.as_written.front()) && is_digit(finding.as_written.back()));
  }
}

void check_payer_name(std::string_view text) {
  const std::string normalised = normalised_payer_name(text);
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < normalised.size();) {
    const std::size_t end = std::min(normalised.find(' ', i), normalised.size());
    require(end > i);  // no leading, trailing or double blank
    words.emplace_back(normalised.data() + i, end - i);
    i = end + 1;
  }
  require(normalised.empty() || normalised.back() != ' ');
  require(std::is_sorted(words.begin(), words.end()));
  for (char c : normalised) require(!(c >= 'A' && c <= 'Z'));
  if (valid_utf8(text)) require(normalised_payer_name(normalised) == normalised);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t line_end = std::min(input.find('\n'), input.size());
  std::vector<std::string> known;
  for (std::size_t i = 0; i < line_end && known.size() < 64;) {
    const std::size_t end = std::min(input.find(';', i), line_end);
    if (end > i) known.emplace_back(input.substr(i, end - i));
    i = end + 1;
  }
  const std::string_view text = input.substr(std::min(line_end + 1, input.size()));
  check_references(text);
  check_invoice_numbers(known, text);
  check_payer_name(text);
  return 0;
}
