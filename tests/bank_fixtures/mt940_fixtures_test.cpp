// The MT940/MT942 fixtures of ../shared/fixtures/bank/mt940 and mt942 through the real binary:
// `kontorctl parse FILE --format mt940`, its JSON compared with each peer's expected result on the
// fields that map onto ours, one adapter per peer format (mt940_peer_adapters.hpp):
// - WoLpH/mt940 `.yml`, mt940-rs `.json`, betterplace `.yml`, and the `.facts.yml` read off the
//   other peers' assertions;
// - every input, expected result or not: read (with amounts and balances that hold together) or
//   refused with the reason listed below.
// What is not compared, or compared and known to differ, is listed in IGNORED_FIELDS.md; the
// differences are also listed here (kDeviations), each of which must still occur, so that the
// list stays exact.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "mt940_peer_adapters.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing::mt940_fixtures {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// Inputs that are refused, and what the refusal must say.
struct Refusal {
  std::string_view input;
  std::string_view message;
};
constexpr Refusal kRefusals[] = {
    // DEM (withdrawn 2002) is no ISO 4217 currency Kontor's Money knows; the adapter also reads
    // a copy with EUR for DEM, which is compared with the peers' results.
    {"cmxl__mt940.txt", "'DEM' is not an ISO 4217 currency"},
    {"cmxl__mt940-deutsche_bank.txt", "'DEM' is not an ISO 4217 currency"},
    {"cmxl__mt940-with-colon-after-line-break.txt", "'DEM' is not an ISO 4217 currency"},
    {"mt940-rs__mt942__full__mBank__mt942.sta", "'DEM' is not an ISO 4217 currency"},
    {"wolph-mt940__cmxl__mt940.sta", "'DEM' is not an ISO 4217 currency"},
    {"wolph-mt940__self-provided__raphaelm.sta", "'DEM' is not an ISO 4217 currency"},
    // Dates that no calendar has (value date 36-22-68, balance date 14-13-87).
    {"cmxl__mt940-headers.txt", "date '362268': there is no month 22"},
    // Negative tests of the peers: not MT940 at all, empty.
    {"wolph-mt940__self-provided__invalid_statement.sta", "no MT940/MT942 statement"},
    {"mt940-rs__mt942__full__cmxl__mt942_1.sta", "the file is empty"},
    // Only an empty :NS: (German non-SWIFT) field: no statement.
    {"wolph-mt940__self-provided__empty_non_swift.sta", "no MT940/MT942 statement"},
};

// Peer fields that differ from ours for a reason (IGNORED_FIELDS.md tells it in full). Each must
// still differ: a listed field that compares equal fails the test.
struct Deviation {
  std::string_view expected;  // the peer's file
  std::string_view peer_field;
  std::string_view reason;
};
constexpr std::string_view kSepaLimit =
    "the value runs on in the next subfields past the 35 characters SEPA allows; we end it at the "
    "subfield boundary and read the rest as remittance, the peer keeps it all in the value";
constexpr std::string_view kSixtyToSixtyThree =
    "the peer reads SEPA keywords in ?20-?29 only and keeps ?60-?63 apart; the issue joins "
    "?20-?29 and ?60-?63 first, so ABWA+ there is the ultimate debtor";
constexpr std::string_view kIbanBesideAccount =
    "?31 holds an account number and ?38 the IBAN; we report the IBAN, the peer ?31";
constexpr Deviation kDeviations[] = {
    // facts
    {"cmxl__mt940.facts.yml", "counterparty_name",
     "cmxl joins ?32 and ?33 with a blank (\"ULPRZEMY SLOWA\"); the DK format continues the name "
     "without one (the word is PRZEMYSLOWA)"},
    {"cmxl__mt940-headers.facts.yml", "statement_count", "refused: no month 22 or 13 (kRefusals)"},
    {"cmxl__mt940-headers.facts.yml", "statements", "refused: no month 22 or 13 (kRefusals)"},
    {"cmxl__statement-details-mt940.facts.yml", "sepa.EREF", kSepaLimit},
    {"fruitl00p__Kontist__sample.facts.yml", "closing_minus_opening",
     "the value asserted is opening minus closing; ours is closing minus opening, the same size"},
    {"fruitl00p__Penta__sample.facts.yml", "closing_minus_opening",
     "the value asserted is opening minus closing; ours is closing minus opening, the same size"},
    {"jejik__lbbw.facts.yml", "remittance_svwz",
     "jejik reads only SVWZ+; a purpose without SEPA keywords is our remittance"},
    {"jejik__sparkasse2.facts.yml", "remittance_svwz",
     "jejik reads only SVWZ+; a purpose without SEPA keywords is our remittance"},
    {"jejik__sparkasse3.facts.yml", "remittance_svwz",
     "jejik reads only SVWZ+; a purpose without SEPA keywords is our remittance"},
    // mt940-rs
    {"mt940-rs__mt940__full__betterplace__sepa_mt9401.json", "amount",
     "mt940-rs calls RC ReverseDebit and counts it as money in; RC, the reversal of a credit, is "
     "money out (issue 7 item 5)"},
    {"mt940-rs__mt940__full__cmxl__mt940_2.json", "applicant_iban", kIbanBesideAccount},
    {"mt940-rs__mt940__full__jejik__rabobank-iban.json", "information_to_account_owner",
     "/REMI/ is empty: no remittance, the peer keeps the whole raw text"},
    // WoLpH
    {"wolph-mt940__betterplace__sepa_mt9401.yml", "end_to_end_reference", kSepaLimit},
    {"wolph-mt940__betterplace__sepa_mt9401.yml", "purpose", kSepaLimit},
    {"wolph-mt940__betterplace__sepa_snippet.yml", "end_to_end_reference", kSepaLimit},
    {"wolph-mt940__betterplace__sepa_snippet.yml", "purpose", kSepaLimit},
    {"wolph-mt940__self-provided__wrapped_timestamp.yml", "applicant_creditor_id", kSepaLimit},
    {"wolph-mt940__self-provided__wrapped_timestamp.yml", "purpose", kSepaLimit},
    {"wolph-mt940__betterplace__sepa_snippet_broken.yml", "account_identification",
     "a second :25: after the entry is out of place: we keep the first account and warn "
     "(unexpected_tag), the peer takes the broken one"},
    {"wolph-mt940__betterplace__with_binary_character.betterplace.yml", "StatementLine",
     "the peer's result holds only the :20: its test looks at, none of the file's 4 entries"},
    {"wolph-mt940__cmxl__mt940.yml", "applicant_iban", kIbanBesideAccount},
    {"wolph-mt940__self-provided__multiline.yml", "applicant_iban", kIbanBesideAccount},
    {"wolph-mt940__self-provided__multiline.yml", "account_identification",
     "the peer cuts :25: after 35 characters"},
    {"wolph-mt940__self-provided__multiline.yml", "purpose",
     "the peer keeps ?60 as additional purpose and drops ?61-?63; we join ?20-?29 and ?60-?63"},
    {"wolph-mt940__jejik__rabobank-iban.yml", "transaction_details",
     "/REMI/ is empty: no remittance, the peer keeps the whole raw text"},
    {"wolph-mt940__self-provided__details_60-63.yml", "deviate_applicant", kSixtyToSixtyThree},
    {"wolph-mt940__self-provided__details_60-63.yml", "purpose", kSixtyToSixtyThree},
    {"wolph-mt940__self-provided__malformed_details.yml", "deviate_applicant", kSixtyToSixtyThree},
    {"wolph-mt940__self-provided__malformed_details.yml", "purpose", kSixtyToSixtyThree},
    {"wolph-mt940__self-provided__overly_long_details.yml", "deviate_applicant",
     kSixtyToSixtyThree},
    {"wolph-mt940__self-provided__overly_long_details.yml", "purpose", kSixtyToSixtyThree},
    {"wolph-mt940__self-provided__raiffeisen-cmi.yml", "transaction_details",
     "the file is in code page 852; kontorctl parse runs the plugin with encoding auto, which "
     "reads it as Windows-1252 and warns (encoding_assumed); with encoding cp852 the text is the "
     "peer's (plugins/mt940/mt940_file_test.cpp)"},
    {"wolph-mt940__self-provided__raphaelm.yml", "final_closing_balance",
     ":62F: has no currency; the peer takes the amount's first three digits for it, we read the "
     "whole amount in the statement's currency and warn (missing_currency)"},
    {"wolph-mt940__self-provided__raphaelm.yml", "intermediate_closing_balance",
     ":62M: has no currency; the peer takes the amount's first three digits for it, we read the "
     "whole amount in the statement's currency and warn (missing_currency)"},
};

enum class Peer { wolph, mt940_rs, betterplace, facts };

struct Expectation {
  fs::path expected;
  fs::path input;
  Peer peer = Peer::facts;
};

void PrintTo(const Expectation& expectation, std::ostream* out) {
  *out << expectation.expected.filename().string();
}

fs::path fixtures_dir(std::string_view folder) {
  return shared_dir() / "fixtures/bank" / folder;
}

bool is_expected_result(const fs::path& file) {
  const std::string extension = file.extension().string();
  return extension == ".yml" || extension == ".json";
}

std::vector<fs::path> files_in(std::string_view folder) {
  std::vector<fs::path> files;
  for (const auto& item : fs::directory_iterator(fixtures_dir(folder))) {
    if (item.is_regular_file()) files.push_back(item.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<fs::path> inputs() {
  std::vector<fs::path> all;
  for (std::string_view folder : {"mt940", "mt942"}) {
    for (const fs::path& file : files_in(folder)) {
      if (!is_expected_result(file)) all.push_back(file);
    }
  }
  return all;
}

// The input an expected result belongs to: the one with the same stem.
fs::path input_for(const fs::path& expected, const std::string& stem) {
  for (const fs::path& file : files_in(expected.parent_path().filename().string())) {
    const std::string name = file.filename().string();
    if (!is_expected_result(file) && (name == stem || name.starts_with(stem + "."))) return file;
  }
  return {};
}

std::vector<Expectation> expectations() {
  std::vector<Expectation> all;
  for (std::string_view folder : {"mt940", "mt942"}) {
    for (const fs::path& file : files_in(folder)) {
      const std::string name = file.filename().string();
      auto stem = [&](std::string_view suffix) {
        return name.substr(0, name.size() - suffix.size());
      };
      Expectation expectation{.expected = file, .input = {}, .peer = Peer::facts};
      if (name.ends_with(".facts.yml")) {
        expectation.input = file.parent_path() / YAML::LoadFile(file.string())["input"].Scalar();
      } else if (name.ends_with(".mt940-rs.json")) {
        expectation.peer = Peer::mt940_rs;
        expectation.input = input_for(file, stem(".mt940-rs.json"));
      } else if (name.ends_with(".betterplace.yml")) {
        expectation.peer = Peer::betterplace;
        expectation.input = input_for(file, stem(".betterplace.yml"));
      } else if (name.ends_with(".json")) {
        expectation.peer = Peer::mt940_rs;
        expectation.input = input_for(file, stem(".json"));
      } else if (name.ends_with(".yml")) {
        expectation.peer = name.starts_with("betterplace__") ? Peer::betterplace : Peer::wolph;
        expectation.input = input_for(file, stem(".yml"));
      } else {
        continue;
      }
      all.push_back(expectation);
    }
  }
  return all;
}

const Refusal* refusal_of(const fs::path& input) {
  for (const Refusal& refusal : kRefusals) {
    if (refusal.input == input.filename().string()) return &refusal;
  }
  return nullptr;
}

bool read_with_eur_for_dem(const fs::path& input) {
  const Refusal* refusal = refusal_of(input);
  return refusal != nullptr && std::string_view(refusal->message).find("DEM") != std::string::npos;
}

// One run per input and way of reading it, shared by the tests that look at it.
const ParseRun& run_of(const fs::path& input, bool dem_as_eur) {
  static std::map<std::pair<std::string, bool>, ParseRun> runs;
  const auto key = std::make_pair(input.string(), dem_as_eur);
  auto found = runs.find(key);
  if (found == runs.end()) found = runs.emplace(key, kontorctl_parse(input, dem_as_eur)).first;
  return found->second;
}

std::string test_name(const fs::path& file) {
  std::string name = file.filename().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

// --- Each peer's expected result ---------------------------------------------------------------

class PeerExpectation : public ::testing::TestWithParam<Expectation> {};

TEST_P(PeerExpectation, MatchesOnTheFieldsThatMap) {
  const Expectation& expectation = GetParam();
  ASSERT_FALSE(expectation.input.empty()) << "no input for " << expectation.expected;
  const ParseRun& run = run_of(expectation.input, read_with_eur_for_dem(expectation.input));
  Comparison comparison(run);
  switch (expectation.peer) {
    case Peer::wolph:
      compare_wolph(expectation.expected, comparison);
      break;
    case Peer::mt940_rs:
      compare_mt940_rs(expectation.expected, comparison);
      break;
    case Peer::betterplace:
      compare_betterplace(expectation.expected, comparison);
      break;
    case Peer::facts:
      compare_facts(expectation.expected, comparison);
      break;
  }
  const std::string expected_name = expectation.expected.filename().string();
  std::set<std::string_view> deviated;
  for (const Mismatch& mismatch : comparison.mismatches()) {
    bool listed = false;
    for (const Deviation& deviation : kDeviations) {
      if (deviation.expected == expected_name && deviation.peer_field == mismatch.peer_field) {
        listed = true;
        deviated.insert(deviation.peer_field);
      }
    }
    EXPECT_TRUE(listed) << mismatch.peer_field << " at " << mismatch.where << ": ours "
                        << mismatch.ours << ", expected " << mismatch.expected;
  }
  for (const Deviation& deviation : kDeviations) {
    if (deviation.expected == expected_name) {
      EXPECT_TRUE(deviated.count(deviation.peer_field) > 0)
          << "listed deviation of " << deviation.peer_field << " no longer occurs ("
          << deviation.reason << ")";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Mt940, PeerExpectation, ::testing::ValuesIn(expectations()),
                         [](const ::testing::TestParamInfo<Expectation>& info) {
                           return test_name(info.param.expected);
                         });

// --- Every input ---------------------------------------------------------------------------------

// Minor units of a decimal with exactly `decimals` digits after the point, or nullopt.
std::optional<long long> minor_units(const std::string& text, int decimals) {
  const std::size_t point = text.find('.');
  const int written = point == std::string::npos ? 0 : static_cast<int>(text.size() - point - 1);
  if (written != decimals) return std::nullopt;
  std::string digits = text;
  if (point != std::string::npos) digits.erase(point, 1);
  return std::stoll(digits);
}

class Mt940Input : public ::testing::TestWithParam<fs::path> {};

TEST_P(Mt940Input, IsReadWithAmountsThatHoldTogetherOrRefusedForItsListedReason) {
  const fs::path& input = GetParam();
  const ParseRun& run = run_of(input, false);
  if (const Refusal* refusal = refusal_of(input)) {
    EXPECT_EQ(run.status, 1) << run.out.dump(2);
    ASSERT_TRUE(run.out.contains("error")) << run.out.dump(2);
    EXPECT_THAT(run.out["error"]["message"].get<std::string>(), HasSubstr(refusal->message));
    EXPECT_EQ(run.out["error"]["file"], input.string());
    return;
  }
  ASSERT_EQ(run.status, 0) << run.out.dump(2) << run.err;
  const std::vector<const json*> statements = statements_of(run.out);
  ASSERT_FALSE(statements.empty());
  EXPECT_THAT(run.out["format"].get<std::string>(), ::testing::AnyOf("mt940", "mt942"));
  for (const json* statement : statements) {
    const json& s = *statement;
    bool mismatch_warned = false;
    for (const json& warning : s["warnings"]) {
      const std::string code = warning["code"];
      EXPECT_TRUE(!code.empty() &&
                  code.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos)
          << code;
      EXPECT_FALSE(warning["message"].get<std::string>().empty());
      mismatch_warned |= warning["code"] == "balance_mismatch";
    }
    // Every amount of a statement is written with its currency's decimals, the same for all.
    std::vector<std::string> amounts;
    for (const char* key : {"opening_balance", "closing_balance"}) {
      if (s[key].is_object()) amounts.push_back(s[key]["amount"]);
    }
    for (const json& entry : s["entries"]) {
      amounts.push_back(entry["amount"]);
      const std::string date = entry["booking_date"];
      EXPECT_TRUE(date.size() == 10 && date[4] == '-' && date[7] == '-' &&
                  date.find_first_not_of("0123456789-") == std::string::npos)
          << date;
      EXPECT_TRUE(entry["details"].empty());
    }
    if (amounts.empty()) continue;
    const std::size_t point = amounts[0].find('.');
    const int places =
        point == std::string::npos ? 0 : static_cast<int>(amounts[0].size() - point - 1);
    long long total = 0;
    for (const json& entry : s["entries"]) {
      const std::optional<long long> units = minor_units(entry["amount"], places);
      ASSERT_TRUE(units.has_value()) << entry["amount"] << " in " << input;
      total += *units;
    }
    if (s["opening_balance"].is_object() && s["closing_balance"].is_object() && !mismatch_warned) {
      const auto opening = minor_units(s["opening_balance"]["amount"], places);
      const auto closing = minor_units(s["closing_balance"]["amount"], places);
      ASSERT_TRUE(opening && closing);
      EXPECT_EQ(*opening + total, *closing) << "statement " << s["id"] << " of " << input;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Mt940, Mt940Input, ::testing::ValuesIn(inputs()),
                         [](const ::testing::TestParamInfo<fs::path>& info) {
                           return test_name(info.param);
                         });

TEST(Mt940Fixtures, EveryExpectedResultHasItsInput) {
  for (const Expectation& expectation : expectations()) {
    EXPECT_TRUE(fs::is_regular_file(expectation.input)) << expectation.expected;
  }
  EXPECT_GE(inputs().size(), 140u);
}

}  // namespace
}  // namespace kontor::testing::mt940_fixtures
