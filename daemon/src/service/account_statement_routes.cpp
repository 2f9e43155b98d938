// Statements of account on demand over the admin API: GET /customers/{number}/statement
// ?period=YYYY-MM[&format=json|text|pdf] computes one customer's statement of one month from the
// store as it is now and shows it — figures, lines, open items and aging as JSON (default),
// the statement's text, or its PDF letter. Nothing is recorded or sent.
//
// When the customer's statement of that month was sent, its number and RF reference are used,
// so that what the account manager hands over quotes the same reference; otherwise it is a
// preview numbered "S-<YYYY-MM>-PREVIEW-<customer>" without a reference (its GiroCode carries the
// number as text), which a payment can never be mistaken to quote.
//
// Amounts are decimal strings in the statement's currency (point notation), given beside them
// as "currency": a JSON number would pass through floating point.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "engine/notice_setup.hpp"
#include "engine/statement_notice.hpp"
#include "service/admin_backend.hpp"

namespace kontor::service {
namespace {

using admin::AdminRequest;
using admin::AdminResponse;
using admin::json_error;
using nlohmann::json;

std::string amount(const Money& money) {
  return money.format(Notation::point());
}

json movements_json(const render::StatementView& statement) {
  json lines = json::array();
  for (const render::MovementView& line : statement.movements) {
    lines.push_back({{"date", line.date.to_iso()},
                     {"kind", line.kind},
                     {"document", line.document},
                     {"detail", line.detail},
                     {"amount", amount(line.amount)},
                     {"balance", amount(line.balance)}});
  }
  return lines;
}

json open_items_json(const render::StatementView& statement) {
  json items = json::array();
  for (const render::StatementItemView& item : statement.open_items) {
    items.push_back({{"number", item.number},
                     {"type", item.type},
                     {"issue_date", item.issue_date ? json(item.issue_date->to_iso()) : json()},
                     {"due_date", item.due_date.to_iso()},
                     {"gross", amount(item.gross)},
                     {"open", amount(item.open)},
                     {"days_overdue", item.days_overdue}});
  }
  return items;
}

json statement_json(const engine::RenderedStatement& shown, const std::string& sent_as) {
  const render::StatementView& statement = *shown.view.statement;
  const render::AgingView& aging = statement.aging;
  return {{"customer", shown.view.customer.number},
          {"period",
           {{"first", statement.period_start.to_iso()}, {"last", statement.period_end.to_iso()}}},
          {"number", shown.view.notice_number},
          {"sent_as", sent_as.empty() ? json() : json(sent_as)},
          {"payment_reference", shown.view.payment_reference},
          {"currency", std::string(statement.closing.currency().code())},
          {"opening", amount(statement.opening)},
          {"invoices", amount(statement.invoices)},
          {"credit_notes", amount(statement.credit_notes)},
          {"fees", amount(statement.fees)},
          {"interest", amount(statement.interest)},
          {"payments", amount(statement.payments)},
          {"adjustments", amount(statement.adjustments)},
          {"closing", amount(statement.closing)},
          {"aging",
           {{"not_due", amount(aging.not_due)},
            {"days_1_30", amount(aging.days_1_30)},
            {"days_31_60", amount(aging.days_31_60)},
            {"days_61_90", amount(aging.days_61_90)},
            {"over_90", amount(aging.over_90)},
            {"credits", amount(aging.credits)},
            {"total", amount(aging.total)}}},
          {"movements", movements_json(statement)},
          {"open_items", open_items_json(statement)},
          {"subject", shown.rendered.subject}};
}

AdminResponse customer_statement(AdminBackend& backend, const AdminRequest& request) {
  const std::string& number = request.parameters.at("number");
  const auto period_text = request.query.find("period");
  if (period_text == request.query.end()) {
    return json_error(400, "a statement needs ?period=YYYY-MM");
  }
  Result<statements::StatementPeriod> period =
      statements::StatementPeriod::parse(period_text->second);
  if (!period) return json_error(400, period.error().message);
  const auto format_found = request.query.find("format");
  const std::string format = format_found == request.query.end() ? "json" : format_found->second;
  if (format != "json" && format != "text" && format != "pdf") {
    return json_error(400, "format must be json, text or pdf");
  }
  Result<engine::NoticeSetup> setup = engine::notice_setup(
      backend.configuration(), nullptr, backend.now(), engine::kStatementTemplate);
  if (!setup) return json_error(409, setup.error().message);

  std::optional<engine::RenderedStatement> shown;
  std::string sent_as;
  int missing = 0;
  const Status read = backend.store().read([&](store::Reader& reader) -> Status {
    Result<std::optional<Customer>> customer = reader.customer(number);
    if (!customer) return customer.error();
    if (!*customer) {
      missing = 404;
      return {};
    }
    Result<render::StatementView> statement =
        engine::statement_of(reader, **customer, *period, *setup);
    if (!statement) return statement.error();
    Result<std::map<std::string, std::string>> sent =
        reader.notice_numbers_by_customer(engine::statement_number_prefix(*period));
    if (!sent) return sent.error();
    std::string shown_number = engine::statement_number_prefix(*period) + "PREVIEW-" + number;
    std::string reference;
    if (auto found = sent->find(number); found != sent->end()) {
      sent_as = found->second;
      shown_number = sent_as;
      Result<std::optional<store::StoredNotice>> stored = reader.notice(sent_as);
      if (!stored) return stored.error();
      if (*stored && (*stored)->notice.rf_reference) {
        reference = (*stored)->notice.rf_reference->formatted();
      }
    }
    Result<engine::RenderedStatement> rendered =
        engine::render_statement(*statement, **customer, shown_number, reference, *setup);
    if (!rendered) return rendered.error();
    shown = std::move(*rendered);
    return {};
  });
  if (missing != 0) return json_error(404, "no customer " + number);
  // What stops a statement is the data (several currencies) or the templates: 409, with why.
  if (!read) return json_error(409, read.error().message);
  if (format == "pdf") {
    return {.status = 200, .body = std::move(shown->pdf), .content_type = "application/pdf"};
  }
  if (format == "text") {
    return {.status = 200,
            .body = shown->rendered.subject + "\n\n" + shown->rendered.text,
            .content_type = "text/plain; charset=utf-8"};
  }
  return {200, statement_json(*shown, sent_as).dump()};
}

}  // namespace

void add_account_statement_routes(admin::AdminRoutes& routes, AdminBackend& backend) {
  routes.add("GET", "/customers/{number}/statement", [&backend](const AdminRequest& request) {
    return customer_statement(backend, request);
  });
}

}  // namespace kontor::service
