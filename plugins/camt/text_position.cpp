#include "text_position.hpp"

#include <cstring>

namespace kontor::plugins::camt {
namespace {

// The last line break in [data, data + size), or null.
const char* last_break(const char* data, std::size_t size) {
  const auto* lf = static_cast<const char*>(memrchr(data, '\n', size));
  const auto* cr = static_cast<const char*>(memrchr(data, '\r', size));
  if (lf == nullptr) return cr;
  if (cr == nullptr) return lf;
  return lf > cr ? lf : cr;
}

std::int64_t count_of(const char* data, std::size_t size, char c) {
  std::int64_t n = 0;
  const char* end = data + size;
  for (const char* p = data; (p = static_cast<const char*>(std::memchr(p, c, end - p)));) {
    ++n;
    if (++p == end) break;
  }
  return n;
}

}  // namespace

void TextPosition::advance(const char* data, std::size_t size) {
  if (size == 0) return;
  const char* end = data + size;
  // Every CR and every LF ends a line, except the LF of a CRLF pair.
  std::int64_t crlf = (after_cr_ && data[0] == '\n') ? 1 : 0;
  const std::int64_t crs = count_of(data, size, '\r');
  if (crs > 0) {
    const char* p = data;
    while ((p = static_cast<const char*>(std::memchr(p, '\r', end - p))) != nullptr) {
      if (++p == end) break;
      if (*p == '\n') ++crlf;
    }
  }
  line_ += crs + count_of(data, size, '\n') - crlf;
  const char* line_break = last_break(data, size);
  const char* from = data;
  if (line_break != nullptr) {
    column_ = 1;
    from = line_break + 1;
  }
  for (const char* p = from; p < end; ++p) {
    if (!utf8_ || (static_cast<unsigned char>(*p) & 0xC0) != 0x80) ++column_;
  }
  after_cr_ = end[-1] == '\r';
}

}  // namespace kontor::plugins::camt
