// Fuzz target: the bank-csv parser's core (plugins/bank-csv) on arbitrary bytes, under
// configurations that exercise detection (auto), a fixed preset, a headerless preset, mappings by
// name and by number, both decimal separators and both encodings.
//
// Beyond "no crash, no leak, no hang" it checks what every statement must satisfy, so that
// libFuzzer also finds wrong answers: the statement first and once, entries in file order with
// lines inside the file, all text valid UTF-8, warning codes of [a-z_], balances and entries in
// known currencies, and a refused file refused with a "LINE:0: " message and nothing emitted.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "bank_csv_file.hpp"
#include "bank_csv_probe.hpp"
#include "text_encoding.hpp"

namespace {

using namespace kontor;
using namespace kontor::plugins::bank_csv;

void require(bool condition) {
  if (!condition) std::abort();
}

void require_utf8(std::string_view text) {
  require(invalid_utf8_at(text) == std::string_view::npos);
}

void require_details(const sdk::PaymentDetails& d) {
  for (const std::string* text :
       {&d.end_to_end_id, &d.mandate_id, &d.creditor_id, &d.bank_reference, &d.counterparty_name,
        &d.counterparty_account, &d.counterparty_bic, &d.ultimate_debtor, &d.ultimate_creditor,
        &d.remittance, &d.creditor_reference, &d.return_reason, &d.bank_transaction_code}) {
    require_utf8(*text);
    // Collapsed and trimmed: no line breaks, no blank at either end.
    require(text->find('\n') == std::string::npos);
    require(text->empty() || (text->front() != ' ' && text->back() != ' '));
  }
}

class CheckingSink final : public sdk::ParseSink {
 public:
  explicit CheckingSink(std::int64_t lines) : lines_(lines) {}

  sdk::Status statement(const sdk::StatementInfo& statement) override {
    require(!started_);
    started_ = true;
    require(Currency::from_code(statement.currency).ok());
    for (const std::string* text :
         {&statement.account, &statement.account_bic, &statement.id, &statement.dialect}) {
      require_utf8(*text);
    }
    require(!statement.dialect.empty());
    for (const auto* balance : {&statement.opening, &statement.closing}) {
      if (*balance) require((*balance)->amount.currency().code() == statement.currency);
    }
    require(statement.line >= 1 && statement.line <= lines_ + 1);
    return sdk::Status::ok();
  }

  sdk::Status entry(const sdk::StatementEntry& entry) override {
    require(started_);
    require(entry.line >= 1 && entry.line <= lines_);
    require(entry.line > last_line_);
    last_line_ = entry.line;
    require(entry.detail_count == 0);
    require_details(entry.details);
    require_utf8(entry.owner_reference);
    if (entry.charges) require(!entry.charges->is_negative());
    return sdk::Status::ok();
  }

  sdk::Status detail(const sdk::EntryDetail& /*unused*/) override { std::abort(); }
  sdk::Status customer(const sdk::ImportedCustomer& /*unused*/) override { std::abort(); }
  sdk::Status open_item(const sdk::ImportedOpenItem& /*unused*/) override { std::abort(); }

  void warning(std::int64_t line, std::string_view code, std::string_view message) override {
    require(started_);
    require(line >= 0 && line <= lines_ + 1);
    require(!code.empty());
    for (char c : code) require((c >= 'a' && c <= 'z') || c == '_');
    require(!message.empty());
    require_utf8(message);
  }

 private:
  std::int64_t lines_;
  std::int64_t last_line_ = 0;
  bool started_ = false;
};

std::vector<ParserOptions> configurations() {
  std::vector<ParserOptions> all;
  all.push_back(ParserOptions{});

  ParserOptions atruvia;
  atruvia.preset = "atruvia";
  atruvia.encoding = Encoding::windows1252;
  atruvia.account = "DE89370400440532013000";
  all.push_back(atruvia);

  ParserOptions targobank;
  targobank.preset = "targobank";
  targobank.date_format = DateFormat::dmy4;
  all.push_back(targobank);

  ParserOptions by_name;
  by_name.mapping = {{Field::booking_date, {.name = "Datum", .number = 0}},
                     {Field::amount, {.name = "Betrag", .number = 0}},
                     {Field::direction, {.name = "S/H", .number = 0}},
                     {Field::balance, {.name = "Saldo", .number = 0}},
                     {Field::remittance, {.name = "Text", .number = 0}},
                     {Field::free_text, {.name = "Info", .number = 0}}};
  by_name.decimal = '.';
  by_name.skip_lines = 1;
  all.push_back(by_name);

  ParserOptions by_number;
  by_number.mapping = {{Field::value_date, {.name = "", .number = 1}},
                       {Field::debit, {.name = "", .number = 2}},
                       {Field::credit, {.name = "", .number = 3}},
                       {Field::status, {.name = "", .number = 4}},
                       {Field::currency, {.name = "", .number = 5}}};
  by_number.encoding = Encoding::utf8;
  by_number.delimiter = ',';
  all.push_back(by_number);
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<ParserOptions> kConfigurations = configurations();
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::int64_t lines = 1;
  for (char c : input) lines += c == '\n' || c == '\r' ? 1 : 0;

  for (const ParserOptions& options : kConfigurations) {
    const int confidence = probe_bank_csv(std::span(data, size), options);
    require(confidence >= 0 && confidence <= 100);

    BankCsvStatement statement;
    const sdk::Status read = parse_bank_csv("fuzz.csv", input, options, statement);
    if (!read) {
      require(read.code() == sdk::Code::kFailed && !read.message().empty());
      require_utf8(read.message());
      const std::size_t colon = read.message().find(":0: ");
      require(colon != std::string::npos && colon > 0);
      for (std::size_t i = 0; i < colon; ++i) {
        require(read.message()[i] >= '0' && read.message()[i] <= '9');
      }
      require(statement.entries.empty());
      continue;
    }
    CheckingSink sink(lines);
    require(emit(statement, sink).is_ok());
  }
  return 0;
}
