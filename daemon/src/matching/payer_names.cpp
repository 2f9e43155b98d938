// Payer names (see the header): spell out, drop what does not tell payers apart, sort.

#include "matching/payer_names.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

namespace kontor::matching {
namespace {

// Latin-1 letters U+00C0..U+00FF (UTF-8 C3 80..C3 BF) in their ASCII spelling, lower case;
// empty for the two signs in that range (× and ÷), which separate words.
constexpr std::array<std::string_view, 64> kLatin1Spelling{
    "a", "a", "a", "a", "ae", "a", "ae", "c", "e", "e", "e", "e", "i",  "i", "i",  "i",   // C0
    "d", "n", "o", "o", "o",  "o", "oe", "",  "o", "u", "u", "u", "ue", "y", "th", "ss",  // D0
    "a", "a", "a", "a", "ae", "a", "ae", "c", "e", "e", "e", "e", "i",  "i", "i",  "i",   // E0
    "d", "n", "o", "o", "o",  "o", "oe", "",  "o", "u", "u", "u", "ue", "y", "th", "y"};  // F0

// Blank-separated word lists, blanks at both ends, so that a word is found only as a whole.
// Dots are already gone when they are consulted: "e.K." is "ek", "Co." is "co".
constexpr std::string_view kLegalForms =
    " gmbh mbh ggmbh ag kg kgaa ohg gbr ek ekfm ekfr ug haftungsbeschraenkt ev eg se co cokg"
    " gmbhcokg ltd limited inc incorporated llc llp plc corp corporation bv nv sa sarl sas srl"
    " spa ab oy partg ";
constexpr std::string_view kFormsOfAddress =
    " herr herrn frau hr fr dr prof mr mrs ms firma fa dipl ";

bool in_word_list(std::string_view list, std::string_view word) {
  if (word.empty()) return false;
  for (std::size_t at = list.find(word); at != std::string_view::npos;
       at = list.find(word, at + 1)) {
    if (list[at - 1] == ' ' && list[at + word.size()] == ' ') return true;
  }
  return false;
}

bool is_legal_form(std::string_view word) {
  return in_word_list(kLegalForms, word);
}
bool is_form_of_address(std::string_view word) {
  return in_word_list(kFormsOfAddress, word);
}

// Lower case, umlauts and accents spelled out, '&' as "und", dots and apostrophes dropped (so
// "e.K." stays one word), every other mark a blank.
std::string spelled_out(std::string_view name) {
  std::string text;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto byte = static_cast<unsigned char>(name[i]);
    if (byte == 0xC3 && i + 1 < name.size()) {
      const auto next = static_cast<unsigned char>(name[i + 1]);
      if (next >= 0x80 && next <= 0xBF) {
        const std::string_view spelling = kLatin1Spelling[next - 0x80];
        text += spelling.empty() ? std::string_view(" ") : spelling;
        ++i;
        continue;
      }
    }
    // Capital sharp s, U+1E9E.
    if (byte == 0xE1 && name.substr(i, 3) == "\xE1\xBA\x9E") {
      text += "ss";
      i += 2;
      continue;
    }
    if (byte >= 0x80) {
      text.push_back(name[i]);  // another script's letter: kept, compared as written
    } else if (byte >= 'A' && byte <= 'Z') {
      text.push_back(static_cast<char>(byte - 'A' + 'a'));
    } else if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9')) {
      text.push_back(name[i]);
    } else if (byte == '.' || byte == '\'') {
      // joins: "e.K." → "ek", "O'Brien" → "obrien"
    } else if (byte == '&') {
      text += " und ";
    } else {
      text.push_back(' ');
    }
  }
  return text;
}

}  // namespace

std::string normalised_payer_name(std::string_view name) {
  const std::string text = spelled_out(name);
  std::vector<std::string> words;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t end = std::min(text.find(' ', i), text.size());
    if (end > i) words.push_back(text.substr(i, end - i));
    i = end + 1;
  }
  std::vector<std::string> kept;
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (is_legal_form(words[w]) || is_form_of_address(words[w])) continue;
    // The "&" of "GmbH & Co. KG" belongs to the legal form, that of "Müller & Söhne" to the name.
    if (words[w] == "und" && w + 1 < words.size() && is_legal_form(words[w + 1])) continue;
    kept.push_back(words[w]);
  }
  std::sort(kept.begin(), kept.end());
  std::string normalised;
  for (const std::string& word : kept) {
    if (!normalised.empty()) normalised.push_back(' ');
    normalised += word;
  }
  return normalised;
}

bool same_payer_name(std::string_view a, std::string_view b) {
  const std::string normalised_a = normalised_payer_name(a);
  return !normalised_a.empty() && normalised_a == normalised_payer_name(b);
}

std::string comparable_account(std::string_view account) {
  std::string key;
  for (char c : account) {
    if (c == ' ') continue;
    key.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return key;
}

}  // namespace kontor::matching
