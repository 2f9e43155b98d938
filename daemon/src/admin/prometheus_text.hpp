// PrometheusText: writes the Prometheus text exposition format 0.0.4 — one `# HELP` and one
// `# TYPE` line per family, then its samples.
//
// Label values are escaped (backslash, double quote, newline) because they come from the
// configuration and from stored rows (job, instance, channel names); metric names built from
// outside text (a plugin's metric) go through metric_name_part first. Values are whole numbers
// or exact decimals written from whole milliseconds, never floating point.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kontor::admin {

using MetricLabels = std::vector<std::pair<std::string, std::string>>;

inline constexpr const char* kPrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";

class PrometheusText {
 public:
  // Starts a family: `type` is counter, gauge, summary or untyped. A family is written once;
  // its samples follow before the next family starts.
  void family(std::string_view name, std::string_view type, std::string_view help);
  void sample(std::string_view name, const MetricLabels& labels, std::int64_t value);
  // `milliseconds` as seconds with three decimals ("1.250").
  void seconds(std::string_view name, const MetricLabels& labels, std::int64_t milliseconds);

  const std::string& text() const { return text_; }

 private:
  void write_sample(std::string_view name, const MetricLabels& labels, std::string_view value);
  std::string text_;
};

// Backslash, double quote and newline escaped as the format demands.
std::string escape_label_value(std::string_view value);
// Backslash and newline escaped (HELP text).
std::string escape_help(std::string_view text);
// `text` made a valid part of a metric name: [a-zA-Z0-9_], anything else becomes '_'.
std::string metric_name_part(std::string_view text);
// Whole milliseconds as a decimal number of seconds: 1250 -> "1.250", -5 -> "-0.005".
std::string seconds_text(std::int64_t milliseconds);

}  // namespace kontor::admin
