#include "mt940_file.hpp"

#include <string>

#include "field_reader.hpp"
#include "statement_builder.hpp"
#include "text_encoding.hpp"
#include "warning_codes.hpp"

namespace kontor::plugins::mt940 {
namespace {

constexpr int kEventsBetweenCancelChecks = 4096;

std::string hex_byte(unsigned char c) {
  constexpr char kDigits[] = "0123456789ABCDEF";
  return std::string("0x") + kDigits[c >> 4] + kDigits[c & 0xF];
}

}  // namespace

sdk::Status parse_mt940(std::string bytes, const ParserOptions& options, sdk::ParseSink& sink,
                        const std::function<bool()>& cancelled, ParseFigures* figures) {
  const bool empty = bytes.empty();
  Result<DecodedText> decoded = decode_in_place(bytes, options.encoding);
  if (!decoded) return sdk::Status::failed(decoded.error().message);

  FieldReader reader(decoded->text);
  StatementBuilder builder(sink, options.currency);
  if (decoded->fallback_line != 0) {
    builder.file_warning(decoded->fallback_line, warning::kEncodingAssumed,
                         "byte " + hex_byte(decoded->fallback_byte) + " on line " +
                             std::to_string(decoded->fallback_line) +
                             " is not UTF-8: the file is read as Windows-1252 (the parser's "
                             "encoding setting names the bank's code page)");
  }

  int events = 0;
  while (true) {
    if (++events == kEventsBetweenCancelChecks) {
      events = 0;
      if (cancelled && cancelled()) return sdk::Status::cancelled();
    }
    const FieldReader::Event event = reader.next();
    sdk::Status status;
    if (event == FieldReader::Event::field) {
      status = builder.add(reader.field());
    } else if (event == FieldReader::Event::message_end) {
      status = builder.message_end();
    } else {
      break;
    }
    if (!status) return status;
  }
  if (sdk::Status status = builder.finish(); !status) return status;

  if (figures != nullptr) {
    figures->lines = reader.lines_read();
    figures->statements = builder.statements();
    figures->entries = builder.entries();
  }
  if (builder.statements() == 0) {
    return sdk::Status::failed(
        empty ? "the file is empty"
              : "no MT940/MT942 statement in the file: no line starts with a tag "
                "such as :20:, :25:, :60F: or :61:");
  }
  return sdk::Status::ok();
}

}  // namespace kontor::plugins::mt940
