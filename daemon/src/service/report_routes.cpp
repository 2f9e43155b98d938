// The account manager's reports over the admin API, computed from the store as it is now and
// read only: aging as of any past day, the year-end open-items list, a month's activity, and
// DSO. Days are the company's (company.timezone). Amounts are decimal strings beside their
// currency: a JSON number would pass through floating point.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "common/clock.hpp"
#include "config/company_section.hpp"
#include "reports/aging.hpp"
#include "reports/dso.hpp"
#include "reports/open_items_csv.hpp"
#include "reports/report_calendar.hpp"
#include "service/admin_backend.hpp"
#include "service/company_day.hpp"
#include "service/json_values.hpp"

namespace kontor::service {
namespace {

using admin::AdminRequest;
using admin::AdminResponse;
using admin::json_error;
using nlohmann::json;

std::optional<std::string> parameter(const AdminRequest& request, const std::string& name) {
  const auto found = request.query.find(name);
  if (found == request.query.end()) return std::nullopt;
  return found->second;
}

// ?as_of=YYYY-MM-DD, else today in the company's zone.
Result<Date> as_of_day(const AdminBackend& backend, const AdminRequest& request) {
  if (auto text = parameter(request, "as_of")) {
    Result<Date> day = Date::parse_iso(*text);
    if (!day) return Error{"as_of must be a day, YYYY-MM-DD"};
    return day;
  }
  return company_today(backend);
}

// The items open at the end of `day`, aged.
Result<reports::AgingReport> aging_as_of(AdminBackend& backend, const Date& day,
                                         const std::string& customer) {
  Result<store::ReportDay> report_day = reports::report_day(day, company_zone(backend));
  if (!report_day) return report_day.error();
  std::vector<store::ReceivableAsOf> items;
  const Status read = backend.store().read([&](store::Reader& reader) -> Status {
    auto found = reader.receivables_as_of(
        store::ReceivablesQuery{.as_of = *report_day, .customer_number = customer});
    if (!found) return found.error();
    items = std::move(found).value();
    return {};
  });
  if (!read) return read.error();
  return reports::age_receivables(day, std::move(items));
}

std::string amount(const Money& money) {
  return money.format(Notation::point());
}

json totals_json(const std::vector<reports::AgingTotals>& all) {
  json list = json::array();
  for (const reports::AgingTotals& totals : all) {
    json entry = {{"currency", std::string(totals.currency.code())}, {"items", totals.items}};
    for (int bucket = 0; bucket < reports::kAgingBuckets; ++bucket) {
      entry[std::string(reports::to_string(static_cast<reports::AgingBucket>(bucket)))] =
          amount(totals.buckets[bucket]);
    }
    entry["credits"] = amount(totals.credits);
    entry["total"] = amount(totals.total);
    list.push_back(std::move(entry));
  }
  return list;
}

json aging_json(const reports::AgingReport& report) {
  json items = json::array();
  for (const reports::AgedItem& aged : report.items) {
    const store::ReceivableAsOf& item = aged.item;
    items.push_back({{"customer", item.customer_number},
                     {"name", item.customer_name},
                     {"item", item.item_number},
                     {"type", std::string(to_string(item.type))},
                     {"issue_date", optional_day(item.issue_date)},
                     {"due_date", item.due_date.to_iso()},
                     {"currency", std::string(item.open.currency().code())},
                     {"gross", amount(item.gross)},
                     {"open", amount(item.open)},
                     {"days_overdue", aged.days_overdue},
                     {"bucket", std::string(reports::to_string(aged.bucket))}});
  }
  json customers = json::array();
  for (const reports::CustomerAging& customer : report.customers) {
    customers.push_back({{"customer", customer.customer_number},
                         {"name", customer.customer_name},
                         {"totals", totals_json(customer.totals)}});
  }
  return {{"as_of", report.as_of.to_iso()},
          {"items", std::move(items)},
          {"customers", std::move(customers)},
          {"totals", totals_json(report.totals)}};
}

AdminResponse aging(AdminBackend& backend, const AdminRequest& request) {
  Result<Date> day = as_of_day(backend, request);
  if (!day) return json_error(400, day.error().message);
  Result<reports::AgingReport> report =
      aging_as_of(backend, *day, parameter(request, "customer").value_or(""));
  if (!report) return json_error(500, report.error().message);
  return {200, aging_json(*report).dump()};
}

// The year-end list: as of 31 December of ?year= (the configuration has no fiscal year of its
// own; the calendar year is the German default), or of ?as_of= for a fiscal year that ends
// elsewhere.
AdminResponse open_items(AdminBackend& backend, const AdminRequest& request) {
  Result<Date> day = Error{"a year-end list needs ?year=YYYY or ?as_of=YYYY-MM-DD"};
  if (auto year = parameter(request, "year")) {
    day = year->size() == 4 ? Date::parse_iso(*year + "-12-31") : Error{"year must be YYYY"};
    if (!day) return json_error(400, "year must be YYYY");
  } else if (parameter(request, "as_of")) {
    day = as_of_day(backend, request);
  }
  if (!day) return json_error(400, day.error().message);
  const std::string format = parameter(request, "format").value_or("json");
  if (format != "json" && format != "csv") return json_error(400, "format must be json or csv");
  Result<reports::AgingReport> report =
      aging_as_of(backend, *day, parameter(request, "customer").value_or(""));
  if (!report) return json_error(500, report.error().message);
  if (format == "csv") {
    AdminResponse csv;
    csv.body = reports::open_items_csv(*report);
    csv.content_type = "text/csv; charset=utf-8";
    return csv;
  }
  return {200, aging_json(*report).dump()};
}

// ?month=YYYY-MM, or ?from=YYYY-MM-DD&to=YYYY-MM-DD.
Result<store::ReportPeriod> period_of(const AdminBackend& backend, const AdminRequest& request) {
  const std::string zone = company_zone(backend);
  if (auto month = parameter(request, "month")) return reports::month_period(*month, zone);
  auto from = parameter(request, "from");
  auto to = parameter(request, "to");
  if (!from || !to) return Error{"a period is ?month=YYYY-MM or ?from=YYYY-MM-DD&to=YYYY-MM-DD"};
  Result<Date> first = Date::parse_iso(*from);
  Result<Date> last = Date::parse_iso(*to);
  if (!first || !last) return Error{"from and to must be days, YYYY-MM-DD"};
  return reports::report_period(*first, *last, zone);
}

json period_json(const store::ReportPeriod& period) {
  return {{"first", period.first.to_iso()}, {"last", period.last.to_iso()}};
}

json tallies_json(const std::vector<store::CurrencyTally>& tallies) {
  json list = json::array();
  for (const store::CurrencyTally& tally : tallies) {
    list.push_back({{"currency", std::string(tally.amount.currency().code())},
                    {"count", tally.count},
                    {"sum", amount(tally.amount)}});
  }
  return list;
}

AdminResponse activity(AdminBackend& backend, const AdminRequest& request) {
  Result<store::ReportPeriod> period = period_of(backend, request);
  if (!period) return json_error(400, period.error().message);
  store::ActivityFigures figures;
  const Status read = backend.store().read([&](store::Reader& reader) -> Status {
    auto found = reader.activity(*period);
    if (!found) return found.error();
    figures = std::move(found).value();
    return {};
  });
  if (!read) return json_error(500, read.error().message);
  json reminders = json::array();
  json statements = json::array();
  json invoices = json::array();
  for (const store::NoticeTally& tally : figures.notices) {
    json entry = {
        {"channel", tally.channel}, {"decided", tally.decided}, {"delivered", tally.delivered}};
    if (tally.kind == "reminder") {
      entry["level"] = tally.level;
      reminders.push_back(std::move(entry));
    } else if (tally.kind == "statement") {
      statements.push_back(std::move(entry));
    } else {
      invoices.push_back(std::move(entry));
    }
  }
  json notes = json::object();
  for (const char* kind : {"call", "complaint"}) {
    const auto found = figures.notes_opened.find(kind);
    notes[kind] = found == figures.notes_opened.end() ? 0 : found->second;
  }
  return {200, json{{"period", period_json(*period)},
                    {"payments_posted", tallies_json(figures.payments_posted)},
                    {"reminders", std::move(reminders)},
                    {"statements", std::move(statements)},
                    {"invoices_delivered", std::move(invoices)},
                    {"notes_opened", std::move(notes)},
                    {"write_offs", tallies_json(figures.write_offs)}}
                   .dump()};
}

AdminResponse dso(AdminBackend& backend, const AdminRequest& request) {
  Result<store::ReportPeriod> period = period_of(backend, request);
  if (!period) return json_error(400, period.error().message);
  std::vector<store::ReceivableAsOf> open;
  std::vector<store::CurrencyTally> sales;
  const Status read = backend.store().read([&](store::Reader& reader) -> Status {
    auto found = reader.receivables_as_of(store::ReceivablesQuery{
        .as_of = store::ReportDay{.day = period->last, .ends = period->ends},
        .customer_number = ""});
    if (!found) return found.error();
    open = std::move(found).value();
    auto invoiced = reader.invoiced(*period);
    if (!invoiced) return invoiced.error();
    sales = std::move(invoiced).value();
    return {};
  });
  if (!read) return json_error(500, read.error().message);
  const std::int64_t days = reports::days_in(*period);
  json figures = json::array();
  for (const reports::DsoFigure& figure : reports::days_sales_outstanding(open, sales, days)) {
    figures.push_back(
        {{"currency", std::string(figure.currency.code())},
         {"receivables", amount(figure.receivables)},
         {"sales", amount(figure.sales)},
         {"invoices", figure.invoices},
         {"dso", figure.tenths ? json(reports::tenths_text(*figure.tenths)) : json()}});
  }
  return {200, json{{"period", period_json(*period)},
                    {"days", days},
                    {"formula", "receivables at period end / sales in period * days"},
                    {"figures", std::move(figures)}}
                   .dump()};
}

}  // namespace

void add_report_routes(admin::AdminRoutes& routes, AdminBackend& backend) {
  routes.add("GET", "/reports/aging",
             [&backend](const AdminRequest& request) { return aging(backend, request); });
  routes.add("GET", "/reports/open-items",
             [&backend](const AdminRequest& request) { return open_items(backend, request); });
  routes.add("GET", "/reports/activity",
             [&backend](const AdminRequest& request) { return activity(backend, request); });
  routes.add("GET", "/reports/dso",
             [&backend](const AdminRequest& request) { return dso(backend, request); });
}

}  // namespace kontor::service
