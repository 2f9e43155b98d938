// Conversions between the ABI's C structs and the SDK's C++ values, used on both sides of the
// boundary (the plugin's SDK and the host).
//
// to_c(): a C struct whose views point into the C++ value — it must outlive the C struct.
// from_c(): a C++ value copied out of a C struct sent by the other side. It fails when the
// struct is too small to be one of ours or carries values that cannot be (a currency that is no
// ISO 4217 code, 30 February): a parser reports what is real but odd as a warning, never as an
// impossible value.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "kontor/plugin_abi.h"
#include "kontor/result.hpp"
#include "kontor/sdk/values.hpp"

namespace kontor::sdk {

kontor_money to_c(const Money& money);
kontor_date to_c(const Date& date);
kontor_date to_c(const std::optional<Date>& date);
kontor_decimal to_c(const std::optional<Decimal>& decimal);
Result<Money> from_c(const kontor_money& money);
Result<std::optional<Date>> from_c(const kontor_date& date);
Result<std::optional<Decimal>> from_c(const kontor_decimal& decimal);

kontor_document_info to_c(const DocumentInfo& document);
Result<DocumentInfo> from_c(const kontor_document_info& document);

kontor_statement to_c(const StatementInfo& statement);
Result<StatementInfo> from_c(const kontor_statement& statement);
kontor_payment_details to_c(const PaymentDetails& details);
PaymentDetails from_c(const kontor_payment_details& details);
kontor_entry to_c(const StatementEntry& entry);
Result<StatementEntry> from_c(const kontor_entry& entry);
kontor_entry_detail to_c(const EntryDetail& detail);
Result<EntryDetail> from_c(const kontor_entry_detail& detail);

// A customer's IBAN views live in `storage` until the call returns.
kontor_customer to_c(const ImportedCustomer& customer, std::vector<kontor_str>& storage);
Result<ImportedCustomer> from_c(const kontor_customer& customer);
kontor_open_item to_c(const ImportedOpenItem& item);
Result<ImportedOpenItem> from_c(const kontor_open_item& item);
kontor_tax_line to_c(const ImportedTaxLine& line, const std::string& item_number);
Result<ImportedTaxLine> from_c(const kontor_tax_line& line);

// Holds the C structs a notice needs (parties, attachments) while it crosses.
struct CNoticeMessage {
  kontor_party recipient{}, sender{};
  std::vector<kontor_attachment> attachments;
  kontor_notice_message message{};
};
void to_c(const NoticeMessage& notice, CNoticeMessage& out);
Result<NoticeMessage> from_c(const kontor_notice_message& notice);

// A customer as master data (an exporter's debtor): its IBAN views live in `storage`.
kontor_customer to_c(const Customer& customer, std::vector<kontor_str>& storage);
// Fails on what a Customer cannot hold: an IBAN that is none, an unknown kind or delivery.
Result<Customer> customer_from_c(const kontor_customer& customer);

// Holds the C structs of an export batch (bookings and their lines, debtors and their
// customers) while it crosses.
struct CExportBatch {
  std::deque<std::vector<kontor_booking_line>> lines;
  std::vector<kontor_booking> bookings;
  std::deque<std::vector<kontor_str>> ibans;
  std::deque<kontor_customer> customers;
  std::vector<kontor_export_debtor> debtors;
  kontor_export_batch batch{};
};
void to_c(const ExportBatch& batch, CExportBatch& out);
Result<ExportBatch> from_c(const kontor_export_batch& batch);

}  // namespace kontor::sdk
