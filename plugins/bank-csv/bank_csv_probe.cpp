#include "bank_csv_probe.hpp"

#include <string_view>

#include "layout.hpp"
#include "text_encoding.hpp"

namespace kontor::plugins::bank_csv {
namespace {

// XML, an MT940 tag or SWIFT block, JSON: formats other plugins read.
bool other_format(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return true;
  const char c = text[start];
  if (c == '<' || c == '{' || c == '[') return true;
  if (c == ':' && start + 3 < text.size()) {
    const std::string_view tag = text.substr(start, 5);
    return tag.size() >= 4 && tag[1] >= '0' && tag[1] <= '9' && tag[2] >= '0' && tag[2] <= '9';
  }
  return false;
}

}  // namespace

int probe_bank_csv(std::span<const std::uint8_t> prefix, const ParserOptions& options) {
  std::string_view bytes(reinterpret_cast<const char*>(prefix.data()), prefix.size());
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (other_format(bytes)) return 0;
  // The prefix may end inside a character or a line: only whole lines are looked at.
  const std::size_t last_line_end = bytes.find_last_of('\n');
  if (last_line_end != std::string_view::npos && last_line_end + 1 < bytes.size()) {
    bytes = bytes.substr(0, last_line_end + 1);
  }
  Encoding encoding = options.encoding;
  auto decoded = decode_text(bytes, encoding);
  if (!decoded) return 0;
  const std::string& text = decoded->text;
  std::size_t start = 0;
  for (std::int64_t n = 0; n < options.skip_lines && start < text.size(); ++n) {
    const std::size_t end = text.find('\n', start);
    start = end == std::string::npos ? text.size() : end + 1;
  }
  auto layout =
      detect_layout(std::string_view(text).substr(start), options.skip_lines + 1, options);
  if (!layout) return 0;
  if (layout->header_line > 0) return kHeaderMatch;
  return layout->dialect == "custom" ? kUncheckedMapping : kShapeMatch;
}

}  // namespace kontor::plugins::bank_csv
