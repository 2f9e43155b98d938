// The real hledger and ledger from Debian, run on a journal the way the reference's CI check
// does (plaintext-journals.md "Validation commands"), and their balance reports read back per
// account — the tests' oracle, independent of our writer.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "kontor/model/money.hpp"
#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

namespace kontor::testing::journal_tools {

struct ToolRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// `program` (absolute) with `arguments`, LANG=C.UTF-8 (hledger reads files in the locale's
// encoding); its output is kept in a folder of its own.
inline ToolRun run(const std::string& program, const std::vector<std::string>& arguments) {
  kontor::testing::TempDir output;
  std::vector<std::string> argv{program};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  kontor::testing::ChildProcess child({.argv = argv,
                                       .output_dir = output.path(),
                                       .set_env = {{"LANG", "C.UTF-8"}, {"LC_ALL", "C.UTF-8"}},
                                       .unset_env = {}});
  ToolRun result;
  result.exit_code = child.wait(std::chrono::minutes(5)).value_or(-1);
  result.out = child.out();
  result.err = child.err();
  return result;
}

// `hledger check -s ordereddates`: parseable, balanced, accounts and commodities declared,
// transactions in date order.
inline ToolRun hledger_check(const std::filesystem::path& journal) {
  return run("/usr/bin/hledger", {"-f", journal.string(), "check", "-s", "ordereddates"});
}

// `ledger --pedantic bal`: undeclared accounts, commodities and tags are errors.
inline ToolRun ledger_pedantic(const std::filesystem::path& journal) {
  return run("/usr/bin/ledger", {"-f", journal.string(), "--pedantic", "bal"});
}

// Account name → balance, from `text` lines "<account>|<amount> <currency>".
inline std::map<std::string, std::string> balances_of(const std::string& text) {
  std::map<std::string, std::string> balances;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    if (const std::size_t bar = line.rfind('|'); bar != std::string::npos) {
      balances[line.substr(0, bar)] = line.substr(bar + 1);
    }
    start = end + 1;
  }
  return balances;
}

// ledger's balance of every account (leaf accounts, flat), "119.00 EUR".
inline std::map<std::string, std::string> ledger_balances(const std::filesystem::path& journal) {
  const ToolRun run_ =
      run("/usr/bin/ledger", {"-f", journal.string(), "bal", "--flat", "--no-total",
                              "--balance-format", "%(account)|%(display_total)\n"});
  return balances_of(run_.out);
}

// hledger's balance of every account: `bal --flat -O csv --layout=bare`, "119.00 EUR".
inline std::map<std::string, std::string> hledger_balances(const std::filesystem::path& journal) {
  const ToolRun run_ = run("/usr/bin/hledger", {"-f", journal.string(), "bal", "--flat",
                                                "--no-total", "-O", "csv", "--layout=bare"});
  std::string lines;
  std::size_t start = run_.out.find('\n');  // the heading
  while (start != std::string::npos && start + 1 < run_.out.size()) {
    std::size_t end = run_.out.find('\n', start + 1);
    if (end == std::string::npos) end = run_.out.size();
    std::string line = run_.out.substr(start + 1, end - start - 1);
    std::erase(line, '\r');
    // "account","commodity","balance" — our names hold no quotes or commas.
    std::erase(line, '"');
    const std::size_t first = line.find(',');
    const std::size_t second = line.find(',', first + 1);
    if (first != std::string::npos && second != std::string::npos) {
      lines += line.substr(0, first) + "|" + line.substr(second + 1) + " " +
               line.substr(first + 1, second - first - 1) + "\n";
    }
    start = end;
  }
  return balances_of(lines);
}

}  // namespace kontor::testing::journal_tools
