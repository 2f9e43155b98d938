#include "store/event_payload.hpp"

#include <fmt/format.h>

#include "kontor/model/date.hpp"

namespace kontor::store {

std::string json_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
          out += c;  // UTF-8 passes through
        }
    }
  }
  out += '"';
  return out;
}

void JsonObject::key(std::string_view name) {
  if (!body_.empty()) body_ += ',';
  body_ += json_quoted(name);
  body_ += ':';
}

JsonObject& JsonObject::add_text(std::string_view name, std::string_view value) {
  key(name);
  body_ += json_quoted(value);
  return *this;
}

JsonObject& JsonObject::add_number(std::string_view name, std::int64_t value) {
  key(name);
  body_ += std::to_string(value);
  return *this;
}

JsonObject& JsonObject::add_json(std::string_view name, std::string_view json) {
  key(name);
  body_ += json;
  return *this;
}

JsonObject& JsonObject::add_fields(const Fields& fields) {
  for (const auto& [name, value] : fields) add_text(name, value);
  return *this;
}

std::string changed_fields_json(const Fields& before, const Fields& after) {
  JsonObject changes;
  bool any = false;
  for (std::size_t k = 0; k < before.size() && k < after.size(); ++k) {
    if (before[k].second == after[k].second) continue;
    any = true;
    changes.add_json(
        after[k].first,
        JsonObject().add_text("from", before[k].second).add_text("to", after[k].second).str());
  }
  return any ? changes.str() : std::string();
}

std::string utc_timestamp(std::chrono::sys_time<std::chrono::microseconds> instant) {
  using namespace std::chrono;
  const sys_days day = floor<days>(instant);
  const auto since_midnight = duration_cast<milliseconds>(instant - day).count();
  const Result<Date> date = Date::from_days_since_epoch(day.time_since_epoch().count());
  const std::string date_text = date ? date->to_iso() : "0000-00-00";
  return fmt::format("{}T{:02}:{:02}:{:02}.{:03}Z", date_text, since_midnight / 3600000,
                     since_midnight / 60000 % 60, since_midnight / 1000 % 60,
                     since_midnight % 1000);
}

}  // namespace kontor::store
