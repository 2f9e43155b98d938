// One line of a JSON Lines file read as a flat JSON object: its members in the order written,
// each value as the text it was written with. A number keeps its digits ("119.00" stays
// "119.00"): amounts never pass through a binary floating-point value.
//
// nlohmann-json's SAX parser does the reading (strict JSON, nothing after the object); it is
// used only here, so no other file of the plugin depends on it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kontor/result.hpp"

namespace kontor::plugins::open_items {

struct JsonMember {
  std::string key;
  std::string text;  // a string unescaped, a number as written, "true"/"false", "" for null
  bool is_number = false;
};

// Reads `line` (UTF-8) into `members` (cleared first). An error says what is wrong: not JSON
// (with the column), not an object, a member whose value is an object or array, a key twice.
Status read_json_object(std::string_view line, std::vector<JsonMember>& members);

}  // namespace kontor::plugins::open_items
