#include "config/config_node.hpp"

#include <fmt/format.h>

#include <charconv>

namespace kontor::config {

std::string to_string(const SourcePosition& position) {
  if (position.line <= 0) return position.file;
  return fmt::format("{}:{}:{}", position.file, position.line, position.column);
}

ConfigNode ConfigNode::null(SourcePosition position) {
  ConfigNode node;
  node.position_ = std::move(position);
  return node;
}

ConfigNode ConfigNode::scalar(std::string text, SourcePosition position, bool quoted) {
  ConfigNode node;
  node.kind_ = Kind::kScalar;
  node.text_ = std::move(text);
  node.position_ = std::move(position);
  node.quoted_ = quoted;
  return node;
}

ConfigNode ConfigNode::sequence(std::vector<ConfigNode> items, SourcePosition position) {
  ConfigNode node;
  node.kind_ = Kind::kSequence;
  node.items_ = std::move(items);
  node.position_ = std::move(position);
  return node;
}

ConfigNode ConfigNode::map(std::vector<Entry> entries, SourcePosition position) {
  ConfigNode node;
  node.kind_ = Kind::kMap;
  node.entries_ = std::move(entries);
  node.position_ = std::move(position);
  return node;
}

const ConfigNode* ConfigNode::find(std::string_view key) const {
  for (const auto& entry : entries_) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

std::string_view describe(ConfigNode::Kind kind) {
  switch (kind) {
    case ConfigNode::Kind::kNull:
      return "nothing";
    case ConfigNode::Kind::kScalar:
      return "a single value";
    case ConfigNode::Kind::kSequence:
      return "a list";
    case ConfigNode::Kind::kMap:
      return "a map";
  }
  return "?";
}

int int_or(const ConfigNode* node, int fallback) {
  if (node == nullptr || !node->is_scalar()) return fallback;
  int value = fallback;
  const std::string& text = node->text();
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

std::string text_or(const ConfigNode* node, std::string fallback) {
  return node != nullptr && node->is_scalar() ? node->text() : fallback;
}

}  // namespace kontor::config
