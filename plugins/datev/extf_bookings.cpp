#include "extf_bookings.hpp"

#include <fmt/format.h>

#include "extf_booking_columns.hpp"
#include "extf_fields.hpp"
#include "extf_record.hpp"
#include "extf_record_writer.hpp"
#include "extf_text.hpp"

namespace kontor::plugins::datev {

using namespace booking_column;

namespace {

bool all_digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

ExtfWritten booking_record(const ExtfBooking& booking, std::int64_t record,
                           const BookingBatchHeader& header,
                           const AutomaticAccounts& automatic_accounts) {
  RecordWriter out(booking_columns(header.format), record);

  Result<std::string> amount = amount_field(booking.amount, out.place(kUmsatz));
  if (amount.ok()) {
    out.set(kUmsatz, std::move(amount.value()));
  } else {
    out.fail(amount.error());
  }
  out.set(kSollHaben, booking.side == BookingSide::debit ? "\"S\"" : "\"H\"");
  if (booking.amount.currency() != header.currency) {
    out.fail(kWkzUmsatz,
             fmt::format("{} is not the batch's currency {}; a foreign-currency amount needs "
                         "Kurs and Basis-Umsatz, which are not exported",
                         booking.amount.currency().code(), header.currency.code()));
  } else {
    out.set(kWkzUmsatz, quoted(booking.amount.currency().code()));
  }

  int account_length = header.client.account_length;
  std::optional<AccountKind> account = out.account(kKonto, booking.account, account_length);
  std::optional<AccountKind> contra =
      out.account(kGegenkonto, booking.contra_account, account_length);
  if (account && contra && booking.account == booking.contra_account) {
    out.fail(kGegenkonto, fmt::format("the same account as Konto ({})", booking.account));
  }
  bool has_personal_account = account == AccountKind::personal || contra == AccountKind::personal;

  if (!booking.tax_key.empty()) {
    if (!all_digits(booking.tax_key) || booking.tax_key.size() > 4) {
      out.fail(kBuSchluessel, fmt::format("'{}' is not 1 to 4 digits", booking.tax_key));
    } else {
      const std::string* automatic = automatic_accounts.contains(booking.account) ? &booking.account
                                     : automatic_accounts.contains(booking.contra_account)
                                         ? &booking.contra_account
                                         : nullptr;
      if (automatic != nullptr && booking.tax_key != kTaxKeySuspendAutomatic) {
        out.fail(kBuSchluessel,
                 fmt::format("'{}' on the automatic account {}, which carries its tax itself: "
                             "DATEV refuses it or taxes twice (only 40 may stand there)",
                             booking.tax_key, *automatic));
      } else {
        out.set(kBuSchluessel, quoted(booking.tax_key));
      }
    }
  }

  // DATEV reads only day and month and takes the year from the header's period.
  if (booking.document_date < header.period_from || booking.document_date > header.period_to) {
    out.fail(kBelegdatum, fmt::format("{} is outside the batch's period {} to {}",
                                      booking.document_date.to_iso(), header.period_from.to_iso(),
                                      header.period_to.to_iso()));
  } else {
    out.set(kBelegdatum, day_month(booking.document_date));
  }

  out.text(
      kBelegfeld1, booking.document_number,
      {.max_length = 36, .overflow = Overflow::reject, .charset = TextCharset::document_number});
  out.text(
      kBelegfeld2, booking.document_number_2,
      {.max_length = 12, .overflow = Overflow::reject, .charset = TextCharset::document_number});
  out.text(kBuchungstext, booking.text,
           {.max_length = 60, .overflow = Overflow::truncate, .charset = TextCharset::any});

  // Open-item fields: DATEV discards them with a warning on records without a Personenkonto, so
  // a booking rule that sets them there has misunderstood something.
  auto open_item_only = [&](int column) {
    out.fail(column, "an open-item field, but neither Konto nor Gegenkonto is a Personenkonto");
  };
  if (!booking.facts_code.empty()) {
    // Only the two documented values: another number could mean anything to DATEV.
    if (booking.facts_code != kFactsDunningInterest && booking.facts_code != kFactsDunningFee) {
      out.fail(kSachverhalt, fmt::format("'{}' is neither 31 (Mahnzins) nor 40 (Mahngebühr)",
                                         booking.facts_code));
    } else if (!has_personal_account && account && contra) {
      open_item_only(kSachverhalt);
    } else {
      out.set(kSachverhalt, booking.facts_code);
    }
  }
  if (booking.due_date) {
    if (!has_personal_account && account && contra) {
      open_item_only(kFaelligkeit);
    } else {
      out.set(kFaelligkeit, day_month_year(*booking.due_date));
    }
  }

  // Never empty: an empty 114 means "lock automatically" (§7).
  out.set(kFestschreibung, header.locked ? "1" : "0");
  if (booking.general_reversal) out.set(kGeneralumkehr, quoted("1"));
  return std::move(out).finish();
}

ExtfWritten write_booking_file(const BookingBatchHeader& header,
                               std::span<const ExtfBooking> bookings,
                               const AutomaticAccounts& automatic_accounts) {
  ExtfWritten out = booking_header_line(header);
  if (bookings.empty()) {
    out.errors.push_back(Error{"the batch has no bookings; there is nothing to import", 0});
  }
  if (static_cast<std::int64_t>(bookings.size()) > kMaxBookingsPerFile) {
    out.errors.push_back(Error{fmt::format("{} bookings; a DATEV Buchungsstapel holds at most {} "
                                           "— split the batch",
                                           bookings.size(), kMaxBookingsPerFile),
                               0});
    out.text.clear();
    return out;
  }

  std::string text;
  if (out.ok()) {
    // About 300 bytes a record: mostly the empty `""` of unused text fields.
    text.reserve(out.text.size() + 2000 + bookings.size() * 320);
    text += out.text;
    text += "\r\n";
    text += heading_line(booking_columns(header.format));
    text += "\r\n";
  }
  for (std::size_t i = 0; i < bookings.size(); ++i) {
    ExtfWritten record =
        booking_record(bookings[i], static_cast<std::int64_t>(i + 1), header, automatic_accounts);
    out.errors.insert(out.errors.end(), std::make_move_iterator(record.errors.begin()),
                      std::make_move_iterator(record.errors.end()));
    out.changes.insert(out.changes.end(), std::make_move_iterator(record.changes.begin()),
                       std::make_move_iterator(record.changes.end()));
    if (out.ok()) {
      text += record.text;
      text += "\r\n";
    }
  }
  out.text = out.ok() ? std::move(text) : std::string();
  return out;
}

}  // namespace kontor::plugins::datev
