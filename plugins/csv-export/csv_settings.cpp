#include "csv_settings.hpp"

#include <string>

namespace kontor::plugins::csv_export {

std::vector<sdk::ConfigField> csv_config_schema() {
  using sdk::ConfigField;
  return {
      ConfigField::text("path",
                        "Absolute folder the CSV files are published to, the one a spreadsheet "
                        "user, an import or a sync takes them from")
          .required(),
      ConfigField::text("delimiter",
                        "Between cells: ; (German spreadsheets' default) or , (write it quoted "
                        "in YAML: \",\")")
          .choices({";", ","})
          .defaults(";"),
      ConfigField::text("line_end", "After every row: crlf (RFC 4180, Excel) or lf")
          .choices({"crlf", "lf"})
          .defaults("crlf"),
      ConfigField::flag("bom",
                        "Start the file with a UTF-8 byte order mark, so that Excel opened by "
                        "double click reads umlauts right")
          .defaults("false"),
  };
}

Result<CsvSettings> read_csv_settings(const sdk::Config& config) {
  std::vector<std::string> problems;
  CsvSettings settings;

  settings.path = config.text("path");
  // kontord runs as a service; a relative folder would depend on its working directory.
  if (!settings.path.is_absolute()) {
    problems.push_back("path '" + settings.path.string() + "' is not an absolute path");
  }

  const std::string& delimiter = config.text("delimiter");
  if (delimiter == ";" || delimiter == ",") {
    settings.format.delimiter = delimiter.front();
  } else {
    problems.push_back("delimiter '" + delimiter + "' is neither ; nor ,");
  }

  const std::string& line_end = config.text("line_end");
  if (line_end == "crlf") {
    settings.format.line_end = "\r\n";
  } else if (line_end == "lf") {
    settings.format.line_end = "\n";
  } else {
    problems.push_back("line_end '" + line_end + "' is neither crlf nor lf");
  }
  settings.format.byte_order_mark = config.flag("bom");

  if (!problems.empty()) {
    std::string message = "csv-export configuration: ";
    for (std::size_t i = 0; i < problems.size(); ++i) {
      message += (i == 0 ? "" : "; ") + problems[i];
    }
    return Error{message};
  }
  return settings;
}

}  // namespace kontor::plugins::csv_export
