#include "sepa_keywords.hpp"

namespace kontor::plugins::mt940 {
namespace {

struct Name {
  std::string_view text;  // without the '+'
  SepaKeyword keyword;
};

constexpr Name kNames[] = {
    {"EREF", SepaKeyword::eref}, {"KREF", SepaKeyword::kref}, {"MREF", SepaKeyword::mref},
    {"CRED", SepaKeyword::cred}, {"DEBT", SepaKeyword::debt}, {"COAM", SepaKeyword::coam},
    {"OAMT", SepaKeyword::oamt}, {"SVWZ", SepaKeyword::svwz}, {"ABWA", SepaKeyword::abwa},
    {"ABWE", SepaKeyword::abwe}, {"IBAN", SepaKeyword::iban}, {"BIC", SepaKeyword::bic},
};

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

void SepaKeywords::split(std::string_view purpose) {
  values_.fill({});
  present_.fill(false);
  any_ = false;
  prefix_ = trim(purpose);

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
      const int index = static_cast<int>(current->keyword);
      if (!present_[index]) {
        present_[index] = true;
        values_[index] = trim(purpose.substr(value_start, end - value_start));
      }
    } else if (found != nullptr) {
      prefix_ = trim(purpose.substr(0, start));
      any_ = true;
    }
    if (found == nullptr) return;
    current = found;
    value_start = plus + 1;
    search = plus + 1;
  }
}

}  // namespace kontor::plugins::mt940
