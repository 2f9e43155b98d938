// The columns of DATEV's Buchungsstapel (category 21), format versions 13 and 12 (reference §3).
//
// Version 13 has 125 columns, version 12 the first 124 of them (13 added "Abw. Skontokonto").
// Older installations may need 12 (§11), so the version is the caller's choice.
#pragma once

#include <span>

#include "extf_record.hpp"

namespace kontor::plugins::datev {

enum class BookingFormat { v12 = 12, v13 = 13 };

int format_version(BookingFormat format);
int column_count(BookingFormat format);

// In DATEV's order, headings spelled as in DATEV's sample files.
std::span<const ExtfColumn> booking_columns(BookingFormat format);

// The columns the writer fills, by their number in DATEV's field table.
namespace booking_column {
inline constexpr int kUmsatz = 1;
inline constexpr int kSollHaben = 2;
inline constexpr int kWkzUmsatz = 3;
inline constexpr int kKonto = 7;
inline constexpr int kGegenkonto = 8;
inline constexpr int kBuSchluessel = 9;
inline constexpr int kBelegdatum = 10;
inline constexpr int kBelegfeld1 = 11;
inline constexpr int kBelegfeld2 = 12;
inline constexpr int kBuchungstext = 14;
inline constexpr int kSachverhalt = 18;
inline constexpr int kFestschreibung = 114;
inline constexpr int kFaelligkeit = 117;
inline constexpr int kGeneralumkehr = 118;
}  // namespace booking_column

}  // namespace kontor::plugins::datev
