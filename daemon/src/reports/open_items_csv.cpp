#include "reports/open_items_csv.hpp"

#include <initializer_list>

namespace kontor::reports {
namespace {

std::string quoted(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A text from outside; Kontor's own cells (amounts, dates, counts) are only quoted, so that a
// negative amount stays a number.
std::string text_cell(std::string_view text) {
  return quoted(defused_cell(text));
}

void row(std::string& out, std::initializer_list<std::string> cells) {
  bool first = true;
  for (const std::string& cell : cells) {
    if (!first) out += ',';
    out += cell;
    first = false;
  }
  out += "\r\n";
}

void sum_row(std::string& out, std::string_view label, const std::string& customer,
             const std::string& name, const AgingTotals& totals) {
  const std::string code(totals.currency.code());
  // The gross of a sum row would add items of different ages; only the open sum is meaningful.
  row(out, {std::string(label), text_cell(customer), text_cell(name), "", "", "", "", code, "",
            totals.total.format(), ""});
}

}  // namespace

std::string defused_cell(std::string_view text) {
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    return "'" + std::string(text);
  }
  return std::string(text);
}

std::string open_items_csv(const AgingReport& report) {
  std::string out;
  row(out, {"row", "customer", "name", "item", "type", "issue_date", "due_date", "currency",
            "gross", "open", "days_overdue"});
  std::size_t next = 0;
  for (const CustomerAging& customer : report.customers) {
    for (; next < report.items.size() &&
           report.items[next].item.customer_number == customer.customer_number;
         ++next) {
      const store::ReceivableAsOf& item = report.items[next].item;
      row(out, {"item", text_cell(item.customer_number), text_cell(item.customer_name),
                text_cell(item.item_number), std::string(to_string(item.type)),
                item.issue_date ? item.issue_date->to_iso() : "", item.due_date.to_iso(),
                std::string(item.open.currency().code()), item.gross.format(), item.open.format(),
                std::to_string(report.items[next].days_overdue)});
    }
    for (const AgingTotals& totals : customer.totals) {
      sum_row(out, "customer_sum", customer.customer_number, customer.customer_name, totals);
    }
  }
  for (const AgingTotals& totals : report.totals) sum_row(out, "total", "", "", totals);
  return out;
}

}  // namespace kontor::reports
