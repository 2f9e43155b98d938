#include "message_text.hpp"

#include "text_encoding.hpp"

namespace kontor::plugins::mt940 {

std::string quoted(std::string_view text) {
  std::string out = "'";
  while (!text.empty()) {
    const std::size_t bad = invalid_utf8_at(text);
    out += text.substr(0, bad);
    if (bad == std::string_view::npos) break;
    out += "\xEF\xBF\xBD";
    text.remove_prefix(bad + 1);
  }
  return out + "'";
}

std::string_view character_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return {};
  std::size_t end = at + 1;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80 &&
         end - at < 4) {
    ++end;
  }
  return text.substr(at, end - at);
}

}  // namespace kontor::plugins::mt940
