#include "free_text.hpp"

#include <vector>

#include "text_values.hpp"

namespace kontor::plugins::bank_csv {
namespace {

bool is_alnum(char c) {
  return is_ascii_upper(c) || is_ascii_digit(c) || (c >= 'a' && c <= 'z');
}

bool account_shape(std::string_view text, std::size_t min, std::size_t max) {
  if (text.size() < min || text.size() > max) return false;
  if (!is_ascii_upper(text[0]) || !is_ascii_upper(text[1]) || !is_ascii_digit(text[2]) ||
      !is_ascii_digit(text[3])) {
    return false;
  }
  for (char c : text.substr(4)) {
    if (!is_alnum(c)) return false;
  }
  return true;
}

std::vector<std::string> parts_of(std::string_view text) {
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = text.find("  ", i);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view part = trimmed(text.substr(i, end - i));
    if (!part.empty()) parts.emplace_back(part);
    i = end;
    while (i < text.size() && text[i] == ' ') ++i;
  }
  return parts;
}

void append(std::string& to, const std::string& text) {
  if (text.empty()) return;
  if (!to.empty()) to += ' ';
  to += text;
}

}  // namespace

bool looks_like_iban(std::string_view text) {
  return account_shape(text, 15, 34);
}

bool looks_like_creditor_id(std::string_view text) {
  return account_shape(text, 8, 35);
}

bool looks_like_bic(std::string_view text) {
  if (text.size() != 8 && text.size() != 11) return false;
  for (std::size_t i = 0; i < 6; ++i) {
    if (!is_ascii_upper(text[i])) return false;
  }
  for (char c : text.substr(6)) {
    if (!is_ascii_upper(c) && !is_ascii_digit(c)) return false;
  }
  return true;
}

FreeTextParts split_free_text(std::string_view text) {
  FreeTextParts out;
  const std::vector<std::string> parts = parts_of(text);
  if (parts.empty()) return out;
  out.bank_code = parts[0];
  if (parts.size() == 2) {
    out.remittance = parts[1];
    return out;
  }
  std::size_t end = parts.size();
  if (end >= 5 && looks_like_creditor_id(parts[end - 2])) {
    out.end_to_end_id = parts[end - 3];
    out.creditor_id = parts[end - 2];
    out.mandate_id = parts[end - 1];
    end -= 3;
  }
  std::size_t next = 1;
  if (next < end) {
    std::size_t account = 0;
    for (std::size_t j = 2; j < end; ++j) {
      if (looks_like_iban(parts[j])) {
        account = j;
        break;
      }
    }
    if (account != 0) {
      for (std::size_t j = 1; j < account; ++j) append(out.counterparty_name, parts[j]);
      out.counterparty_account = parts[account];
      next = account + 1;
      if (next < end && looks_like_bic(parts[next])) out.counterparty_bic = parts[next++];
    } else {
      out.counterparty_name = parts[1];
      next = 2;
    }
  }
  for (std::size_t j = next; j < end; ++j) append(out.remittance, parts[j]);
  return out;
}

}  // namespace kontor::plugins::bank_csv
