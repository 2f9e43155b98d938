#include "journal_text.hpp"

#include <algorithm>

namespace kontor::plugins::journal {
namespace {

bool is_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7F;
}

std::string replaced(std::string text, char from, char to) {
  for (char& c : text) {
    if (c == from) c = to;
  }
  return text;
}

}  // namespace

std::string one_line(std::string_view text) {
  std::string line;
  line.reserve(text.size());
  for (char c : valid_utf8(text)) {
    const char kept = is_control(c) ? ' ' : c;
    if (kept == ' ' && (line.empty() || line.back() == ' ')) continue;
    line += kept;
  }
  if (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

std::string code_text(std::string_view text) {
  return replaced(replaced(one_line(text), '(', '['), ')', ']');
}

std::string payee_text(std::string_view text) {
  return replaced(replaced(one_line(text), ';', ','), '|', '/');
}

std::string note_text(std::string_view text) {
  return replaced(one_line(text), ';', ',');
}

std::string tag_value(std::string_view text) {
  return one_line(replaced(std::string(text), ',', ' '));
}

std::string account_name_problem(std::string_view name) {
  if (name.empty()) return "is empty";
  if (valid_utf8(name) != name) return "is not valid UTF-8";
  if (name.front() == '(' || name.front() == '[') {
    return "starts with '(' or '[' (a virtual posting in hledger and ledger)";
  }
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (is_control(name[i])) return "has a tab or control character";
    if (name[i] == ';') return "has a ';' (the start of a comment)";
    if (name[i] == ' ' && i + 1 < name.size() && name[i + 1] == ' ') {
      return "has two blanks in a row (they separate the account from the amount)";
    }
  }
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t end = std::min(name.find(':', start), name.size());
    const std::string_view part = name.substr(start, end - start);
    if (part.empty()) return "has an empty part between ':'";
    if (part.front() == ' ' || part.back() == ' ') return "has a part with blanks at its ends";
    start = end + 1;
  }
  return "";
}

std::string amount_text(const Money& amount) {
  return amount.format() + " " + std::string(amount.currency().code());
}

}  // namespace kontor::plugins::journal
