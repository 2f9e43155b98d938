// The outbox in the SQLite unit of work: notices with their lines, charges and rendering, and
// where their delivery stands (DESIGN.md §8: decided and stored in one transaction, delivered,
// then marked).
#include <fmt/format.h>

#include "store/event_payload.hpp"
#include "store/sqlite_unit_of_work.hpp"
#include "store/stored_values.hpp"

namespace kontor::store::sqlite {
namespace {

constexpr std::string_view kNoticeColumns =
    "SELECT number, kind, customer_number, level, template, language, channel, notice_date, "
    "currency, fees_minor, interest_minor, total_minor, rf_reference, idempotency_key, "
    "recipient, subject, body_text, body_html, run_key, delivery_state, delivery_detail, "
    "attempts, decided_at, delivered_at FROM notices ";

StoredNotice notice_from_row(const Statement& row) {
  StoredNotice stored_notice;
  Notice& notice = stored_notice.notice;
  notice.number = row.text(0);
  notice.kind = stored(parse_notice_kind(row.text(1)), "notice kind");
  notice.customer_number = row.text(2);
  notice.level = static_cast<int>(row.int64(3));
  stored_notice.template_name = row.text(4);
  stored_notice.language = row.text(5);
  notice.channel = row.text(6);
  stored_notice.notice_date = stored_date(row.text(7));
  notice.fees = stored_money(row, 8, 9);
  notice.interest = stored_money(row, 8, 10);
  stored_notice.total = stored_money(row, 8, 11);
  if (!row.is_null(12)) {
    notice.rf_reference = stored(CreditorReference::parse(row.text(12)), "RF reference");
  }
  notice.idempotency_key = row.text(13);
  stored_notice.recipient = row.text(14);
  stored_notice.subject = row.text(15);
  stored_notice.text = row.text(16);
  stored_notice.html = row.text(17);
  stored_notice.run_key = row.text(18);
  notice.delivery_state = stored(parse_delivery_state(row.text(19)), "delivery state");
  notice.delivery_detail = row.text(20);
  stored_notice.attempts = static_cast<int>(row.int64(21));
  stored_notice.decided_at = row.text(22);
  stored_notice.delivered_at = row.optional_text(23).value_or("");
  return stored_notice;
}

std::optional<std::string> iso_of(const std::optional<Date>& day) {
  if (!day) return std::nullopt;
  return day->to_iso();
}

}  // namespace

std::optional<StoredNotice> UnitOfWork::load_notice(std::string_view number) {
  std::optional<StoredNotice> found;
  {
    Query row(db_, std::string(kNoticeColumns) + "WHERE number = ?", number);
    if (!row.step()) return std::nullopt;
    found = notice_from_row(row.statement());
  }
  {
    Query document(db_, "SELECT document_pdf FROM notices WHERE number = ?", number);
    if (document.step() && !document->is_null(0)) found->pdf = document->blob(0);
  }
  const Currency currency = found->total.currency();
  Query lines(db_,
              "SELECT item_number, open_minor, level FROM notice_lines WHERE notice_number = ? "
              "ORDER BY position",
              number);
  while (lines.step()) {
    found->notice.items.push_back(NoticeLine{.item_number = lines->text(0),
                                             .open = Money(lines->int64(1), currency),
                                             .level = static_cast<int>(lines->int64(2))});
  }
  Query charges(db_,
                "SELECT item_number, kind, charge_item, amount_minor, first_day, last_day, detail "
                "FROM notice_charges WHERE notice_number = ? ORDER BY position",
                number);
  while (charges.step()) {
    found->charges.push_back(
        NoticeCharge{.item_number = charges->text(0),
                     .kind = charges->text(1),
                     .charge_item = charges->text(2),
                     .amount = Money(charges->int64(3), currency),
                     .first_day = stored_optional_date(charges->optional_text(4)),
                     .last_day = stored_optional_date(charges->optional_text(5)),
                     .detail = charges->text(6)});
  }
  return found;
}

Result<std::optional<StoredNotice>> UnitOfWork::notice(std::string_view number) {
  return read<std::optional<StoredNotice>>("notice", [&] { return load_notice(number); });
}

Result<std::vector<StoredNotice>> UnitOfWork::notices(const NoticeQuery& query) {
  return read<std::vector<StoredNotice>>("notices", [&] {
    std::vector<std::string> numbers;
    {
      Query rows(db_,
                 "SELECT number FROM notices WHERE (?1 = '' OR customer_number = ?1) AND "
                 "(?2 = '' OR delivery_state = ?2) ORDER BY decided_at DESC, number DESC "
                 "LIMIT ?3",
                 query.customer_number,
                 query.state ? std::string(to_string(*query.state)) : std::string(), query.limit);
      while (rows.step()) numbers.push_back(rows->text(0));
    }
    std::vector<StoredNotice> out;
    for (const std::string& number : numbers) {
      if (std::optional<StoredNotice> notice = load_notice(number)) out.push_back(*notice);
    }
    return out;
  });
}

Result<std::vector<std::string>> UnitOfWork::notices_to_deliver() {
  return read<std::vector<std::string>>("notices to deliver", [&] {
    std::vector<std::string> numbers;
    Query rows(db_,
               "SELECT number FROM notices WHERE delivery_state IN ('pending', 'retrying') "
               "ORDER BY decided_at, number");
    while (rows.step()) numbers.push_back(rows->text(0));
    return numbers;
  });
}

Result<std::map<std::string, std::vector<std::string>>> UnitOfWork::notice_references() {
  return read<std::map<std::string, std::vector<std::string>>>("notice references", [&] {
    std::map<std::string, std::vector<std::string>> references;
    Query rows(db_,
               "SELECT n.rf_reference, l.item_number FROM notices n "
               "JOIN notice_lines l ON l.notice_number = n.number "
               "WHERE n.rf_reference IS NOT NULL ORDER BY n.rf_reference, l.position");
    while (rows.step()) references[rows->text(0)].push_back(rows->text(1));
    return references;
  });
}

Result<std::optional<std::string>> UnitOfWork::last_notice_number(std::string_view prefix) {
  return read<std::optional<std::string>>(
      "last notice number", [&]() -> std::optional<std::string> {
        // Compared as text: numbers are zero-padded after the prefix. substr() instead of LIKE,
        // so no character of the prefix is a wildcard.
        Query row(db_, "SELECT MAX(number) FROM notices WHERE substr(number, 1, length(?1)) = ?1",
                  prefix);
        if (!row.step() || row->is_null(0)) return std::nullopt;
        return row->text(0);
      });
}

Result<Change> UnitOfWork::record_notice(const StoredNotice& stored_notice) {
  const Notice& notice = stored_notice.notice;
  return write<Change>(fmt::format("notice '{}'", notice.number), [&]() -> Result<Change> {
    if (notice.idempotency_key.empty()) return Error{"a notice needs an idempotency key"};
    if (!customer_exists(notice.customer_number)) {
      return Error{fmt::format("customer '{}' is not in the store", notice.customer_number)};
    }
    const Currency& currency = stored_notice.total.currency();
    for (const Money* amount : {&notice.fees, &notice.interest}) {
      if (amount->currency() != currency) {
        return Error{
            fmt::format("amounts in {} and {}", currency.code(), amount->currency().code())};
      }
    }
    Query(db_,
          "INSERT INTO notices (number, kind, customer_number, level, template, language, "
          "channel, notice_date, currency, fees_minor, interest_minor, total_minor, "
          "rf_reference, idempotency_key, recipient, subject, body_text, body_html, run_key, "
          "delivery_state, delivery_detail, attempts, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
          "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', '', 0, ?)",
          notice.number, to_string(notice.kind), notice.customer_number, notice.level,
          stored_notice.template_name, stored_notice.language, notice.channel,
          stored_notice.notice_date.to_iso(), currency.code(), notice.fees.minor_units(),
          notice.interest.minor_units(), stored_notice.total.minor_units(),
          notice.rf_reference ? std::optional<std::string>(notice.rf_reference->electronic())
                              : std::nullopt,
          notice.idempotency_key, stored_notice.recipient, stored_notice.subject,
          stored_notice.text, stored_notice.html, stored_notice.run_key, now_)
        .run();
    if (!stored_notice.pdf.empty()) {
      Query(db_, "UPDATE notices SET document_pdf = ? WHERE number = ?", Blob{stored_notice.pdf},
            notice.number)
          .run();
    }
    for (std::size_t position = 0; position < notice.items.size(); ++position) {
      const NoticeLine& line = notice.items[position];
      Query(db_,
            "INSERT INTO notice_lines (notice_number, position, item_number, open_minor, level) "
            "VALUES (?, ?, ?, ?, ?)",
            notice.number, static_cast<std::int64_t>(position), line.item_number,
            line.open.minor_units(), line.level)
          .run();
    }
    for (std::size_t position = 0; position < stored_notice.charges.size(); ++position) {
      const NoticeCharge& charge = stored_notice.charges[position];
      Query(db_,
            "INSERT INTO notice_charges (notice_number, position, item_number, kind, "
            "charge_item, amount_minor, first_day, last_day, detail) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            notice.number, static_cast<std::int64_t>(position), charge.item_number, charge.kind,
            charge.charge_item, charge.amount.minor_units(), iso_of(charge.first_day),
            iso_of(charge.last_day), charge.detail)
          .run();
    }
    append_event("notice.decided", notice.number,
                 JsonObject()
                     .add_text("customer", notice.customer_number)
                     .add_number("level", notice.level)
                     .add_text("channel", notice.channel)
                     .add_number("items", static_cast<std::int64_t>(notice.items.size()))
                     .add_text("fees", notice.fees.format())
                     .add_text("interest", notice.interest.format())
                     .add_text("total", stored_notice.total.format())
                     .str());
    return Change::inserted;
  });
}

Result<Change> UnitOfWork::mark_notice_delivery(std::string_view number, DeliveryState state,
                                                std::string_view detail) {
  return write<Change>(fmt::format("delivery of notice '{}'", number), [&]() -> Result<Change> {
    Query before(db_, "SELECT delivery_state FROM notices WHERE number = ?", number);
    if (!before.step()) return Error{fmt::format("there is no notice '{}'", number)};
    const std::string state_before = before->text(0);
    if (state_before == "delivered") {
      if (state == DeliveryState::delivered) return Change::unchanged;
      return Error{fmt::format("notice '{}' is delivered already", number)};
    }
    const bool attempt = state != DeliveryState::pending;
    Query(db_,
          "UPDATE notices SET delivery_state = ?, delivery_detail = ?, attempts = attempts + ?, "
          "delivered_at = CASE WHEN ? THEN ? ELSE delivered_at END WHERE number = ?",
          to_string(state), detail, attempt ? 1 : 0, state == DeliveryState::delivered, now_,
          number)
        .run();
    append_event(
        "notice." + std::string(to_string(state)), number,
        JsonObject().add_text("state_before", state_before).add_text("detail", detail).str());
    return Change::updated;
  });
}

Result<std::map<std::string, std::int64_t>> UnitOfWork::notice_counts() {
  return read<std::map<std::string, std::int64_t>>("notice counts", [&] {
    std::map<std::string, std::int64_t> counts;
    Query rows(db_, "SELECT delivery_state, COUNT(*) FROM notices GROUP BY delivery_state");
    while (rows.step()) counts.emplace(rows->text(0), rows->int64(1));
    return counts;
  });
}

}  // namespace kontor::store::sqlite
