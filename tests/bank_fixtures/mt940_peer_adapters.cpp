#include "mt940_peer_adapters.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing::mt940_fixtures {
namespace {

namespace fs = std::filesystem;

std::string shown(const json& value) {
  if (value.is_null()) return "null";
  if (value.is_string()) return "\"" + value.get<std::string>() + "\"";
  return value.dump();
}

std::string as_text(const json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

std::string squeeze(const std::string& text) {
  std::string out;
  bool blank = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      blank = !out.empty();
      continue;
    }
    if (blank) out += ' ';
    blank = false;
    out += c;
  }
  return out;
}

std::string without_space(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') out += c;
  }
  return out;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// A raw German :86: without its subfield markers ("?20", ">21").
std::string without_markers(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((text[i] == '?' || text[i] == '>') && i + 2 < text.size() && is_digit(text[i + 1]) &&
        is_digit(text[i + 2])) {
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

// A copy of `input` whose balances say EUR where they say DEM.
fs::path dem_as_eur_copy(const fs::path& input, const TempDir& dir) {
  std::ifstream in(input, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  std::string text = content.str();
  for (std::size_t at = text.find("DEM"); at != std::string::npos; at = text.find("DEM", at + 3)) {
    const std::size_t line = text.rfind('\n', at);
    const std::string_view start =
        std::string_view(text).substr(line == std::string::npos ? 0 : line + 1, 3);
    if (start == ":60" || start == ":62" || start == ":64" || start == ":65") {
      text.replace(at, 3, "EUR");
    }
  }
  return dir.write(input.filename().string(), text);
}

std::size_t indentation(const std::string& line) {
  const std::size_t first = line.find_first_not_of(' ');
  return first == std::string::npos ? line.size() : first;
}

// "key: !!tag" with nothing after the tag.
bool ends_with_tag_only(const std::string& line) {
  const std::size_t colon = line.find(": !");
  return colon != std::string::npos && line.find(' ', colon + 2) == std::string::npos;
}

// U+00C0..U+017F without their accents, as deunicode writes them.
constexpr const char* kLatinLetters[] = {
    "A", "A", "A",  "A",  "A", "A", "AE", "C",  "E",  "E", "E", "E", "I",  "I",  "I", "I", "D", "N",
    "O", "O", "O",  "O",  "O", "x", "O",  "U",  "U",  "U", "U", "Y", "TH", "ss", "a", "a", "a", "a",
    "a", "a", "ae", "c",  "e", "e", "e",  "e",  "i",  "i", "i", "i", "d",  "n",  "o", "o", "o", "o",
    "o", ".", "o",  "u",  "u", "u", "u",  "y",  "th", "y", "A", "a", "A",  "a",  "A", "a", "C", "c",
    "C", "c", "C",  "c",  "C", "c", "D",  "d",  "D",  "d", "E", "e", "E",  "e",  "E", "e", "E", "e",
    "E", "e", "G",  "g",  "G", "g", "G",  "g",  "G",  "g", "H", "h", "H",  "h",  "I", "i", "I", "i",
    "I", "i", "I",  "i",  "I", "i", "IJ", "ij", "J",  "j", "K", "k", "q",  "L",  "l", "L", "l", "L",
    "l", "L", "l",  "L",  "l", "N", "n",  "N",  "n",  "N", "n", "n", "NG", "ng", "O", "o", "O", "o",
    "O", "o", "OE", "oe", "R", "r", "R",  "r",  "R",  "r", "S", "s", "S",  "s",  "S", "s", "S", "s",
    "T", "t", "T",  "t",  "T", "t", "U",  "u",  "U",  "u", "U", "u", "U",  "u",  "U", "u", "U", "u",
    "W", "w", "Y",  "y",  "Y", "Z", "z",  "Z",  "z",  "Z", "z", "s"};

}  // namespace

std::string swift_sanitized(const std::string& text) {
  static const std::string kSwiftCharacters =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-?:().,+{} \r\n";
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    length = std::min(length, text.size() - i);
    if (length == 1) {
      out += kSwiftCharacters.find(text[i]) != std::string::npos ? text[i] : '.';
    } else {
      const unsigned code =
          length == 2 ? ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu) : 0;
      out += code >= 0xC0 && code < 0x180 ? kLatinLetters[code - 0xC0] : ".";
    }
    i += length;
  }
  return out;
}

std::string yaml_for_yaml_cpp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    if (!ends_with_tag_only(lines[i])) continue;
    const std::size_t indent = indentation(lines[i]);
    if (indentation(lines[i + 1]) != indent || lines[i + 1].compare(indent, 2, "- ") != 0) continue;
    // The sequence: its items at the key's indentation, their contents deeper.
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      const std::size_t at = indentation(lines[j]);
      const bool item = at == indent && lines[j].compare(indent, 2, "- ") == 0;
      if (!item && at <= indent) break;
      lines[j].insert(0, "  ");
    }
  }
  // "- !!binary |" and its base64 lines: one quoted scalar (yaml-cpp refuses a tagged block
  // scalar in a sequence).
  std::string text;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i];
    if (line.ends_with("!!binary |")) {
      line.erase(line.size() - 1);
      std::string base64;
      const std::size_t indent = indentation(line);
      while (i + 1 < lines.size() && indentation(lines[i + 1]) > indent && !lines[i + 1].empty()) {
        ++i;
        base64 += lines[i].substr(indentation(lines[i]));
      }
      line += "\"" + base64 + "\"";
    }
    text += line + "\n";
  }
  return text;
}

ParseRun kontorctl_parse(const fs::path& input, bool dem_as_eur) {
  TempDir dir;
  const fs::path file = dem_as_eur ? dem_as_eur_copy(input, dir) : input;
  ChildOptions options;
  options.argv = {(binary_dir() / "daemon/kontorctl").string(),
                  "parse",
                  file.string(),
                  "--format",
                  "mt940",
                  "--plugin-dir",
                  (binary_dir() / "plugins").string()};
  options.output_dir = dir.path() / "output";
  fs::create_directories(options.output_dir);
  const Completed done = run_to_end(std::move(options));
  ParseRun run;
  run.status = done.status;
  run.out = json::parse(done.out, nullptr, false);
  run.err = done.err;
  run.dem_as_eur = dem_as_eur;
  return run;
}

std::string canonical_decimal(const std::string& text) {
  std::string digits = text;
  bool negative = false;
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) {
    negative = digits[0] == '-';
    digits.erase(0, 1);
  }
  std::string whole = digits, fraction;
  if (const std::size_t point = digits.find_first_of(".,"); point != std::string::npos) {
    whole = digits.substr(0, point);
    fraction = digits.substr(point + 1);
  }
  while (whole.size() > 1 && whole[0] == '0') whole.erase(0, 1);
  if (whole.empty()) whole = "0";
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  const bool zero = whole == "0" && fraction.empty();
  return (negative && !zero ? "-" : "") + whole + (fraction.empty() ? "" : "." + fraction);
}

bool same_account(const json& account, const std::string& peer) {
  const std::string expected = squeeze(peer);
  std::vector<std::string> ours;
  for (const char* key : {"iban", "number"}) {
    if (account.contains(key) && account[key].is_string()) ours.push_back(account[key]);
  }
  const std::string bic = account.contains("bic") && account["bic"].is_string()
                              ? account["bic"].get<std::string>()
                              : "";
  const std::string currency = account.contains("currency") && account["currency"].is_string()
                                   ? account["currency"].get<std::string>()
                                   : "";
  for (const std::string& number : ours) {
    for (const std::string& candidate :
         {number, bic + "/" + number, number + currency, number + " " + currency,
          number + "/" + currency, bic + "/" + number + "/" + currency}) {
      if (candidate == expected) return true;
    }
  }
  return false;
}

std::vector<const json*> statements_of(const json& out) {
  std::vector<const json*> all;
  if (!out.is_object() || !out.contains("statements")) return all;
  for (const json& statement : out["statements"]) all.push_back(&statement);
  return all;
}

std::vector<const json*> entries_of(const json& out) {
  std::vector<const json*> all;
  for (const json* statement : statements_of(out)) {
    for (const json& entry : (*statement)["entries"]) all.push_back(&entry);
  }
  return all;
}

void Comparison::record(const std::string& field, const std::string& where, const json& ours,
                        const json& expected) {
  mismatches_.push_back(Mismatch{
      .peer_field = field, .where = where, .ours = shown(ours), .expected = shown(expected)});
}

json Comparison::ours_as_compared(const json& ours) const {
  return sanitize_ && ours.is_string() ? json(swift_sanitized(ours.get<std::string>())) : ours;
}

void Comparison::text(const std::string& field, const std::string& where, const json& ours,
                      const json& expected) {
  if (as_text(ours_as_compared(ours)) != as_text(expected)) record(field, where, ours, expected);
}

void Comparison::squeezed(const std::string& field, const std::string& where, const json& ours,
                          const json& expected) {
  if (squeeze(as_text(ours_as_compared(ours))) != squeeze(as_text(expected))) {
    record(field, where, ours, expected);
  }
}

void Comparison::within(const std::string& field, const std::string& where, const json& ours,
                        const json& expected) {
  const std::string part = without_space(as_text(ours_as_compared(ours)));
  const std::string whole = without_markers(without_space(as_text(expected)));
  if (whole.find(part) == std::string::npos || (part.empty() && !whole.empty())) {
    record(field, where, ours, expected);
  }
}

void Comparison::amount(const std::string& field, const std::string& where, const json& ours,
                        const json& expected) {
  if (!ours.is_string() ||
      canonical_decimal(ours.get<std::string>()) != canonical_decimal(as_text(expected))) {
    record(field, where, ours, expected);
  }
}

void Comparison::same(const std::string& field, const std::string& where, bool same_value,
                      const std::string& ours, const std::string& expected) {
  if (!same_value) record(field, where, json(ours), json(expected));
}

void Comparison::currency(const std::string& field, const std::string& where, const json& ours,
                          const std::string& expected) {
  text(field, where, ours, json(run_.dem_as_eur && expected == "DEM" ? "EUR" : expected));
}

}  // namespace kontor::testing::mt940_fixtures
