#include "xml_fragment.hpp"

#include <cstring>

namespace kontor::plugins::camt {

Result<pugi::xml_node> XmlFragment::parse(std::string_view text) {
  first_control_ = std::string::npos;
  for (std::size_t k = 0; k < text.size(); ++k) {
    const auto c = static_cast<unsigned char>(text[k]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      first_control_ = k;
      break;
    }
  }
  if (encoding_ == TextEncoding::latin1) {
    // Every byte is the code point of its value; converted here (not by pugixml) so that
    // offsets in the UTF-8 text can be traced back.
    converted_.clear();
    for (char c : text) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte < 0x80) {
        converted_ += c;
      } else {
        converted_ += static_cast<char>(0xC0 | (byte >> 6));
        converted_ += static_cast<char>(0x80 | (byte & 0x3F));
      }
    }
    scratch_.assign(converted_);
  } else {
    scratch_.assign(text);
  }
  if (first_control_ != std::string::npos) {
    for (char& c : scratch_) {
      const auto byte = static_cast<unsigned char>(c);
      if ((byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7F) c = ' ';
    }
  }
  // Entity and character references resolved, CDATA kept as text, line ends normalised;
  // comments, processing instructions and DOCTYPE never become nodes.
  constexpr unsigned options = pugi::parse_escapes | pugi::parse_cdata | pugi::parse_eol;
  const pugi::xml_parse_result result =
      document_.load_buffer_inplace(scratch_.data(), scratch_.size(), options, pugi::encoding_utf8);
  if (!result) {
    return Error{
        result.description(),
        static_cast<std::int64_t>(original_offset(static_cast<std::size_t>(result.offset)))};
  }
  pugi::xml_node element = document_.document_element();
  if (!element) return Error{"no element", 0};
  return element;
}

std::size_t XmlFragment::original_offset(std::size_t parsed) const {
  if (encoding_ != TextEncoding::latin1) return parsed;
  std::size_t original = 0;
  for (std::size_t k = 0; k < parsed && k < converted_.size(); ++k) {
    if ((static_cast<unsigned char>(converted_[k]) & 0xC0) != 0x80) ++original;
  }
  return original;
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
