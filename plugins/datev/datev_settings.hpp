// The configuration of a `datev` exporter instance: where the files go, whose DATEV client they
// are for, and how that client is set up (reference §2, §5, §7). Read once when the instance is
// made; anything DATEV would refuse is refused then, all problems at once, so that an export
// never fails on configuration.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "booking_periods.hpp"
#include "extf_bookings.hpp"
#include "extf_header.hpp"
#include "kontor/result.hpp"
#include "kontor/sdk/config.hpp"
#include "kontor/sdk/config_schema.hpp"

namespace kontor::plugins::datev {

struct DatevSettings {
  std::filesystem::path path;  // absolute: the folder DATEV's import or a sync takes files from
  std::int64_t advisor_number = 0;
  std::int64_t client_number = 0;
  FiscalYearStart fiscal_year_start;
  int account_length = 4;
  std::string chart = "03";  // header field 27, two digits
  BookingFormat format = BookingFormat::v13;
  bool locked = false;
  std::string label_prefix = "Kontor";  // Bezeichnung: "<prefix> MM/YYYY"
  AutomaticAccounts automatic_accounts;
  bool write_debtors = true;  // a Debitoren/Kreditoren file with each batch that has debtors
};

std::vector<sdk::ConfigField> datev_config_schema();

// The settings, or one error listing every problem (each naming its key).
Result<DatevSettings> read_datev_settings(const sdk::Config& config);

// "Kontor 01/2024": the Bezeichnung of the file of the period starting `from`.
std::string batch_label(const DatevSettings& settings, const Date& from);

}  // namespace kontor::plugins::datev
