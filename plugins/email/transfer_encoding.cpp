#include "transfer_encoding.hpp"

#include <cstdint>

namespace kontor::plugins::email {
namespace {

constexpr std::string_view kHex = "0123456789ABCDEF";
constexpr std::string_view kBase64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
// A soft break adds "=", so a line carries at most 75 characters before it.
constexpr std::size_t kQuotedLine = 75;
constexpr std::size_t kBase64Line = 76;

std::string escaped(unsigned char byte) {
  return {'=', kHex[byte >> 4], kHex[byte & 0x0F]};
}

// One line of `text` (without its break) as quoted-printable, soft-broken.
void encode_line(std::string_view line, std::string& out) {
  std::size_t column = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto byte = static_cast<unsigned char>(line[i]);
    const bool last = i + 1 == line.size();
    const bool blank = byte == ' ' || byte == '\t';
    // A trailing blank would be stripped by transports; a leading "." is what SMTP's
    // end-of-data looks like to a careless relay.
    const bool literal =
        (byte >= 33 && byte <= 126 && byte != '=' && !(byte == '.' && column == 0)) ||
        (blank && !last);
    const std::string token = literal ? std::string(1, static_cast<char>(byte)) : escaped(byte);
    if (column + token.size() > kQuotedLine) {
      out += "=\r\n";
      column = 0;
      if (byte == '.') {
        out += escaped(byte);
        column = 3;
        continue;
      }
    }
    out += token;
    column += token.size();
  }
}

}  // namespace

std::string quoted_printable(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) {
      encode_line(text.substr(start), out);
      break;
    }
    encode_line(text.substr(start, end - start), out);
    out += "\r\n";
    start = end + ((text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1);
  }
  return out;
}

std::string base64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(bytes[k]); };
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t n = (at(i) << 16) | (at(i + 1) << 8) | at(i + 2);
    out += kBase64[(n >> 18) & 63];
    out += kBase64[(n >> 12) & 63];
    out += kBase64[(n >> 6) & 63];
    out += kBase64[n & 63];
  }
  if (i + 1 == bytes.size()) {
    const std::uint32_t n = at(i) << 16;
    out += kBase64[(n >> 18) & 63];
    out += kBase64[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == bytes.size()) {
    const std::uint32_t n = (at(i) << 16) | (at(i + 1) << 8);
    out += kBase64[(n >> 18) & 63];
    out += kBase64[(n >> 12) & 63];
    out += kBase64[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

std::string base64_lines(std::string_view bytes) {
  const std::string encoded = base64(bytes);
  std::string out;
  out.reserve(encoded.size() + encoded.size() / kBase64Line * 2 + 2);
  for (std::size_t i = 0; i < encoded.size(); i += kBase64Line) {
    out += std::string_view(encoded).substr(i, kBase64Line);
    out += "\r\n";
  }
  return out;
}

}  // namespace kontor::plugins::email
