// OperationsTotals: what the store has recorded, added up for an operator's dashboard (the admin
// API's Prometheus /metrics). Everything here is derived from rows that outlive the process, so
// the figures survive restarts and agree with `kontorctl runs`, the review queue and the
// outbox. Only counts and durations: amounts of money stay out of metrics.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace kontor::store {

// Runs of one job that ended one way ("succeeded", "failed", "timed_out", "cancelled",
// "missed"); a run still going is not counted until it ends.
struct JobRunTotal {
  std::string job;
  std::string outcome;
  std::int64_t runs = 0;
  std::int64_t duration_ms = 0;  // summed over the runs that started
};

// A job's latest run that ended (missed runs included: they end without starting).
struct LastJobRun {
  std::string job;
  std::string outcome;
  std::int64_t ended_unix_ms = 0;
  std::int64_t duration_ms = 0;  // 0 for a missed run
};

// What a job's runs counted ("files_imported", "transactions_new", ...), summed over all runs.
struct JobCountTotal {
  std::string job;
  std::string count;
  std::int64_t total = 0;
};

struct NoticeTotal {
  std::string kind;     // reminder, statement, invoice
  std::string channel;  // the channel instance
  int level = 0;
  std::string delivery_state;  // pending, retrying, delivered, parked
  std::int64_t notices = 0;
};

struct ExportTotal {
  std::string target;
  std::string state;  // recorded, staged, published, discarded
  std::int64_t batches = 0;
  std::int64_t bookings = 0;
};

struct OperationsTotals {
  std::vector<JobRunTotal> runs;
  std::vector<LastJobRun> last_runs;
  std::vector<JobCountTotal> counted;
  std::map<std::string, std::int64_t> files_imported;     // by source instance
  std::map<std::string, std::int64_t> files_quarantined;  // by source instance
  std::map<std::string, std::int64_t> transactions;       // by reconciliation state
  std::vector<NoticeTotal> notices;
  std::vector<ExportTotal> exports;
};

}  // namespace kontor::store
