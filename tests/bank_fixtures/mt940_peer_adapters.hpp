// Adapters from the MT940 peers' expected results to Kontor's `kontorctl parse` JSON: each reads
// one peer format and compares the fields that map onto ours, recording every difference with
// the peer's field name (IGNORED_FIELDS.md says which peer fields are left out, and why).
//
// - WoLpH/mt940 `.yml`: a PyYAML dump of the Python objects. Its statement data holds the LAST
//   value of each tag in the file (it is overwritten statement by statement) and its
//   transactions are those of all statements, so balances are looked for among all our
//   statements and transactions are compared with all our entries in file order.
// - mt940-rs `.json`: one object per message, in order, amounts unsigned with their indicator.
// - betterplace `.yml`: Ruby objects per tag in file order, amounts in cents.
// - `.facts.yml`: facts read off the other peers' assertions, written for this corpus.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace kontor::testing::mt940_fixtures {

using json = nlohmann::json;

// What `kontorctl parse` did with one input.
struct ParseRun {
  int status = -1;
  json out;
  std::string err;
  // The input was read from a copy with "EUR" for "DEM" in its balances: expected currencies
  // "DEM" mean "EUR".
  bool dem_as_eur = false;
};

ParseRun kontorctl_parse(const std::filesystem::path& input, bool dem_as_eur = false);

struct Mismatch {
  std::string peer_field;
  std::string where;
  std::string ours;
  std::string expected;
};

// Collects the differences of one comparison.
class Comparison {
 public:
  explicit Comparison(const ParseRun& run) : run_(run) {}

  // null and "" are the same (the peers write either for "none").
  void text(const std::string& field, const std::string& where, const json& ours,
            const json& expected);
  // Whitespace runs count as one blank; leading and trailing blanks do not count.
  void squeezed(const std::string& field, const std::string& where, const json& ours,
                const json& expected);
  // Ours, all whitespace removed, is part of the peer's raw text (all whitespace and German
  // subfield markers "?20" removed): for peers that keep a field raw where we take it apart.
  void within(const std::string& field, const std::string& where, const json& ours,
              const json& expected);
  // Decimal amounts, whatever their number of decimals ("-5" and "-5.00").
  void amount(const std::string& field, const std::string& where, const json& ours,
              const json& expected);
  void same(const std::string& field, const std::string& where, bool same_value,
            const std::string& ours, const std::string& expected);
  void currency(const std::string& field, const std::string& where, const json& ours,
                const std::string& expected);

  // Texts of ours are compared as mt940-rs's sanitize() would have written them: letters
  // without their accents (ß as ss), every other character outside SWIFT's set as '.'.
  void sanitize_like_mt940_rs() { sanitize_ = true; }

  const ParseRun& run() const { return run_; }
  const std::vector<Mismatch>& mismatches() const { return mismatches_; }

 private:
  void record(const std::string& field, const std::string& where, const json& ours,
              const json& expected);
  json ours_as_compared(const json& ours) const;

  const ParseRun& run_;
  bool sanitize_ = false;
  std::vector<Mismatch> mismatches_;
};

// Our statements and their entries in file order, as JSON pointers' targets.
std::vector<const json*> statements_of(const json& out);
std::vector<const json*> entries_of(const json& out);

// The YAML text of a PyYAML dump as yaml-cpp 0.7 reads it: PyYAML writes the sequence of a
// tagged value ("amount: !!python/object/apply:decimal.Decimal" then "- '1.00'") at the key's
// indentation, and tagged block scalars ("- !!binary |"), both of which yaml-cpp refuses; the
// sequences are indented by two more blanks, the base64 is written as one quoted scalar.
std::string yaml_for_yaml_cpp(const std::filesystem::path& file);

std::string swift_sanitized(const std::string& text);

// "-0012.50" -> "-12.5": equal decimals give equal text.
std::string canonical_decimal(const std::string& text);

// Whether `peer` names the account our statement JSON gives (IBAN or number, with the BIC
// before it or a currency after it as the peer may keep them).
bool same_account(const json& account, const std::string& peer);

void compare_wolph(const std::filesystem::path& expected, Comparison& comparison);
void compare_mt940_rs(const std::filesystem::path& expected, Comparison& comparison);
void compare_betterplace(const std::filesystem::path& expected, Comparison& comparison);
void compare_facts(const std::filesystem::path& expected, Comparison& comparison);

}  // namespace kontor::testing::mt940_fixtures
