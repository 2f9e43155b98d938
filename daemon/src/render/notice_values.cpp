#include "render/notice_values.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace kontor::render {
namespace {

std::string flag(bool set) {
  return set ? "true" : "";
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

std::string optional_date(const std::optional<Date>& date, LocalStyle style) {
  return date ? format_date(*date, style) : std::string();
}

TemplateValue address_fields(TemplateValue map, const PostalAddress& address) {
  return map.set("street", address.street)
      .set("postcode", address.postcode)
      .set("city", address.city)
      .set("country", address.country);
}

TemplateValue customer_values(const Customer& customer, const Company& company) {
  // Domestic letters leave the country out; a letter abroad needs it on the last line.
  const bool abroad =
      !customer.address.country.empty() && customer.address.country != company.address.country;
  return address_fields(TemplateValue::map(), customer.address)
      .set("number", customer.number)
      .set("name", customer.name)
      .set("abroad", flag(abroad))
      .set("email", customer.email)
      .set("business", flag(customer.kind == CustomerKind::business));
}

TemplateValue bank_account_values(const CompanyBankAccount& account) {
  return TemplateValue::map()
      .set("iban", account.iban.formatted())
      .set("bic", account.bic ? account.bic->text() : std::string());
}

TemplateValue company_values(const Company& company) {
  TemplateValue accounts = TemplateValue::list();
  for (const CompanyBankAccount& account : company.bank_accounts) {
    accounts.push_back(bank_account_values(account));
  }
  return address_fields(TemplateValue::map(), company.address)
      .set("legal_name", company.legal_name)
      .set("register", company.commercial_register)
      .set("managing_directors", joined(company.managing_directors))
      .set("vat_id", company.vat_id ? company.vat_id->text() : std::string())
      .set("phone", company.contact.phone)
      .set("email", company.contact.email)
      .set("web", company.contact.web)
      .set("bank_accounts", std::move(accounts));
}

TemplateValue item_values(const NoticeItemView& item, LocalStyle style) {
  return TemplateValue::map()
      .set("number", item.number)
      .set("type", item.type)
      .set("is_invoice", flag(item.type == "invoice"))
      .set("is_fee", flag(item.type == "fee"))
      .set("is_interest", flag(item.type == "interest"))
      .set("issue_date", optional_date(item.issue_date, style))
      .set("due_date", format_date(item.due_date, style))
      .set("gross", format_amount(item.gross, style))
      .set("open", format_amount(item.open, style))
      .set("level", std::to_string(item.level))
      .set("refers_to", item.refers_to)
      .set("days_overdue", std::to_string(item.days_overdue));
}

TemplateValue fee_values(const FeeView& fee, LocalStyle style) {
  return TemplateValue::map()
      .set("item_number", fee.item_number)
      .set("kind", fee.kind)
      .set("is_level_fee", flag(fee.kind == "level_fee"))
      .set("is_flat_fee", flag(fee.kind == "flat_fee"))
      .set("amount", format_amount(fee.amount, style));
}

TemplateValue interest_values(const InterestView& interest, LocalStyle style) {
  return TemplateValue::map()
      .set("item_number", interest.item_number)
      .set("first", format_date(interest.first, style))
      .set("last", format_date(interest.last, style))
      .set("days", std::to_string(interest.days))
      .set("principal", format_amount(interest.principal, style))
      .set("rate", format_percent(interest.annual_percent, style))
      .set("amount", format_amount(interest.amount, style));
}

template <typename View, typename Convert>
TemplateValue list_of(const std::vector<View>& views, LocalStyle style, Convert convert) {
  TemplateValue list = TemplateValue::list();
  for (const View& view : views) list.push_back(convert(view, style));
  return list;
}

std::string month_name(int month, LocalStyle style) {
  static constexpr std::array<std::string_view, 12> kGerman = {
      "Januar", "Februar", "März",      "April",   "Mai",      "Juni",
      "Juli",   "August",  "September", "Oktober", "November", "Dezember"};
  static constexpr std::array<std::string_view, 12> kEnglish = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const auto index = static_cast<std::size_t>(month - 1);
  return std::string(style == LocalStyle::german ? kGerman[index] : kEnglish[index]);
}

// "Oktober 2026" for a whole calendar month; any other period by its first and last day, so
// that a statement of half a month never reads as one of the whole month.
std::string period_text(const StatementView& statement, LocalStyle style) {
  const Date& start = statement.period_start;
  const Date& end = statement.period_end;
  const Result<Date> after_end = end.add_days(1);
  const bool whole_month = start.day() == 1 && end.year() == start.year() &&
                           end.month() == start.month() && after_end && after_end->day() == 1;
  if (whole_month) return month_name(start.month(), style) + " " + std::to_string(start.year());
  return format_date(start, style) + " – " + format_date(end, style);
}

// What a movement or an open item is, as the customer reads it. An unknown kind (a newer
// engine than these words) still gets a neutral word rather than an internal name.
std::string kind_text(std::string_view kind, LocalStyle style) {
  struct Words {
    std::string_view kind;
    std::string_view german;
    std::string_view english;
  };
  static constexpr std::array<Words, 11> kWords = {{
      {.kind = "invoice", .german = "Rechnung", .english = "Invoice"},
      {.kind = "credit_note", .german = "Gutschrift", .english = "Credit note"},
      {.kind = "cancellation", .german = "Storno", .english = "Cancellation"},
      {.kind = "fee", .german = "Mahngebühr", .english = "Dunning fee"},
      {.kind = "interest", .german = "Verzugszinsen", .english = "Default interest"},
      {.kind = "payment", .german = "Zahlung", .english = "Payment"},
      {.kind = "discount", .german = "Skonto", .english = "Discount"},
      {.kind = "bank_charges", .german = "Bankgebühren", .english = "Bank charges"},
      {.kind = "reversal", .german = "Rückbuchung", .english = "Reversal"},
        {.kind = "settled_externally", .german = "Ausgeglichen (ERP)", .english = "Settled (ERP)"},
      {.kind = "write_off", .german = "Ausgebucht", .english = "Written off"},
  }};
  for (const Words& words : kWords) {
    if (words.kind == kind) {
      return std::string(style == LocalStyle::german ? words.german : words.english);
    }
  }
  return style == LocalStyle::german ? "Buchung" : "Entry";
}

// The amount without its sign (a balance of INT64_MIN cents, which no ledger reaches, keeps it).
Money magnitude(const Money& amount) {
  if (!amount.is_negative()) return amount;
  Result<Money> negated = amount.negated();
  return negated ? *negated : amount;
}

// Characters as a fixed-width font shows them: UTF-8 continuation bytes take no column.
std::size_t columns(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

enum class Align { left, right };

std::string aligned(const std::string& text, std::size_t width, Align align) {
  const std::size_t used = columns(text);
  if (used >= width) return text;
  const std::string blanks(width - used, ' ');
  return align == Align::left ? text + blanks : blanks + text;
}

// The movements with their plain-text columns (`aligned`): each value padded with blanks to
// the widest of its column in this statement, text to the left, amounts to the right — the
// template language has no padding, and a text statement whose columns wander is hard to read.
TemplateValue movement_values(const std::vector<MovementView>& movements, LocalStyle style) {
  struct Shown {
    std::string date;
    std::string document;
    std::string kind_text;
    std::string amount;
    std::string balance;
  };
  std::vector<Shown> shown;
  std::array<std::size_t, 5> width{};  // date, document, kind_text, amount, balance
  for (const MovementView& movement : movements) {
    Shown line{.date = format_date(movement.date, style),
               .document = movement.document,
               .kind_text = kind_text(movement.kind, style),
               .amount = format_amount(movement.amount, style),
               .balance = format_amount(movement.balance, style)};
    width[0] = std::max(width[0], columns(line.date));
    width[1] = std::max(width[1], columns(line.document));
    width[2] = std::max(width[2], columns(line.kind_text));
    width[3] = std::max(width[3], columns(line.amount));
    width[4] = std::max(width[4], columns(line.balance));
    shown.push_back(std::move(line));
  }
  TemplateValue list = TemplateValue::list();
  for (std::size_t k = 0; k < movements.size(); ++k) {
    const MovementView& movement = movements[k];
    const Shown& line = shown[k];
    list.push_back(
        TemplateValue::map()
            .set("date", line.date)
            .set("kind", movement.kind)
            .set("kind_text", line.kind_text)
            .set("document", movement.document)
            .set("detail", movement.detail)
            .set("amount", line.amount)
            .set("debit", movement.amount.is_positive() ? line.amount : std::string())
            .set("credit", movement.amount.is_negative()
                               ? format_amount(magnitude(movement.amount), style)
                               : std::string())
            .set("balance", line.balance)
            .set("aligned", TemplateValue::map()
                                .set("date", aligned(line.date, width[0], Align::left))
                                .set("document", aligned(line.document, width[1], Align::left))
                                .set("kind_text", aligned(line.kind_text, width[2], Align::left))
                                .set("amount", aligned(line.amount, width[3], Align::right))
                                .set("balance", aligned(line.balance, width[4], Align::right))));
  }
  return list;
}

TemplateValue open_item_values(const StatementItemView& item, LocalStyle style) {
  return TemplateValue::map()
      .set("number", item.number)
      .set("type", item.type)
      .set("type_text", kind_text(item.type, style))
      .set("issue_date", optional_date(item.issue_date, style))
      .set("due_date", format_date(item.due_date, style))
      .set("gross", format_amount(item.gross, style))
      .set("open", format_amount(item.open, style))
      .set("days_overdue", std::to_string(item.days_overdue));
}

// The same names for every notice; a notice that is no statement has them all empty.
TemplateValue statement_values(const std::optional<StatementView>& statement, LocalStyle style) {
  static const StatementView kNone{};
  const bool present = statement.has_value();
  const StatementView& view = present ? *statement : kNone;
  auto amount = [&](const Money& money) {
    return present ? format_amount(money, style) : std::string();
  };
  auto day = [&](const Date& date) { return present ? format_date(date, style) : std::string(); };
  const bool has_credit = present && view.closing.is_negative();
  const AgingView& aging = view.aging;
  // Open items may offset each other to a zero balance, and a payment not yet applied is open
  // without being an item: whether anything is open is neither the balance nor the item list.
  const bool has_open = present && (!view.open_items.empty() ||
                                    !(aging.not_due.is_zero() && aging.days_1_30.is_zero() &&
                                      aging.days_31_60.is_zero() && aging.days_61_90.is_zero() &&
                                      aging.over_90.is_zero() && aging.credits.is_zero()));
  return TemplateValue::map()
      .set("is_statement", flag(present))
      .set("period", present ? period_text(view, style) : std::string())
      .set("period_start", day(view.period_start))
      .set("period_end", day(view.period_end))
      .set("opening", amount(view.opening))
      .set("invoices", amount(view.invoices))
      .set("credit_notes", amount(view.credit_notes))
      .set("fees", amount(view.fees))
      .set("interest", amount(view.interest))
      .set("payments", amount(view.payments))
      .set("adjustments", amount(view.adjustments))
      .set("closing", amount(view.closing))
      .set("has_credit", flag(has_credit))
      .set("credit", has_credit ? amount(magnitude(view.closing)) : std::string())
      .set("as_of", day(view.as_of))
      .set("since", amount(magnitude(view.since)))
      .set("paid_since", flag(present && view.since.is_negative()))
      .set("due", amount(view.due))
      .set("owes", flag(present && view.due.is_positive()))
      .set("settled_since", flag(present && view.closing.is_positive() && view.due.is_zero()))
      .set("has_open", flag(has_open))
      .set("movements", movement_values(view.movements, style))
      .set("open_items", list_of(view.open_items, style, open_item_values))
      .set("aging", TemplateValue::map()
                        .set("not_due", amount(aging.not_due))
                        .set("days_1_30", amount(aging.days_1_30))
                        .set("days_31_60", amount(aging.days_31_60))
                        .set("days_61_90", amount(aging.days_61_90))
                        .set("over_90", amount(aging.over_90))
                        .set("credits", amount(aging.credits))
                        .set("total", amount(aging.total)));
}

}  // namespace

TemplateValue notice_values(const NoticeView& notice, LocalStyle style) {
  const bool has_charges = !notice.fees.empty() || !notice.interest.empty() ||
                           !notice.total_fees.is_zero() || !notice.total_interest.is_zero();
  TemplateValue bank = notice.company.bank_accounts.empty()
                           ? TemplateValue::map().set("iban", "").set("bic", "")
                           : bank_account_values(notice.company.bank_accounts.front());
  return TemplateValue::map()
      .set("kind", notice.kind)
      .set("template", notice.template_name)
      .set("language", notice.language)
      .set("level", std::to_string(notice.level))
      .set("level_name", notice.level_name)
      .set("final_notice", flag(notice.final_notice))
      .set("notice_number", notice.notice_number)
      .set("date", format_date(notice.date, style))
      .set("pay_by", format_date(notice.pay_by, style))
      .set("payment_reference", notice.payment_reference)
      .set("has_charges", flag(has_charges))
      .set("customer", customer_values(notice.customer, notice.company))
      .set("company", company_values(notice.company))
      .set("bank", std::move(bank))
      .set("items", list_of(notice.items, style, item_values))
      .set("fees", list_of(notice.fees, style, fee_values))
      .set("interest", list_of(notice.interest, style, interest_values))
      .set("totals", TemplateValue::map()
                         .set("open", format_amount(notice.total_open, style))
                         .set("fees", format_amount(notice.total_fees, style))
                         .set("interest", format_amount(notice.total_interest, style))
                         .set("due", format_amount(notice.total_due, style)))
      .set("statement", statement_values(notice.statement, style));
}

namespace {

StatementView sample_statement(Date date, Money amount) {
  return StatementView{.period_start = Date::from_ymd(2026, 10, 1).value(),
                       .period_end = Date::from_ymd(2026, 10, 31).value(),
                       .opening = amount,
                       .invoices = amount,
                       .credit_notes = amount,
                       .fees = amount,
                       .interest = amount,
                       .payments = amount,
                       .adjustments = amount,
                       .closing = amount,
                       .as_of = date,
                       .since = amount,
                       .due = amount,
                       .movements = {{.date = date,
                                      .kind = "invoice",
                                      .document = "RE-1",
                                      .detail = "RE-1",
                                      .amount = amount,
                                      .balance = amount}},
                       .open_items = {{.number = "RE-1",
                                       .type = "invoice",
                                       .issue_date = date,
                                       .due_date = date,
                                       .gross = amount,
                                       .open = amount,
                                       .days_overdue = 14,
                                       .open_now = amount}},
                       .aging = {.not_due = amount,
                                 .days_1_30 = amount,
                                 .days_31_60 = amount,
                                 .days_61_90 = amount,
                                 .over_90 = amount,
                                 .credits = amount,
                                 .total = amount}};
}

}  // namespace

NoticeView sample_notice() {
  const Date date = Date::from_ymd(2026, 11, 14).value();
  const Money amount(119000, Currency::eur());
  Company company{
      .legal_name = "Beispiel GmbH",
      .address = {.street = "Hauptstraße 1", .postcode = "50667", .city = "Köln", .country = "DE"},
      .commercial_register = "HRB 12345, Amtsgericht Köln",
      .managing_directors = {"Erika Musterfrau"},
      .vat_id = VatId::parse("DE123456789").value(),
      .contact = {.phone = "+49 221 000000",
                  .email = "buchhaltung@example.de",
                  .web = "example.de"},
      .timezone = "Europe/Berlin",
      .bank_accounts = {{.iban = Iban::parse("DE89370400440532013000").value(),
                         .bic = Bic::parse("COBADEFFXXX").value(),
                         .ledger_account = "1200"}}};
  Customer customer{
      .number = "10001",
      .name = "Muster AG",
      .address = {.street = "Weg 2", .postcode = "10115", .city = "Berlin", .country = "DE"},
      .email = "ap@example.com",
      .language = "de",
      .ibans = {},
      .kind = CustomerKind::business,
      .preferred_delivery = std::nullopt,
      .dunning_block = std::nullopt};
  auto item = [&](std::string number, std::string type) {
    return NoticeItemView{.number = std::move(number),
                          .type = std::move(type),
                          .issue_date = date,
                          .due_date = date,
                          .gross = amount,
                          .open = amount,
                          .level = 1,
                          .refers_to = "RE-1",
                          .days_overdue = 14};
  };
  return NoticeView{
      .kind = "reminder",
      .template_name = "reminder-1",
      .language = "de",
      .level = 1,
      .level_name = "Zahlungserinnerung",
      .final_notice = true,
      .notice_number = "M-1",
      .payment_reference = "RF18 5390 0754 7034",
      .date = date,
      .pay_by = date,
      .customer = std::move(customer),
      .company = std::move(company),
      .items = {item("RE-1", "invoice"), item("MG-1", "fee"), item("ZI-1", "interest")},
      .fees = {{.item_number = "RE-1", .kind = "level_fee", .amount = amount},
               {.item_number = "RE-1", .kind = "flat_fee", .amount = amount}},
      .interest = {{.item_number = "RE-1",
                    .first = date,
                    .last = date,
                    .days = 14,
                    .principal = amount,
                    .annual_percent = Decimal::from_units(927, 2).value(),
                    .amount = amount}},
      .total_open = amount,
      .total_fees = amount,
      .total_interest = amount,
      .total_due = amount,
      .statement = sample_statement(date, amount)};
}

}  // namespace kontor::render
