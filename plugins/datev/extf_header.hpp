// Line 1 of a DATEV EXTF file: the 31-field header (reference §2), header version 700, for a
// Buchungsstapel (category 21, format version 13 or 12) or Debitoren/Kreditoren (category 16,
// format version 5).
//
// The header says whose data it is (Berater, Mandant), how the client's accounts are numbered
// (Sachkontenlänge, SKR) and, for bookings, which period and fiscal year they belong to. DATEV
// derives every Belegdatum's year from it, so a wrong period books into the wrong year; the
// checks here are those of §2 and §8, and all of them are reported at once.
#pragma once

#include <cstdint>
#include <string>

#include "extf_booking_columns.hpp"
#include "extf_written.hpp"
#include "kontor/model/currency.hpp"
#include "kontor/model/date.hpp"

namespace kontor::plugins::datev {

inline constexpr int kHeaderVersion = 700;
inline constexpr int kHeaderFieldCount = 31;

// "Erzeugt am" (JJJJMMTTHHMMSSFFF). Given by the caller, not read from a clock, so that writing the
// same batch twice gives the same bytes.
struct ExtfTimestamp {
  Date date;
  int hour = 0;         // 0–23
  int minute = 0;       // 0–59
  int second = 0;       // 0–59
  int millisecond = 0;  // 0–999
};

// The DATEV client the data belongs to, as the tax advisor set it up.
struct ExtfClient {
  std::int64_t advisor_number = 0;  // Beraternummer, 1001–9999999
  std::int64_t client_number = 0;   // Mandantennummer, 1–99999
  Date fiscal_year_start;           // WJ-Beginn
  int account_length = 4;           // Sachkontenlänge (SKL), 4–8; must equal the client's
  std::string chart = "03";         // Sachkontenrahmen, two digits: "03" SKR03, "04" SKR04
};

// Buchungstyp (header field 19).
enum class BookingKind { financial_accounting = 1, annual_accounts = 2 };

// Rechnungslegungszweck (header field 20).
enum class AccountingPurpose {
  independent = 0,
  tax_law = 30,
  cost_accounting = 40,
  commercial_law = 50,
  ifrs = 64
};

struct BookingBatchHeader {
  ExtfClient client;
  BookingFormat format = BookingFormat::v13;
  ExtfTimestamp created_at;
  Date period_from;  // Datum vom
  Date period_to;    // Datum bis
  // Bezeichnung: at most 30 letters, digits, '_', blanks, '.', '/' — "Kontor 01/2024".
  std::string label;
  std::string dictation_initials;  // Diktatkürzel: empty or two upper-case letters
  BookingKind kind = BookingKind::financial_accounting;
  AccountingPurpose purpose = AccountingPurpose::independent;
  // Festschreibung. Off by default: a locked batch cannot be corrected by the tax advisor
  // (§7). Written into header field 21 and into field 114 of every record alike.
  bool locked = false;
  Currency currency;          // WKZ: the currency of every booking's Umsatz
  std::string origin = "RE";  // Herkunft: 0–2 of A–Z a–z 0–9 _ (replaced by SV on import)
  std::string exported_by;    // Exportiert von: 0–25 of A–Z a–z 0–9 _
  std::string application_info;  // Anwendungsinformation: at most 16 characters
};

struct DebtorFileHeader {
  ExtfClient client;
  ExtfTimestamp created_at;
  std::string label;  // Bezeichnung, as for bookings; may stay empty
  std::string origin = "RE";
  std::string exported_by;
  std::string application_info;
};

// The header line (Windows-1252, no line end), or every reason it cannot be written (position 0).
ExtfWritten booking_header_line(const BookingBatchHeader& header);
ExtfWritten debtor_header_line(const DebtorFileHeader& header);

// Datum vom ≤ Datum bis, both in one calendar year (DATEV #REW04404), Datum vom ≥ WJ-Beginn
// (#REW00314) and Datum bis ≤ the fiscal year's last day: so a batch never spans 31 December or
// the start of a fiscal year. Errors name header fields 15 and 16.
std::vector<Error> check_period(const Date& from, const Date& to, const Date& fiscal_year_start);

}  // namespace kontor::plugins::datev
