#include "http_export_settings.hpp"

#include <unistd.h>

#include <cctype>

#include "idempotency_key.hpp"
#include "kontor/sdk/http_login.hpp"
#include "kontor/sdk/plugin.hpp"

namespace kontor::plugins::http_export {
namespace {

constexpr int kMostAttempts = 10;

std::string lower_scheme(const std::string& url) {
  const auto end = url.find("://");
  std::string scheme = end == std::string::npos ? "" : url.substr(0, end);
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return scheme;
}

}  // namespace

std::vector<sdk::ConfigField> http_export_schema() {
  using sdk::ConfigField;
  return {
      ConfigField::text("url", "The endpoint each batch is POSTed to (https://)").required(),
      ConfigField::flag("allow_http",
                        "Allow an http:// url (loopback or a trusted intranet only): the "
                        "bookings and the credentials then travel unencrypted")
          .defaults("false"),
      ConfigField::text("staging",
                        "Absolute folder where staged batches wait for publish and receipts of "
                        "published ones are kept (e.g. under the state directory)")
          .required(),
      ConfigField::text("key_prefix",
                        "Starts every Idempotency-Key; unique per installation and instance. "
                        "Default: a random one made once and kept in the instance's state"),
      ConfigField::secret("bearer_token", "Sent as Authorization: Bearer"),
      ConfigField::text("username", "User name for HTTP basic authentication"),
      ConfigField::secret("password", "Password for HTTP basic authentication"),
      ConfigField::text("ca_file",
                        "PEM file of the CA that signed the server's certificate, when it is "
                        "not in the system's store"),
      ConfigField::duration("timeout", "Longest time one POST may take").defaults("30s"),
      ConfigField::integer("attempts",
                           "POSTs per publish before the batch is left for the next "
                           "export run (1-10)")
          .range(1, kMostAttempts)
          .defaults("3"),
      ConfigField::duration("backoff", "Wait before the second attempt, doubled for each further")
          .defaults("2s"),
      ConfigField::duration("max_wait",
                            "Longest wait between attempts, also for a server's Retry-After")
          .defaults("1m"),
  };
}

HttpExportSettings read_settings(const sdk::Config& config) {
  HttpExportSettings settings{
      .url = config.text("url"),
      .ca_file = config.optional_text("ca_file").value_or(""),
      .timeout = config.duration("timeout"),
      .attempts = static_cast<int>(config.integer("attempts")),
      .backoff = config.duration("backoff"),
      .max_wait = config.duration("max_wait"),
      .staging = config.text("staging"),
      .key_prefix = config.optional_text("key_prefix"),
  };
  // An empty key_prefix is none: the instance makes its own.
  if (settings.key_prefix && settings.key_prefix->empty()) settings.key_prefix.reset();
  std::vector<std::string> problems;
  const std::string scheme = lower_scheme(settings.url);
  const bool allow_http = config.flag("allow_http");
  if (scheme == "http" && !allow_http) {
    problems.push_back("'" + sdk::shown_url(settings.url) +
                       "' is http://: bookings and credentials would travel unencrypted "
                       "(allow_http: true permits it, for loopback or a trusted intranet)");
  } else if (scheme != "https" && scheme != "http") {
    problems.push_back("'" + sdk::shown_url(settings.url) + "' is not an https:// URL");
  }
  if (!settings.staging.is_absolute()) problems.push_back("staging must be an absolute path");
  if (!settings.ca_file.empty() && ::access(settings.ca_file.c_str(), R_OK) != 0) {
    problems.push_back("ca_file '" + settings.ca_file + "' cannot be read");
  }
  if (settings.attempts < 1 || settings.attempts > kMostAttempts) {
    problems.push_back("attempts must be 1 to " + std::to_string(kMostAttempts));
  }
  if (settings.timeout.count() <= 0) problems.push_back("timeout must be more than 0");
  if (settings.key_prefix) {
    if (std::string problem = key_prefix_problem(*settings.key_prefix); !problem.empty()) {
      problems.push_back(problem);
    }
  }
  if (!problems.empty()) {
    std::string message = problems.front();
    for (std::size_t i = 1; i < problems.size(); ++i) message += "; " + problems[i];
    throw sdk::InvalidConfig(message);
  }
  return settings;
}

}  // namespace kontor::plugins::http_export
