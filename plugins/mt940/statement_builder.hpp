// StatementBuilder: turns the fields of an MT940/MT942 file into statements and entries for the
// sink — account, references, balances, entries with their :86: — and checks what a bank can
// get wrong without making the statement unreadable (warnings, warning_codes.hpp).
//
// A statement starts at :20: and ends at the message end, the next :20: or the end of the file.
// Fields without a :20: before them (snippets, a message that lost its first line) start one
// anyway (missing_tag), and so does an opening balance in a statement that already has one.
// Each statement is held until it ends, then handed on whole: the sink gets statement() with
// both balances, its warnings, then its entries in file order.
//
// Strict where a value cannot be read: a :60a:/:62a:/:61: whose date, mark or amount makes no
// sense fails the file with "LINE:COLUMN: ..." (nothing of a failed file should be imported).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "field_reader.hpp"
#include "kontor/model/currency.hpp"
#include "kontor/sdk/roles.hpp"
#include "owner_information.hpp"
#include "statement_line.hpp"

namespace kontor::plugins::mt940 {

// An entry while its :86: lines are still coming.
struct PendingEntry {
  sdk::StatementEntry entry;
  StatementLine line;
  std::vector<std::string_view> details;  // the :86: lines
  std::int64_t details_line = 0;
};

class StatementBuilder {
 public:
  // `fallback_currency`: for entries of a statement that names no currency before them.
  StatementBuilder(sdk::ParseSink& sink, Currency fallback_currency)
      : sink_(sink), fallback_currency_(fallback_currency) {}

  // A warning about the file as a whole; reported with the first statement.
  void file_warning(std::int64_t line, std::string_view code, std::string message);

  sdk::Status add(const Field& field);
  sdk::Status message_end();
  // The end of the file: hands on the last statement.
  sdk::Status finish();

  std::int64_t statements() const { return statements_; }
  std::int64_t entries() const { return entries_; }

 private:
  struct Warning {
    std::int64_t line;
    std::string_view code;
    std::string message;
  };

  void start(std::int64_t line, int message_type);
  sdk::Status close();
  void warn(std::int64_t line, std::string_view code, std::string message);
  sdk::Status fail(const Field& field, std::size_t line_index, std::int64_t column,
                   const std::string& message) const;
  Currency currency_for_entries(std::int64_t line);

  void read_account(const Field& field);
  sdk::Status read_balance(const Field& field, std::optional<StatementBalance>& target);
  void read_information_balance(const Field& field);
  void amount_format(const Field& field);
  sdk::Status read_floor_limit(const Field& field);
  sdk::Status read_sum(const Field& field);
  sdk::Status read_statement_line(const Field& field);
  void add_details(const Field& field);
  void complete_entry();
  void check_balances();
  void check_sums();

  sdk::ParseSink& sink_;
  Currency fallback_currency_;
  std::vector<Warning> file_warnings_;

  bool open_ = false;
  sdk::StatementInfo info_;
  std::optional<Currency> currency_;
  std::vector<sdk::StatementEntry> done_entries_;
  std::vector<Warning> warnings_;
  std::optional<PendingEntry> entry_;
  bool expect_account_ = false;
  bool has_account_ = false;
  bool closed_balance_ = false;
  bool has_floor_limit_ = false;
  bool has_date_time_ = false;
  int message_type_ = 0;
  std::optional<std::pair<std::int64_t, Money>> debit_sum_, credit_sum_;
  std::int64_t sums_line_ = 0;
  std::int64_t closing_line_ = 0;
  bool warned_missing_reference_ = false;
  bool warned_amount_format_ = false;
  bool warned_missing_currency_ = false;

  OwnerInformationReader owner_reader_;
  OwnerInformation owner_;
  std::int64_t statements_ = 0;
  std::int64_t entries_ = 0;
};

}  // namespace kontor::plugins::mt940
