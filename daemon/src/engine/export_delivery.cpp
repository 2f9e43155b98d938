#include "engine/export_delivery.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "host/plugin_instances.hpp"
#include "kontor/sdk/host_side.hpp"

namespace kontor::engine {
namespace {

// The batch as the exporter gets it: its bookings, and the customers behind their debtor
// accounts for the bookkeeping's master data.
Result<sdk::ExportBatch> batch_to_stage(store::Store& store,
                                        const store::ExportBatchRecord& record) {
  sdk::ExportBatch batch;
  batch.batch_id = record.id;
  batch.period_from = record.period_from;
  batch.period_to = record.period_to;
  const Status read = store.read([&](store::Reader& reader) -> Status {
    Result<std::vector<store::StoredBooking>> bookings = reader.bookings_of_batch(record.id);
    if (!bookings) return bookings.error();
    std::set<std::pair<std::string, std::string>> debtors;  // (account, customer)
    batch.bookings.reserve(bookings->size());
    for (store::StoredBooking& stored : bookings.value()) {
      debtors.emplace(stored.booking.lines.front().account, stored.customer_number);
      batch.bookings.push_back(std::move(stored.booking));
    }
    std::map<std::string, std::optional<Customer>> customers;
    for (const auto& [account, number] : debtors) {
      auto known = customers.find(number);
      if (known == customers.end()) {
        Result<std::optional<Customer>> customer = reader.customer(number);
        if (!customer) return customer.error();
        known = customers.emplace(number, std::move(*customer)).first;
      }
      if (known->second) {
        batch.debtors.push_back(sdk::ExportDebtor{.account = account, .customer = *known->second});
      }
    }
    return {};
  });
  if (!read) return read.error();
  if (batch.bookings.empty()) {
    return Error{fmt::format("export batch '{}' carries no bookings", record.id)};
  }
  return batch;
}

Status mark(store::Store& store, const std::string& actor, const std::string& id,
            store::ExportBatchState state, const std::string& detail) {
  return store.transact(actor, "export batch " + id, [&](store::Transaction& tx) -> Status {
    Result<store::Change> marked = tx.mark_export_batch(id, state, detail);
    if (!marked) return marked.error();
    return {};
  });
}

// Keeps the exporter's refusal on the batch, then says which batch and target failed.
Error refused(store::Store& store, const std::string& actor, const store::ExportBatchRecord& batch,
              std::string_view step, const sdk::Status& answer) {
  const std::string detail = fmt::format("{} failed: {}", step, answer.message());
  (void)store.transact(actor, "export batch " + batch.id, [&](store::Transaction& tx) -> Status {
    Result<store::Change> noted = tx.note_export_batch(batch.id, detail);
    if (!noted) return noted.error();
    return {};
  });
  return Error{fmt::format("export batch '{}' to '{}': {}", batch.id, batch.target, detail)};
}

// Stages (when only recorded) and publishes one batch, marking each step.
Status finish_batch(store::Store& store, host::PluginInstance& exporter,
                    const std::atomic<bool>& cancelled, const std::string& actor,
                    store::ExportBatchRecord batch, TargetCounts& counts) {
  if (batch.state == store::ExportBatchState::recorded) {
    Result<sdk::ExportBatch> to_stage = batch_to_stage(store, batch);
    if (!to_stage) return to_stage.error();
    const sdk::Status staged = exporter.call(
        cancelled, [&](const sdk::InstanceProxy& proxy) { return proxy.stage(*to_stage); });
    if (!staged) return refused(store, actor, batch, "stage", staged);
    if (Status marked = mark(store, actor, batch.id, store::ExportBatchState::staged, "");
        !marked) {
      return marked;
    }
    batch.state = store::ExportBatchState::staged;
  }
  const sdk::Status published = exporter.call(
      cancelled, [&](const sdk::InstanceProxy& proxy) { return proxy.publish(batch.id); });
  if (!published) return refused(store, actor, batch, "publish", published);
  if (Status marked = mark(store, actor, batch.id, store::ExportBatchState::published, "");
      !marked) {
    return marked;
  }
  ++counts.batches_published;
  counts.bookings_published += batch.booking_count;
  if (batch.repeat) ++counts.repeats_published;
  counts.published.push_back(batch.id);
  return {};
}

}  // namespace

Status export_to_target(store::Store& store, host::PluginInstance& exporter,
                        const std::atomic<bool>& cancelled, const std::string& actor,
                        const std::string& requested_by, TargetCounts& counts,
                        std::int64_t bookings_per_batch) {
  const std::string target = exporter.name();
  std::vector<store::ExportBatchRecord> unfinished;
  if (Status read = store.read([&](store::Reader& reader) -> Status {
        Result<std::vector<store::ExportBatchRecord>> found =
            reader.unfinished_export_batches(target);
        if (!found) return found.error();
        unfinished = std::move(found).value();
        return {};
      });
      !read) {
    return read;
  }
  for (store::ExportBatchRecord& batch : unfinished) {
    if (Status finished = finish_batch(store, exporter, cancelled, actor, batch, counts);
        !finished) {
      return finished;
    }
  }
  while (!cancelled) {
    std::optional<store::ExportBatchRecord> recorded;
    const Status step =
        store.transact(actor, "export to " + target, [&](store::Transaction& tx) -> Status {
          Result<std::int64_t> watermark = tx.export_watermark(target);
          if (!watermark) return watermark.error();
          Result<std::vector<std::int64_t>> ids =
              tx.booking_ids_after(*watermark, bookings_per_batch);
          if (!ids) return ids.error();
          if (ids->empty()) return {};
          store::ExportBatchRecord wanted;
          wanted.target = target;
          wanted.requested_by = requested_by;
          Result<store::ExportBatchRecord> batch = tx.record_export_batch(wanted, *ids);
          if (!batch) return batch.error();
          recorded = std::move(batch).value();
          return {};
        });
    if (!step) return step;
    if (!recorded) return {};
    if (Status finished = finish_batch(store, exporter, cancelled, actor, *recorded, counts);
        !finished) {
      return finished;
    }
  }
  return Error{"cancelled; the next run exports the rest"};
}

Result<store::ExportBatchRecord> record_repeat(store::Transaction& tx, const std::string& target,
                                               const Date& from, const Date& to,
                                               const std::string& requested_by) {
  if (to < from) {
    return Error{
        fmt::format("the period {} to {} ends before it begins", from.to_iso(), to.to_iso())};
  }
  Result<std::int64_t> watermark = tx.export_watermark(target);
  if (!watermark) return watermark.error();
  Result<std::vector<store::StoredBooking>> bookings = tx.bookings_dated(from, to, *watermark);
  if (!bookings) return bookings.error();
  if (bookings->empty()) {
    return Error{fmt::format("target '{}' has had no bookings dated {} to {}", target,
                             from.to_iso(), to.to_iso())};
  }
  std::vector<std::int64_t> ids;
  ids.reserve(bookings->size());
  for (const store::StoredBooking& booking : *bookings) ids.push_back(booking.booking.id);
  store::ExportBatchRecord wanted;
  wanted.target = target;
  wanted.repeat = true;
  wanted.requested_by = requested_by;
  return tx.record_export_batch(wanted, ids);
}

Status discard_batch(store::Store& store, host::PluginInstance* exporter,
                     const std::atomic<bool>& cancelled, const std::string& actor,
                     const std::string& id) {
  std::optional<store::ExportBatchRecord> batch;
  if (Status read = store.read([&](store::Reader& reader) -> Status {
        Result<std::optional<store::ExportBatchRecord>> found = reader.export_batch(id);
        if (!found) return found.error();
        batch = std::move(*found);
        return {};
      });
      !read) {
    return read;
  }
  if (!batch) return Error{fmt::format("there is no export batch '{}'", id)};
  if (batch->state == store::ExportBatchState::published) {
    return Error{fmt::format(
        "export batch '{}' is published: the bookkeeping has it; correct it with new bookings",
        id)};
  }
  if (batch->state == store::ExportBatchState::discarded) return {};
  if (exporter != nullptr) {
    const sdk::Status dropped = exporter->call(
        cancelled, [&](const sdk::InstanceProxy& proxy) { return proxy.discard(id); });
    if (!dropped) {
      return Error{fmt::format("export batch '{}': the exporter could not discard it: {}", id,
                               dropped.message())};
    }
  }
  return mark(store, actor, id, store::ExportBatchState::discarded, "discarded by " + actor);
}

}  // namespace kontor::engine
