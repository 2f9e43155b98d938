#include "support/prometheus_lines.hpp"

#include <charconv>
#include <set>
#include <sstream>
#include <vector>

namespace kontor::testing {
namespace {

bool name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}

bool name_char(char c) {
  return name_start(c) || (c >= '0' && c <= '9');
}

bool valid_metric_name(const std::string& name) {
  if (name.empty() || !name_start(name[0])) return false;
  for (char c : name)
    if (!name_char(c)) return false;
  return true;
}

bool valid_label_name(const std::string& name) {
  if (name.empty() || name[0] == ':' || !name_start(name[0])) return false;
  for (char c : name)
    if (c == ':' || !name_char(c)) return false;
  return true;
}

bool valid_value(const std::string& text) {
  if (text == "NaN" || text == "+Inf" || text == "-Inf") return true;
  std::size_t i = (text.starts_with('-') ? 1 : 0);
  bool digits = false, point = false;
  for (; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9') {
      digits = true;
    } else if (text[i] == '.' && !point) {
      point = true;
    } else {
      return false;
    }
  }
  return digits;
}

// The family a sample belongs to: summaries and histograms add suffixes to their name.
std::string family_of(const std::string& name, const std::map<std::string, std::string>& types) {
  for (const char* suffix : {"_sum", "_count", "_bucket"}) {
    const std::string s = suffix;
    if (name.size() > s.size() && name.ends_with(s)) {
      const std::string base = name.substr(0, name.size() - s.size());
      auto type = types.find(base);
      if (type != types.end() && (type->second == "summary" || type->second == "histogram")) {
        return base;
      }
    }
  }
  return name;
}

// Reads `{a="x",b="y"}` from `line` at `at`; returns the text as written, or an error.
bool read_labels(const std::string& line, std::size_t& at, std::string& error) {
  ++at;  // '{'
  std::set<std::string> seen;
  while (at < line.size() && line[at] != '}') {
    std::size_t start = at;
    while (at < line.size() && line[at] != '=') ++at;
    const std::string name = line.substr(start, at - start);
    if (!valid_label_name(name) || !seen.insert(name).second) {
      error = "invalid or repeated label name '" + name + "'";
      return false;
    }
    if (at + 1 >= line.size() || line[at + 1] != '"') {
      error = "label value of '" + name + "' not quoted";
      return false;
    }
    at += 2;
    bool closed = false;
    while (at < line.size()) {
      if (line[at] == '\\') {
        if (at + 1 >= line.size() ||
            (line[at + 1] != '\\' && line[at + 1] != '"' && line[at + 1] != 'n')) {
          error = "bad escape in the value of '" + name + "'";
          return false;
        }
        at += 2;
      } else if (line[at] == '"') {
        closed = true;
        ++at;
        break;
      } else {
        ++at;
      }
    }
    if (!closed) {
      error = "unterminated value of '" + name + "'";
      return false;
    }
    if (at < line.size() && line[at] == ',') ++at;
  }
  if (at >= line.size()) {
    error = "labels not closed";
    return false;
  }
  ++at;  // '}'
  return true;
}

}  // namespace

PrometheusSamples parse_prometheus_text(const std::string& text) {
  PrometheusSamples result;
  if (!text.empty() && !text.ends_with('\n')) {
    result.error = "the text does not end with a newline";
    return result;
  }
  std::set<std::string> helped;
  std::istringstream lines(text);
  std::string line;
  int number = 0;
  auto fail = [&](const std::string& what) {
    result.error = "line " + std::to_string(number) + ": " + what + " in '" + line + "'";
    return result;
  };
  while (std::getline(lines, line)) {
    ++number;
    if (line.empty()) continue;
    if (line.starts_with("# HELP ") || line.starts_with("# TYPE ")) {
      const bool is_type = line[2] == 'T';
      const std::size_t space = line.find(' ', 7);
      const std::string name =
          line.substr(7, space == std::string::npos ? std::string::npos : space - 7);
      if (!valid_metric_name(name)) return fail("invalid metric name");
      if (is_type) {
        const std::string type = space == std::string::npos ? "" : line.substr(space + 1);
        static const std::set<std::string> kTypes = {"counter", "gauge", "summary", "histogram",
                                                     "untyped"};
        if (!kTypes.contains(type)) return fail("unknown type");
        if (!result.types.emplace(name, type).second) return fail("second TYPE");
      } else if (!helped.insert(name).second) {
        return fail("second HELP");
      }
      continue;
    }
    if (line.starts_with('#')) continue;
    std::size_t at = 0;
    while (at < line.size() && name_char(line[at])) ++at;
    const std::string name = line.substr(0, at);
    if (!valid_metric_name(name)) return fail("invalid metric name");
    if (!result.types.contains(family_of(name, result.types))) return fail("sample before TYPE");
    if (at < line.size() && line[at] == '{') {
      std::string error;
      if (!read_labels(line, at, error)) return fail(error);
    }
    const std::string series = line.substr(0, at);
    if (at >= line.size() || line[at] != ' ') return fail("no space before the value");
    std::string rest = line.substr(at + 1);
    const std::size_t timestamp = rest.find(' ');
    const std::string value = rest.substr(0, timestamp);
    if (!valid_value(value)) return fail("invalid value");
    if (!result.samples.emplace(series, value).second) return fail("repeated series");
  }
  return result;
}

}  // namespace kontor::testing
