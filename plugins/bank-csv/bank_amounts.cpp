#include "bank_amounts.hpp"

#include <string>

#include "text_values.hpp"

namespace kontor::plugins::bank_csv {

Notation notation_for(char decimal) {
  return decimal == '.' ? Notation{'.', ','} : Notation::german();
}

Result<AmountReading> read_amount(std::string_view text, Currency currency,
                                  const Notation& notation) {
  const std::string_view written = trimmed(text);
  if (written.empty()) return Error{"no amount"};
  std::string number(written);
  bool negative_after = false;
  bool sign_written = written.front() == '-' || written.front() == '+';
  if (number.size() > 1 && (number.back() == '-' || number.back() == '+')) {
    if (sign_written) return Error{"amount '" + for_message(written) + "' has two signs"};
    negative_after = number.back() == '-';
    number.pop_back();
    sign_written = true;
  }
  auto money = Money::parse(number, currency, notation);
  if (!money) {
    return Error{"amount '" + for_message(written) +
                 "': " + for_message(money.error().message, 300)};
  }
  AmountReading reading{.amount = *money, .sign_written = sign_written};
  if (negative_after) {
    auto negated = money->negated();
    if (!negated) {
      return Error{"amount '" + for_message(written) +
                   "': " + for_message(negated.error().message)};
    }
    reading.amount = *negated;
  }
  return reading;
}

}  // namespace kontor::plugins::bank_csv
