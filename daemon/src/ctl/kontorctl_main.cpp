// kontorctl: the operator's command line. Offline verbs work on files; the others talk to a
// running kontord over its admin socket.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "config/config_error.hpp"
#include "ctl/account_statement_command.hpp"
#include "ctl/backup_command.hpp"
#include "ctl/dunning_command.hpp"
#include "ctl/export_command.hpp"
#include "ctl/jobs_command.hpp"
#include "ctl/match_command.hpp"
#include "ctl/notes_command.hpp"
#include "ctl/parse_command.hpp"
#include "ctl/reload_command.hpp"
#include "ctl/report_commands.hpp"
#include "ctl/write_off_command.hpp"
#include "ctl/review_command.hpp"
#include "ctl/statements_command.hpp"
#include "engine/engine.hpp"
#include "kontor/version.hpp"
#include "log/logging.hpp"
#include "service/configuration.hpp"

namespace {

int check_config(const std::string& path) {
  auto configuration = kontor::service::load_configuration(path, kontor::engine::builtin_engines());
  if (!configuration.ok()) return kontor::service::report_errors(configuration);
  std::printf("%s: configuration is valid (%zu jobs, %zu instances)\n", path.c_str(),
              configuration.loaded.config->jobs.size(),
              configuration.loaded.config->instances.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kontorctl — steer and inspect Kontor", "kontorctl"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("kontorctl ") + kontor::kVersion);
  app.footer("Exit status: 0 success; 1 failure; 2 bad command line; " +
             std::to_string(kontor::config::kExitInvalidConfig) + " invalid configuration.");

  std::string config_path = "/etc/kontor/kontor.yaml";
  app.add_option("-c,--config", config_path, "Configuration file of the kontord to work with")
      ->capture_default_str();
  auto* check = app.add_subcommand("check-config", "Validate a configuration file offline");
  check->add_option("file", config_path, "Configuration file (default: --config)");
  std::string socket_path;
  auto* socket_option =
      app.add_option("--socket", socket_path,
                     "kontord's admin socket (default: daemon.admin_socket of the configuration)");
  std::string admin_url;
  app.add_option("--url", admin_url,
                 "kontord's TCP admin listener instead of the socket, e.g. http://127.0.0.1:9741; "
                 "the token comes from $KONTOR_ADMIN_TOKEN or the file $KONTOR_ADMIN_TOKEN_FILE")
      ->excludes(socket_option)
      ->check([](const std::string& url) {
        return url.starts_with("http://") || url.starts_with("https://")
                   ? std::string()
                   : std::string("--url must start with http:// or https://");
      });
  auto run_notes = kontor::ctl::add_notes_commands(app, config_path);
  auto run_jobs = kontor::ctl::add_jobs_commands(app, config_path, socket_path);
  auto run_statements = kontor::ctl::add_statements_commands(app, config_path, socket_path);
  auto run_parse = kontor::ctl::add_parse_command(app);
  auto run_match = kontor::ctl::add_match_command(app);
  auto run_review = kontor::ctl::add_review_commands(app, config_path, socket_path);
  auto run_dunning = kontor::ctl::add_dunning_commands(app, config_path, socket_path);
  auto run_account_statement =
      kontor::ctl::add_account_statement_command(app, config_path, socket_path);
  auto run_export = kontor::ctl::add_export_commands(app, config_path, socket_path);
  auto run_reports = kontor::ctl::add_report_commands(app, config_path, socket_path);
  auto run_write_offs = kontor::ctl::add_write_off_commands(app, config_path, socket_path);
  auto run_reload = kontor::ctl::add_reload_command(app, config_path);
  auto run_backup = kontor::ctl::add_backup_command(app, config_path);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  kontor::log::setup("warn", kontor::log::stderr_is_journal());
  if (!admin_url.empty()) socket_path = admin_url;  // the client tells a URL from a socket path
  if (check->parsed()) return check_config(config_path);
  if (const int status = run_jobs(); status >= 0) return status;
  if (const int status = run_statements(); status >= 0) return status;
  if (const int status = run_parse(); status >= 0) return status;
  if (const int status = run_match(); status >= 0) return status;
  if (const int status = run_review(); status >= 0) return status;
  if (const int status = run_dunning(); status >= 0) return status;
  if (const int status = run_account_statement(); status >= 0) return status;
  if (const int status = run_export(); status >= 0) return status;
  if (const int status = run_reports(); status >= 0) return status;
  if (const int status = run_write_offs(); status >= 0) return status;
  if (const int status = run_reload(); status >= 0) return status;
  if (const int status = run_backup(); status >= 0) return status;
  return run_notes();
}
