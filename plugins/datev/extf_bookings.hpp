// A DATEV Buchungsstapel (category 21): the records of a batch of bookings and the whole file —
// header, column headings, one record per booking (reference §1, §3, §5, §7, §8).
//
// Each booking is one DATEV record: an amount moved between Konto and Gegenkonto, S/H saying on
// which side of Konto it stands. The export engine decides accounts, tax keys and texts (its
// booking rules); this writer only makes sure DATEV reads exactly that, or says why it cannot:
// - Umsatz "1234,56": positive, never 0,00, two decimals, in the header's currency (foreign
//   currency needs Kurs and Basis-Umsatz, which Kontor does not export);
// - Konto and Gegenkonto: digits, Sachkonto ≤ SKL digits, Personenkonto SKL+1, not equal;
// - BU-Schlüssel: 1–4 digits; on an automatic account only 40 (§5: anything else is refused as
//   "Ungültiger BU-Schlüssel" or taxes twice — an error here, never silently dropped, because
//   dropping a key the booking rules chose would change the tax);
// - Belegdatum "TTMM" inside the header's Datum vom/bis (DATEV takes the year from the header);
// - Belegfeld 1 ≤ 36 and Belegfeld 2 ≤ 12 of A–Z a–z 0–9 $ & % * + - / (rejected otherwise:
//   Belegfeld 1 is the key that clears open items);
// - Buchungstext ≤ 60, cut beyond (DATEV cuts it too) and reported as a change;
// - Sachverhalt and Fälligkeit only on a record with a Personenkonto (DATEV discards open-item
//   fields elsewhere);
// - Festschreibung: the header's value in field 114 of every record, never empty (§7);
// - exactly the format version's column count in every record; at most 99 999 records.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>

#include "extf_header.hpp"
#include "extf_written.hpp"
#include "kontor/model/booking.hpp"
#include "kontor/model/date.hpp"
#include "kontor/model/money.hpp"

namespace kontor::plugins::datev {

inline constexpr std::int64_t kMaxBookingsPerFile = 99'999;

// Sachverhalt (field 18): marks dunning interest and fees, on which no further interest is charged.
inline constexpr std::string_view kFactsDunningInterest = "31";
inline constexpr std::string_view kFactsDunningFee = "40";
// BU-Schlüssel 40, "Aufhebung der Automatik": the one key allowed on an automatic account.
inline constexpr std::string_view kTaxKeySuspendAutomatic = "40";

struct ExtfBooking {
  Money amount;  // Umsatz: positive, gross where DATEV computes the tax (automatic account, BU key)
  BookingSide side = BookingSide::debit;  // Soll/Haben of `account`: debit "S", credit "H"
  std::string account;                    // Konto
  std::string contra_account;             // Gegenkonto
  std::string tax_key;                    // BU-Schlüssel; empty on automatic accounts
  Date document_date;                     // Belegdatum
  std::string document_number;            // Belegfeld 1: the invoice number open items match on
  std::string document_number_2;          // Belegfeld 2
  std::string text;                       // Buchungstext
  std::optional<Date> due_date;           // Fälligkeit (field 117), open items only
  bool general_reversal = false;          // Generalumkehr (field 118): this record reverses one
  std::string
      facts_code;  // Sachverhalt (field 18): empty, kFactsDunningInterest or kFactsDunningFee
};

// Accounts that carry their tax in DATEV (SKR03 8400, 8300 …; SKR04 4400, 4300 …), as the
// client's chart has them. Compared as written: "8400".
using AutomaticAccounts = std::set<std::string, std::less<>>;

// The record of `booking` as the `record`-th of the batch `header` describes (Windows-1252, no
// line end), or every reason it cannot be written, each naming `record`.
ExtfWritten booking_record(const ExtfBooking& booking, std::int64_t record,
                           const BookingBatchHeader& header,
                           const AutomaticAccounts& automatic_accounts);

// The whole file: header, column headings of the header's format version, one record per
// booking (record n is bookings[n-1]), CR LF after every line including the last. Either all of
// it, or every error found in header and records and no text. An empty batch is an error too:
// DATEV would have nothing to import, and a batch without bookings is a mistake upstream.
ExtfWritten write_booking_file(const BookingBatchHeader& header,
                               std::span<const ExtfBooking> bookings,
                               const AutomaticAccounts& automatic_accounts);

}  // namespace kontor::plugins::datev
