#include "service/daemon.hpp"

#include <fmt/format.h>
#include <spdlog/logger.h>

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <csignal>
#include <filesystem>

#include "common/clock.hpp"
#include "config/config_error.hpp"
#include "engine/job_runner.hpp"
#include "host/blocking_pool.hpp"
#include "host/host_services.hpp"
#include "host/plugin_instances.hpp"
#include "host/store_instance_state.hpp"
#include "host/transfer_service.hpp"
#include "kontor/version.hpp"
#include "log/logging.hpp"
#include "service/configuration.hpp"
#include "service/service_notifier.hpp"
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

// What one configuration runs with. Replaced as a whole on a successful reload.
struct Runtime {
  std::unique_ptr<config::KontorConfig> config;
  std::unique_ptr<host::PluginInstances> plugins;
};

class DaemonProcess {
 public:
  DaemonProcess(const DaemonOptions& options, std::shared_ptr<Clock> clock,
                engine::EngineCatalog engines, std::shared_ptr<const host::PluginCatalog> catalog,
                std::unique_ptr<store::Store> store, int workers)
      : options_(options),
        clock_(std::move(clock)),
        store_(std::move(store)),
        instance_state_(*store_),
        engines_(std::move(engines)),
        catalog_(std::move(catalog)),
        pool_(workers),
        signals_(io_, SIGINT, SIGTERM, SIGHUP),
        watchdog_timer_(io_),
        log_(kontor::log::get("daemon")) {
    context_.clock = clock_;
    context_.state = &instance_state_;
    context_.secrets = config::SecretEnvironment::from_process();
    context_.metrics = &metrics_;
    context_.transfer = &transfer_;
  }

  // Opens what the configuration names; an error says which instance refused and why.
  Result<Runtime> open(config::KontorConfig config) {
    Runtime runtime;
    runtime.config = std::make_unique<config::KontorConfig>(std::move(config));
    auto plugins = host::PluginInstances::create(*runtime.config, *catalog_, context_, pool_);
    if (!plugins) return plugins.error();
    runtime.plugins = std::move(plugins).value();
    return runtime;
  }

  void start(Runtime runtime) { runtime_ = std::move(runtime); }

  int run_once() {
    engine::Services services{runtime_.plugins.get(), store_.get()};
    engine::JobRunner runner(*runtime_.config, engines_, *clock_, services, stopping_);
    auto results = runner.run_once(options_.once_jobs);
    if (!results) {
      log_->error("{}", results.error().message);
      return kExitJobFailed;
    }
    if (results->empty()) log_->info("no enabled jobs in {}", runtime_.config->file);
    int failed = 0;
    for (const auto& result : *results) {
      failed += result.outcome == engine::RunOutcome::kSucceeded ? 0 : 1;
    }
    return failed == 0 ? kExitOk : kExitJobFailed;
  }

  int serve() {
    wait_for_signal();
    if (auto period = notifier_.watchdog_period()) {
      watchdog_period_ = *period;
      ping_watchdog();
    }
    log_->info("kontord {} ready: {}", kVersion, summary(*runtime_.config));
    notifier_.ready("ready: " + summary(*runtime_.config));
    io_.run();
    log_->info("kontord stopped");
    return kExitOk;
  }

 private:
  void wait_for_signal() {
    signals_.async_wait([this](const boost::system::error_code& error, int signal) {
      if (error) return;
      if (signal == SIGHUP) {
        reload();
        wait_for_signal();
      } else {
        stop(signal);
      }
    });
  }

  // Validate everything, open the new instances, and only then swap: a reload never
  // half-applies, and a rejected one leaves the running configuration untouched.
  void reload() {
    const config::KontorConfig& running = *runtime_.config;
    notifier_.reloading("reloading " + running.file);
    log_->info("SIGHUP: reloading {}", options_.config_path);
    Configuration configuration = load_configuration(options_.config_path, engines_, catalog_);
    std::vector<std::string> problems = configuration.plugin_errors;
    for (const auto& error : configuration.loaded.errors) problems.push_back(to_string(error));
    std::optional<Runtime> next;
    if (problems.empty() && configuration.loaded.config) {
      if (configuration.loaded.config->store.path != running.store.path) {
        log_->warn("store.path changed: the store is opened at start, restart kontord to use {}",
                   configuration.loaded.config->store.path);
      }
      if (configuration.loaded.config->daemon.plugin_dir != running.daemon.plugin_dir) {
        log_->warn(
            "daemon.plugin_dir changed: plugins are loaded at start, restart kontord to "
            "load them from {}",
            configuration.loaded.config->daemon.plugin_dir);
      }
      auto opened = open(std::move(*configuration.loaded.config));
      if (opened) {
        next = std::move(opened).value();
      } else {
        problems.push_back(opened.error().message);
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
    runtime_ = std::move(*next);
    kontor::log::set_level(options_.log_level.value_or(runtime_.config->daemon.log_level));
    log_->info("configuration reloaded: {}", summary(*runtime_.config));
    notifier_.ready("ready (reloaded): " + summary(*runtime_.config));
  }

  void stop(int signal) {
    stopping_ = true;
    const std::string name = signal == SIGINT ? "SIGINT" : "SIGTERM";
    log_->info("{}: stopping", name);
    notifier_.stopping("stopping on " + name);
    // Nothing else is in flight yet: jobs that run on workers are awaited here (scheduler).
    watchdog_timer_.cancel();
    signals_.cancel();
    io_.stop();
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
  std::unique_ptr<store::Store> store_;
  host::StoreInstanceState instance_state_;
  engine::EngineCatalog engines_;
  std::shared_ptr<const host::PluginCatalog> catalog_;
  host::PluginMetrics metrics_;
  host::TransferService transfer_;
  host::HostContext context_;
  host::BlockingPool pool_;
  Runtime runtime_;
  boost::asio::io_context io_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer watchdog_timer_;
  std::chrono::microseconds watchdog_period_{0};
  ServiceNotifier notifier_;
  std::atomic<bool> stopping_{false};
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
      std::filesystem::permissions(directory, std::filesystem::perms::owner_all |
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
  process.start(std::move(runtime).value());
  return options.once ? process.run_once() : process.serve();
}

}  // namespace kontor::service
