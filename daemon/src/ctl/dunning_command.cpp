// Dunning at the command line: the outbox as a table (or the API's JSON), one notice with the
// text that was sent, releasing a parked notice, blocks on customers and items, and a dunning
// job's dry run and forced run.
#include "ctl/dunning_command.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <memory>

#include "ctl/admin_call.hpp"

namespace kontor::ctl {
namespace {

using nlohmann::json;

struct DunningOptions {
  int limit = 50;
  bool json = false;
  std::string customer;
  std::string item;
  std::string state;
  std::string number;
  std::string reason;
  std::string until;
  std::string job;
  bool force = false;
  std::string pdf;  // notice: write the letter's PDF here
};

// Customer data for the terminal: control characters (an escape sequence in an address would
// steer the operator's terminal) as blanks, newlines kept only where asked (a notice's text),
// at most `width` code points, "…" when cut.
std::string safe(std::string text, std::size_t width = 200, bool keep_newlines = false) {
  for (char& c : text) {
    if (keep_newlines && c == '\n') continue;
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++points > width) return text.substr(0, i) + "…";
  }
  return text;
}

std::string money(const json& value, const json& currency) {
  return fmt::format("{} {}", cell(value), cell(currency));
}

bool print_json(const DunningOptions& options, const json& answer) {
  if (options.json) std::cout << answer.dump(2) << "\n";
  return options.json;
}

int notices(const AdminClient& client, const DunningOptions& options) {
  std::string path = fmt::format("/notices?limit={}", options.limit);
  if (!options.customer.empty()) path += "&customer=" + path_segment(options.customer);
  if (!options.state.empty()) path += "&state=" + path_segment(options.state);
  auto list = call(client, "GET", path);
  if (!list) return fail(list.error().message);
  if (print_json(options, *list)) return 0;
  if (list->empty()) {
    std::cout << "no notices\n";
    return 0;
  }
  std::cout << fmt::format("{:<16}  {:<10}  {:>3}  {:<8}  {:<9}  {:>16}  {:<20}  {}\n", "NUMBER",
                           "CUSTOMER", "LVL", "CHANNEL", "STATE", "TOTAL", "DECIDED",
                           "RECIPIENT / DETAIL");
  for (const auto& notice : *list) {
    std::string where = safe(cell(notice["recipient"]), 40);
    if (!notice["detail"].is_null()) where += " — " + safe(cell(notice["detail"]), 60);
    std::cout << fmt::format("{:<16}  {:<10}  {:>3}  {:<8}  {:<9}  {:>16}  {:<20}  {}\n",
                             safe(cell(notice["number"])), safe(cell(notice["customer"]), 10),
                             cell(notice["level"]), safe(cell(notice["channel"])),
                             cell(notice["state"]), money(notice["total"], notice["currency"]),
                             cell(notice["decided_at"]), where);
  }
  std::cout << fmt::format(
      "{} shown, newest first. kontorctl notice NUMBER shows one; kontorctl notice-retry NUMBER "
      "sends a parked one again.\n",
      list->size());
  return 0;
}

// The notice's PDF as kontord stored it, into `file` (replaced if there).
int save_notice_pdf(const AdminClient& client, const DunningOptions& options) {
  auto pdf = fetch(client, "/notices/" + path_segment(options.number) + "/pdf");
  if (!pdf) return fail(pdf.error().message);
  std::ofstream out(options.pdf, std::ios::binary | std::ios::trunc);
  out << *pdf;
  out.close();
  if (!out) return fail("cannot write " + options.pdf);
  std::cout << fmt::format("{}: {} bytes written to {}\n", safe(options.number), pdf->size(),
                           options.pdf);
  return 0;
}

int notice(const AdminClient& client, const DunningOptions& options) {
  if (!options.pdf.empty()) return save_notice_pdf(client, options);
  auto found = call(client, "GET", "/notices/" + path_segment(options.number));
  if (!found) return fail(found.error().message);
  if (print_json(options, *found)) return 0;
  const json& n = *found;
  auto line = [](const char* label, const std::string& value) {
    if (!value.empty() && value != "-") std::cout << fmt::format("{:<12}{}\n", label, value);
  };
  line("notice", fmt::format("{} ({} level {}, {})", safe(cell(n["number"])), cell(n["kind"]),
                             cell(n["level"]), cell(n["notice_date"])));
  line("customer", safe(cell(n["customer"])));
  line("channel", fmt::format("{} to {}", safe(cell(n["channel"])), safe(cell(n["recipient"]))));
  line("subject", safe(cell(n["subject"])));
  line("state", fmt::format("{} after {} attempt(s){}", cell(n["state"]), cell(n["attempts"]),
                            n["detail"].is_null() ? "" : ": " + safe(cell(n["detail"]), 300)));
  line("decided", fmt::format("{} (run {})", cell(n["decided_at"]), safe(cell(n["run_key"]))));
  line("delivered", cell(n["delivered_at"]));
  line("reference", cell(n["rf_reference"]));
  for (const auto& item : n["lines"]) {
    line("item", fmt::format("{} open {} (level {})", safe(cell(item["item"])),
                             money(item["open"], n["currency"]), cell(item["level"])));
  }
  for (const auto& charge : n["charges"]) {
    line("charge",
         fmt::format("{} for {}: {}{}", cell(charge["kind"]), safe(cell(charge["item"])),
                     money(charge["amount"], n["currency"]),
                     charge["detail"].is_null() ? "" : "; " + safe(cell(charge["detail"]))));
  }
  line("fees", money(n["fees"], n["currency"]));
  line("interest", money(n["interest"], n["currency"]));
  line("total", money(n["total"], n["currency"]));
  std::cout << "\n" << safe(cell(n["text"]), 100000, true) << "\n";
  return 0;
}

int notice_retry(const AdminClient& client, const DunningOptions& options) {
  auto released = call(client, "POST", "/notices/" + path_segment(options.number) + "/retry");
  if (!released) return fail(released.error().message);
  if (print_json(options, *released)) return 0;
  std::cout << fmt::format("{} is pending again: the outbox delivers it by {} to {}\n",
                           safe(cell((*released)["number"])), safe(cell((*released)["channel"])),
                           safe(cell((*released)["recipient"])));
  return 0;
}

// "customer 4711" or "item RE-1 of customer 4711".
std::string subject_of(const json& block) {
  if (block["item"].is_null()) return "customer " + safe(cell(block["customer"]));
  return fmt::format("item {} of customer {}", safe(cell(block["item"])),
                     safe(cell(block["customer"])));
}

int blocks(const AdminClient& client, const DunningOptions& options) {
  auto list = call(client, "GET", "/blocks");
  if (!list) return fail(list.error().message);
  if (print_json(options, *list)) return 0;
  if (list->empty()) {
    std::cout << "no dunning blocks\n";
    return 0;
  }
  std::cout << fmt::format("{:<10}  {:<16}  {:<18}  {:<16}  {:<20}  {}\n", "CUSTOMER", "ITEM",
                           "UNTIL", "SET BY", "SET AT", "REASON");
  for (const auto& block : *list) {
    std::string until = block["until"].is_null() ? "lifted by hand" : cell(block["until"]);
    if (!block["in_force"].get<bool>()) until += " (over)";
    std::cout << fmt::format("{:<10}  {:<16}  {:<18}  {:<16}  {:<20}  {}\n",
                             safe(cell(block["customer"]), 10), safe(cell(block["item"]), 16),
                             until, safe(cell(block["set_by"]), 16), cell(block["set_at"]),
                             safe(cell(block["reason"]), 80));
  }
  return 0;
}

int block(const AdminClient& client, const DunningOptions& options) {
  json body = {{"reason", options.reason}};
  if (!options.customer.empty()) body["customer"] = options.customer;
  if (!options.item.empty()) body["item"] = options.item;
  if (!options.until.empty()) body["until"] = options.until;
  auto set = call(client, "POST", "/blocks", body);
  if (!set) return fail(set.error().message);
  if (print_json(options, *set)) return 0;
  std::cout << fmt::format(
      "dunning of {} blocked {}: {}{}\n", subject_of(*set),
      (*set)["until"].is_null() ? "until lifted" : "through " + cell((*set)["until"]),
      safe(cell((*set)["reason"])), (*set)["change"] == "unchanged" ? " (it was already)" : "");
  return 0;
}

int unblock(const AdminClient& client, const DunningOptions& options) {
  json body = json::object();
  if (!options.customer.empty()) body["customer"] = options.customer;
  if (!options.item.empty()) body["item"] = options.item;
  auto lifted = call(client, "POST", "/blocks/lift", body);
  if (!lifted) return fail(lifted.error().message);
  if (print_json(options, *lifted)) return 0;
  std::cout << fmt::format(
      "dunning block on {} lifted\n",
      options.item.empty() ? "customer " + safe(options.customer) : "item " + safe(options.item));
  return 0;
}

int preview(const AdminClient& client, const DunningOptions& options) {
  std::string path = "/dunning/preview";
  if (!options.job.empty()) path += "?job=" + path_segment(options.job);
  auto dry = call(client, "GET", path);
  if (!dry) return fail(dry.error().message);
  if (print_json(options, *dry)) return 0;
  const json& p = *dry;
  if (!p["refusal"].is_null()) {
    std::cout << fmt::format("*** NOTHING WOULD BE SENT: {} ***\n", safe(cell(p["refusal"]), 300));
  }
  for (const auto& warning : p["warnings"]) {
    std::cout << "warning: " << safe(cell(warning), 300) << "\n";
  }
  if (p["notices"].empty()) {
    std::cout << "no notices would be sent\n";
  } else {
    std::cout << fmt::format("{:<10}  {:>3}  {:<8}  {:>16}  {}\n", "CUSTOMER", "LVL", "CHANNEL",
                             "TOTAL", "RECIPIENT");
    for (const auto& n : p["notices"]) {
      std::cout << fmt::format("{:<10}  {:>3}  {:<8}  {:>16}  {}\n", safe(cell(n["customer"]), 10),
                               cell(n["level"]), safe(cell(n["channel"])),
                               money(n["total"], n["currency"]), safe(cell(n["recipient"]), 60));
    }
  }
  if (!p["skipped"].empty()) {
    std::cout << "skipped:\n";
    for (const auto& skip : p["skipped"]) {
      std::cout << fmt::format("  {}{}: {}\n", safe(cell(skip["customer"])),
                               skip["item"].is_null() ? "" : " " + safe(cell(skip["item"])),
                               safe(cell(skip["reason"]), 200));
    }
  }
  if (!p["handovers"].empty()) {
    std::string items;
    for (const auto& item : p["handovers"]) items += (items.empty() ? "" : ", ") + safe(cell(item));
    std::cout << "to collection: " << items << "\n";
  }
  std::cout << fmt::format("dry run of job {}: nothing was decided or sent\n",
                           safe(cell(p["job"])));
  return 0;
}

int run_forced(const AdminClient& client, const DunningOptions& options) {
  json body = {{"reason", options.reason}};
  if (!options.job.empty()) body["job"] = options.job;
  auto started = call(client, "POST", "/dunning/force", body);
  if (!started) return fail(started.error().message);
  if (print_json(options, *started)) return 0;
  std::cout << fmt::format(
      "{} queued as run {}, past the stale-bank-data check once; `kontorctl runs {}` shows how "
      "it went\n",
      safe(cell((*started)["job"])), safe(cell((*started)["idempotency_key"])),
      safe(cell((*started)["job"])));
  return 0;
}

// --customer C | --item I, exactly one.
void add_subject(CLI::App* command, DunningOptions& options, const std::string& what) {
  auto* group = command->add_option_group("subject", "Whom the block is on");
  group->add_option("--customer", options.customer, what + " on a customer (all its items)");
  group->add_option("--item", options.item, what + " on one item");
  group->require_option(1);
}

}  // namespace

std::function<int()> add_dunning_commands(CLI::App& app, const std::string& config_path,
                                          const std::string& socket_path) {
  auto options = std::make_shared<DunningOptions>();
  auto* notices_cmd = app.add_subcommand("notices", "Reminders and their delivery, newest first");
  notices_cmd->add_option("--customer", options->customer, "Only to this customer");
  notices_cmd->add_option("--state", options->state, "pending, retrying, delivered or parked");
  notices_cmd->add_option("--limit", options->limit, "How many (1-1000)")->capture_default_str();
  auto* notice_cmd = app.add_subcommand("notice", "One notice in full, with the text sent");
  auto* retry_cmd =
      app.add_subcommand("notice-retry", "Deliver a parked notice again (after fixing why)");
  for (auto* command : {notice_cmd, retry_cmd}) {
    command->add_option("number", options->number, "The notice's number")->required();
  }
  notice_cmd->add_option("--pdf", options->pdf, "Write the notice's letter (PDF) to this file");
  auto* blocks_cmd = app.add_subcommand("blocks", "Dunning blocks set by account managers");
  auto* block_cmd = app.add_subcommand("block", "Stop reminders to a customer or for an item");
  add_subject(block_cmd, *options, "Block");
  block_cmd->add_option("--reason", options->reason, "Why (recorded with your login)")->required();
  block_cmd->add_option("--until", options->until, "Last day of the block (YYYY-MM-DD)");
  auto* unblock_cmd = app.add_subcommand("unblock", "Lift a dunning block");
  add_subject(unblock_cmd, *options, "Lift the block");

  auto* dunning_cmd = app.add_subcommand("dunning", "A dunning job's dry run or forced run");
  dunning_cmd->require_subcommand(1);
  auto* preview_cmd =
      dunning_cmd->add_subcommand("preview", "What a dunning run would send now (nothing is sent)");
  auto* run_cmd = dunning_cmd->add_subcommand(
      "run", "Run dunning now even though the bank data is stale (once)");
  for (auto* command : {preview_cmd, run_cmd}) {
    command->add_option("--job", options->job, "The dunning job (default: the only one)");
  }
  run_cmd->add_flag("--force", options->force, "Go past the stale-bank-data check")->required();
  run_cmd->add_option("--reason", options->reason, "Why (recorded with your login)")->required();

  const std::vector<CLI::App*> commands = {notices_cmd, notice_cmd,  retry_cmd,   blocks_cmd,
                                           block_cmd,   unblock_cmd, preview_cmd, run_cmd};
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
    if (chosen == notices_cmd) return notices(client, *options);
    if (chosen == notice_cmd) return notice(client, *options);
    if (chosen == retry_cmd) return notice_retry(client, *options);
    if (chosen == blocks_cmd) return blocks(client, *options);
    if (chosen == block_cmd) return block(client, *options);
    if (chosen == unblock_cmd) return unblock(client, *options);
    if (chosen == preview_cmd) return preview(client, *options);
    return run_forced(client, *options);
  };
}

}  // namespace kontor::ctl
