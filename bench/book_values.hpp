// Values the generated books are made of: euros, business days, German IBANs with valid check
// digits. Shared by the statements and export benchmarks' generators.
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <string>

#include "bench_random.hpp"
#include "kontor/model/date.hpp"
#include "kontor/model/money.hpp"

namespace kontor::bench {

inline Money eur(std::int64_t cents) {
  return Money(cents, Currency::eur());
}

inline Date plus_days(const Date& day, std::int64_t days) {
  return day.add_days(days).value();
}

// A weekend day's transfer is booked on the Monday after.
inline Date business_day(Date day) {
  while (day.is_weekend()) day = plus_days(day, 1);
  return day;
}

// A German IBAN with valid check digits (ISO 13616: the BBAN, "DE" as 1314, "00", mod 97).
inline std::string german_iban(Random& random) {
  const std::string bban = fmt::format("{:08}{:010}", 10'000'000 + random.below(89'999'999),
                                       random.below(10'000'000'000));
  int remainder = 0;
  for (const char digit : bban + "131400") remainder = (remainder * 10 + (digit - '0')) % 97;
  return fmt::format("DE{:02}{}", 98 - remainder, bban);
}

}  // namespace kontor::bench
