// The runs of scheduled jobs in the SQLite unit of work (table job_runs): recorded when they
// start, end or are missed, each change with its event like every other write of the store.
#include <fmt/format.h>

#include <charconv>

#include "store/event_payload.hpp"
#include "store/sqlite_unit_of_work.hpp"

namespace kontor::store::sqlite {
namespace {

constexpr std::string_view kRunColumns =
    "SELECT id, job, planned_at, attempt, idempotency_key, \"trigger\", started_at, ended_at, "
    "outcome, error, warnings, counts FROM job_runs ";

std::string warnings_json(const std::vector<std::string>& warnings) {
  std::string json = "[";
  for (const auto& warning : warnings) {
    if (json.size() > 1) json += ",";
    json += json_quoted(warning);
  }
  return json + "]";
}

std::string counts_json(const std::map<std::string, std::int64_t>& counts) {
  JsonObject object;
  for (const auto& [name, value] : counts) object.add_number(name, value);
  return object.str();
}

// Reads back what utc_timestamp wrote: "2026-11-28T09:30:00.123Z".
Instant stored_instant(const std::string& text) {
  auto number = [&](std::size_t at, std::size_t width) {
    int value = -1;
    if (at + width <= text.size()) {
      const auto [end, error] = std::from_chars(text.data() + at, text.data() + at + width, value);
      if (error != std::errc() || end != text.data() + at + width) value = -1;
    }
    return value;
  };
  const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
  const int hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
  const int millisecond = number(20, 3);
  const std::chrono::year_month_day date{std::chrono::year(year),
                                         std::chrono::month(static_cast<unsigned>(month)),
                                         std::chrono::day(static_cast<unsigned>(day))};
  if (text.size() != 24 || text[23] != 'Z' || !date.ok() || hour < 0 || minute < 0 || second < 0 ||
      millisecond < 0) {
    throw std::runtime_error(fmt::format("stored instant '{}' cannot be read", text));
  }
  return std::chrono::sys_days(date) + std::chrono::hours(hour) + std::chrono::minutes(minute) +
         std::chrono::seconds(second) + std::chrono::milliseconds(millisecond);
}

std::optional<Instant> stored_optional_instant(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return stored_instant(*text);
}

std::optional<std::string> optional_timestamp(const std::optional<Instant>& instant) {
  if (!instant) return std::nullopt;
  return utc_timestamp(*instant);
}

JobRun run_from_row(const Statement& row) {
  JobRun run;
  run.id = row.int64(0);
  run.job = row.text(1);
  run.planned_at = stored_instant(row.text(2));
  run.attempt = static_cast<int>(row.int64(3));
  run.idempotency_key = row.text(4);
  const auto trigger = parse_job_run_trigger(row.text(5));
  const auto outcome = parse_job_run_outcome(row.text(8));
  if (!trigger || !outcome) {
    throw std::runtime_error(
        fmt::format("stored run {} has an unknown trigger or outcome", run.id));
  }
  run.trigger = *trigger;
  run.started_at = stored_optional_instant(row.optional_text(6));
  run.ended_at = stored_optional_instant(row.optional_text(7));
  run.outcome = *outcome;
  run.error = row.text(9);
  return run;
}

JsonObject run_payload(const JobRun& run) {
  JsonObject payload;
  payload.add_number("id", run.id)
      .add_text("job", run.job)
      .add_text("planned_at", utc_timestamp(run.planned_at))
      .add_number("attempt", run.attempt)
      .add_text("trigger", to_string(run.trigger));
  return payload;
}

}  // namespace

std::vector<JobRun> UnitOfWork::load_job_runs(Query& query) {
  struct Row {
    JobRun run;
    std::string warnings;
    std::string counts;
  };
  std::vector<Row> rows;
  while (query.step()) {
    rows.push_back({run_from_row(query.statement()), query->text(10), query->text(11)});
  }
  std::vector<JobRun> runs;
  for (auto& row : rows) {
    Query items(db_, "SELECT value FROM json_each(?) ORDER BY key", row.warnings);
    while (items.step()) row.run.warnings.push_back(items->text(0));
    Query counts(db_, "SELECT key, value FROM json_each(?) ORDER BY key", row.counts);
    while (counts.step()) row.run.counts[counts->text(0)] = counts->int64(1);
    runs.push_back(std::move(row.run));
  }
  return runs;
}

Result<std::vector<JobRun>> UnitOfWork::job_runs(std::string_view job, std::int64_t limit) {
  static const std::string kSql =
      std::string(kRunColumns) + "WHERE job = ?1 ORDER BY id DESC LIMIT ?2";
  return read<std::vector<JobRun>>("runs of job '" + std::string(job) + "'", [&] {
    Query rows(db_, kSql, job, limit);
    return load_job_runs(rows);
  });
}

Result<std::map<std::string, Instant>> UnitOfWork::last_planned_instants() {
  return read<std::map<std::string, Instant>>("last planned instants", [&] {
    std::map<std::string, Instant> last;
    Query rows(db_,
               "SELECT job, MAX(planned_at) FROM job_runs "
               "WHERE \"trigger\" IN ('schedule', 'catch_up') GROUP BY job");
    while (rows.step()) last.emplace(rows->text(0), stored_instant(rows->text(1)));
    return last;
  });
}

Result<bool> UnitOfWork::run_key_recorded(std::string_view idempotency_key) {
  return read<bool>("run key", [&] {
    return Query(db_, "SELECT 1 FROM job_runs WHERE idempotency_key = ? LIMIT 1", idempotency_key)
        .step();
  });
}

std::int64_t UnitOfWork::insert_job_run(const JobRun& run, JobRunOutcome outcome) {
  const bool missed = outcome == JobRunOutcome::missed;
  const std::optional<std::string> started =
      missed ? std::nullopt : optional_timestamp(run.started_at);
  const std::optional<std::string> ended =
      missed ? std::optional<std::string>(run.ended_at ? utc_timestamp(*run.ended_at) : now_)
             : std::nullopt;
  Query(db_,
        "INSERT INTO job_runs (job, planned_at, attempt, idempotency_key, \"trigger\", "
        "started_at, ended_at, outcome, error, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        run.job, utc_timestamp(run.planned_at), run.attempt, run.idempotency_key,
        to_string(run.trigger), started, ended, to_string(outcome), missed ? run.error : "",
        warnings_json(missed ? std::vector<std::string>{} : run.warnings))
      .run();
  return db_.last_insert_rowid();
}

namespace {

std::optional<Error> check_new_run(const JobRun& run) {
  if (run.job.empty() || run.idempotency_key.empty()) {
    return Error{"a run needs a job and an idempotency key"};
  }
  if (run.attempt < 0) return Error{"a run's attempt counts from 0"};
  return std::nullopt;
}

}  // namespace

Result<std::int64_t> UnitOfWork::record_run_start(const JobRun& run) {
  return write<std::int64_t>(
      fmt::format("start of run {} (attempt {})", run.idempotency_key, run.attempt),
      [&]() -> Result<std::int64_t> {
        if (auto problem = check_new_run(run)) return *problem;
        if (!run.started_at) return Error{"a started run needs the time it started"};
        {
          Query known(db_, "SELECT 1 FROM job_runs WHERE idempotency_key = ? AND attempt = ?",
                      run.idempotency_key, run.attempt);
          if (known.step()) {
            return Error{fmt::format("run {} (attempt {}) is already recorded", run.idempotency_key,
                                     run.attempt)};
          }
        }
        JobRun recorded = run;
        recorded.id = insert_job_run(run, JobRunOutcome::running);
        append_event(
            "job_run.started", run.idempotency_key,
            run_payload(recorded).add_text("started_at", utc_timestamp(*run.started_at)).str());
        return recorded.id;
      });
}

Result<std::int64_t> UnitOfWork::record_missed_run(const JobRun& run) {
  return write<std::int64_t>(
      fmt::format("missed run {} (attempt {})", run.idempotency_key, run.attempt),
      [&]() -> Result<std::int64_t> {
        if (auto problem = check_new_run(run)) return *problem;
        JobRun recorded = run;
        recorded.id = insert_job_run(run, JobRunOutcome::missed);
        append_event("job_run.missed", run.idempotency_key,
                     run_payload(recorded).add_text("reason", run.error).str());
        return recorded.id;
      });
}

Result<Change> UnitOfWork::record_run_end(std::int64_t id, const JobRunEnd& end) {
  return write<Change>(fmt::format("end of run {}", id), [&]() -> Result<Change> {
    if (end.outcome == JobRunOutcome::running || end.outcome == JobRunOutcome::missed) {
      return Error{fmt::format("a run cannot end as '{}'", to_string(end.outcome))};
    }
    std::string outcome, key;
    {
      Query row(db_, "SELECT outcome, idempotency_key FROM job_runs WHERE id = ?", id);
      if (!row.step()) return Error{fmt::format("no run with id {}", id)};
      outcome = row->text(0);
      key = row->text(1);
    }
    if (outcome != to_string(JobRunOutcome::running)) {
      return Error{fmt::format("run {} ({}) already ended: {}", id, key, outcome)};
    }
    Query(db_,
          "UPDATE job_runs SET ended_at = ?, outcome = ?, error = ?, warnings = ?, counts = ? "
          "WHERE id = ?",
          utc_timestamp(end.ended_at), to_string(end.outcome), end.error,
          warnings_json(end.warnings), counts_json(end.counts), id)
        .run();
    append_event("job_run.ended", key,
                 JsonObject()
                     .add_number("id", id)
                     .add_text("outcome", to_string(end.outcome))
                     .add_text("ended_at", utc_timestamp(end.ended_at))
                     .add_text("error", end.error)
                     .add_number("warnings", static_cast<std::int64_t>(end.warnings.size()))
                     .add_json("counts", counts_json(end.counts))
                     .str());
    return Change::updated;
  });
}

Result<std::vector<JobRun>> UnitOfWork::fail_interrupted_runs(Instant now) {
  static const std::string kSql =
      std::string(kRunColumns) + "WHERE outcome = 'running' ORDER BY id";
  return write<std::vector<JobRun>>("runs cut off by a stop", [&]() -> Result<std::vector<JobRun>> {
    std::vector<JobRun> runs;
    {
      Query rows(db_, kSql);
      runs = load_job_runs(rows);
    }
    const std::string ended = utc_timestamp(now);
    for (auto& run : runs) {
      run.outcome = JobRunOutcome::failed;
      run.error = "kontord stopped during the run";
      run.ended_at = now;
      Query(db_,
            "UPDATE job_runs SET ended_at = ?, outcome = 'failed', error = ? "
            "WHERE id = ? AND outcome = 'running'",
            ended, run.error, run.id)
          .run();
      append_event("job_run.ended", run.idempotency_key,
                   JsonObject()
                       .add_number("id", run.id)
                       .add_text("outcome", to_string(run.outcome))
                       .add_text("ended_at", ended)
                       .add_text("error", run.error)
                       .str());
    }
    return runs;
  });
}

}  // namespace kontor::store::sqlite
