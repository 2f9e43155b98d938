// Fuzz target: the mt940 parser's core (plugins/mt940) on arbitrary bytes, under configurations
// that exercise every way of decoding (auto, strict UTF-8, DOS code page, ISO-8859-1 with a
// fallback currency without decimals).
//
// Beyond "no crash, no leak, no hang" it checks what the engine relies on: all text valid UTF-8,
// every entry after a statement, lines inside the file, warnings with a code of [a-z_] and a
// message, booking dates near their value dates, a refused file refused with a reason that is
// UTF-8, and a probe between 0 and 100. Work is linear in the input.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "mt940_file.hpp"
#include "mt940_probe.hpp"
#include "text_encoding.hpp"

namespace {

using namespace kontor;
using namespace kontor::plugins::mt940;

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
  }
}

class CheckingSink final : public sdk::ParseSink {
 public:
  explicit CheckingSink(std::int64_t lines) : lines_(lines) {}

  sdk::Status statement(const sdk::StatementInfo& s) override {
    ++statements_;
    for (const std::string* text : {&s.account, &s.account_number, &s.account_bic, &s.currency,
                                    &s.id, &s.sequence, &s.created, &s.dialect}) {
      require_utf8(*text);
    }
    require(s.dialect == "mt940" || s.dialect == "mt942");
    require((s.dialect == "mt942") == (s.kind == StatementKind::intraday));
    require_line(s.line);
    return sdk::Status::ok();
  }
  sdk::Status entry(const sdk::StatementEntry& e) override {
    require(statements_ > 0);
    require_details(e.details);
    require_utf8(e.owner_reference);
    require_utf8(e.additional_info);
    require(e.value_date.has_value());
    const std::int64_t apart = days_between(*e.value_date, e.booking_date);
    require(apart > -366 && apart < 366);
    require(e.detail_count == 0);
    require_line(e.line);
    return sdk::Status::ok();
  }
  sdk::Status detail(const sdk::EntryDetail& /*unused*/) override { std::abort(); }
  sdk::Status customer(const sdk::ImportedCustomer& /*unused*/) override { std::abort(); }
  sdk::Status open_item(const sdk::ImportedOpenItem& /*unused*/) override { std::abort(); }
  void warning(std::int64_t line, std::string_view code, std::string_view message) override {
    require(statements_ > 0);
    require_line(line);
    require(!code.empty());
    for (char c : code) require((c >= 'a' && c <= 'z') || c == '_');
    require(!message.empty());
    require_utf8(message);
  }

  std::int64_t statements() const { return statements_; }

 private:
  void require_line(std::int64_t line) const { require(line >= 1 && line <= lines_); }

  std::int64_t lines_;
  std::int64_t statements_ = 0;
};

std::vector<ParserOptions> configurations() {
  std::vector<ParserOptions> all(4);
  all[1].encoding = TextEncoding::utf8;
  all[2].encoding = TextEncoding::cp850;
  all[3].encoding = TextEncoding::iso8859_1;
  all[3].currency = *Currency::from_code("JPY");
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<ParserOptions> kConfigurations = configurations();
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // Lines as the parser counts them: CR LF, CR and LF each end one.
  std::int64_t lines = 1;
  for (std::size_t i = 0; i < size; ++i) {
    if (input[i] == '\n' || (input[i] == '\r' && (i + 1 >= size || input[i + 1] != '\n'))) {
      ++lines;
    }
  }

  const int confidence = probe_mt940(std::span(data, size));
  require(confidence >= 0 && confidence <= 100);

  for (const ParserOptions& options : kConfigurations) {
    CheckingSink sink(lines);
    ParseFigures figures;
    const sdk::Status parsed = parse_mt940(std::string(input), options, sink, {}, &figures);
    if (!parsed) {
      require(parsed.code() == sdk::Code::kFailed && !parsed.message().empty());
      require_utf8(parsed.message());
      continue;
    }
    require(sink.statements() > 0);
    require(figures.statements == sink.statements());
  }
  return 0;
}
