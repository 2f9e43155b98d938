#include "ctl/parse_command.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <charconv>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>

#include "ctl/offline_parsers.hpp"
#include "ctl/statement_json.hpp"
#include "log/logging.hpp"

namespace kontor::ctl {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

const std::vector<std::string> kBankFormats = {"camt", "mt940", "bank-csv"};

struct ParseOptions {
  std::string file;
  std::string format = "auto";
  std::string preset;
  std::string plugin_dir;
  std::vector<std::string> settings;  // --set KEY=VALUE, for the parser chosen by --format
  bool summary = false;
};

// {"error": {...}} on stdout, exit 1. A parser's message may start with "LINE:COLUMN: ".
int refuse(const std::string& file, std::string message) {
  json line = json(), column = json();
  const auto colon = message.find(':');
  const auto second = colon == std::string::npos ? std::string::npos : message.find(':', colon + 1);
  long long l = 0, c = 0;
  if (second != std::string::npos && message.compare(second, 2, ": ") == 0) {
    const auto [end_l, err_l] = std::from_chars(message.data(), message.data() + colon, l);
    const auto [end_c, err_c] =
        std::from_chars(message.data() + colon + 1, message.data() + second, c);
    if (err_l == std::errc() && err_c == std::errc() && end_l == message.data() + colon &&
        end_c == message.data() + second) {
      line = l > 0 ? json(l) : json();
      column = c > 0 ? json(c) : json();
      message = message.substr(second + 2);
    }
  }
  std::cout << json{{"error",
                     {{"file", file}, {"line", line}, {"column", column}, {"message", message}}}}
                   .dump(2)
            << "\n";
  return 1;
}

std::string summary_line(const StatementSummary& s) {
  auto sums = [](const std::map<std::string, Money>& by_currency) {
    if (by_currency.empty()) return std::string("0");
    std::vector<std::string> parts;
    for (const auto& [code, amount] : by_currency) parts.push_back(amount.to_string());
    return fmt::format("{}", fmt::join(parts, " + "));
  };
  std::string balances = "no balances";
  if (s.opening && s.closing && s.booked_sum && !s.mixed_currencies) {
    auto expected = s.opening->amount.plus(*s.booked_sum);
    balances =
        expected && *expected == s.closing->amount
            ? "balances add up"
            : fmt::format("balances do NOT add up ({} + {} != {})", s.opening->amount.to_string(),
                          s.booked_sum->to_string(), s.closing->amount.to_string());
  } else if (s.opening && s.closing && s.entries == 0) {
    balances = s.opening->amount == s.closing->amount ? "balances add up"
                                                      : "balances do NOT add up (no entries)";
  }
  return fmt::format("{} {} {}..{}: {} entries, credits {}, debits {}, {}, {} warnings", s.format,
                     s.account.empty() ? "(no account)" : s.account,
                     s.first_booking ? s.first_booking->to_iso() : "-",
                     s.last_booking ? s.last_booking->to_iso() : "-", s.entries, sums(s.credits),
                     sums(s.debits), balances, s.warnings);
}

int parse(const ParseOptions& options) {
  kontor::log::setup("error", false);  // plugin chatter must not mix with the JSON
  // Settings are one plugin's keys: which plugin must be said, not guessed.
  if (!options.settings.empty() && options.format == "auto") {
    std::cerr << "kontorctl parse: --set needs --format\n";
    return 2;
  }
  const std::vector<std::string> formats =
      options.format == "auto" ? kBankFormats : std::vector<std::string>{options.format};
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> settings;
  if (!options.preset.empty()) settings["bank-csv"].emplace_back("preset", options.preset);
  for (const auto& setting : options.settings) {
    const auto equals = setting.find('=');
    if (equals == std::string::npos || equals == 0) {
      std::cerr << "kontorctl parse: --set " << setting << ": expected KEY=VALUE\n";
      return 2;
    }
    settings[options.format].emplace_back(setting.substr(0, equals), setting.substr(equals + 1));
  }
  const fs::path directory = plugin_directory(options.plugin_dir);
  Result<std::unique_ptr<OfflineParsers>> parsers =
      OfflineParsers::load(directory, formats, settings, options.format != "auto");
  if (!parsers) return refuse(options.file, parsers.error().message);
  if ((*parsers)->names().empty()) {
    return refuse(options.file, "no bank statement parser plugin in " + directory.string());
  }
  {
    std::ifstream in(options.file, std::ios::binary);
    if (!in)
      return refuse(options.file, "cannot read the file: " + std::string(std::strerror(errno)));
  }
  // A forced format skips the probe: the parser's own refusal says more than "not a ... file".
  host::PluginInstance* chosen =
      (*parsers)->choose(options.file, options.format == "auto" ? std::string() : options.format);
  if (chosen == nullptr) {
    return refuse(options.file, fmt::format("not a bank statement any parser here reads "
                                            "(tried {})",
                                            fmt::join((*parsers)->names(), ", ")));
  }
  StatementJson sink(chosen->plugin().name, options.summary);
  if (Status parsed = (*parsers)->parse(*chosen, options.file, sink); !parsed) {
    return refuse(options.file, parsed.error().message);
  }
  if (options.summary) {
    for (const auto& summary : sink.summaries()) std::cout << summary_line(summary) << "\n";
    return 0;
  }
  std::cout << sink.document().dump(2) << "\n";
  return 0;
}

}  // namespace

std::function<int()> add_parse_command(CLI::App& app) {
  auto options = std::make_shared<ParseOptions>();
  auto* command =
      app.add_subcommand("parse", "Read a bank statement file offline and print it as JSON");
  command->add_option("file", options->file, "camt.05x, MT940/MT942 or bank CSV file")->required();
  command->add_option("--format", options->format, "auto, camt, mt940 or bank-csv")
      ->check(CLI::IsMember({"auto", "camt", "mt940", "bank-csv"}))
      ->capture_default_str();
  command->add_option("--preset", options->preset, "bank-csv layout preset (default: detected)");
  command->add_option("--plugin-dir", options->plugin_dir, "Where the parser plugins are");
  command->add_option("--set", options->settings,
                      "KEY=VALUE: a setting of the --format parser, e.g. max_file_size=4294967296 "
                      "(repeatable)");
  command->add_flag("--summary", options->summary,
                    "Per statement: account, period, entries, sums, whether balances add up");
  return [=]() -> int { return command->parsed() ? parse(*options) : -1; };
}

}  // namespace kontor::ctl
