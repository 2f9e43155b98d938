// The codes of the warnings the camt parser reports: stable, [a-z_], documented in README.md.
// A warning says what a bank wrote that is off and what the parser made of it; the statement is
// read all the same.
#pragma once

#include <string_view>

namespace kontor::plugins::camt::warning {

// Opening balance plus booked entries is not the closing balance.
inline constexpr std::string_view kBalanceMismatch = "balance_mismatch";
// TxsSummry's count or sum of entries, credits, debits or net amount differs from the entries'.
inline constexpr std::string_view kSummaryMismatch = "summary_mismatch";
// A batch entry's TxDtls do not add up to the entry's amount.
inline constexpr std::string_view kDetailSumMismatch = "detail_sum_mismatch";
// A batch's NbOfTxs differs from the number of TxDtls given (the rest may come in a camt.054).
inline constexpr std::string_view kDetailCountMismatch = "detail_count_mismatch";
// A TxDtls of a batch without an amount of its own: read as 0.
inline constexpr std::string_view kMissingDetailAmount = "missing_detail_amount";
// An amount in another currency than its account or entry (balance, entry, detail, charges).
inline constexpr std::string_view kCurrencyMismatch = "currency_mismatch";
// More decimals than the currency has, not all zero: rounded half up to the minor unit.
inline constexpr std::string_view kAmountRounded = "amount_rounded";
// A day past the month's end (30 February): the month's last day; or no date at all: ignored.
inline constexpr std::string_view kInvalidDate = "invalid_date";
// An entry without booking date: its value date (else the statement's date) is taken.
inline constexpr std::string_view kMissingEntryDate = "missing_entry_date";
// A balance without date: the statement's period or creation date is taken.
inline constexpr std::string_view kMissingBalanceDate = "missing_balance_date";
// A balance whose amount or direction cannot be read: left out (or read as a credit).
inline constexpr std::string_view kInvalidBalance = "invalid_balance";
// An entry without Sts: read as BOOK.
inline constexpr std::string_view kMissingStatus = "missing_status";
// An Sts that is not BOOK, PDNG, INFO or FUTR: read as INFO, never posted.
inline constexpr std::string_view kUnknownStatus = "unknown_status";
// Control characters (not allowed in XML): read as blanks, dropped from text.
inline constexpr std::string_view kControlCharacter = "control_character";
// Bytes that are not UTF-8 in a UTF-8 document: replaced by U+FFFD.
inline constexpr std::string_view kInvalidEncoding = "invalid_encoding";
// Control bytes (an end-of-file SUB, NULs) after the document's end: ignored.
inline constexpr std::string_view kTrailingData = "trailing_data";
// A statement's header element (Bal, Acct ...) after its entries: ignored.
inline constexpr std::string_view kMisplacedElement = "misplaced_element";

}  // namespace kontor::plugins::camt::warning
