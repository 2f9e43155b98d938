#include "batch_json.hpp"

#include <nlohmann/json.hpp>

namespace kontor::plugins {
namespace {

using Json = nlohmann::ordered_json;

Json optional_day(const std::optional<Date>& day) {
  return day ? Json(day->to_iso()) : Json(nullptr);
}

Json line_json(const BookingLine& line) {
  return Json{{"account", line.account},
              {"side", std::string(to_string(line.side))},
              {"amount", line.amount.format()},
              {"currency", std::string(line.amount.currency().code())},
              {"tax_key", line.tax_key}};
}

Json booking_json(const Booking& booking) {
  Json lines = Json::array();
  for (const BookingLine& line : booking.lines) lines.push_back(line_json(line));
  return Json{{"id", booking.id},
              {"date", booking.date.to_iso()},
              {"document", booking.document_number},
              {"text", booking.text},
              {"reverses", booking.reverses ? Json(*booking.reverses) : Json(nullptr)},
              {"facts", std::string(to_string(booking.facts))},
              {"due_date", optional_day(booking.due_date)},
              {"lines", std::move(lines)}};
}

Json debtor_json(const sdk::ExportDebtor& debtor) {
  const Customer& customer = debtor.customer;
  return Json{{"account", debtor.account},
              {"number", customer.number},
              {"name", customer.name},
              {"kind", std::string(to_string(customer.kind))},
              {"email", customer.email},
              {"street", customer.address.street},
              {"postcode", customer.address.postcode},
              {"city", customer.address.city},
              {"country", customer.address.country}};
}

}  // namespace

std::string batch_json(const sdk::ExportBatch& batch, int indent) {
  Json bookings = Json::array();
  for (const Booking& booking : batch.bookings) bookings.push_back(booking_json(booking));
  Json debtors = Json::array();
  for (const sdk::ExportDebtor& debtor : batch.debtors) debtors.push_back(debtor_json(debtor));
  Json period = nullptr;
  if (batch.period_from || batch.period_to) {
    period = Json{{"from", optional_day(batch.period_from)}, {"to", optional_day(batch.period_to)}};
  }
  const Json document{{"format", "kontor-export-batch"},
                      {"version", kBatchJsonVersion},
                      {"batch", batch.batch_id},
                      {"period", std::move(period)},
                      {"bookings", std::move(bookings)},
                      {"debtors", std::move(debtors)}};
  // Invalid UTF-8 in a text (an ERP's Latin-1 name) is replaced, not thrown on: the batch is
  // still worth delivering, and U+FFFD shows where the source was wrong.
  return document.dump(indent, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace kontor::plugins
