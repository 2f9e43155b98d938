#include "service/daemon.hpp"

#include <fmt/format.h>
#include <spdlog/logger.h>

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <csignal>

#include "common/clock.hpp"
#include "config/config_error.hpp"
#include "engine/job_runner.hpp"
#include "kontor/version.hpp"
#include "log/logging.hpp"
#include "service/configuration.hpp"
#include "service/service_notifier.hpp"

namespace kontor::service {
namespace {

std::string summary(const config::KontorConfig& config) {
  int scheduled = 0;
  for (const auto& job : config.jobs) scheduled += (job.enabled && job.schedule) ? 1 : 0;
  return fmt::format("{} job{} ({} scheduled), {} instance{}; configuration {}", config.jobs.size(),
                     config.jobs.size() == 1 ? "" : "s", scheduled, config.instances.size(),
                     config.instances.size() == 1 ? "" : "s", config.file);
}

class DaemonProcess {
 public:
  DaemonProcess(const DaemonOptions& options, config::KontorConfig config,
                std::shared_ptr<Clock> clock, engine::EngineCatalog engines)
      : options_(options),
        config_(std::make_unique<config::KontorConfig>(std::move(config))),
        clock_(std::move(clock)),
        engines_(std::move(engines)),
        signals_(io_, SIGINT, SIGTERM, SIGHUP),
        watchdog_timer_(io_),
        log_(kontor::log::get("daemon")) {}

  int run_once() {
    engine::Services services;
    engine::JobRunner runner(*config_, engines_, *clock_, services, stopping_);
    auto results = runner.run_once(options_.once_jobs);
    if (!results) {
      log_->error("{}", results.error().message);
      return kExitJobFailed;
    }
    if (results->empty()) log_->info("no enabled jobs in {}", config_->file);
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
    log_->info("kontord {} ready: {}", kVersion, summary(*config_));
    notifier_.ready("ready: " + summary(*config_));
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

  void reload() {
    notifier_.reloading("reloading " + config_->file);
    log_->info("SIGHUP: reloading {}", options_.config_path);
    config::LoadedConfig loaded = load_configuration(options_.config_path, engines_);
    if (!loaded.errors.empty() || !loaded.config) {
      for (const auto& error : loaded.errors) log_->error("{}", to_string(error));
      const std::string status =
          fmt::format("reload rejected ({} error{} in {}); running previous configuration: {}",
                      loaded.errors.size(), loaded.errors.size() == 1 ? "" : "s",
                      options_.config_path, summary(*config_));
      log_->error("{}", status);
      notifier_.ready(status);
      return;
    }
    config_ = std::make_unique<config::KontorConfig>(std::move(*loaded.config));
    kontor::log::set_level(options_.log_level.value_or(config_->daemon.log_level));
    log_->info("configuration reloaded: {}", summary(*config_));
    notifier_.ready("ready (reloaded): " + summary(*config_));
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
  std::unique_ptr<config::KontorConfig> config_;
  std::shared_ptr<Clock> clock_;
  engine::EngineCatalog engines_;
  boost::asio::io_context io_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer watchdog_timer_;
  std::chrono::microseconds watchdog_period_{0};
  ServiceNotifier notifier_;
  std::atomic<bool> stopping_{false};
  std::shared_ptr<spdlog::logger> log_;
};

}  // namespace

int run_daemon(const DaemonOptions& options) {
  kontor::log::setup(options.log_level.value_or("info"), kontor::log::stderr_is_journal());
  auto log = kontor::log::get("daemon");
  engine::EngineCatalog engines = engine::builtin_engines();

  config::LoadedConfig loaded = load_configuration(options.config_path, engines);
  if (!loaded.errors.empty() || !loaded.config) {
    print_errors(loaded.errors);
    return config::kExitInvalidConfig;
  }
  if (options.check_config) {
    std::printf("%s: configuration is valid (%s)\n", options.config_path.c_str(),
                summary(*loaded.config).c_str());
    return kExitOk;
  }
  kontor::log::set_level(options.log_level.value_or(loaded.config->daemon.log_level));

  std::shared_ptr<Clock> clock = system_clock();
  if (options.now) {
    const config::ConfigNode* company = loaded.config->root.find("company");
    const std::string zone = company ? company->find("timezone")->text() : "UTC";
    auto instant = parse_instant(*options.now, zone);
    if (!instant) {
      std::fprintf(stderr, "kontord: --now: %s\n", instant.error().message.c_str());
      return config::kExitInvalidConfig;
    }
    clock = fixed_clock(*instant);
    log->info("clock fixed at {}", format_instant(*instant));
  }

  DaemonProcess process(options, std::move(*loaded.config), clock, std::move(engines));
  return options.once ? process.run_once() : process.serve();
}

}  // namespace kontor::service
