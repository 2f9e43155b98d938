// Fuzz target: the camt parser's core (plugins/camt) on arbitrary bytes, streamed through reads
// of 1, 7 and 4096 bytes, and its probe.
//
// Beyond "no crash, no leak, no hang" it checks what every reading must satisfy, so that
// libFuzzer also finds wrong answers: the same result whatever the read size (the streaming
// tokenizer must not depend on where a read ends); statements before their entries and each
// entry's announced details right after it, numbered from 1; all text valid UTF-8 on one line
// (clean_text's form); warning codes in [a-z_] with a message; lines inside the input; and a
// refusal that is kFailed with a message saying why. Work is linear in the input.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "camt_probe.hpp"
#include "camt_reader.hpp"
#include "clean_text.hpp"

namespace {

using namespace kontor;
using namespace kontor::plugins::camt;

void require(bool condition) {
  if (!condition) std::abort();
}

void require_clean(const std::string& text) {
  require(clean_text(text).text == text);
}

void require_clean(const sdk::PaymentDetails& d) {
  for (const std::string* text :
       {&d.end_to_end_id, &d.mandate_id, &d.creditor_id, &d.bank_reference, &d.counterparty_name,
        &d.counterparty_account, &d.counterparty_bic, &d.ultimate_debtor, &d.ultimate_creditor,
        &d.remittance, &d.creditor_reference, &d.return_reason, &d.bank_transaction_code}) {
    require_clean(*text);
  }
}

class Reader final : public sdk::DocumentReader {
 public:
  Reader(std::string_view content, std::size_t piece) : content_(content), piece_(piece) {}
  const std::string& name() const override { return name_; }
  std::int64_t size() const override { return static_cast<std::int64_t>(content_.size()); }
  Result<std::size_t> read(std::span<std::uint8_t> buffer) override {
    const std::size_t n = std::min({buffer.size(), content_.size() - offset_, piece_});
    for (std::size_t k = 0; k < n; ++k)
      buffer[k] = static_cast<std::uint8_t>(content_[offset_ + k]);
    offset_ += n;
    return n;
  }

 private:
  std::string name_ = "fuzz.xml";
  std::string_view content_;
  std::size_t piece_;
  std::size_t offset_ = 0;
};

// Checks what reaches the engine and writes it down, to compare readings.
class CheckingSink final : public sdk::ParseSink {
 public:
  explicit CheckingSink(std::int64_t lines) : lines_(lines) {}

  sdk::Status statement(const sdk::StatementInfo& s) override {
    require(details_due_ == 0);
    require(!s.account.empty());
    for (const std::string* text : {&s.account, &s.account_number, &s.account_bic, &s.currency,
                                    &s.id, &s.sequence, &s.created, &s.dialect}) {
      require_clean(*text);
    }
    require(s.dialect.starts_with("camt.05"));
    require_line(s.line);
    statements_ = true;
    log_ += "S" + s.account + "|" + s.id + "|" + s.currency + "|" + balance(s.opening) + "|" +
            balance(s.closing) + "\n";
    return sdk::Status::ok();
  }
  sdk::Status entry(const sdk::StatementEntry& e) override {
    require(statements_ && details_due_ == 0);
    require_clean(e.owner_reference);
    require_clean(e.additional_info);
    require_clean(e.details);
    require_line(e.line);
    details_due_ = e.detail_count;
    next_position_ = 1;
    log_ += "E" + e.amount.to_string() + "|" + e.booking_date.to_iso() + "|" +
            std::to_string(e.detail_count) + "|" + e.details.remittance + "\n";
    return sdk::Status::ok();
  }
  sdk::Status detail(const sdk::EntryDetail& d) override {
    require(details_due_ > 0 && d.position == next_position_);
    --details_due_;
    ++next_position_;
    require_clean(d.details);
    require_line(d.line);
    log_ += "D" + d.amount.to_string() + "|" + d.details.counterparty_name + "\n";
    return sdk::Status::ok();
  }
  sdk::Status customer(const sdk::ImportedCustomer&) override { std::abort(); }
  sdk::Status open_item(const sdk::ImportedOpenItem&) override { std::abort(); }
  void warning(std::int64_t line, std::string_view code, std::string_view message) override {
    require(!code.empty() && !message.empty());
    for (char c : code) require((c >= 'a' && c <= 'z') || c == '_');
    require(clean_text(message).text == message);
    require_line(line);
    log_ += "W" + std::to_string(line) + std::string(code) + "\n";
  }

  void finished() const { require(details_due_ == 0); }
  const std::string& log() const { return log_; }

 private:
  static std::string balance(const std::optional<StatementBalance>& b) {
    return b ? b->amount.to_string() + "@" + b->date.to_iso() : "-";
  }
  void require_line(std::int64_t line) const { require(line >= 0 && line <= lines_); }

  std::int64_t lines_;
  bool statements_ = false;
  std::uint32_t details_due_ = 0;
  std::uint32_t next_position_ = 1;
  std::string log_;
};

std::string reading(std::string_view input, std::size_t piece, std::int64_t lines) {
  Reader reader(input, piece);
  CheckingSink sink(lines);
  CamtCounts counts;
  const sdk::Status status = read_camt(reader, CamtOptions{}, sink, counts);
  if (!status) {
    require(status.code() == sdk::Code::kFailed && !status.message().empty());
    require(clean_text(status.message()).text == status.message());
    return sink.log() + "F" + status.message();
  }
  sink.finished();
  return sink.log();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const int confidence = probe_camt(std::span(data, size));
  require(confidence >= 0 && confidence <= 100);

  // Lines as the parser counts them: LF, CRLF or a lone CR.
  std::int64_t lines = 1;
  for (std::size_t k = 0; k < size; ++k) {
    if (input[k] == '\n' || (input[k] == '\r' && (k + 1 == size || input[k + 1] != '\n'))) ++lines;
  }
  const std::string whole = reading(input, 4096, lines);
  require(reading(input, 1, lines) == whole);
  require(reading(input, 7, lines) == whole);
  return 0;
}
