// Notation: how one source writes amounts and rates — which character separates the decimals
// and which, if any, groups the thousands.
//
// Kontor never guesses a notation from the text ("1.234" is 1234 in Germany and 1.234 in the
// UK). Whoever reads a file knows its notation from its format or its configuration and passes
// it to every parse call.
#pragma once

#include <optional>

#include "kontor/result.hpp"

namespace kontor {

struct Notation {
  char decimal_separator = '.';
  // When set, this character may separate groups of exactly three digits in the integer part
  // ("1.234.567,89"); a group of any other length is an error, which catches a file read with
  // the wrong notation instead of silently scaling its amounts by 1000.
  std::optional<char> grouping_separator;

  // "1234.56"
  static Notation point() { return {'.', std::nullopt}; }
  // "1234,56"
  static Notation comma() { return {',', std::nullopt}; }
  // "1.234,56" as German banks and ERPs print amounts.
  static Notation german() { return {',', '.'}; }

  bool operator==(const Notation&) const = default;
};

// The decimal separator must be '.' or ','; a grouping separator must differ from it and be one
// of '.', ',', ' ', '\'' (the Swiss apostrophe).
Status check(const Notation& notation);

}  // namespace kontor
