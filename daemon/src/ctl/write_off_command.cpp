#include "ctl/write_off_command.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "ctl/admin_call.hpp"

namespace kontor::ctl {
namespace {

using nlohmann::json;

struct WriteOffOptions {
  std::string item;
  std::string reason;
  std::string amount;
  std::string on;
  std::string from;
  std::string to;
  bool doubtful = false;
  bool json = false;
};

// Texts from the ERP and from people go to the operator's terminal: control characters (an
// escape sequence would steer it) become blanks.
std::string shown(const json& value) {
  std::string text = cell(value);
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return text;
}

int write_off(const AdminClient& client, const WriteOffOptions& options) {
  json body = {{"reason", options.reason},
               {"kind", options.doubtful ? "doubtful" : "uncollectible"}};
  if (!options.amount.empty()) body["amount"] = options.amount;
  if (!options.on.empty()) body["on"] = options.on;
  auto answer = call(client, "POST", "/items/" + path_segment(options.item) + "/write-off", body);
  if (!answer) return fail(answer.error().message);
  if (options.json) {
    std::cout << answer->dump(2) << "\n";
    return 0;
  }
  const json& written = *answer;
  std::cout << fmt::format("{} written off: {} {} on {} ({}), allocation {}; open now {} {}\n",
                           shown(written["item"]), shown(written["amount"]),
                           shown(written["currency"]), shown(written["dated"]),
                           shown(written["kind"]), shown(written["allocation"]),
                           shown(written["open_after"]), shown(written["currency"]));
  std::cout << (written.value("vat_corrected", false)
                    ? "The export books it on the Forderungsverluste accounts per VAT rate: the "
                      "VAT is corrected.\n"
                    : "The export books it without VAT correction.\n");
  return 0;
}

int list(const AdminClient& client, const WriteOffOptions& options) {
  std::string path = "/write-offs";
  std::string separator = "?";
  for (const auto& [name, value] : {std::pair{"from", options.from}, std::pair{"to", options.to}}) {
    if (value.empty()) continue;
    path += separator + name + "=" + path_segment(value);
    separator = "&";
  }
  auto answer = call(client, "GET", path);
  if (!answer) return fail(answer.error().message);
  if (options.json) {
    std::cout << answer->dump(2) << "\n";
    return 0;
  }
  std::cout << fmt::format("Write-offs {} to {}\n\n", shown((*answer)["from"]),
                           shown((*answer)["to"]));
  std::cout << fmt::format("{:<10} {:<16} {:<10} {:>14} {:<4} {:<13} {}\n", "DATE", "ITEM",
                           "CUSTOMER", "AMOUNT", "CUR", "KIND", "REASON");
  for (const json& entry : (*answer)["write_offs"]) {
    std::cout << fmt::format("{:<10} {:<16} {:<10} {:>14} {:<4} {:<13} {}\n", shown(entry["dated"]),
                             shown(entry["item"]), shown(entry["customer"]), shown(entry["amount"]),
                             shown(entry["currency"]),
                             entry["recovers"].is_null() ? shown(entry["kind"]) : "recovered",
                             shown(entry["reason"]));
  }
  return 0;
}

}  // namespace

std::function<int()> add_write_off_commands(CLI::App& app, const std::string& config_path,
                                            const std::string& socket_path) {
  auto options = std::make_shared<WriteOffOptions>();
  auto* write_off_command =
      app.add_subcommand("write-off", "Write off an item that will not be paid");
  write_off_command->add_option("item", options->item, "The item's number")->required();
  write_off_command->add_option("--reason", options->reason, "Why, for the audit trail")
      ->required();
  write_off_command->add_flag("--doubtful", options->doubtful,
                              "Doubtful, not final: no VAT correction (default: uncollectible)");
  write_off_command->add_option("--amount", options->amount,
                                "Only this much, e.g. 150.00 (default: all that is open)");
  write_off_command->add_option("--on", options->on, "The day, YYYY-MM-DD (default: today)");
  write_off_command->add_flag("--json", options->json, "The API's JSON");

  auto* list_command = app.add_subcommand("write-offs", "Write-offs and recoveries of a period");
  list_command->add_option("--from", options->from, "First day (default: the 1st of this month)");
  list_command->add_option("--to", options->to, "Last day (default: today)");
  list_command->add_flag("--json", options->json, "The API's JSON instead of a table");

  return [=, &config_path, &socket_path]() -> int {
    int (*verb)(const AdminClient&, const WriteOffOptions&) = nullptr;
    if (write_off_command->parsed()) verb = write_off;
    if (list_command->parsed()) verb = list;
    if (verb == nullptr) return -1;
    auto socket = socket_of(config_path, socket_path);
    if (!socket) return fail(socket.error().message);
    return verb(AdminClient(*socket), *options);
  };
}

}  // namespace kontor::ctl
