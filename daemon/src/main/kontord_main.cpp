// kontord: Kontor's daemon. See `kontord --help` and README.md.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "config/config_error.hpp"
#include "kontor/version.hpp"
#include "service/daemon.hpp"

namespace {

std::string fmt_footer() {
  return "Exit status: 0 success; 1 a job run by --once failed; 2 bad command line; 3 store or "
         "plugins could not be opened; " +
         std::to_string(kontor::config::kExitInvalidConfig) + " invalid configuration.";
}

}  // namespace

int main(int argc, char** argv) {
  kontor::service::DaemonOptions options;
  options.config_path = "/etc/kontor/kontor.yaml";
  std::vector<std::string> once_jobs;
  std::string now, log_level;

  CLI::App app{
      "kontord — accounts-receivable daemon: imports bank statements, posts payments, "
      "sends reminders and statements, exports to bookkeeping.",
      "kontord"};
  app.footer(fmt_footer());
  app.add_option("-c,--config", options.config_path, "Configuration file")->capture_default_str();
  app.add_flag("--check-config", options.check_config,
               "Validate the configuration (all sections, every plugin instance) and exit");
  auto* once = app.add_option("--once", once_jobs,
                              "Run the named jobs (or all, following then: chains) once and exit")
                   ->expected(0, -1);
  app.add_option("--now", now, "Freeze the clock at this ISO 8601 time (demos and tests)");
  app.add_option("--log-level", log_level, "trace, debug, info, warn or error")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error"}));
  app.set_version_flag("--version", std::string("kontord ") + kontor::kVersion);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version end here with status 0; a bad command line with 2.
    return app.exit(e) == 0 ? 0 : 2;
  }

  options.once = once->count() > 0;
  // CLI11 reports a bare `--once` as one empty name.
  for (auto& job : once_jobs) {
    if (!job.empty()) options.once_jobs.push_back(job);
  }
  if (!now.empty()) options.now = now;
  if (!log_level.empty()) options.log_level = log_level;
  return kontor::service::run_daemon(options);
}
