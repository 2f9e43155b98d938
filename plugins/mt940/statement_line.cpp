#include "statement_line.hpp"

#include "message_text.hpp"

namespace kontor::plugins::mt940 {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_type_character(char c) {
  return is_digit(c) || is_upper(c) || c == ' ';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

constexpr std::size_t kCustomerReferenceLength = 16;

// The length in bytes of the first `count` characters of UTF-8 `text`.
std::size_t prefix_of_characters(std::string_view text, std::size_t count) {
  std::size_t i = 0;
  for (std::size_t seen = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && seen++ == count) break;
  }
  return i;
}

StatementLineError error_at(std::size_t line_index, std::size_t offset, std::string message) {
  return StatementLineError{.line_index = line_index,
                            .column = static_cast<std::int64_t>(offset) + 1,
                            .message = std::move(message)};
}

}  // namespace

std::variant<StatementLine, StatementLineError> parse_statement_line(
    const std::vector<std::string_view>& lines, Currency currency) {
  StatementLine result;
  std::size_t index = 0;
  std::string_view text = lines.empty() ? std::string_view() : lines[0];

  Result<SwiftDate> value_date = parse_yymmdd(text.substr(0, 6));
  if (!value_date) {
    return error_at(0, 0, ":61: value date: " + value_date.error().message);
  }
  result.value_date = *value_date;
  std::size_t p = 6;

  const std::string_view entry = text.substr(p, 4);
  if (entry.size() == 4 && is_digit(entry[0]) && is_digit(entry[1]) && is_digit(entry[2]) &&
      is_digit(entry[3])) {
    Result<EntryDate> entry_date = parse_entry_date(entry, result.value_date.date);
    if (!entry_date) return error_at(0, p, ":61: entry date: " + entry_date.error().message);
    result.entry_date = *entry_date;
    p += 4;
  } else if (entry == "    ") {
    p += 4;
  }

  if (p < text.size() && text[p] == 'R') {
    result.reversal = true;
    ++p;
  }
  if (p >= text.size() || (text[p] != 'C' && text[p] != 'D')) {
    return error_at(0, p,
                    ":61: expected the debit/credit mark D, C, RD or RC after the dates, found " +
                        quoted(character_at(text, p)));
  }
  result.mark = text[p++];
  if (p < text.size() && is_upper(text[p])) result.funds_code = text[p++];

  // Sparkasse: the amount on the next line; others: blanks before it.
  if (p == text.size() && lines.size() > 1) {
    index = 1;
    text = lines[1];
    p = 0;
  }
  while (p < text.size() && text[p] == ' ') ++p;
  const std::size_t amount_start = p;
  while (p < text.size() && (is_digit(text[p]) || text[p] == ',' || text[p] == '.')) ++p;
  Result<Amount> amount = parse_amount(text.substr(amount_start, p - amount_start), currency);
  if (!amount) {
    return error_at(index, amount_start, ":61: " + amount.error().message);
  }
  result.amount = *amount;
  const bool money_in = (result.mark == 'C') != result.reversal;
  result.signed_amount = money_in ? amount->money : *amount->money.negated();

  std::string_view rest = text.substr(p);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (!rest.starts_with("NONREF") && rest.size() >= 4 && is_upper(rest[0]) &&
      is_type_character(rest[1]) && is_type_character(rest[2]) && is_type_character(rest[3])) {
    result.type_code = trim(rest.substr(0, 4));
    rest.remove_prefix(4);
  }
  const std::size_t slashes = rest.find("//");
  // SWIFT's 16 characters. Old Rabobank exports pad them with blanks and write the
  // counterparty's name behind; ASN writes a longer reference (an IBAN), kept whole.
  const std::string_view reference = rest.substr(0, slashes);
  std::size_t cut = prefix_of_characters(reference, kCustomerReferenceLength);
  if (cut == 0 || cut >= reference.size() || reference[cut - 1] != ' ') cut = reference.size();
  result.customer_reference = trim(reference.substr(0, cut));
  const std::string_view overflow = trim(reference.substr(cut));
  result.has_customer_reference = !result.customer_reference.empty();
  if (slashes != std::string_view::npos) result.bank_reference = trim(rest.substr(slashes + 2));
  result.supplementary.assign(overflow.data(), overflow.size());

  for (std::size_t i = index + 1; i < lines.size(); ++i) {
    const std::string_view line = trim(lines[i]);
    if (line.empty()) continue;
    if (!result.supplementary.empty()) result.supplementary += ' ';
    result.supplementary += line;
  }
  return result;
}

}  // namespace kontor::plugins::mt940
