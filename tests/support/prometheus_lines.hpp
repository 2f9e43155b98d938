// A strict reader of the Prometheus text exposition format 0.0.4, for tests of /metrics:
// prometheus_client is not at hand, and a scraper is less forgiving than a substring check.
#pragma once

#include <map>
#include <string>

namespace kontor::testing {

struct PrometheusSamples {
  // "name{label=\"value\",...}" exactly as written (or "name" without labels) -> value text.
  std::map<std::string, std::string> samples;
  std::map<std::string, std::string> types;  // family -> counter, gauge, summary, ...
  std::string error;                         // "line N: what"; empty when the text is valid
};

// Every line must be a HELP or TYPE comment, another comment, or a sample of a family whose
// TYPE came before it; names and label names must be valid, label values correctly escaped,
// values numbers, and no series may repeat.
PrometheusSamples parse_prometheus_text(const std::string& text);

}  // namespace kontor::testing
