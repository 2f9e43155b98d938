#include "engine/statement_notice.hpp"

#include <fmt/format.h>

#include "render/letter_pdf.hpp"

namespace kontor::engine {

std::string statement_number_prefix(const statements::StatementPeriod& period) {
  return fmt::format("S-{}-", period.text());
}

statements::CompanyDay company_day(const NoticeSetup& setup) {
  const std::string zone = setup.company.timezone.empty() ? "UTC" : setup.company.timezone;
  return [zone](std::string_view utc) -> Result<Date> {
    // The store writes "2026-11-28T09:30:00.123Z"; the second is all a day needs.
    const std::string whole_seconds = std::string(utc.substr(0, 19)) + "Z";
    Result<TimePoint> instant = parse_instant(whole_seconds, "UTC");
    if (!instant)
      return Error{fmt::format("stored instant '{}': {}", utc, instant.error().message)};
    return local_date(*instant, zone);
  };
}

Result<render::StatementView> statement_of(store::Reader& reader, const Customer& customer,
                                           const statements::StatementPeriod& period,
                                           const NoticeSetup& setup) {
  Result<store::AccountHistory> history = reader.account_history(customer.number);
  if (!history) return history.error();
  // An account without any item or payment shows zero in euros.
  return statements::account_statement(*history, period, setup.today, company_day(setup),
                                       Currency::eur());
}

Result<RenderedStatement> render_statement(const render::StatementView& statement,
                                           const Customer& customer, const std::string& number,
                                           const std::string& reference, const NoticeSetup& setup) {
  RenderedStatement out;
  render::NoticeView& view = out.view;
  view.kind = "statement";
  view.template_name = kStatementTemplate;
  view.language = language_for(customer, setup);
  view.notice_number = number;
  view.payment_reference = reference;
  view.date = setup.today;
  view.pay_by = setup.today;
  view.customer = customer;
  view.company = setup.company;
  const Money zero = Money::zero(statement.closing.currency());
  view.total_open = statement.closing;
  view.total_fees = zero;
  view.total_interest = zero;
  view.total_due = statement.due;  // what is still owed of the closing balance today
  view.statement = statement;
  Result<render::RenderedNotice> rendered = setup.renderer->render(view);
  if (!rendered) return Error{fmt::format("statement {}: {}", number, rendered.error().message)};
  out.rendered = std::move(*rendered);
  Result<std::string> pdf =
      render::render_letter_pdf(view, {.language = out.rendered.language,
                                       .subject = out.rendered.subject,
                                       .before_table = out.rendered.letter_before_table,
                                       .after_table = out.rendered.letter_after_table});
  if (!pdf) return pdf.error();
  out.pdf = std::move(pdf).value();
  return out;
}

}  // namespace kontor::engine
