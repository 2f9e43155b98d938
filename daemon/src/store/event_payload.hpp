// The payload of an audit event: a flat JSON object of text fields, written without a JSON
// library (nlohmann stays out of the store's headers) and escaped for any text a bank or an
// ERP sends. Also the event time format.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kontor::store {

// An entity as named fields with their stored text, in a fixed order: the payload of an
// insert, and what an update is compared by.
using Fields = std::vector<std::pair<std::string_view, std::string>>;

class JsonObject {
 public:
  JsonObject& add_text(std::string_view key, std::string_view value);
  JsonObject& add_number(std::string_view key, std::int64_t value);
  // `json` must already be valid JSON (a nested object).
  JsonObject& add_json(std::string_view key, std::string_view json);
  JsonObject& add_fields(const Fields& fields);
  std::string str() const { return "{" + body_ + "}"; }

 private:
  void key(std::string_view name);
  std::string body_;
};

// `text` as a JSON string literal, quotes included.
std::string json_quoted(std::string_view text);

// {"field": {"from": "...", "to": "..."}, ...} for the fields whose text differs; empty when
// none does. Precondition: both lists name the same fields in the same order.
std::string changed_fields_json(const Fields& before, const Fields& after);

// "2026-11-28T09:30:00.123Z"
std::string utc_timestamp(std::chrono::sys_time<std::chrono::microseconds> instant);

}  // namespace kontor::store
