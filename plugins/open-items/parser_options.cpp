#include "parser_options.hpp"

#include <string>

namespace kontor::plugins::open_items {
namespace {

Error invalid(const std::string& key, const std::string& value, const std::string& expected) {
  return Error{key + ": '" + value + "' is not " + expected};
}

}  // namespace

std::vector<sdk::ConfigField> option_schema() {
  using sdk::ConfigField;
  return {
      ConfigField::text("format", "auto (JSON Lines if the file starts with '{'), csv or jsonl")
          .choices({"auto", "csv", "jsonl"})
          .defaults("auto"),
      ConfigField::text("delimiter", "CSV field delimiter: ';', ',', '|' or tab")
          .choices({";", ",", "|", "tab"})
          .defaults(";"),
      ConfigField::text("decimal", "Decimal separator of amounts and rates: point or comma")
          .choices({"point", "comma"})
          .defaults("point"),
      ConfigField::text("grouping",
                        "Thousands separator of amounts: none, point, comma, space or apostrophe")
          .choices({"none", "point", "comma", "space", "apostrophe"})
          .defaults("none"),
      ConfigField::text("encoding",
                        "utf-8 (a byte order mark is skipped) or windows-1252 (converted)")
          .choices({"utf-8", "windows-1252"})
          .defaults("utf-8"),
      ConfigField::text("date_format", "iso (YYYY-MM-DD) or german (DD.MM.YYYY)")
          .choices({"iso", "german"})
          .defaults("iso"),
      ConfigField::text("currency", "ISO 4217 currency of rows without a currency column")
          .defaults("EUR"),
      ConfigField::map("columns",
                       "Header texts of this ERP: field name -> header text, e.g. "
                       "{invoice_no: Belegnummer, amount: Betrag}"),
      ConfigField::integer("max_file_size", "Largest file read, in bytes; larger ones are refused")
          .range(1, std::int64_t{1} << 40)
          .defaults(std::to_string(kDefaultMaxFileSize)),
  };
}

Result<ParserOptions> options_from(const sdk::Config& config) {
  ParserOptions options;

  const std::string& format = config.text("format");
  if (format == "auto") {
    options.format = InputFormat::automatic;
  } else if (format == "csv") {
    options.format = InputFormat::csv;
  } else if (format == "jsonl") {
    options.format = InputFormat::json_lines;
  } else {
    return invalid("format", format, "auto, csv or jsonl");
  }

  const std::string& delimiter = config.text("delimiter");
  if (delimiter == "tab") {
    options.delimiter = '\t';
  } else if (delimiter == ";" || delimiter == "," || delimiter == "|") {
    options.delimiter = delimiter[0];
  } else {
    return invalid("delimiter", delimiter, "';', ',', '|' or tab");
  }

  const std::string& decimal = config.text("decimal");
  if (decimal == "point") {
    options.notation.decimal_separator = '.';
  } else if (decimal == "comma") {
    options.notation.decimal_separator = ',';
  } else {
    return invalid("decimal", decimal, "point or comma");
  }

  const std::string& grouping = config.text("grouping");
  if (grouping == "none") {
    options.notation.grouping_separator.reset();
  } else if (grouping == "point") {
    options.notation.grouping_separator = '.';
  } else if (grouping == "comma") {
    options.notation.grouping_separator = ',';
  } else if (grouping == "space") {
    options.notation.grouping_separator = ' ';
  } else if (grouping == "apostrophe") {
    options.notation.grouping_separator = '\'';
  } else {
    return invalid("grouping", grouping, "none, point, comma, space or apostrophe");
  }
  if (Status valid = check(options.notation); !valid) {
    return Error{"decimal and grouping: " + valid.error().message};
  }

  const std::string& encoding = config.text("encoding");
  if (encoding == "utf-8") {
    options.encoding = TextEncoding::utf8;
  } else if (encoding == "windows-1252") {
    options.encoding = TextEncoding::windows1252;
  } else {
    return invalid("encoding", encoding, "utf-8 or windows-1252");
  }

  const std::string& date_format = config.text("date_format");
  if (date_format == "iso") {
    options.date_format = DateFormat::iso;
  } else if (date_format == "german") {
    options.date_format = DateFormat::german;
  } else {
    return invalid("date_format", date_format, "iso or german");
  }

  auto currency = Currency::from_code(config.text("currency"));
  if (!currency) return Error{"currency: " + currency.error().message};
  options.currency = *currency;

  auto columns = ColumnNames::with_renames(config.map("columns"));
  if (!columns) return columns.error();
  options.columns = std::move(columns).value();

  const std::int64_t max_file_size = config.integer("max_file_size");
  if (max_file_size < 1) {
    return invalid("max_file_size", std::to_string(max_file_size), "a positive number of bytes");
  }
  options.max_file_size = static_cast<std::uint64_t>(max_file_size);
  return options;
}

}  // namespace kontor::plugins::open_items
