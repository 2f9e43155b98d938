#include "datev_settings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "automatic_accounts.hpp"

namespace kontor::plugins::datev {
namespace {

// Any year does: the checks concern the client and the label, not the period.
constexpr int kSampleYear = 2024;

std::string lower_case(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// "03", "04", "skr03", "SKR04" → "03", "04"; empty when it is none of them.
std::string chart_digits(const std::string& chart) {
  const std::string text = lower_case(chart);
  if (text == "03" || text == "skr03") return "03";
  if (text == "04" || text == "skr04") return "04";
  return "";
}

}  // namespace

std::vector<sdk::ConfigField> datev_config_schema() {
  using sdk::ConfigField;
  return {
      ConfigField::text("path",
                        "Absolute folder the DATEV files are published to, the one the tax "
                        "advisor's DATEV import or a sync takes them from")
          .required(),
      ConfigField::integer("advisor_number", "Beraternummer of the tax advisor (1001–9999999)")
          .range(1001, 9'999'999)
          .required(),
      ConfigField::integer("client_number", "Mandantennummer of the company (1–99999)")
          .range(1, 99'999)
          .required(),
      ConfigField::text("fiscal_year_start", "First day of the fiscal year (WJ-Beginn), MM-DD")
          .defaults("01-01"),
      ConfigField::integer("account_length",
                           "Sachkontenlänge of the DATEV client: digits of a ledger account "
                           "(a debtor account has one more)")
          .range(4, 8)
          .defaults("4"),
      ConfigField::text("chart", "Chart of accounts of the DATEV client: 03 (SKR03) or 04 (SKR04)")
          .choices({"03", "04", "skr03", "skr04"})
          .required(),
      ConfigField::integer("format_version", "Buchungsstapel format version: 13 or 12")
          .range(12, 13)
          .defaults("13"),
      ConfigField::flag("lock",
                        "Festschreibung: lock the bookings on import, so that the tax advisor "
                        "cannot correct them")
          .defaults("false"),
      ConfigField::text("label",
                        "Bezeichnung of each file before its month (\"Kontor 01/2024\"); at most "
                        "22 letters, digits, blanks and _ . /")
          .defaults("Kontor"),
      ConfigField::list("automatic_accounts",
                        "Accounts on which DATEV computes the VAT itself (AM accounts); default: "
                        "those of SKR03 or SKR04 with Sachkontenlänge 4 (automatic_accounts.cpp)"),
      ConfigField::flag("debtors",
                        "Write the batch's debtors (name, address, e-mail, IBANs of each "
                        "Personenkonto) as a Debitoren/Kreditoren file next to the bookings")
          .defaults("true"),
  };
}

std::string batch_label(const DatevSettings& settings, const Date& from) {
  const std::string period = fmt::format("{:02}/{:04}", from.month(), from.year());
  return settings.label_prefix.empty() ? period : settings.label_prefix + " " + period;
}

Result<DatevSettings> read_datev_settings(const sdk::Config& config) {
  std::vector<std::string> problems;
  DatevSettings settings;

  settings.path = config.text("path");
  // kontord runs as a service; a relative folder would depend on its working directory.
  if (!settings.path.is_absolute()) {
    problems.push_back("path '" + settings.path.string() + "' is not an absolute path");
  }
  settings.advisor_number = config.integer("advisor_number");
  settings.client_number = config.integer("client_number");
  settings.account_length = static_cast<int>(config.integer("account_length"));

  Result<FiscalYearStart> start = parse_fiscal_year_start(config.text("fiscal_year_start"));
  if (start) {
    settings.fiscal_year_start = *start;
  } else {
    problems.push_back("fiscal_year_start " + start.error().message);
  }

  settings.chart = chart_digits(config.text("chart"));
  if (settings.chart.empty()) {
    problems.push_back("chart '" + config.text("chart") + "' is none of 03, 04, skr03, skr04");
  }

  const std::int64_t version = config.integer("format_version");
  if (version == 13) {
    settings.format = BookingFormat::v13;
  } else if (version == 12) {
    settings.format = BookingFormat::v12;
  } else {
    problems.push_back(fmt::format("format_version {} is neither 13 nor 12", version));
  }
  settings.locked = config.flag("lock");
  settings.write_debtors = config.flag("debtors");
  settings.label_prefix = config.text("label");

  // A list key always reaches the plugin, empty when not given: empty means the preset (a DATEV
  // client without automatic accounts does not occur).
  const std::vector<std::string>& accounts = config.list("automatic_accounts");
  if (!accounts.empty()) {
    settings.automatic_accounts = AutomaticAccounts(accounts.begin(), accounts.end());
    for (const std::string& account : accounts) {
      const bool digits =
          !account.empty() &&
          std::all_of(account.begin(), account.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!digits || static_cast<int>(account.size()) > settings.account_length) {
        problems.push_back(
            fmt::format("automatic_accounts: '{}' is not a ledger account of at most {} digits",
                        account, settings.account_length));
      }
    }
  } else if (settings.account_length != 4) {
    // The presets are four-digit numbers; with longer accounts they would match nothing and the
    // check they are for would silently be off.
    problems.push_back(fmt::format(
        "automatic_accounts must be listed: the SKR03/SKR04 presets have 4 digits, the client's "
        "accounts {}",
        settings.account_length));
  } else if (!settings.chart.empty()) {
    settings.automatic_accounts = standard_automatic_accounts(settings.chart).value();
  }

  // The DATEV client and the label as the header writer checks them, so that no export can fail
  // on them: a header of the fiscal year's first period, labelled with the widest period text.
  if (problems.empty()) {
    const BookingPeriod period =
        booking_period_of(Date::from_ymd(kSampleYear, settings.fiscal_year_start.month,
                                         settings.fiscal_year_start.day)
                              .value(),
                          settings.fiscal_year_start)
            .value();
    const BookingBatchHeader header{
        .client = {.advisor_number = settings.advisor_number,
                   .client_number = settings.client_number,
                   .fiscal_year_start = period.fiscal_year_start,
                   .account_length = settings.account_length,
                   .chart = settings.chart},
        .format = settings.format,
        .created_at = {.date = period.from, .hour = 0, .minute = 0, .second = 0, .millisecond = 0},
        .period_from = period.from,
        .period_to = period.to,
        .label = batch_label(settings, period.from),
        .dictation_initials = "",
        .kind = BookingKind::financial_accounting,
        .purpose = AccountingPurpose::independent,
        .locked = settings.locked,
        .currency = Currency::eur(),
        .origin = "RE",
        .exported_by = "",
        .application_info = "",
    };
    ExtfWritten line = booking_header_line(header);
    for (const Error& error : line.errors) {
      problems.push_back("DATEV would refuse the header: " + error.message);
    }
  }

  if (!problems.empty()) {
    std::string message = "datev configuration: ";
    for (std::size_t i = 0; i < problems.size(); ++i) {
      message += (i == 0 ? "" : "; ") + problems[i];
    }
    return Error{message};
  }
  return settings;
}

}  // namespace kontor::plugins::datev
