#include "kontor/sdk/abi_convert.hpp"

#include <cstring>

#include "kontor/sdk/views.hpp"

namespace kontor::sdk {
namespace {

// A struct from the other side must at least reach our first version's fields.
template <typename T>
kontor::Status check_size(const T& value, const char* what) {
  const std::uint32_t size = value.struct_size;
  if (size < sizeof(std::uint32_t) || size > (1u << 20)) {
    return Error{std::string(what) + " has an impossible struct_size"};
  }
  return {};
}

// Reads a field only if the sender's struct reaches it (see plugin_abi.h, GROWTH).
#define FIELD(s, name) KONTOR_FIELD(s, name)

}  // namespace

// --- Scalars ----------------------------------------------------------------------------------

kontor_money to_c(const Money& money) {
  kontor_money c{};
  c.minor_units = money.minor_units();
  std::memcpy(c.currency, money.currency().code().data(), 3);
  return c;
}

Result<Money> from_c(const kontor_money& money) {
  const std::string_view code(money.currency, strnlen(money.currency, sizeof(money.currency)));
  auto currency = Currency::from_code(code);
  if (!currency)
    return Error{"amount with currency '" + std::string(code) + "': " + currency.error().message};
  return Money(money.minor_units, *currency);
}

kontor_date to_c(const Date& date) {
  return {date.year(), date.month(), date.day()};
}
kontor_date to_c(const std::optional<Date>& date) {
  return date ? to_c(*date) : kontor_date{0, 0, 0};
}

Result<std::optional<Date>> from_c(const kontor_date& date) {
  if (date.year == 0) return std::optional<Date>();
  auto value = Date::from_ymd(date.year, date.month, date.day);
  if (!value) return value.error();
  return std::optional<Date>(*value);
}

kontor_decimal to_c(const std::optional<Decimal>& decimal) {
  if (!decimal) return {0, 0, 0};
  return {decimal->units(), decimal->scale(), 1};
}

Result<std::optional<Decimal>> from_c(const kontor_decimal& decimal) {
  if (!decimal.present) return std::optional<Decimal>();
  auto value = Decimal::from_units(decimal.units, decimal.scale);
  if (!value) return value.error();
  return std::optional<Decimal>(*value);
}

// --- Documents --------------------------------------------------------------------------------

kontor_document_info to_c(const DocumentInfo& document) {
  kontor_document_info c{};
  c.struct_size = sizeof(c);
  c.id = view(document.id);
  c.name = view(document.name);
  c.size = document.size;
  c.modified_utc_us = document.modified_utc_us;
  return c;
}

Result<DocumentInfo> from_c(const kontor_document_info& document) {
  if (auto ok = check_size(document, "document"); !ok) return ok.error();
  DocumentInfo info;
  info.id = copy(FIELD(document, id));
  info.name = copy(FIELD(document, name));
  info.size = FIELD(document, size);
  info.modified_utc_us = FIELD(document, modified_utc_us);
  if (info.id.empty()) return Error{"document without an id"};
  return info;
}

// --- Statements -------------------------------------------------------------------------------

kontor_statement to_c(const StatementInfo& statement) {
  kontor_statement c{};
  c.struct_size = sizeof(c);
  c.kind = statement.kind == StatementKind::statement  ? KONTOR_STATEMENT
           : statement.kind == StatementKind::intraday ? KONTOR_INTRADAY
                                                       : KONTOR_NOTIFICATION;
  c.account = view(statement.account);
  c.account_number = view(statement.account_number);
  c.account_bic = view(statement.account_bic);
  c.currency = view(statement.currency);
  c.id = view(statement.id);
  c.sequence = view(statement.sequence);
  c.created = view(statement.created);
  c.dialect = view(statement.dialect);
  if (statement.opening) {
    c.has_opening = 1;
    c.opening = to_c(statement.opening->amount);
    c.opening_date = to_c(statement.opening->date);
  }
  if (statement.closing) {
    c.has_closing = 1;
    c.closing = to_c(statement.closing->amount);
    c.closing_date = to_c(statement.closing->date);
  }
  c.line = statement.line;
  return c;
}

namespace {

Result<std::optional<StatementBalance>> balance_from_c(int32_t present, const kontor_money& amount,
                                                       const kontor_date& date) {
  if (!present) return std::optional<StatementBalance>();
  auto money = from_c(amount);
  if (!money) return money.error();
  auto day = from_c(date);
  if (!day) return day.error();
  if (!*day) return Error{"balance without a date"};
  return std::optional<StatementBalance>(StatementBalance{*money, **day});
}

}  // namespace

Result<StatementInfo> from_c(const kontor_statement& statement) {
  if (auto ok = check_size(statement, "statement"); !ok) return ok.error();
  StatementInfo info;
  switch (FIELD(statement, kind)) {
    case KONTOR_STATEMENT:
      info.kind = StatementKind::statement;
      break;
    case KONTOR_INTRADAY:
      info.kind = StatementKind::intraday;
      break;
    case KONTOR_NOTIFICATION:
      info.kind = StatementKind::notification;
      break;
    default:
      return Error{"statement of unknown kind"};
  }
  info.account = copy(FIELD(statement, account));
  info.account_number = copy(FIELD(statement, account_number));
  info.account_bic = copy(FIELD(statement, account_bic));
  info.currency = copy(FIELD(statement, currency));
  info.id = copy(FIELD(statement, id));
  info.sequence = copy(FIELD(statement, sequence));
  info.created = copy(FIELD(statement, created));
  info.dialect = copy(FIELD(statement, dialect));
  auto opening =
      balance_from_c(FIELD(statement, has_opening), statement.opening, statement.opening_date);
  if (!opening) return Error{"opening balance: " + opening.error().message};
  info.opening = *opening;
  auto closing =
      balance_from_c(FIELD(statement, has_closing), statement.closing, statement.closing_date);
  if (!closing) return Error{"closing balance: " + closing.error().message};
  info.closing = *closing;
  info.line = FIELD(statement, line);
  return info;
}

kontor_payment_details to_c(const PaymentDetails& details) {
  kontor_payment_details c{};
  c.struct_size = sizeof(c);
  c.end_to_end_id = view(details.end_to_end_id);
  c.mandate_id = view(details.mandate_id);
  c.creditor_id = view(details.creditor_id);
  c.bank_reference = view(details.bank_reference);
  c.counterparty_name = view(details.counterparty_name);
  c.counterparty_account = view(details.counterparty_account);
  c.counterparty_bic = view(details.counterparty_bic);
  c.ultimate_debtor = view(details.ultimate_debtor);
  c.ultimate_creditor = view(details.ultimate_creditor);
  c.remittance = view(details.remittance);
  c.creditor_reference = view(details.creditor_reference);
  c.return_reason = view(details.return_reason);
  c.bank_transaction_code = view(details.bank_transaction_code);
  return c;
}

PaymentDetails from_c(const kontor_payment_details& details) {
  PaymentDetails out;
  if (details.struct_size < sizeof(std::uint32_t)) return out;
  out.end_to_end_id = copy(FIELD(details, end_to_end_id));
  out.mandate_id = copy(FIELD(details, mandate_id));
  out.creditor_id = copy(FIELD(details, creditor_id));
  out.bank_reference = copy(FIELD(details, bank_reference));
  out.counterparty_name = copy(FIELD(details, counterparty_name));
  out.counterparty_account = copy(FIELD(details, counterparty_account));
  out.counterparty_bic = copy(FIELD(details, counterparty_bic));
  out.ultimate_debtor = copy(FIELD(details, ultimate_debtor));
  out.ultimate_creditor = copy(FIELD(details, ultimate_creditor));
  out.remittance = copy(FIELD(details, remittance));
  out.creditor_reference = copy(FIELD(details, creditor_reference));
  out.return_reason = copy(FIELD(details, return_reason));
  out.bank_transaction_code = copy(FIELD(details, bank_transaction_code));
  return out;
}

kontor_entry to_c(const StatementEntry& entry) {
  kontor_entry c{};
  c.struct_size = sizeof(c);
  c.booking_date = to_c(entry.booking_date);
  c.value_date = to_c(entry.value_date);
  c.amount = to_c(entry.amount);
  switch (entry.status) {
    case EntryStatus::booked:
      c.status = KONTOR_STATUS_BOOK;
      break;
    case EntryStatus::pending:
      c.status = KONTOR_STATUS_PDNG;
      break;
    case EntryStatus::info:
      c.status = KONTOR_STATUS_INFO;
      break;
    case EntryStatus::future:
      c.status = KONTOR_STATUS_FUTR;
      break;
  }
  c.reversal = entry.reversal ? 1 : 0;
  if (entry.charges) c.charges = to_c(*entry.charges);
  c.owner_reference = view(entry.owner_reference);
  c.detail_count = entry.detail_count;
  c.details = to_c(entry.details);
  c.additional_info = view(entry.additional_info);
  c.line = entry.line;
  return c;
}

Result<StatementEntry> from_c(const kontor_entry& entry) {
  if (auto ok = check_size(entry, "entry"); !ok) return ok.error();
  StatementEntry out;
  auto booking = from_c(FIELD(entry, booking_date));
  if (!booking || !*booking) return Error{"entry without a valid booking date"};
  out.booking_date = **booking;
  auto value = from_c(FIELD(entry, value_date));
  if (!value) return Error{"entry value date: " + value.error().message};
  out.value_date = *value;
  auto amount = from_c(FIELD(entry, amount));
  if (!amount) return amount.error();
  out.amount = *amount;
  switch (FIELD(entry, status)) {
    case KONTOR_STATUS_BOOK:
      out.status = EntryStatus::booked;
      break;
    case KONTOR_STATUS_PDNG:
      out.status = EntryStatus::pending;
      break;
    case KONTOR_STATUS_INFO:
      out.status = EntryStatus::info;
      break;
    case KONTOR_STATUS_FUTR:
      out.status = EntryStatus::future;
      break;
    default:
      return Error{"entry of unknown status"};
  }
  out.reversal = FIELD(entry, reversal) != 0;
  const kontor_money charges = FIELD(entry, charges);
  if (charges.currency[0] != '\0') {
    auto money = from_c(charges);
    if (!money) return Error{"entry charges: " + money.error().message};
    out.charges = *money;
  }
  out.owner_reference = copy(FIELD(entry, owner_reference));
  out.detail_count = FIELD(entry, detail_count);
  out.details = from_c(FIELD(entry, details));
  out.additional_info = copy(FIELD(entry, additional_info));
  out.line = FIELD(entry, line);
  return out;
}

kontor_entry_detail to_c(const EntryDetail& detail) {
  kontor_entry_detail c{};
  c.struct_size = sizeof(c);
  c.position = detail.position;
  c.amount = to_c(detail.amount);
  c.details = to_c(detail.details);
  c.line = detail.line;
  return c;
}

Result<EntryDetail> from_c(const kontor_entry_detail& detail) {
  if (auto ok = check_size(detail, "transaction detail"); !ok) return ok.error();
  EntryDetail out;
  out.position = FIELD(detail, position);
  auto amount = from_c(FIELD(detail, amount));
  if (!amount) return amount.error();
  out.amount = *amount;
  out.details = from_c(FIELD(detail, details));
  out.line = FIELD(detail, line);
  return out;
}

// --- ERP values -------------------------------------------------------------------------------

kontor_customer to_c(const ImportedCustomer& customer, std::vector<kontor_str>& storage) {
  storage.clear();
  for (const auto& iban : customer.ibans) storage.push_back(view(iban));
  kontor_customer c{};
  c.struct_size = sizeof(c);
  c.number = view(customer.number);
  c.name = view(customer.name);
  c.street = view(customer.address.street);
  c.postcode = view(customer.address.postcode);
  c.city = view(customer.address.city);
  c.country = view(customer.address.country);
  c.email = view(customer.email);
  c.language = view(customer.language);
  c.ibans = {storage.data(), static_cast<std::uint32_t>(storage.size()),
             static_cast<std::uint32_t>(sizeof(kontor_str))};
  c.kind = !customer.kind                             ? 0
           : *customer.kind == CustomerKind::business ? KONTOR_CUSTOMER_B2B
                                                      : KONTOR_CUSTOMER_B2C;
  c.delivery = !customer.delivery                      ? KONTOR_DELIVERY_DEFAULT
               : *customer.delivery == Delivery::email ? KONTOR_DELIVERY_EMAIL
                                                       : KONTOR_DELIVERY_LETTER;
  c.vat_id = view(customer.vat_id);
  c.dunning_block_reason = view(customer.dunning_block_reason);
  c.dunning_block_until = to_c(customer.dunning_block_until);
  c.line = customer.line;
  return c;
}

Result<ImportedCustomer> from_c(const kontor_customer& customer) {
  if (auto ok = check_size(customer, "customer"); !ok) return ok.error();
  ImportedCustomer out;
  out.number = copy(FIELD(customer, number));
  out.name = copy(FIELD(customer, name));
  out.address.street = copy(FIELD(customer, street));
  out.address.postcode = copy(FIELD(customer, postcode));
  out.address.city = copy(FIELD(customer, city));
  out.address.country = copy(FIELD(customer, country));
  out.email = copy(FIELD(customer, email));
  out.language = copy(FIELD(customer, language));
  out.ibans = copy(FIELD(customer, ibans));
  switch (FIELD(customer, kind)) {
    case 0:
      break;
    case KONTOR_CUSTOMER_B2C:
      out.kind = CustomerKind::consumer;
      break;
    case KONTOR_CUSTOMER_B2B:
      out.kind = CustomerKind::business;
      break;
    default:
      return Error{"customer of unknown kind"};
  }
  switch (FIELD(customer, delivery)) {
    case KONTOR_DELIVERY_DEFAULT:
      break;
    case KONTOR_DELIVERY_EMAIL:
      out.delivery = Delivery::email;
      break;
    case KONTOR_DELIVERY_LETTER:
      out.delivery = Delivery::letter;
      break;
    default:
      return Error{"customer with unknown delivery"};
  }
  out.vat_id = copy(FIELD(customer, vat_id));
  out.dunning_block_reason = copy(FIELD(customer, dunning_block_reason));
  auto until = from_c(FIELD(customer, dunning_block_until));
  if (!until) return Error{"dunning block date: " + until.error().message};
  out.dunning_block_until = *until;
  out.line = FIELD(customer, line);
  return out;
}

kontor_customer to_c(const Customer& customer, std::vector<kontor_str>& storage) {
  storage.clear();
  for (const Iban& iban : customer.ibans) storage.push_back(view(iban.electronic()));
  kontor_customer c{};
  c.struct_size = sizeof(c);
  c.number = view(customer.number);
  c.name = view(customer.name);
  c.street = view(customer.address.street);
  c.postcode = view(customer.address.postcode);
  c.city = view(customer.address.city);
  c.country = view(customer.address.country);
  c.email = view(customer.email);
  c.language = view(customer.language);
  c.ibans = {storage.data(), static_cast<std::uint32_t>(storage.size()),
             static_cast<std::uint32_t>(sizeof(kontor_str))};
  c.kind = customer.kind == CustomerKind::business ? KONTOR_CUSTOMER_B2B : KONTOR_CUSTOMER_B2C;
  c.delivery = !customer.preferred_delivery                      ? KONTOR_DELIVERY_DEFAULT
               : *customer.preferred_delivery == Delivery::email ? KONTOR_DELIVERY_EMAIL
                                                                 : KONTOR_DELIVERY_LETTER;
  if (customer.dunning_block) {
    c.dunning_block_reason = view(customer.dunning_block->reason);
    c.dunning_block_until = to_c(customer.dunning_block->until);
  }
  return c;
}

Result<Customer> customer_from_c(const kontor_customer& customer) {
  // The same checks as for a customer a parser reports, then what only a Customer requires.
  Result<ImportedCustomer> imported = from_c(customer);
  if (!imported) return imported.error();
  Customer out;
  out.number = std::move(imported->number);
  out.name = std::move(imported->name);
  out.address = std::move(imported->address);
  out.email = std::move(imported->email);
  out.language = std::move(imported->language);
  for (const std::string& text : imported->ibans) {
    Result<Iban> iban = Iban::parse(text);
    if (!iban) {
      return Error{"customer " + out.number + ": IBAN '" + text + "': " + iban.error().message};
    }
    out.ibans.push_back(*iban);
  }
  out.kind = imported->kind.value_or(CustomerKind::consumer);  // the ERP's "missing = b2c"
  out.preferred_delivery = imported->delivery;
  if (!imported->dunning_block_reason.empty() || imported->dunning_block_until) {
    out.dunning_block =
        DunningBlock{std::move(imported->dunning_block_reason), imported->dunning_block_until};
  }
  return out;
}

kontor_open_item to_c(const ImportedOpenItem& item) {
  kontor_open_item c{};
  c.struct_size = sizeof(c);
  c.number = view(item.number);
  c.customer_number = view(item.customer_number);
  switch (item.type) {
    case OpenItemType::invoice:
      c.type = KONTOR_ITEM_INVOICE;
      break;
    case OpenItemType::credit_note:
      c.type = KONTOR_ITEM_CREDIT_NOTE;
      break;
    case OpenItemType::cancellation:
      c.type = KONTOR_ITEM_CANCELLATION;
      break;
    case OpenItemType::fee:
      c.type = KONTOR_ITEM_FEE;
      break;
    case OpenItemType::interest:
      c.type = KONTOR_ITEM_INTEREST;
      break;
  }
  c.issue_date = to_c(item.issue_date);
  c.due_date = to_c(item.due_date);
  c.due_date_agreed = item.due_date_agreed ? 1 : 0;
  c.dunning_notice_on_invoice = item.dunning_notice_on_invoice ? 1 : 0;
  c.gross = to_c(item.gross);
  c.rf_reference = view(item.rf_reference);
  c.skonto_percent = to_c(item.skonto_percent);
  c.skonto_until = to_c(item.skonto_until);
  c.refers_to = view(item.refers_to);
  c.debtor_account = view(item.debtor_account);
  c.document_path = view(item.document_path);
  c.dunning_block_reason = view(item.dunning_block_reason);
  c.dunning_block_until = to_c(item.dunning_block_until);
  c.line = item.line;
  return c;
}

Result<ImportedOpenItem> from_c(const kontor_open_item& item) {
  if (auto ok = check_size(item, "open item"); !ok) return ok.error();
  ImportedOpenItem out;
  out.number = copy(FIELD(item, number));
  out.customer_number = copy(FIELD(item, customer_number));
  switch (FIELD(item, type)) {
    case KONTOR_ITEM_INVOICE:
      out.type = OpenItemType::invoice;
      break;
    case KONTOR_ITEM_CREDIT_NOTE:
      out.type = OpenItemType::credit_note;
      break;
    case KONTOR_ITEM_CANCELLATION:
      out.type = OpenItemType::cancellation;
      break;
    case KONTOR_ITEM_FEE:
      out.type = OpenItemType::fee;
      break;
    case KONTOR_ITEM_INTEREST:
      out.type = OpenItemType::interest;
      break;
    default:
      return Error{"open item of unknown type"};
  }
  auto issue = from_c(FIELD(item, issue_date));
  if (!issue) return Error{"issue date: " + issue.error().message};
  out.issue_date = *issue;
  auto due = from_c(FIELD(item, due_date));
  if (!due) return Error{"due date: " + due.error().message};
  out.due_date = *due;
  out.due_date_agreed = FIELD(item, due_date_agreed) != 0;
  out.dunning_notice_on_invoice = FIELD(item, dunning_notice_on_invoice) != 0;
  auto gross = from_c(FIELD(item, gross));
  if (!gross) return gross.error();
  out.gross = *gross;
  out.rf_reference = copy(FIELD(item, rf_reference));
  auto skonto = from_c(FIELD(item, skonto_percent));
  if (!skonto) return Error{"skonto: " + skonto.error().message};
  out.skonto_percent = *skonto;
  auto skonto_until = from_c(FIELD(item, skonto_until));
  if (!skonto_until) return Error{"skonto date: " + skonto_until.error().message};
  out.skonto_until = *skonto_until;
  out.refers_to = copy(FIELD(item, refers_to));
  out.debtor_account = copy(FIELD(item, debtor_account));
  out.document_path = copy(FIELD(item, document_path));
  out.dunning_block_reason = copy(FIELD(item, dunning_block_reason));
  auto block = from_c(FIELD(item, dunning_block_until));
  if (!block) return Error{"dunning block date: " + block.error().message};
  out.dunning_block_until = *block;
  out.line = FIELD(item, line);
  return out;
}

kontor_tax_line to_c(const ImportedTaxLine& line, const std::string& item_number) {
  kontor_tax_line c{};
  c.struct_size = sizeof(c);
  c.item_number = view(item_number);
  c.rate = to_c(std::optional<Decimal>(line.rate));
  c.net = to_c(line.net);
  c.tax = to_c(line.tax);
  c.gross = to_c(line.gross);
  c.line = line.line;
  return c;
}

Result<ImportedTaxLine> from_c(const kontor_tax_line& line) {
  if (auto ok = check_size(line, "tax line"); !ok) return ok.error();
  ImportedTaxLine out;
  auto rate = from_c(FIELD(line, rate));
  if (!rate || !*rate) return Error{"tax line without a rate"};
  out.rate = **rate;
  auto net = from_c(FIELD(line, net));
  auto tax = from_c(FIELD(line, tax));
  auto gross = from_c(FIELD(line, gross));
  if (!net) return net.error();
  if (!tax) return tax.error();
  if (!gross) return gross.error();
  out.net = *net;
  out.tax = *tax;
  out.gross = *gross;
  out.line = FIELD(line, line);
  return out;
}

// --- Notices ----------------------------------------------------------------------------------

namespace {

kontor_party party_to_c(const Party& party) {
  kontor_party c{};
  c.struct_size = sizeof(c);
  c.name = view(party.name);
  c.street = view(party.address.street);
  c.postcode = view(party.address.postcode);
  c.city = view(party.address.city);
  c.country = view(party.address.country);
  c.email = view(party.email);
  return c;
}

Party party_from_c(const kontor_party* party) {
  Party out;
  if (party == nullptr || party->struct_size < sizeof(std::uint32_t)) return out;
  out.name = copy(FIELD(*party, name));
  out.address.street = copy(FIELD(*party, street));
  out.address.postcode = copy(FIELD(*party, postcode));
  out.address.city = copy(FIELD(*party, city));
  out.address.country = copy(FIELD(*party, country));
  out.email = copy(FIELD(*party, email));
  return out;
}

}  // namespace

void to_c(const NoticeMessage& notice, CNoticeMessage& out) {
  out.recipient = party_to_c(notice.recipient);
  out.sender = party_to_c(notice.sender);
  out.attachments.clear();
  for (const auto& attachment : notice.attachments) {
    kontor_attachment c{};
    c.struct_size = sizeof(c);
    c.name = view(attachment.name);
    c.media_type = view(attachment.media_type);
    c.content = bytes_view(attachment.content);
    out.attachments.push_back(c);
  }
  kontor_notice_message& m = out.message;
  m = {};
  m.struct_size = sizeof(m);
  m.notice_number = view(notice.notice_number);
  m.kind = view(notice.kind);
  m.recipient = &out.recipient;
  m.sender = &out.sender;
  m.language = view(notice.language);
  m.subject = view(notice.subject);
  m.text = view(notice.text);
  m.html = view(notice.html);
  m.pdf = bytes_view(notice.pdf);
  m.attachments = out.attachments.data();
  m.attachment_count = static_cast<std::uint32_t>(out.attachments.size());
  m.attachment_size = sizeof(kontor_attachment);
  m.idempotency_key = view(notice.idempotency_key);
}

Result<NoticeMessage> from_c(const kontor_notice_message& notice) {
  if (auto ok = check_size(notice, "notice"); !ok) return ok.error();
  NoticeMessage out;
  out.notice_number = copy(FIELD(notice, notice_number));
  out.kind = copy(FIELD(notice, kind));
  out.recipient = party_from_c(FIELD(notice, recipient));
  out.sender = party_from_c(FIELD(notice, sender));
  out.language = copy(FIELD(notice, language));
  out.subject = copy(FIELD(notice, subject));
  out.text = copy(FIELD(notice, text));
  out.html = copy(FIELD(notice, html));
  out.pdf = copy(FIELD(notice, pdf));
  const kontor_attachment* attachments = FIELD(notice, attachments);
  const std::uint32_t count = FIELD(notice, attachment_count);
  const std::uint32_t size = FIELD(notice, attachment_size);
  for (std::uint32_t i = 0; attachments != nullptr && i < count; ++i) {
    const kontor_attachment& a = *element(attachments, size, i);
    out.attachments.push_back(
        {copy(FIELD(a, name)), copy(FIELD(a, media_type)), copy(FIELD(a, content))});
  }
  out.idempotency_key = copy(FIELD(notice, idempotency_key));
  return out;
}

// --- Exports ----------------------------------------------------------------------------------

namespace {

int32_t facts_to_c(BookingFacts facts) {
  switch (facts) {
    case BookingFacts::dunning_interest:
      return KONTOR_FACTS_DUNNING_INTEREST;
    case BookingFacts::dunning_fee:
      return KONTOR_FACTS_DUNNING_FEE;
    case BookingFacts::none:
      break;
  }
  return KONTOR_FACTS_NONE;
}

Result<BookingFacts> facts_from_c(int32_t facts) {
  switch (facts) {
    case KONTOR_FACTS_NONE:
      return BookingFacts::none;
    case KONTOR_FACTS_DUNNING_INTEREST:
      return BookingFacts::dunning_interest;
    case KONTOR_FACTS_DUNNING_FEE:
      return BookingFacts::dunning_fee;
    default:
      return Error{"unknown facts " + std::to_string(facts)};
  }
}

}  // namespace

void to_c(const ExportBatch& batch, CExportBatch& out) {
  out.lines.clear();
  out.bookings.clear();
  out.ibans.clear();
  out.customers.clear();
  out.debtors.clear();
  for (const auto& booking : batch.bookings) {
    auto& lines = out.lines.emplace_back();
    for (const auto& line : booking.lines) {
      kontor_booking_line c{};
      c.struct_size = sizeof(c);
      c.account = view(line.account);
      c.side = line.side == BookingSide::debit ? KONTOR_DEBIT : KONTOR_CREDIT;
      c.amount = to_c(line.amount);
      c.tax_key = view(line.tax_key);
      lines.push_back(c);
    }
    kontor_booking c{};
    c.struct_size = sizeof(c);
    c.id = booking.id;
    c.date = to_c(booking.date);
    c.document_number = view(booking.document_number);
    c.text = view(booking.text);
    c.lines = lines.data();
    c.line_count = static_cast<std::uint32_t>(lines.size());
    c.line_size = sizeof(kontor_booking_line);
    c.reverses = booking.reverses.value_or(0);
    c.facts = facts_to_c(booking.facts);
    c.due_date = to_c(booking.due_date);
    out.bookings.push_back(c);
  }
  for (const ExportDebtor& debtor : batch.debtors) {
    // Deques: a customer's address must not move when the next one is added.
    const kontor_customer& customer =
        out.customers.emplace_back(to_c(debtor.customer, out.ibans.emplace_back()));
    kontor_export_debtor c{};
    c.struct_size = sizeof(c);
    c.account = view(debtor.account);
    c.customer = &customer;
    out.debtors.push_back(c);
  }
  kontor_export_batch& b = out.batch;
  b = {};
  b.struct_size = sizeof(b);
  b.batch_id = view(batch.batch_id);
  b.period_from = to_c(batch.period_from);
  b.period_to = to_c(batch.period_to);
  b.bookings = out.bookings.data();
  b.booking_count = static_cast<std::uint32_t>(out.bookings.size());
  b.booking_size = sizeof(kontor_booking);
  b.debtors = out.debtors.data();
  b.debtor_count = static_cast<std::uint32_t>(out.debtors.size());
  b.debtor_size = sizeof(kontor_export_debtor);
}

Result<ExportBatch> from_c(const kontor_export_batch& batch) {
  if (auto ok = check_size(batch, "export batch"); !ok) return ok.error();
  ExportBatch out;
  out.batch_id = copy(FIELD(batch, batch_id));
  auto from = from_c(FIELD(batch, period_from));
  auto to = from_c(FIELD(batch, period_to));
  if (!from || !to) return Error{"export batch with an invalid period"};
  out.period_from = *from;
  out.period_to = *to;
  const kontor_booking* bookings = FIELD(batch, bookings);
  const std::uint32_t count = FIELD(batch, booking_count);
  const std::uint32_t size = FIELD(batch, booking_size);
  for (std::uint32_t i = 0; bookings != nullptr && i < count; ++i) {
    const kontor_booking& c = *element(bookings, size, i);
    Booking booking;
    booking.id = FIELD(c, id);
    auto date = from_c(FIELD(c, date));
    if (!date || !*date) return Error{"booking without a valid date"};
    booking.date = **date;
    booking.document_number = copy(FIELD(c, document_number));
    booking.text = copy(FIELD(c, text));
    const std::int64_t reverses = FIELD(c, reverses);
    if (reverses != 0) booking.reverses = reverses;
    // Absent from a sender before ABI 1.1: no facts, no due date.
    auto facts = facts_from_c(FIELD(c, facts));
    if (!facts)
      return Error{"booking " + std::to_string(booking.id) + ": " + facts.error().message};
    booking.facts = *facts;
    auto due = from_c(FIELD(c, due_date));
    if (!due) {
      return Error{"booking " + std::to_string(booking.id) + " due date: " + due.error().message};
    }
    booking.due_date = *due;
    const kontor_booking_line* lines = FIELD(c, lines);
    for (std::uint32_t j = 0; lines != nullptr && j < FIELD(c, line_count); ++j) {
      const kontor_booking_line& l = *element(lines, FIELD(c, line_size), j);
      auto amount = from_c(FIELD(l, amount));
      if (!amount) return amount.error();
      booking.lines.push_back(
          {copy(FIELD(l, account)),
           FIELD(l, side) == KONTOR_DEBIT ? BookingSide::debit : BookingSide::credit, *amount,
           copy(FIELD(l, tax_key))});
    }
    out.bookings.push_back(std::move(booking));
  }
  // Absent from a sender before ABI 1.1: no debtors.
  const kontor_export_debtor* debtors = FIELD(batch, debtors);
  const std::uint32_t debtor_count = FIELD(batch, debtor_count);
  const std::uint32_t debtor_size = FIELD(batch, debtor_size);
  for (std::uint32_t i = 0; debtors != nullptr && i < debtor_count; ++i) {
    const kontor_export_debtor& c = *element(debtors, debtor_size, i);
    if (auto ok = check_size(c, "export debtor"); !ok) return ok.error();
    ExportDebtor debtor;
    debtor.account = copy(FIELD(c, account));
    const kontor_customer* customer = FIELD(c, customer);
    if (customer == nullptr) return Error{"debtor " + debtor.account + " without a customer"};
    auto value = customer_from_c(*customer);
    if (!value) return Error{"debtor " + debtor.account + ": " + value.error().message};
    debtor.customer = std::move(value).value();
    out.debtors.push_back(std::move(debtor));
  }
  return out;
}

}  // namespace kontor::sdk
