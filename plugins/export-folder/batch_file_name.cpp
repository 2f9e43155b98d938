#include "batch_file_name.hpp"

#include <algorithm>

#include "kontor/model/sha256.hpp"

namespace kontor::plugins {
namespace {

constexpr std::size_t kMaxFilePart = 64;
constexpr std::size_t kHashDigits = 16;

bool kept(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

bool is_continuation_byte(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

}  // namespace

std::string file_name_part(std::string_view batch_id) {
  std::string part;
  for (char c : batch_id) {
    auto byte = static_cast<unsigned char>(c);
    if (is_continuation_byte(byte)) continue;  // the rest of a character already replaced
    if (part.size() == kMaxFilePart) break;
    part += kept(byte) ? c : '_';
  }
  return part;
}

std::string batch_file_part(std::string_view batch_id) {
  if (!batch_id.empty() && batch_id.size() <= kMaxFilePart &&
      std::all_of(batch_id.begin(), batch_id.end(),
                  [](char c) { return kept(static_cast<unsigned char>(c)); })) {
    return std::string(batch_id);
  }
  std::string part = file_name_part(batch_id);
  part.resize(std::min(part.size(), kMaxFilePart - kHashDigits - 1));
  return part + "-" + Sha256::hex_of(batch_id).substr(0, kHashDigits);
}

}  // namespace kontor::plugins
