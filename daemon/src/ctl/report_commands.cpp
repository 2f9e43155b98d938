#include "ctl/report_commands.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "ctl/admin_call.hpp"

namespace kontor::ctl {
namespace {

using nlohmann::json;

struct ReportOptions {
  std::string as_of;
  std::string customer;
  std::string year;
  std::string month;
  std::string from;
  std::string to;
  bool json = false;
  bool csv = false;
};

const char* const kBuckets[] = {"not_due", "days_1_30", "days_31_60", "days_61_90", "over_90"};

// Texts from the ERP go to the operator's terminal: control characters (an escape sequence in
// a name would steer it) become blanks, and long names are cut to the column.
std::string shown(const json& value, std::size_t width = 0) {
  std::string text = cell(value);
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  if (width > 0 && text.size() > width) text = text.substr(0, width - 1) + "…";
  return text;
}

void print_totals_header() {
  std::cout << fmt::format("{:<10} {:<24} {:<4} {:>13} {:>13} {:>13} {:>13} {:>13} {:>13} {:>14}\n",
                           "CUSTOMER", "NAME", "CUR", "NOT DUE", "1-30", "31-60", "61-90",
                           "OVER 90", "CREDITS", "TOTAL");
}

void print_totals(const std::string& customer, const std::string& name, const json& totals) {
  std::string line = fmt::format("{:<10} {:<24} {:<4}", customer, name, shown(totals["currency"]));
  for (const char* bucket : kBuckets) line += fmt::format(" {:>13}", shown(totals[bucket]));
  line += fmt::format(" {:>13} {:>14}", shown(totals["credits"]), shown(totals["total"]));
  std::cout << line << "\n";
}

int aging(const AdminClient& client, const ReportOptions& options) {
  std::string path = "/reports/aging";
  std::string separator = "?";
  if (!options.as_of.empty()) {
    path += separator + "as_of=" + path_segment(options.as_of);
    separator = "&";
  }
  if (!options.customer.empty()) path += separator + "customer=" + path_segment(options.customer);
  auto answer = call(client, "GET", path);
  if (!answer) return fail(answer.error().message);
  if (options.json) {
    std::cout << answer->dump(2) << "\n";
    return 0;
  }
  const json& report = *answer;
  std::cout << "Open items as of the end of " << shown(report["as_of"]) << "\n\n";
  std::cout << fmt::format("{:<10} {:<16} {:<10} {:>14} {:<4} {:>6}  {}\n", "CUSTOMER", "ITEM",
                           "DUE", "OPEN", "CUR", "DAYS", "BUCKET");
  for (const json& item : report["items"]) {
    std::cout << fmt::format("{:<10} {:<16} {:<10} {:>14} {:<4} {:>6}  {}\n",
                             shown(item["customer"], 10), shown(item["item"], 16),
                             shown(item["due_date"]), shown(item["open"]), shown(item["currency"]),
                             shown(item["days_overdue"]), shown(item["bucket"]));
  }
  std::cout << "\n";
  print_totals_header();
  for (const json& customer : report["customers"]) {
    for (const json& totals : customer["totals"]) {
      print_totals(shown(customer["customer"], 10), shown(customer["name"], 24), totals);
    }
  }
  for (const json& totals : report["totals"]) print_totals("TOTAL", "", totals);
  return 0;
}

int open_items(const AdminClient& client, const ReportOptions& options) {
  if (options.year.empty() == options.as_of.empty()) {
    return fail("open-items needs --year YYYY or --as-of YYYY-MM-DD");
  }
  std::string path = options.year.empty()
                         ? "/reports/open-items?as_of=" + path_segment(options.as_of)
                         : "/reports/open-items?year=" + path_segment(options.year);
  if (options.csv) {
    auto csv = fetch(client, path + "&format=csv");
    if (!csv) return fail(csv.error().message);
    std::cout << *csv;
    return 0;
  }
  auto answer = call(client, "GET", path);
  if (!answer) return fail(answer.error().message);
  if (options.json) {
    std::cout << answer->dump(2) << "\n";
    return 0;
  }
  const json& report = *answer;
  std::cout << "Open items as of " << shown(report["as_of"]) << " (Offene-Posten-Liste)\n\n";
  std::cout << fmt::format("{:<10} {:<20} {:<16} {:<10} {:<10} {:>14} {:>14} {}\n", "CUSTOMER",
                           "NAME", "ITEM", "ISSUED", "DUE", "AMOUNT", "OPEN", "CUR");
  for (const json& item : report["items"]) {
    std::cout << fmt::format("{:<10} {:<20} {:<16} {:<10} {:<10} {:>14} {:>14} {}\n",
                             shown(item["customer"], 10), shown(item["name"], 20),
                             shown(item["item"], 16), shown(item["issue_date"]),
                             shown(item["due_date"]), shown(item["gross"]), shown(item["open"]),
                             shown(item["currency"]));
  }
  std::cout << "\n";
  for (const json& customer : report["customers"]) {
    for (const json& totals : customer["totals"]) {
      std::cout << fmt::format("{:<10} {:<20} {:>14} {} ({} items)\n",
                               shown(customer["customer"], 10), shown(customer["name"], 20),
                               shown(totals["total"]), shown(totals["currency"]),
                               shown(totals["items"]));
    }
  }
  for (const json& totals : report["totals"]) {
    std::cout << fmt::format("{:<31} {:>14} {} ({} items)\n", "TOTAL", shown(totals["total"]),
                             shown(totals["currency"]), shown(totals["items"]));
  }
  return 0;
}

std::string period_query(const ReportOptions& options) {
  if (!options.month.empty()) return "month=" + path_segment(options.month);
  return "from=" + path_segment(options.from) + "&to=" + path_segment(options.to);
}

bool period_given(const ReportOptions& options) {
  return !options.month.empty() != (!options.from.empty() && !options.to.empty());
}

int activity(const AdminClient& client, const ReportOptions& options) {
  if (!period_given(options)) return fail("activity needs --month YYYY-MM (or --from and --to)");
  auto answer = call(client, "GET", "/reports/activity?" + period_query(options));
  if (!answer) return fail(answer.error().message);
  if (options.json) {
    std::cout << answer->dump(2) << "\n";
    return 0;
  }
  const json& report = *answer;
  std::cout << "Activity " << shown(report["period"]["first"]) << " to "
            << shown(report["period"]["last"]) << "\n\n";
  auto tallies = [](const char* label, const json& list) {
    if (list.empty()) std::cout << fmt::format("{:<22} 0\n", label);
    for (const json& tally : list) {
      std::cout << fmt::format("{:<22} {:>5}  {:>14} {}\n", label, shown(tally["count"]),
                               shown(tally["sum"]), shown(tally["currency"]));
    }
  };
  tallies("payments posted", report["payments_posted"]);
  if (report["reminders"].empty()) std::cout << fmt::format("{:<22} 0\n", "reminders");
  for (const json& reminder : report["reminders"]) {
    std::cout << fmt::format("{:<22} {:>5}  level {} by {} ({} delivered)\n", "reminders",
                             shown(reminder["decided"]), shown(reminder["level"]),
                             shown(reminder["channel"]), shown(reminder["delivered"]));
  }
  if (report["statements"].empty()) std::cout << fmt::format("{:<22} 0\n", "statements");
  for (const json& statement : report["statements"]) {
    std::cout << fmt::format("{:<22} {:>5}  by {} ({} delivered)\n", "statements",
                             shown(statement["decided"]), shown(statement["channel"]),
                             shown(statement["delivered"]));
  }
  std::cout << fmt::format("{:<22} {:>5}\n", "calls noted", shown(report["notes_opened"]["call"]));
  std::cout << fmt::format("{:<22} {:>5}\n", "complaints opened",
                           shown(report["notes_opened"]["complaint"]));
  tallies("write-offs", report["write_offs"]);
  return 0;
}

int dso(const AdminClient& client, const ReportOptions& options) {
  if (!period_given(options)) return fail("dso needs --month YYYY-MM or --from and --to");
  auto answer = call(client, "GET", "/reports/dso?" + period_query(options));
  if (!answer) return fail(answer.error().message);
  if (options.json) {
    std::cout << answer->dump(2) << "\n";
    return 0;
  }
  const json& report = *answer;
  std::cout << "DSO " << shown(report["period"]["first"]) << " to "
            << shown(report["period"]["last"]) << " (" << shown(report["days"])
            << " days): receivables at the end / sales in the period x days\n\n";
  std::cout << fmt::format("{:<4} {:>16} {:>16} {:>9} {:>8}\n", "CUR", "RECEIVABLES", "SALES",
                           "INVOICES", "DSO");
  for (const json& figure : report["figures"]) {
    std::cout << fmt::format("{:<4} {:>16} {:>16} {:>9} {:>8}\n", shown(figure["currency"]),
                             shown(figure["receivables"]), shown(figure["sales"]),
                             shown(figure["invoices"]), shown(figure["dso"]));
  }
  return 0;
}

}  // namespace

std::function<int()> add_report_commands(CLI::App& app, const std::string& config_path,
                                         const std::string& socket_path) {
  auto options = std::make_shared<ReportOptions>();
  auto* aging_command = app.add_subcommand(
      "aging", "Open items with aging buckets as they stood at the end of a day");
  aging_command->add_option("--as-of", options->as_of, "The day, YYYY-MM-DD (default: today)");
  aging_command->add_option("--customer", options->customer, "Only this customer's items");
  aging_command->add_flag("--json", options->json, "The API's JSON instead of tables");

  auto* list_command =
      app.add_subcommand("open-items", "The year-end open-items list (Offene-Posten-Liste)");
  list_command->add_option("--year", options->year, "As of 31 December of this year");
  list_command->add_option("--as-of", options->as_of, "As of this day, YYYY-MM-DD");
  list_command->add_flag("--csv", options->csv, "CSV for a spreadsheet (RFC 4180)");
  list_command->add_flag("--json", options->json, "The API's JSON instead of a table");

  auto* activity_command =
      app.add_subcommand("activity", "Payments, reminders, statements, notes, write-offs");
  auto* dso_command = app.add_subcommand("dso", "Days sales outstanding per currency");
  for (CLI::App* command : {activity_command, dso_command}) {
    command->add_option("--month", options->month, "The month, YYYY-MM");
    command->add_option("--from", options->from, "First day, YYYY-MM-DD");
    command->add_option("--to", options->to, "Last day, YYYY-MM-DD");
    command->add_flag("--json", options->json, "The API's JSON instead of a table");
  }

  return [=, &config_path, &socket_path]() -> int {
    int (*verb)(const AdminClient&, const ReportOptions&) = nullptr;
    if (aging_command->parsed()) verb = aging;
    if (list_command->parsed()) verb = open_items;
    if (activity_command->parsed()) verb = activity;
    if (dso_command->parsed()) verb = dso;
    if (verb == nullptr) return -1;
    auto socket = socket_of(config_path, socket_path);
    if (!socket) return fail(socket.error().message);
    return verb(AdminClient(*socket), *options);
  };
}

}  // namespace kontor::ctl
