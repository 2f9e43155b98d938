#include "sepa_keywords.hpp"

#include <array>
#include <vector>

#include "text_values.hpp"

namespace kontor::plugins::bank_csv {
namespace {

enum class Key { eref, kref, mref, cred, debt, svwz, abwa, abwe, iban, bic, other };
enum class Form { plus, colon, label };

struct Keyword {
  std::string_view text;
  Key key;
  Form form;
};

constexpr std::array<Keyword, 25> kKeywords = {{
    {"EREF+", Key::eref, Form::plus},
    {"KREF+", Key::kref, Form::plus},
    {"MREF+", Key::mref, Form::plus},
    {"CRED+", Key::cred, Form::plus},
    {"DEBT+", Key::debt, Form::plus},
    {"SVWZ+", Key::svwz, Form::plus},
    {"ABWA+", Key::abwa, Form::plus},
    {"ABWE+", Key::abwe, Form::plus},
    {"COAM+", Key::other, Form::plus},
    {"OAMT+", Key::other, Form::plus},
    {"PURP+", Key::other, Form::plus},
    {"EREF:", Key::eref, Form::colon},
    {"KREF:", Key::kref, Form::colon},
    {"MREF:", Key::mref, Form::colon},
    {"CRED:", Key::cred, Form::colon},
    {"DEBT:", Key::debt, Form::colon},
    {"SVWZ:", Key::svwz, Form::colon},
    {"ABWA:", Key::abwa, Form::colon},
    {"ABWE:", Key::abwe, Form::colon},
    {"IBAN:", Key::iban, Form::colon},
    {"BIC:", Key::bic, Form::colon},
    {"End-to-End-Ref.:", Key::eref, Form::label},
    {"Mandatsref:", Key::mref, Form::label},
    {"Gläubiger-ID:", Key::cred, Form::label},
    {"Glaeubiger-ID:", Key::cred, Form::label},
}};

struct Found {
  std::size_t start;
  std::size_t value_start;
  const Keyword* keyword;
};

const Keyword* keyword_at(std::string_view text, std::size_t at) {
  const bool word_start = at == 0 || text[at - 1] == ' ';
  for (const Keyword& keyword : kKeywords) {
    if (keyword.form != Form::plus && !word_start) continue;
    if (text.substr(at, keyword.text.size()) == keyword.text) return &keyword;
  }
  return nullptr;
}

std::vector<Found> find_keywords(std::string_view text) {
  std::vector<Found> found;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!is_ascii_upper(c)) continue;
    if (const Keyword* keyword = keyword_at(text, i)) {
      found.push_back({i, i + keyword->text.size(), keyword});
      i += keyword->text.size() - 1;
    }
  }
  return found;
}

void append(std::string& to, std::string_view text) {
  text = trimmed(text);
  if (text.empty()) return;
  if (!to.empty()) to += ' ';
  to.append(text);
}

void assign_first(std::string& to, std::string_view value) {
  value = trimmed(value);
  if (to.empty()) to.assign(value);
}

}  // namespace

SepaParts split_sepa_keywords(std::string_view text) {
  SepaParts parts;
  const std::vector<Found> found = find_keywords(text);
  if (found.empty()) {
    parts.remittance.assign(trimmed(text));
    return parts;
  }
  parts.found = true;
  std::string outside, purpose;
  append(outside, text.substr(0, found.front().start));
  for (std::size_t k = 0; k < found.size(); ++k) {
    const std::size_t end = k + 1 < found.size() ? found[k + 1].start : text.size();
    std::string_view value = text.substr(found[k].value_start, end - found[k].value_start);
    if (found[k].keyword->form == Form::label) {
      // One token; what follows it is text again.
      value = trimmed(value);
      const std::size_t blank = value.find(' ');
      if (blank != std::string_view::npos) {
        append(outside, value.substr(blank + 1));
        value = value.substr(0, blank);
      }
    }
    switch (found[k].keyword->key) {
      case Key::eref:
        if (trimmed(value) != "NOTPROVIDED") assign_first(parts.end_to_end_id, value);
        break;
      case Key::kref:
        if (trimmed(value) != "NOTPROVIDED") assign_first(parts.customer_reference, value);
        break;
      case Key::mref:
        assign_first(parts.mandate_id, value);
        break;
      case Key::cred:
        assign_first(parts.creditor_id, value);
        break;
      case Key::svwz:
        append(purpose, value);
        break;
      case Key::abwa:
        assign_first(parts.ultimate_debtor, value);
        break;
      case Key::abwe:
        assign_first(parts.ultimate_creditor, value);
        break;
      case Key::iban:
        assign_first(parts.iban, value);
        break;
      case Key::bic:
        assign_first(parts.bic, value);
        break;
      case Key::debt:
      case Key::other:
        break;
    }
  }
  parts.remittance = std::move(outside);
  append(parts.remittance, purpose);
  return parts;
}

}  // namespace kontor::plugins::bank_csv
