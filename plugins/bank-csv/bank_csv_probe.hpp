// How sure the bank-csv plugin is that it can read a file, from its first bytes:
//   90  a line (after skip_lines and metadata lines) is the header of a preset or holds every
//       column the mapping names;
//   70  no header, but the rows have the shape of a headerless preset (Targobank);
//   30  a mapping by column numbers only: nothing to check but that it is text;
//    0  anything else — XML (camt), MT940/MT942, JSON, text in no layout this instance reads.
#pragma once

#include <cstdint>
#include <span>

#include "parser_options.hpp"

namespace kontor::plugins::bank_csv {

inline constexpr int kHeaderMatch = 90;
inline constexpr int kShapeMatch = 70;
inline constexpr int kUncheckedMapping = 30;

int probe_bank_csv(std::span<const std::uint8_t> prefix, const ParserOptions& options);

}  // namespace kontor::plugins::bank_csv
