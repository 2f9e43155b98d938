#include "admin/prometheus_text.hpp"

#include <fmt/format.h>

namespace kontor::admin {

std::string escape_label_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string escape_help(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string metric_name_part(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    const bool allowed =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    out += allowed ? static_cast<char>(c) : '_';
  }
  return out;
}

std::string seconds_text(std::int64_t milliseconds) {
  const bool negative = milliseconds < 0;
  // Unsigned, so that the most negative value has a magnitude too.
  const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(milliseconds)
                                           : static_cast<std::uint64_t>(milliseconds);
  return fmt::format("{}{}.{:03}", negative ? "-" : "", magnitude / 1000, magnitude % 1000);
}

void PrometheusText::family(std::string_view name, std::string_view type, std::string_view help) {
  text_ += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, escape_help(help), name, type);
}

void PrometheusText::sample(std::string_view name, const MetricLabels& labels, std::int64_t value) {
  write_sample(name, labels, std::to_string(value));
}

void PrometheusText::seconds(std::string_view name, const MetricLabels& labels,
                             std::int64_t milliseconds) {
  write_sample(name, labels, seconds_text(milliseconds));
}

void PrometheusText::write_sample(std::string_view name, const MetricLabels& labels,
                                  std::string_view value) {
  text_ += name;
  if (!labels.empty()) {
    text_ += '{';
    for (std::size_t i = 0; i < labels.size(); ++i) {
      if (i > 0) text_ += ',';
      text_ += fmt::format("{}=\"{}\"", labels[i].first, escape_label_value(labels[i].second));
    }
    text_ += '}';
  }
  text_ += ' ';
  text_ += value;
  text_ += '\n';
}

}  // namespace kontor::admin
