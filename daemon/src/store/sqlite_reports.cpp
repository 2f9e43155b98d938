// The queries behind the account manager's reports (issue 16): receivables as they stood at the
// end of a past day, the sales of a period, and what happened in a period. Each is one pass
// over the tables with the indexes they need, so a store of a million items answers in seconds.
#include <fmt/format.h>

#include "store/event_payload.hpp"
#include "store/sqlite_unit_of_work.hpp"
#include "store/stored_values.hpp"

namespace kontor::store::sqlite {
namespace {

// An item counts from the instant its first version was recorded (the event of its import),
// found through the partial index events_open_item_inserted (schema 12). Items written before
// events existed have none and count from the start.
constexpr std::string_view kImportedByEnd =
    "NOT EXISTS (SELECT 1 FROM events e WHERE e.kind = 'open_item.inserted' "
    "AND e.entity_key = i.number AND e.at >= ?2)";

std::vector<CurrencyTally> tallies(Query& rows) {
  std::vector<CurrencyTally> out;
  while (rows.step()) {
    out.push_back(
        CurrencyTally{.amount = stored_money(rows.statement(), 0, 2), .count = rows->int64(1)});
  }
  return out;
}

}  // namespace

Result<std::vector<ReceivableAsOf>> UnitOfWork::receivables_as_of(const ReceivablesQuery& query) {
  return read<std::vector<ReceivableAsOf>>("receivables as of a day", [&] {
    // An allocation's day is its bank booking (IFNULL's first operand is NULL without one);
    // otherwise the instant it was recorded decides. See ReceivableAsOf.
    static const std::string kSql = fmt::format(
        "SELECT number, customer_number, name, type, issue_date, due_date, currency, gross_minor, "
        "open_then FROM ("
        " SELECT i.number, i.customer_number, c.name, i.type, i.issue_date, i.due_date, "
        " i.currency, i.gross_minor, i.gross_minor - COALESCE(("
        "  SELECT SUM(a.amount_minor) FROM allocations a WHERE a.item_number = i.number AND "
        "  IFNULL(COALESCE("
        "   (SELECT b.booking_date FROM reconciliation_allocations r JOIN bank_transactions b "
        "    ON b.identity = r.transaction_identity WHERE r.allocation_id = a.id LIMIT 1),"
        "   (SELECT b.booking_date FROM bank_transactions b "
        "    WHERE b.identity = a.transaction_identity)) <= ?1, a.recorded_at < ?2)), 0) "
        "  AS open_then"
        " FROM open_items i JOIN customers c ON c.number = i.customer_number"
        " WHERE (?3 = '' OR i.customer_number = ?3)"
        " AND (i.issue_date IS NULL OR i.issue_date <= ?1)"
        " AND (i.settled_externally = 0 OR i.settled_externally_at IS NULL"
        "      OR i.settled_externally_at >= ?2)"
        " AND {}) "
        "WHERE open_then <> 0 ORDER BY customer_number, number",
        kImportedByEnd);
    Query rows(db_, kSql, query.as_of.day.to_iso(), utc_timestamp(query.as_of.ends),
               query.customer_number);
    std::vector<ReceivableAsOf> out;
    while (rows.step()) {
      ReceivableAsOf item;
      item.item_number = rows->text(0);
      item.customer_number = rows->text(1);
      item.customer_name = rows->text(2);
      item.type = stored(parse_open_item_type(rows->text(3)), "item type");
      item.issue_date = stored_optional_date(rows->optional_text(4));
      item.due_date = stored_date(rows->text(5));
      item.gross = stored_money(rows.statement(), 6, 7);
      item.open = stored_money(rows.statement(), 6, 8);
      out.push_back(std::move(item));
    }
    return out;
  });
}

Result<std::vector<CurrencyTally>> UnitOfWork::invoiced(const ReportPeriod& period) {
  return read<std::vector<CurrencyTally>>("invoiced in a period", [&] {
    static const std::string kSql = fmt::format(
        "SELECT currency, COUNT(*), SUM(gross_minor) FROM open_items i "
        "WHERE type IN ('invoice', 'credit_note', 'cancellation') "
        "AND issue_date >= ?1 AND issue_date <= ?3 AND {} GROUP BY currency ORDER BY currency",
        kImportedByEnd);
    Query rows(db_, kSql, period.first.to_iso(), utc_timestamp(period.ends), period.last.to_iso());
    return tallies(rows);
  });
}

Result<ActivityFigures> UnitOfWork::activity(const ReportPeriod& period) {
  return read<ActivityFigures>("activity of a period", [&] {
    ActivityFigures figures;
    const std::string first = period.first.to_iso();
    const std::string last = period.last.to_iso();
    const std::string starts = utc_timestamp(period.starts);
    const std::string ends = utc_timestamp(period.ends);
    {
      Query rows(db_,
                 "SELECT b.currency, COUNT(*), SUM(b.amount_minor) FROM reconciliations r "
                 "JOIN bank_transactions b ON b.identity = r.transaction_identity "
                 "WHERE r.state = 'posted' AND b.booking_date >= ? AND b.booking_date <= ? "
                 "GROUP BY b.currency ORDER BY b.currency",
                 first, last);
      figures.payments_posted = tallies(rows);
    }
    {
      Query rows(db_,
                 "SELECT kind, level, channel, COUNT(*), SUM(delivery_state = 'delivered') "
                 "FROM notices WHERE notice_date >= ? AND notice_date <= ? "
                 "GROUP BY kind, level, channel ORDER BY kind, level, channel",
                 first, last);
      while (rows.step()) {
        figures.notices.push_back(NoticeTally{.kind = rows->text(0),
                                              .level = static_cast<int>(rows->int64(1)),
                                              .channel = rows->text(2),
                                              .decided = rows->int64(3),
                                              .delivered = rows->int64(4)});
      }
    }
    {
      Query rows(db_,
                 "SELECT kind, COUNT(*) FROM notes WHERE recorded_at >= ? AND recorded_at < ? "
                 "GROUP BY kind ORDER BY kind",
                 starts, ends);
      while (rows.step()) figures.notes_opened.emplace(rows->text(0), rows->int64(1));
    }
    {
      // Write-offs (table write_offs, schema 11) by the day the account manager wrote them off;
      // a recovery (a later payment taking part of one back) is a payment, not a write-off.
      Query rows(db_,
                 "SELECT a.currency, COUNT(*), SUM(a.amount_minor) FROM write_offs w "
                 "JOIN allocations a ON a.id = w.allocation_id "
                 "WHERE w.recovers IS NULL AND w.dated >= ? AND w.dated <= ? "
                 "GROUP BY a.currency ORDER BY a.currency",
                 first, last);
      figures.write_offs = tallies(rows);
    }
    return figures;
  });
}

}  // namespace kontor::store::sqlite
