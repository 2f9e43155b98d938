#include "service/daemon.hpp"

#include <fmt/format.h>
#include <spdlog/logger.h>

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <csignal>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "admin/admin_server.hpp"
#include "admin/tcp_listener.hpp"
#include "common/clock.hpp"
#include "config/config_error.hpp"
#include "host/blocking_pool.hpp"
#include "host/host_services.hpp"
#include "host/plugin_instances.hpp"
#include "host/store_instance_state.hpp"
#include "host/transfer_service.hpp"
#include "kontor/version.hpp"
#include "log/logging.hpp"
#include "service/admin_backend.hpp"
#include "service/configuration.hpp"
#include "service/job_service.hpp"
#include "service/service_notifier.hpp"
#include "service/source_watch.hpp"
#include "store/sqlite_store.hpp"

namespace kontor::service {
namespace {

std::string summary(const config::KontorConfig& config) {
  int scheduled = 0;
  for (const auto& job : config.jobs) scheduled += (job.enabled && job.schedule) ? 1 : 0;
  return fmt::format("{} job{} ({} scheduled), {} instance{}; configuration {}", config.jobs.size(),
                     config.jobs.size() == 1 ? "" : "s", scheduled, config.instances.size(),
                     config.instances.size() == 1 ? "" : "s", config.file);
}

class DaemonProcess final : public AdminBackend {
 public:
  DaemonProcess(const DaemonOptions& options, std::shared_ptr<Clock> clock,
                engine::EngineCatalog engines, std::shared_ptr<const host::PluginCatalog> catalog,
                std::unique_ptr<store::Store> store, int workers)
      : options_(options),
        clock_(std::move(clock)),
        started_at_(clock_->now()),
        store_(std::move(store)),
        instance_state_(*store_),
        engines_(std::move(engines)),
        catalog_(std::move(catalog)),
        pool_(workers),
        signals_(io_, SIGINT, SIGTERM, SIGHUP),
        watchdog_timer_(io_),
        grace_timer_(io_),
        log_(kontor::log::get("daemon")) {
    context_.clock = clock_;
    context_.state = &instance_state_;
    context_.secrets = config::SecretEnvironment::from_process();
    context_.metrics = &metrics_;
    context_.transfer = &transfer_;
  }

  // Opens what the configuration names; an error says which instance refused and why.
  Result<std::shared_ptr<Runtime>> open(config::KontorConfig config) {
    auto runtime = std::make_shared<Runtime>();
    runtime->config = std::make_unique<config::KontorConfig>(std::move(config));
    auto plugins = host::PluginInstances::create(*runtime->config, *catalog_, context_, pool_);
    if (!plugins) return plugins.error();
    runtime->plugins = std::move(plugins).value();
    return runtime;
  }

  // `kontord --once`: the requested jobs (or every enabled job no other job starts), each
  // followed by its `then:` chain, through the same job service as scheduled runs.
  int run_once(std::shared_ptr<Runtime> runtime) {
    runtime_ = runtime;
    JobServiceOptions once;
    once.once = true;
    jobs_ = std::make_unique<JobService>(io_, clock_, *store_, engines_, once);
    const config::KontorConfig& config = *runtime_->config;
    std::vector<std::string> requested = options_.once_jobs;
    for (const auto& name : requested) {
      if (config.job(name) == nullptr) {
        std::vector<std::string> names;
        for (const auto& job : config.jobs) names.push_back(job.name);
        log_->error(
            "no job named '{}' in {} (jobs: {})", name, config.file,
            names.empty() ? std::string("none") : fmt::format("{}", fmt::join(names, ", ")));
        return kExitJobFailed;
      }
    }
    if (requested.empty()) {
      std::set<std::string> started_by_others;
      for (const auto& job : config.jobs) {
        if (job.enabled) started_by_others.insert(job.then.begin(), job.then.end());
      }
      for (const auto& job : config.jobs) {
        if (job.enabled && !started_by_others.count(job.name)) requested.push_back(job.name);
      }
    }
    if (requested.empty()) {
      log_->info("no enabled jobs in {}", config.file);
      return kExitOk;
    }
    if (auto started = jobs_->start(runtime_); !started) {
      log_->error("cannot start jobs: {}", started.error().message);
      return kExitStartFailed;
    }
    // In the order of the flow (DESIGN.md §3): what reminds or exports must see what was
    // imported and matched, so each stage starts when the one before it (and every `then:` run
    // it caused) has ended.
    std::map<int, std::vector<std::string>> stages;
    for (const auto& name : requested) stages[flow_stage(config.job(name)->engine)].push_back(name);
    once_stages_.clear();
    for (auto& [stage, names] : stages) once_stages_.push_back(std::move(names));
    run_once_stage(0);
    wait_for_signal();
    io_.run();
    return jobs_->unsuccessful_runs() == 0 ? kExitOk : kExitJobFailed;
  }

  // Where an engine stands in the flow: imports, matching, what reads the matched book
  // (reminders, statements, invoices), exports, then the operator's digest and housekeeping.
  static int flow_stage(const std::string& engine) {
    if (engine == "import_open_items" || engine == "import_statements") return 0;
    if (engine == "reconcile") return 1;
    if (engine == "dunning" || engine == "statements" || engine == "deliver_invoices") return 2;
    if (engine == "export") return 3;
    return 4;
  }

  void run_once_stage(std::size_t stage) {
    if (stage >= once_stages_.size()) {
      io_.stop();
      return;
    }
    for (const auto& name : once_stages_[stage]) {
      if (auto planned = jobs_->run_now(name); !planned) {
        log_->error("job {}: {}", name, planned.error().message);
      }
    }
    jobs_->when_idle([this, stage] { run_once_stage(stage + 1); });
  }

  int serve(std::shared_ptr<Runtime> runtime) {
    runtime_ = runtime;
    routes_ = daemon_routes(*this);
    admin::AdminLimits limits;
    limits.read_timeout = runtime_->config->daemon.admin_request_timeout;
    auto admin =
        admin::AdminServer::listen(io_, runtime_->config->daemon.admin_socket, routes_, limits);
    if (!admin) {
      std::fprintf(stderr, "kontord: cannot start: %s\n", admin.error().message.c_str());
      return kExitStartFailed;
    }
    admin_ = std::move(admin).value();
    if (const auto& address = runtime_->config->daemon.admin_listen) {
      auto token = admin_token(*runtime_->config);
      if (!token) {
        std::fprintf(stderr, "kontord: cannot start: %s\n", token.error().message.c_str());
        return kExitStartFailed;
      }
      auto listener =
          admin::AdminTcpListener::listen(io_, *address, routes_, std::move(*token), limits);
      if (!listener) {
        std::fprintf(stderr, "kontord: cannot start: %s\n", listener.error().message.c_str());
        return kExitStartFailed;
      }
      admin_tcp_ = std::move(listener).value();
      if (!address->loopback) {
        log_->warn(
            "admin API listens on {} without TLS: tokens and answers cross the network in "
            "clear text unless a TLS-terminating proxy is in front",
            address->describe());
      }
      log_->info("admin API also on TCP {} (bearer token required)", address->describe());
    }
    jobs_ = std::make_unique<JobService>(io_, clock_, *store_, engines_);
    jobs_->on_run_finished([this](const std::string& job) {
      if (watch_) watch_->run_finished(job);
    });
    if (auto started = jobs_->start(runtime_); !started) {
      std::fprintf(stderr, "kontord: cannot start: %s\n", started.error().message.c_str());
      return kExitStartFailed;
    }
    watch_ = std::make_unique<SourceWatch>(io_, *runtime_, *jobs_);
    wait_for_signal();
    if (auto period = notifier_.watchdog_period()) {
      watchdog_period_ = *period;
      ping_watchdog();
    }
    log_->info("kontord {} ready: {}", kVersion, summary(*runtime_->config));
    notifier_.ready("ready: " + summary(*runtime_->config));
    io_.run();
    log_->info("kontord stopped");
    return kExitOk;
  }

  // --- AdminBackend ---
  const config::KontorConfig& configuration() const override { return *runtime_->config; }
  store::Store& store() override { return *store_; }
  TimePoint now() const override { return clock_->now(); }
  TimePoint started_at() const override { return started_at_; }
  bool is_running(const std::string& job) const override { return jobs_->is_running(job); }
  std::optional<TimePoint> next_planned(const std::string& job) const override {
    return jobs_->next_planned(job);
  }
  Result<scheduler::PlannedRun> run_now(const std::string& job,
                                        const std::string& requested_by) override {
    auto planned = jobs_->run_now(job);
    if (planned) log_->info("run {} requested by {}", planned->idempotency_key, requested_by);
    return planned;
  }
  std::shared_ptr<host::PluginInstance> plugin_instance(const std::string& name) override {
    host::PluginInstance* instance = runtime_->plugins ? runtime_->plugins->find(name) : nullptr;
    if (instance == nullptr) return nullptr;
    // Shares the runtime's ownership: a reload meanwhile does not close the instance.
    return std::shared_ptr<host::PluginInstance>(runtime_, instance);
  }
  std::vector<PluginMetricSample> plugin_metrics() const override {
    std::vector<PluginMetricSample> samples;
    for (const auto& [key, sample] : metrics_.samples()) {
      const std::size_t colon = key.find(':');  // "instance:metric"; instance names have none
      samples.push_back({key.substr(0, colon), key.substr(colon + 1), sample.value, sample.gauge});
    }
    return samples;
  }

 private:
  // The TCP listener's token from its secret; the message names the reference, never the value.
  Result<admin::BearerToken> admin_token(const config::KontorConfig& config) const {
    const auto& reference = config.daemon.admin_token;
    if (!reference) return Error{"daemon.admin_listen is set but daemon.admin_token is not"};
    auto secret = config::resolve_secret(*reference, context_.secrets);
    if (!secret) {
      return Error{fmt::format("daemon.admin_token ({}): {}", reference->describe(),
                               secret.error().message)};
    }
    auto token = admin::BearerToken::from_secret(*secret);
    if (!token) {
      return Error{
          fmt::format("daemon.admin_token ({}): {}", reference->describe(), token.error().message)};
    }
    return token;
  }

  void wait_for_signal() {
    signals_.async_wait([this](const boost::system::error_code& error, int signal) {
      if (error) return;
      if (signal == SIGHUP) {
        if (!options_.once) reload();
        wait_for_signal();
      } else {
        stop(signal);
      }
    });
  }

  // Validate everything, open the new instances, and only then swap: a reload never
  // half-applies, and a rejected one leaves the running configuration untouched. Runs in
  // progress finish with the configuration they started with.
  void reload() {
    const config::KontorConfig& running = *runtime_->config;
    notifier_.reloading("reloading " + running.file);
    log_->info("SIGHUP: reloading {}", options_.config_path);
    Configuration configuration = load_configuration(options_.config_path, engines_, catalog_);
    std::vector<std::string> problems = configuration.plugin_errors;
    for (const auto& error : configuration.loaded.errors) problems.push_back(to_string(error));
    std::shared_ptr<Runtime> next;
    std::optional<admin::BearerToken> next_token;
    if (problems.empty() && configuration.loaded.config) {
      const config::KontorConfig& fresh = *configuration.loaded.config;
      for (const auto& [what, old_value, new_value] :
           {std::tuple("store.path", running.store.path, fresh.store.path),
            std::tuple("daemon.plugin_dir", running.daemon.plugin_dir, fresh.daemon.plugin_dir),
            std::tuple("daemon.admin_socket", running.daemon.admin_socket,
                       fresh.daemon.admin_socket),
            std::tuple("daemon.admin_listen",
                       running.daemon.admin_listen ? running.daemon.admin_listen->describe()
                                                   : std::string("(none)"),
                       fresh.daemon.admin_listen ? fresh.daemon.admin_listen->describe()
                                                 : std::string("(none)"))}) {
        if (old_value != new_value) {
          log_->warn("{} changed: it is used from start-up on; restart kontord to use {}", what,
                     new_value);
        }
      }
      // A rotated token takes effect with the reload; one that cannot be read rejects it.
      if (admin_tcp_ && fresh.daemon.admin_token) {
        if (auto token = admin_token(fresh)) {
          next_token = std::move(*token);
        } else {
          problems.push_back(token.error().message);
        }
      }
      if (problems.empty()) {
        auto opened = open(std::move(*configuration.loaded.config));
        if (opened) {
          next = std::move(opened).value();
        } else {
          problems.push_back(opened.error().message);
        }
      }
    }
    if (!next) {
      for (const auto& problem : problems) log_->error("{}", problem);
      const std::string status = fmt::format(
          "reload rejected ({} error{} in {}); running previous configuration: {}", problems.size(),
          problems.size() == 1 ? "" : "s", options_.config_path, summary(running));
      log_->error("{}", status);
      notifier_.ready(status);
      return;
    }
    watch_.reset();
    runtime_ = next;
    if (admin_tcp_ && next_token) admin_tcp_->replace_token(std::move(*next_token));
    jobs_->reconfigure(runtime_);
    watch_ = std::make_unique<SourceWatch>(io_, *runtime_, *jobs_);
    kontor::log::set_level(options_.log_level.value_or(runtime_->config->daemon.log_level));
    log_->info("configuration reloaded: {}", summary(*runtime_->config));
    notifier_.ready("ready (reloaded): " + summary(*runtime_->config));
  }

  // Stop taking requests, ask every run to stop after its current step, and exit once they
  // returned — or after daemon.shutdown_grace, whichever comes first.
  void stop(int signal) {
    const std::string name = signal == SIGINT ? "SIGINT" : "SIGTERM";
    log_->info("{}: stopping", name);
    notifier_.stopping("stopping on " + name);
    watchdog_timer_.cancel();
    signals_.cancel();
    watch_.reset();
    if (admin_) admin_->stop();
    if (admin_tcp_) admin_tcp_->stop();
    if (!jobs_) {
      io_.stop();
      return;
    }
    grace_timer_.expires_after(runtime_->config->daemon.shutdown_grace);
    grace_timer_.async_wait([this](const boost::system::error_code& error) {
      if (error) return;
      log_->error(
          "runs still going after daemon.shutdown_grace: exiting without them (they "
          "are recorded failed at the next start)");
      std::fflush(stderr);
      std::_Exit(kExitOk);
    });
    jobs_->stop([this] {
      grace_timer_.cancel();
      io_.stop();
    });
  }

  // Pinged from the io_context itself, so a stuck main loop stops the pings and systemd
  // restarts the service.
  void ping_watchdog() {
    notifier_.watchdog();
    watchdog_timer_.expires_after(watchdog_period_);
    watchdog_timer_.async_wait([this](const boost::system::error_code& error) {
      if (!error) ping_watchdog();
    });
  }

  const DaemonOptions& options_;
  std::shared_ptr<Clock> clock_;
  TimePoint started_at_;
  std::unique_ptr<store::Store> store_;
  host::StoreInstanceState instance_state_;
  engine::EngineCatalog engines_;
  std::shared_ptr<const host::PluginCatalog> catalog_;
  host::PluginMetrics metrics_;
  host::TransferService transfer_;
  host::HostContext context_;
  host::BlockingPool pool_;
  std::shared_ptr<Runtime> runtime_;
  boost::asio::io_context io_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer watchdog_timer_;
  boost::asio::steady_timer grace_timer_;
  std::chrono::microseconds watchdog_period_{0};
  ServiceNotifier notifier_;
  admin::AdminRoutes routes_;
  std::unique_ptr<admin::AdminServer> admin_;
  // daemon.admin_listen, when set.
  std::unique_ptr<admin::AdminTcpListener> admin_tcp_;
  std::vector<std::vector<std::string>> once_stages_;  // `--once`: the jobs of each flow stage
  std::unique_ptr<JobService> jobs_;                   // destroyed before what runs use
  std::unique_ptr<SourceWatch> watch_;                 // destroyed first: it refers to jobs_
  std::shared_ptr<spdlog::logger> log_;
};

}  // namespace

// The store the configuration names; its directory is created (0750) when missing.
Result<std::unique_ptr<store::Store>> open_store(const config::KontorConfig& config,
                                                 const std::shared_ptr<Clock>& clock) {
  store::SqliteOptions options;
  options.path = config.store.path;
  options.clock = [clock] { return clock->now(); };
  if (options.path != ":memory:") {
    const std::filesystem::path directory = std::filesystem::path(options.path).parent_path();
    std::error_code error;
    if (!directory.empty() && !std::filesystem::exists(directory, error)) {
      std::filesystem::create_directories(directory, error);
      if (error) {
        return Error{fmt::format("cannot create {}: {}", directory.string(), error.message())};
      }
      std::filesystem::permissions(directory,
                                   std::filesystem::perms::owner_all |
                                       std::filesystem::perms::group_read |
                                       std::filesystem::perms::group_exec,
                                   error);
    }
  }
  auto store = store::SqliteStore::open(std::move(options));
  if (!store) return Error{fmt::format("store {}: {}", config.store.path, store.error().message)};
  return std::unique_ptr<store::Store>(std::move(store).value());
}

int run_daemon(const DaemonOptions& options) {
  kontor::log::setup(options.log_level.value_or("info"), kontor::log::stderr_is_journal());
  auto log = kontor::log::get("daemon");
  engine::EngineCatalog engines = engine::builtin_engines();

  Configuration configuration = load_configuration(options.config_path, engines);
  if (!configuration.ok()) return report_errors(configuration);
  config::KontorConfig& config = *configuration.loaded.config;
  if (options.check_config) {
    std::printf("%s: configuration is valid (%s)\n", options.config_path.c_str(),
                summary(config).c_str());
    return kExitOk;
  }
  kontor::log::set_level(options.log_level.value_or(config.daemon.log_level));

  std::shared_ptr<Clock> clock = system_clock();
  if (options.now) {
    const config::ConfigNode* company = config.root.find("company");
    const std::string zone = company ? company->find("timezone")->text() : "UTC";
    auto instant = parse_instant(*options.now, zone);
    if (!instant) {
      std::fprintf(stderr, "kontord: --now: %s\n", instant.error().message.c_str());
      return config::kExitInvalidConfig;
    }
    clock = fixed_clock(*instant);
    log->info("clock fixed at {}", format_instant(*instant));
  }

  for (const auto& plugin : configuration.catalog->plugins()) {
    log->debug("plugin {} {} from {} ({})", plugin.name, plugin.version, plugin.path.string(),
               plugin.build_info);
  }
  auto store = open_store(config, clock);
  if (!store) {
    std::fprintf(stderr, "kontord: cannot start: %s\n", store.error().message.c_str());
    return kExitStartFailed;
  }
  DaemonProcess process(options, clock, std::move(engines), configuration.catalog,
                        std::move(store).value(), config.daemon.workers);
  auto runtime = process.open(std::move(config));
  if (!runtime) {
    std::fprintf(stderr, "kontord: cannot start: %s\n", runtime.error().message.c_str());
    return kExitStartFailed;
  }
  return options.once ? process.run_once(*runtime) : process.serve(*runtime);
}

}  // namespace kontor::service
