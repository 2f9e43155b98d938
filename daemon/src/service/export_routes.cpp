// Export to the bookkeeping over the admin API (issue 14): the batches each export target
// (an exporter instance) got or is getting, one batch with its bookings, a period the operator
// wants exported again, a batch that is not published dropped, and the debit and credit of every
// account over all bookings — what the bookkeeping must show.
//
// Export runs themselves are runs of the jobs with `engine: export` (GET /jobs/{name}/runs). A
// repeat is only recorded here; the next run of a job whose `outputs` name the target stages and
// publishes it, in its turn after the target's unfinished batches (engine/export_delivery.hpp).
//
// Amounts are decimal strings in the booking's currency (point notation), given beside them as
// "currency": a JSON number would pass through floating point.
#include <fmt/format.h>

#include <atomic>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/export_delivery.hpp"
#include "host/plugin_instances.hpp"
#include "service/admin_backend.hpp"
#include "service/json_values.hpp"
#include "service/request_body.hpp"

namespace kontor::service {
namespace {

using admin::AdminRequest;
using admin::AdminResponse;
using admin::json_error;
using nlohmann::json;

constexpr std::int64_t kDefaultBatchLimit = 50;
constexpr std::int64_t kMaxBatchLimit = 1000;
constexpr std::size_t kMaxNameLength = 100;
constexpr const char* kExportEngine = "export";

json batch_json(const store::ExportBatchRecord& batch) {
  return {{"id", batch.id},
          {"target", batch.target},
          {"state", std::string(store::to_string(batch.state))},
          {"repeat", batch.repeat},
          {"period_from", optional_day(batch.period_from)},
          {"period_to", optional_day(batch.period_to)},
          {"booking_count", batch.booking_count},
          {"first_booking", batch.first_booking},
          {"last_booking", batch.last_booking},
          {"requested_by", batch.requested_by},
          {"detail", optional_text(batch.detail)},
          {"recorded_at", batch.recorded_at},
          {"staged_at", optional_text(batch.staged_at)},
          {"published_at", optional_text(batch.published_at)}};
}

json booking_json(const store::StoredBooking& stored) {
  const Booking& booking = stored.booking;
  json lines = json::array();
  for (const BookingLine& line : booking.lines) {
    lines.push_back({{"account", line.account},
                     {"side", std::string(to_string(line.side))},
                     {"amount", line.amount.format(Notation::point())},
                     {"currency", std::string(line.amount.currency().code())},
                     {"tax_key", line.tax_key}});
  }
  return {{"id", booking.id},
          {"date", booking.date.to_iso()},
          {"document_number", booking.document_number},
          {"text", booking.text},
          {"source", stored.source},
          {"kind", stored.kind},
          {"customer", stored.customer_number},
          {"reverses", booking.reverses ? json(*booking.reverses) : json()},
          {"facts", std::string(to_string(booking.facts))},
          {"due_date", optional_day(booking.due_date)},
          {"current", stored.current},
          {"exported_in", optional_text(booking.exported_in)},
          {"recorded_at", stored.recorded_at},
          {"lines", std::move(lines)}};
}

// The running exporter instance `name`, or null when the running configuration has none of
// that name or it is another kind of plugin.
std::shared_ptr<host::PluginInstance> running_exporter(AdminBackend& backend,
                                                       const std::string& name) {
  std::shared_ptr<host::PluginInstance> instance = backend.plugin_instance(name);
  if (instance == nullptr || !instance->has_role(KONTOR_ROLE_EXPORTER)) return nullptr;
  return instance;
}

std::vector<std::string> exporter_names(AdminBackend& backend) {
  std::vector<std::string> names;
  for (const config::InstanceSettings& instance : backend.configuration().instances) {
    if (running_exporter(backend, instance.name) != nullptr) names.push_back(instance.name);
  }
  return names;
}

// The export jobs whose `outputs` name `target`: those that hand it its batches.
std::vector<std::string> jobs_exporting_to(const AdminBackend& backend, const std::string& target) {
  std::vector<std::string> jobs;
  for (const config::JobSettings& job : backend.configuration().jobs) {
    if (job.engine != kExportEngine) continue;
    for (const std::string& output : job.outputs) {
      if (output == target) jobs.push_back(job.name);
    }
  }
  return jobs;
}

std::string names_text(const std::vector<std::string>& names) {
  return names.empty() ? std::string("none") : fmt::format("{}", fmt::join(names, ", "));
}

Result<json> target_json(AdminBackend& backend, store::Reader& reader, const std::string& target) {
  Result<std::int64_t> watermark = reader.export_watermark(target);
  if (!watermark) return watermark.error();
  return json{{"target", target},
              {"watermark", *watermark},
              {"configured", running_exporter(backend, target) != nullptr},
              {"jobs", jobs_exporting_to(backend, target)}};
}

// GET /exports?target=&limit=: batches newest first, and each target's watermark (the highest
// booking a regular batch carried to it): every exporter instance of the running configuration
// and every target a listed batch went to.
AdminResponse list_batches(AdminBackend& backend, const AdminRequest& request) {
  const auto limit = admin::query_limit(request, kDefaultBatchLimit, kMaxBatchLimit);
  if (!limit) return json_error(400, "limit must be a whole number from 1 to 1000");
  store::ExportBatchQuery query;
  query.limit = *limit;
  if (auto it = request.query.find("target"); it != request.query.end()) {
    if (it->second.size() > kMaxNameLength) {
      return json_error(400, fmt::format("target is longer than {} bytes", kMaxNameLength));
    }
    query.target = it->second;
  }
  std::set<std::string> targets;
  if (!query.target.empty()) {
    targets.insert(query.target);
  } else {
    for (std::string& name : exporter_names(backend)) targets.insert(std::move(name));
  }
  json batches = json::array();
  json watermarks = json::array();
  Status read = backend.store().read([&](store::Reader& reader) -> Status {
    auto found = reader.export_batches(query);
    if (!found) return found.error();
    for (const store::ExportBatchRecord& batch : *found) {
      batches.push_back(batch_json(batch));
      targets.insert(batch.target);
    }
    for (const std::string& target : targets) {
      Result<json> one = target_json(backend, reader, target);
      if (!one) return one.error();
      watermarks.push_back(std::move(*one));
    }
    return {};
  });
  if (!read) return json_error(500, read.error().message);
  return {200, json({{"batches", std::move(batches)}, {"targets", std::move(watermarks)}}).dump()};
}

// GET /exports/{batch}: the batch with every booking it carries, by id.
AdminResponse show_batch(AdminBackend& backend, const AdminRequest& request) {
  const std::string& id = request.parameters.at("batch");
  json answer;
  bool missing = false;
  Status read = backend.store().read([&](store::Reader& reader) -> Status {
    auto batch = reader.export_batch(id);
    if (!batch) return batch.error();
    if (!*batch) {
      missing = true;
      return {};
    }
    auto bookings = reader.bookings_of_batch(id);
    if (!bookings) return bookings.error();
    answer = batch_json(**batch);
    json list = json::array();
    for (const store::StoredBooking& booking : *bookings) list.push_back(booking_json(booking));
    answer["bookings"] = std::move(list);
    return {};
  });
  if (!read) return json_error(500, read.error().message);
  if (missing) return json_error(404, "no export batch " + id);
  return {200, answer.dump()};
}

std::optional<Refusal> day_field(const json& body, const char* name, Date& out) {
  std::string text;
  if (auto bad = text_field(body, name, text, kMaxNameLength)) return bad;
  if (text.empty()) {
    return Refusal{400, fmt::format("a repeat needs \"{}\": a date YYYY-MM-DD", name)};
  }
  auto day = Date::parse_iso(text);
  if (!day) return Refusal{400, fmt::format("{} '{}' is no date YYYY-MM-DD", name, text)};
  out = *day;
  return std::nullopt;
}

// POST /exports/{target}/repeat {"from", "to"}: the target's bookings dated from..to that it
// had already, recorded as a repeat batch for the next export run. The watermark stays.
AdminResponse repeat_period(AdminBackend& backend, const AdminRequest& request) {
  const std::string& target = request.parameters.at("target");
  json body;
  if (auto bad = parse_body(request.body, {"from", "to"}, body)) {
    return json_error(bad->status, bad->message);
  }
  Date from, to;
  for (auto [name, out] : {std::pair{"from", &from}, std::pair{"to", &to}}) {
    if (auto bad = day_field(body, name, *out)) return json_error(bad->status, bad->message);
  }
  if (to < from) {
    return json_error(
        400, fmt::format("the period {} to {} ends before it begins", from.to_iso(), to.to_iso()));
  }
  if (running_exporter(backend, target) == nullptr) {
    return json_error(400, fmt::format("'{}' is no exporter instance of the running "
                                       "configuration (exporters: {})",
                                       target, names_text(exporter_names(backend))));
  }
  const std::string actor = actor_of(request);
  std::optional<store::ExportBatchRecord> recorded;
  std::optional<Refusal> refusal;
  Status done = backend.store().transact(
      actor, "export repeat requested over the admin API", [&](store::Transaction& tx) -> Status {
        auto batch = engine::record_repeat(tx, target, from, to, actor);
        if (!batch) {
          // What stops a repeat is the store as it is (nothing exported in that period).
          refusal = Refusal{409, batch.error().message};
          return batch.error();
        }
        recorded = std::move(*batch);
        return {};
      });
  if (refusal) return json_error(refusal->status, refusal->message);
  if (!done) return json_error(500, done.error().message);
  json answer = batch_json(*recorded);
  const std::vector<std::string> jobs = jobs_exporting_to(backend, target);
  answer["jobs"] = jobs;
  answer["next"] =
      jobs.empty()
          ? fmt::format("no export job names {} in its outputs: the repeat waits until one does",
                        target)
          : fmt::format(
                "the next run of {} stages and publishes it (kontorctl run {} starts "
                "one now)",
                fmt::join(jobs, " or "), jobs.front());
  return {201, answer.dump()};
}

// POST /exports/{batch}/discard: a batch that is not published is dropped — the exporter
// forgets what it staged, and a regular batch's bookings go out again with the target's next
// batch. Refused while an export job that hands the target its batches runs (it may be staging
// this very batch).
AdminResponse discard(AdminBackend& backend, const AdminRequest& request) {
  json body;
  if (auto bad = parse_body(request.body, {}, body)) return json_error(bad->status, bad->message);
  const std::string& id = request.parameters.at("batch");
  std::optional<store::ExportBatchRecord> batch;
  std::int64_t watermark = 0;
  Status read = backend.store().read([&](store::Reader& reader) -> Status {
    auto found = reader.export_batch(id);
    if (!found) return found.error();
    batch = std::move(*found);
    if (!batch) return {};
    auto mark = reader.export_watermark(batch->target);
    if (!mark) return mark.error();
    watermark = *mark;
    return {};
  });
  if (!read) return json_error(500, read.error().message);
  if (!batch) return json_error(404, "no export batch " + id);
  if (batch->state == store::ExportBatchState::published) {
    return json_error(409, fmt::format("export batch {} was published at {}: the bookkeeping "
                                       "has it; correct it with new bookings",
                                       id, batch->published_at));
  }
  if (batch->state != store::ExportBatchState::discarded) {
    if (!batch->repeat && batch->last_booking != watermark) {
      return json_error(409, fmt::format("export batch {} is not the newest of target {}; "
                                         "discard the later ones first",
                                         id, batch->target));
    }
    for (const std::string& job : jobs_exporting_to(backend, batch->target)) {
      if (backend.is_running(job)) {
        return json_error(409, fmt::format("job {} is exporting to {} now; discard {} after it "
                                           "ended",
                                           job, batch->target, id));
      }
    }
  }
  const bool was_discarded = batch->state == store::ExportBatchState::discarded;
  // Without the instance (the target is no longer configured) the batch is only marked; what
  // it may have staged stays where the exporter put it.
  const std::shared_ptr<host::PluginInstance> exporter = running_exporter(backend, batch->target);
  const std::atomic<bool> cancelled{false};
  const Status discarded =
      engine::discard_batch(backend.store(), exporter.get(), cancelled, actor_of(request), id);
  if (!discarded) return json_error(500, discarded.error().message);

  json answer;
  Status after = backend.store().read([&](store::Reader& reader) -> Status {
    auto found = reader.export_batch(id);
    if (!found) return found.error();
    if (!*found) return Error{"export batch " + id + " is gone"};
    Result<std::int64_t> moved = reader.export_watermark((*found)->target);
    if (!moved) return moved.error();
    answer = batch_json(**found);
    answer["watermark"] = *moved;
    return {};
  });
  if (!after) return json_error(500, after.error().message);
  answer["change"] = was_discarded ? "unchanged" : "discarded";
  answer["exporter_told"] = !was_discarded && exporter != nullptr;
  return {200, answer.dump()};
}

// GET /bookings/totals: per account and currency, the debit and credit of every booking
// (reversals and replaced bookings included, as the bookkeeping has them) and their balance.
AdminResponse totals(AdminBackend& backend) {
  json accounts = json::array();
  Status read = backend.store().read([&](store::Reader& reader) -> Status {
    auto found = reader.booking_totals();
    if (!found) return found.error();
    for (const store::AccountTotal& total : *found) {
      Result<Money> balance = total.debit.minus(total.credit);
      if (!balance) return balance.error();
      accounts.push_back({{"account", total.account},
                          {"currency", std::string(total.debit.currency().code())},
                          {"debit", total.debit.format(Notation::point())},
                          {"credit", total.credit.format(Notation::point())},
                          {"balance", balance->format(Notation::point())}});
    }
    return {};
  });
  if (!read) return json_error(500, read.error().message);
  return {200, accounts.dump()};
}

}  // namespace

void add_export_routes(admin::AdminRoutes& routes, AdminBackend& backend) {
  routes.add("GET", "/exports",
             [&backend](const AdminRequest& request) { return list_batches(backend, request); });
  routes.add("GET", "/exports/{batch}",
             [&backend](const AdminRequest& request) { return show_batch(backend, request); });
  routes.add("POST", "/exports/{target}/repeat",
             [&backend](const AdminRequest& request) { return repeat_period(backend, request); });
  routes.add("POST", "/exports/{batch}/discard",
             [&backend](const AdminRequest& request) { return discard(backend, request); });
  routes.add("GET", "/bookings/totals",
             [&backend](const AdminRequest&) { return totals(backend); });
}

}  // namespace kontor::service
