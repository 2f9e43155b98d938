#include "kontor/model/bank_transaction.hpp"

#include <algorithm>
#include <unordered_map>

#include "kontor/model/enum_text.hpp"
#include "kontor/model/identifier_text.hpp"
#include "kontor/model/sha256.hpp"

namespace kontor {
namespace {

constexpr EnumName<EntryStatus> kStatuses[] = {{EntryStatus::booked, "BOOK"},
                                               {EntryStatus::pending, "PDNG"},
                                               {EntryStatus::info, "INFO"},
                                               {EntryStatus::future, "FUTR"}};

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return std::string(text);
}

std::string collapsed_whitespace(std::string_view text) {
  std::string out;
  bool blank = false;
  for (char c : text) {
    if (is_blank(c)) {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += c;
  }
  return out;
}

// Length-prefixed fields, so that no field content can imitate a field boundary.
void append_field(std::string& tuple, std::string_view field) {
  tuple += std::to_string(field.size());
  tuple += ':';
  tuple += field;
  tuple += ';';
}

// Everything of the identity except the occurrence n.
std::string identity_tuple(const BankTransaction& t) {
  std::string end_to_end = trimmed(t.end_to_end_id);
  if (end_to_end == "NOTPROVIDED") end_to_end.clear();
  std::string tuple = "kontor-bank-transaction-v1;";
  append_field(tuple, compact_identifier(t.account, " ").text);
  append_field(tuple, t.booking_date.to_iso());
  append_field(tuple, t.amount.currency().code());
  append_field(tuple, std::to_string(t.amount.minor_units()));
  append_field(tuple, normalised_bank_reference(t.bank_reference));
  append_field(tuple, end_to_end);
  append_field(tuple, compact_identifier(t.counterparty_account, " ").text);
  append_field(tuple, Sha256::hex_of(collapsed_whitespace(t.remittance)));
  append_field(tuple, std::to_string(t.batch_position));
  return tuple;
}

// YYYYMMDD of the booking date, then 56 of the 64 hex digits of the tuple's SHA-256.
std::string key_of(const BankTransaction& t, const std::string& tuple) {
  std::string key = t.booking_date.to_iso();
  key.erase(std::remove(key.begin(), key.end(), '-'), key.end());
  return key + Sha256::hex_of(tuple).substr(0, 56);
}

}  // namespace

std::string_view to_string(EntryStatus status) {
  return enum_to_text(kStatuses, status);
}
Result<EntryStatus> parse_entry_status(std::string_view text) {
  return enum_from_text(kStatuses, "entry status", text);
}

std::string normalised_bank_reference(std::string_view reference) {
  std::string out = trimmed(reference);
  if (out == "NONREF") out.clear();
  return out;
}

std::string identity_key(const BankTransaction& transaction, int occurrence) {
  std::string tuple = identity_tuple(transaction);
  append_field(tuple, std::to_string(occurrence));
  return key_of(transaction, tuple);
}

void assign_identities(std::span<BankTransaction> statement_transactions) {
  std::unordered_map<std::string, int> seen;
  for (BankTransaction& transaction : statement_transactions) {
    std::string tuple = identity_tuple(transaction);
    const int occurrence = ++seen[tuple];
    append_field(tuple, std::to_string(occurrence));
    transaction.identity = key_of(transaction, tuple);
  }
}

}  // namespace kontor
