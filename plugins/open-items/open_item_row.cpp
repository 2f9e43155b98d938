#include "open_item_row.hpp"

#include <string>

#include "ascii_text.hpp"
#include "kontor/model/customer.hpp"

namespace kontor::plugins::open_items {
namespace {

bool parse_digits(std::string_view text, std::size_t min_length, std::size_t max_length,
                  int& value) {
  if (text.size() < min_length || text.size() > max_length) return false;
  value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  return true;
}

// Reads the fields of one row, collecting every problem instead of stopping at the first.
class RowReader {
 public:
  RowReader(const RowText& row, const ParserOptions& options) : row_(row), options_(options) {}

  const std::string& problems() const { return problems_; }

  std::string_view text(Field field) const { return trimmed(row_[field]); }
  std::string string(Field field) const { return std::string(text(field)); }

  void problem(Field field, const std::string& message) {
    problems_ += (problems_.empty() ? "" : "; ") + options_.columns.label(field) + ": " + message;
  }

  bool require(Field field) {
    if (!text(field).empty()) return true;
    problems_ += (problems_.empty() ? "" : "; ") + options_.columns.label(field) + " is missing";
    return false;
  }

  std::optional<Currency> currency() {
    const std::string_view code = text(Field::currency);
    if (code.empty()) return options_.currency;
    auto currency = Currency::from_code(ascii_uppercase(code));
    if (!currency) {
      problem(Field::currency, currency.error().message);
      return std::nullopt;
    }
    return *currency;
  }

  std::optional<Money> money(Field field, Currency currency) {
    if (text(field).empty()) return std::nullopt;
    auto money = Money::parse(text(field), currency, notation_of(field));
    if (!money) {
      problem(field, money.error().message);
      return std::nullopt;
    }
    return *money;
  }

  // A percentage from 0 to below 100, "19", "7,5" or "19 %".
  std::optional<Decimal> percent(Field field) {
    std::string_view written = text(field);
    if (written.empty()) return std::nullopt;
    if (written.ends_with('%')) written = trimmed(written.substr(0, written.size() - 1));
    const Notation notation{notation_of(field).decimal_separator, std::nullopt};
    auto rate = Decimal::parse(written, notation);
    if (!rate) {
      problem(field, rate.error().message);
      return std::nullopt;
    }
    if (rate->is_negative() || *rate >= Decimal::from_integer(100)) {
      problem(field, "'" + rate->to_string() + "' is not a percentage from 0 to below 100");
      return std::nullopt;
    }
    return *rate;
  }

  std::optional<Date> date(Field field) {
    if (text(field).empty()) return std::nullopt;
    auto date = options_.date_format == DateFormat::german ? parse_german_date(text(field))
                                                           : Date::parse_iso(text(field));
    if (!date) {
      problem(field, date.error().message);
      return std::nullopt;
    }
    return *date;
  }

  // true/false (also yes/no, 1/0; any case); empty is false.
  bool flag(Field field) {
    const std::string value = ascii_lowercase(text(field));
    if (value.empty() || value == "false" || value == "no" || value == "0") return false;
    if (value == "true" || value == "yes" || value == "1") return true;
    problem(field, "'" + string(field) + "' is not true or false");
    return false;
  }

  template <typename Choice>
  std::optional<Choice> choice(Field field, Result<Choice> (*parse)(std::string_view)) {
    if (text(field).empty()) return std::nullopt;
    auto value = parse(ascii_lowercase(text(field)));
    if (!value) {
      problem(field, value.error().message);
      return std::nullopt;
    }
    return *value;
  }

  std::optional<OpenItemType> document_type() {
    const std::string value = ascii_lowercase(text(Field::document_type));
    if (value.empty() || value == "invoice") return OpenItemType::invoice;
    if (value == "credit_note") return OpenItemType::credit_note;
    if (value == "cancellation") return OpenItemType::cancellation;
    problem(Field::document_type, "unknown document type '" + string(Field::document_type) +
                                      "'; expected one of invoice, credit_note, cancellation");
    return std::nullopt;
  }

 private:
  const Notation& notation_of(Field field) const {
    static const Notation kJsonNumber = Notation::point();
    return row_.json_number[index_of(field)] ? kJsonNumber : options_.notation;
  }

  const RowText& row_;
  const ParserOptions& options_;
  std::string problems_;
};

}  // namespace

Result<Date> parse_german_date(std::string_view text) {
  const std::size_t first_dot = text.find('.');
  const std::size_t second_dot =
      first_dot == std::string_view::npos ? first_dot : text.find('.', first_dot + 1);
  int day = 0, month = 0, year = 0;
  if (second_dot == std::string_view::npos || !parse_digits(text.substr(0, first_dot), 1, 2, day) ||
      !parse_digits(text.substr(first_dot + 1, second_dot - first_dot - 1), 1, 2, month) ||
      !parse_digits(text.substr(second_dot + 1), 4, 4, year)) {
    return Error{"'" + std::string(text) + "' is not a date DD.MM.YYYY"};
  }
  auto date = Date::from_ymd(year, month, day);
  if (!date) return Error{"'" + std::string(text) + "' is not a date: " + date.error().message};
  return date;
}

Result<OpenItemRow> read_row(const RowText& row, const ParserOptions& options) {
  RowReader read(row, options);
  OpenItemRow result;
  sdk::ImportedCustomer& customer = result.customer;
  sdk::ImportedOpenItem& item = result.item;

  read.require(Field::invoice_no);
  read.require(Field::customer_no);
  read.require(Field::customer_name);
  const bool has_amount = read.require(Field::amount);
  const bool has_due_date = read.require(Field::due_date);

  customer.number = read.string(Field::customer_no);
  customer.name = read.string(Field::customer_name);
  customer.address.street = read.string(Field::street);
  customer.address.postcode = read.string(Field::postcode);
  customer.address.city = read.string(Field::city);
  customer.address.country = read.string(Field::country);
  customer.email = read.string(Field::email);
  customer.language = read.string(Field::language);
  if (!read.text(Field::iban).empty()) customer.ibans.push_back(read.string(Field::iban));
  customer.kind = read.choice(Field::customer_type, &parse_customer_kind);
  customer.delivery = read.choice(Field::delivery, &parse_delivery);
  customer.vat_id = read.string(Field::vat_id);
  customer.line = row.line;

  item.number = read.string(Field::invoice_no);
  item.customer_number = customer.number;
  if (auto type = read.document_type()) item.type = *type;
  item.issue_date = read.date(Field::issue_date);
  if (has_due_date) item.due_date = read.date(Field::due_date);
  item.due_date_agreed = read.flag(Field::due_date_agreed);
  item.dunning_notice_on_invoice = read.flag(Field::dunning_notice_on_invoice);
  if (const std::optional<Currency> currency = read.currency()) {
    if (has_amount) {
      if (auto gross = read.money(Field::amount, *currency)) item.gross = *gross;
    }
    result.net = read.money(Field::net_amount, *currency);
  }
  result.tax_rate = read.percent(Field::tax_rate);
  item.rf_reference = read.string(Field::rf_reference);
  item.skonto_percent = read.percent(Field::discount_percent);
  item.skonto_until = read.date(Field::discount_until);
  if (!read.text(Field::discount_percent).empty() && read.text(Field::discount_until).empty()) {
    read.problem(Field::discount_until, "missing; a discount needs the day it is granted until");
  }
  if (read.text(Field::discount_percent).empty() && !read.text(Field::discount_until).empty()) {
    read.problem(Field::discount_percent,
                 "missing; discount_until needs the discount's percentage");
  }
  item.refers_to = read.string(Field::refers_to);
  if (item.type == OpenItemType::cancellation && item.refers_to.empty()) {
    read.problem(Field::refers_to, "missing; a cancellation names the invoice it cancels");
  }
  item.debtor_account = read.string(Field::debtor_account);
  item.document_path = read.string(Field::document);
  item.dunning_block_until = read.date(Field::dunning_block_until);
  item.line = row.line;

  if (!read.problems().empty()) return Error{read.problems(), row.line};
  return result;
}

}  // namespace kontor::plugins::open_items
