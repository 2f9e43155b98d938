// Engine: the business rules behind one kind of job (import, reconcile, dunning, ...).
//
// An engine is given a JobContext for one run and returns a Status. It owns its rules; plugins
// own formats and transports. Each step of an engine commits in one store transaction, so a run
// that stops half-way (error, timeout, SIGTERM) leaves only whole steps behind.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "config/kontor_config.hpp"
#include "kontor/result.hpp"

namespace spdlog {
class logger;
}

namespace kontor::engine {

// What a run tells the operator besides success or failure: warnings (kept with the run),
// and counts ("imported 12 invoices").
struct RunReport {
  std::vector<std::string> warnings;
  std::vector<std::string> facts;
  // What the run counted, by name ("files_imported", "transactions_new", ...): kept with the
  // run's record for the admin API and metrics. Names are [a-z_].
  std::map<std::string, std::int64_t> counts;
  // Set with a failure that waiting will not cure — a plugin answered FAILED or INVALID_CONFIG
  // (refused credentials, a changed host key): the scheduler retries only RETRY-like failures.
  bool retry_is_futile = false;
};

struct Services;  // store, plugin host, ... (engine/services.hpp); opaque to most engines

struct JobContext {
  const config::KontorConfig& config;
  const config::JobSettings& job;
  const Clock& clock;
  // Set when the run passed its timeout or the daemon is stopping: finish the current step,
  // then return.
  const std::atomic<bool>& cancelled;
  spdlog::logger& log;
  RunReport& report;
  Services& services;
  // "<job>@<planned UTC instant>": the same for every attempt of one planned run, so that an
  // engine writing elsewhere can recognise a repeat.
  std::string run_key;
};

class Engine {
 public:
  virtual ~Engine() = default;
  virtual Status run(JobContext& context) = 0;
};

struct EngineRegistration {
  config::EngineDeclaration declaration;
  std::function<std::unique_ptr<Engine>()> create;
};

// The engines compiled into this kontord, with what they add to the configuration.
class EngineCatalog {
 public:
  void add(EngineRegistration registration);
  const EngineRegistration* find(const std::string& id) const;
  config::ConfigDeclarations declarations() const;

 private:
  std::vector<EngineRegistration> engines_;
  std::vector<config::FieldSpec> sections_;
  friend EngineCatalog builtin_engines();
};

// Every engine of this build; the one list to extend when an engine is added.
EngineCatalog builtin_engines();

}  // namespace kontor::engine
