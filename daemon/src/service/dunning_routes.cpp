// Dunning over the admin API: the outbox of notices (list, one in full, counts per delivery
// state, a parked notice released for another delivery), the blocks account managers set on
// customers and items, the dry run of a dunning job and the operator's override of its
// stale-bank-data refusal (engine/dunning_run.hpp).
//
// Amounts are decimal strings in the notice's currency (point notation), given beside them as
// "currency": a JSON number would pass through floating point. Bodies are untrusted: unknown
// fields are refused (a misspelt "until" would otherwise block for ever) and texts are bounded.
#include <fmt/format.h>

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "config/company_section.hpp"
#include "engine/dunning_run.hpp"
#include "service/admin_backend.hpp"
#include "service/json_values.hpp"
#include "service/request_body.hpp"

namespace kontor::service {
namespace {

using admin::AdminRequest;
using admin::AdminResponse;
using admin::json_error;
using nlohmann::json;

constexpr std::int64_t kDefaultNoticeLimit = 50;
constexpr std::int64_t kMaxNoticeLimit = 1000;
constexpr std::size_t kMaxNumberLength = 100;
constexpr const char* kDunningEngine = "dunning";

// The summary every list shows: who, which level, by which channel, for how much, and where
// its delivery stands.
json notice_summary(const store::StoredNotice& stored) {
  const Notice& notice = stored.notice;
  return {{"number", notice.number},
          {"kind", std::string(to_string(notice.kind))},
          {"customer", notice.customer_number},
          {"level", notice.level},
          {"channel", notice.channel},
          {"state", std::string(to_string(notice.delivery_state))},
          {"detail", optional_text(notice.delivery_detail)},
          {"total", stored.total.format()},
          {"fees", notice.fees.format()},
          {"interest", notice.interest.format()},
          {"currency", std::string(stored.total.currency().code())},
          {"notice_date", stored.notice_date.to_iso()},
          {"decided_at", optional_text(stored.decided_at)},
          {"delivered_at", optional_text(stored.delivered_at)},
          {"attempts", stored.attempts},
          {"recipient", stored.recipient},
          {"subject", stored.subject}};
}

// What the notice lists and what it charged, as shown in full and in the dry run.
void add_lines_and_charges(json& out, const store::StoredNotice& stored) {
  json lines = json::array();
  for (const NoticeLine& line : stored.notice.items) {
    lines.push_back(
        {{"item", line.item_number}, {"open", line.open.format()}, {"level", line.level}});
  }
  json charges = json::array();
  for (const store::NoticeCharge& charge : stored.charges) {
    charges.push_back({{"item", charge.item_number},
                       {"kind", charge.kind},
                       {"charge_item", optional_text(charge.charge_item)},
                       {"amount", charge.amount.format()},
                       {"first_day", optional_day(charge.first_day)},
                       {"last_day", optional_day(charge.last_day)},
                       {"detail", optional_text(charge.detail)}});
  }
  out["lines"] = std::move(lines);
  out["charges"] = std::move(charges);
}

json notice_detail(const store::StoredNotice& stored) {
  json out = notice_summary(stored);
  const Notice& notice = stored.notice;
  out["template"] = stored.template_name;
  out["language"] = stored.language;
  out["rf_reference"] = notice.rf_reference ? json(notice.rf_reference->electronic()) : json();
  out["idempotency_key"] = notice.idempotency_key;
  out["run_key"] = stored.run_key;
  add_lines_and_charges(out, stored);
  out["text"] = stored.text;
  out["html"] = stored.html;
  out["pdf_bytes"] = stored.pdf.empty() ? json() : json(stored.pdf.size());
  return out;
}

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// The company's day at `now`: what a block's `until` is compared with.
std::optional<Date> company_today(const AdminBackend& backend) {
  const config::ConfigNode* section = backend.configuration().root.find("company");
  if (section == nullptr) return std::nullopt;
  auto today = local_date(backend.now(), config::company_of(*section).timezone);
  if (!today) return std::nullopt;
  return *today;
}

// GET /notices?customer=&state=&limit=: newest first.
AdminResponse list_notices(AdminBackend& backend, const AdminRequest& request) {
  const auto limit = admin::query_limit(request, kDefaultNoticeLimit, kMaxNoticeLimit);
  if (!limit) return json_error(400, "limit must be a whole number from 1 to 1000");
  store::NoticeQuery query;
  query.limit = *limit;
  if (auto it = request.query.find("customer"); it != request.query.end()) {
    query.customer_number = it->second;
  }
  if (auto it = request.query.find("state"); it != request.query.end() && !it->second.empty()) {
    auto state = parse_delivery_state(it->second);
    if (!state) {
      return json_error(400, fmt::format("state '{}' is none of pending, retrying, delivered, "
                                         "parked",
                                         it->second));
    }
    query.state = *state;
  }
  json list = json::array();
  Status read = backend.store().read([&](store::Reader& reader) -> Status {
    auto found = reader.notices(query);
    if (!found) return found.error();
    for (const store::StoredNotice& notice : *found) list.push_back(notice_summary(notice));
    return {};
  });
  if (!read) return json_error(500, read.error().message);
  return {200, list.dump()};
}

AdminResponse show_notice(AdminBackend& backend, const AdminRequest& request) {
  const std::string& number = request.parameters.at("number");
  std::optional<store::StoredNotice> found;
  Status read = backend.store().read([&](store::Reader& reader) -> Status {
    auto notice = reader.notice(number);
    if (!notice) return notice.error();
    found = std::move(*notice);
    return {};
  });
  if (!read) return json_error(500, read.error().message);
  if (!found) return json_error(404, "no notice " + number);
  return {200, notice_detail(*found).dump()};
}

// GET /notices/{number}/pdf: the letter as it was decided and sent (application/pdf).
AdminResponse notice_pdf(AdminBackend& backend, const AdminRequest& request) {
  const std::string& number = request.parameters.at("number");
  std::optional<store::StoredNotice> found;
  Status read = backend.store().read([&](store::Reader& reader) -> Status {
    auto notice = reader.notice(number);
    if (!notice) return notice.error();
    found = std::move(*notice);
    return {};
  });
  if (!read) return json_error(500, read.error().message);
  if (!found) return json_error(404, "no notice " + number);
  if (found->pdf.empty()) {
    return json_error(
        404, "notice " + number + " has no PDF (it went by e-mail, without dunning.attach_pdf)");
  }
  return {.status = 200, .body = std::move(found->pdf), .content_type = "application/pdf"};
}

AdminResponse count_notices(AdminBackend& backend) {
  std::map<std::string, std::int64_t> counts;
  Status read = backend.store().read([&](store::Reader& reader) -> Status {
    auto found = reader.notice_counts();
    if (!found) return found.error();
    counts = std::move(*found);
    return {};
  });
  if (!read) return json_error(500, read.error().message);
  json states = json::object();
  for (DeliveryState state : {DeliveryState::pending, DeliveryState::retrying,
                              DeliveryState::delivered, DeliveryState::parked}) {
    const std::string name(to_string(state));
    states[name] = counts.contains(name) ? counts.at(name) : 0;
  }
  const std::int64_t to_deliver =
      states["pending"].get<std::int64_t>() + states["retrying"].get<std::int64_t>();
  const std::int64_t parked = states["parked"].get<std::int64_t>();
  return {200, json({{"states", states}, {"to_deliver", to_deliver}, {"parked", parked}}).dump()};
}

// POST /notices/{number}/retry: an operator fixed what parked the notice (an address, a
// mailbox); the outbox delivers it again, the same bytes under the same idempotency key.
// Only a parked notice: a pending or retrying one is on its way already, and a delivered one is
// never sent twice.
AdminResponse retry_notice(AdminBackend& backend, const AdminRequest& request) {
  json body;
  if (auto bad = parse_body(request.body, {}, body)) return json_error(bad->status, bad->message);
  const std::string& number = request.parameters.at("number");
  std::optional<Refusal> refusal;
  json answer;
  Status done = backend.store().transact(
      actor_of(request), "notice released for delivery over the admin API",
      [&](store::Transaction& tx) -> Status {
        auto notice = tx.notice(number);
        if (!notice) return notice.error();
        if (!*notice) {
          refusal = Refusal{404, "no notice " + number};
          return Error{refusal->message};
        }
        const DeliveryState state = (*notice)->notice.delivery_state;
        if (state == DeliveryState::delivered) {
          refusal = Refusal{409, fmt::format("notice {} was delivered at {}; it is not sent again",
                                             number, (*notice)->delivered_at)};
        } else if (state != DeliveryState::parked) {
          refusal = Refusal{409, fmt::format("notice {} is {} already: the outbox delivers it",
                                             number, to_string(state))};
        }
        if (refusal) return Error{refusal->message};
        if (auto marked = tx.mark_notice_delivery(number, DeliveryState::pending, ""); !marked) {
          return marked.error();
        }
        auto after = tx.notice(number);
        if (!after) return after.error();
        answer = notice_summary(**after);
        return {};
      });
  if (refusal) return json_error(refusal->status, refusal->message);
  if (!done) return json_error(500, done.error().message);
  return {200, answer.dump()};
}

json block_json(const store::ManualDunningBlock& block, const std::optional<Date>& today) {
  return {{"customer", block.customer_number},
          {"item", optional_text(block.item_number)},
          {"reason", block.reason},
          {"until", optional_day(block.until)},
          {"in_force", !block.until || !today || !(*block.until < *today)},
          {"set_by", block.set_by},
          {"set_at", block.set_at}};
}

// Whom a block names: a customer, an item, or both when they agree. Refusals are 404 for what
// is not in the store and 409 for an item of another customer.
std::optional<Refusal> check_block_subject(store::Reader& reader, const std::string& customer,
                                           const std::string& item) {
  if (!item.empty()) {
    auto found = reader.open_item(item);
    if (!found) return Refusal{500, found.error().message};
    if (!*found) return Refusal{404, fmt::format("no open item {}", item)};
    if (!customer.empty() && (*found)->customer_number != customer) {
      return Refusal{409, fmt::format("item {} belongs to customer {}, not {}", item,
                                      (*found)->customer_number, customer)};
    }
    return std::nullopt;
  }
  auto found = reader.customer(customer);
  if (!found) return Refusal{500, found.error().message};
  if (!*found) return Refusal{404, fmt::format("no customer {}", customer)};
  return std::nullopt;
}

AdminResponse list_blocks(AdminBackend& backend) {
  const std::optional<Date> today = company_today(backend);
  json list = json::array();
  Status read = backend.store().read([&](store::Reader& reader) -> Status {
    auto found = reader.manual_dunning_blocks();
    if (!found) return found.error();
    for (const auto& block : *found) list.push_back(block_json(block, today));
    return {};
  });
  if (!read) return json_error(500, read.error().message);
  return {200, list.dump()};
}

// POST /blocks {"customer", "item", "reason", "until"}: a block on a customer or one of its
// items, until lifted or through `until`. Setting it again replaces reason and date.
AdminResponse set_block(AdminBackend& backend, const AdminRequest& request) {
  json body;
  if (auto bad = parse_body(request.body, {"customer", "item", "reason", "until"}, body)) {
    return json_error(bad->status, bad->message);
  }
  std::string customer, item, reason, until_text;
  for (auto [name, out, max] :
       {std::tuple{"customer", &customer, kMaxNumberLength},
        std::tuple{"item", &item, kMaxNumberLength}, std::tuple{"reason", &reason, kMaxRequestText},
        std::tuple{"until", &until_text, kMaxNumberLength}}) {
    if (auto bad = text_field(body, name, *out, max)) return json_error(bad->status, bad->message);
  }
  if (customer.empty() && item.empty())
    return json_error(400, "a block names a customer or an item");
  if (blank(reason)) return json_error(400, "a block needs a reason");
  std::optional<Date> until;
  if (!until_text.empty()) {
    auto day = Date::parse_iso(until_text);
    if (!day) return json_error(400, fmt::format("until '{}' is no date YYYY-MM-DD", until_text));
    const std::optional<Date> today = company_today(backend);
    if (today && *day < *today) {
      return json_error(
          400, fmt::format("until {} is past (today is {})", day->to_iso(), today->to_iso()));
    }
    until = *day;
  }
  std::optional<Refusal> refusal;
  json answer;
  Status done = backend.store().transact(
      actor_of(request), "dunning block set over the admin API",
      [&](store::Transaction& tx) -> Status {
        refusal = check_block_subject(tx, customer, item);
        if (refusal) return Error{refusal->message};
        store::ManualDunningBlock block;
        block.customer_number = customer;
        block.item_number = item;
        block.reason = reason;
        block.until = until;
        auto set = tx.set_dunning_block(block);
        if (!set) return set.error();
        auto blocks = tx.manual_dunning_blocks();
        if (!blocks) return blocks.error();
        for (const auto& stored : *blocks) {
          if (stored.item_number == item &&
              (customer.empty() || stored.customer_number == customer)) {
            answer = block_json(stored, company_today(backend));
          }
        }
        answer["change"] = std::string(*set == store::Change::inserted  ? "set"
                                       : *set == store::Change::updated ? "replaced"
                                                                        : "unchanged");
        return {};
      });
  if (refusal) return json_error(refusal->status, refusal->message);
  if (!done) return json_error(500, done.error().message);
  return {200, answer.dump()};
}

// Lifts the block on `customer` or `item` (DELETE /blocks?customer=&item=, POST /blocks/lift).
AdminResponse lift_block(AdminBackend& backend, const AdminRequest& request,
                         const std::string& customer, const std::string& item) {
  if (customer.empty() && item.empty()) return json_error(400, "name the customer or the item");
  std::optional<Refusal> refusal;
  Status done = backend.store().transact(
      actor_of(request), "dunning block lifted over the admin API",
      [&](store::Transaction& tx) -> Status {
        refusal = check_block_subject(tx, customer, item);
        if (refusal) return Error{refusal->message};
        auto lifted = tx.lift_dunning_block(customer, item);
        if (!lifted) return lifted.error();
        if (*lifted == store::Change::unchanged) {
          refusal =
              Refusal{404, item.empty() ? fmt::format("customer {} has no dunning block", customer)
                                        : fmt::format("item {} has no dunning block of its "
                                                      "own",
                                                      item)};
          return Error{refusal->message};
        }
        return {};
      });
  if (refusal) return json_error(refusal->status, refusal->message);
  if (!done) return json_error(500, done.error().message);
  return {
      200,
      json({{"customer", optional_text(customer)}, {"item", optional_text(item)}, {"lifted", true}})
          .dump()};
}

std::string query_value(const AdminRequest& request, const char* name) {
  auto it = request.query.find(name);
  return it == request.query.end() ? std::string() : it->second;
}

// The dunning job `name` names, or the only one when `name` is empty.
const config::JobSettings* dunning_job(const AdminBackend& backend, const std::string& name,
                                       std::optional<Refusal>& refusal) {
  const config::KontorConfig& config = backend.configuration();
  if (!name.empty()) {
    const config::JobSettings* job = config.job(name);
    if (job == nullptr) {
      refusal = Refusal{404, "no job named " + name};
    } else if (job->engine != kDunningEngine) {
      refusal =
          Refusal{400, fmt::format("job {} is no dunning job (engine {})", name, job->engine)};
    }
    return refusal ? nullptr : job;
  }
  std::vector<const config::JobSettings*> found;
  for (const config::JobSettings& job : config.jobs) {
    if (job.engine == kDunningEngine) found.push_back(&job);
  }
  if (found.size() == 1) return found.front();
  if (found.empty()) {
    refusal = Refusal{404, "no job with engine dunning is configured"};
  } else {
    std::string names;
    for (const auto* job : found) names += (names.empty() ? "" : ", ") + job->name;
    refusal = Refusal{400, fmt::format("several dunning jobs ({}): name one", names)};
  }
  return nullptr;
}

json preview_json(const config::JobSettings& job, const engine::DunningPreview& preview) {
  json notices = json::array();
  for (const store::StoredNotice& stored : preview.notices) {
    json one = {{"number", stored.notice.number},
                {"customer", stored.notice.customer_number},
                {"level", stored.notice.level},
                {"channel", stored.notice.channel},
                {"recipient", stored.recipient},
                {"subject", stored.subject},
                {"total", stored.total.format()},
                {"fees", stored.notice.fees.format()},
                {"interest", stored.notice.interest.format()},
                {"currency", std::string(stored.total.currency().code())}};
    add_lines_and_charges(one, stored);
    notices.push_back(std::move(one));
  }
  json skipped = json::array();
  for (const engine::DunningSkip& skip : preview.skipped) {
    skipped.push_back({{"customer", skip.customer_number},
                       {"item", optional_text(skip.item_number)},
                       {"reason", skip.reason}});
  }
  return {{"job", job.name},
          {"refusal", optional_text(preview.refusal)},
          {"warnings", preview.warnings},
          {"notices", std::move(notices)},
          {"skipped", std::move(skipped)},
          {"handovers", preview.handovers}};
}

AdminResponse preview(AdminBackend& backend, const AdminRequest& request) {
  std::optional<Refusal> refusal;
  const config::JobSettings* job = dunning_job(backend, query_value(request, "job"), refusal);
  if (job == nullptr) return json_error(refusal->status, refusal->message);
  std::optional<engine::DunningPreview> found;
  Status read = backend.store().read([&](store::Reader& reader) -> Status {
    auto done = engine::preview_dunning(backend.configuration(), *job, reader, backend.now());
    if (!done) return done.error();
    found = std::move(*done);
    return {};
  });
  // What stops a dry run is the configuration or the data, not the request: 409, with why.
  if (!read) return json_error(409, read.error().message);
  return {200, preview_json(*job, *found).dump()};
}

// POST /dunning/force {"job", "reason"}: the next run of the job goes ahead despite stale bank
// data (once), and that run is queued now. Who asked and why are recorded with the override.
AdminResponse force(AdminBackend& backend, const AdminRequest& request) {
  json body;
  if (auto bad = parse_body(request.body, {"job", "reason"}, body)) {
    return json_error(bad->status, bad->message);
  }
  std::string name, reason;
  if (auto bad = text_field(body, "job", name, kMaxNumberLength)) {
    return json_error(bad->status, bad->message);
  }
  if (auto bad = text_field(body, "reason", reason)) return json_error(bad->status, bad->message);
  if (blank(reason)) return json_error(400, "forcing a dunning run needs a reason");
  std::optional<Refusal> refusal;
  const config::JobSettings* job = dunning_job(backend, name, refusal);
  if (job == nullptr) return json_error(refusal->status, refusal->message);
  const std::string actor = actor_of(request);
  Status forced = backend.store().transact(
      actor, "dunning run forced over the admin API", [&](store::Transaction& tx) -> Status {
        return engine::force_next_dunning_run(tx, job->name, actor, reason);
      });
  if (!forced) return json_error(409, forced.error().message);
  auto planned = backend.run_now(job->name, request.peer_user);
  if (!planned) {
    return json_error(409, fmt::format("the override is recorded for the next run of {}, but it "
                                       "could not be queued now: {}",
                                       job->name, planned.error().message));
  }
  return {202, json({{"job", planned->job},
                     {"planned_at", scheduler::iso_instant(planned->planned)},
                     {"idempotency_key", planned->idempotency_key},
                     {"trigger", std::string(to_string(planned->trigger))},
                     {"forced_by", actor},
                     {"reason", reason}})
                   .dump()};
}

}  // namespace

void add_dunning_routes(admin::AdminRoutes& routes, AdminBackend& backend) {
  routes.add("GET", "/notices",
             [&backend](const AdminRequest& request) { return list_notices(backend, request); });
  // Before /notices/{number}: the first route whose pattern matches answers.
  routes.add("GET", "/notices/counts",
             [&backend](const AdminRequest&) { return count_notices(backend); });
  routes.add("GET", "/notices/{number}",
             [&backend](const AdminRequest& request) { return show_notice(backend, request); });
  routes.add("GET", "/notices/{number}/pdf",
             [&backend](const AdminRequest& request) { return notice_pdf(backend, request); });
  routes.add("POST", "/notices/{number}/retry",
             [&backend](const AdminRequest& request) { return retry_notice(backend, request); });

  routes.add("GET", "/blocks", [&backend](const AdminRequest&) { return list_blocks(backend); });
  routes.add("POST", "/blocks",
             [&backend](const AdminRequest& request) { return set_block(backend, request); });
  routes.add("DELETE", "/blocks", [&backend](const AdminRequest& request) {
    return lift_block(backend, request, query_value(request, "customer"),
                      query_value(request, "item"));
  });
  // The same for clients that speak only GET and POST (kontorctl among them).
  routes.add("POST", "/blocks/lift", [&backend](const AdminRequest& request) -> AdminResponse {
    json body;
    if (auto bad = parse_body(request.body, {"customer", "item"}, body)) {
      return json_error(bad->status, bad->message);
    }
    std::string customer, item;
    for (auto [name, out] : {std::pair{"customer", &customer}, std::pair{"item", &item}}) {
      if (auto bad = text_field(body, name, *out, kMaxNumberLength)) {
        return json_error(bad->status, bad->message);
      }
    }
    return lift_block(backend, request, customer, item);
  });

  routes.add("GET", "/dunning/preview",
             [&backend](const AdminRequest& request) { return preview(backend, request); });
  routes.add("POST", "/dunning/force",
             [&backend](const AdminRequest& request) { return force(backend, request); });
}

}  // namespace kontor::service
