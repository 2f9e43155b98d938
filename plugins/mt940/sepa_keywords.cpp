#include "sepa_keywords.hpp"

namespace kontor::plugins::mt940 {
namespace {

struct Name {
  std::string_view text;  // without the '+'
  SepaKeyword keyword;
  std::size_t max_characters;  // of its value in SEPA; 0: no limit kept
};

constexpr Name kNames[] = {
    {"EREF", SepaKeyword::eref, 35}, {"KREF", SepaKeyword::kref, 35},
    {"MREF", SepaKeyword::mref, 35}, {"CRED", SepaKeyword::cred, 35},
    {"DEBT", SepaKeyword::debt, 35}, {"COAM", SepaKeyword::coam, 35},
    {"OAMT", SepaKeyword::oamt, 35}, {"SVWZ", SepaKeyword::svwz, 0},
    {"ABWA", SepaKeyword::abwa, 70}, {"ABWE", SepaKeyword::abwe, 70},
    {"IBAN", SepaKeyword::iban, 34}, {"BIC", SepaKeyword::bic, 11},
};

std::size_t characters(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

void add_piece(std::string& text, std::string_view piece) {
  if (piece.empty()) return;
  if (!text.empty()) text += ' ';
  text += piece;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// The keyword whose '+' stands at purpose[plus], if one does; `start` is where its name begins.
const Name* keyword_ending_at(std::string_view purpose, std::size_t plus, std::size_t& start) {
  for (const Name& name : kNames) {
    if (plus < name.text.size()) continue;
    if (purpose.substr(plus - name.text.size(), name.text.size()) == name.text) {
      start = plus - name.text.size();
      return &name;
    }
  }
  return nullptr;
}

}  // namespace

void SepaKeywords::split(std::string_view purpose, const std::vector<std::size_t>& subfields) {
  values_.fill({});
  present_.fill(false);
  any_ = false;
  prefix_ = trim(purpose);
  free_text_.clear();

  const Name* current = nullptr;
  std::size_t value_start = 0;
  std::size_t search = 0;
  while (true) {
    const std::size_t plus = purpose.find('+', search);
    std::size_t start = 0;
    const Name* found =
        plus == std::string_view::npos ? nullptr : keyword_ending_at(purpose, plus, start);
    // A keyword's name cannot begin inside the previous keyword's name.
    if (found != nullptr && current != nullptr && start < value_start) found = nullptr;
    if (plus != std::string_view::npos && found == nullptr) {
      search = plus + 1;
      continue;
    }
    const std::size_t end = plus == std::string_view::npos ? purpose.size() : start;
    if (current != nullptr) {
      std::size_t value_end = end;
      std::string_view value = trim(purpose.substr(value_start, end - value_start));
      if (current->max_characters != 0 && characters(value) > current->max_characters) {
        // Cut at the last subfield boundary that keeps the value within SEPA's limit.
        for (auto boundary = subfields.rbegin(); boundary != subfields.rend(); ++boundary) {
          if (*boundary <= value_start || *boundary >= end) continue;
          const std::string_view shorter =
              trim(purpose.substr(value_start, *boundary - value_start));
          if (!shorter.empty() && characters(shorter) <= current->max_characters) {
            value = shorter;
            value_end = *boundary;
            break;
          }
        }
      }
      add_piece(free_text_, trim(purpose.substr(value_end, end - value_end)));
      const int index = static_cast<int>(current->keyword);
      if (!present_[index]) {
        present_[index] = true;
        values_[index] = value;
      }
    } else if (found != nullptr) {
      prefix_ = trim(purpose.substr(0, start));
      add_piece(free_text_, prefix_);
      any_ = true;
    }
    if (found == nullptr) {
      if (!any_) free_text_.assign(prefix_.data(), prefix_.size());
      return;
    }
    current = found;
    value_start = plus + 1;
    search = plus + 1;
  }
}

}  // namespace kontor::plugins::mt940
