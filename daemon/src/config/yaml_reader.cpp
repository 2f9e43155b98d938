#include "config/yaml_reader.hpp"

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_set>

namespace kontor::config {
namespace {

// Configuration files are small; a file beyond this is a mistake (or an attack), not a config.
constexpr std::size_t kMaxConfigBytes = 4 * 1024 * 1024;

SourcePosition position_of(const YAML::Mark& mark, const std::string& file) {
  if (mark.line < 0) return {file, 0, 0};
  return {file, mark.line + 1, mark.column + 1};
}

class Converter {
 public:
  Converter(const std::string& file, ConfigErrors& errors) : file_(file), errors_(errors) {}

  ConfigNode convert(const YAML::Node& node) {
    const SourcePosition position = position_of(node.Mark(), file_);
    switch (node.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        return ConfigNode::null(position);
      case YAML::NodeType::Scalar:
        // yaml-cpp tags quoted scalars "!", plain ones "?".
        return ConfigNode::scalar(node.Scalar(), position, node.Tag() == "!");
      case YAML::NodeType::Sequence: {
        std::vector<ConfigNode> items;
        items.reserve(node.size());
        for (const auto& item : node) items.push_back(convert(item));
        return ConfigNode::sequence(std::move(items), position);
      }
      case YAML::NodeType::Map:
        return convert_map(node, position);
    }
    return ConfigNode::null(position);
  }

 private:
  ConfigNode convert_map(const YAML::Node& node, const SourcePosition& position) {
    std::vector<ConfigNode::Entry> entries;
    std::unordered_set<std::string> seen;
    for (const auto& pair : node) {
      const SourcePosition key_position = position_of(pair.first.Mark(), file_);
      if (!pair.first.IsScalar()) {
        errors_.push_back({key_position, "a key must be a plain name, not a list or map"});
        continue;
      }
      std::string key = pair.first.Scalar();
      if (!seen.insert(key).second) {
        errors_.push_back({key_position, "duplicate key '" + key + "'"});
        continue;
      }
      entries.push_back({std::move(key), key_position, convert(pair.second)});
    }
    return ConfigNode::map(std::move(entries), position);
  }

  const std::string& file_;
  ConfigErrors& errors_;
};

}  // namespace

YamlDocument read_yaml(std::string_view text, const std::string& file_name) {
  YamlDocument document;
  try {
    const std::string buffer(text);
    const YAML::Node root = YAML::Load(buffer);
    Converter converter(file_name, document.errors);
    document.root = converter.convert(root);
  } catch (const YAML::Exception& e) {
    document.errors.push_back({position_of(e.mark, file_name), "YAML syntax: " + e.msg});
  }
  if (!document.errors.empty()) document.root = ConfigNode::null({file_name, 0, 0});
  return document;
}

Result<std::string> read_config_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{std::string("cannot read configuration: ") + std::strerror(errno)};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (buffer.str().size() > kMaxConfigBytes) {
    return Error{"configuration file is larger than 4 MiB"};
  }
  return buffer.str();
}

}  // namespace kontor::config
