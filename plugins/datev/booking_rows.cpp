#include "booking_rows.hpp"

#include <fmt/format.h>

#include <map>

#include "extf_fields.hpp"

namespace kontor::plugins::datev {
namespace {

BookingSide other_side(BookingSide side) {
  return side == BookingSide::debit ? BookingSide::credit : BookingSide::debit;
}

// Whether DATEV takes `account` for a Personenkonto; an account it refuses altogether is the
// writer's to report, with its record and column.
bool is_personal_account(std::string_view account, int account_length) {
  Result<AccountKind> kind = account_kind(account, account_length, FieldPlace{});
  return kind.ok() && *kind == AccountKind::personal;
}

std::string_view facts_code(BookingFacts facts) {
  switch (facts) {
    case BookingFacts::dunning_interest:
      return kFactsDunningInterest;
    case BookingFacts::dunning_fee:
      return kFactsDunningFee;
    case BookingFacts::none:
      break;
  }
  return "";
}

std::string booking_name(const Booking& booking) {
  return fmt::format("booking {} ('{}' of {})", booking.id, booking.document_number,
                     booking.date.to_iso());
}

}  // namespace

Result<std::vector<ExtfBooking>> records_of(const Booking& booking, int account_length) {
  if (Status balanced = check_balanced(booking); !balanced) {
    return Error{fmt::format("booking {}: {}", booking.id, balanced.error().message), booking.id};
  }
  const BookingLine& debtor = booking.lines.front();
  if (!debtor.tax_key.empty()) {
    // The tax belongs to the account the debtor is booked against; a key on the debtor line has
    // no place in a DATEV record and dropping it could change the tax.
    return Error{fmt::format("{}: the debtor line on {} carries tax key '{}'; tax keys belong to "
                             "the lines booked against the debtor",
                             booking_name(booking), debtor.account, debtor.tax_key),
                 booking.id};
  }
  const bool reversal = booking.reverses.has_value();
  std::vector<ExtfBooking> records;
  records.reserve(booking.lines.size() - 1);
  const bool debtor_is_personal = is_personal_account(debtor.account, account_length);
  for (std::size_t i = 1; i < booking.lines.size(); ++i) {
    const BookingLine& line = booking.lines[i];
    const bool open_item = debtor_is_personal || is_personal_account(line.account, account_length);
    records.push_back(ExtfBooking{
        .amount = line.amount,
        // The debtor's side against this line; for a Generalumkehr the original's, which is the
        // line's own side (reversal_of turned every line).
        .side = reversal ? line.side : other_side(line.side),
        .account = debtor.account,
        .contra_account = line.account,
        .tax_key = line.tax_key,
        .document_date = booking.date,
        .document_number = booking.document_number,
        .document_number_2 = "",
        .text = booking.text,
        .due_date = open_item ? booking.due_date : std::nullopt,
        .general_reversal = reversal,
        .facts_code = std::string(open_item ? facts_code(booking.facts) : ""),
    });
  }
  return records;
}

BookingFilePlan plan_booking_files(std::span<const Booking> bookings,
                                   const FiscalYearStart& fiscal_year_start, int account_length,
                                   std::int64_t max_records) {
  BookingFilePlan plan;
  // Each period's files, the last one being filled; keyed by Datum vom, so in period order.
  std::map<Date, std::vector<PlannedFile>> periods;
  for (const Booking& booking : bookings) {
    Result<std::vector<ExtfBooking>> records = records_of(booking, account_length);
    if (!records) {
      plan.errors.push_back(records.error());
      continue;
    }
    Result<BookingPeriod> period = booking_period_of(booking.date, fiscal_year_start);
    if (!period) {
      plan.errors.push_back(
          Error{fmt::format("booking {}: {}", booking.id, period.error().message), booking.id});
      continue;
    }
    std::vector<PlannedFile>& files = periods[period->from];
    const auto count = static_cast<std::int64_t>(records->size());
    for (std::size_t i = 0; i < records->size(); ++i) {
      const bool first_of_booking = i == 0;
      const bool full =
          !files.empty() &&
          (static_cast<std::int64_t>(files.back().records.size()) >= max_records ||
           (first_of_booking && !files.back().records.empty() &&
            static_cast<std::int64_t>(files.back().records.size()) + count > max_records));
      if (files.empty() || full) {
        files.push_back(PlannedFile{.period = *period,
                                    .part = static_cast<int>(files.size()) + 1,
                                    .records = {},
                                    .sources = {}});
      }
      files.back().records.push_back(std::move(records.value()[i]));
      files.back().sources.push_back(RecordSource{.booking_id = booking.id, .line = i + 1});
    }
  }
  for (auto& [from, files] : periods) {
    for (PlannedFile& file : files) plan.files.push_back(std::move(file));
  }
  return plan;
}

}  // namespace kontor::plugins::datev
