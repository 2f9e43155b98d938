// The columns of DATEV's Debitoren/Kreditoren master data (category 16, format version 5, 254
// columns; reference §9).
#pragma once

#include <span>

#include "extf_record.hpp"

namespace kontor::plugins::datev {

inline constexpr int kDebtorFormatVersion = 5;
inline constexpr int kDebtorColumnCount = 254;

// In DATEV's order, headings spelled as in DATEV's version 5 sample file.
std::span<const ExtfColumn> debtor_columns();

// The columns the writer fills, by their number in DATEV's field table.
namespace debtor_column {
inline constexpr int kKonto = 1;
inline constexpr int kNameUnternehmen = 2;
inline constexpr int kNameNatuerlichePerson = 4;
inline constexpr int kVornameNatuerlichePerson = 5;
inline constexpr int kNameKeineAngabe = 6;
inline constexpr int kAdressattyp = 7;
inline constexpr int kKurzbezeichnung = 8;
inline constexpr int kEuLand = 9;
inline constexpr int kEuUstId = 10;
inline constexpr int kStrasse = 16;
inline constexpr int kPostleitzahl = 18;
inline constexpr int kOrt = 19;
inline constexpr int kLand = 20;
inline constexpr int kEmail = 33;
inline constexpr int kKundenNummer = 99;
inline constexpr int kSprache = 101;

// Bank accounts 1–5 start at 41, 6–10 at 165; each block has 11 fields.
int bank_block_start(int bank);                    // bank 1–10
inline constexpr int kBankLaenderkennzeichen = 3;  // offsets into a block
inline constexpr int kBankIban = 4;
inline constexpr int kBankSwift = 6;
inline constexpr int kBankHauptbank = 8;
}  // namespace debtor_column

}  // namespace kontor::plugins::datev
