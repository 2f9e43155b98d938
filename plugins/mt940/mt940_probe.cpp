#include "mt940_probe.hpp"

#include <string>
#include <string_view>

#include "field_reader.hpp"
#include "text_encoding.hpp"

namespace kontor::plugins::mt940 {
namespace {

// Preamble and blank lines a bank may put before the first tag.
constexpr std::int64_t kMaxLinesBeforeFirstTag = 50;
constexpr int kFieldsLookedAt = 8;

}  // namespace

int probe_mt940(std::span<const std::uint8_t> prefix) {
  const std::string_view bytes(reinterpret_cast<const char*>(prefix.data()), prefix.size());
  std::string storage;
  Result<DecodedText> decoded = decode_text(bytes, TextEncoding::automatic, storage);
  if (!decoded) return 0;
  FieldReader reader(decoded->text);
  bool starts_with_reference = false;
  bool first = true;
  int statement_tags = 0;
  for (int fields = 0; fields < kFieldsLookedAt;) {
    const FieldReader::Event event = reader.next();
    if (event == FieldReader::Event::end) break;
    if (event != FieldReader::Event::field) continue;
    const Field& field = reader.field();
    if (first) {
      if (field.line > kMaxLinesBeforeFirstTag || !field.known) return 0;
      starts_with_reference = field.tag == "20";
      first = false;
    } else if (field.known && field.tag != "20") {
      ++statement_tags;
    }
    ++fields;
  }
  if (first) return 0;
  if (starts_with_reference) return statement_tags > 0 ? 95 : 60;
  return statement_tags > 0 ? 40 : 20;
}

}  // namespace kontor::plugins::mt940
