// The export to the bookkeeping at the command line: batches as a table (or the API's JSON), one
// batch with its bookings line by line, a repeat of a period, a batch discarded, and the debit
// and credit per account over all bookings with the check that they balance.
#include "ctl/export_command.hpp"

#include <fmt/format.h>

#include <iostream>
#include <map>
#include <memory>
#include <vector>

#include "ctl/admin_call.hpp"
#include "kontor/model/money.hpp"

namespace kontor::ctl {
namespace {

using nlohmann::json;

struct ExportOptions {
  std::string target;
  std::string batch;
  std::string from;
  std::string to;
  int limit = 50;
  bool json = false;
};

// Data for the terminal: control characters (an escape sequence in a booking text would steer
// the operator's terminal) as blanks, at most `width` code points, "…" when cut.
std::string safe(std::string text, std::size_t width = 200) {
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++points > width) return text.substr(0, i) + "…";
  }
  return text;
}

bool print_json(const ExportOptions& options, const json& answer) {
  if (options.json) std::cout << answer.dump(2) << "\n";
  return options.json;
}

std::string period_of(const json& batch) {
  if (batch["period_from"].is_null()) return "-";
  return fmt::format("{} to {}", cell(batch["period_from"]), cell(batch["period_to"]));
}

std::string kind_of(const json& batch) {
  return batch["repeat"].get<bool>() ? "repeat" : "regular";
}

int list_batches(const AdminClient& client, const ExportOptions& options) {
  std::string path = fmt::format("/exports?limit={}", options.limit);
  if (!options.target.empty()) path += "&target=" + path_segment(options.target);
  auto answer = call(client, "GET", path);
  if (!answer) return fail(answer.error().message);
  if (print_json(options, *answer)) return 0;
  const json& batches = (*answer)["batches"];
  if (batches.empty()) {
    std::cout << "no export batches\n";
  } else {
    std::cout << fmt::format("{:<24}  {:<9}  {:<7}  {:<24}  {:>8}  {:<13}  {:<24}  {}\n", "BATCH",
                             "STATE", "KIND", "PERIOD", "BOOKINGS", "IDS", "RECORDED",
                             "PUBLISHED / DETAIL");
    for (const auto& batch : batches) {
      std::string outcome = batch["published_at"].is_null() ? "" : cell(batch["published_at"]);
      if (!batch["detail"].is_null()) {
        outcome += (outcome.empty() ? "" : " — ") + safe(cell(batch["detail"]), 80);
      }
      if (outcome.empty()) outcome = "-";
      std::cout << fmt::format(
          "{:<24}  {:<9}  {:<7}  {:<24}  {:>8}  {:<13}  {:<24}  {}\n", safe(cell(batch["id"]), 24),
          cell(batch["state"]), kind_of(batch), period_of(batch), cell(batch["booking_count"]),
          fmt::format("#{}-#{}", cell(batch["first_booking"]), cell(batch["last_booking"])),
          cell(batch["recorded_at"]), outcome);
    }
  }
  const json& targets = (*answer)["targets"];
  if (!targets.empty()) {
    std::cout << fmt::format("\n{:<24}  {:>9}  {}\n", "TARGET", "WATERMARK", "EXPORTED BY");
    for (const auto& target : targets) {
      std::string jobs;
      for (const auto& job : target["jobs"]) jobs += (jobs.empty() ? "" : ", ") + safe(cell(job));
      if (!target["configured"].get<bool>()) jobs = "(no exporter instance configured)";
      std::cout << fmt::format("{:<24}  {:>9}  {}\n", safe(cell(target["target"]), 24),
                               fmt::format("#{}", cell(target["watermark"])),
                               jobs.empty() ? "(no export job names it)" : jobs);
    }
  }
  if (!batches.empty()) {
    std::cout << fmt::format(
        "{} shown, newest first. kontorctl export show BATCH shows one; kontorctl export repeat "
        "TARGET --from D --to D exports a period again.\n",
        batches.size());
  }
  return 0;
}

// One row per booking line: the booking's own columns on its first line.
void print_bookings(const json& bookings) {
  constexpr const char* kRow =
      "{:<8}  {:<10}  {:<16}  {:<10}  {:<10}  {:<8}  {:>16}  {:>16}  {:<3}  {}\n";
  std::cout << fmt::format(kRow, "BOOKING", "DATE", "DOCUMENT", "KIND", "CUSTOMER", "ACCOUNT",
                           "DEBIT", "CREDIT", "TAX", "TEXT");
  for (const auto& booking : bookings) {
    std::string id = fmt::format("#{}", cell(booking["id"]));
    std::string date = cell(booking["date"]);
    std::string document = safe(cell(booking["document_number"]), 16);
    std::string kind = safe(cell(booking["kind"]), 10);
    std::string customer = safe(cell(booking["customer"]), 10);
    std::string text = safe(cell(booking["text"]), 60);
    if (!booking["reverses"].is_null()) {
      text += fmt::format(" (reverses #{})", cell(booking["reverses"]));
    }
    if (booking["facts"] != "none") text += " [" + cell(booking["facts"]) + "]";
    for (const auto& line : booking["lines"]) {
      const std::string amount = fmt::format("{} {}", cell(line["amount"]), cell(line["currency"]));
      const bool debit = line["side"] == "debit";
      std::string row = fmt::format(kRow, id, date, document, kind, customer,
                                    safe(cell(line["account"]), 8), debit ? amount : "",
                                    debit ? "" : amount, safe(cell(line["tax_key"]), 3), text);
      row.erase(row.find_last_not_of(" \n") + 1);
      std::cout << row << "\n";
      for (std::string* shown : {&id, &date, &document, &kind, &customer, &text}) shown->clear();
    }
  }
}

int show_batch(const AdminClient& client, const ExportOptions& options) {
  auto found = call(client, "GET", "/exports/" + path_segment(options.batch));
  if (!found) return fail(found.error().message);
  if (print_json(options, *found)) return 0;
  const json& b = *found;
  auto line = [](const char* label, const std::string& value) {
    if (!value.empty() && value != "-") std::cout << fmt::format("{:<12}{}\n", label, value);
  };
  line("batch",
       fmt::format("{} to {} ({})", safe(cell(b["id"])), safe(cell(b["target"])), kind_of(b)));
  line("state", cell(b["state"]));
  line("period", fmt::format("{}: {} bookings, #{} to #{}", period_of(b), cell(b["booking_count"]),
                             cell(b["first_booking"]), cell(b["last_booking"])));
  line("recorded", fmt::format("{} by {}", cell(b["recorded_at"]), safe(cell(b["requested_by"]))));
  line("staged", cell(b["staged_at"]));
  line("published", cell(b["published_at"]));
  line("detail", safe(cell(b["detail"]), 300));
  std::cout << "\n";
  print_bookings(b["bookings"]);
  return 0;
}

int repeat(const AdminClient& client, const ExportOptions& options) {
  const json body = {{"from", options.from}, {"to", options.to}};
  auto recorded =
      call(client, "POST", "/exports/" + path_segment(options.target) + "/repeat", body);
  if (!recorded) return fail(recorded.error().message);
  if (print_json(options, *recorded)) return 0;
  const json& b = *recorded;
  std::cout << fmt::format("{} recorded: {} bookings dated {} again for {}; {}\n",
                           safe(cell(b["id"])), cell(b["booking_count"]), period_of(b),
                           safe(cell(b["target"])), safe(cell(b["next"]), 300));
  return 0;
}

int discard(const AdminClient& client, const ExportOptions& options) {
  auto discarded = call(client, "POST", "/exports/" + path_segment(options.batch) + "/discard");
  if (!discarded) return fail(discarded.error().message);
  if (print_json(options, *discarded)) return 0;
  const json& b = *discarded;
  if (b["change"] == "unchanged") {
    std::cout << fmt::format("{} was discarded already\n", safe(cell(b["id"])));
    return 0;
  }
  if (b["repeat"].get<bool>()) {
    std::cout << fmt::format("{} (a repeat) discarded\n", safe(cell(b["id"])));
  } else {
    std::cout << fmt::format(
        "{} discarded: {} has bookings up to #{} now; the later ones go out with its next "
        "batch\n",
        safe(cell(b["id"])), safe(cell(b["target"])), cell(b["watermark"]));
  }
  if (!b["exporter_told"].get<bool>() && !b["staged_at"].is_null()) {
    std::cout << fmt::format(
        "no running exporter {} was told: remove what it staged for {} by hand\n",
        safe(cell(b["target"])), safe(cell(b["id"])));
  }
  return 0;
}

// The sums of every account's debit and credit per currency: equal when every booking
// balances, as the bookkeeping's trial balance must.
int totals(const AdminClient& client, const ExportOptions& options) {
  auto accounts = call(client, "GET", "/bookings/totals");
  if (!accounts) return fail(accounts.error().message);
  if (print_json(options, *accounts)) return 0;
  if (accounts->empty()) {
    std::cout << "no bookings yet\n";
    return 0;
  }
  std::cout << fmt::format("{:<10}  {:>20}  {:>20}  {:>20}\n", "ACCOUNT", "DEBIT", "CREDIT",
                           "BALANCE");
  std::map<std::string, std::pair<Money, Money>> sums;  // currency → debit, credit
  for (const auto& account : *accounts) {
    const std::string code = cell(account["currency"]);
    auto money = [&](const char* field) {
      return fmt::format("{} {}", cell(account[field]), code);
    };
    std::cout << fmt::format("{:<10}  {:>20}  {:>20}  {:>20}\n", safe(cell(account["account"]), 10),
                             money("debit"), money("credit"), money("balance"));
    Result<Currency> currency = Currency::from_code(code);
    if (!currency) return fail("kontord answered an unknown currency: " + safe(code));
    const auto sum = sums.try_emplace(code, Money::zero(*currency), Money::zero(*currency)).first;
    for (auto [field, total] :
         {std::pair{"debit", &sum->second.first}, std::pair{"credit", &sum->second.second}}) {
      Result<Money> amount = Money::parse(cell(account[field]), *currency, Notation::point());
      if (!amount)
        return fail("kontord answered an amount that is none: " + amount.error().message);
      Result<Money> next = total->plus(*amount);
      if (!next) return fail(next.error().message);
      *total = *next;
    }
  }
  for (const auto& [code, sum] : sums) {
    const bool balanced = sum.first == sum.second;
    std::cout << fmt::format("{}: debits {} {} credits {}{}\n", code, sum.first.format(),
                             balanced ? "=" : "≠", sum.second.format(),
                             balanced ? "" : " — the bookings do not balance");
  }
  return 0;
}

}  // namespace

std::function<int()> add_export_commands(CLI::App& app, const std::string& config_path,
                                         const std::string& socket_path) {
  auto options = std::make_shared<ExportOptions>();
  auto* exports_cmd =
      app.add_subcommand("exports", "Export batches to the bookkeeping, newest first");
  exports_cmd->add_option("--target", options->target, "Only to this exporter instance");
  exports_cmd->add_option("--limit", options->limit, "How many (1-1000)")->capture_default_str();

  auto* export_cmd = app.add_subcommand("export", "One export batch: show, repeat, discard");
  export_cmd->require_subcommand(1);
  auto* show_cmd = export_cmd->add_subcommand("show", "One batch with its bookings");
  show_cmd->add_option("batch", options->batch, "The batch's id")->required();
  auto* repeat_cmd = export_cmd->add_subcommand(
      "repeat", "Export a period's bookings to a target again (with the next export run)");
  repeat_cmd->add_option("target", options->target, "The exporter instance")->required();
  repeat_cmd->add_option("--from", options->from, "First booking day (YYYY-MM-DD)")->required();
  repeat_cmd->add_option("--to", options->to, "Last booking day (YYYY-MM-DD)")->required();
  auto* discard_cmd = export_cmd->add_subcommand("discard", "Drop a batch that is not published");
  discard_cmd->add_option("batch", options->batch, "The batch's id")->required();

  auto* bookings_cmd = app.add_subcommand("bookings", "The bookings handed to the bookkeeping");
  bookings_cmd->require_subcommand(1);
  auto* totals_cmd =
      bookings_cmd->add_subcommand("totals", "Debit and credit per account over all bookings");

  const std::vector<CLI::App*> commands = {exports_cmd, show_cmd, repeat_cmd, discard_cmd,
                                           totals_cmd};
  for (auto* command : commands) {
    command->add_flag("--json", options->json, "The API's JSON instead of text");
  }
  return [=, &config_path, &socket_path]() -> int {
    CLI::App* chosen = nullptr;
    for (auto* command : commands) {
      if (command->parsed()) chosen = command;
    }
    if (chosen == nullptr) return -1;
    auto socket = socket_of(config_path, socket_path);
    if (!socket) return fail(socket.error().message);
    const AdminClient client(*socket);
    if (chosen == exports_cmd) return list_batches(client, *options);
    if (chosen == show_cmd) return show_batch(client, *options);
    if (chosen == repeat_cmd) return repeat(client, *options);
    if (chosen == discard_cmd) return discard(client, *options);
    return totals(client, *options);
  };
}

}  // namespace kontor::ctl
