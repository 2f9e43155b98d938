// PartContext: what the readers of one parsed part of a camt document (a Ntry, a Bal, an Acct)
// need besides its nodes — where a node is in the file, for errors ("LINE:COLUMN: ...") and
// warnings (a line), where warnings go, and the cleaned text of a node.
#pragma once

#include <cstdint>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "camt_document.hpp"
#include "kontor/result.hpp"
#include "text_position.hpp"
#include "xml_fragment.hpp"

namespace kontor::plugins::camt {

// Where a reader's warnings go (the statement they belong to, see camt_reader.cpp).
class WarningSink {
 public:
  virtual ~WarningSink() = default;
  virtual void warning(std::int64_t line, std::string_view code, std::string message) = 0;
};

class PartContext {
 public:
  PartContext(const CamtDocument& document, const CamtPart& part, const XmlFragment& fragment,
              WarningSink& warnings)
      : document_(document), part_offset_(part.offset), fragment_(fragment), warnings_(warnings) {}

  // Of the node's '<'. Nodes asked for in document order cost one pass over the part.
  TextPosition position_of(pugi::xml_node node);
  std::int64_t line_of(pugi::xml_node node) { return position_of(node).line(); }

  Error error(pugi::xml_node node, const std::string& message) {
    return Error{position_of(node).text() + ": " + message};
  }
  void warn(pugi::xml_node node, std::string_view code, std::string message) {
    warnings_.warning(line_of(node), code, std::move(message));
  }
  WarningSink& warnings() { return warnings_; }

  // The node's text cleaned (clean_text.hpp); what was dropped or replaced is reported once
  // per part.
  std::string text(pugi::xml_node node);

 private:
  const CamtDocument& document_;
  std::uint64_t part_offset_;
  const XmlFragment& fragment_;
  WarningSink& warnings_;
  // The position last computed, to go on from.
  std::uint64_t known_offset_ = 0;
  TextPosition known_position_;
  bool known_ = false;
  bool control_reported_ = false;
  bool invalid_reported_ = false;
};

}  // namespace kontor::plugins::camt
