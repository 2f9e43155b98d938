#include "render/notice_values.hpp"

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
                         .set("due", format_amount(notice.total_due, style)));
}

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
      .total_due = amount};
}

}  // namespace kontor::render
