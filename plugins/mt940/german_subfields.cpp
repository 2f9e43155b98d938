#include "german_subfields.hpp"

namespace kontor::plugins::mt940 {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool marker_at(std::string_view text, std::size_t at, char separator) {
  return at + 2 < text.size() && text[at] == separator && is_digit(text[at + 1]) &&
         is_digit(text[at + 2]);
}

}  // namespace

bool GermanSubfields::split(std::string_view text) {
  gvc_ = {};
  fields_.clear();
  if (text.size() < 3 || !is_digit(text[0]) || !is_digit(text[1]) || !is_digit(text[2])) {
    return false;
  }
  const std::string_view after_gvc = text.substr(3);
  char separator = 0;
  if (after_gvc.find_first_not_of(' ') == std::string_view::npos) {
    gvc_ = text.substr(0, 3);  // a GVC and nothing else
    return true;
  }
  if (marker_at(text, 3, '?')) {
    separator = '?';
  } else if (marker_at(text, 3, '>')) {
    separator = '>';
  } else {
    return false;
  }
  gvc_ = text.substr(0, 3);
  std::size_t at = 3;
  while (at < text.size()) {
    const int code = (text[at + 1] - '0') * 10 + (text[at + 2] - '0');
    const std::size_t start = at + 3;
    std::size_t end = start;
    while (true) {
      const std::size_t next = text.find(separator, end);
      if (next == std::string_view::npos) {
        end = text.size();
        break;
      }
      if (marker_at(text, next, separator)) {
        end = next;
        break;
      }
      end = next + 1;
    }
    fields_.emplace_back(code, text.substr(start, end - start));
    at = end;
  }
  return true;
}

std::string_view GermanSubfields::value(int code) const {
  for (const auto& [field_code, field_value] : fields_) {
    if (field_code == code) return field_value;
  }
  return {};
}

bool GermanSubfields::has(int code) const {
  for (const auto& field : fields_) {
    if (field.first == code) return true;
  }
  return false;
}

void GermanSubfields::append_range(int first, int last, std::string& out,
                                   std::vector<std::size_t>* starts) const {
  // In code order, as the DK format defines the purpose: ?20 to ?29, then ?60 to ?63.
  for (int code = first; code <= last; ++code) {
    for (const auto& [field_code, field_value] : fields_) {
      if (field_code == code) {
        if (starts != nullptr) starts->push_back(out.size());
        out += field_value;
        break;
      }
    }
  }
}

}  // namespace kontor::plugins::mt940
