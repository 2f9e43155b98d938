#include "kontor/model/notation.hpp"

#include <string>

namespace kontor {

Status check(const Notation& notation) {
  const char decimal = notation.decimal_separator;
  if (decimal != '.' && decimal != ',') {
    return Error{std::string("decimal separator must be '.' or ',', not '") + decimal + "'"};
  }
  if (notation.grouping_separator) {
    const char grouping = *notation.grouping_separator;
    if (grouping == decimal) {
      return Error{std::string("grouping separator '") + grouping +
                   "' cannot also be the decimal separator"};
    }
    if (grouping != '.' && grouping != ',' && grouping != ' ' && grouping != '\'') {
      return Error{std::string("grouping separator must be '.', ',', ' ' or '\\'', not '") +
                   grouping + "'"};
    }
  }
  return {};
}

}  // namespace kontor
