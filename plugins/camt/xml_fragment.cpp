#include "xml_fragment.hpp"

#include <cstring>

namespace kontor::plugins::camt {

Result<pugi::xml_node> XmlFragment::parse(std::string_view text) {
  scratch_.assign(text);
  first_control_ = std::string::npos;
  for (std::size_t k = 0; k < scratch_.size(); ++k) {
    const auto c = static_cast<unsigned char>(scratch_[k]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      if (first_control_ == std::string::npos) first_control_ = k;
      scratch_[k] = ' ';
    }
  }
  // Entity and character references resolved, CDATA kept as text, line ends normalised;
  // comments, processing instructions and DOCTYPE never become nodes.
  constexpr unsigned options = pugi::parse_escapes | pugi::parse_cdata | pugi::parse_eol;
  const pugi::xml_encoding encoding =
      encoding_ == TextEncoding::latin1 ? pugi::encoding_latin1 : pugi::encoding_utf8;
  const pugi::xml_parse_result result =
      document_.load_buffer_inplace(scratch_.data(), scratch_.size(), options, encoding);
  if (!result) {
    return Error{result.description(), static_cast<std::int64_t>(result.offset)};
  }
  pugi::xml_node element = document_.document_element();
  if (!element) return Error{"no element", 0};
  return element;
}

std::string_view local_name(pugi::xml_node node) {
  const char* name = node.name();
  const char* colon = std::strchr(name, ':');
  return colon == nullptr ? std::string_view(name) : std::string_view(colon + 1);
}

pugi::xml_node child(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c) == local) return c;
  }
  return {};
}

pugi::xml_node descend(pugi::xml_node node, std::initializer_list<std::string_view> path) {
  for (std::string_view step : path) {
    if (!node) break;
    node = child(node, step);
  }
  return node;
}

std::string_view raw_text(pugi::xml_node node) {
  return node.child_value();
}

}  // namespace kontor::plugins::camt
