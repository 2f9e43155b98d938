#include "config/kontor_config.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "config/company_section.hpp"
#include "config/did_you_mean.hpp"
#include "config/scalar_syntax.hpp"
#include "config/validator.hpp"
#include "config/value_checks.hpp"
#include "config/yaml_reader.hpp"
#include "scheduler/cron_expression.hpp"

namespace kontor::config {
namespace {

ValueSpec name_list() {
  return list_of(with_check(string_value(), check_name, "a name"));
}

std::string check_listen_address(const ConfigNode& node) {
  auto address = parse_listen_address(node.text());
  return address ? std::string() : address.error().message;
}

ValueSpec daemon_section() {
  return section({
      defaulted("state_dir", string_value(), "/var/lib/kontor",
                "Directory for the store and plugin state (systemd StateDirectory)."),
      defaulted("plugin_dir", string_value(), "/usr/lib/kontor/plugins",
                "Directory the connector plugins are loaded from; must not be writable by "
                "others than its owner."),
      defaulted("admin_socket", string_value(), "/run/kontor/admin.sock",
                "Unix socket of the admin API (mode 0660)."),
      optional(
          "admin_listen",
          with_check(string_value(), check_listen_address, "ADDRESS:PORT such as 127.0.0.1:9741"),
          "Also serve the admin API over TCP here (off by default). Every request must "
          "carry the bearer token of admin_token. Plain HTTP: bind a loopback address, or "
          "put a TLS-terminating proxy in front."),
      optional("admin_token", secret_value(),
               "Secret holding the bearer token of the TCP listener (at least 16 characters); "
               "re-read on reload."),
      defaulted("admin_request_timeout", duration_value(), "10s",
                "How long a client may take to send one admin API request; a slower one is "
                "disconnected."),
      defaulted("log_level", string_value({"trace", "debug", "info", "warn", "error"}), "info",
                "Least severe messages that are logged."),
      defaulted("shutdown_grace", duration_value(), "30s",
                "How long SIGTERM waits for the running step to finish."),
      defaulted("workers", int_value(1, 64), "2",
                "Threads that run plugin calls (one call at a time per instance)."),
  });
}

ValueSpec store_section() {
  return section({
      defaulted("backend", string_value({"sqlite"}), "sqlite",
                "Where the account model lives; sqlite is embedded."),
      optional("path", string_value(),
               "Database file; default STATE_DIR/kontor.db. ':memory:' for dry runs."),
  });
}

ValueSpec instance_section() {
  ValueSpec spec = section({
      required("plugin", with_check(string_value(), check_name, "a plugin name"),
               "Which plugin this instance runs (file PLUGIN_DIR/kontor-<plugin>.so)."),
  });
  spec.defer_unknown_keys = true;  // the plugin's own schema checks the rest
  return spec;
}

ValueSpec job_section(const ConfigDeclarations& declarations) {
  ValueSpec retry = section({
      defaulted("attempts", int_value(0, 100), "3", "Further attempts after a failed run."),
      defaulted("backoff", duration_value(), "1m", "Wait before the first retry; doubles."),
      defaulted("max_backoff", duration_value(), "1h", "Longest wait between retries."),
  });
  std::vector<std::string> built;
  for (const auto& engine : declarations.engines) built.push_back(engine.id);
  auto engine_check = [built](const ConfigNode& engine) -> std::string {
    if (std::find(built.begin(), built.end(), engine.text()) != built.end()) return {};
    return fmt::format("engine '{}' is not part of this build of kontord (available: {})",
                       engine.text(), fmt::join(built, ", "));
  };
  return section({
      required("engine", with_check(string_value(kEngineIds), engine_check), "What the job does."),
      optional("inputs", name_list(), "Source instances the job reads from."),
      optional("parsers", name_list(), "Parser instances offered each file; default all."),
      optional("outputs", name_list(), "Channel or exporter instances the job writes to."),
      optional("with", open_section(), "The engine's own settings for this job."),
      // Checked after validation (validate_schedules) so that an error points into the text.
      optional("schedule", with_check(string_value(), {}, "a cron expression"),
               "When the job runs: minute hour day-of-month month day-of-week (cron; names, "
               "ranges, lists, steps and L for the last day); without it the job runs only by "
               "hand or after another."),
      optional("timezone", with_check(string_value(), check_timezone, "an IANA time zone"),
               "Time zone of the schedule; default company.timezone."),
      defaulted("timeout", duration_value(), "30m",
                "A run longer than this is told to stop and recorded as timed out."),
      defaulted("catch_up_within", duration_value(), "1d",
                "How long after its planned time a run missed while kontord was down (or while "
                "the previous run was still going) is still run; only the latest missed run "
                "of a job is caught up."),
      optional("retry", retry, "What happens after a failed run."),
      optional("then", name_list(), "Jobs to run after this one succeeded."),
      defaulted("enabled", bool_value(), "true", "A disabled job never runs on schedule."),
  });
}

std::vector<std::string> read_names(const ConfigNode* list) {
  std::vector<std::string> names;
  if (list == nullptr) return names;
  for (const auto& item : list->items()) names.push_back(item.text());
  return names;
}

// Checks what needs the whole file: references between jobs and instances, and cycles.
class CrossReferences {
 public:
  CrossReferences(const KontorConfig& config, ConfigErrors& errors)
      : config_(config), errors_(errors) {}

  void check() {
    std::vector<std::string> instance_names, job_names;
    for (const auto& instance : config_.instances) instance_names.push_back(instance.name);
    for (const auto& job : config_.jobs) job_names.push_back(job.name);
    for (const auto& job : config_.jobs) {
      const ConfigNode* node = config_.root.find("jobs")->find(job.name);
      check_names(*node, "inputs", job.name, instance_names, "instance");
      check_names(*node, "parsers", job.name, instance_names, "instance");
      check_names(*node, "outputs", job.name, instance_names, "instance");
      check_names(*node, "then", job.name, job_names, "job");
    }
    check_cycles();
  }

 private:
  void check_names(const ConfigNode& job, const char* key, const std::string& job_name,
                   const std::vector<std::string>& known, const char* what) {
    const ConfigNode* list = job.find(key);
    if (list == nullptr) return;
    for (std::size_t i = 0; i < list->items().size(); ++i) {
      const ConfigNode& item = list->items()[i];
      if (item.is_null() || std::find(known.begin(), known.end(), item.text()) != known.end()) {
        continue;
      }
      const auto hint = did_you_mean(item.text(), known);
      errors_.push_back({item.position(),
                         fmt::format("'jobs.{}.{}[{}]': no {} named '{}'{}", job_name, key, i, what,
                                     item.text(), hint ? " (did you mean '" + *hint + "'?)" : "")});
    }
  }

  // `then:` chains must end: a cycle would run jobs forever.
  void check_cycles() {
    std::map<std::string, int> state;  // 0 unseen, 1 on the path, 2 done
    std::function<bool(const JobSettings&, std::vector<std::string>&)> visit =
        [&](const JobSettings& job, std::vector<std::string>& path) {
          state[job.name] = 1;
          path.push_back(job.name);
          for (const auto& next : job.then) {
            const JobSettings* follower = config_.job(next);
            if (follower == nullptr) continue;
            if (state[next] == 1) {
              path.push_back(next);
              errors_.push_back(
                  {job.position, fmt::format("'jobs.{}.then': jobs run each other in a circle: {}",
                                             job.name, fmt::join(path, " -> "))});
              return true;
            }
            if (state[next] == 0 && visit(*follower, path)) return true;
          }
          path.pop_back();
          state[job.name] = 2;
          return false;
        };
    for (const auto& job : config_.jobs) {
      std::vector<std::string> path;
      if (state[job.name] == 0 && visit(job, path)) return;
    }
  }

  const KontorConfig& config_;
  ConfigErrors& errors_;
};

// Reads a scalar of a validated section. After validation errors a value may be missing (its
// error is already reported); the configuration is then used only for further checks.
std::string text_at(const ConfigNode* section, std::string_view key, std::string fallback = {}) {
  const ConfigNode* value = section ? section->find(key) : nullptr;
  return value && value->is_scalar() ? value->text() : fallback;
}

const std::vector<ConfigNode::Entry>& entries_of(const ConfigNode* map) {
  static const std::vector<ConfigNode::Entry> kNone;
  return map ? map->entries() : kNone;
}

KontorConfig read_validated(const std::string& file, ConfigNode root) {
  KontorConfig config;
  config.file = file;
  config.root = std::move(root);
  const ConfigNode* daemon = config.root.find("daemon");
  config.daemon.state_dir = text_at(daemon, "state_dir");
  config.daemon.plugin_dir = text_at(daemon, "plugin_dir");
  config.daemon.admin_socket = text_at(daemon, "admin_socket");
  if (const ConfigNode* listen = daemon ? daemon->find("admin_listen") : nullptr;
      listen && listen->is_scalar()) {
    if (auto address = parse_listen_address(listen->text())) config.daemon.admin_listen = *address;
  }
  if (const ConfigNode* token = daemon ? daemon->find("admin_token") : nullptr) {
    config.daemon.admin_token = secret_reference_of(*token);
  }
  config.daemon.admin_request_timeout = parse_duration(text_at(daemon, "admin_request_timeout"))
                                            .value_or(std::chrono::milliseconds(10000));
  config.daemon.log_level = text_at(daemon, "log_level", "info");
  config.daemon.shutdown_grace =
      parse_duration(text_at(daemon, "shutdown_grace")).value_or(std::chrono::milliseconds(0));
  config.daemon.workers = static_cast<int>(parse_int(text_at(daemon, "workers")).value_or(2));

  const ConfigNode* store = config.root.find("store");
  config.store.backend = text_at(store, "backend");
  config.store.path = text_at(store, "path", config.daemon.state_dir + "/kontor.db");

  const std::string default_zone = text_at(config.root.find("company"), "timezone", "UTC");

  for (const auto& entry : entries_of(config.root.find("instances"))) {
    if (!entry.value.is_map()) continue;
    InstanceSettings instance;
    instance.name = entry.key;
    instance.position = entry.key_position;
    const ConfigNode* plugin = entry.value.find("plugin");
    instance.plugin = plugin ? plugin->text() : "";
    std::vector<ConfigNode::Entry> own;
    for (const auto& key : entry.value.entries()) {
      if (key.key != "plugin") own.push_back(key);
    }
    instance.settings = ConfigNode::map(std::move(own), entry.value.position());
    config.instances.push_back(std::move(instance));
  }

  for (const auto& entry : entries_of(config.root.find("jobs"))) {
    if (!entry.value.is_map()) continue;
    const ConfigNode& node = entry.value;
    JobSettings job;
    job.name = entry.key;
    job.position = entry.key_position;
    job.engine = text_at(&node, "engine");
    job.inputs = read_names(node.find("inputs"));
    job.parsers = read_names(node.find("parsers"));
    job.outputs = read_names(node.find("outputs"));
    job.then = read_names(node.find("then"));
    if (const ConfigNode* with = node.find("with")) job.with = *with;
    if (const ConfigNode* schedule = node.find("schedule"); schedule && schedule->is_scalar()) {
      job.schedule = schedule->text();
    }
    job.timezone = text_at(&node, "timezone", default_zone);
    job.timeout = parse_duration(text_at(&node, "timeout")).value_or(std::chrono::milliseconds(0));
    job.catch_up_within =
        parse_duration(text_at(&node, "catch_up_within")).value_or(std::chrono::milliseconds(0));
    const ConfigNode* retry = node.find("retry");
    job.retry.attempts = static_cast<int>(parse_int(text_at(retry, "attempts")).value_or(0));
    job.retry.backoff =
        parse_duration(text_at(retry, "backoff")).value_or(std::chrono::milliseconds(0));
    job.retry.max_backoff =
        parse_duration(text_at(retry, "max_backoff")).value_or(std::chrono::milliseconds(0));
    job.enabled = text_at(&node, "enabled", "true") == "true";
    config.jobs.push_back(std::move(job));
  }
  return config;
}

// A schedule that does not parse is reported where the problem is in the expression.
void validate_schedules(const KontorConfig& config, Validator& validator) {
  const ConfigNode* jobs = config.root.find("jobs");
  for (const auto& job : config.jobs) {
    const ConfigNode* node = jobs ? jobs->find(job.name) : nullptr;
    const ConfigNode* schedule = node ? node->find("schedule") : nullptr;
    if (schedule == nullptr || !schedule->is_scalar()) continue;
    const auto parsed = scheduler::CronExpression::parse(schedule->text());
    if (parsed) continue;
    SourcePosition at = schedule->position();
    at.column += static_cast<int>(parsed.error().position) + (schedule->quoted() ? 1 : 0);
    validator.error(at, "jobs." + job.name + ".schedule", parsed.error().message);
  }
}

// The TCP listener exists only with a token, and a token only with the listener: a listener
// without one would expose the API to every local user, and a token alone hints at a forgotten
// admin_listen.
void validate_admin_listener(const KontorConfig& config, Validator& validator) {
  const ConfigNode* daemon = config.root.find("daemon");
  const ConfigNode* listen = daemon ? daemon->find("admin_listen") : nullptr;
  const ConfigNode* token = daemon ? daemon->find("admin_token") : nullptr;
  if (listen != nullptr && token == nullptr) {
    validator.error(listen->position(), "daemon.admin_listen",
                    "the TCP listener needs daemon.admin_token, the secret every request must "
                    "present as `Authorization: Bearer <token>`");
  }
  if (token != nullptr && listen == nullptr) {
    validator.error(token->position(), "daemon.admin_token",
                    "a token without daemon.admin_listen has no use: the Unix socket is guarded "
                    "by its file permissions");
  }
  const ConfigNode* timeout = daemon ? daemon->find("admin_request_timeout") : nullptr;
  if (timeout != nullptr && config.daemon.admin_request_timeout < std::chrono::milliseconds(100)) {
    validator.error(timeout->position(), "daemon.admin_request_timeout", "must be at least 100ms");
  }
}

// A job's `with:` block is checked against its engine's declaration.
void validate_job_settings(KontorConfig& config, const ConfigDeclarations& declarations,
                           Validator& validator) {
  for (auto& job : config.jobs) {
    const auto engine = std::find_if(declarations.engines.begin(), declarations.engines.end(),
                                     [&](const auto& e) { return e.id == job.engine; });
    if (engine == declarations.engines.end()) continue;  // already reported
    const ConfigNode given = job.with.is_null() ? ConfigNode::null(job.position) : job.with;
    job.with = validator.validate(given, engine->with, "jobs." + job.name + ".with");
    if (engine->needs_inputs && job.inputs.empty()) {
      validator.error(job.position, "jobs." + job.name + ".inputs",
                      "the " + engine->id + " engine needs at least one source instance");
    }
  }
}

}  // namespace

const InstanceSettings* KontorConfig::instance(std::string_view name) const {
  for (const auto& instance : instances) {
    if (instance.name == name) return &instance;
  }
  return nullptr;
}

const JobSettings* KontorConfig::job(std::string_view name) const {
  for (const auto& job : jobs) {
    if (job.name == name) return &job;
  }
  return nullptr;
}

ValueSpec kontor_schema(const ConfigDeclarations& declarations) {
  std::vector<FieldSpec> fields = {
      optional("daemon", daemon_section(), "The process: directories, logging, workers."),
      optional("store", store_section(), "Where the account model is kept."),
      required("company", company_section(),
               "The company whose receivables Kontor manages (letterhead, bank accounts)."),
      optional("instances", map_of(instance_section(), check_name),
               "Connector plugin instances by name: `plugin:` plus the plugin's own keys."),
      optional("jobs", map_of(job_section(declarations), check_name),
               "What Kontor does and when, by job name."),
  };
  for (const auto& section : declarations.engine_sections) fields.push_back(section);
  return section(std::move(fields));
}

LoadedConfig load_config_text(std::string_view text, const std::string& file_name,
                              const ConfigDeclarations& declarations,
                              const EnvironmentLookup& environment) {
  LoadedConfig loaded;
  YamlDocument document = read_yaml(text, file_name);
  loaded.errors = std::move(document.errors);
  if (!loaded.errors.empty()) return loaded;
  if (!document.root.is_map()) {
    loaded.errors.push_back({document.root.position().line > 0 ? document.root.position()
                                                               : SourcePosition{file_name, 1, 1},
                             "expected a map of sections (daemon, store, company, instances, "
                             "jobs, ...), found " +
                                 std::string(describe(document.root.kind()))});
    return loaded;
  }
  Validator validator(environment, loaded.errors);
  ConfigNode root = validator.validate(document.root, kontor_schema(declarations), "");
  KontorConfig config = read_validated(file_name, std::move(root));
  validate_schedules(config, validator);
  validate_admin_listener(config, validator);
  validate_job_settings(config, declarations, validator);
  CrossReferences(config, loaded.errors).check();
  loaded.config = std::move(config);
  return loaded;
}

LoadedConfig load_config(const std::string& path, const ConfigDeclarations& declarations,
                         const EnvironmentLookup& environment) {
  auto text = read_config_file(path);
  if (!text) {
    LoadedConfig loaded;
    loaded.errors.push_back({{path, 0, 0}, text.error().message});
    return loaded;
  }
  return load_config_text(*text, path, declarations, environment);
}

}  // namespace kontor::config
