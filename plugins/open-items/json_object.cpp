#include "json_object.hpp"

#include <nlohmann/json.hpp>
#include <unordered_set>

namespace kontor::plugins::open_items {
namespace {

using Json = nlohmann::json;

// SAX events of one flat object; anything else stops the parser with a message.
class FlatObject {
 public:
  explicit FlatObject(std::vector<JsonMember>& members) : members_(members) {}

  const std::string& error() const { return error_; }

  bool null() { return value(std::string(), false); }
  bool boolean(bool value_read) { return value(value_read ? "true" : "false", false); }
  bool number_integer(Json::number_integer_t number) { return value(std::to_string(number), true); }
  bool number_unsigned(Json::number_unsigned_t number) {
    return value(std::to_string(number), true);
  }
  bool number_float(Json::number_float_t /*binary value, unused*/, const Json::string_t& text) {
    return value(text, true);
  }
  bool string(Json::string_t& text) { return value(std::move(text), false); }
  bool binary(Json::binary_t& /*unused*/) { return fail("binary values are not JSON text"); }

  bool start_object(std::size_t /*unused*/) {
    if (depth_ > 0) return fail("member '" + key_ + "' holds an object; values must be plain");
    ++depth_;
    return true;
  }
  bool end_object() {
    --depth_;
    return true;
  }
  bool start_array(std::size_t /*unused*/) {
    if (depth_ == 0) return fail("expected an object {...}, found an array");
    return fail("member '" + key_ + "' holds an array; values must be plain");
  }
  bool end_array() { return true; }
  bool key(Json::string_t& key_read) {
    key_ = std::move(key_read);
    if (!keys_.insert(key_).second) return fail("key '" + key_ + "' appears twice");
    return true;
  }

  bool parse_error(std::size_t position, const std::string& /*last token*/,
                   const nlohmann::detail::exception& problem) {
    // "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error ..."
    std::string detail = problem.what();
    if (const auto column = detail.find("column "); column != std::string::npos) {
      if (const auto colon = detail.find(": ", column); colon != std::string::npos) {
        detail.erase(0, colon + 2);
      }
    } else if (const auto end_of_id = detail.find("] "); end_of_id != std::string::npos) {
      detail.erase(0, end_of_id + 2);
    }
    error_ = "not valid JSON at byte " + std::to_string(position) + ": " + detail;
    return false;
  }

 private:
  bool value(std::string text, bool is_number) {
    if (depth_ == 0) return fail("expected an object {...}, found a single value");
    members_.push_back(JsonMember{std::move(key_), std::move(text), is_number});
    key_.clear();
    return true;
  }
  bool fail(std::string message) {
    error_ = std::move(message);
    return false;
  }

  std::vector<JsonMember>& members_;
  std::unordered_set<std::string> keys_;
  std::string key_;
  std::string error_;
  int depth_ = 0;
};

}  // namespace

Status read_json_object(std::string_view line, std::vector<JsonMember>& members) {
  members.clear();
  FlatObject object(members);
  if (!Json::sax_parse(line.begin(), line.end(), &object)) return Error{object.error()};
  return {};
}

}  // namespace kontor::plugins::open_items
