#include "journal_settings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "journal_text.hpp"

namespace kontor::plugins::journal {
namespace {

// "19:1776" → 19 % on account 1776.
Result<VatShare> parse_vat_share(const std::string& text) {
  const std::size_t colon = text.find(':');
  const std::string expected = "'" + text + "' is not <percent>:<VAT account>, e.g. 19:1776";
  if (colon == std::string::npos || colon + 1 == text.size()) return Error{expected};
  int percent = 0;
  const char* end = text.data() + colon;
  auto [stop, error] = std::from_chars(text.data(), end, percent);
  if (error != std::errc{} || stop != end || percent < 0 || percent > 100) return Error{expected};
  return VatShare{.percent = percent, .vat_account = text.substr(colon + 1)};
}

bool is_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A file name in the folder, not a path.
bool plain_file_name(const std::string& name) {
  return name.find('/') == std::string::npos && name != "." && name != ".." &&
         !name.starts_with(".") && one_line(name) == name;
}

}  // namespace

std::vector<sdk::ConfigField> journal_config_schema() {
  using sdk::ConfigField;
  return {
      ConfigField::text("path",
                        "Absolute folder the journal files are published to, one file per batch")
          .required(),
      ConfigField::text("chart",
                        "Chart of accounts the bookings use, for account names and where gross "
                        "amounts hold VAT: skr03 or skr04")
          .choices({"skr03", "skr04"})
          .required(),
      ConfigField::map("accounts",
                       "Journal name of an account number, e.g. \"1200\": \"Aktiva:Bank:1200 "
                       "Sparkasse\"; replaces the chart's name"),
      ConfigField::map("vat_accounts",
                       "Automatic account → \"<percent>:<VAT account>\", e.g. \"8400\": "
                       "\"19:1776\"; replaces the chart's entry, \"0:-\" removes it"),
      ConfigField::map("tax_keys",
                       "Tax key (BU-Schlüssel) → \"<percent>:<VAT account>\"; replaces the "
                       "chart's entry (3 = 19 %, 2 = 7 %)"),
      ConfigField::text("debtor_accounts", "Journal account the debtor accounts are kept under")
          .defaults("Aktiva:Debitoren"),
      ConfigField::text("index",
                        "File in the folder that includes every published batch file, for "
                        "`hledger -f` and `ledger -f`; empty: none")
          .defaults("kontor.journal"),
  };
}

Result<JournalSettings> read_journal_settings(const sdk::Config& config) {
  std::vector<std::string> problems;
  JournalSettings settings;
  settings.path = config.text("path");
  // kontord runs as a service; a relative folder would depend on its working directory.
  if (!settings.path.is_absolute()) {
    problems.push_back("path '" + settings.path.string() + "' is not an absolute path");
  }
  std::optional<JournalChart> chart = standard_journal_chart(config.text("chart"));
  if (!chart) {
    problems.push_back("chart '" + config.text("chart") + "' is neither skr03 nor skr04");
    chart.emplace();
  }
  settings.layout.chart = std::move(*chart);
  JournalChart& layout_chart = settings.layout.chart;

  for (const auto& [number, name] : config.map("accounts")) {
    if (!is_digits(number)) problems.push_back("accounts: '" + number + "' is not an account");
    if (std::string problem = account_name_problem(name); !problem.empty()) {
      problems.push_back("accounts: the name of " + number + " " + problem);
    }
    layout_chart.account_names[number] = name;
  }
  auto read_vat = [&](const char* key, std::map<std::string, VatShare, std::less<>>& into) {
    for (const auto& [what, value] : config.map(key)) {
      if (value == "0:-") {
        into.erase(what);
        continue;
      }
      Result<VatShare> share = parse_vat_share(value);
      if (!share) {
        problems.push_back(fmt::format("{}: {}: {}", key, what, share.error().message));
      } else if (!is_digits(share->vat_account)) {
        problems.push_back(
            fmt::format("{}: {}: '{}' is not an account", key, what, share->vat_account));
      } else {
        into[what] = *share;
      }
    }
  };
  read_vat("vat_accounts", layout_chart.automatic_accounts);
  read_vat("tax_keys", layout_chart.tax_keys);

  settings.layout.debtor_root = config.text("debtor_accounts");
  if (std::string problem = account_name_problem(settings.layout.debtor_root); !problem.empty()) {
    problems.push_back("debtor_accounts '" + settings.layout.debtor_root + "' " + problem);
  }
  settings.index = config.text("index");
  if (!settings.index.empty() && !plain_file_name(settings.index)) {
    problems.push_back("index '" + settings.index +
                       "' is not a plain file name in the folder (no '/', not hidden)");
  }
  if (!problems.empty()) {
    std::string message = "the journal configuration has problems:";
    for (const std::string& problem : problems) message += "\n" + problem;
    return Error{message};
  }
  return settings;
}

}  // namespace kontor::plugins::journal
