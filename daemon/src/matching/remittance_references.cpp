// Remittance references (see the header): a scanner that cuts the text into digit groups and the
// words and marks between them, then looks up runs of groups by their digit keys.

#include "matching/remittance_references.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace kontor::matching {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
char to_upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string upper(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = to_upper(c);
  return result;
}

std::string without_leading_zeros(std::string_view digits) {
  const std::size_t first = digits.find_first_not_of('0');
  if (first == std::string_view::npos) return "0";
  return std::string(digits.substr(first));
}

std::string digits_key(const std::vector<std::string>& groups) {
  std::string all;
  for (const std::string& group : groups) all += group;
  return without_leading_zeros(all);
}

std::string groups_key(const std::vector<std::string>& groups) {
  std::string key;
  for (const std::string& group : groups) {
    if (!key.empty()) key.push_back('.');
    key += without_leading_zeros(group);
  }
  return key;
}

// The digit groups of an item number as the ERP writes it ("RE-2026-0012" → 2026, 0012).
std::vector<std::string> raw_groups(std::string_view number) {
  std::vector<std::string> groups;
  for (std::size_t i = 0; i < number.size();) {
    if (!is_digit(number[i])) {
      ++i;
      continue;
    }
    std::string group;
    while (i < number.size() && is_digit(number[i])) group.push_back(number[i++]);
    groups.push_back(std::move(group));
  }
  return groups;
}

int value_of(const std::string& digits) {
  return digits.size() > 4 ? 100000 : std::stoi(digits);
}

// "15.01.2026", "2026-01-28", "1.2.2026": dates are everywhere in remittance text ("Zahlung vom
// 2026-01-28") and their digits must not be read as an item number written without separators.
bool is_date(const std::vector<std::string>& groups) {
  if (groups.size() != 3) return false;
  auto day_month = [](const std::string& day, const std::string& month) {
    if (day.size() > 2 || month.size() > 2) return false;
    const int d = value_of(day);
    const int m = value_of(month);
    return d >= 1 && d <= 31 && m >= 1 && m <= 12;
  };
  if (groups[0].size() == 4) return day_month(groups[2], groups[1]);
  if (groups[2].size() == 4 || groups[2].size() == 2) return day_month(groups[0], groups[1]);
  return false;
}

// How a digit group is joined to the one before it. In-number separators keep a number going
// ("2026-0012", "2026 00\n12"); a slash may do either ("2026/0012", "123/124"); list words and
// marks start the next number of a list; anything else ends the list.
enum class Joint { start, in_number, slash, list, range, other };

struct DigitGroup {
  std::string digits;
  std::size_t begin = 0;  // byte offsets in the remittance
  std::size_t end = 0;
  Joint joint = Joint::start;
  bool keyword_before = false;
  std::string word_before;  // the last word before it, upper-cased, for telling prefixes apart
};

// Words that may stand between a keyword and its number without cancelling it ("Rg.-Nr. 12").
bool is_filler(std::string_view word) {
  static constexpr std::array<std::string_view, 5> kFillers{"NR", "NO", "NUMMER", "NUMBER", "NUM"};
  return std::find(kFillers.begin(), kFillers.end(), word) != kFillers.end();
}

bool is_list_word(std::string_view word) {
  static constexpr std::array<std::string_view, 5> kListWords{"UND", "AND", "U", "SOWIE", "BZW"};
  return std::find(kListWords.begin(), kListWords.end(), word) != kListWords.end();
}

bool is_keyword(std::string_view word, const std::vector<std::string>& upper_keywords) {
  // Plural and "number" endings payers glue on: Rechnungen, RgNr, Rechnungsnummer.
  static constexpr std::array<std::string_view, 8> kSuffixes{"",   "EN",  "N",      "S",
                                                             "NR", "SNR", "NUMMER", "SNUMMER"};
  for (const std::string& keyword : upper_keywords) {
    if (!word.starts_with(keyword)) continue;
    const std::string_view rest = word.substr(keyword.size());
    if (std::find(kSuffixes.begin(), kSuffixes.end(), rest) != kSuffixes.end()) return true;
  }
  return false;
}

// Where the text goes on after a line break ("\n" or "\r\n") at `at`; `at` when there is none.
std::size_t skip_line_break(std::string_view text, std::size_t at) {
  if (text.substr(at, 2) == "\r\n") return at + 2;
  if (text.substr(at, 1) == "\n") return at + 1;
  return at;
}

std::vector<DigitGroup> scan_digit_groups(std::string_view text,
                                          const std::vector<std::string>& upper_keywords) {
  std::vector<DigitGroup> groups;
  bool saw_slash = false;
  bool saw_list = false;
  bool saw_range = false;
  bool saw_other = false;
  bool saw_keyword = false;
  std::string last_word;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (is_digit(c)) {
      DigitGroup group;
      group.begin = i;
      while (i < text.size() && is_digit(text[i])) group.digits.push_back(text[i++]);
      group.end = i;
      if (groups.empty()) {
        group.joint = Joint::start;
      } else if (saw_other) {
        group.joint = Joint::other;
      } else if (saw_range) {
        group.joint = Joint::range;
      } else if (saw_list) {
        group.joint = Joint::list;
      } else if (saw_slash) {
        group.joint = Joint::slash;
      } else {
        group.joint = Joint::in_number;
      }
      group.keyword_before = saw_keyword;
      group.word_before = last_word;
      groups.push_back(std::move(group));
      saw_slash = saw_list = saw_range = saw_other = saw_keyword = false;
      last_word.clear();
      continue;
    }
    if (is_letter(c)) {
      std::string word;
      while (i < text.size() && is_letter(text[i])) word.push_back(to_upper(text[i++]));
      // SEPA text is cut at a fixed width, inside words too: "Rech\nnung 12".
      const std::size_t continued = skip_line_break(text, i);
      if (continued != i && continued < text.size() && is_letter(text[continued])) {
        std::string joined = word;
        std::size_t end = continued;
        while (end < text.size() && is_letter(text[end])) joined.push_back(to_upper(text[end++]));
        if (is_keyword(joined, upper_keywords)) {
          word = std::move(joined);
          i = end;
        }
      }
      if (is_keyword(word, upper_keywords)) {
        saw_keyword = true;
        saw_other = true;
      } else if (is_list_word(word)) {
        saw_list = true;
      } else if (word == "BIS" || word == "TO") {
        saw_range = true;
      } else if (is_filler(word)) {
        saw_other = true;
      } else {
        // "Rechnung vom 12.03." — the keyword was about something else.
        saw_keyword = false;
        saw_other = true;
      }
      last_word = std::move(word);
      continue;
    }
    if (c == '/' && i > 0 && text[i - 1] == '.' && i + 1 < text.size() && text[i + 1] == '.') {
      saw_other = true;  // "./.", the German "less": "RE 2026-4044 ./. 3 % Skonto"
    } else if (c == '/') {
      saw_slash = true;
    } else if (c == ',' || c == '+' || c == '&' || c == ';') {
      saw_list = true;
    } else if (!(is_blank(c) || c == '-' || c == '.' || c == '_' || c == ':' || c == '#')) {
      saw_other = true;
    }
    ++i;
  }
  return groups;
}

// The digit groups of the numbers after `from` up to the one whose last group ends in
// `range_end` ("0000123" to "125": 0000124, 0000125), at most kMaxRange of them; none when the
// range runs backwards or its last group is too long to count in 64 bits.
std::vector<std::vector<std::string>> numbers_in_range(const std::vector<std::string>& from,
                                                       std::string_view range_end) {
  constexpr std::uint64_t kMaxRange = 50;
  const std::string& start = from.back();
  if (start.size() > 18) return {};
  std::string end = start;
  end.replace(end.size() - range_end.size(), range_end.size(), range_end);
  const std::uint64_t first = std::stoull(start);
  const std::uint64_t last = std::stoull(end);
  if (last <= first || last - first > kMaxRange) return {};
  std::vector<std::vector<std::string>> numbers;
  for (std::uint64_t value = first + 1; value <= last; ++value) {
    std::string digits = std::to_string(value);
    if (digits.size() < start.size()) digits.insert(0, start.size() - digits.size(), '0');
    numbers.push_back(from);
    numbers.back().back() = std::move(digits);
  }
  return numbers;
}

}  // namespace

InvoiceNumberIndex::InvoiceNumberIndex(const std::vector<std::string>& item_numbers,
                                       InvoiceNumberPatterns patterns)
    : patterns_(std::move(patterns)) {
  for (std::string& keyword : patterns_.keywords) keyword = upper(keyword);
  if (patterns_.max_groups == 0) patterns_.max_groups = 1;
  known_.reserve(item_numbers.size());
  by_digits_.reserve(item_numbers.size());
  by_groups_.reserve(item_numbers.size());
  for (const std::string& number : item_numbers) {
    if (known_.size() == kNone) break;  // 32-bit links: four billion numbers are enough
    KnownNumber known{.item_number = number,
                      .letter_prefix = {},
                      .next_same_digits = kNone,
                      .next_same_groups = kNone};
    std::vector<std::string> groups;
    bool searchable = true;
    for (std::size_t i = 0; i < number.size();) {
      if (is_digit(number[i])) {
        std::string group;
        while (i < number.size() && is_digit(number[i])) group.push_back(number[i++]);
        groups.push_back(std::move(group));
        continue;
      }
      if (is_letter(number[i])) {
        if (!groups.empty()) {
          searchable = false;  // letters after digits: no digit key describes it
          break;
        }
        known.letter_prefix.push_back(to_upper(number[i]));
      }
      ++i;
    }
    if (!searchable || groups.empty()) continue;
    const std::size_t index = known_.size();
    known_.push_back(std::move(known));
    const auto index32 = static_cast<std::uint32_t>(index);
    if (auto [slot, added] = by_digits_.try_emplace(digits_key(groups), index32); !added) {
      known_[index].next_same_digits = std::exchange(slot->second, index32);
    }
    if (groups.size() > 1) {
      if (auto [slot, added] = by_groups_.try_emplace(groups_key(groups), index32); !added) {
        known_[index].next_same_groups = std::exchange(slot->second, index32);
      }
    }
    ++searchable_;
  }
  // An item's own letters introduce its number like a keyword ("GS 12" for credit note GS-12).
  for (const KnownNumber& known : known_) {
    const std::vector<std::string>& keywords = patterns_.keywords;
    if (!known.letter_prefix.empty() &&
        std::find(keywords.begin(), keywords.end(), known.letter_prefix) == keywords.end()) {
      patterns_.keywords.push_back(known.letter_prefix);
    }
  }
}

std::vector<const InvoiceNumberIndex::KnownNumber*> InvoiceNumberIndex::lookup(
    const std::vector<std::string>& groups, std::string_view word_before) const {
  std::vector<std::size_t> indexes;
  if (auto hit = by_digits_.find(digits_key(groups)); hit != by_digits_.end()) {
    for (std::uint32_t i = hit->second; i != kNone; i = known_[i].next_same_digits) {
      indexes.push_back(i);
    }
  }
  if (groups.size() > 1) {
    if (auto hit = by_groups_.find(groups_key(groups)); hit != by_groups_.end()) {
      for (std::uint32_t i = hit->second; i != kNone; i = known_[i].next_same_groups) {
        indexes.push_back(i);
      }
    }
  }
  std::sort(indexes.begin(), indexes.end());
  indexes.erase(std::unique(indexes.begin(), indexes.end()), indexes.end());
  // How close each hit is to what was written: the same groups digit for digit, the same
  // digits, or only equal once leading zeros are set aside. When one number is written exactly
  // ("2026-4044"), another that needs zeros added ("RE-2026-004044") is not what the payer meant.
  const bool date = is_date(groups);
  if (indexes.size() == 1 && !date) return {&known_[indexes.front()]};  // nothing to choose
  std::string written_digits;
  for (const std::string& group : groups) written_digits += group;
  int best = 3;
  std::vector<std::pair<int, const KnownNumber*>> ranked;
  for (std::size_t index : indexes) {
    const std::vector<std::string> own = raw_groups(known_[index].item_number);
    std::string own_digits;
    for (const std::string& group : own) own_digits += group;
    const int closeness = own == groups ? 0 : own_digits == written_digits ? 1 : 2;
    if (date && closeness != 0) continue;  // a date is a date, unless an item is numbered so
    best = std::min(best, closeness);
    ranked.emplace_back(closeness, &known_[index]);
  }
  // The closest form wins; among equally close ones, items that differ only in their letters
  // are told apart by the word before the number ("GS 12" for GS-12 beside RE-12). A payer who
  // wrote the letters of one series and the digits of another ("RE 2026-4044" with items
  // RE-2026-004044 and 2026-4044) gets the digits: the amount and the payer then confirm it or
  // send the payment to review.
  std::vector<const KnownNumber*> hits;
  for (const auto& [closeness, known] : ranked) {
    if (closeness == best) hits.push_back(known);
  }
  if (hits.size() > 1 && !word_before.empty()) {
    std::vector<const KnownNumber*> same_prefix;
    for (const KnownNumber* known : hits) {
      if (known->letter_prefix == word_before) same_prefix.push_back(known);
    }
    if (!same_prefix.empty()) hits = std::move(same_prefix);
  }
  return hits;
}

std::vector<FoundInvoiceNumber> InvoiceNumberIndex::find_in(std::string_view remittance) const {
  const std::vector<DigitGroup> groups = scan_digit_groups(remittance, patterns_.keywords);
  const std::size_t count = groups.size();

  // A chain is a run of groups that may form one number; a short number counts only in a chain
  // that a keyword introduced, or in a list that continues such a chain.
  std::vector<std::size_t> chain_end(count);
  std::vector<bool> introduced(count);
  for (std::size_t first = 0; first < count;) {
    std::size_t last = first;
    while (last + 1 < count &&
           (groups[last + 1].joint == Joint::in_number || groups[last + 1].joint == Joint::slash)) {
      ++last;
    }
    const bool continues_list =
        (groups[first].joint == Joint::list || groups[first].joint == Joint::range) && first > 0 &&
        introduced[first - 1];
    for (std::size_t g = first; g <= last; ++g) {
      chain_end[g] = last;
      introduced[g] = groups[first].keyword_before || continues_list;
    }
    first = last + 1;
  }

  std::vector<FoundInvoiceNumber> found;
  auto record = [&](std::size_t first, std::size_t last, std::vector<const KnownNumber*> hits) {
    FoundInvoiceNumber finding;
    for (const KnownNumber* hit : hits) finding.item_numbers.push_back(hit->item_number);
    std::sort(finding.item_numbers.begin(), finding.item_numbers.end());
    finding.position = groups[first].begin;
    finding.as_written =
        std::string(remittance.substr(groups[first].begin, groups[last].end - groups[first].begin));
    const bool already = std::any_of(found.begin(), found.end(), [&](const auto& earlier) {
      return earlier.item_numbers == finding.item_numbers;
    });
    if (!already) found.push_back(std::move(finding));
  };

  std::size_t first = 0;
  while (first < count) {
    // "vom 15.01.2026 202 6-1067": the date's year must not run into the wrapped number after
    // it. A date that is itself an item's number is found by lookup() as written.
    if (first + 2 <= chain_end[first] && first + 2 < count) {
      const std::vector<std::string> three{groups[first].digits, groups[first + 1].digits,
                                           groups[first + 2].digits};
      if (is_date(three) && lookup(three).empty()) {
        first += 3;
        continue;
      }
    }
    bool matched = false;
    const std::size_t longest = std::min(chain_end[first], first + patterns_.max_groups - 1);
    for (std::size_t last = longest + 1; last-- > first;) {
      std::vector<std::string> span;
      std::size_t digit_count = 0;
      for (std::size_t g = first; g <= last; ++g) {
        span.push_back(groups[g].digits);
        digit_count += groups[g].digits.size();
      }
      if (!introduced[first] && digit_count < patterns_.min_digits_without_keyword) continue;
      std::vector<const KnownNumber*> hits = lookup(span, groups[first].word_before);
      if (hits.empty()) continue;
      record(first, last, std::move(hits));
      std::size_t next = last + 1;
      // "RE-2026-0000123 bis 125": every known number up to the one the range ends with.
      if (next < count && groups[next].joint == Joint::range &&
          groups[next].digits.size() <= span.back().size()) {
        for (std::vector<std::string>& within : numbers_in_range(span, groups[next].digits)) {
          std::vector<const KnownNumber*> more = lookup(within, groups[first].word_before);
          if (!more.empty()) record(next, next, std::move(more));
        }
        first = next + 1;
        matched = true;
        break;
      }
      // "RE-2026-0000123/124/125": shorter groups after it replace its last digits.
      while (next < count &&
             (groups[next].joint == Joint::slash || groups[next].joint == Joint::list) &&
             groups[next].digits.size() < span.back().size()) {
        std::vector<std::string> abbreviated = span;
        std::string& tail = abbreviated.back();
        tail.replace(tail.size() - groups[next].digits.size(), groups[next].digits.size(),
                     groups[next].digits);
        std::vector<const KnownNumber*> more = lookup(abbreviated, groups[first].word_before);
        if (more.empty()) break;
        record(next, next, std::move(more));
        span = std::move(abbreviated);
        ++next;
      }
      first = next;
      matched = true;
      break;
    }
    if (!matched) ++first;
  }
  return found;
}

}  // namespace kontor::matching
