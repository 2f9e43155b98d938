// The store's figures for /metrics (operations_totals.hpp), each one GROUP BY over its table.
// Stored instants are UTC text ("2026-11-28T09:30:00.123Z"); durations and instants are worked
// out in SQL with julianday(): precise to well under a millisecond for today's dates, and they
// are times, never money.
#include "store/sqlite_unit_of_work.hpp"

namespace kontor::store::sqlite {
namespace {

constexpr std::string_view kRunTotals =
    "SELECT job, outcome, COUNT(*), "
    "COALESCE(SUM(CAST(ROUND((julianday(ended_at) - julianday(started_at)) * 86400000) AS "
    "INTEGER)), "
    "0) "
    "FROM job_runs WHERE outcome <> 'running' GROUP BY job, outcome ORDER BY job, outcome";

// The latest ended run per job: the highest id among its ended runs (ids grow with time).
constexpr std::string_view kLastRuns =
    "SELECT job, outcome, "
    "CAST(ROUND((julianday(ended_at) - 2440587.5) * 86400000) AS INTEGER), "
    "COALESCE(CAST(ROUND((julianday(ended_at) - julianday(started_at)) * 86400000) AS INTEGER), 0) "
    "FROM job_runs WHERE id IN (SELECT MAX(id) FROM job_runs WHERE outcome <> 'running' "
    "GROUP BY job) ORDER BY job";

constexpr std::string_view kCounted =
    "SELECT job_runs.job, counted.key, SUM(counted.value) FROM job_runs, "
    "json_each(job_runs.counts) "
    "AS counted WHERE counted.type = 'integer' GROUP BY job_runs.job, counted.key "
    "ORDER BY job_runs.job, counted.key";

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

}  // namespace kontor::store::sqlite
