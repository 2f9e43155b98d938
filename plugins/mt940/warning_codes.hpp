// The codes of the warnings the mt940 parser reports: stable, [a-z_], documented in README.md.
// A warning says what a bank wrote that is off and what the parser made of it; the statement is
// read all the same.
#pragma once

#include <string_view>

namespace kontor::plugins::mt940::warning {

// Opening balance plus entries is not the closing balance (or they are in other currencies).
inline constexpr std::string_view kBalanceMismatch = "balance_mismatch";
// MT942 :90D:/:90C: count or sum is not what the entries add up to.
inline constexpr std::string_view kSumMismatch = "sum_mismatch";
// A day past the month's end (30 February): read as the month's last day.
inline constexpr std::string_view kInvalidDate = "invalid_date";
// A :61: without entry date (or blanks): the booking date is the value date.
inline constexpr std::string_view kMissingEntryDate = "missing_entry_date";
// A :61: entry date MMDD that lies in the year before or after its value date's.
inline constexpr std::string_view kYearRollover = "year_rollover";
// A tag that is no MT940/MT942 tag: its field is skipped, or read as text inside a :86:.
inline constexpr std::string_view kUnknownTag = "unknown_tag";
// A tag where the message's order does not allow it (no :25: after :20:, a second :25:).
inline constexpr std::string_view kUnexpectedTag = "unexpected_tag";
// Fields without the :20: that starts a statement (a fragment, a second opening balance).
inline constexpr std::string_view kMissingTag = "missing_tag";
// No currency where one belongs: a :61: before any :60a:/:34F:, or a balance without one. The
// statement's currency (else the configured one) is assumed.
inline constexpr std::string_view kMissingCurrency = "missing_currency";
// Amounts without SWIFT's decimal comma: a decimal point (old Rabobank exports) or no separator
// at all ("500" for 500,00 in Knab files). Read all the same.
inline constexpr std::string_view kAmountFormat = "amount_format";
// A :61: without the customer reference SWIFT requires (not even NONREF).
inline constexpr std::string_view kMissingReference = "missing_reference";
// An available balance (:64:, :65:) or a :13D: that cannot be read: ignored.
inline constexpr std::string_view kUnreadableInformation = "unreadable_information";
// A :86: longer than SWIFT's 6 lines of 65 characters: read whole all the same.
inline constexpr std::string_view kFieldTooLong = "field_too_long";
// encoding auto found bytes that are not UTF-8: the file was read as Windows-1252.
inline constexpr std::string_view kEncodingAssumed = "encoding_assumed";

}  // namespace kontor::plugins::mt940::warning
