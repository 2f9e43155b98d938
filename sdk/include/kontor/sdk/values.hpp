// The values that cross the plugin boundary, in C++: what a source lists, what a parser reads
// out of a bank or ERP file, what a channel delivers and what an exporter books.
//
// Parsers report what the file SAYS (raw IBAN text, raw references): the engines apply the
// business rules and report what is wrong with it. Amounts and dates are already exact values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kontor/model/bank_statement.hpp"
#include "kontor/model/bank_transaction.hpp"
#include "kontor/model/booking.hpp"
#include "kontor/model/customer.hpp"
#include "kontor/model/date.hpp"
#include "kontor/model/decimal.hpp"
#include "kontor/model/money.hpp"
#include "kontor/model/open_item.hpp"
#include "kontor/model/postal_address.hpp"
#include "kontor/plugin_abi.h"

namespace kontor::sdk {

// --- Sources -----------------------------------------------------------------------------
struct DocumentInfo {
  std::string id;    // how the source fetches and acknowledges it
  std::string name;  // file name
  std::int64_t size = -1;
  std::int64_t modified_utc_us = 0;
};

enum class AckOutcome { kCommitted = KONTOR_ACK_COMMITTED, kRejected = KONTOR_ACK_REJECTED };

// --- Bank statements ---------------------------------------------------------------------
struct StatementInfo {
  StatementKind kind = StatementKind::statement;
  std::string account;
  std::string account_number;
  std::string account_bic;
  std::string currency;
  std::string id;
  std::string sequence;
  std::string created;
  std::string dialect;  // "camt.053.001.02", "mt942", a bank-csv preset name
  std::optional<StatementBalance> opening;
  std::optional<StatementBalance> closing;
  std::int64_t line = 0;
};

struct PaymentDetails {
  std::string end_to_end_id;
  std::string mandate_id;
  std::string creditor_id;
  std::string bank_reference;
  std::string counterparty_name;
  std::string counterparty_account;
  std::string counterparty_bic;
  std::string ultimate_debtor;
  std::string ultimate_creditor;
  std::string remittance;
  std::string creditor_reference;
  std::string return_reason;
  std::string bank_transaction_code;
  bool operator==(const PaymentDetails&) const = default;
};

struct StatementEntry {
  Date booking_date;
  std::optional<Date> value_date;
  Money amount;  // signed: positive = credit
  EntryStatus status = EntryStatus::booked;
  bool reversal = false;
  std::optional<Money> charges;
  std::string owner_reference;  // camt NtryRef, MT940 :61: before "//"
  std::uint32_t detail_count = 0;
  PaymentDetails details;
  std::string additional_info;
  std::int64_t line = 0;
};

struct EntryDetail {
  std::uint32_t position = 0;  // 1.. within its entry
  Money amount;
  PaymentDetails details;
  std::int64_t line = 0;
};

// --- ERP exports ---------------------------------------------------------------------------
struct ImportedCustomer {
  std::string number;
  std::string name;
  PostalAddress address;
  std::string email;
  std::string language;
  std::vector<std::string> ibans;  // as written; the engine checks them
  std::optional<CustomerKind> kind;
  std::optional<Delivery> delivery;
  std::string vat_id;
  std::string dunning_block_reason;
  std::optional<Date> dunning_block_until;
  std::int64_t line = 0;
  bool operator==(const ImportedCustomer&) const = default;
};

struct ImportedTaxLine {
  Decimal rate;  // percent
  Money net, tax, gross;
  std::int64_t line = 0;
  bool operator==(const ImportedTaxLine&) const = default;
};

struct ImportedOpenItem {
  std::string number;
  std::string customer_number;
  OpenItemType type = OpenItemType::invoice;
  std::optional<Date> issue_date;
  std::optional<Date> due_date;
  bool due_date_agreed = false;
  bool dunning_notice_on_invoice = false;
  Money gross;
  std::string rf_reference;  // as written
  std::optional<Decimal> skonto_percent;
  std::optional<Date> skonto_until;
  std::string refers_to;
  std::string debtor_account;
  std::string document_path;
  std::string dunning_block_reason;
  std::optional<Date> dunning_block_until;
  std::vector<ImportedTaxLine> tax_lines;
  std::int64_t line = 0;
  bool operator==(const ImportedOpenItem&) const = default;
};

// --- Notices -------------------------------------------------------------------------------
struct Party {
  std::string name;
  PostalAddress address;
  std::string email;
};

struct Attachment {
  std::string name;
  std::string media_type;
  std::string content;  // bytes
};

struct NoticeMessage {
  std::string notice_number;
  std::string kind;  // reminder, statement, invoice
  Party recipient;
  Party sender;
  std::string language;
  std::string subject;
  std::string text;
  std::string html;
  std::string pdf;  // bytes; empty when the channel gets none
  std::vector<Attachment> attachments;
  std::string idempotency_key;
};

// --- Exports -------------------------------------------------------------------------------
// A debtor the batch's bookings name, for the bookkeeping's master data (DATEV Debitoren).
struct ExportDebtor {
  std::string account;  // the debtor's Personenkonto, as the bookings' lines[0].account
  Customer customer;

  bool operator==(const ExportDebtor&) const = default;
};

// What an exporter stages: balanced bookings (lines[0] the debtor line, booking.hpp) and the
// customers behind their debtor accounts. Several customers may share an account (a collective
// debtor) and an account may be a general-ledger one; `debtors` is empty when the host has none
// to give (a host before ABI 1.1), and an exporter then writes no master data.
struct ExportBatch {
  std::string batch_id;
  std::optional<Date> period_from, period_to;
  std::vector<Booking> bookings;
  std::vector<ExportDebtor> debtors;
};

}  // namespace kontor::sdk
