#include "config/secret_reference.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace kontor::config {
namespace {

// Secrets are keys and passwords, not documents.
constexpr std::size_t kMaxSecretBytes = 64 * 1024;

Result<std::string> read_secret_file(const std::string& path, const std::string& label) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"cannot read secret " + label + ": " + std::strerror(errno)};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string value = buffer.str();
  if (value.size() > kMaxSecretBytes) return Error{"secret " + label + " is larger than 64 KiB"};
  if (!value.empty() && value.back() == '\n') value.pop_back();
  if (!value.empty() && value.back() == '\r') value.pop_back();
  return value;
}

}  // namespace

std::string SecretReference::describe() const {
  switch (source) {
    case Source::kEnv:
      return "env:" + name;
    case Source::kFile:
      return "file:" + name;
    case Source::kCredential:
      return "credential:" + name;
  }
  return name;
}

std::optional<SecretReference> secret_reference_of(const ConfigNode& node) {
  if (!node.is_map() || node.entries().size() != 1) return std::nullopt;
  const auto& entry = node.entries().front();
  SecretReference reference;
  reference.name = entry.value.text();
  if (entry.key == "env") {
    reference.source = SecretReference::Source::kEnv;
  } else if (entry.key == "file") {
    reference.source = SecretReference::Source::kFile;
  } else if (entry.key == "credential") {
    reference.source = SecretReference::Source::kCredential;
  } else {
    return std::nullopt;
  }
  return reference;
}

SecretEnvironment SecretEnvironment::from_process() {
  SecretEnvironment environment;
  if (const char* directory = std::getenv("CREDENTIALS_DIRECTORY")) {
    environment.credentials_directory = directory;
  }
  return environment;
}

Result<std::string> resolve_secret(const SecretReference& reference,
                                   const SecretEnvironment& environment) {
  const std::string label = "'" + reference.describe() + "'";
  switch (reference.source) {
    case SecretReference::Source::kEnv: {
      auto value = environment.variables(reference.name);
      if (!value) return Error{"secret " + label + ": environment variable is not set"};
      return *value;
    }
    case SecretReference::Source::kFile:
      return read_secret_file(reference.name, label);
    case SecretReference::Source::kCredential: {
      if (environment.credentials_directory.empty()) {
        return Error{"secret " + label +
                     ": $CREDENTIALS_DIRECTORY is not set (use LoadCredential= in the unit)"};
      }
      if (reference.name.find('/') != std::string::npos || reference.name == ".." ||
          reference.name == ".") {
        return Error{"secret " + label + ": a credential name may not contain '/'"};
      }
      return read_secret_file(environment.credentials_directory + "/" + reference.name, label);
    }
  }
  return Error{"secret " + label + ": unknown source"};
}

}  // namespace kontor::config
