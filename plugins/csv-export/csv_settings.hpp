// The configuration of a `csv-export` instance: the folder the files go to and how a spreadsheet
// on the other side wants them (delimiter, line end, byte order mark). Read once when the
// instance is made; problems are refused then, all at once, so that an export never fails on
// configuration.
#pragma once

#include <filesystem>
#include <vector>

#include "booking_csv.hpp"
#include "kontor/result.hpp"
#include "kontor/sdk/config.hpp"
#include "kontor/sdk/config_schema.hpp"

namespace kontor::plugins::csv_export {

struct CsvSettings {
  std::filesystem::path path;  // absolute: the folder a spreadsheet user or a sync takes files from
  CsvFormat format;
};

std::vector<sdk::ConfigField> csv_config_schema();

// The settings, or one error listing every problem (each naming its key).
Result<CsvSettings> read_csv_settings(const sdk::Config& config);

}  // namespace kontor::plugins::csv_export
