// Fuzz target: the open-items parser's core (plugins/open-items) on arbitrary bytes, read as CSV
// and as JSON Lines under configurations that exercise every notation, encoding and date format.
//
// Beyond "no crash, no leak, no hang" it checks what every accepted file must satisfy, so that
// libFuzzer also finds wrong answers: all text valid UTF-8, signs as the model wants them, tax
// lines that add up, every item's customer emitted before it, lines inside the file, and a
// refused file refused with a reason. Work is linear in the input: each configuration reads
// each byte a bounded number of times.
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "open_items_file.hpp"
#include "open_items_probe.hpp"
#include "text_encoding.hpp"

namespace {

using namespace kontor;
using namespace kontor::plugins::open_items;

void require(bool condition) {
  if (!condition) std::abort();
}

void require_utf8(const std::string& text) {
  require(invalid_utf8_at(text) == std::string::npos);
}

// Checks what reaches the engine, in the order it arrives.
class CheckingSink final : public sdk::ParseSink {
 public:
  explicit CheckingSink(std::int64_t lines) : lines_(lines) {}

  sdk::Status statement(const sdk::StatementInfo& /*unused*/) override { std::abort(); }
  sdk::Status entry(const sdk::StatementEntry& /*unused*/) override { std::abort(); }
  sdk::Status detail(const sdk::EntryDetail& /*unused*/) override { std::abort(); }

  sdk::Status customer(const sdk::ImportedCustomer& customer) override {
    require(!customer.number.empty() && !customer.name.empty());
    require(customers_.insert(customer.number).second);
    for (const std::string* text : {&customer.number, &customer.name, &customer.address.street,
                                    &customer.address.city, &customer.email, &customer.vat_id}) {
      require_utf8(*text);
    }
    for (const std::string& iban : customer.ibans) require_utf8(iban);
    require_line(customer.line);
    return sdk::Status::ok();
  }

  sdk::Status open_item(const sdk::ImportedOpenItem& item) override {
    require(!item.number.empty() && customers_.count(item.customer_number) == 1);
    require(items_.insert(item.number).second);
    require_utf8(item.number);
    require_utf8(item.rf_reference);
    require_utf8(item.refers_to);
    require(item.due_date.has_value());
    const bool owed_to_customer =
        item.type == OpenItemType::credit_note || item.type == OpenItemType::cancellation;
    require(owed_to_customer ? !item.gross.is_positive() : !item.gross.is_negative());
    if (item.type == OpenItemType::cancellation) require(!item.refers_to.empty());
    if (!item.tax_lines.empty()) {
      Money total = Money::zero(item.gross.currency());
      std::set<std::string> rates;
      for (const sdk::ImportedTaxLine& line : item.tax_lines) {
        require(line.net.plus(line.tax).ok() && *line.net.plus(line.tax) == line.gross);
        require(!line.rate.is_negative());
        require(rates.insert(line.rate.to_string()).second);
        require_line(line.line);
        Result<Money> sum = total.plus(line.gross);
        require(sum.ok());
        total = *sum;
      }
      require(total == item.gross);
    }
    require_line(item.line);
    return sdk::Status::ok();
  }

  void warning(std::int64_t line, std::string_view code, std::string_view message) override {
    require_line(line);
    require(!code.empty());
    require(!message.empty());
    require_utf8(std::string(message));
  }

 private:
  void require_line(std::int64_t line) const { require(line >= 1 && line <= lines_); }

  std::int64_t lines_;
  std::set<std::string> customers_, items_;
};

ParserOptions configuration(InputFormat format, char delimiter, Notation notation,
                            TextEncoding encoding, DateFormat dates) {
  ParserOptions options;
  options.format = format;
  options.delimiter = delimiter;
  options.notation = notation;
  options.encoding = encoding;
  options.date_format = dates;
  return options;
}

std::vector<ParserOptions> configurations() {
  std::vector<ParserOptions> all;
  all.push_back(ParserOptions{});  // auto, ';', point, UTF-8, ISO dates
  all.push_back(configuration(InputFormat::csv, ';', Notation::german(), TextEncoding::windows1252,
                              DateFormat::german));
  all.push_back(configuration(InputFormat::csv, ',', Notation{'.', '\''}, TextEncoding::utf8,
                              DateFormat::iso));
  all.push_back(configuration(InputFormat::json_lines, '\t', Notation{',', ' '}, TextEncoding::utf8,
                              DateFormat::german));
  ParserOptions renamed = configuration(InputFormat::automatic, '\t', Notation::comma(),
                                        TextEncoding::windows1252, DateFormat::iso);
  renamed.columns = *ColumnNames::with_renames(
      {{"invoice_no", "Belegnummer"}, {"amount", "Betrag"}, {"customer_no", "Debitor"}});
  all.push_back(renamed);
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<ParserOptions> kConfigurations = configurations();
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::int64_t lines = 1;
  for (char c : input) lines += c == '\n' ? 1 : 0;

  for (const ParserOptions& options : kConfigurations) {
    const int confidence = probe_open_items(std::span(data, size), options);
    require(confidence >= 0 && confidence <= 100);

    OpenItemsFile file;
    const sdk::Status read = parse_open_items("fuzz.csv", input, options, file);
    if (!read) {
      require(read.code() == sdk::Code::kFailed && !read.message().empty());
      require_utf8(read.message());
      require(file.items.empty() && file.customers.empty());
      continue;
    }
    CheckingSink sink(lines);
    require(emit(file, sink).is_ok());
  }
  return 0;
}
