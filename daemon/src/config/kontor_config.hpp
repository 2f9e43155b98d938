// KontorConfig: the whole validated configuration of one kontord.
//
// Loading is two steps so that every error is reported at once:
//   1. load_config(): YAML -> tree -> the core sections (daemon, store, company, instances,
//      jobs) and every engine section declared in ConfigDeclarations.
//   2. The plugin host checks each instance's own keys against its plugin's schema
//      (host/instance_validation), adding to the same error list.
// A configuration is used only when both steps found nothing.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "config/config_error.hpp"
#include "config/config_node.hpp"
#include "config/env_expansion.hpp"
#include "config/listen_address.hpp"
#include "config/schema.hpp"
#include "config/secret_reference.hpp"

namespace kontor::config {

// The engines a job may name (DESIGN.md §7).
inline const std::vector<std::string> kEngineIds = {
    "import_open_items", "import_statements", "reconcile", "dunning",
    "statements",        "deliver_invoices",  "export",    "digest",
    "housekeeping"};

// What the engines built into this kontord add to the configuration language.
struct EngineDeclaration {
  std::string id;             // one of kEngineIds
  ValueSpec with;             // schema of a job's `with:` block
  std::string summary;        // one line for `kontord --help` and the README
  bool needs_inputs = false;  // the job must name at least one source in `inputs`
};

struct ConfigDeclarations {
  std::vector<EngineDeclaration> engines;
  std::vector<FieldSpec> engine_sections;  // top-level sections such as `dunning:`
};

struct DaemonSettings {
  std::string state_dir;
  std::string plugin_dir;
  std::string admin_socket;
  // The admin API's optional TCP listener and the secret holding its bearer token: both set
  // or both absent (validation sees to it).
  std::optional<ListenAddress> admin_listen;
  std::optional<SecretReference> admin_token;
  std::chrono::milliseconds admin_request_timeout{};
  std::string log_level;
  std::chrono::milliseconds shutdown_grace{};
  int workers = 0;
};

struct StoreSettings {
  std::string backend;  // "sqlite"
  std::string path;     // database file; ":memory:" for a dry run
};

struct InstanceSettings {
  std::string name;
  std::string plugin;
  ConfigNode settings;  // the instance's own keys, checked against the plugin's schema
  SourcePosition position;
};

struct RetryPolicy {
  int attempts = 0;                     // further attempts after a failed run
  std::chrono::milliseconds backoff{};  // first wait; doubles each attempt, with jitter
  std::chrono::milliseconds max_backoff{};
};

struct JobSettings {
  std::string name;
  std::string engine;
  std::vector<std::string> inputs, parsers, outputs, then;
  ConfigNode with;
  std::optional<std::string> schedule;
  std::string timezone;
  std::chrono::milliseconds timeout{};
  // How late a missed run may still start (catch-up after downtime).
  std::chrono::milliseconds catch_up_within{};
  RetryPolicy retry;
  bool enabled = true;
  SourcePosition position;
};

struct KontorConfig {
  std::string file;
  ConfigNode root;  // the validated tree, for engine sections and `company`
  DaemonSettings daemon;
  StoreSettings store;
  std::vector<InstanceSettings> instances;
  std::vector<JobSettings> jobs;

  const InstanceSettings* instance(std::string_view name) const;
  const JobSettings* job(std::string_view name) const;
};

struct LoadedConfig {
  std::optional<KontorConfig> config;  // set when the core sections could be read
  ConfigErrors errors;                 // everything found; the config is usable only if empty
};

// The schema of the whole file, for validation and for generated documentation.
ValueSpec kontor_schema(const ConfigDeclarations& declarations);

LoadedConfig load_config(const std::string& path, const ConfigDeclarations& declarations,
                         const EnvironmentLookup& environment = process_environment());
LoadedConfig load_config_text(std::string_view text, const std::string& file_name,
                              const ConfigDeclarations& declarations,
                              const EnvironmentLookup& environment);

}  // namespace kontor::config
