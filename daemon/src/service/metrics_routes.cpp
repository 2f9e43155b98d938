// GET /metrics: Kontor's figures for Prometheus (text exposition format 0.0.4).
//
// Everything that is a fact about the books or the runs is derived from the store on each
// scrape (store::OperationsTotals), so counters survive restarts and agree with `kontorctl
// runs` and the review queue. Process-lifetime figures are only: kontor_start_time_seconds,
// kontor_job_running and the plugins' own metrics (host.count/host.gauge). Amounts of money are
// deliberately absent: they belong in the bookkeeping, not in a time series.
#include <map>
#include <set>

#include "admin/prometheus_text.hpp"
#include "kontor/version.hpp"
#include "service/admin_backend.hpp"

namespace kontor::service {
namespace {

using admin::AdminRequest;
using admin::AdminResponse;
using admin::MetricLabels;
using admin::PrometheusText;

std::int64_t unix_ms(TimePoint at) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
}

// Outcomes that count as a failure for alerting: the job did not do its work.
bool is_failure(const std::string& outcome) {
  return outcome == "failed" || outcome == "timed_out";
}

void write_jobs(PrometheusText& out, AdminBackend& backend) {
  const auto& config = backend.configuration();
  std::map<std::string, std::int64_t> by_engine;
  for (const auto& job : config.jobs) ++by_engine[job.engine];
  out.family("kontor_jobs_configured", "gauge", "Jobs in the running configuration, by engine.");
  for (const auto& [engine, jobs] : by_engine) {
    out.sample("kontor_jobs_configured", {{"engine", engine}}, jobs);
  }
  out.family("kontor_job_enabled", "gauge", "1 when the job runs on its schedule, else 0.");
  for (const auto& job : config.jobs) {
    out.sample("kontor_job_enabled", {{"job", job.name}, {"engine", job.engine}},
               job.enabled ? 1 : 0);
  }
  out.family("kontor_job_running", "gauge", "1 while a run of the job is in progress.");
  for (const auto& job : config.jobs) {
    out.sample("kontor_job_running", {{"job", job.name}}, backend.is_running(job.name) ? 1 : 0);
  }
}

void write_runs(PrometheusText& out, const store::OperationsTotals& totals) {
  out.family("kontor_job_runs_total", "counter",
             "Runs that ended, by job and outcome (succeeded, failed, timed_out, cancelled, "
             "missed).");
  for (const auto& run : totals.runs) {
    out.sample("kontor_job_runs_total", {{"job", run.job}, {"outcome", run.outcome}}, run.runs);
  }
  std::map<std::string, std::int64_t> failures, started, duration_ms;
  for (const auto& run : totals.runs) {
    failures[run.job] += is_failure(run.outcome) ? run.runs : 0;
    if (run.outcome != "missed") {
      started[run.job] += run.runs;
      duration_ms[run.job] += run.duration_ms;
    }
  }
  out.family("kontor_job_failures_total", "counter", "Runs that failed or timed out, by job.");
  for (const auto& [job, count] : failures) {
    out.sample("kontor_job_failures_total", {{"job", job}}, count);
  }
  out.family("kontor_job_run_duration_seconds", "summary",
             "How long the runs that started took, by job (sum and count; divide for the mean).");
  for (const auto& [job, count] : started) {
    out.seconds("kontor_job_run_duration_seconds_sum", {{"job", job}}, duration_ms[job]);
    out.sample("kontor_job_run_duration_seconds_count", {{"job", job}}, count);
  }
  out.family("kontor_job_last_run_timestamp_seconds", "gauge",
             "When the job's latest run ended (Unix time).");
  for (const auto& last : totals.last_runs) {
    out.seconds("kontor_job_last_run_timestamp_seconds", {{"job", last.job}}, last.ended_unix_ms);
  }
  out.family("kontor_job_last_run_duration_seconds", "gauge",
             "How long the job's latest run took (0 for a missed run).");
  for (const auto& last : totals.last_runs) {
    out.seconds("kontor_job_last_run_duration_seconds", {{"job", last.job}}, last.duration_ms);
  }
  out.family("kontor_job_last_run_success", "gauge", "1 when the job's latest run succeeded.");
  for (const auto& last : totals.last_runs) {
    out.sample("kontor_job_last_run_success", {{"job", last.job}},
               last.outcome == "succeeded" ? 1 : 0);
  }
  out.family("kontor_job_counted_total", "counter",
             "What the job's runs counted (files_imported, transactions_new, ...), summed over "
             "all runs.");
  for (const auto& counted : totals.counted) {
    out.sample("kontor_job_counted_total", {{"job", counted.job}, {"count", counted.count}},
               counted.total);
  }
}

void write_books(PrometheusText& out, const store::OperationsTotals& totals) {
  out.family("kontor_files_imported_total", "counter", "Files imported, by source instance.");
  for (const auto& [source, files] : totals.files_imported) {
    out.sample("kontor_files_imported_total", {{"source", source}}, files);
  }
  out.family("kontor_files_quarantined_total", "counter",
             "Files that could not be read and went to quarantine, by source instance.");
  for (const auto& [source, files] : totals.files_quarantined) {
    out.sample("kontor_files_quarantined_total", {{"source", source}}, files);
  }
  out.family("kontor_bank_transactions", "gauge",
             "Bank transactions by matching state (posted, review, unmatched, ignored, returned, "
             "return_applied).");
  for (const auto& [state, transactions] : totals.transactions) {
    out.sample("kontor_bank_transactions", {{"state", state}}, transactions);
  }
  out.family("kontor_notices", "gauge",
             "Notices in the outbox by kind, channel, level and delivery state (pending, "
             "retrying, delivered, parked).");
  std::map<MetricLabels, std::int64_t> delivered;
  for (const auto& notice : totals.notices) {
    const MetricLabels labels = {{"kind", notice.kind},
                                 {"channel", notice.channel},
                                 {"level", std::to_string(notice.level)}};
    MetricLabels with_state = labels;
    with_state.emplace_back("state", notice.delivery_state);
    out.sample("kontor_notices", with_state, notice.notices);
    if (notice.delivery_state == "delivered") delivered[labels] += notice.notices;
  }
  out.family("kontor_notices_delivered_total", "counter",
             "Notices delivered, by kind, channel and level.");
  for (const auto& [labels, notices] : delivered) {
    out.sample("kontor_notices_delivered_total", labels, notices);
  }
  std::map<std::string, std::int64_t> parked;
  for (const auto& notice : totals.notices) {
    if (notice.delivery_state == "parked") parked[notice.channel] += notice.notices;
  }
  out.family("kontor_notices_parked", "gauge",
             "Notices whose delivery failed for good and wait for an operator, by channel.");
  for (const auto& [channel, notices] : parked) {
    out.sample("kontor_notices_parked", {{"channel", channel}}, notices);
  }
  out.family("kontor_export_batches", "gauge",
             "Export batches by target and state (recorded, staged, published, discarded).");
  for (const auto& batch : totals.exports) {
    out.sample("kontor_export_batches", {{"target", batch.target}, {"state", batch.state}},
               batch.batches);
  }
  std::map<std::string, std::int64_t> published, bookings;
  for (const auto& batch : totals.exports) {
    if (batch.state != "published") continue;
    published[batch.target] += batch.batches;
    bookings[batch.target] += batch.bookings;
  }
  out.family("kontor_export_batches_published_total", "counter",
             "Export batches published, by target.");
  for (const auto& [target, batches] : published) {
    out.sample("kontor_export_batches_published_total", {{"target", target}}, batches);
  }
  out.family("kontor_bookings_exported_total", "counter",
             "Bookings in published export batches, by target.");
  for (const auto& [target, count] : bookings) {
    out.sample("kontor_bookings_exported_total", {{"target", target}}, count);
  }
}

// One family per metric name; its type is the plugins' (a name counted by one instance and set
// as a gauge by another is untyped). Counters get the conventional _total suffix.
void write_plugin_metrics(PrometheusText& out, const std::vector<PluginMetricSample>& samples) {
  std::map<std::string, std::vector<const PluginMetricSample*>> families;
  for (const auto& sample : samples) {
    families["kontor_plugin_" + admin::metric_name_part(sample.name)].push_back(&sample);
  }
  for (const auto& [base, members] : families) {
    std::set<bool> kinds;
    for (const auto* sample : members) kinds.insert(sample->gauge);
    const bool gauge = kinds.size() == 1 && *kinds.begin();
    const bool counter = kinds.size() == 1 && !*kinds.begin();
    const std::string name = counter && !base.ends_with("_total") ? base + "_total" : base;
    out.family(name,
               gauge     ? "gauge"
               : counter ? "counter"
                         : "untyped",
               "Plugin metric '" + members.front()->name + "' by instance, since kontord started.");
    for (const auto* sample : members) {
      out.sample(name, {{"instance", sample->instance}}, sample->value);
    }
  }
}

}  // namespace

void add_metrics_routes(admin::AdminRoutes& routes, AdminBackend& backend) {
  routes.add("GET", "/metrics", [&backend](const AdminRequest&) -> AdminResponse {
    store::OperationsTotals totals;
    Status read = backend.store().read([&](store::Reader& reader) -> Status {
      auto found = reader.operations_totals();
      if (!found) return found.error();
      totals = std::move(found).value();
      return {};
    });
    if (!read) return admin::json_error(500, read.error().message);
    PrometheusText out;
    out.family("kontor_build_info", "gauge", "The running kontord's version.");
    out.sample("kontor_build_info", {{"version", kontor::kVersion}}, 1);
    out.family("kontor_start_time_seconds", "gauge", "When kontord started (Unix time).");
    out.seconds("kontor_start_time_seconds", {}, unix_ms(backend.started_at()));
    write_jobs(out, backend);
    write_runs(out, totals);
    write_books(out, totals);
    write_plugin_metrics(out, backend.plugin_metrics());
    return {200, out.text(), admin::kPrometheusContentType};
  });
}

}  // namespace kontor::service
