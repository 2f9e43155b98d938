#include "entry_row.hpp"

#include <array>

#include "bank_amounts.hpp"
#include "bank_dates.hpp"
#include "free_text.hpp"
#include "kontor/model/iban.hpp"
#include "sepa_keywords.hpp"
#include "text_values.hpp"

namespace kontor::plugins::bank_csv {
namespace {

enum class Direction { none, debit, credit, unknown };

Direction direction_of(std::string_view text) {
  const std::string word = normalised_name(text);
  if (word.empty()) return Direction::none;
  static constexpr std::array<std::string_view, 9> kDebit = {
      "s", "soll", "d", "db", "dr", "debit", "belastung", "ausgang", "abgang"};
  static constexpr std::array<std::string_view, 8> kCredit = {
      "h", "haben", "c", "cr", "credit", "gutschrift", "eingang", "zugang"};
  for (std::string_view debit : kDebit) {
    if (word == debit) return Direction::debit;
  }
  for (std::string_view credit : kCredit) {
    if (word == credit) return Direction::credit;
  }
  return Direction::unknown;
}

bool is_pending_word(const std::string& word) {
  return word == "vorgemerkt" || word == "umsatz vorgemerkt" || word == "ausstehend" ||
         word == "pending" || word == "pdng" || word == "vormerkung";
}

bool is_booked_word(const std::string& word) {
  return word.empty() || word == "gebucht" || word == "umsatz gebucht" || word == "abgeschlossen" ||
         word == "booked" || word == "book";
}

// An account number as delivered: quotes off; an IBAN written in groups joined up.
std::string cleaned_account(std::string_view text) {
  std::string account(without_single_quotes(text));
  if (account.find(' ') != std::string::npos) {
    if (auto iban = Iban::parse(account)) return iban->electronic();
  }
  return account;
}

class RowReader {
 public:
  RowReader(const CsvRecord& record, const Layout& layout, EntryRow& row)
      : record_(record), layout_(layout), row_(row) {}

  // The field's text: its columns' values collapsed, several joined by a blank.
  std::string text(Field field) {
    std::string out;
    for (std::size_t column : layout_.columns[index_of(field)]) {
      if (column >= record_.fields.size()) continue;
      bool control = false;
      const std::string value = collapsed(record_.fields[column], &control);
      control_ = control_ || control;
      if (value.empty()) continue;
      if (!out.empty()) out += ' ';
      out += value;
    }
    return out;
  }

  // The first column's value as written (the free-text column keeps its blank runs).
  std::string raw(Field field) {
    const auto& columns = layout_.columns[index_of(field)];
    if (columns.empty() || columns.front() >= record_.fields.size()) return {};
    return record_.fields[columns.front()];
  }

  bool had_control() const { return control_; }

  void error(std::string message) { row_.errors.push_back(std::move(message)); }
  void warn(std::string code, std::string message) {
    row_.warnings.push_back({std::move(code), std::move(message)});
  }

 private:
  const CsvRecord& record_;
  const Layout& layout_;
  EntryRow& row_;
  bool control_ = false;
};

std::optional<Money> read_money(RowReader& reader, Field field, Currency currency,
                                const Notation& notation, bool& sign_written) {
  const std::string text = reader.text(field);
  if (text.empty()) return std::nullopt;
  auto reading = read_amount(text, currency, notation);
  if (!reading) {
    reader.error(std::string(name_of(field)) + ": " + reading.error().message);
    return std::nullopt;
  }
  sign_written = reading->sign_written;
  return reading->amount;
}

Money magnitude(const Money& money) {
  if (!money.is_negative()) return money;
  auto negated = money.negated();
  return negated ? *negated : money;
}

Money negative(const Money& money) {
  if (!money.is_positive()) return money;
  auto negated = money.negated();
  return negated ? *negated : money;
}

std::optional<Money> read_signed_amount(RowReader& reader, const Layout& layout,
                                        Currency currency) {
  const Notation& notation = layout.notation;
  bool sign_written = false;
  std::optional<Money> amount;
  if (layout.has(Field::amount)) {
    amount = read_money(reader, Field::amount, currency, notation, sign_written);
    if (!amount && reader.text(Field::amount).empty()) reader.error("no amount");
  } else {
    bool ignored = false;
    const std::optional<Money> debit =
        read_money(reader, Field::debit, currency, notation, ignored);
    const std::optional<Money> credit =
        read_money(reader, Field::credit, currency, notation, ignored);
    const bool debit_given = debit && !debit->is_zero();
    const bool credit_given = credit && !credit->is_zero();
    if (debit_given && credit_given) {
      reader.error("a debit (" + debit->format(notation) + ") and a credit (" +
                   credit->format(notation) + ") in one row");
      return std::nullopt;
    }
    if (debit_given) {
      amount = negative(*debit);
    } else if (credit_given || credit) {
      amount = magnitude(*credit);
    } else if (debit) {
      amount = *debit;
    } else if (reader.text(Field::debit).empty() && reader.text(Field::credit).empty()) {
      reader.error("no amount in debit or credit");
    }
    sign_written = true;
  }
  if (!amount || !layout.has(Field::direction)) return amount;

  const std::string direction_text = reader.text(Field::direction);
  const Direction direction = direction_of(direction_text);
  if (direction == Direction::unknown) {
    reader.warn("unknown_direction", "direction '" + for_message(direction_text) +
                                         "' is neither debit nor credit: the amount's sign stands");
  } else if (direction == Direction::debit && amount->is_positive()) {
    if (sign_written) {
      reader.warn("direction_mismatch", "amount " + amount->format(notation) +
                                            " is written as a credit, the direction says debit");
    } else {
      amount = negative(*amount);
    }
  } else if (direction == Direction::credit && amount->is_negative()) {
    reader.warn("direction_mismatch",
                "amount " + amount->format(notation) + " is a debit, the direction says credit");
  }
  return amount;
}

struct RowDates {
  std::optional<Date> booking;
  std::optional<Date> value;
};

std::optional<Date> read_one_date(RowReader& reader, Field field, const std::string& text,
                                  DateFormat format) {
  auto reading = read_date(text, format);
  if (!reading) {
    reader.error(std::string(name_of(field)) + ": " + reading.error().message);
    return std::nullopt;
  }
  if (reading->clamped) {
    reader.warn("invalid_date", std::string(name_of(field)) + " '" + for_message(text) +
                                    "' is past the end of its month: read as " +
                                    reading->date.to_iso());
  }
  return reading->date;
}

void take_embedded(RowReader& reader, std::string& field, const std::string& embedded,
                   std::string_view what) {
  if (embedded.empty()) return;
  if (!field.empty() && field != embedded) {
    reader.warn("sepa_field_conflict",
                std::string(what) + ": its column says '" + for_message(field) +
                    "', the purpose text '" + for_message(embedded) +
                    "': the purpose text is taken, it is what the payment carried");
  }
  field = embedded;
}

void fill_if_empty(std::string& field, const std::string& value) {
  if (field.empty()) field = value;
}

}  // namespace

EntryRow read_entry_row(const CsvRecord& record, const Layout& layout, std::size_t column_count,
                        Currency default_currency) {
  EntryRow row;
  row.entry.line = record.line;
  RowReader reader(record, layout, row);

  if (record.fields.size() < column_count) {
    reader.error(std::to_string(record.fields.size()) + " fields, the " +
                 (layout.header_line > 0
                      ? "header row (line " + std::to_string(layout.header_line) + ")"
                      : std::string("first row")) +
                 " has " + std::to_string(column_count));
    return row;
  }
  for (std::size_t i = column_count; i < record.fields.size(); ++i) {
    if (!trimmed(record.fields[i]).empty()) {
      reader.error(std::to_string(record.fields.size()) + " fields, more than the " +
                   std::to_string(column_count) + " of the " +
                   (layout.header_line > 0 ? std::string("header row") : std::string("first row")) +
                   ": field " + std::to_string(i + 1) + " is '" + for_message(record.fields[i]) +
                   "'");
      return row;
    }
  }
  if (record.stray_quote) {
    reader.warn("stray_quote",
                "a quote inside an unquoted field or after a closing one: kept as written");
  }

  // Currency and amount.
  Currency currency = default_currency;
  if (const std::string code = reader.text(Field::currency); !code.empty()) {
    auto parsed = Currency::from_code(code);
    if (parsed) {
      currency = *parsed;
    } else {
      reader.error("currency '" + for_message(code) + "': " + for_message(parsed.error().message));
    }
  }
  const std::optional<Money> amount = read_signed_amount(reader, layout, currency);
  if (amount) row.entry.amount = *amount;

  // Status and dates.
  const std::string booking_text = reader.text(Field::booking_date);
  const std::string value_text = reader.text(Field::value_date);
  bool pending = is_pending_word(normalised_name(booking_text)) ||
                 is_pending_word(normalised_name(reader.text(Field::bank_code)));
  if (layout.has(Field::status)) {
    const std::string status = normalised_name(reader.text(Field::status));
    if (is_pending_word(status)) {
      pending = true;
    } else if (!is_booked_word(status)) {
      row.entry.status = EntryStatus::info;
      reader.warn("unknown_status", "status '" + for_message(reader.text(Field::status)) +
                                        "' is neither booked nor pending: reported as INFO");
    }
  }
  if (pending) row.entry.status = EntryStatus::pending;

  RowDates dates;
  if (!value_text.empty()) {
    dates.value = read_one_date(reader, Field::value_date, value_text, layout.date_format);
  }
  const bool booking_missing =
      booking_text.empty() || is_pending_word(normalised_name(booking_text));
  if (!booking_missing) {
    dates.booking = read_one_date(reader, Field::booking_date, booking_text, layout.date_format);
  } else if (dates.value) {
    dates.booking = dates.value;
    if (layout.has(Field::booking_date) && !pending) {
      reader.warn("missing_entry_date",
                  "no booking date: the value date " + dates.value->to_iso() + " is taken");
    }
  } else if (value_text.empty()) {
    reader.error("neither a booking date nor a value date");
  }
  if (dates.booking) row.entry.booking_date = *dates.booking;
  row.entry.value_date = dates.value;

  // Parties and references.
  sdk::PaymentDetails& details = row.entry.details;
  const bool credit = amount && amount->is_positive();
  const bool debit = amount && amount->is_negative();
  details.counterparty_name = reader.text(Field::counterparty_name);
  if (details.counterparty_name.empty()) {
    const std::string payer = reader.text(Field::payer_name);
    const std::string payee = reader.text(Field::payee_name);
    details.counterparty_name = credit ? payer : debit ? payee : (payee.empty() ? payer : payee);
  }
  details.counterparty_account = cleaned_account(reader.text(Field::counterparty_account));
  if (details.counterparty_account.empty()) {
    const std::string payer = cleaned_account(reader.text(Field::payer_account));
    const std::string payee = cleaned_account(reader.text(Field::payee_account));
    details.counterparty_account = credit ? payer : debit ? payee : (payee.empty() ? payer : payee);
  }
  details.counterparty_bic =
      std::string(without_single_quotes(reader.text(Field::counterparty_bic)));
  details.remittance = reader.text(Field::remittance);
  details.end_to_end_id = reader.text(Field::end_to_end_id);
  if (details.end_to_end_id == "NOTPROVIDED") details.end_to_end_id.clear();
  details.mandate_id = reader.text(Field::mandate_id);
  details.creditor_id = reader.text(Field::creditor_id);
  details.bank_reference = reader.text(Field::bank_reference);
  details.bank_transaction_code = reader.text(Field::bank_code);

  if (layout.has(Field::free_text)) {
    const FreeTextParts parts = split_free_text(reader.raw(Field::free_text));
    reader.text(Field::free_text);  // notes control characters
    fill_if_empty(details.bank_transaction_code, collapsed(parts.bank_code));
    fill_if_empty(details.counterparty_name, collapsed(parts.counterparty_name));
    fill_if_empty(details.counterparty_account, parts.counterparty_account);
    fill_if_empty(details.counterparty_bic, parts.counterparty_bic);
    fill_if_empty(details.end_to_end_id, parts.end_to_end_id);
    fill_if_empty(details.creditor_id, parts.creditor_id);
    fill_if_empty(details.mandate_id, parts.mandate_id);
    if (!parts.remittance.empty()) {
      if (!details.remittance.empty()) details.remittance += ' ';
      details.remittance += collapsed(parts.remittance);
    }
  }

  const SepaParts sepa = split_sepa_keywords(details.remittance);
  if (sepa.found) {
    details.remittance = sepa.remittance;
    take_embedded(reader, details.end_to_end_id, sepa.end_to_end_id, "end-to-end id");
    take_embedded(reader, details.mandate_id, sepa.mandate_id, "mandate id");
    take_embedded(reader, details.creditor_id, sepa.creditor_id, "creditor id");
    fill_if_empty(row.entry.owner_reference, sepa.customer_reference);
    fill_if_empty(details.ultimate_debtor, sepa.ultimate_debtor);
    fill_if_empty(details.ultimate_creditor, sepa.ultimate_creditor);
    fill_if_empty(details.counterparty_account, sepa.iban);
    fill_if_empty(details.counterparty_bic, sepa.bic);
  }

  // Balance, charges, the statement's own account.
  bool ignored = false;
  row.balance = read_money(reader, Field::balance, currency, layout.notation, ignored);
  if (const auto charges = read_money(reader, Field::charges, currency, layout.notation, ignored);
      charges && !charges->is_zero()) {
    row.entry.charges = magnitude(*charges);
  }
  row.account = cleaned_account(reader.text(Field::account));
  row.account_bic = std::string(without_single_quotes(reader.text(Field::account_bic)));

  if (reader.had_control()) {
    reader.warn("control_character", "control characters in the row's text: read as blanks");
  }
  return row;
}

}  // namespace kontor::plugins::bank_csv
