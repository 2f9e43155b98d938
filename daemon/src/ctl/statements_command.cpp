#include "ctl/statements_command.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "ctl/admin_call.hpp"

namespace kontor::ctl {
namespace {

using nlohmann::json;

struct StatementsOptions {
  bool quarantined = false;
  int limit = 50;
  bool json = false;
};

// Per account: statements, last booking date, last closing balance; an account that is not in
// company.bank_accounts is flagged (its statements were warned about, not imported).
int statements(const AdminClient& client, const StatementsOptions& options) {
  auto accounts = call(client, "GET", "/accounts");
  if (!accounts) return fail(accounts.error().message);
  if (options.json) {
    std::cout << accounts->dump(2) << "\n";
    return 0;
  }
  if (accounts->empty()) {
    std::cout << "no bank statements imported yet\n";
    return 0;
  }
  std::cout << fmt::format("{:<34} {:>10} {:<12} {:>20} {:<12} {}\n", "ACCOUNT", "STATEMENTS",
                           "LAST BOOKED", "CLOSING BALANCE", "CLOSED ON", "");
  for (const auto& account : *accounts) {
    const json& closing = account["last_closing_balance"];
    const std::string balance = closing.is_null() ? "-"
                                                  : fmt::format("{} {}", cell(closing["amount"]),
                                                                cell(closing["currency"]));
    std::cout << fmt::format(
        "{:<34} {:>10} {:<12} {:>20} {:<12} {}\n", cell(account["account"]),
        cell(account["statements"]), cell(account["last_booking_date"]), balance,
        closing.is_null() ? "-" : cell(closing["date"]),
        account["configured"].get<bool>() ? "" : "(not in company.bank_accounts)");
  }
  return 0;
}

int files(const AdminClient& client, const StatementsOptions& options) {
  auto list = call(client, "GET", fmt::format("/files?state=quarantined&limit={}", options.limit));
  if (!list) return fail(list.error().message);
  if (options.json) {
    std::cout << list->dump(2) << "\n";
    return 0;
  }
  if (list->empty()) {
    std::cout << "no file refused\n";
    return 0;
  }
  for (const auto& file : *list) {
    std::string reason = cell(file["reason"]);
    for (char& c : reason) {
      if (c == '\n') c = ' ';
    }
    std::cout << fmt::format("{}  {} (from {}, {} bytes)\n    {}\n", cell(file["refused_at"]),
                             cell(file["name"]), cell(file["source"]), cell(file["size"]), reason);
  }
  return 0;
}

}  // namespace

std::function<int()> add_statements_commands(CLI::App& app, const std::string& config_path,
                                             const std::string& socket_path) {
  auto options = std::make_shared<StatementsOptions>();
  auto* statements_cmd = app.add_subcommand(
      "statements", "Per bank account: statements imported, last booking, last closing balance");
  auto* files_cmd = app.add_subcommand("files", "Files the imports refused (in quarantine)");
  files_cmd->add_flag("--quarantined", options->quarantined,
                      "Refused files (the only kind listed; the default)");
  files_cmd->add_option("--limit", options->limit, "How many, newest first (1-1000)")
      ->capture_default_str();
  for (auto* command : {statements_cmd, files_cmd}) {
    command->add_flag("--json", options->json, "The API's JSON instead of a table");
  }
  return [=, &config_path, &socket_path]() -> int {
    if (!statements_cmd->parsed() && !files_cmd->parsed()) return -1;
    auto socket = socket_of(config_path, socket_path);
    if (!socket) return fail(socket.error().message);
    const AdminClient client(*socket);
    if (statements_cmd->parsed()) return statements(client, *options);
    return files(client, *options);
  };
}

}  // namespace kontor::ctl
