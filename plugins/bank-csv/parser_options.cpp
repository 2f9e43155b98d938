#include "parser_options.hpp"

#include "presets.hpp"
#include "text_values.hpp"

namespace kontor::plugins::bank_csv {
namespace {

Error invalid(const std::string& key, const std::string& value, const std::string& expected) {
  return Error{key + ": '" + for_message(value) + "' is not " + expected};
}

std::vector<std::string> preset_choices() {
  std::vector<std::string> choices = {"auto"};
  for (const Preset& preset : presets()) choices.emplace_back(preset.name);
  return choices;
}

Result<std::vector<std::pair<Field, ColumnRef>>> mapping_from(
    const std::map<std::string, std::string>& entries) {
  std::vector<std::pair<Field, ColumnRef>> mapping;
  for (const auto& [key, value] : entries) {
    const std::optional<Field> field = field_named(key);
    if (!field) {
      std::string names;
      for (Field f : all_fields()) names += (names.empty() ? "" : ", ") + std::string(name_of(f));
      return Error{"mapping: '" + for_message(key) + "' is not a field (" + names + ")"};
    }
    const std::string_view column = trimmed(value);
    if (column.empty()) return Error{"mapping: " + key + " names no column"};
    ColumnRef ref;
    if (all_digits(column)) {
      if (column.size() > 4 || std::stoi(std::string(column)) == 0) {
        return invalid("mapping: " + key, value, "a column number from 1 to 9999");
      }
      ref.number = static_cast<std::size_t>(std::stoi(std::string(column)));
    } else {
      ref.name.assign(column);
    }
    mapping.emplace_back(*field, std::move(ref));
  }
  return mapping;
}

}  // namespace

std::vector<sdk::ConfigField> option_schema() {
  using sdk::ConfigField;
  return {
      ConfigField::text("preset",
                        "Layout: auto (recognised from the header row or the rows' shape) or a "
                        "preset name")
          .choices(preset_choices())
          .defaults("auto"),
      ConfigField::map("mapping",
                       "Columns of a layout of its own, or overriding the preset's: field -> "
                       "header text or 1-based column number, e.g. {booking_date: Datum, "
                       "amount: Betrag}"),
      ConfigField::text("delimiter", "Field delimiter: auto (the preset's), ';', ',', '|' or tab")
          .choices({"auto", ";", ",", "|", "tab"})
          .defaults("auto"),
      ConfigField::text("decimal",
                        "Decimal separator: auto (the preset's; a mapping's: comma), comma "
                        "(grouping '.') or point (grouping ',')")
          .choices({"auto", "comma", "point"})
          .defaults("auto"),
      ConfigField::text("date_format",
                        "auto (DD.MM.YYYY, DD.MM.YY and YYYY-MM-DD by their shape), DD.MM.YYYY, "
                        "DD.MM.YY or ISO")
          .choices({"auto", "DD.MM.YYYY", "DD.MM.YY", "ISO"})
          .defaults("auto"),
      ConfigField::text("encoding",
                        "auto (UTF-8 when the file is valid UTF-8, else Windows-1252), utf-8 or "
                        "windows-1252; a UTF-8 byte order mark is skipped")
          .choices({"auto", "utf-8", "windows-1252"})
          .defaults("auto"),
      ConfigField::text("account", "IBAN of the account, for files that do not name it"),
      ConfigField::text("currency", "ISO 4217 currency of files without a currency column")
          .defaults("EUR"),
      ConfigField::integer("skip_lines", "Lines skipped at the start before anything is read")
          .range(0, 10000)
          .defaults("0"),
      ConfigField::integer("max_file_size", "Largest file read, in bytes; larger ones are refused")
          .range(1, std::int64_t{1} << 40)
          .defaults(std::to_string(kDefaultMaxFileSize)),
  };
}

Result<ParserOptions> options_from(const sdk::Config& config) {
  ParserOptions options;
  options.preset = config.text("preset");
  if (options.preset != "auto" && preset_named(options.preset) == nullptr) {
    return invalid("preset", options.preset, "a preset");
  }

  auto mapping = mapping_from(config.map("mapping"));
  if (!mapping) return mapping.error();
  options.mapping = std::move(mapping).value();

  const std::string& delimiter = config.text("delimiter");
  if (delimiter == "tab") {
    options.delimiter = '\t';
  } else if (delimiter == ";" || delimiter == "," || delimiter == "|") {
    options.delimiter = delimiter[0];
  } else if (delimiter != "auto") {
    return invalid("delimiter", delimiter, "auto, ';', ',', '|' or tab");
  }

  const std::string& decimal = config.text("decimal");
  if (decimal == "comma") {
    options.decimal = ',';
  } else if (decimal == "point") {
    options.decimal = '.';
  } else if (decimal != "auto") {
    return invalid("decimal", decimal, "auto, comma or point");
  }

  const std::string& date_format = config.text("date_format");
  if (date_format == "auto") {
    options.date_format = DateFormat::automatic;
  } else if (date_format == "DD.MM.YYYY") {
    options.date_format = DateFormat::dmy4;
  } else if (date_format == "DD.MM.YY") {
    options.date_format = DateFormat::dmy2;
  } else if (date_format == "ISO") {
    options.date_format = DateFormat::iso;
  } else {
    return invalid("date_format", date_format, "auto, DD.MM.YYYY, DD.MM.YY or ISO");
  }

  const std::string& encoding = config.text("encoding");
  if (encoding == "auto") {
    options.encoding = Encoding::automatic;
  } else if (encoding == "utf-8") {
    options.encoding = Encoding::utf8;
  } else if (encoding == "windows-1252") {
    options.encoding = Encoding::windows1252;
  } else {
    return invalid("encoding", encoding, "auto, utf-8 or windows-1252");
  }

  if (const auto account = config.optional_text("account")) options.account = *account;
  auto currency = Currency::from_code(config.text("currency"));
  if (!currency) return Error{"currency: " + for_message(currency.error().message)};
  options.currency = *currency;

  options.skip_lines = config.integer("skip_lines");
  if (options.skip_lines < 0) {
    return invalid("skip_lines", std::to_string(options.skip_lines), "0 or more");
  }
  const std::int64_t max_file_size = config.integer("max_file_size");
  if (max_file_size < 1) {
    return invalid("max_file_size", std::to_string(max_file_size), "a positive number of bytes");
  }
  options.max_file_size = static_cast<std::uint64_t>(max_file_size);
  return options;
}

}  // namespace kontor::plugins::bank_csv
