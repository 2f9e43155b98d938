#include "statement_builder.hpp"

#include <variant>

#include "kontor/model/bic.hpp"
#include "warning_codes.hpp"

namespace kontor::plugins::mt940 {
namespace {

constexpr std::size_t kMaxDetailsCharacters = 6 * 65;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::string_view base_of(std::string_view tag) {
  return tag.substr(0, 2);
}

std::string tag_text(std::string_view tag) {
  return ":" + std::string(tag) + ":";
}

std::string amount_text(const Money& money) {
  return money.to_string();
}

// "/CHGS/EUR0,50/" in the supplementary details: the charges the bank took.
std::optional<Money> charges_in(std::string_view supplementary, const Currency& currency) {
  const std::size_t at = supplementary.find("/CHGS/");
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view rest = supplementary.substr(at + 6);
  if (rest.size() < 4 || rest.substr(0, 3) != currency.code()) return std::nullopt;
  rest.remove_prefix(3);
  const std::size_t end = rest.find('/');
  Result<Amount> amount = parse_amount(rest.substr(0, end), currency);
  if (!amount) return std::nullopt;
  return amount->money;
}

}  // namespace

void StatementBuilder::file_warning(std::int64_t line, std::string_view code, std::string message) {
  file_warnings_.push_back(Warning{.line = line, .code = code, .message = std::move(message)});
}

void StatementBuilder::warn(std::int64_t line, std::string_view code, std::string message) {
  warnings_.push_back(Warning{.line = line, .code = code, .message = std::move(message)});
}

sdk::Status StatementBuilder::fail(const Field& field, std::size_t line_index, std::int64_t column,
                                   const std::string& message) const {
  const std::int64_t line =
      line_index < field.line_numbers.size() ? field.line_numbers[line_index] : field.line;
  // Columns of the first line count from the tag's colon.
  if (line_index == 0 && column > 0) column += static_cast<std::int64_t>(field.tag.size()) + 2;
  return sdk::Status::failed(std::to_string(line) + ":" + std::to_string(column) + ": " + message);
}

void StatementBuilder::start(std::int64_t line, int message_type) {
  open_ = true;
  info_ = sdk::StatementInfo{};
  info_.line = line;
  currency_.reset();
  done_entries_.clear();
  warnings_.clear();
  entry_.reset();
  expect_account_ = false;
  has_account_ = false;
  closed_balance_ = false;
  has_floor_limit_ = false;
  has_date_time_ = false;
  message_type_ = message_type;
  debit_sum_.reset();
  credit_sum_.reset();
  sums_line_ = 0;
  closing_line_ = 0;
  warned_missing_reference_ = false;
  warned_amount_format_ = false;
  warned_missing_currency_ = false;
}

Currency StatementBuilder::currency_for_entries(std::int64_t line) {
  if (currency_) return *currency_;
  if (!warned_missing_currency_) {
    warned_missing_currency_ = true;
    warn(line, warning::kMissingCurrency,
         "no currency before this entry (no :60F: or :34F:): its amounts are read as " +
             std::string(fallback_currency_.code()));
  }
  return fallback_currency_;
}

sdk::Status StatementBuilder::add(const Field& field) {
  if (!field.known) {
    if (open_) {
      warn(field.line, warning::kUnknownTag,
           tag_text(field.tag) + " is no MT940/MT942 tag: the field is skipped");
    }
    return sdk::Status::ok();
  }
  const std::string_view tag = base_of(field.tag);
  if (tag == "20") {
    if (sdk::Status closed = close(); !closed) return closed;
    start(field.line, field.message_type);
    info_.id = std::string(trim(field.lines[0]));
    expect_account_ = true;
    return sdk::Status::ok();
  }
  if (!open_) {
    if (tag == "NS") return sdk::Status::ok();
    start(field.line, field.message_type);
    warn(field.line, warning::kMissingTag,
         "the statement has no :20: (transaction reference): it starts at " + tag_text(field.tag));
  } else if (tag == "60" && info_.opening) {
    if (sdk::Status closed = close(); !closed) return closed;
    start(field.line, field.message_type);
    warn(field.line, warning::kMissingTag,
         "a second opening balance without :20: before it: a new statement starts here");
  }

  if (expect_account_ && tag != "21") {
    expect_account_ = false;
    if (tag != "25") {
      warn(field.line, warning::kUnexpectedTag,
           tag_text(field.tag) + " where :25: (account identification) was expected: the " +
               "statement names no account");
    }
  }
  if (tag != "86") complete_entry();

  if (tag == "25") {
    read_account(field);
  } else if (tag == "28") {
    info_.sequence = std::string(trim(field.lines[0]));
  } else if (tag == "34") {
    return read_floor_limit(field);
  } else if (tag == "13") {
    Result<std::string> created = parse_date_time(trim(field.lines[0]));
    if (created) {
      info_.created = *created;
      has_date_time_ = true;
    } else {
      warn(field.line, warning::kUnreadableInformation,
           tag_text(field.tag) + " is ignored: " + created.error().message);
    }
  } else if (tag == "60") {
    return read_balance(field, info_.opening);
  } else if (tag == "61") {
    return read_statement_line(field);
  } else if (tag == "86") {
    add_details(field);
  } else if (tag == "62") {
    closing_line_ = field.line;
    closed_balance_ = true;
    return read_balance(field, info_.closing);
  } else if (tag == "64" || tag == "65") {
    read_information_balance(field);
  } else if (tag == "90") {
    return read_sum(field);
  }
  // :21: (related reference) and :NS: (German non-SWIFT data) carry nothing Kontor uses.
  return sdk::Status::ok();
}

sdk::Status StatementBuilder::message_end() {
  return close();
}

sdk::Status StatementBuilder::finish() {
  return close();
}

void StatementBuilder::read_account(const Field& field) {
  if (has_account_) {
    warn(field.line, warning::kUnexpectedTag,
         "a second :25: in the statement is ignored; the account stays " + info_.account);
    return;
  }
  has_account_ = true;
  std::string_view account = trim(field.lines[0]);
  // A currency after the account: "NL10BUNQ2290325473 EUR", "1291.99.348EUR", ".../HUF".
  if (account.size() > 4) {
    const std::string_view suffix = account.substr(account.size() - 3);
    const char before = account[account.size() - 4];
    if (is_upper(suffix[0]) && is_upper(suffix[1]) && is_upper(suffix[2]) &&
        (is_digit(before) || before == ' ' || before == '/') && Currency::from_code(suffix).ok()) {
      if (!currency_) currency_ = *Currency::from_code(suffix);
      account.remove_suffix(3);
      while (!account.empty() && (account.back() == ' ' || account.back() == '/')) {
        account.remove_suffix(1);
      }
    }
  }
  // "BIC/account" (Danske Bank, PKO): the bank's BIC before the account. A BLZ before the
  // account number ("87052000/123456789") stays part of it, as German banks write it.
  const std::size_t slash = account.find('/');
  if (slash != std::string_view::npos && slash + 1 < account.size()) {
    const std::string_view bank = account.substr(0, slash);
    if ((bank.size() == 8 || bank.size() == 11) && Bic::parse(bank).ok()) {
      info_.account_bic = std::string(bank);
      account.remove_prefix(slash + 1);
    }
  }
  info_.account = std::string(trim(account));
}

sdk::Status StatementBuilder::read_balance(const Field& field,
                                           std::optional<StatementBalance>& target) {
  Result<Balance> balance =
      parse_balance(trim(field.lines[0]), currency_.value_or(fallback_currency_));
  if (!balance) {
    return fail(field, 0, balance.error().position,
                tag_text(field.tag) + " balance: " + balance.error().message);
  }
  if (balance->date.clamped) {
    warn(field.line, warning::kInvalidDate,
         tag_text(field.tag) + " balance date " + std::string(trim(field.lines[0]).substr(1, 6)) +
             " does not exist: read as " + balance->date.date.to_iso());
  }
  if (!balance->swift_format) amount_format(field);
  if (balance->currency_missing) {
    warn(field.line, warning::kMissingCurrency,
         tag_text(field.tag) + " names no currency: read as " +
             std::string(balance->amount.currency().code()));
  }
  target = StatementBalance{.amount = balance->amount, .date = balance->date.date};
  if (!currency_) currency_ = balance->amount.currency();
  return sdk::Status::ok();
}

void StatementBuilder::amount_format(const Field& field) {
  if (warned_amount_format_) return;
  warned_amount_format_ = true;
  warn(field.line, warning::kAmountFormat,
       tag_text(field.tag) +
           " writes its amount without SWIFT's decimal comma (a decimal point, or none): read as "
           "written; so may other amounts of the statement");
}

void StatementBuilder::read_information_balance(const Field& field) {
  Result<Balance> balance = parse_balance(trim(field.lines[0]));
  if (!balance) {
    warn(field.line, warning::kUnreadableInformation,
         tag_text(field.tag) + " (available balance) is ignored: " + balance.error().message);
  }
}

sdk::Status StatementBuilder::read_floor_limit(const Field& field) {
  has_floor_limit_ = true;
  Result<FloorLimit> limit = parse_floor_limit(trim(field.lines[0]));
  if (!limit) {
    return fail(field, 0, limit.error().position, ":34F: floor limit: " + limit.error().message);
  }
  if (!currency_) currency_ = limit->amount.currency();
  return sdk::Status::ok();
}

sdk::Status StatementBuilder::read_sum(const Field& field) {
  Result<EntrySum> sum = parse_entry_sum(trim(field.lines[0]));
  if (!sum) {
    return fail(field, 0, sum.error().position,
                tag_text(field.tag) + " sum of entries: " + sum.error().message);
  }
  sums_line_ = field.line;
  const bool debit = field.tag.size() > 2 && field.tag[2] == 'D';
  (debit ? debit_sum_ : credit_sum_) = std::make_pair(sum->count, sum->amount);
  return sdk::Status::ok();
}

sdk::Status StatementBuilder::read_statement_line(const Field& field) {
  if (closed_balance_) {
    warn(field.line, warning::kUnexpectedTag,
         ":61: after the closing balance: read as an entry of this statement");
  }
  const Currency currency = currency_for_entries(field.line);
  auto parsed = parse_statement_line(field.lines, currency);
  if (auto* error = std::get_if<StatementLineError>(&parsed)) {
    return fail(field, error->line_index, error->column, error->message);
  }
  StatementLine& line = std::get<StatementLine>(parsed);

  entry_.emplace();
  sdk::StatementEntry& entry = entry_->entry;
  entry.line = field.line;
  entry.amount = line.signed_amount;
  entry.reversal = line.reversal;
  entry.value_date = line.value_date.date;
  if (line.value_date.clamped) {
    warn(field.line, warning::kInvalidDate,
         ":61: value date " + std::string(trim(field.lines[0]).substr(0, 6)) +
             " does not exist: read as " + line.value_date.date.to_iso());
  }
  if (line.entry_date) {
    entry.booking_date = line.entry_date->date;
    if (line.entry_date->clamped) {
      warn(field.line, warning::kInvalidDate,
           ":61: entry date " + std::string(trim(field.lines[0]).substr(6, 4)) +
               " does not exist: read as " + line.entry_date->date.to_iso());
    }
    if (line.entry_date->year_shift != 0) {
      warn(field.line, warning::kYearRollover,
           ":61: entry date " + line.entry_date->date.to_iso() + " is in the year " +
               (line.entry_date->year_shift < 0 ? "before" : "after") + " its value date " +
               line.value_date.date.to_iso());
    }
  } else {
    entry.booking_date = line.value_date.date;
    warn(field.line, warning::kMissingEntryDate,
         ":61: has no entry date: the booking date is the value date " +
             line.value_date.date.to_iso());
  }
  if (!line.amount.swift_format()) amount_format(field);
  if (!line.has_customer_reference && !warned_missing_reference_) {
    warned_missing_reference_ = true;
    warn(field.line, warning::kMissingReference,
         ":61: has no customer reference (not even NONREF)");
  }
  entry.charges = charges_in(line.supplementary, currency);
  entry_->line = std::move(line);
  return sdk::Status::ok();
}

void StatementBuilder::add_details(const Field& field) {
  for (const SwallowedTag& swallowed : field.swallowed) {
    warn(swallowed.line, warning::kUnknownTag,
         tag_text(swallowed.tag) + " is no MT940/MT942 tag: the line is read as text of the :86:");
  }
  if (!entry_ || closed_balance_) return;  // information about the statement, not an entry
  if (entry_->details.empty()) entry_->details_line = field.line;
  entry_->details.insert(entry_->details.end(), field.lines.begin(), field.lines.end());
}

void StatementBuilder::complete_entry() {
  if (!entry_) return;
  sdk::StatementEntry& entry = entry_->entry;
  const StatementLine& line = entry_->line;
  std::string customer_reference;  // KREF+ of the :86:
  if (!entry_->details.empty()) {
    std::size_t characters = 0;
    for (std::string_view text : entry_->details) characters += text.size();
    if (characters > kMaxDetailsCharacters) {
      warn(entry_->details_line, warning::kFieldTooLong,
           ":86: has " + std::to_string(characters) +
               " characters, more than SWIFT's 6 lines of 65: read whole");
    }
    owner_reader_.read(entry_->details, owner_);
    entry.details = std::move(owner_.details);
    entry.additional_info = std::move(owner_.posting_text);
    customer_reference = std::move(owner_.customer_reference);
  }
  if (entry.details.bank_transaction_code.empty()) {
    entry.details.bank_transaction_code = std::string(line.type_code);
  }
  if (entry.additional_info.empty()) entry.additional_info = line.supplementary;
  if (line.bank_reference != "NONREF") {
    entry.details.bank_reference = std::string(line.bank_reference);
  }
  if (line.customer_reference == "KREF+") {
    entry.owner_reference = std::move(customer_reference);
  } else if (line.customer_reference != "NONREF") {
    entry.owner_reference = std::string(line.customer_reference);
  }
  done_entries_.push_back(std::move(entry));
  entry_.reset();
}

void StatementBuilder::check_balances() {
  if (!info_.opening || !info_.closing) return;
  Result<Money> total = info_.opening->amount;
  for (const sdk::StatementEntry& entry : done_entries_) {
    if (!total) break;
    total = total->plus(entry.amount);
  }
  if (!total) {
    warn(closing_line_, warning::kBalanceMismatch,
         "opening balance and entries cannot be added up: " + total.error().message);
    return;
  }
  if (*total != info_.closing->amount) {
    warn(closing_line_, warning::kBalanceMismatch,
         "opening balance " + amount_text(info_.opening->amount) + " plus " +
             std::to_string(done_entries_.size()) + " entries is " + amount_text(*total) +
             ", but the closing balance is " + amount_text(info_.closing->amount));
  }
}

void StatementBuilder::check_sums() {
  for (const bool debit : {true, false}) {
    const auto& stated = debit ? debit_sum_ : credit_sum_;
    if (!stated) continue;
    std::int64_t count = 0;
    std::int64_t minor = 0;
    for (const sdk::StatementEntry& entry : done_entries_) {
      if (entry.amount.is_negative() == debit && !entry.amount.is_zero()) {
        ++count;
        minor += debit ? -entry.amount.minor_units() : entry.amount.minor_units();
      }
    }
    const Money sum(minor, stated->second.currency());
    if (count != stated->first || sum != stated->second) {
      warn(sums_line_, warning::kSumMismatch,
           std::string(debit ? ":90D:" : ":90C:") + " states " + std::to_string(stated->first) +
               " entries of " + amount_text(stated->second) + ", the entries are " +
               std::to_string(count) + " of " + amount_text(sum));
    }
  }
}

sdk::Status StatementBuilder::close() {
  if (!open_) return sdk::Status::ok();
  open_ = false;
  complete_entry();

  const bool intraday =
      message_type_ == 942 || has_floor_limit_ ||
      (!info_.opening && !info_.closing && (has_date_time_ || debit_sum_ || credit_sum_));
  info_.kind = intraday ? StatementKind::intraday : StatementKind::statement;
  info_.dialect = intraday ? "mt942" : "mt940";
  if (currency_) info_.currency = std::string(currency_->code());
  check_balances();
  check_sums();

  ++statements_;
  if (sdk::Status status = sink_.statement(info_); !status) return status;
  for (const Warning& warning : file_warnings_) {
    sink_.warning(warning.line, warning.code, warning.message);
  }
  file_warnings_.clear();
  for (const Warning& warning : warnings_)
    sink_.warning(warning.line, warning.code, warning.message);
  for (const sdk::StatementEntry& entry : done_entries_) {
    ++entries_;
    if (sdk::Status status = sink_.entry(entry); !status) return status;
  }
  return sdk::Status::ok();
}

}  // namespace kontor::plugins::mt940
