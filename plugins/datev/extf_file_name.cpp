#include "extf_file_name.hpp"

#include <fmt/format.h>

namespace kontor::plugins::datev {
namespace {

std::string with_batch(std::string_view stem, std::string_view batch) {
  std::string part = file_name_part(batch);
  if (part.empty()) return fmt::format("{}.csv", stem);
  return fmt::format("{}_{}.csv", stem, part);
}

}  // namespace

std::string booking_file_name(const Date& period_from, std::string_view batch) {
  return with_batch(
      fmt::format("EXTF_Buchungsstapel_{:04}{:02}", period_from.year(), period_from.month()),
      batch);
}

std::string debtor_file_name(std::string_view batch) {
  return with_batch("EXTF_DebKred_Stamm", batch);
}

}  // namespace kontor::plugins::datev
