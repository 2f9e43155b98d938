// The store's figures for /metrics (operations_totals.hpp), each one GROUP BY over its table.
// Stored instants are UTC text ("2026-11-28T09:30:00.123Z"); durations and instants are worked
// out in SQL with julianday(): precise to well under a millisecond for today's dates, and they
// are times, never money. Runs the housekeeping engine removed (prune_job_runs, here beside the
// totals it must keep whole) live on in the carried tables, which the run totals add in.
#include <string>

#include "store/event_payload.hpp"
#include "store/sqlite_unit_of_work.hpp"

namespace kontor::store::sqlite {
namespace {

// A run's duration in milliseconds, as the totals sum it: every run rounded on its own, so that
// runs carried forward by prune_job_runs add up to the same figure.
constexpr std::string_view kRunDurationMs =
    "CAST(ROUND((julianday(ended_at) - julianday(started_at)) * 86400000) AS INTEGER)";

// What job_runs holds plus what pruned runs left in job_run_totals_carried.
const std::string kRunTotals =
    "SELECT job, outcome, SUM(runs), SUM(duration_ms) FROM ("
    "SELECT job, outcome, COUNT(*) AS runs, COALESCE(SUM(" +
    std::string(kRunDurationMs) +
    "), 0) AS duration_ms FROM job_runs WHERE outcome <> 'running' GROUP BY job, outcome "
    "UNION ALL SELECT job, outcome, runs, duration_ms FROM job_run_totals_carried) "
    "GROUP BY job, outcome ORDER BY job, outcome";

// The latest ended run per job: the highest id among its ended runs (ids grow with time).
constexpr std::string_view kLastRuns =
    "SELECT job, outcome, "
    "CAST(ROUND((julianday(ended_at) - 2440587.5) * 86400000) AS INTEGER), "
    "COALESCE(CAST(ROUND((julianday(ended_at) - julianday(started_at)) * 86400000) AS INTEGER), 0) "
    "FROM job_runs WHERE id IN (SELECT MAX(id) FROM job_runs WHERE outcome <> 'running' "
    "GROUP BY job) ORDER BY job";

constexpr std::string_view kCounted =
    "SELECT job, name, SUM(total) FROM ("
    "SELECT job_runs.job AS job, counted.key AS name, SUM(counted.value) AS total "
    "FROM job_runs, json_each(job_runs.counts) AS counted WHERE counted.type = 'integer' "
    "GROUP BY 1, 2 "
    "UNION ALL SELECT job, name, total FROM job_count_totals_carried) "
    "GROUP BY job, name ORDER BY job, name";

// The runs prune_job_runs may remove (?1: the instant they ended before): ended, and not the
// newest of their job and outcome — which is also the newest of the job, the last that ended
// and the last that succeeded — nor the latest scheduled one of their job (catch-up reads it).
constexpr std::string_view kPrunableRuns =
    "outcome <> 'running' AND ended_at < ?1 "
    "AND id NOT IN (SELECT MAX(id) FROM job_runs GROUP BY job, outcome) "
    "AND id NOT IN (SELECT latest.id FROM job_runs AS latest "
    "WHERE latest.\"trigger\" IN ('schedule', 'catch_up') AND latest.planned_at = "
    "(SELECT MAX(other.planned_at) FROM job_runs AS other WHERE other.job = latest.job "
    "AND other.\"trigger\" IN ('schedule', 'catch_up')))";

const std::string kCarryRunTotals =
    "INSERT INTO job_run_totals_carried (job, outcome, runs, duration_ms) "
    "SELECT job, outcome, COUNT(*), COALESCE(SUM(" +
    std::string(kRunDurationMs) + "), 0) FROM job_runs WHERE " + std::string(kPrunableRuns) +
    " GROUP BY job, outcome "
    "ON CONFLICT (job, outcome) DO UPDATE SET runs = runs + excluded.runs, "
    "duration_ms = duration_ms + excluded.duration_ms";

const std::string kCarryCountTotals =
    "INSERT INTO job_count_totals_carried (job, name, total) "
    "SELECT pruned.job, counted.key, SUM(counted.value) FROM "
    "(SELECT job, counts FROM job_runs WHERE " +
    std::string(kPrunableRuns) +
    ") AS pruned, json_each(pruned.counts) AS counted WHERE counted.type = 'integer' "
    "GROUP BY pruned.job, counted.key "
    "ON CONFLICT (job, name) DO UPDATE SET total = total + excluded.total";

const std::string kPruneRuns = "DELETE FROM job_runs WHERE " + std::string(kPrunableRuns);

void count_by_name(Connection& db, std::string_view sql, std::map<std::string, std::int64_t>& out) {
  Query rows(db, sql);
  while (rows.step()) out[rows->text(0)] = rows->int64(1);
}

}  // namespace

Result<OperationsTotals> UnitOfWork::operations_totals() {
  return read<OperationsTotals>("operations totals", [&] {
    OperationsTotals totals;
    {
      Query rows(db_, kRunTotals);
      while (rows.step()) {
        totals.runs.push_back({rows->text(0), rows->text(1), rows->int64(2), rows->int64(3)});
      }
    }
    {
      Query rows(db_, kLastRuns);
      while (rows.step()) {
        totals.last_runs.push_back({rows->text(0), rows->text(1), rows->int64(2), rows->int64(3)});
      }
    }
    {
      Query rows(db_, kCounted);
      while (rows.step()) totals.counted.push_back({rows->text(0), rows->text(1), rows->int64(2)});
    }
    count_by_name(db_, "SELECT source, COUNT(*) FROM files GROUP BY source", totals.files_imported);
    count_by_name(db_, "SELECT source, COUNT(*) FROM refused_files GROUP BY source",
                  totals.files_quarantined);
    count_by_name(db_, "SELECT state, COUNT(*) FROM reconciliations GROUP BY state",
                  totals.transactions);
    {
      Query rows(db_,
                 "SELECT kind, channel, level, delivery_state, COUNT(*) FROM notices "
                 "GROUP BY kind, channel, level, delivery_state ORDER BY 1, 2, 3, 4");
      while (rows.step()) {
        totals.notices.push_back({rows->text(0), rows->text(1), static_cast<int>(rows->int64(2)),
                                  rows->text(3), rows->int64(4)});
      }
    }
    {
      Query rows(db_,
                 "SELECT target, state, COUNT(*), SUM(booking_count) FROM export_batches "
                 "GROUP BY target, state ORDER BY 1, 2");
      while (rows.step()) {
        totals.exports.push_back({rows->text(0), rows->text(1), rows->int64(2), rows->int64(3)});
      }
    }
    return totals;
  });
}

// What a removed run added moves to the carried tables in the same savepoint as its removal.
Result<std::int64_t> UnitOfWork::prune_job_runs(Instant ended_before) {
  const std::string before = utc_timestamp(ended_before);
  return write<std::int64_t>(
      "removal of runs that ended before " + before, [&]() -> Result<std::int64_t> {
        Query(db_, kCarryRunTotals, before).run();
        Query(db_, kCarryCountTotals, before).run();
        Query(db_, kPruneRuns, before).run();
        const std::int64_t removed = db_.changes();
        if (removed > 0) {
          append_event(
              "job_run.pruned", "job_runs",
              JsonObject().add_text("ended_before", before).add_number("runs", removed).str());
        }
        return removed;
      });
}

}  // namespace kontor::store::sqlite
