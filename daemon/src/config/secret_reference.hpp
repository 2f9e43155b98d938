// SecretReference: where a password, key or token is kept — never the secret itself.
//
// A configuration names a secret as exactly one of {env: NAME}, {file: PATH} or
// {credential: NAME} (systemd LoadCredential=, read from $CREDENTIALS_DIRECTORY). The value is
// read only when a plugin asks for it, is never stored in the configuration tree, and never
// appears in a log line or an error message (messages name the reference instead).
#pragma once

#include <optional>
#include <string>

#include "config/config_node.hpp"
#include "config/env_expansion.hpp"
#include "kontor/result.hpp"

namespace kontor::config {

struct SecretReference {
  enum class Source { kEnv, kFile, kCredential };
  Source source = Source::kEnv;
  std::string name;  // variable name, file path or credential name

  // "env:NAME", "file:PATH", "credential:NAME" — safe to log.
  std::string describe() const;
};

// From a validated secret node (a map with exactly one key).
std::optional<SecretReference> secret_reference_of(const ConfigNode& node);

struct SecretEnvironment {
  EnvironmentLookup variables = process_environment();
  // $CREDENTIALS_DIRECTORY as systemd sets it; empty when not running under LoadCredential=.
  std::string credentials_directory;
  static SecretEnvironment from_process();
};

// Reads the secret. A single trailing newline (as editors and `echo` leave) is removed.
Result<std::string> resolve_secret(const SecretReference& reference,
                                   const SecretEnvironment& environment);

}  // namespace kontor::config
