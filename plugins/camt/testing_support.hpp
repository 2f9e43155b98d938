// For the camt plugin's tests: a document read from memory in small pieces, a sink that keeps
// what it is given, and camt documents built around a few entries.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "kontor/sdk/roles.hpp"

namespace kontor::plugins::camt::testing {

// A document held in memory, read `piece` bytes at a time like a stream from a source.
class StringReader final : public sdk::DocumentReader {
 public:
  explicit StringReader(std::string content, std::size_t piece = 7, bool size_known = true)
      : content_(std::move(content)), piece_(piece), size_known_(size_known) {}
  const std::string& name() const override { return name_; }
  std::int64_t size() const override {
    return size_known_ ? static_cast<std::int64_t>(content_.size()) : -1;
  }
  Result<std::size_t> read(std::span<std::uint8_t> buffer) override {
    const std::size_t n = std::min({buffer.size(), content_.size() - offset_, piece_});
    std::copy_n(content_.data() + offset_, n, buffer.data());
    offset_ += n;
    return n;
  }

 private:
  std::string name_ = "statement.xml";
  std::string content_;
  std::size_t piece_;
  bool size_known_;
  std::size_t offset_ = 0;
};

struct Warning {
  std::int64_t line;
  std::string code, message;
};

struct RecordingSink : sdk::ParseSink {
  std::vector<sdk::StatementInfo> statements;
  std::vector<sdk::StatementEntry> entries;
  std::vector<sdk::EntryDetail> details;
  std::vector<Warning> warnings;
  std::vector<std::string> order;  // "statement", "entry", "detail", "warning CODE"

  sdk::Status statement(const sdk::StatementInfo& s) override {
    statements.push_back(s);
    order.push_back("statement");
    return sdk::Status::ok();
  }
  sdk::Status entry(const sdk::StatementEntry& e) override {
    entries.push_back(e);
    order.push_back("entry");
    return sdk::Status::ok();
  }
  sdk::Status detail(const sdk::EntryDetail& d) override {
    details.push_back(d);
    order.push_back("detail");
    return sdk::Status::ok();
  }
  sdk::Status customer(const sdk::ImportedCustomer&) override {
    return sdk::Status::internal("a camt file has no customers");
  }
  sdk::Status open_item(const sdk::ImportedOpenItem&) override {
    return sdk::Status::internal("a camt file has no open items");
  }
  void warning(std::int64_t line, std::string_view code, std::string_view message) override {
    warnings.push_back({line, std::string(code), std::string(message)});
    order.push_back("warning " + std::string(code));
  }
  std::vector<std::string> warning_codes() const {
    std::vector<std::string> codes;
    for (const Warning& w : warnings) codes.push_back(w.code);
    return codes;
  }
};

// A camt.053.001.02 document: one statement of DE account with the given balances and entries
// (each a whole <Ntry> element).
inline std::string statement_053(const std::string& balances, const std::string& entries,
                                 const std::string& version = "camt.053.001.02") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:" +
         version +
         "\">\n"
         "<BkToCstmrStmt>\n"
         "<GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-03-02T06:00:00+01:00</CreDtTm></GrpHdr>\n"
         "<Stmt>\n"
         "<Id>STMT-1</Id><ElctrncSeqNb>42</ElctrncSeqNb><LglSeqNb>7</LglSeqNb>\n"
         "<CreDtTm>2026-03-02T06:00:00+01:00</CreDtTm>\n"
         "<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy>"
         "<Svcr><FinInstnId><BIC>COBADEFFXXX</BIC></FinInstnId></Svcr></Acct>\n" +
         balances + entries +
         "</Stmt>\n"
         "</BkToCstmrStmt>\n"
         "</Document>\n";
}

inline std::string balance(const std::string& type, const std::string& amount,
                           const std::string& date, const std::string& indicator = "CRDT") {
  return "<Bal><Tp><CdOrPrtry><Cd>" + type + "</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">" + amount +
         "</Amt><CdtDbtInd>" + indicator + "</CdtDbtInd><Dt><Dt>" + date + "</Dt></Dt></Bal>\n";
}

// A booked entry on 2026-03-02 with `inner` (TxDtls, NtryRef ...) after its dates.
inline std::string entry(const std::string& amount, const std::string& indicator,
                         const std::string& inner = "", const std::string& status = "BOOK") {
  return "<Ntry><Amt Ccy=\"EUR\">" + amount + "</Amt><CdtDbtInd>" + indicator +
         "</CdtDbtInd><Sts>" + status +
         "</Sts><BookgDt><Dt>2026-03-02</Dt></BookgDt><ValDt><Dt>2026-03-02</Dt></ValDt>" + inner +
         "</Ntry>\n";
}

}  // namespace kontor::plugins::camt::testing
