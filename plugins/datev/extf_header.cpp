#include "extf_header.hpp"

#include <fmt/format.h>

#include <array>

#include "extf_debtor_columns.hpp"
#include "extf_fields.hpp"

namespace kontor::plugins::datev {
namespace {

// DATEV's Buchungsdatenservice reads header lines of at most 1000 characters (§1, [M]); ours are
// far shorter unless a caller's texts are, so it is checked rather than assumed.
constexpr std::size_t kMaxHeaderLength = 1000;

using HeaderFields = std::array<std::string, kHeaderFieldCount>;

struct HeaderWriter {
  HeaderFields fields;
  std::vector<Error> errors;

  // `number` is the field's 1-based number in DATEV's header table.
  void set(int number, std::string value) { fields[number - 1] = std::move(value); }

  void text(int number, std::string_view heading, std::string_view utf8, const TextRule& rule) {
    Result<WrittenField> field =
        text_field(utf8, rule, FieldPlace{.record = 0, .column = number, .heading = heading});
    if (field.ok()) {
      set(number, std::move(field->text));
    } else {
      errors.push_back(field.error());
    }
  }

  void error(int number, std::string_view heading, std::string_view reason) {
    errors.push_back(
        field_error(FieldPlace{.record = 0, .column = number, .heading = heading}, reason));
  }

  ExtfWritten line() const {
    ExtfWritten written;
    written.errors = errors;
    if (!written.ok()) return written;
    written.text = fmt::format("{}", fmt::join(fields, ";"));
    if (written.text.size() > kMaxHeaderLength) {
      written.errors.push_back(
          Error{fmt::format("header: {} characters long, DATEV reads at most {}",
                            written.text.size(), kMaxHeaderLength),
                0});
      written.text.clear();
    }
    return written;
  }
};

std::string timestamp(const ExtfTimestamp& at) {
  return fmt::format("{}{:02}{:02}{:02}{:03}", year_month_day(at.date), at.hour, at.minute,
                     at.second, at.millisecond);
}

// Fields every category has alike: 1–14 and 23–31, and Bezeichnung (17).
void write_common(HeaderWriter& out, int category, std::string_view format_name, int version,
                  const ExtfClient& client, const ExtfTimestamp& created_at, std::string_view label,
                  std::string_view origin, std::string_view exported_by,
                  std::string_view application_info) {
  out.set(1, "\"EXTF\"");  // DTVF is reserved for DATEV's own programs
  out.set(2, std::to_string(kHeaderVersion));
  out.set(3, std::to_string(category));
  out.set(4, fmt::format("\"{}\"", format_name));
  out.set(5, std::to_string(version));

  const ExtfTimestamp& at = created_at;
  if (at.hour < 0 || at.hour > 23 || at.minute < 0 || at.minute > 59 || at.second < 0 ||
      at.second > 59 || at.millisecond < 0 || at.millisecond > 999) {
    out.error(6, "Erzeugt am",
              fmt::format("{:02}:{:02}:{:02}.{:03} is not a time of day", at.hour, at.minute,
                          at.second, at.millisecond));
  } else {
    out.set(6, timestamp(at));
  }
  // 7 (Importiert) stays empty: DATEV fills it on import.
  out.text(8, "Herkunft", origin,
           {.max_length = 2, .overflow = Overflow::reject, .charset = TextCharset::word});
  out.text(9, "Exportiert von", exported_by,
           {.max_length = 25, .overflow = Overflow::reject, .charset = TextCharset::word});
  out.set(10, "\"\"");  // Importiert von: DATEV's

  if (client.advisor_number < 1001 || client.advisor_number > 9'999'999) {
    out.error(11, "Beraternummer",
              fmt::format("{} is not between 1001 and 9999999", client.advisor_number));
  } else {
    out.set(11, std::to_string(client.advisor_number));
  }
  if (client.client_number < 1 || client.client_number > 99'999) {
    out.error(12, "Mandantennummer",
              fmt::format("{} is not between 1 and 99999", client.client_number));
  } else {
    out.set(12, std::to_string(client.client_number));
  }
  out.set(13, year_month_day(client.fiscal_year_start));
  if (client.account_length < 4 || client.account_length > 8) {
    out.error(14, "Sachkontenlänge",
              fmt::format("{} is not between 4 and 8", client.account_length));
  } else {
    out.set(14, std::to_string(client.account_length));
  }

  out.text(17, "Bezeichnung", label,
           {.max_length = 30, .overflow = Overflow::reject, .charset = TextCharset::label});

  // 23, 25, 26, 28, 29 stay empty (reserved; 28 is for DATEV's industry solutions).
  out.set(24, "\"\"");  // Derivatskennzeichen
  if (client.chart.size() != 2) {
    out.error(
        27, "Sachkontenrahmen",
        fmt::format("'{}' is not two digits (\"03\" for SKR03, \"04\" for SKR04)", client.chart));
  } else {
    out.text(27, "Sachkontenrahmen", client.chart,
             {.max_length = 2, .overflow = Overflow::reject, .charset = TextCharset::digits});
  }
  out.set(30, "\"\"");
  out.text(31, "Anwendungsinformation", application_info,
           {.max_length = 16, .overflow = Overflow::reject, .charset = TextCharset::any});
}

}  // namespace

std::vector<Error> check_period(const Date& from, const Date& to, const Date& fiscal_year_start) {
  std::vector<Error> errors;
  auto error = [&](int number, std::string_view heading, std::string reason) {
    errors.push_back(
        field_error(FieldPlace{.record = 0, .column = number, .heading = heading}, reason));
  };
  if (from > to) {
    error(15, "Datum vom", fmt::format("{} is after Datum bis {}", from.to_iso(), to.to_iso()));
    return errors;
  }
  if (from.year() != to.year()) {
    error(16, "Datum bis",
          fmt::format("{} to {} spans 31 December; DATEV takes a batch within one calendar year "
                      "only (#REW04404)",
                      from.to_iso(), to.to_iso()));
  }
  if (from < fiscal_year_start) {
    error(15, "Datum vom",
          fmt::format("{} is before the fiscal year's start (WJ-Beginn) {}", from.to_iso(),
                      fiscal_year_start.to_iso()));
  }
  Result<Date> next_start = fiscal_year_start.add_months(12);
  if (next_start.ok() && to >= *next_start) {
    error(16, "Datum bis",
          fmt::format("{} lies in the fiscal year starting {}, not in the one starting {} "
                      "(WJ-Beginn)",
                      to.to_iso(), next_start->to_iso(), fiscal_year_start.to_iso()));
  }
  return errors;
}

ExtfWritten booking_header_line(const BookingBatchHeader& header) {
  HeaderWriter out;
  write_common(out, 21, "Buchungsstapel", format_version(header.format), header.client,
               header.created_at, header.label, header.origin, header.exported_by,
               header.application_info);

  if (header.format != BookingFormat::v12 && header.format != BookingFormat::v13) {
    out.error(5, "Formatversion", "only 12 (124 columns) and 13 (125 columns) are written");
  }
  std::vector<Error> period =
      check_period(header.period_from, header.period_to, header.client.fiscal_year_start);
  out.errors.insert(out.errors.end(), period.begin(), period.end());
  out.set(15, year_month_day(header.period_from));
  out.set(16, year_month_day(header.period_to));

  if (!header.dictation_initials.empty() && header.dictation_initials.size() != 2) {
    out.error(18, "Diktatkürzel",
              fmt::format("'{}' is not two upper-case letters", header.dictation_initials));
  } else {
    out.text(
        18, "Diktatkürzel", header.dictation_initials,
        {.max_length = 2, .overflow = Overflow::reject, .charset = TextCharset::upper_letters});
  }

  switch (header.kind) {
    case BookingKind::financial_accounting:
    case BookingKind::annual_accounts:
      out.set(19, std::to_string(static_cast<int>(header.kind)));
      break;
    default:
      out.error(19, "Buchungstyp", "neither 1 (Finanzbuchführung) nor 2 (Jahresabschluss)");
  }
  switch (header.purpose) {
    case AccountingPurpose::independent:
    case AccountingPurpose::tax_law:
    case AccountingPurpose::cost_accounting:
    case AccountingPurpose::commercial_law:
    case AccountingPurpose::ifrs:
      out.set(20, std::to_string(static_cast<int>(header.purpose)));
      break;
    default:
      out.error(20, "Rechnungslegungszweck", "not one of 0, 30, 40, 50, 64");
  }
  // Written explicitly, never left empty: DATEV's table makes 1 (locked) the default.
  out.set(21, header.locked ? "1" : "0");
  out.set(22, fmt::format("\"{}\"", header.currency.code()));
  return out.line();
}

ExtfWritten debtor_header_line(const DebtorFileHeader& header) {
  HeaderWriter out;
  write_common(out, 16, "Debitoren/Kreditoren", kDebtorFormatVersion, header.client,
               header.created_at, header.label, header.origin, header.exported_by,
               header.application_info);
  // Master data has no period, no Buchungstyp, no Festschreibung (DATEV's example leaves 15,
  // 16, 19–21 empty); its text fields 18 and 22 are written empty and quoted.
  out.set(18, "\"\"");
  out.set(22, "\"\"");
  return out.line();
}

}  // namespace kontor::plugins::datev
