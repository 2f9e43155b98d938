// The admin API's view of the running kontord: what its endpoints read and steer. Implemented
// by the daemon; the routes (daemon_routes.cpp) depend on nothing else, so they are tested with
// a small fake.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "admin/admin_routes.hpp"
#include "common/clock.hpp"
#include "config/kontor_config.hpp"
#include "kontor/result.hpp"
#include "scheduler/planned_run.hpp"
#include "store/store.hpp"

namespace kontor::host {
class PluginInstance;
}

namespace kontor::service {

// A counter (host.count) or gauge (host.gauge) a plugin instance reported since start-up.
struct PluginMetricSample {
  std::string instance;
  std::string name;
  std::int64_t value = 0;
  bool gauge = false;
};

class AdminBackend {
 public:
  virtual ~AdminBackend() = default;
  virtual const config::KontorConfig& configuration() const = 0;
  virtual store::Store& store() = 0;
  virtual TimePoint now() const = 0;
  virtual TimePoint started_at() const = 0;
  virtual bool is_running(const std::string& job) const = 0;
  virtual std::optional<TimePoint> next_planned(const std::string& job) const = 0;
  virtual Result<scheduler::PlannedRun> run_now(const std::string& job,
                                                const std::string& requested_by) = 0;
  // The running configuration's plugin instance `name`, or null when it has none. Holding it
  // keeps that configuration's instances open across a reload.
  virtual std::shared_ptr<host::PluginInstance> plugin_instance(const std::string& name) = 0;
  // What plugins counted since start-up; none where the backend keeps no plugin metrics.
  virtual std::vector<PluginMetricSample> plugin_metrics() const { return {}; }
};

// GET /health, GET /jobs, GET /jobs/{name}/runs, POST /jobs/{name}/run, and the statement,
// reconcile and dunning routes below.
admin::AdminRoutes daemon_routes(AdminBackend& backend);

// GET /accounts, GET /files?state=quarantined (statement_routes.cpp).
void add_statement_routes(admin::AdminRoutes& routes, AdminBackend& backend);

// GET /review, GET /unmatched, GET /entries/{id}, POST /entries/{id}/allocate,
// POST /entries/{id}/undo, GET /reconciliation (reconcile_routes.cpp).
void add_reconcile_routes(admin::AdminRoutes& routes, AdminBackend& backend);

// GET /notices, GET /notices/counts, GET /notices/{number}, POST /notices/{number}/retry,
// GET|POST|DELETE /blocks, POST /blocks/lift, GET /dunning/preview, POST /dunning/force
// (dunning_routes.cpp).
void add_dunning_routes(admin::AdminRoutes& routes, AdminBackend& backend);

// GET /customers/{number}/statement?period=YYYY-MM[&format=json|text|pdf]: a statement of
// account on demand (account_statement_routes.cpp).
void add_account_statement_routes(admin::AdminRoutes& routes, AdminBackend& backend);

// GET /metrics: the Prometheus text exposition (metrics_routes.cpp).
void add_metrics_routes(admin::AdminRoutes& routes, AdminBackend& backend);

// GET /exports, GET /exports/{batch}, POST /exports/{target}/repeat,
// POST /exports/{batch}/discard, GET /bookings/totals (export_routes.cpp).
void add_export_routes(admin::AdminRoutes& routes, AdminBackend& backend);

// GET /reports/aging, GET /reports/open-items, GET /reports/activity, GET /reports/dso: the
// account manager's reports (report_routes.cpp).
void add_report_routes(admin::AdminRoutes& routes, AdminBackend& backend);

// POST /items/{number}/write-off, GET /write-offs: the account manager's write-offs
// (write_off_routes.cpp).
void add_write_off_routes(admin::AdminRoutes& routes, AdminBackend& backend);

}  // namespace kontor::service
