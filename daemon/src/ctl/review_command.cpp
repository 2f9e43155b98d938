// The review queue at the command line: lists as tables (or the API's JSON), one entry in full,
// and the two decisions a person makes — allocate by hand, undo.
#include "ctl/review_command.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "ctl/admin_call.hpp"

namespace kontor::ctl {
namespace {

using nlohmann::json;

struct ReviewOptions {
  int limit = 50;
  bool json = false;
  std::string id;
  std::vector<std::string> items;  // ITEM or ITEM=AMOUNT
  std::string note;
  std::string reason;
};

// Bank text for the terminal: one line, control characters (an escape sequence in a remittance
// would steer the operator's terminal) as blanks, at most `width` characters (code points: payer
// names have umlauts), "…" when cut.
std::string clip(std::string text, std::size_t width = 200) {
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++points == width && i < text.size()) {
      std::size_t end = i + 1;
      while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
      if (end < text.size()) return text.substr(0, i) + "…";
    }
  }
  return text;
}

std::string amount_of(const json& entry) {
  return fmt::format("{} {}", cell(entry["amount"]), cell(entry["currency"]));
}

std::string best_candidates(const json& candidates) {
  std::string out;
  std::size_t shown = 0;
  for (const auto& candidate : candidates) {
    if (shown == 3) {
      out += fmt::format(" +{}", candidates.size() - shown);
      break;
    }
    const int score = candidate["score"].get<int>();  // per mille
    out += fmt::format("{}{} ({}, {}.{} %)", shown == 0 ? "" : ", ", cell(candidate["item"]),
                       cell(candidate["customer"]), score / 10, score % 10);
    ++shown;
  }
  return out.empty() ? "-" : out;
}

int review(const AdminClient& client, const ReviewOptions& options) {
  auto list = call(client, "GET", fmt::format("/review?limit={}", options.limit));
  if (!list) return fail(list.error().message);
  if (options.json) {
    std::cout << list->dump(2) << "\n";
    return 0;
  }
  if (list->empty()) {
    std::cout << "no payments waiting for review\n";
    return 0;
  }
  std::cout << fmt::format("{:<12}  {:<10}  {:>16}  {:<24}  {}\n", "ID", "BOOKED", "AMOUNT",
                           "PAYER", "CANDIDATES (CUSTOMER, SCORE)");
  for (const auto& entry : *list) {
    std::cout << fmt::format("{:<12}  {:<10}  {:>16}  {:<24}  {}\n", cell(entry["short_id"]),
                             cell(entry["booking_date"]), amount_of(entry),
                             clip(cell(entry["payer"]["name"]), 24),
                             clip(best_candidates(entry["candidates"]), 100));
  }
  std::cout << fmt::format(
      "{} in review. kontorctl entry ID shows one; kontorctl allocate ID ITEM[=AMOUNT]... "
      "posts it.\n",
      list->size());
  return 0;
}

int unmatched(const AdminClient& client, const ReviewOptions& options) {
  auto list = call(client, "GET", fmt::format("/unmatched?limit={}", options.limit));
  if (!list) return fail(list.error().message);
  if (options.json) {
    std::cout << list->dump(2) << "\n";
    return 0;
  }
  if (list->empty()) {
    std::cout << "no unmatched payments\n";
    return 0;
  }
  std::cout << fmt::format("{:<12}  {:<10}  {:>16}  {:<24}  {}\n", "ID", "BOOKED", "AMOUNT",
                           "PAYER", "REMITTANCE");
  for (const auto& entry : *list) {
    std::cout << fmt::format("{:<12}  {:<10}  {:>16}  {:<24}  {}\n", cell(entry["short_id"]),
                             cell(entry["booking_date"]), amount_of(entry),
                             clip(cell(entry["payer"]["name"]), 24),
                             clip(cell(entry["remittance"]), 60));
  }
  return 0;
}

void print_entry(const json& entry) {
  auto line = [](const char* label, const std::string& value) {
    if (!value.empty() && value != "-")
      std::cout << fmt::format("{:<12}{}\n", label, clip(value, 300));
  };
  line("entry", cell(entry["id"]));
  line("booked", fmt::format("{} (value {}) on {}", cell(entry["booking_date"]),
                             cell(entry["value_date"]), cell(entry["account"])));
  line("amount", amount_of(entry));
  const json& payer = entry["payer"];
  line("payer", cell(payer["account"]).empty()
                    ? cell(payer["name"])
                    : fmt::format("{}, {}", cell(payer["name"]), cell(payer["account"])));
  line("remittance", cell(entry["remittance"]));
  line("end-to-end", cell(entry["end_to_end_id"]));
  line("bank ref", cell(entry["bank_reference"]));
  if (entry["state"].is_null()) {
    line("state", "not decided yet");
  } else {
    line("state", fmt::format("{}{} by {} at {}", cell(entry["state"]),
                              entry["by_hand"].get<bool>() ? " (by hand)" : "",
                              cell(entry["decided_by"]), cell(entry["decided_at"])));
    line("reason", cell(entry["reason"]));
    line("customer", cell(entry["customer"]));
    line("unapplied", entry["unapplied"].is_null() ? "-"
                                                   : fmt::format("{} {}", cell(entry["unapplied"]),
                                                                 cell(entry["currency"])));
  }
  for (const auto& c : entry["candidates"]) {
    line("candidate",
         fmt::format("{} of {}: score {}, open {}; {}", cell(c["item"]), cell(c["customer"]),
                     cell(c["score"]), cell(c["open"]), clip(cell(c["evidence"]), 80)));
  }
  for (const auto& a : entry["allocations"]) {
    line("allocation", fmt::format("#{} {} {} {} ({}){}: {}", cell(a["id"]), cell(a["item"]),
                                   cell(a["amount"]), cell(a["method"]), cell(a["confidence"]),
                                   a["in_force"].get<bool>() ? ""
                                   : a["reverses"].is_null() ? " reversed"
                                                             : "",
                                   clip(cell(a["evidence"]), 80)));
  }
}

int entry(const AdminClient& client, const ReviewOptions& options) {
  auto found = call(client, "GET", "/entries/" + path_segment(options.id));
  if (!found) return fail(found.error().message);
  if (options.json) {
    std::cout << found->dump(2) << "\n";
    return 0;
  }
  print_entry(*found);
  return 0;
}

int allocate(const AdminClient& client, const ReviewOptions& options) {
  json allocations = json::array();
  for (const std::string& item : options.items) {
    const std::size_t equals = item.find('=');
    if (equals == 0) return fail("ITEM[=AMOUNT] needs the item number before '='");
    json one = {{"item", item.substr(0, equals)}};
    if (equals != std::string::npos) one["amount"] = item.substr(equals + 1);
    allocations.push_back(std::move(one));
  }
  json body = {{"allocations", allocations}};
  if (!options.note.empty()) body["note"] = options.note;
  auto decided = call(client, "POST", "/entries/" + path_segment(options.id) + "/allocate", body);
  if (!decided) return fail(decided.error().message);
  if (options.json) {
    std::cout << decided->dump(2) << "\n";
    return 0;
  }
  std::string paid;
  for (const auto& a : (*decided)["allocations"]) {
    if (!a["in_force"].get<bool>() || a["method"] != "manual") continue;
    paid += fmt::format("{}{} {}", paid.empty() ? "" : ", ", cell(a["item"]), cell(a["amount"]));
  }
  std::cout << fmt::format("{} posted by hand: {} {}\n", cell((*decided)["short_id"]), clip(paid),
                           cell((*decided)["currency"]));
  const json& left = (*decided)["unapplied"];
  if (left.is_string() && left.get<std::string>().find_first_of("123456789") != std::string::npos) {
    std::cout << fmt::format("{} {} left as a credit on the account of customer {}\n", cell(left),
                             cell((*decided)["currency"]), clip(cell((*decided)["customer"])));
  }
  return 0;
}

int undo(const AdminClient& client, const ReviewOptions& options) {
  auto undone = call(client, "POST", "/entries/" + path_segment(options.id) + "/undo",
                     json{{"reason", options.reason}});
  if (!undone) return fail(undone.error().message);
  if (options.json) {
    std::cout << undone->dump(2) << "\n";
    return 0;
  }
  std::cout << fmt::format("{} undone: its allocations are reversed and it is back in review\n",
                           cell((*undone)["short_id"]));
  return 0;
}

}  // namespace

std::function<int()> add_review_commands(CLI::App& app, const std::string& config_path,
                                         const std::string& socket_path) {
  auto options = std::make_shared<ReviewOptions>();
  auto* review_cmd =
      app.add_subcommand("review", "Payments waiting for a person, with the best candidates");
  auto* unmatched_cmd =
      app.add_subcommand("unmatched", "Payments nothing pointed to an open item for");
  for (auto* command : {review_cmd, unmatched_cmd}) {
    command->add_option("--limit", options->limit, "How many, oldest first (1-1000)")
        ->capture_default_str();
  }
  auto* entry_cmd = app.add_subcommand("entry", "One bank entry with its decision and allocations");
  auto* allocate_cmd =
      app.add_subcommand("allocate", "Post a payment to open items by hand (final)");
  auto* undo_cmd = app.add_subcommand("undo", "Reverse a posting; the payment goes back to review");
  for (auto* command : {entry_cmd, allocate_cmd, undo_cmd}) {
    command->add_option("id", options->id, "The entry's id (a unique prefix, 8 characters or more)")
        ->required();
  }
  allocate_cmd
      ->add_option("items", options->items,
                   "ITEM or ITEM=AMOUNT (e.g. RE-2026-12=50.00); without an amount, what is "
                   "open, up to what is left of the payment")
      ->required();
  allocate_cmd->add_option("--note", options->note, "Why, for whoever reads the allocation");
  undo_cmd->add_option("--reason", options->reason, "Why it is undone")->required();
  for (auto* command : {review_cmd, unmatched_cmd, entry_cmd, allocate_cmd, undo_cmd}) {
    command->add_flag("--json", options->json, "The API's JSON instead of text");
  }
  return [=, &config_path, &socket_path]() -> int {
    CLI::App* chosen = nullptr;
    for (auto* command : {review_cmd, unmatched_cmd, entry_cmd, allocate_cmd, undo_cmd}) {
      if (command->parsed()) chosen = command;
    }
    if (chosen == nullptr) return -1;
    auto socket = socket_of(config_path, socket_path);
    if (!socket) return fail(socket.error().message);
    const AdminClient client(*socket);
    if (chosen == review_cmd) return review(client, *options);
    if (chosen == unmatched_cmd) return unmatched(client, *options);
    if (chosen == entry_cmd) return entry(client, *options);
    if (chosen == allocate_cmd) return allocate(client, *options);
    return undo(client, *options);
  };
}

}  // namespace kontor::ctl
