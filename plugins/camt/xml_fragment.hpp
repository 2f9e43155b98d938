// XmlFragment: one element of a camt document (a statement's Ntry, Bal, Acct ...) parsed by
// pugixml on its own, and the namespace-agnostic look-ups the readers use on it.
//
// pugixml never expands entities beyond the five predefined ones and character references (it
// has no DTD processing; DOCTYPE is refused before any fragment is parsed), so a fragment's
// size bounds its tree. Element names are matched by their local part: "ns2:Ntry" is Ntry, as
// the versions of camt agree on names and banks differ on prefixes. Control characters, which
// XML does not allow but banks send, are read as blanks and reported.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "camt_document.hpp"
#include "kontor/result.hpp"

namespace kontor::plugins::camt {

class XmlFragment {
 public:
  explicit XmlFragment(TextEncoding encoding) : encoding_(encoding) {}

  // Parses `text` (one whole element). An error's position is the byte offset in `text` where
  // pugixml stopped.
  Result<pugi::xml_node> parse(std::string_view text);

  // Byte offset in the last text of its first control character, or npos.
  std::size_t first_control_character() const { return first_control_; }

  // The offset in the last text of an offset pugixml reports (an error's, a node's
  // offset_debug()): the same, unless the text was ISO-8859-1 and parsed as UTF-8.
  std::size_t original_offset(std::size_t parsed) const;

 private:
  TextEncoding encoding_;
  pugi::xml_document document_;
  std::string scratch_;
  std::string converted_;  // an ISO-8859-1 text as UTF-8, as it was before parsing
  std::size_t first_control_ = std::string::npos;
};

// "Ntry" for <ns2:Ntry>.
std::string_view local_name(pugi::xml_node node);
// The first child element with that local name (an empty node if none).
pugi::xml_node child(pugi::xml_node node, std::string_view local);
// child(child(node, a), b) ...
pugi::xml_node descend(pugi::xml_node node, std::initializer_list<std::string_view> path);
// The text directly inside an element, as written (entities resolved); empty for none.
std::string_view raw_text(pugi::xml_node node);

// Calls f(child) for each child element with that local name, in order.
template <typename F>
void for_each_child(pugi::xml_node node, std::string_view local, F&& f) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c) == local) f(c);
  }
}

}  // namespace kontor::plugins::camt
