// Write-offs over the admin API (issue 16): an account manager writes off (part of) an item that
// will not be paid, and lists what was written off in a period. What a write-off does to the
// item, to dunning and to the bookkeeping is engine/write_off.hpp's; a payment that comes in on a
// written-off item afterwards is allocated by hand (POST /entries/{id}/allocate), which
// takes the write-off back for it.
//
// Amounts are decimal strings in the item's currency (point notation), given beside them as
// "currency": a JSON number would pass through floating point.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "engine/write_off.hpp"
#include "service/admin_backend.hpp"
#include "service/company_day.hpp"
#include "service/request_body.hpp"

namespace kontor::service {
namespace {

using admin::AdminRequest;
using admin::AdminResponse;
using admin::json_error;
using nlohmann::json;

constexpr std::size_t kMaxFieldLength = 100;

json write_off_json(const store::WriteOff& write_off, const std::optional<OpenItem>& item) {
  json answer = {{"allocation", write_off.allocation_id},
                 {"item", write_off.item_number},
                 {"amount", write_off.amount.format(Notation::point())},
                 {"currency", std::string(write_off.amount.currency().code())},
                 {"kind", std::string(store::to_string(write_off.kind))},
                 {"reason", write_off.reason},
                 {"dated", write_off.dated.to_iso()},
                 {"recovers", write_off.recovers ? json(*write_off.recovers) : json(nullptr)},
                 {"recorded_at", write_off.recorded_at}};
  if (item) {
    answer["open_after"] = item->open.format(Notation::point());
    // What the bookkeeping will book (booking_rules.hpp): only an uncollectible invoice
    // corrects the VAT.
    answer["vat_corrected"] =
        item->type == OpenItemType::invoice && write_off.kind == store::WriteOffKind::uncollectible;
  }
  return answer;
}

// POST /items/{number}/write-off {"reason", "kind", "amount", "on"}: the item written off — all
// that is open, or `amount` of it — as uncollectible (the default) or doubtful, dated `on` (the
// company's today when absent).
AdminResponse write_off(AdminBackend& backend, const AdminRequest& request) {
  const std::string& number = request.parameters.at("number");
  json body;
  if (auto bad = parse_body(request.body, {"reason", "kind", "amount", "on"}, body)) {
    return json_error(bad->status, bad->message);
  }
  engine::WriteOffRequest wanted;
  wanted.item_number = number;
  std::string kind, amount, on;
  if (auto bad = text_field(body, "reason", wanted.reason)) {
    return json_error(bad->status, bad->message);
  }
  for (auto [name, out] :
       {std::pair{"kind", &kind}, std::pair{"amount", &amount}, std::pair{"on", &on}}) {
    if (auto bad = text_field(body, name, *out, kMaxFieldLength)) {
      return json_error(bad->status, bad->message);
    }
  }
  if (!kind.empty()) {
    Result<store::WriteOffKind> parsed = store::parse_write_off_kind(kind);
    if (!parsed) return json_error(400, parsed.error().message);
    wanted.kind = *parsed;
  }
  Result<Date> day = on.empty() ? company_today(backend) : Date::parse_iso(on);
  if (!day) return json_error(400, fmt::format("on '{}' is no date YYYY-MM-DD", on));
  wanted.day = *day;

  const std::string actor = actor_of(request);
  std::optional<Refusal> refusal;
  std::optional<store::WriteOff> recorded;
  std::optional<OpenItem> after;
  Status done = backend.store().transact(
      actor, "write-off requested over the admin API", [&](store::Transaction& tx) -> Status {
        Result<std::optional<OpenItem>> item = tx.open_item(number);
        if (!item) return item.error();
        if (!*item) {
          refusal = Refusal{404, fmt::format("there is no open item '{}'", number)};
          return Error{refusal->message};
        }
        if (!amount.empty()) {
          Result<Money> parsed = Money::parse(amount, (*item)->open.currency(), Notation::point());
          if (!parsed) {
            refusal = Refusal{400, fmt::format("amount '{}': {}", amount, parsed.error().message)};
            return parsed.error();
          }
          wanted.amount = *parsed;
        }
        Result<store::WriteOff> written = engine::write_off_item(tx, wanted);
        if (!written) {
          // What stops a write-off is the item as it is (nothing open, less than asked).
          refusal = Refusal{409, written.error().message};
          return written.error();
        }
        recorded = std::move(written).value();
        Result<std::optional<OpenItem>> now = tx.open_item(number);
        if (!now) return now.error();
        after = std::move(*now);
        return {};
      });
  if (refusal) return json_error(refusal->status, refusal->message);
  if (!done) return json_error(500, done.error().message);
  return {201, write_off_json(*recorded, after).dump()};
}

// GET /write-offs?from=YYYY-MM-DD&to=YYYY-MM-DD (default: the company's current month so far):
// write-offs and recoveries dated in the period, by day.
AdminResponse list(AdminBackend& backend, const AdminRequest& request) {
  Result<Date> today = company_today(backend);
  if (!today) return json_error(500, today.error().message);
  Date from = Date::from_ymd(today->year(), today->month(), 1).value();
  Date to = *today;
  for (auto [name, out] : {std::pair{"from", &from}, std::pair{"to", &to}}) {
    const auto given = request.query.find(name);
    if (given == request.query.end()) continue;
    Result<Date> day = Date::parse_iso(given->second);
    if (!day) return json_error(400, fmt::format("{} must be a day, YYYY-MM-DD", name));
    *out = *day;
  }
  if (to < from) return json_error(400, "the period ends before it begins");
  json answer = {{"from", from.to_iso()}, {"to", to.to_iso()}, {"write_offs", json::array()}};
  const Status read = backend.store().read([&](store::Reader& reader) -> Status {
    auto found = reader.write_offs_dated(from, to);
    if (!found) return found.error();
    for (const store::WriteOff& write_off : *found) {
      auto item = reader.open_item(write_off.item_number);
      if (!item) return item.error();
      json entry = write_off_json(write_off, std::nullopt);
      entry["customer"] = *item ? json((*item)->customer_number) : json(nullptr);
      answer["write_offs"].push_back(std::move(entry));
    }
    return {};
  });
  if (!read) return json_error(500, read.error().message);
  return {200, answer.dump()};
}

}  // namespace

void add_write_off_routes(admin::AdminRoutes& routes, AdminBackend& backend) {
  routes.add("POST", "/items/{number}/write-off",
             [&backend](const AdminRequest& request) { return write_off(backend, request); });
  routes.add("GET", "/write-offs",
             [&backend](const AdminRequest& request) { return list(backend, request); });
}

}  // namespace kontor::service
