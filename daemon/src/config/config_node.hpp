// ConfigNode: Kontor's own read-only configuration tree.
//
// The YAML reader turns a file into this tree at once, keeping the line and column of every
// key and value, so that each later check can say exactly where a problem is. Nothing outside
// daemon/src/config sees yaml-cpp; plugins see validated values through the SDK only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kontor::config {

// A place in a configuration file, 1-based as editors show it. line 0 means "no place"
// (a default value that was not written anywhere).
struct SourcePosition {
  std::string file;
  int line = 0;
  int column = 0;
};

// "FILE:LINE:COLUMN" or just "FILE" when the position is unknown.
std::string to_string(const SourcePosition& position);

class ConfigNode {
 public:
  enum class Kind { kNull, kScalar, kSequence, kMap };
  struct Entry;

  ConfigNode() = default;
  static ConfigNode null(SourcePosition position);
  static ConfigNode scalar(std::string text, SourcePosition position, bool quoted = false);
  static ConfigNode sequence(std::vector<ConfigNode> items, SourcePosition position);
  static ConfigNode map(std::vector<Entry> entries, SourcePosition position);

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::kNull; }
  bool is_scalar() const { return kind_ == Kind::kScalar; }
  bool is_sequence() const { return kind_ == Kind::kSequence; }
  bool is_map() const { return kind_ == Kind::kMap; }
  const SourcePosition& position() const { return position_; }

  // Scalar text as written (after ${VAR} expansion once validated). Quoted scalars are
  // always strings; plain ones may be read as numbers, booleans or durations.
  const std::string& text() const { return text_; }
  bool quoted() const { return quoted_; }

  const std::vector<ConfigNode>& items() const { return items_; }
  const std::vector<Entry>& entries() const { return entries_; }
  // The value under `key` in a map, or nullptr.
  const ConfigNode* find(std::string_view key) const;

 private:
  Kind kind_ = Kind::kNull;
  SourcePosition position_;
  std::string text_;
  bool quoted_ = false;
  std::vector<ConfigNode> items_;
  std::vector<Entry> entries_;
};

struct ConfigNode::Entry {
  std::string key;
  SourcePosition key_position;
  ConfigNode value;
};

// Human name of a node kind for messages: "a map", "a list", "a value", "nothing".
std::string_view describe(ConfigNode::Kind kind);

// The whole number a validated scalar holds, or `fallback` when `node` is null (the key is
// absent) or not a number: engines read their sections after the schema checked them.
int int_or(const ConfigNode* node, int fallback);

// The text a scalar holds, or `fallback` when `node` is null or not a scalar.
std::string text_or(const ConfigNode* node, std::string fallback);

}  // namespace kontor::config
