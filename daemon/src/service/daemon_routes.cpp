#include <nlohmann/json.hpp>

#include "kontor/version.hpp"
#include "service/admin_backend.hpp"

namespace kontor::service {
namespace {

using admin::AdminRequest;
using admin::AdminResponse;
using admin::json_error;
using nlohmann::json;

constexpr std::int64_t kDefaultRunLimit = 20;
constexpr std::int64_t kMaxRunLimit = 1000;

json instant(std::optional<TimePoint> at) {
  return at ? json(scheduler::iso_instant(*at)) : json();
}

json run_json(const store::JobRun& run) {
  return {{"id", run.id},
          {"job", run.job},
          {"planned_at", scheduler::iso_instant(run.planned_at)},
          {"attempt", run.attempt},
          {"trigger", std::string(to_string(run.trigger))},
          {"idempotency_key", run.idempotency_key},
          {"started_at", instant(run.started_at)},
          {"ended_at", instant(run.ended_at)},
          {"outcome", std::string(to_string(run.outcome))},
          {"error", run.error.empty() ? json() : json(run.error)},
          {"warnings", run.warnings},
          {"counts", run.counts}};
}

Result<std::vector<store::JobRun>> runs_of(AdminBackend& backend, const std::string& job,
                                           std::int64_t limit) {
  std::vector<store::JobRun> runs;
  Status read = backend.store().read([&](store::Reader& reader) -> Status {
    auto found = reader.job_runs(job, limit);
    if (!found) return found.error();
    runs = std::move(found).value();
    return {};
  });
  if (!read) return read.error();
  return runs;
}

AdminResponse ok(const json& body, int status = 200) {
  return {status, body.dump()};
}

}  // namespace

admin::AdminRoutes daemon_routes(AdminBackend& backend) {
  admin::AdminRoutes routes;

  routes.add("GET", "/health", [&backend](const AdminRequest&) {
    const auto& config = backend.configuration();
    json running = json::array();
    for (const auto& job : config.jobs) {
      if (backend.is_running(job.name)) running.push_back(job.name);
    }
    return ok({{"status", "ok"},
               {"version", kontor::kVersion},
               {"configuration", config.file},
               {"started_at", scheduler::iso_instant(backend.started_at())},
               {"now", scheduler::iso_instant(backend.now())},
               {"jobs", config.jobs.size()},
               {"instances", config.instances.size()},
               {"running", running}});
  });

  routes.add("GET", "/jobs", [&backend](const AdminRequest&) -> AdminResponse {
    json jobs = json::array();
    for (const auto& job : backend.configuration().jobs) {
      auto last = runs_of(backend, job.name, 1);
      if (!last) return json_error(500, last.error().message);
      jobs.push_back({{"name", job.name},
                      {"engine", job.engine},
                      {"schedule", job.schedule ? json(*job.schedule) : json()},
                      {"timezone", job.timezone},
                      {"enabled", job.enabled},
                      {"running", backend.is_running(job.name)},
                      {"next_run", instant(backend.next_planned(job.name))},
                      {"last_run", last->empty() ? json() : run_json(last->front())}});
    }
    return ok(jobs);
  });

  routes.add("GET", "/jobs/{name}/runs", [&backend](const AdminRequest& request) -> AdminResponse {
    const std::string& job = request.parameters.at("name");
    if (backend.configuration().job(job) == nullptr) return json_error(404, "no job named " + job);
    const auto limit = admin::query_limit(request, kDefaultRunLimit, kMaxRunLimit);
    if (!limit) return json_error(400, "limit must be a whole number from 1 to 1000");
    auto runs = runs_of(backend, job, *limit);
    if (!runs) return json_error(500, runs.error().message);
    json list = json::array();
    for (const auto& run : *runs) list.push_back(run_json(run));
    return ok(list);
  });

  routes.add("POST", "/jobs/{name}/run", [&backend](const AdminRequest& request) -> AdminResponse {
    const std::string& job = request.parameters.at("name");
    if (backend.configuration().job(job) == nullptr) return json_error(404, "no job named " + job);
    auto planned = backend.run_now(job, request.peer_user);
    if (!planned) return json_error(409, planned.error().message);
    return ok({{"job", planned->job},
               {"planned_at", scheduler::iso_instant(planned->planned)},
               {"idempotency_key", planned->idempotency_key},
               {"trigger", std::string(to_string(planned->trigger))}},
              202);
  });

  add_statement_routes(routes, backend);
  add_reconcile_routes(routes, backend);
  add_dunning_routes(routes, backend);
  add_account_statement_routes(routes, backend);
  add_export_routes(routes, backend);
  add_metrics_routes(routes, backend);
  add_report_routes(routes, backend);
  add_write_off_routes(routes, backend);
  return routes;
}

}  // namespace kontor::service
