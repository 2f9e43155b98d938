#include "extf_file_name.hpp"

#include <fmt/format.h>

namespace kontor::plugins::datev {
namespace {

constexpr std::size_t kMaxBatchLength = 64;

bool kept(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

bool is_continuation_byte(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

std::string with_batch(std::string_view stem, std::string_view batch) {
  std::string part = file_name_part(batch);
  if (part.empty()) return fmt::format("{}.csv", stem);
  return fmt::format("{}_{}.csv", stem, part);
}

}  // namespace

std::string file_name_part(std::string_view batch) {
  std::string part;
  for (char c : batch) {
    auto byte = static_cast<unsigned char>(c);
    if (is_continuation_byte(byte)) continue;  // the rest of a character already replaced
    if (part.size() == kMaxBatchLength) break;
    part += kept(byte) ? c : '_';
  }
  return part;
}

std::string booking_file_name(const Date& period_from, std::string_view batch) {
  return with_batch(
      fmt::format("EXTF_Buchungsstapel_{:04}{:02}", period_from.year(), period_from.month()),
      batch);
}

std::string debtor_file_name(std::string_view batch) {
  return with_batch("EXTF_DebKred_Stamm", batch);
}

}  // namespace kontor::plugins::datev
