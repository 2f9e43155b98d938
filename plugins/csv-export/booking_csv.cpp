#include "booking_csv.hpp"

#include <map>
#include <set>

#include "csv_cells.hpp"

namespace kontor::plugins::csv_export {
namespace {

// The customer behind each debtor account that has exactly one; an account several customers
// share (a collective debtor) has none, since no one customer's name is the account's.
std::map<std::string, const Customer*> sole_customers(
    const std::vector<sdk::ExportDebtor>& debtors) {
  std::map<std::string, std::set<std::string>> numbers;
  for (const sdk::ExportDebtor& debtor : debtors) {
    numbers[debtor.account].insert(debtor.customer.number);
  }
  std::map<std::string, const Customer*> sole;
  for (const sdk::ExportDebtor& debtor : debtors) {
    if (numbers[debtor.account].size() == 1) sole.emplace(debtor.account, &debtor.customer);
  }
  return sole;
}

class RowWriter {
 public:
  RowWriter(std::string& out, const CsvFormat& format) : out_(out), format_(format) {}

  void text(std::string_view value) { next(text_cell(value, format_.delimiter)); }
  void own(std::string_view value) { next(own_cell(value, format_.delimiter)); }
  void end() {
    out_ += format_.line_end;
    first_ = true;
  }

 private:
  void next(const std::string& cell) {
    if (!first_) out_ += format_.delimiter;
    out_ += cell;
    first_ = false;
  }

  std::string& out_;
  const CsvFormat& format_;
  bool first_ = true;
};

void write_line(RowWriter& row, const std::string& batch_id, const Booking& booking,
                std::size_t index, const Customer* customer) {
  const BookingLine& line = booking.lines[index];
  const std::string amount = line.amount.format();
  const bool debit = line.side == BookingSide::debit;
  row.text(batch_id);
  row.own(std::to_string(booking.id));
  row.own(booking.date.to_iso());
  row.text(booking.document_number);
  row.text(booking.text);
  row.own(booking.reverses ? std::to_string(*booking.reverses) : "");
  row.own(to_string(booking.facts));
  row.own(booking.due_date ? booking.due_date->to_iso() : "");
  row.own(std::to_string(index + 1));
  row.text(line.account);
  row.own(to_string(line.side));
  row.own(debit ? amount : "");
  row.own(debit ? "" : amount);
  row.own(line.amount.currency().code());
  row.text(line.tax_key);
  // Only on the debtor line: a pivot by customer then sums the customer's own movements, not
  // every line of their bookings (which would always net to zero).
  const bool debtor_line = index == 0 && customer != nullptr;
  row.text(debtor_line ? customer->number : "");
  row.text(debtor_line ? customer->name : "");
  row.end();
}

}  // namespace

const std::vector<std::string_view>& booking_csv_columns() {
  static const std::vector<std::string_view> columns{
      "batch",  "booking_id", "date",    "document",        "text",         "reverses",
      "facts",  "due_date",   "line",    "account",         "side",         "debit",
      "credit", "currency",   "tax_key", "customer_number", "customer_name"};
  return columns;
}

std::string booking_csv(const sdk::ExportBatch& batch, const CsvFormat& format) {
  std::string out;
  if (format.byte_order_mark) out += "\xEF\xBB\xBF";
  RowWriter row(out, format);
  for (std::string_view column : booking_csv_columns()) row.own(column);
  row.end();
  const std::map<std::string, const Customer*> customers = sole_customers(batch.debtors);
  for (const Booking& booking : batch.bookings) {
    const Customer* customer = nullptr;
    if (!booking.lines.empty()) {
      auto found = customers.find(booking.lines.front().account);
      if (found != customers.end()) customer = found->second;
    }
    for (std::size_t index = 0; index < booking.lines.size(); ++index) {
      write_line(row, batch.batch_id, booking, index, customer);
    }
  }
  return out;
}

}  // namespace kontor::plugins::csv_export
