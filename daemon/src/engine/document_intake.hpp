// DocumentIntake: how an import job takes files in — the part import_open_items and
// import_statements share.
//
// For each source instance in the job's `inputs`, in order: list what is ready; for each
// document fetch it to a spool file (streamed, hashed on the way); if its SHA-256 is known the
// file is acknowledged as imported and adds nothing; otherwise the job's parsers are asked how
// sure they are (probe on the first 4 KiB) and the most confident one parses it inside ONE
// store step together with the record of the file. Only after that step committed is the file
// acknowledged (moved to processed/); a file that cannot be parsed is acknowledged as rejected
// (quarantined with its error; the store keeps its name, hash and the reason in a step of its
// own) and the job goes on with the next one. A source or store that is
// temporarily unavailable fails the run, so the scheduler retries it; nothing half-imported
// stays.
#pragma once

#include <functional>
#include <string>

#include "engine/engine.hpp"
#include "engine/services.hpp"
#include "host/plugin_instances.hpp"
#include "kontor/sdk/roles.hpp"
#include "store/store.hpp"

namespace kontor::engine {

// One document on its way in.
struct IncomingDocument {
  std::string source;  // source instance
  std::string name;    // as the source named it
  std::string sha256;
  std::int64_t size = 0;
  std::string parser;  // parser instance chosen
};

struct IntakeCounts {
  int imported = 0;
  int already_known = 0;
  int rejected = 0;
};

// Applies one parsed document inside its store step: gets a ParseSink to hand the parser, and
// is asked to finish after the parser returned OK (checks that need the whole file).
//
// Its sink and finish() answer in sdk::Status: `failed` when the FILE is wrong (the file is
// quarantined with the message), `retry` when the store or something else outside the file
// failed (the run fails and the file stays for the next run).
class DocumentImport {
 public:
  virtual ~DocumentImport() = default;
  virtual sdk::ParseSink& sink() = 0;
  virtual sdk::Status finish() = 0;
};

using DocumentImportFactory =
    std::function<std::unique_ptr<DocumentImport>(store::Transaction&, const IncomingDocument&)>;

class DocumentIntake {
 public:
  explicit DocumentIntake(JobContext& context) : context_(context) {}

  // Runs the whole intake; the factory makes the per-document import.
  Result<IntakeCounts> run(const DocumentImportFactory& factory);

 private:
  // The run's error for a source call that failed; marks the report when retrying is futile.
  Error source_failed(const sdk::Status& status);

  JobContext& context_;
};

}  // namespace kontor::engine
