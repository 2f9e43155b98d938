// Handing bookings to one export target (an exporter instance) exactly once (issue 14,
// DESIGN.md §8):
//
//   1. record: in one step, the next bookings above the target's watermark become a batch
//      (state recorded) and the watermark moves past them;
//   2. stage: the exporter prepares the batch without making it visible;
//   3. mark staged; 4. publish: the exporter makes it visible, once; 5. mark published.
//
// A crash anywhere repeats at most the step in flight: a batch found recorded is staged again
// (staging is repeatable: the same batch id gives the same files), one found staged is
// published again (publishing a published batch writes nothing: the exporter keeps a receipt).
// A batch the exporter refuses stays where it is, with the exporter's answer kept on it, and no
// later batch is made for the target until it is through or an operator discards it — so the
// bookkeeping never gets bookings out of order or with a hole.
//
// Repeats — a period the operator asked for again — are batches like any other, recorded by the
// admin API (record_repeat) and finished here in their turn.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "kontor/model/date.hpp"
#include "kontor/result.hpp"
#include "store/store.hpp"

namespace kontor::host {
class PluginInstance;
}

namespace kontor::engine {

// At most this many bookings in one batch: an exporter gets them in one call, so the batch's
// size bounds its memory; DATEV files split themselves further (99,999 rows each).
inline constexpr std::int64_t kBookingsPerBatch = 50'000;

struct TargetCounts {
  std::int64_t batches_published = 0;
  std::int64_t bookings_published = 0;
  std::int64_t repeats_published = 0;
  std::vector<std::string> published;  // batch ids
};

// Finishes the target's unfinished batches, then exports every booking above its watermark in
// batches of at most `bookings_per_batch`. An error names the target and the batch; what was
// published before it stays published and counted in `counts`.
Status export_to_target(store::Store& store, host::PluginInstance& exporter,
                        const std::atomic<bool>& cancelled, const std::string& actor,
                        const std::string& requested_by, TargetCounts& counts,
                        std::int64_t bookings_per_batch = kBookingsPerBatch);

// Records a repeat of `target`'s bookings dated `from`..`to` that it already had (those at or
// below its watermark), for the next export run to stage and publish. An error when there are
// none or the period is reversed.
Result<store::ExportBatchRecord> record_repeat(store::Transaction& tx, const std::string& target,
                                               const Date& from, const Date& to,
                                               const std::string& requested_by);

// Discards batch `id` that is not yet published: the exporter drops what it staged, and a
// regular batch's bookings go out again with the next batch (store::Transaction::
// mark_export_batch says which batches can be discarded).
Status discard_batch(store::Store& store, host::PluginInstance* exporter,
                     const std::atomic<bool>& cancelled, const std::string& actor,
                     const std::string& id);

}  // namespace kontor::engine
