#include "parser_options.hpp"

#include <string>

namespace kontor::plugins::mt940 {

std::vector<sdk::ConfigField> option_schema() {
  using sdk::ConfigField;
  return {
      ConfigField::text("encoding",
                        "auto (UTF-8 when the file is valid UTF-8, else Windows-1252), utf-8, "
                        "windows-1252, iso-8859-1, cp850 or cp852")
          .choices({"auto", "utf-8", "windows-1252", "iso-8859-1", "cp850", "cp852"})
          .defaults("auto"),
      ConfigField::text("currency",
                        "ISO 4217 currency of entries in statements that name none before them")
          .defaults("EUR"),
      ConfigField::integer("max_file_size", "Largest file read, in bytes; larger ones are refused")
          .range(1, std::int64_t{1} << 40)
          .defaults(std::to_string(kDefaultMaxFileSize)),
  };
}

Result<ParserOptions> options_from(const sdk::Config& config) {
  ParserOptions options;
  const std::string& encoding = config.text("encoding");
  bool known = false;
  for (TextEncoding candidate :
       {TextEncoding::automatic, TextEncoding::utf8, TextEncoding::windows1252,
        TextEncoding::iso8859_1, TextEncoding::cp850, TextEncoding::cp852}) {
    if (encoding == encoding_name(candidate)) {
      options.encoding = candidate;
      known = true;
    }
  }
  if (!known) {
    return Error{"encoding: '" + encoding +
                 "' is not auto, utf-8, windows-1252, iso-8859-1, cp850 or cp852"};
  }
  auto currency = Currency::from_code(config.text("currency"));
  if (!currency) return Error{"currency: " + currency.error().message};
  options.currency = *currency;
  const std::int64_t max_file_size = config.integer("max_file_size");
  if (max_file_size < 1) {
    return Error{"max_file_size: '" + std::to_string(max_file_size) +
                 "' is not a positive number of bytes"};
  }
  options.max_file_size = static_cast<std::uint64_t>(max_file_size);
  return options;
}

}  // namespace kontor::plugins::mt940
